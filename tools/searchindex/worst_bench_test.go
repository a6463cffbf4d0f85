package searchindex

import (
	"fmt"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/search"
)

// worstWord is a word of n runes made of known word parts all the way
// ("skoleskole…"), the shape the decompounder works hardest on.
func worstWord(n int) string {
	return strings.Repeat("skole", n/5+1)[:n]
}

// compounds is a text of n distinct compounds of known parts, with their
// inflections: many terms, each split.
func compounds(n int) string {
	p := search.WordParts
	endings := []string{"", "en", "ene", "er", "ane"}
	words := make([]string, n)
	for i := range words {
		words[i] = p[i%len(p)] + p[(i/len(p))%len(p)] + endings[(i/len(p)/len(p))%len(endings)]
	}
	return strings.Join(words, " ")
}

func worstDoc(text string) []*Doc {
	d := &Doc{Key: "worst/1", Tittel: "Verste tilfelle", Tekst: text,
		Result: search.ResultDoc{Type: "vedtak", Title: "Verste tilfelle", URL: "vedtak/worst/", Text: text}}
	d.kw("type", "vedtak")
	return []*Doc{d}
}

// BenchmarkWorstIndex builds the index of one document of each worst shape
// at a size and at half that size; each must take at most about twice as
// long at the size as at half of it:
//
//	go test ./tools/searchindex -run '^$' -bench WorstIndex -benchtime 5x
func BenchmarkWorstIndex(b *testing.B) {
	cases := []struct {
		name string
		text func(n int) string
		n    int
	}{
		// One word far past the decompounding limit (cubic before the limit).
		{"word", worstWord, 20000},
		// Many words at the decompounding limit, split as far as they go.
		{"words_at_limit", func(n int) string {
			return strings.TrimSpace(strings.Repeat(worstWord(n)+" ", 2000))
		}, search.MaxCompoundRunes - search.MaxCompoundRunes%10},
		// A long text of distinct compounds.
		{"compounds", compounds, 40000},
	}
	for _, c := range cases {
		for _, n := range []int{c.n / 2, c.n} {
			docs := worstDoc(c.text(n))
			b.Run(fmt.Sprintf("%s=%d", c.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(docs[0].Tekst)))
				for b.Loop() {
					if _, err := Build(docs, Options{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// worstQueries are queries of the worst shapes the search box accepts,
// cut to n runes (and at most search.MaxQueryWords words).
var worstQueries = []struct {
	name string
	unit string // repeated to the length
}{
	{"words", "skole barnehage vei budsjett kommunestyret idrettshall omsorg vann "},
	{"operators", `+"skole barn" -vei tittel:skole~2 dato:>2020 skol* `},
	{"quotes", `"skole "barn "vei "`},
	{"fuzzy", "skolebarnehageveibudsjettkommunestyretidrettshallomsorgvann~2 "},
	{"wildcards", "*sk*le* "},
	{"unbalanced", `"skole (barn [vei {budsjett: `},
	{"punctuation", `!!! ??? ::: \\ ^^^ ~~~ &&& ||| --- +++ `},
}

// worstQuery is the unit repeated up to n runes, cut shorter until the
// engine accepts it (search.MaxQueryWords, search.MaxQueryPatterns).
func worstQuery(unit string, n int) string {
	q := []rune(strings.Repeat(unit, n/len([]rune(unit))+1))[:n]
	for {
		if _, _, err := search.Parse(string(q)); err == nil {
			return string(q)
		}
		q = q[:len(q)-1]
	}
}

// BenchmarkWorstQuery runs each worst query shape at the query length
// limit and at half of it, over the synthetic kommune of 5 000 vedtak with
// everything the query needs already fetched (so it times the engine, as
// in the browser after the first round). Each must take at most about
// twice as long at the limit as at half of it:
//
//	go test ./tools/searchindex -run '^$' -bench WorstQuery -benchtime 20x
func BenchmarkWorstQuery(b *testing.B) {
	x := syntheticIndex(b, 5000)
	for _, s := range worstQueries {
		for _, n := range []int{search.MaxQueryRunes / 2, search.MaxQueryRunes} {
			q := worstQuery(s.unit, n)
			b.Run(fmt.Sprintf("%s=%d", s.name, n), func(b *testing.B) {
				c := client(b, x)
				r, err := c.Search(search.Request{Query: q})
				if err != nil {
					b.Fatalf("%q: %v", q, err)
				}
				for b.Loop() {
					if _, err := c.Search(search.Request{Query: q}); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(len([]rune(q))), "runes")
				b.ReportMetric(float64(r.Total), "hits")
			})
		}
	}
	// A query far past the limit is refused in time linear in its length.
	for _, n := range []int{50000, 100000} {
		q := strings.Repeat("x", n)
		b.Run(fmt.Sprintf("too_long=%d", n), func(b *testing.B) {
			c := client(b, x)
			for b.Loop() {
				if r := c.Engine.Search(search.Request{Query: q}); r.Code != "too_long" {
					b.Fatalf("%+v", r)
				}
			}
		})
	}
}
