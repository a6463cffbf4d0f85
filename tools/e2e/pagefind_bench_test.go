package e2e

import (
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/openkommune/portal/tools/synth"
)

// The side-by-side benchmark: the portal's search and Pagefind (npm
// package pagefind, pinned in package.json) over the same built site, in
// the same headless Chromium, through the same server, which serves as
// GitHub Pages does (gzip for scripts, WebAssembly, JSON and HTML;
// pre-compressed files as they are) and counts the bytes it sends.
//
//	go test ./tools/e2e -run '^$' -bench SideBySide -benchtime 1x -v
//	PORTAL_BENCH_100K=1 go test ./tools/e2e -run '^$' -bench SideBySide -benchtime 1x -v -timeout 3h
//
// PORTAL_BENCH_KEEP=DIR keeps the synthetic data of 100 000 vedtak and
// Pagefind's indexes in DIR between runs (keptPagefind).

// sideQueries are Norwegian queries of different kinds: common and rare
// words, compounds, inflected forms, two words.
var sideQueries = []string{
	"skole", "barnehage", "vei", "omsorgsboliger", "idrettshall", "bibliotek", "sykehjem", "avløp",
	"budsjettregulering", "tertialrapport", "klimatilpasning", "brannstasjon", "skole barnehage", "vann avløp",
}

// link emulates a network link for every response of a server: latency
// before the first byte, and a bandwidth shared by all connections.
type link struct {
	latency time.Duration
	bps     float64 // bits per second; 0 is unlimited
	mu      sync.Mutex
	free    time.Time // when the link is next idle
}

func (l *link) send(n int) {
	if l == nil || l.bps == 0 {
		return
	}
	l.mu.Lock()
	now := time.Now()
	if l.free.Before(now) {
		l.free = now
	}
	l.free = l.free.Add(time.Duration(float64(n*8) / l.bps * float64(time.Second)))
	done := l.free
	l.mu.Unlock()
	time.Sleep(time.Until(done))
}

// benchServer serves a site under basePath, counting requests and bytes.
type benchServer struct {
	*httptest.Server
	mu       sync.Mutex
	bytes    map[string]int // by path
	requests []string       // request URIs, path and query
	log      []string       // with PORTAL_BENCH_REQUESTS=1: each request's URI, Sec-Fetch-Dest, purpose and bytes
	link     *link
}

type countingWriter struct {
	http.ResponseWriter
	s *benchServer
	n int
}

func (w *countingWriter) Write(b []byte) (int, error) {
	w.s.link.send(len(b))
	w.n += len(b)
	return w.ResponseWriter.Write(b)
}

func serveBench(tb testing.TB, dir string) *benchServer {
	s := &benchServer{}
	files := http.StripPrefix(strings.TrimSuffix(basePath, "/"), http.FileServer(http.Dir(dir)))
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.link != nil {
			time.Sleep(s.link.latency)
		}
		w.Header().Set("Cache-Control", "no-store")
		cw := &countingWriter{ResponseWriter: w, s: s}
		defer func() {
			s.mu.Lock()
			if s.bytes == nil {
				s.bytes = map[string]int{}
			}
			s.bytes[r.URL.Path] += cw.n
			s.requests = append(s.requests, r.URL.RequestURI())
			if os.Getenv("PORTAL_BENCH_REQUESTS") == "1" {
				s.log = append(s.log, fmt.Sprintf("%s dest=%s purpose=%s%s %d B",
					r.URL.RequestURI(), r.Header.Get("Sec-Fetch-Dest"), r.Header.Get("Sec-Purpose"), r.Header.Get("Purpose"), cw.n))
			}
			s.mu.Unlock()
		}()
		var out http.ResponseWriter = cw
		ext := filepath.Ext(r.URL.Path)
		if (ext == ".js" || ext == ".wasm" || ext == ".json" || ext == ".html" || ext == ".css" || strings.HasSuffix(r.URL.Path, "/")) &&
			strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			w.Header().Set("Content-Encoding", "gzip")
			gz := gzip.NewWriter(cw)
			defer gz.Close()
			out = gzipWriter{cw, gz}
		}
		files.ServeHTTP(out, r)
	}))
	tb.Cleanup(s.Close)
	return s
}

type gzipWriter struct {
	http.ResponseWriter
	gz *gzip.Writer
}

func (g gzipWriter) Write(b []byte) (int, error) { return g.gz.Write(b) }
func (g gzipWriter) WriteHeader(code int) {
	g.ResponseWriter.Header().Del("Content-Length")
	g.ResponseWriter.WriteHeader(code)
}

// take returns the bytes and requests since the last take of the paths
// that contain part.
func (s *benchServer) take(part string) (int, []string) {
	time.Sleep(100 * time.Millisecond) // let the last handlers finish
	s.mu.Lock()
	defer s.mu.Unlock()
	n, reqs := 0, []string{}
	for _, r := range s.requests {
		if strings.Contains(r, part) {
			reqs = append(reqs, r)
		}
	}
	for p, b := range s.bytes {
		if strings.Contains(p, part) {
			n += b
		}
	}
	s.bytes, s.requests, s.log = nil, nil, nil
	return n, reqs
}

// pagefindIndex runs Pagefind over a built site, once, and returns the
// time it took and the size of its index (as served: its files are
// compressed by Pagefind).
var pagefindDone sync.Map

func pagefindIndex(tb testing.TB, site string) (time.Duration, int64) {
	if v, ok := pagefindDone.Load(site); ok {
		r := v.([2]int64)
		return time.Duration(r[0]), r[1]
	}
	if keep := os.Getenv("PORTAL_BENCH_KEEP"); keep != "" {
		return keptPagefind(tb, site, keep)
	}
	bin, err := filepath.Abs("../../node_modules/.bin/pagefind")
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := os.Stat(bin); err != nil {
		tb.Skip("Pagefind is not installed: run npm ci")
	}
	start := time.Now()
	out, err := exec.Command(bin, "--site", site, "--output-subdir", "pagefind").CombinedOutput()
	if err != nil {
		tb.Fatalf("pagefind: %v\n%s", err, out)
	}
	d := time.Since(start)
	size := dirSize(filepath.Join(site, "pagefind"))
	pagefindDone.Store(site, [2]int64{int64(d), size})
	return d, size
}

// site100k builds the site of 100 000 synthetic vedtak. With
// PORTAL_BENCH_KEEP=DIR the data is written to DIR once and kept (the
// site is built again each run, so its search index is the code's own).
func site100k(b *testing.B) string {
	size := synth.Size{Vedtak: 100000, Prosjekter: 2000, Planer: 40, Seed: 1}
	keep := os.Getenv("PORTAL_BENCH_KEEP")
	if keep == "" {
		dir := filepath.Join(b.TempDir(), "data")
		if err := synth.WriteDir(dir, size); err != nil {
			b.Fatal(err)
		}
		return buildSite(b, dir)
	}
	dir := filepath.Join(keep, fmt.Sprintf("data-%d-%d-%d-%d", size.Vedtak, size.Prosjekter, size.Planer, size.Seed))
	if _, err := os.Stat(dir); err != nil {
		tmp := dir + ".tmp"
		os.RemoveAll(tmp)
		if err := synth.WriteDir(tmp, size); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(tmp, dir); err != nil {
			b.Fatal(err)
		}
	}
	return buildSite(b, dir)
}

// keptPagefind is Pagefind's index of site kept in dir by the hash of the
// site's HTML (what Pagefind reads), made only if no run made it before,
// and linked into the site as pagefind/. The time is that of the run that
// made it.
func keptPagefind(tb testing.TB, site, dir string) (time.Duration, int64) {
	h := sha256.New()
	err := filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(site, p)
		fmt.Fprintf(h, "%s\x00%d\x00", rel, len(b))
		h.Write(b)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	out := filepath.Join(dir, fmt.Sprintf("pagefind-%x", h.Sum(nil)[:8]))
	took := filepath.Join(out, ".took")
	if _, err := os.Stat(took); err != nil {
		bin, err := filepath.Abs("../../node_modules/.bin/pagefind")
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := os.Stat(bin); err != nil {
			tb.Skip("Pagefind is not installed: run npm ci")
		}
		os.RemoveAll(out)
		start := time.Now()
		if b, err := exec.Command(bin, "--site", site, "--output-path", out).CombinedOutput(); err != nil {
			tb.Fatalf("pagefind: %v\n%s", err, b)
		}
		if err := os.WriteFile(took, []byte(time.Since(start).String()), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	b, err := os.ReadFile(took)
	if err != nil {
		tb.Fatal(err)
	}
	d, err := time.ParseDuration(string(b))
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.Symlink(out, filepath.Join(site, "pagefind")); err != nil {
		tb.Fatal(err)
	}
	size := dirSize(out)
	pagefindDone.Store(site, [2]int64{int64(d), size})
	return d, size
}

func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return n
}

// oursFirst runs one query on a cold page with the portal's search and
// returns the bytes and requests it cost and the time from the first
// keystroke to the first hit on the page. Typed, the query is sent key by
// key, and the page may search for what is typed so far (after its 150 ms
// pause, more often on a slow machine); otherwise it is put in the box at
// once, as Pagefind's search() gets it, so that the bytes and requests are
// those of the query itself.
func oursFirst(b testing.TB, srv *benchServer, q string, typed bool) (int, int, float64) {
	p := newPage(b)
	srv.take("")
	do(b, p, chromedp.Navigate(srv.URL+basePath+"sok/"), chromedp.WaitVisible(chromedp.CSS("#search-q")))
	// The page loads the reader and the head as it opens.
	waitFor(b, p, `document.getElementById('search-app').dataset.ready === 'true'`, "the reader")
	eval[bool](b, p, `(() => { const i = document.getElementById('search-q');
		i.addEventListener('keydown', () => { if (!window.t0) window.t0 = performance.now(); });
		new MutationObserver(() => { if (!window.t1 && document.querySelector('#search-hits li')) window.t1 = performance.now(); })
			.observe(document.getElementById('search-hits'), { childList: true });
		return true; })()`)
	if typed {
		do(b, p, chromedp.Click(chromedp.CSS("#search-q")), chromedp.SendKeys(chromedp.CSS("#search-q"), q))
	} else {
		eval[bool](b, p, `(() => { const i = document.getElementById('search-q'); i.focus(); window.t0 = performance.now();
			i.value = `+jsString(q)+`; i.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`)
	}
	waitFor(b, p, `!!window.t1 || (!document.getElementById('search-app').hasAttribute('aria-busy') && Number(document.getElementById('search-app').dataset.renders || 0) > 0)`, "first results")
	ms := eval[float64](b, p, `(window.t1 || performance.now()) - window.t0`)
	if os.Getenv("PORTAL_BENCH_REQUESTS") == "1" {
		srv.mu.Lock()
		b.Logf("%q: %d requests\n  %s", q, len(srv.log), strings.Join(srv.log, "\n  "))
		srv.mu.Unlock()
	}
	n, reqs := srv.take("/search") // search/… and js/search-….js
	seen := map[string]bool{}
	for _, r := range reqs {
		if seen[r] {
			b.Errorf("%q: %s fetched twice in a cold first query: %q", q, r, reqs)
		}
		seen[r] = true
	}
	// Close the browser: what the page does after its first answer (its
	// service worker keeps the worker and reader scripts 2 s later) must
	// not be charged to the next query.
	chromedp.Cancel(p.ctx)
	return n, len(reqs), ms
}

// pagefindFirst runs one query with Pagefind's JavaScript API on the same
// page, cold: import, search, and the data of the first 10 results (what
// a result list shows).
func pagefindFirst(b *testing.B, srv *benchServer, q string) (int, int, float64) {
	p := newPage(b)
	srv.take("")
	do(b, p, chromedp.Navigate(srv.URL+basePath+"sok/"), chromedp.WaitVisible(chromedp.CSS("#search-q")))
	// Pagefind, too, starts as the page opens.
	eval[bool](b, p, `(() => { (async () => {
		const pf = await import('`+basePath+`pagefind/pagefind.js');
		await pf.init();
		const t0 = performance.now();
		const r = await pf.search(`+jsString(q)+`);
		await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
		window.pfms = performance.now() - t0; })().catch((e) => { window.pferr = String(e); }); return true; })()`)
	waitFor(b, p, `window.pfms !== undefined || window.pferr !== undefined`, "Pagefind")
	if e := eval[string](b, p, `window.pferr || ''`); e != "" {
		b.Fatalf("Pagefind: %s", e)
	}
	ms := eval[float64](b, p, `window.pfms`)
	n, reqs := srv.take("/pagefind/")
	chromedp.Cancel(p.ctx)
	return n, len(reqs), ms
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}

// BenchmarkSideBySide measures both tools' cold first query (everything:
// engine, index, result data for 10 hits) at the example, 5 000 and (with
// PORTAL_BENCH_100K=1) 100 000 vedtak, and the first keystroke to first
// result on an 80 ms / 10 Mbit/s link.
func BenchmarkSideBySide(b *testing.B) {
	sites := []struct {
		name string
		dir  func() string
	}{
		{"example", func() string { return buildSite(b, "../../data") }},
		{"5000", func() string { return syntheticSite(b) }},
	}
	if os.Getenv("PORTAL_BENCH_100K") == "1" {
		sites = append(sites, struct {
			name string
			dir  func() string
		}{"100000", func() string { return site100k(b) }})
	}
	for _, s := range sites {
		b.Run(s.name, func(b *testing.B) {
			site := s.dir()
			pfTime, pfSize := pagefindIndex(b, site)
			ourSize := dirSize(filepath.Join(site, "search"))
			srv := serveBench(b, site)
			for b.Loop() {
				var ob, pb, oms, pms []float64
				var oreq, preq []int
				omax, pmax := 0, 0
				for _, q := range sideQueries {
					n, r, _ := oursFirst(b, srv, q, false)
					ob = append(ob, float64(n))
					oreq = append(oreq, r)
					omax = max(omax, r)
					n, r, _ = pagefindFirst(b, srv, q)
					pb = append(pb, float64(n))
					preq = append(preq, r)
					pmax = max(pmax, r)
				}
				srv.link = &link{latency: 80 * time.Millisecond, bps: 10e6}
				for _, q := range sideQueries[:5] {
					_, _, ms := oursFirst(b, srv, q, true)
					oms = append(oms, ms)
					_, _, ms = pagefindFirst(b, srv, q)
					pms = append(pms, ms)
				}
				srv.link = nil
				b.ReportMetric(median(ob)/1024, "ours-KB")
				b.ReportMetric(median(pb)/1024, "pagefind-KB")
				b.ReportMetric(float64(omax), "ours-max-req")
				b.ReportMetric(float64(pmax), "pagefind-max-req")
				b.ReportMetric(median(oms), "ours-ms-80ms-link")
				b.ReportMetric(median(pms), "pagefind-ms-80ms-link")
				b.Logf("%s: first query median %.0f KB (ours) / %.0f KB (Pagefind); max requests %d / %d; "+
					"first result on 80 ms / 10 Mbit/s %.0f / %.0f ms; index on disk %.1f MB (ours, search/) / %.1f MB (Pagefind, built in %v)",
					s.name, median(ob)/1024, median(pb)/1024, omax, pmax, median(oms), median(pms),
					float64(ourSize)/1e6, float64(pfSize)/1e6, pfTime.Round(time.Millisecond))
				if testing.Verbose() {
					for i, q := range sideQueries {
						b.Logf("  %-20q %7.1f KB %7.1f KB %3d / %2d requests", q, ob[i]/1024, pb[i]/1024, oreq[i], preq[i])
					}
				}
			}
		})
	}
}

// TestSideBySideQueryAlone checks the benchmark's count of a cold first
// query: no file is fetched twice, and once a query is measured its page
// fetches nothing more that the next query would be charged with. (The
// page's service worker keeps the worker and reader scripts 2 s after the
// first answer; with the page left open, at 5 000 vedtak that put 2
// requests of one query into the next one's count, 21 for
// "skole barnehage".)
func TestSideBySideQueryAlone(t *testing.T) {
	srv := serveBench(t, buildSite(t, "../../data"))
	_, n, _ := oursFirst(t, srv, "skole barnehage", false)
	srv.mu.Lock()
	reqs := slices.Clone(srv.requests)
	srv.mu.Unlock()
	if len(reqs) != 0 {
		t.Errorf("requests after take: %q", reqs)
	}
	if n == 0 || n > 20 {
		t.Errorf("%d requests for the first query, want 1 to 20", n)
	}
	time.Sleep(3 * time.Second)
	if _, late := srv.take(""); len(late) > 0 {
		t.Errorf("the page went on fetching after its query was measured: %q", late)
	}
}
