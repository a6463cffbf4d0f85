package search

import (
	"fmt"
	"github.com/blevesearch/bleve/v2/analysis"
	"slices"
	"strings"
	"testing"
)

func TestCompoundSplits(t *testing.T) {
	f := NewCompoundFilter(WordParts)
	cases := []struct {
		word  string
		parts string // the emitted parts, space separated; "" for no split
	}{
		{"barneskolen", "skolen barn"},
		{"ungdomsskole", "skole ungdom"},
		{"ungdomsskolene", "skolene ungdom"},
		{"skoleveien", "veien skole"},
		{"skolebygg", "bygg skole"},
		{"trafikksikring", "sikring trafikk"},
		{"idrettshall", "hall idrett"},
		{"barnehageplassen", "plassen barnehage"},
		{"renseanlegget", "anlegget"},
		{"omsorgsboliger", "boliger omsorg"},
		{"barneskulen", "skulen barn"},
		{"ungdomsskular", "skular ungdom"},
		{"gangvegen", "vegen gang"},
		{"kostnadsramme", "ramme"},
		{"driftsrammer", "rammer drift"},
		// Must not split.
		{"veiledning", ""},
		{"planlegging", ""},
		{"delegaten", ""},
		{"signatur", ""},
		{"analyse", ""},
		{"skolering", ""},
		{"skolene", ""},
		{"barnehagen", ""},
		{"idretten", ""},
		{"kommunen", ""},
		{"omsorgsfull", ""},
	}
	for _, c := range cases {
		var got []string
		var work int
		for _, p := range f.split(c.word, &work) {
			got = append(got, c.word[p.start:p.end])
		}
		want := strings.Fields(c.parts)
		if !slices.Equal(got, want) {
			t.Errorf("split(%q) = %q, want %q", c.word, got, want)
		}
	}
}

func TestWordPartsSorted(t *testing.T) {
	if !slices.IsSorted(WordParts) {
		t.Error("WordParts is not sorted")
	}
	if len(slices.Compact(slices.Clone(WordParts))) != len(WordParts) {
		t.Error("WordParts has duplicates")
	}
}

// worstWord is a word of n runes the splitter must work hardest on: known
// parts all the way, so that every front splits again.
func worstWord(n int) string {
	var b strings.Builder
	for b.Len() < n {
		b.WriteString("skole")
	}
	return b.String()[:n]
}

// TestCompoundWorkLinear checks that the splitter's work grows linearly
// with a word's length, also past the length the filter splits: twice the
// word, at most about twice the lookups.
func TestCompoundWorkLinear(t *testing.T) {
	f := NewCompoundFilter(WordParts)
	work := func(n int) int {
		var w int
		f.split(worstWord(n), &w)
		return w
	}
	for _, n := range []int{MaxCompoundRunes, 1000, 20000} {
		half, full := work(n/2), work(n)
		if full > 2*half+2*(f.maxHead+2) {
			t.Errorf("%d runes: %d lookups, %d for half as many", n, full, half)
		}
		if full > n*(f.maxHead+2) {
			t.Errorf("%d runes: %d lookups, more than %d per rune", n, full, f.maxHead+2)
		}
	}
}

// TestCompoundAllocations checks that a split does not copy its parts
// per level (which made it quadratic): a word of thousands of parts takes
// only the slice's growth steps.
func TestCompoundAllocations(t *testing.T) {
	f := NewCompoundFilter(WordParts)
	w := worstWord(20000)
	var work int
	if n := testing.AllocsPerRun(3, func() { f.split(w, &work) }); n > 40 {
		t.Errorf("splitting %d runes allocates %v times", len(w), n)
	}
}

// TestCompoundLongWordWhole checks the cap: a word longer than
// MaxCompoundRunes is indexed whole, however many parts it holds, and one
// at the cap is still split.
func TestCompoundLongWordWhole(t *testing.T) {
	f := NewCompoundFilter(WordParts)
	atCap := MaxCompoundRunes - MaxCompoundRunes%5 // whole "skole"s
	for _, c := range []struct {
		word  string
		split bool
	}{
		{worstWord(20000), false},
		{worstWord(atCap + 5), false},
		{worstWord(atCap), true},
	} {
		out := f.Filter(analysis.TokenStream{{Term: []byte(c.word), Start: 0, End: len(c.word), Position: 1}})
		if split := len(out) > 1; split != c.split {
			t.Errorf("%d runes: %d tokens, want split %v", len(c.word), len(out), c.split)
		}
	}
}

// BenchmarkCompoundWorst splits the worst word at the decompounding limit
// and at half of it, and far past it (uncapped, as split sees it); time
// at a length must be at most about twice that at half of it:
//
//	go test ./tools/search -run '^$' -bench CompoundWorst
func BenchmarkCompoundWorst(b *testing.B) {
	f := NewCompoundFilter(WordParts)
	atCap := MaxCompoundRunes - MaxCompoundRunes%10
	for _, n := range []int{atCap / 2, atCap, 10000, 20000} {
		w := worstWord(n)
		b.Run(fmt.Sprintf("runes=%d", n), func(b *testing.B) {
			var work int
			for b.Loop() {
				work = 0
				f.split(w, &work)
			}
			b.ReportMetric(float64(work), "lookups")
		})
	}
}
