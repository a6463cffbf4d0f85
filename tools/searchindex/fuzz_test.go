package searchindex

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/openkommune/portal/tools/search"
)

var engines struct {
	once    sync.Once
	chunked *Client        // the static files, fetched as the browser does
	mem     *search.Engine // bleve's own upsidedown index of the same documents
}

// FuzzReference runs any request both over the static index of the
// example (package search's Reader over the chunks) and over bleve's own
// upsidedown index of the same documents, and wants the same answer: the
// same hits, scores, snippets, facets and error messages. It finds where
// the Reader reads rows differently from upsidedown (dictionary ranges and
// prefixes for wildcards, regular expressions and typos, numeric and date
// ranges, doc values for facets and sorting), and where the browser's
// reader differs from bleve. bounds&4 asks for recall while typing.
func FuzzReference(f *testing.F) {
	for _, q := range []string{
		"skole", "skolene barnehage", "+skole -nordbyen", `"nordbyen skole"`, "tittel:renseanlegg",
		"type:vedtakspunkt status:forsinket", "avvik_prosent:>20", "kostnadsramme:>=50000000", "dato:2025",
		"skol*", "skoel~", "-skole", "budsjett", "tittel:/.*/", "s?ole", "*vei*", "skole~2", "dato:>=2024",
		`dato:>"2025-06-01"`, "frist:<2026", "avvik_kr:<0", "belop:>=1000000", "aar:2025 utvalg:kst", "",
	} {
		f.Add(q, "", "", "", 0.0, 0.0, uint8(0), "", 0, 0)
	}
	f.Add("", "type", "prosjekt", "avvik_prosent", 10.0, 0.0, uint8(1), "avvik_prosent", 0, 0)
	f.Add("vei", "type", "prosjekt|tiltak", "", 0.0, 0.0, uint8(0), "dato", 0, 0)
	f.Add("budsjett", "", "", "kostnadsramme", 0.0, 5e7, uint8(2), "kostnadsramme", 20, 10)
	// bounds&4: recall while typing.
	for _, q := range []string{"barneha", "skoel", "nordbyen skkole", "sprekk", "+overskridelse -vei", "4120", "KST 068/26"} {
		f.Add(q, "", "", "", 0.0, 0.0, uint8(4), "", 0, 0)
	}
	f.Add("renseanleg", "type", "vedtak", "", 0.0, 0.0, uint8(4), "", 0, 0)
	f.Fuzz(func(t *testing.T, q, filterField, filterValues, rangeField string, min, max float64, bounds uint8,
		sort string, from, size int) {
		engines.once.Do(func() { setupEngines(t) })
		if engines.mem == nil {
			t.Fatal("no engines")
		}
		req := search.Request{Query: q, Sort: sort, From: from, Size: size, Recall: bounds&4 != 0}
		if filterField != "" {
			req.Filters = map[string][]string{filterField: strings.Split(filterValues, "|")}
		}
		if rangeField != "" {
			var r search.Range
			if bounds&1 != 0 {
				r.Min = &min
			}
			if bounds&2 != 0 {
				r.Max = &max
			}
			req.Ranges = map[string]search.Range{rangeField: r}
		}
		want := engines.mem.Search(req)
		if want.Need != nil {
			t.Fatalf("%+v: the upsidedown engine needs %+v", req, want.Need)
		}
		got, err := engines.chunked.Search(req)
		if err != nil && (got == nil || got.Error == "") {
			t.Fatalf("%+v: %v", req, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%+v:\nchunked     %+v\nupsidedown  %+v", req, got, want)
		}
		// The browser's reader answers as bleve does, or leaves the
		// query to the WebAssembly engine.
		// The reader gets the request as JSON, where strings that are not
		// UTF-8 have U+FFFD for each bad byte: compare with bleve's answer
		// to what it got.
		b, _ := json.Marshal(req)
		req = search.Request{}
		if err := json.Unmarshal(b, &req); err != nil {
			t.Fatal(err)
		}
		want = engines.mem.Search(req)
		if js := exampleJS(t).search(t, req); js.Unsupported == "" {
			if knownBooleanDivergence(req) {
				if js.Total != want.Total {
					t.Fatalf("%s: the browser's reader: total %d, want %d", reqString(req), js.Total, want.Total)
				}
			} else if d := compareJS(js, want); d != "" {
				t.Fatalf("%s: the browser's reader: %s", reqString(req), d)
			}
		}
	})
}

// setupEngines opens the example's static index as the browser's client
// does and bleve's upsidedown index of the same documents.
func setupEngines(t testing.TB) {
	x := exampleIndex(t)
	var head search.Head
	if err := json.Unmarshal(gunzip(t, x.Files[x.Head]), &head); err != nil {
		t.Fatal(err)
	}
	ref, _ := reference(t, Docs(exampleSite(t)))
	mr, err := ref.Reader()
	if err != nil {
		t.Fatal(err)
	}
	mem := search.OpenReader(&head, mr, buildDocValues(t, x, &head))
	for i := 0; i < head.Results.Blocks; i++ {
		if err := mem.AddBlock(i, gunzip(t, x.Files[fmt.Sprintf("%s/%d.gz", head.Results.Dir, i)])); err != nil {
			t.Fatal(err)
		}
	}
	engines.chunked, engines.mem = client(t, x), mem
}
