package searchindex

import (
	"slices"
	"sort"
	"testing"

	"github.com/openkommune/portal/tools/search"
)

// TestNynorsk checks the analysis on nynorsk text. Snowball's Norwegian
// stemmer is made for bokmål, but nynorsk's endings (-ar, -ane, -a, -en)
// are among its suffixes, and the word parts list has the nynorsk forms
// (skule, veg, kyrkje, bustad, teneste), so inflections and compounds work
// within nynorsk. A bokmål word does not find its nynorsk twin: "skole"
// does not find "skule".
func TestNynorsk(t *testing.T) {
	texts := map[string]string{
		"a": "Ny barneskule på Nordbyen",
		"b": "Skulane i kommunen skal rustast opp",
		"c": "Vegen til kyrkja vert stengd",
		"d": "Ungdomsskulen får nytt tak",
		"e": "Gang- og sykkelvegar langs fylkesvegen",
		"f": "Nye omsorgsbustader i sentrum",
		"g": "Heimetenesta får fleire tilsette",
		"h": "Skulen og barnehagen deler uteområde",
	}
	var docs []*Doc
	for k, v := range texts {
		d := &Doc{Key: k, Tittel: v, Result: search.ResultDoc{Type: "vedtak", Title: v, URL: k}}
		d.kw("type", "vedtak")
		docs = append(docs, d)
	}
	x, err := Build(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := client(t, x)
	for q, want := range map[string]string{
		"skule":     "abdh",
		"skulen":    "abdh",
		"skular":    "abdh",
		"veg":       "ce",
		"vegane":    "ce",
		"kyrkje":    "c",
		"bustad":    "f",
		"teneste":   "g",
		"barnehage": "h",
		"skole":     "",
	} {
		r, err := c.Search(search.Request{Query: q, Size: 50})
		if err != nil {
			t.Fatal(err)
		}
		got := urls(r)
		sort.Strings(got)
		var wantList []string
		for _, k := range want {
			wantList = append(wantList, string(k))
		}
		if !slices.Equal(got, wantList) {
			t.Errorf("%q finds %q, want %q", q, got, wantList)
		}
	}
}
