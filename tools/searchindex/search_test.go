package searchindex

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/search"
)

func urls(r *search.Response) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.URL)
	}
	return out
}

func mustSearch(t *testing.T, c *Client, req search.Request) *search.Response {
	t.Helper()
	r, err := c.Search(req)
	if err != nil {
		t.Fatalf("%+v: %v", req, err)
	}
	return r
}

func TestInflections(t *testing.T) {
	c := client(t, exampleIndex(t))
	base := mustSearch(t, c, search.Request{Query: "skole", Size: 100})
	for _, q := range []string{"skolen", "skolene", "skoler", "Skolens"} {
		r := mustSearch(t, c, search.Request{Query: q, Size: 100})
		if r.Total != base.Total || !slices.Equal(urls(r), urls(base)) {
			t.Errorf("%q: %d hits, want the %d of \"skole\"", q, r.Total, base.Total)
		}
	}
}

func TestCompounds(t *testing.T) {
	c := client(t, exampleIndex(t))
	r := mustSearch(t, c, search.Request{Query: "skole", Size: 100})
	for _, want := range []string{"barneskole", "ungdomsskole", "grunnskolen", "skolebygget", "skoleveien"} {
		found := false
		for _, h := range r.Hits {
			if strings.Contains(strings.ToLower(stripMarks(h.Title+" "+h.Snippet)), want) {
				found = true
			}
		}
		if !found {
			t.Errorf("\"skole\" finds nothing with %q", want)
		}
	}
	if !slices.Contains(urls(r), "prosjekter/sentrum-ungdomsskole/") {
		t.Error("\"skole\" does not find the Sentrum ungdomsskole project")
	}
	// A compound in the query is not split: "barneskole" asks for that word.
	b := mustSearch(t, c, search.Request{Query: "barneskole", Size: 100})
	if b.Total == 0 {
		t.Fatal("no hits for barneskole")
	}
	for _, h := range b.Hits {
		if !strings.Contains(strings.ToLower(stripMarks(h.Title+" "+h.Snippet)), "barneskol") {
			t.Errorf("\"barneskole\" found %s without the word: %s", h.URL, h.Snippet)
		}
	}
}

func stripMarks(s string) string {
	return strings.NewReplacer("<mark>", "", "</mark>", "").Replace(s)
}

func TestFacetCounts(t *testing.T) {
	c := client(t, exampleIndex(t))
	r := mustSearch(t, c, search.Request{Query: "skole", Size: 100})
	if r.Total > 100 {
		t.Fatalf("%d hits; the test needs them all on one page", r.Total)
	}
	// Facets count documents: a grouped result counts its matching points.
	byType := map[string]int{}
	for _, h := range r.Hits {
		switch {
		case h.Points == 0:
			byType[h.Type]++
		case h.Type == "vedtak":
			byType["vedtak"]++
			byType["vedtakspunkt"] += h.Points
		default:
			byType["vedtakspunkt"] += h.Points
		}
	}
	got := map[string]int{}
	for _, f := range r.Facets {
		if f.Field == "type" {
			for _, v := range f.Values {
				got[v.Value] = v.Count
			}
		}
	}
	if !reflect.DeepEqual(got, byType) {
		t.Errorf("type facet %v, hits by type %v", got, byType)
	}
	// Choosing a type keeps the other types' counts (they stay choosable).
	f := mustSearch(t, c, search.Request{Query: "skole", Filters: map[string][]string{"type": {"prosjekt"}}, Size: 100})
	if f.Total != byType["prosjekt"] {
		t.Errorf("filtered on prosjekt: %d hits, want %d", f.Total, byType["prosjekt"])
	}
	for _, fc := range f.Facets {
		if fc.Field == "type" && len(fc.Values) != len(byType) {
			t.Errorf("with a type chosen the type facet has %v, want all of %v", fc.Values, byType)
		}
	}
}

func TestRangeFilter(t *testing.T) {
	x := exampleIndex(t)
	c := client(t, x)
	var want []string
	for _, p := range exampleSite(t).Prosjekter {
		if p.AvvikJustertPct != nil && p.AvvikJustertPct.Verdi > 20 {
			want = append(want, p.Path)
		}
	}
	sort.Strings(want)
	if len(want) == 0 {
		t.Fatal("the example has no project more than 20 % over its frame")
	}
	for _, req := range []search.Request{
		{Query: "avvik_prosent:>20", Size: 100},
		{Ranges: map[string]search.Range{"avvik_prosent": {Min: f64(20.05)}}, Size: 100},
	} {
		got := urls(mustSearch(t, c, req))
		sort.Strings(got)
		if !slices.Equal(got, want) {
			t.Errorf("%+v: %q, want %q", req, got, want)
		}
	}
	// Sorting by deviation puts the largest first.
	r := mustSearch(t, c, search.Request{Query: "type:prosjekt", Sort: "avvik_prosent", Size: 100})
	var prev = 1e9
	site := exampleSite(t)
	pct := map[string]float64{}
	for _, p := range site.Prosjekter {
		if p.AvvikJustertPct != nil {
			pct[p.Path] = p.AvvikJustertPct.Verdi
		}
	}
	for _, h := range r.Hits {
		v, ok := pct[h.URL]
		if !ok {
			prev = -1e9 // projects without a forecast come last
			continue
		}
		if v > prev {
			t.Errorf("sort by deviation: %s (%.1f) after %.1f", h.URL, v, prev)
		}
		prev = v
	}
}

func f64(v float64) *float64 { return &v }

func TestRanking(t *testing.T) {
	c := client(t, exampleIndex(t))
	r := mustSearch(t, c, search.Request{Query: "skole", Size: 100})
	pos := func(u string) int {
		i := slices.Index(urls(r), u)
		if i < 0 {
			t.Fatalf("%s not found", u)
		}
		return i
	}
	// The project named for the school ranks above an area whose
	// description mentions schools in passing.
	if a, b := pos("prosjekter/nordbyen-skole/"), pos("rammeomrader/oppvekst/"); a > b {
		t.Errorf("title match at %d, passing mention at %d", a, b)
	}
}

func TestDeterministic(t *testing.T) {
	a := exampleIndex(t)
	b, err := Build(Docs(exampleSite(t)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Head != b.Head || len(a.Files) != len(b.Files) {
		t.Fatalf("heads %s and %s, %d and %d files", a.Head, b.Head, len(a.Files), len(b.Files))
	}
	for name, data := range a.Files {
		if !bytes.Equal(data, b.Files[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

// TestChunkedEqualsInMemory runs queries both over the static files,
// fetched chunk by chunk, and over the whole upsidedown index in memory,
// and wants the same hits, scores, snippets and facets.
func TestChunkedEqualsInMemory(t *testing.T) {
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
	defer mr.Close()
	mem := search.OpenReader(&head, mr, buildDocValues(t, x, &head))
	for i := 0; i < head.Results.Blocks; i++ {
		if err := mem.AddBlock(i, gunzip(t, x.Files[fmt.Sprintf("%s/%d.gz", head.Results.Dir, i)])); err != nil {
			t.Fatal(err)
		}
	}
	min := 10.0
	reqs := []search.Request{
		{Query: "skole"},
		{Query: "skolene barnehage", Size: 50},
		{Query: "+skole -nordbyen"},
		{Query: `"nordbyen skole"`},
		{Query: "tittel:renseanlegg"},
		{Query: "type:vedtakspunkt status:forsinket"},
		{Query: "avvik_prosent:>20"},
		{Query: "kostnadsramme:>=50000000", Sort: "kostnadsramme"},
		{Query: "dato:2025", Sort: "dato"},
		{Query: "skol*"},
		{Query: "skoel~"},
		{Query: "-skole", Size: 5},
		{Query: "", Filters: map[string][]string{"type": {"prosjekt"}}, Ranges: map[string]search.Range{"avvik_prosent": {Min: &min}}},
		{Query: "vei", Filters: map[string][]string{"type": {"prosjekt", "tiltak"}, "aar": {"2025"}}, Sort: "dato"},
		{Query: "budsjett", From: 20},
	}
	c := client(t, x)
	for _, req := range reqs {
		got, err := c.Search(req)
		if err != nil {
			t.Fatalf("%+v: %v", req, err)
		}
		want := mem.Search(req)
		if want.Need != nil {
			t.Fatalf("the in-memory engine needs %v", want.Need)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%+v:\nchunked   %d hits %q\nin memory %d hits %q", req, got.Total, urls(got), want.Total, urls(want))
			for i := range got.Facets {
				if i < len(want.Facets) && !reflect.DeepEqual(got.Facets[i], want.Facets[i]) {
					t.Errorf("facet %s: %+v vs %+v", got.Facets[i].Field, got.Facets[i].Values, want.Facets[i].Values)
				}
			}
		}
		if got.Total == 0 {
			t.Errorf("%+v: no hits; pick a query that finds something", req)
		}
	}
}

func gunzip(t testing.TB, z []byte) []byte {
	t.Helper()
	r, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestRowsAreUpsidedowns wants the rows in the chunks to be exactly the
// dictionary and term frequency rows bleve's upsidedown index stores.
func TestRowsAreUpsidedowns(t *testing.T) {
	x := exampleIndex(t)
	_, mem := reference(t, Docs(exampleSite(t)))
	wantK, wantV := mem.rows('d', 't')
	var head search.Head
	if err := json.Unmarshal(gunzip(t, x.Files[x.Head]), &head); err != nil {
		t.Fatal(err)
	}
	var gotK, gotV [][]byte
	var refs []search.ChunkRef
	for _, p := range head.Pages {
		var page []search.ChunkRef
		if err := json.Unmarshal(gunzip(t, x.Files[p.File]), &page); err != nil {
			t.Fatal(err)
		}
		refs = append(refs, page...)
	}
	if len(refs) != head.ChunkCount {
		t.Fatalf("%d chunks in the pages, head says %d", len(refs), head.ChunkCount)
	}
	for _, c := range refs {
		k, v, err := search.DecodeChunk(gunzip(t, x.Files[c.File]))
		if err != nil {
			t.Fatal(err)
		}
		gotK, gotV = append(gotK, k...), append(gotV, v...)
	}
	if len(gotK) != len(wantK) {
		t.Fatalf("%d rows, upsidedown has %d", len(gotK), len(wantK))
	}
	for i := range gotK {
		if !bytes.Equal(gotK[i], wantK[i]) || !bytes.Equal(gotV[i], wantV[i]) {
			t.Fatalf("row %d: %q = %x, upsidedown has %q = %x", i, gotK[i], gotV[i], wantK[i], wantV[i])
		}
	}
}

// TestTermRowOrder wants termRowOrder to order terms as their keys with
// 0xFF appended sort.
func TestTermRowOrder(t *testing.T) {
	terms := []string{"", "a", "skol", "skole", "skoler", "skol\xff", "skol\xffa", "skol\xfe", "\x00\x01b", "\x00\x01", "\x01\x00ab", "ø", "øy"}
	for _, a := range terms {
		for _, b := range terms {
			if got, want := termRowOrder(a, b), strings.Compare(a+"\xff", b+"\xff"); got != want {
				t.Errorf("termRowOrder(%q, %q) = %d, want %d", a, b, got, want)
			}
		}
	}
}

// buildDocValues decodes the doc values the build wrote, which the
// reference engine over bleve's own index ranks with.
func buildDocValues(t testing.TB, x *Index, head *search.Head) *search.DocValues {
	t.Helper()
	dv, err := search.DecodeDocValues(gunzip(t, x.Files[head.DocValues]), head.Docs)
	if err != nil {
		t.Fatal(err)
	}
	return dv
}

// TestRecordsFirst: a vedtak's matching points are one result with it,
// records rank above their own parts, and the facets still count every
// matching document.
func TestRecordsFirst(t *testing.T) {
	c := client(t, exampleIndex(t))
	grouped := 0
	for _, q := range []string{"skole", "budsjett", "renseanlegg", "vei", "barnehage", "status:forsinket", ""} {
		r := mustSearch(t, c, search.Request{Query: q, Size: 100})
		seen := map[string]int{}
		for i, h := range r.Hits {
			page, _, _ := strings.Cut(h.URL, "#")
			if h.Type == "vedtak" || h.Type == "vedtakspunkt" {
				if j, ok := seen[page]; ok {
					t.Errorf("%q: hits %d and %d are both of %s", q, j, i, page)
				}
				seen[page] = i
			}
			if h.Points > 0 {
				grouped++
			}
		}
	}
	if grouped == 0 {
		t.Error("no vedtak with its points as one result")
	}
}

// TestPack: the pack holds the head and the doc values and manifest pages
// as the build wrote them apart, so a cold query fetches one file for
// them; a damaged pack is refused.
func TestPack(t *testing.T) {
	x := exampleIndex(t)
	pieces, err := search.DecodePack(gunzip(t, x.Files[x.Pack]))
	if err != nil {
		t.Fatal(err)
	}
	if pieces[0].Name != x.Head {
		t.Errorf("the pack starts with %s, want the head %s", pieces[0].Name, x.Head)
	}
	var head search.Head
	if err := json.Unmarshal(gunzip(t, x.Files[x.Head]), &head); err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, p := range pieces {
		names[p.Name] = true
		if !bytes.Equal(p.Data, gunzip(t, x.Files[p.Name])) {
			t.Errorf("%s differs from the file", p.Name)
		}
	}
	if !names[head.DocValues] || !names[head.Pages[0].File] {
		t.Errorf("the example's pack lacks the doc values or the first manifest page: %v", names)
	}
	// A small limit leaves the pieces apart.
	small, err := Build(Docs(exampleSite(t)), Options{PackBytes: 1})
	if err != nil {
		t.Fatal(err)
	}
	if ps, err := search.DecodePack(gunzip(t, small.Files[small.Pack])); err != nil || len(ps) != 1 {
		t.Errorf("pack with a limit of 1 byte: %d pieces, %v", len(ps), err)
	}
	b := gunzip(t, x.Files[x.Pack])
	for _, bad := range [][]byte{b[:len(b)-1], append(slices.Clone(b), 0), []byte("PKP1"), b[4:]} {
		if _, err := search.DecodePack(bad); err == nil {
			t.Errorf("a damaged pack of %d bytes was read", len(bad))
		}
	}
}

// TestOmradeNummer finds an area by its name and shows it with the number
// the budget prints before it (data/rammeomrader.toml: nummer = "4.1").
func TestOmradeNummer(t *testing.T) {
	c := client(t, exampleIndex(t))
	r := mustSearch(t, c, search.Request{Query: "sykehjem institusjon", Size: 100})
	for _, h := range r.Hits {
		if h.URL == "rammeomrader/sykehjem/" {
			if got := stripMarks(h.Title); got != "4.1 Sykehjem og institusjon" {
				t.Errorf("the area's hit is titled %q, want \"4.1 Sykehjem og institusjon\"", got)
			}
			return
		}
	}
	t.Errorf("\"sykehjem institusjon\" does not find rammeomrader/sykehjem/: %v", urls(r))
}
