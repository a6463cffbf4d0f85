package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// layoutPages are every template of the built site (templatePages) and
// the 404 page.
func layoutPages(tb testing.TB, site string) []string {
	return append(templatePages(tb, site), "404.html")
}

// TestNoSideScroll loads a page of every template at 320 and 390 CSS px
// (the narrowest phones in use, and a common one): no page is wider than
// the screen, so none scrolls sideways. A table too wide for the screen
// scrolls inside its own keyboard-focusable wrapper instead.
func TestNoSideScroll(t *testing.T) {
	site := buildSite(t, "../../data")
	srv := serve(t, site)
	p := newPage(t)
	for _, width := range []int64{320, 390} {
		do(t, p, chromedp.EmulateViewport(width, 800))
		for _, path := range layoutPages(t, site) {
			do(t, p, chromedp.Navigate(srv.URL+basePath+path))
			if got := eval[float64](t, p, `document.documentElement.scrollWidth`); got > float64(width) {
				t.Errorf("%s at %d px: the page is %v px wide and scrolls sideways (widest: %s)", path, width, got,
					eval[string](t, p, widest))
			}
			// A wrapper that scrolls must be reachable by keyboard and
			// say so.
			bad := eval[[]string](t, p, `[...document.querySelectorAll('main *')].filter(e => { const s = getComputedStyle(e).overflowX; return (s === 'auto' || s === 'scroll') && e.scrollWidth > e.clientWidth + 1 && !(e.tabIndex >= 0 && (e.getAttribute('aria-label') || e.getAttribute('aria-labelledby'))); }).map(e => e.tagName.toLowerCase() + '.' + e.className)`)
			if len(bad) > 0 {
				t.Errorf("%s at %d px: %q scroll but are not focusable and labelled", path, width, bad)
			}
		}
	}
}
