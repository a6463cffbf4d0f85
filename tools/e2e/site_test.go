package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/openkommune/portal/tools/build"
)

// basePath is where the site is served, as GitHub Pages serves
// https://owner.github.io/portal/.
const basePath = "/portal/"

var sites struct {
	sync.Mutex
	dirs map[string]string
}

// buildSite builds the site from dataDir (relative to the repository) once
// per test binary and returns the output directory.
func buildSite(tb testing.TB, dataDir string) string {
	sites.Lock()
	defer sites.Unlock()
	if dir, ok := sites.dirs[dataDir]; ok {
		return dir
	}
	tmp, err := os.MkdirTemp("", "portal-e2e-")
	if err != nil {
		tb.Fatal(err)
	}
	out := filepath.Join(tmp, "public")
	err = build.Build(context.Background(), build.Options{Root: "../..", DataDir: dataDir, Out: out, BaseURL: basePath})
	if err != nil {
		tb.Fatalf("building %s: %v", dataDir, err)
	}
	if sites.dirs == nil {
		sites.dirs = map[string]string{}
	}
	sites.dirs[dataDir] = out
	return out
}

// server serves dir under basePath and records every path asked for.
type server struct {
	*httptest.Server
	mu    sync.Mutex
	paths []string
}

func serve(tb testing.TB, dir string) *server {
	s := &server{}
	files := http.StripPrefix(strings.TrimSuffix(basePath, "/"), http.FileServer(http.Dir(dir)))
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.paths = append(s.paths, r.URL.Path)
		s.mu.Unlock()
		if !strings.HasPrefix(r.URL.Path, basePath) {
			http.NotFound(w, r)
			return
		}
		files.ServeHTTP(w, r)
	}))
	tb.Cleanup(s.Close)
	return s
}

// requested returns the paths served so far.
func (s *server) requested() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.paths...)
}

// page is a browser tab with what it has logged.
type page struct {
	ctx      context.Context
	mu       sync.Mutex
	requests []string // URLs of every request the page or its workers made
	errors   []string // console errors, uncaught exceptions, error log entries
}

func chromiumPath(tb testing.TB) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("PORTAL_SKIP_BROWSER") == "1" {
		tb.Skip("no Chromium, and PORTAL_SKIP_BROWSER=1")
	}
	tb.Fatal("no Chromium found; install Debian's chromium package (see .ci/run) or set PORTAL_SKIP_BROWSER=1")
	return ""
}

// newPage starts a fresh headless Chromium (empty cache) with one tab.
func newPage(tb testing.TB) *page {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath(tb)),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 1000),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	tb.Cleanup(func() { cancelC(); cancelA() })
	p := &page{ctx: ctx}
	if err := chromedp.Listen(ctx, p.event); err != nil {
		tb.Fatal(err)
	}
	return p
}

func (p *page) event(ev any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		p.requests = append(p.requests, ev.Request.URL)
	case *runtime.EventExceptionThrown:
		p.errors = append(p.errors, "exception: "+ev.ExceptionDetails.Text+describe(ev.ExceptionDetails.Exception))
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, string(a.Value)+a.Description)
			}
			p.errors = append(p.errors, "console.error: "+strings.Join(parts, " "))
		}
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			p.errors = append(p.errors, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
		}
	}
}

func describe(o *runtime.RemoteObject) string {
	if o == nil {
		return ""
	}
	return " " + o.Description
}

func (p *page) logged() (requests, errors []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.requests...), append([]string(nil), p.errors...)
}
