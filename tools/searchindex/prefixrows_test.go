package searchindex

import (
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/search"
)

// TestReaderPrefixReadsNoDictionary wants the reader to take a prefix's
// terms from their term frequency rows, which the query reads anyway, and
// not to fetch the text fields' dictionary for a word typed with recall.
func TestReaderPrefixReadsNoDictionary(t *testing.T) {
	js := exampleJS(t)
	x, err := Build(Docs(exampleSite(t)), smallOptions)
	if err != nil {
		t.Fatal(err)
	}
	refs, keys, _ := layoutChunks(t, x)
	text := map[byte]bool{}
	for _, f := range search.Fields {
		if f.Kind == search.Text {
			text[byte(fieldID[f.Name])] = true
		}
	}
	dict := map[string]bool{}
	for i, r := range refs {
		for _, k := range keys[i] {
			if k[0] == 'd' && text[k[1]] {
				dict[r.File] = true
			}
		}
	}
	for _, q := range []string{"skole", "barnehage", "vei", "skole barnehage", "budsjett", "skol*", "+skol* -vei"} {
		a := js.search(t, search.Request{Query: q, Size: 10, Recall: true})
		if a.Unsupported != "" {
			t.Fatalf("%q: %s", q, a.Unsupported)
		}
		for _, f := range a.Files {
			if dict[f] {
				t.Errorf("%q: fetched %s, a chunk of the text fields' dictionary (files %s)", q, f, strings.Join(a.Files, " "))
			}
		}
		if a.Total == 0 {
			t.Errorf("%q: no hits", q)
		}
	}
}
