package e2e

import (
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/openkommune/portal/tools/hostile"
)

// TestContentSecurityPolicy: the pages refuse inline scripts and requests
// to other origins, while the site's own scripts and the search engine run
// (the search tests would fail on the errors otherwise).
func TestContentSecurityPolicy(t *testing.T) {
	srv := serve(t, buildSite(t, "../../data"))
	p := newPage(t)
	do(t, p, chromedp.Navigate(srv.URL+basePath))
	if csp := eval[string](t, p, `(document.querySelector('meta[http-equiv="Content-Security-Policy"]') || {}).content || ''`); !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") {
		t.Fatalf("no Content-Security-Policy meta tag, or a different one: %q", csp)
	}
	ran := eval[bool](t, p, `(() => { const s = document.createElement('script'); s.textContent = 'window.__inline = true'; document.head.append(s); return !!window.__inline; })()`)
	if ran {
		t.Error("an inline script ran")
	}
	styled := eval[string](t, p, `(() => { const d = document.createElement('div'); d.setAttribute('style', 'color: rgb(1, 2, 3)'); document.body.append(d); return getComputedStyle(d).color; })()`)
	if styled == "rgb(1, 2, 3)" {
		t.Error("an inline style attribute was applied")
	}
}

// TestInjectionInBrowser opens the example with script payloads in every
// text field (package hostile) in Chromium: a vedtak page, a project page
// and the search page searching for the payload. No script may run (no
// dialog opens) and no element from the data may appear in the results.
func TestInjectionInBrowser(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	if _, err := hostile.Inject("../../data", data); err != nil {
		t.Fatal(err)
	}
	srv := serve(t, buildSite(t, data))
	p := newPage(t)
	var dialogs atomic.Int32
	chromedp.Listen(p.ctx, func(ev any) {
		if _, ok := ev.(*cdppage.EventJavascriptDialogOpening); ok {
			dialogs.Add(1)
			go chromedp.Call(p.ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: true})
		}
	})
	for _, path := range []string{"vedtak/kst-2026-068/", "prosjekter/nordbyen-skole/", "overskridelser/", "rapporter/2026-t2/", "sok/?q=" + hostile.Marker} {
		do(t, p, chromedp.Navigate(srv.URL+basePath+path))
		if strings.HasPrefix(path, "sok/") {
			waitRender(t, p, 0)
			if n := eval[int](t, p, `document.querySelectorAll('#search-hits li').length`); n == 0 {
				t.Error("searching for the payload found nothing")
			}
			if n := eval[int](t, p, `document.querySelectorAll('#search-hits script, #search-hits img, #search-hits svg, #search-hits a[href^="javascript"]').length`); n > 0 {
				t.Errorf("%d elements from the data in the search results", n)
			}
		}
		if n := eval[int](t, p, `document.querySelectorAll('main script:not([src]):not([type="application/json"]), main img[src="x"], main a[href^="javascript"], main a[href^="data"]').length`); n > 0 {
			t.Errorf("%s: %d elements from the data", path, n)
		}
	}
	if n := dialogs.Load(); n > 0 {
		t.Errorf("%d script dialogs opened", n)
	}
	if _, errs := p.logged(); len(errs) > 0 {
		t.Errorf("errors in the browser: %q", errs)
	}
}
