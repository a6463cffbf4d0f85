package searchindex

import (
	"fmt"
	"os"
	"slices"
	"sync"
	"testing"

	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/search"
	"github.com/openkommune/portal/tools/synth"
)

var synthetic struct {
	sync.Mutex
	docs map[int][]*Doc
	idx  map[int]*Index
}

// syntheticDocs makes the documents of a synthetic kommune with n vedtak
// (n/10 projects, up to 2 000; n/2 000 plans, at least 20), over at most
// 20 years.
func syntheticDocs(tb testing.TB, n int) []*Doc {
	synthetic.Lock()
	defer synthetic.Unlock()
	if d, ok := synthetic.docs[n]; ok {
		return d
	}
	size := synth.Size{Vedtak: n, Prosjekter: min(max(n/10, 50), 2000), Planer: max(n/2000, 20), Seed: 1, Years: min(20, max(2, n/synth.VedtakPerYear))}
	set, diags := load.Load(synth.FS(size), "data")
	check.Check(set, diags)
	if diags.Errors() > 0 {
		diags.Print(os.Stderr)
		tb.Fatal("synthetic data does not check")
	}
	docs := Docs(compile.Compile(set))
	if synthetic.docs == nil {
		synthetic.docs = map[int][]*Doc{}
		synthetic.idx = map[int]*Index{}
	}
	synthetic.docs[n] = docs
	return docs
}

func syntheticIndex(tb testing.TB, n int) *Index {
	docs := syntheticDocs(tb, n)
	synthetic.Lock()
	defer synthetic.Unlock()
	if x, ok := synthetic.idx[n]; ok {
		return x
	}
	x, err := Build(docs, Options{})
	if err != nil {
		tb.Fatal(err)
	}
	synthetic.idx[n] = x
	return x
}

// BenchmarkIndexBuild measures indexing a synthetic kommune of 5 000 vedtak
// and laying the index out as files (target: ≤ 5 s).
//
//	go test ./tools/searchindex -run '^$' -bench IndexBuild -benchtime 3x
func BenchmarkIndexBuild(b *testing.B) {
	docs := syntheticDocs(b, 5000)
	b.ResetTimer()
	var x *Index
	for b.Loop() {
		var err error
		if x, err = Build(docs, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	total := 0
	for _, f := range x.Files {
		total += len(f)
	}
	b.ReportMetric(float64(len(docs)), "docs")
	b.ReportMetric(float64(len(x.Files)), "files")
	b.ReportMetric(float64(total)/1e6, "MB-gz")
}

// firstQueries are typical first searches: a common word, a rarer one, a
// compound, two words, a filtered and a range search.
var firstQueries = []search.Request{
	{Query: "skole"},
	{Query: "budsjett"},
	{Query: "barnehage"},
	{Query: "vei"},
	{Query: "kommunestyret vedtak"},
	{Query: "ungdomsskole rehabilitering"},
	{Query: "skole", Filters: map[string][]string{"type": {"prosjekt"}}},
	{Query: "avvik_prosent:>20"},
}

// benchFirstQuery reports the bytes a visitor fetches for a first query,
// engine excluded: the head, the doc values, the index chunks and the result
// blocks of the first page, as served (gzip). Each query starts cold.
func benchFirstQuery(b *testing.B, n int) {
	x := syntheticIndex(b, n)
	get := func(name string) ([]byte, error) {
		f, ok := x.Files[name]
		if !ok {
			return nil, fmt.Errorf("no file %s", name)
		}
		return f, nil
	}
	var sizes []int
	b.ResetTimer()
	for b.Loop() {
		sizes = sizes[:0]
		for _, q := range firstQueries {
			c, err := NewClient(get, x.Head)
			if err != nil {
				b.Fatal(err)
			}
			opened := c.Fetched
			r, err := c.Search(q)
			if err != nil {
				b.Fatal(err)
			}
			sizes = append(sizes, c.Fetched)
			if testing.Verbose() {
				b.Logf("%-40q %6d hits  head+dv %6d B  query %6d B  total %6d B  %2d requests",
					q.Query+fmt.Sprint(q.Filters), r.Total, opened, c.Fetched-opened, c.Fetched, c.Requests)
			}
		}
	}
	slices.Sort(sizes)
	b.ReportMetric(float64(sizes[len(sizes)/2])/1000, "KB-median")
	b.ReportMetric(float64(sizes[len(sizes)-1])/1000, "KB-max")
	b.ReportMetric(float64(x.Docs), "docs")
}

// BenchmarkFirstQueryBytes5000 (target: ≤ 150 KB).
//
//	go test ./tools/searchindex -run '^$' -bench FirstQueryBytes -benchtime 1x -v
func BenchmarkFirstQueryBytes5000(b *testing.B) { benchFirstQuery(b, 5000) }

// BenchmarkFirstQueryBytes100000 (target: ≤ 300 KB).
func BenchmarkFirstQueryBytes100000(b *testing.B) { benchFirstQuery(b, 100000) }

// BenchmarkEngineQuery measures, natively, the engine's time per query once
// everything a query needs is loaded, over the synthetic kommune of 5 000
// vedtak. (The browser runs the same code as WebAssembly, a few times
// slower; BenchmarkBrowserQuery in tools/e2e measures that.)
//
//	go test ./tools/searchindex -run '^$' -bench EngineQuery
func BenchmarkEngineQuery(b *testing.B) {
	x := syntheticIndex(b, 5000)
	c, err := NewClient(func(name string) ([]byte, error) { return x.Files[name], nil }, x.Head)
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range engineQueries {
		if _, err := c.Search(search.Request{Query: q}); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		for _, q := range engineQueries {
			if r := c.Engine.Search(search.Request{Query: q}); r.Need != nil {
				b.Fatalf("%q needs %v", q, r.Need)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*len(engineQueries)), "ms/query")
}

var engineQueries = []string{
	"skole", "budsjett", "barnehage", "vei", "kommunestyret vedtak", "ungdomsskole rehabilitering",
	"type:prosjekt skole", "avvik_prosent:>20", "+skole -barnehage", "skol*", "dato:2024 status:forsinket",
	"omsorg", "idrett hall", "tittel:plan", "vann avløp", "kostnadsramme:>50000000",
}
