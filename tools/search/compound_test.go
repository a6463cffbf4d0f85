package search

import (
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
		for _, p := range f.split(c.word) {
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
