package searchindex

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/search"
)

// sideQueries are the queries of tools/e2e BenchmarkSideBySide.
var sideQueries = []string{ // same as e2e
	"skole", "barnehage", "vei", "omsorgsboliger", "idrettshall", "bibliotek", "sykehjem", "avløp",
	"budsjettregulering", "tertialrapport", "klimatilpasning", "brannstasjon", "skole barnehage", "vann avløp",
}

// BenchmarkReaderRequests counts the requests and bytes the browser's
// reader makes for a cold first query as the search page sends it
// (recall, 10 results), after the pack, over the example and the
// synthetic kommune of 5 000 vedtak: the pieces tools/e2e
// BenchmarkSideBySide counts, less the page's search.js, the worker, the
// reader, the pack and search-sw.js (5 requests in Chromium). Its
// synthetic kommune spans other years than the e2e one's, so the
// queries that cost most may differ. PORTAL_BENCH_QUERIES=a,b,c asks
// other queries (what a visitor has typed so far, say).
//
//	go test ./tools/searchindex -run '^$' -bench ReaderRequests -benchtime 1x -v
func BenchmarkReaderRequests(b *testing.B) {
	for _, site := range []struct {
		name  string
		index func() (*Index, error)
	}{
		{"example", func() (*Index, error) { return Build(Docs(exampleSite(b)), Options{}) }},
		{"5000", func() (*Index, error) { return syntheticIndex(b, 5000), nil }},
		{"100000", func() (*Index, error) { return syntheticIndex(b, 100000), nil }},
	} {
		b.Run(site.name, func(b *testing.B) {
			x, err := site.index()
			if err != nil {
				b.Fatal(err)
			}
			benchReaderRequests(b, x)
		})
	}
}

func benchReaderRequests(b *testing.B, x *Index) {
	dir := b.TempDir()
	for name, z := range x.Files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, z, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		most, bytes := 0, 0
		queries := sideQueries
		if qs := os.Getenv("PORTAL_BENCH_QUERIES"); qs != "" {
			queries = strings.Split(qs, ",")
		}
		for _, q := range queries {
			js, err := startJS(dir, x.Pack)
			if err != nil {
				b.Fatal(err)
			}
			a := js.search(b, search.Request{Query: q, Size: 10, Recall: true})
			js.cmd.Process.Kill()
			js.cmd.Wait()
			most = max(most, a.Requests)
			bytes += a.Fetched
			if testing.Verbose() {
				b.Logf("%-20q %3d requests %7d B %5d hits %s", q, a.Requests, a.Fetched, a.Total, kinds(a.Files))
			}
		}
		b.ReportMetric(float64(most), "max-req")
		b.ReportMetric(float64(bytes)/float64(len(queries))/1024, "mean-KB")
		size := 0
		for _, z := range x.Files {
			size += len(z)
		}
		b.ReportMetric(float64(size)/1e6, "index-MB")
		b.ReportMetric(float64(len(x.Files)), "files")
		b.ReportMetric(float64(len(x.Files[x.Pack]))/1024, "pack-KB")
		for name, z := range x.Files {
			if strings.HasPrefix(name, "dv-") {
				b.ReportMetric(float64(len(z))/1024, "docvalues-KB")
			}
		}
	}
}

// kinds counts the files a query fetched by their kind, for the
// benchmark's log: manifest pages, chunks, result blocks, hit packs.
func kinds(files []string) string {
	var m, c, r, p, o int
	for _, f := range files {
		switch base := filepath.Base(f); {
		case strings.HasPrefix(base, "m-"):
			m++
		case strings.HasPrefix(base, "c-"):
			c++
		case strings.HasPrefix(base, "p-"):
			p++
		case strings.HasPrefix(filepath.Base(filepath.Dir(f)), "r-"):
			r++
		default:
			o++
		}
	}
	return fmt.Sprintf("pages %d chunks %d blocks %d packs %d other %d", m, c, r, p, o)
}
