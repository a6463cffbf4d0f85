package e2e

import (
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/search"
)

// TestSearchGroupsInBrowser: a vedtak's matching points are one result
// with "N punkter", in the order of package search over bleve.
func TestSearchGroupsInBrowser(t *testing.T) {
	site := buildSite(t, "../../data")
	srv := serve(t, site)
	p := newPage(t)
	for _, q := range []string{"renseanlegg", "budsjett"} {
		hits := openSearch(t, p, srv.URL+basePath, q)
		want := nativeURLs(t, site, search.Request{Query: q, Size: 10, Recall: true})
		if !slices.Equal(hrefs(hits), want) {
			t.Errorf("%s: page %q, want %q", q, hrefs(hits), want)
		}
		seen := map[string]bool{}
		for _, h := range hits {
			page, _, _ := strings.Cut(h.Href, "#")
			if strings.Contains(page, "/vedtak/") && seen[page] {
				t.Errorf("%s: %s listed twice: %q", q, page, hrefs(hits))
			}
			seen[page] = true
		}
		points := eval[[]string](t, p, `Array.from(document.querySelectorAll('#search-hits .hit-points')).map(e => e.textContent)`)
		if !slices.ContainsFunc(points, func(s string) bool { return strings.HasSuffix(s, " punkter") }) {
			t.Errorf("%s: no result with its points (%q)", q, points)
		}
	}
}

// TestSearchOnPhone: at 390 px the hits come first and the filters are a
// closed panel that counts the filters chosen; a search sent moves the
// focus to the result summary, which is a live region; years are in
// order.
func TestSearchOnPhone(t *testing.T) {
	site := buildSite(t, "../../data")
	srv := serve(t, site)
	p := newPage(t)
	do(t, p, chromedp.EmulateViewport(390, 844))
	openSearch(t, p, srv.URL+basePath, "skole")
	if eval[bool](t, p, `document.getElementById('search-filters').open`) {
		t.Error("the filters are open at 390 px")
	}
	// The first hit is on the first screen, below the closed panel.
	top := eval[float64](t, p, `document.querySelector('#search-hits li').getBoundingClientRect().top + scrollY`)
	if top > 844 {
		t.Errorf("the first hit starts at %.0f px, below the first screen", top)
	}
	if w := eval[int](t, p, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("the page is %d px wide at 390", w)
	}
	screenshot(t, p, "search-390-closed")

	// Sending a search moves the focus to the summary, read out.
	n := eval[int](t, p, rendersJS)
	eval[bool](t, p, `(() => { const i = document.getElementById('search-q'); i.focus(); i.value = 'barnehage';
		document.getElementById('search-form').requestSubmit(); return true; })()`)
	waitRender(t, p, n)
	if id := eval[string](t, p, `document.activeElement.id`); id != "search-status" {
		t.Errorf("focus on %q after a search, want the result summary", id)
	}
	if live := eval[string](t, p, `document.activeElement.getAttribute('aria-live') || ''`); live != "polite" {
		t.Errorf("the result summary is not a live region (%q)", live)
	}
	// Typing keeps the focus in the box.
	eval[bool](t, p, `(document.getElementById('search-q').focus(), true)`)
	typeQuery(t, p, "skole")
	if id := eval[string](t, p, `document.activeElement.id`); id != "search-q" {
		t.Errorf("focus on %q while typing, want the box", id)
	}

	// Open the panel, choose a type: the summary counts one filter.
	eval[bool](t, p, `(document.querySelector('#search-filters > summary').click(), true)`)
	n = eval[int](t, p, rendersJS)
	eval[bool](t, p, `(document.querySelector('fieldset[data-field="type"] input').click(), true)`)
	waitRender(t, p, n)
	want := strings.Replace(catalog.Must("nb").T(catalog.Key("search_filters_active"), nil), "{0}", "1", 1)
	if got := eval[string](t, p, `(() => { const c = document.getElementById('search-filter-count'); return c.hidden ? '' : c.textContent; })()`); got != want {
		t.Errorf("filter count %q, want %q", got, want)
	}
	years := eval[[]string](t, p, `Array.from(document.querySelectorAll('fieldset[data-field="aar"] input')).map(i => i.value)`)
	if len(years) < 2 || !slices.IsSortedFunc(years, func(a, b string) int { return strings.Compare(b, a) }) {
		t.Errorf("years %q, want newest first", years)
	}
	screenshot(t, p, "search-390-open")
}
