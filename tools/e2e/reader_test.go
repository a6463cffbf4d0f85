package e2e

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// swServer serves a built site under basePath with no HTTP caching, so
// that what a returning visitor does not fetch was kept by the service
// worker; its site can be swapped for a rebuilt one on the same origin.
type swServer struct {
	*httptest.Server
	mu    sync.Mutex
	dir   string
	paths []string
}

func serveSwappable(tb testing.TB, dir string) *swServer {
	s := &swServer{dir: dir}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.paths = append(s.paths, r.URL.Path)
		dir := s.dir
		s.mu.Unlock()
		if !strings.HasPrefix(r.URL.Path, basePath) {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "no-store")
		http.StripPrefix(strings.TrimSuffix(basePath, "/"), http.FileServer(http.Dir(dir))).ServeHTTP(w, r)
	}))
	tb.Cleanup(s.Close)
	return s
}

// take returns the paths served since the last take.
func (s *swServer) take() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.paths
	s.paths = nil
	return out
}

func (s *swServer) swap(dir string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dir = dir
}

func searchFiles(paths []string) []string {
	var out []string
	for _, p := range paths {
		if strings.Contains(p, "/search/") || strings.Contains(p, "/js/search-") {
			out = append(out, p)
		}
	}
	return out
}

func openSearch(t *testing.T, p *page, origin, q string) []hit {
	t.Helper()
	do(t, p, chromedp.Navigate(origin+"sok/?q="+q))
	waitRender(t, p, 0)
	return pageHits(t, p)
}

// TestSearchReaderInBrowser searches with the reader in JavaScript: a
// query in the common syntax loads no WebAssembly; skole~1 does, once. The
// service worker keeps what was fetched: a return visit fetches none of
// the search's files, and after a rebuild only the pieces that changed.
func TestSearchReaderInBrowser(t *testing.T) {
	site := buildSite(t, "../../data")
	srv := serveSwappable(t, site)
	origin := srv.URL + basePath
	p := newPage(t)

	// First visit.
	hits := openSearch(t, p, origin, "skole")
	if len(hits) == 0 {
		t.Fatal("no hits for skole")
	}
	first := searchFiles(srv.take())
	if !slices.ContainsFunc(first, func(s string) bool { return strings.HasSuffix(s, "/js/search-worker-reader.js") }) {
		t.Errorf("the reader was not loaded: %q", first)
	}
	if slices.ContainsFunc(first, func(s string) bool { return strings.HasSuffix(s, ".wasm") }) {
		t.Errorf("a plain query loaded the WebAssembly engine: %q", first)
	}
	if len(first) > 20 {
		t.Errorf("%d requests for the first query, want at most 20: %q", len(first), first)
	}
	waitFor(t, p, `!!navigator.serviceWorker.controller`, "the service worker")

	// Syntax the reader leaves to the WebAssembly engine.
	submit(t, p, "skole~1")
	if n := len(pageHits(t, p)); n == 0 {
		t.Error("no hits for skole~1")
	}
	if !slices.ContainsFunc(srv.take(), func(s string) bool { return strings.HasSuffix(s, ".wasm") }) {
		t.Error("skole~1 did not load the WebAssembly engine")
	}

	// The page asks the service worker to keep the scripts it loaded
	// before the worker took control, once the first answer is shown.
	waitFor(t, p, `(() => { caches.open('portal-search-1').then((c) => Promise.all([c.match(document.getElementById('search-app').dataset.worker)])).then((m) => { window.kept = m.every(Boolean); }); return !!window.kept; })()`, "the scripts kept")

	srv.take()

	// Return visit: the same searches fetch nothing of the search's files.
	openSearch(t, p, origin, "skole")
	submit(t, p, "skole~1")
	if again := searchFiles(srv.take()); len(again) > 0 {
		t.Errorf("a return visit fetched %q", again)
	}

	// A rebuild that changes one vedtak: the new head and the pieces that
	// changed are fetched, the reader and the engine are not.
	data := filepath.Join(t.TempDir(), "data")
	if err := os.CopyFS(data, os.DirFS("../../data")); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(data, "vedtak", "2025", "fsk-2025-015.toml")
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(b), `tittel = "`, `tittel = "Regnbuebrua – `, 1)
	if changed == string(b) {
		t.Fatal("no tittel to change")
	}
	if err := os.WriteFile(f, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	srv.swap(buildSite(t, data))
	hits = openSearch(t, p, origin, "regnbuebrua")
	if len(hits) == 0 || !strings.Contains(hits[0].Title, "Regnbuebrua") {
		t.Errorf("after the rebuild, regnbuebrua finds %+v", hits)
	}
	rebuilt := searchFiles(srv.take())
	if !slices.ContainsFunc(rebuilt, func(s string) bool { return strings.Contains(s, "/search/hp-") }) {
		t.Errorf("the new head was not fetched: %q", rebuilt)
	}
	for _, s := range rebuilt {
		if strings.Contains(s, "/js/search-") || strings.HasSuffix(s, ".wasm") {
			t.Errorf("after a rebuild that changed no code, %s was fetched again", s)
		}
	}
	t.Logf("first visit %d files, after the rebuild %d: %q", len(first), len(rebuilt), rebuilt)
}

// TestSearchPrefetchIsUsed: the header box prefetches the search's worker
// (with the reader, one file) by the URL the search page then loads it
// by, so a visitor who focuses the box and then searches downloads it once. The server
// lets the browser cache as GitHub Pages does (10 minutes). Before, the
// box prefetched js/search-worker.js without its ?v=, which the page
// then fetched again by another URL.
func TestSearchPrefetchIsUsed(t *testing.T) {
	site := buildSite(t, "../../data")
	var mu sync.Mutex
	var paths []string
	files := http.StripPrefix(strings.TrimSuffix(basePath, "/"), http.FileServer(http.Dir(site)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.URL.Path)
		mu.Unlock()
		w.Header().Set("Cache-Control", "max-age=600")
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	p := newPage(t)
	do(t, p, chromedp.Navigate(srv.URL+basePath), chromedp.WaitVisible(chromedp.CSS("#header-q")))
	waitFor(t, p, `document.readyState === 'complete'`, "the page")
	do(t, p, chromedp.Click(chromedp.CSS("#header-q")))
	for end := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		mu.Lock()
		n := 0
		for _, s := range paths {
			if strings.HasSuffix(s, "/js/search-worker-reader.js") {
				n++
			}
		}
		mu.Unlock()
		if n >= 1 {
			break
		}
		if time.Now().After(end) {
			t.Fatalf("the box prefetched %q; links %s", paths, eval[string](t, p, `Array.from(document.querySelectorAll('link[rel=prefetch]')).map((l) => l.href).join(' ')`))
		}
	}
	time.Sleep(200 * time.Millisecond)
	hits := openSearch(t, p, srv.URL+basePath, "skole")
	if len(hits) == 0 {
		t.Fatal("no hits for skole")
	}
	mu.Lock()
	defer mu.Unlock()
	seen := map[string]int{}
	for _, s := range searchFiles(paths) {
		seen[s]++
	}
	for _, s := range []string{"/js/search-worker-reader.js"} {
		if n := seen[basePath[:len(basePath)-1]+s]; n != 1 {
			t.Errorf("%s fetched %d times, want once: %q", s, n, searchFiles(paths))
		}
	}
}
