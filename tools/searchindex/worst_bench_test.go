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
