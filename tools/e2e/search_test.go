package e2e

import (
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/search"
	"github.com/openkommune/portal/tools/searchindex"
)

type hit struct {
	Type  string `json:"type"`
	Title string `json:"title"`
	Href  string `json:"href"`
	Label string `json:"label"`
}

func eval[T any](tb testing.TB, p *page, expr string) T {
	tb.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		tb.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

func do(tb testing.TB, p *page, steps ...chromedp.Action[chromedp.Void]) {
	tb.Helper()
	if err := chromedp.Do(p.ctx, steps...); err != nil {
		tb.Fatal(err)
	}
}

// renders is how many result lists the search page has shown.
const rendersJS = `(() => { const a = document.getElementById('search-app'); return a ? Number(a.dataset.renders || 0) : -1; })()`

// waitRender waits until the search page has shown more than after result
// lists, and fails on a search error. It rides out page navigation.
func waitRender(tb testing.TB, p *page, after int) {
	tb.Helper()
	expr := `(() => { const a = document.getElementById('search-app'); return !!a && Number(a.dataset.renders || 0) > ` +
		strconv.Itoa(after) + ` && !a.hasAttribute('aria-busy'); })()`
	waitFor(tb, p, expr, "search results")
}

// waitFor polls a JavaScript condition for up to 90 seconds, across
// navigations.
func waitFor(tb testing.TB, p *page, expr, what string) {
	tb.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for {
		ok, err := chromedp.Run(p.ctx, chromedp.Evaluate[bool](expr))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			status, _ := chromedp.Run(p.ctx, chromedp.Evaluate[string](`(document.getElementById('search-status') || {}).textContent || ''`))
			_, errs := p.logged()
			tb.Fatalf("waiting for %s: %v (status %q, errors %q)", what, err, status, errs)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func pageHits(tb testing.TB, p *page) []hit {
	return eval[[]hit](tb, p, `Array.from(document.querySelectorAll('#search-hits li')).map(li => ({
		type: li.dataset.type, title: li.querySelector('h3').textContent,
		href: li.querySelector('h3 a').getAttribute('href'), label: li.querySelector('.hit-meta').textContent }))`)
}

// nativeURLs runs req with the Go client over the same built files and
// returns the hits' URLs as the page links them.
func nativeURLs(tb testing.TB, site string, req search.Request) []string {
	tb.Helper()
	heads, _ := filepath.Glob(filepath.Join(site, "search", "head-*.gz"))
	if len(heads) != 1 {
		tb.Fatalf("want one search head, found %v", heads)
	}
	c, err := searchindex.NewClient(func(name string) ([]byte, error) {
		return os.ReadFile(filepath.Join(site, "search", filepath.FromSlash(name)))
	}, filepath.Base(heads[0]))
	if err != nil {
		tb.Fatal(err)
	}
	resp, err := c.Search(req)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, h := range resp.Hits {
		out = append(out, basePath+h.URL)
	}
	return out
}

func hrefs(hs []hit) []string {
	var out []string
	for _, h := range hs {
		out = append(out, h.Href)
	}
	return out
}

func TestSearchInBrowser(t *testing.T) {
	site := buildSite(t, "../../data")
	srv := serve(t, site)
	p := newPage(t)
	origin := srv.URL + basePath

	// Without JavaScript the page says so and links to the lists.
	resp, err := http.Get(origin + "sok/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	noscript := string(body)
	if i := strings.Index(noscript, "<noscript>"); i < 0 {
		t.Error("the search page has no <noscript> message")
	} else if j := strings.Index(noscript[i:], "</noscript>"); j < 0 || !strings.Contains(noscript[i:i+j], `href="`+basePath+`vedtak/"`) {
		t.Error("the <noscript> message does not link to the lists")
	}

	// The home page loads no search engine until the visitor uses search.
	do(t, p, chromedp.Navigate(origin), chromedp.WaitVisible(chromedp.CSS("#header-q")))
	if reqs, _ := p.logged(); slices.ContainsFunc(reqs, func(u string) bool { return strings.Contains(u, ".wasm") }) {
		t.Errorf("the home page fetched the engine before search was used: %q", reqs)
	}

	// Type a query in the header and press Enter.
	do(t, p, chromedp.Click(chromedp.CSS("#header-q")), chromedp.SendKeys(chromedp.CSS("#header-q"), "skole\r"))
	waitRender(t, p, 0)
	loc := eval[string](t, p, `location.pathname + location.search`)
	if loc != basePath+"sok/?q=skole" {
		t.Errorf("search page at %q", loc)
	}
	screenshot(t, p, "search-skole")
	all := pageHits(t, p)
	if len(all) < 10 {
		t.Fatalf("only %d hits for skole: %+v", len(all), all)
	}
	if want := nativeURLs(t, site, search.Request{Query: "skole", Size: 10, Recall: true}); !slices.Equal(hrefs(all), want) {
		t.Errorf("browser hits differ from the native engine:\n got %q\nwant %q", hrefs(all), want)
	}
	// The next page, to see more compounds marked.
	n := eval[int](t, p, rendersJS)
	do(t, p, chromedp.Click(chromedp.CSS("#search-more")))
	waitRender(t, p, n)
	marked := eval[[]string](t, p, `Array.from(document.querySelectorAll('#search-hits mark')).map(m => m.parentNode.textContent)`)
	joined := strings.ToLower(strings.Join(marked, "\n"))
	for _, compound := range []string{"barneskole", "ungdomsskole"} {
		if !strings.Contains(joined, compound) {
			t.Errorf("no highlighted hit contains the compound %q", compound)
		}
	}

	// Filter on projects: the school projects, and nothing else.
	n = eval[int](t, p, rendersJS)
	do(t, p, chromedp.Click(chromedp.CSS(`#search-facets fieldset[data-field="type"] input[value="prosjekt"]`)))
	waitRender(t, p, n)
	projects := pageHits(t, p)
	for _, h := range projects {
		if h.Type != "prosjekt" {
			t.Errorf("type filter let through %+v", h)
		}
	}
	for _, want := range []string{"prosjekter/nordbyen-skole/", "prosjekter/sentrum-ungdomsskole/", "prosjekter/skoleveien-trafikksikring/"} {
		if !slices.Contains(hrefs(projects), basePath+want) {
			t.Errorf("project hits %q lack %s", hrefs(projects), want)
		}
	}
	filter := search.Request{Query: "skole", Filters: map[string][]string{"type": {"prosjekt"}}, Size: 10, Recall: true}
	if want := nativeURLs(t, site, filter); !slices.Equal(hrefs(projects), want) {
		t.Errorf("filtered hits differ from the native engine:\n got %q\nwant %q", hrefs(projects), want)
	}
	if loc := eval[string](t, p, `location.search`); !strings.Contains(loc, "type=prosjekt") {
		t.Errorf("the filter is not in the URL: %q", loc)
	}

	// A range on the deviation narrows the list, exactly as the engine says.
	n = eval[int](t, p, rendersJS)
	do(t, p, chromedp.Click(chromedp.CSS("#search-avvik-min")), chromedp.SendKeys(chromedp.CSS("#search-avvik-min"), "5\t"))
	waitRender(t, p, n)
	over := pageHits(t, p)
	min := 5.0
	ranged := filter
	ranged.Ranges = map[string]search.Range{"avvik_prosent": {Min: &min}}
	want := nativeURLs(t, site, ranged)
	if !slices.Equal(hrefs(over), want) {
		t.Errorf("range-filtered hits differ from the native engine:\n got %q\nwant %q", hrefs(over), want)
	}
	if len(over) == 0 || len(over) >= len(projects) {
		t.Errorf("the deviation range did not narrow the list: %d of %d", len(over), len(projects))
	}
	for _, h := range over {
		t.Logf("over 5 %%: %s (%s)", h.Title, h.Label)
	}
	if loc := eval[string](t, p, `location.search`); !strings.Contains(loc, "avvik_prosent_min=5") {
		t.Errorf("the range is not in the URL: %q", loc)
	}

	screenshot(t, p, "search-range")

	// The back button undoes the range.
	n = eval[int](t, p, rendersJS)
	do(t, p, chromedp.NavigateBack())
	waitRender(t, p, n)
	if back := pageHits(t, p); !slices.Equal(hrefs(back), hrefs(projects)) {
		t.Errorf("after Back: %q, want %q", hrefs(back), hrefs(projects))
	}

	// Follow a result.
	first := projects[0]
	do(t, p, chromedp.Click(chromedp.CSS(`#search-hits li:first-child h3 a`)))
	waitFor(t, p, `location.pathname === `+jsString(first.Href)+` && document.readyState === 'complete'`, "the result page")
	if h1 := eval[string](t, p, `document.querySelector('h1').textContent`); !strings.Contains(h1, strings.TrimSpace(first.Title)) {
		t.Errorf("result page h1 %q, want %q", h1, first.Title)
	}

	requests, errs := p.logged()
	if len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
	for _, r := range requests {
		u, err := url.Parse(r)
		if err != nil || (u.Scheme != "data" && u.Scheme != "blob" && !strings.HasPrefix(r, origin)) {
			t.Errorf("request off the site: %s", r)
		}
	}
	served := srv.requested()
	// The WebAssembly engine is for rare syntax (TestSearchReaderInBrowser).
	for _, kind := range []string{"/search/hp-", "/search/c-", "/search/r-"} {
		if !slices.ContainsFunc(served, func(s string) bool { return strings.Contains(s, kind) }) {
			t.Errorf("the server never served %s*", kind)
		}
	}
	for _, s := range served {
		if !strings.HasPrefix(s, basePath) {
			t.Errorf("the browser asked for %s, outside %s", s, basePath)
		}
	}
}

func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// screenshot saves the page as PNG into $PORTAL_SCREENSHOTS, if set, for a
// person to look at.
func screenshot(tb testing.TB, p *page, name string) {
	dir := os.Getenv("PORTAL_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		tb.Fatal(err)
	}
}

// TestSearchMessagesInBrowser types what citizens type, and follows a link
// with a query far too long: the page shows hits, "no hits" or the
// message for the query in the page's language, never an engine's error,
// and a query from a link is cut to the engine's limit before it is sent.
func TestSearchMessagesInBrowser(t *testing.T) {
	site := buildSite(t, "../../data")
	srv := serve(t, site)
	p := newPage(t)
	origin := srv.URL + basePath
	nb := func(code string, args ...string) string {
		text := catalog.Must("nb").T(catalog.Key("search_msg_"+code), nil)
		for i, a := range args {
			text = strings.ReplaceAll(text, "{"+strconv.Itoa(i)+"}", a)
		}
		return text
	}
	text := func(id string) string {
		return eval[string](t, p, `(document.getElementById('`+id+`') || {}).textContent || ''`)
	}
	noticeJS := `(() => { const n = document.getElementById('search-notice'); return n && !n.hidden ? n.textContent : ''; })()`

	// A link with 100 000 characters in ?q= is cut to the limit, and said so.
	long := strings.Repeat("x", 100000)
	do(t, p, chromedp.Navigate(origin+"sok/?q="+long))
	waitRender(t, p, 0)
	if got := eval[int](t, p, `Array.from(document.getElementById('search-q').value).length`); got != search.MaxQueryRunes {
		t.Errorf("the search box holds %d characters of the link's query, want %d", got, search.MaxQueryRunes)
	}
	if got, want := eval[string](t, p, noticeJS), strings.ReplaceAll("Søket var lengre enn {0} tegn og er kortet ned.", "{0}", strconv.Itoa(search.MaxQueryRunes)); got != want {
		t.Errorf("notice %q, want %q", got, want)
	}
	if got := eval[int](t, p, `document.getElementById('search-q').maxLength`); got != search.MaxQueryRunes {
		t.Errorf("the search box's maxlength is %d", got)
	}
	screenshot(t, p, "search-long-link")

	typeQuery := func(q string) {
		t.Helper()
		n := eval[int](t, p, rendersJS)
		do(t, p, chromedp.Evaluate[chromedp.Void](`(() => { const i = document.getElementById('search-q'); i.value = `+jsString(q)+`; document.getElementById('search-form').requestSubmit(); })()`))
		waitRender(t, p, n)
	}
	for _, c := range []struct {
		q, status, notice, first string
	}{
		{q: "2025", status: "treff"},
		{q: "KST 068/26", status: "treff", first: basePath + "vedtak/kst-2026-068/"},
		{q: "økonomiplan 2025", status: "treff"},
		{q: `"skole`, status: "treff", notice: nb("syntax")},
		{q: "fylke:skole", status: "treff", notice: nb("unknown_field", "fylke:")},
		{q: "tittel:", notice: nb("syntax")},
		{q: "-", status: "Ingen treff"},
		{q: "avvik_prosent:mye", status: nb("not_number", "avvik_prosent", "mye")},
		{q: "skol* vei* bar* bib* idr*", status: nb("too_many_patterns", "4")},
	} {
		typeQuery(c.q)
		if c.notice != "" || c.first != "" {
			screenshot(t, p, "search-"+strings.Map(func(r rune) rune {
				if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
					return r
				}
				return '-'
			}, strings.ToLower(c.q)))
		}
		status := text("search-status")
		if c.status != "" && !strings.Contains(status, c.status) {
			t.Errorf("%q: status %q, want %q", c.q, status, c.status)
		}
		if strings.Contains(status, "Søket kunne ikke utføres") {
			t.Errorf("%q: an engine error: %q", c.q, status)
		}
		if got := eval[string](t, p, noticeJS); got != c.notice {
			t.Errorf("%q: notice %q, want %q", c.q, got, c.notice)
		}
		if c.first != "" {
			if hs := pageHits(t, p); len(hs) == 0 || hs[0].Href != c.first {
				t.Errorf("%q: first hit %+v, want %s", c.q, hs, c.first)
			}
		}
	}
	if _, errs := p.logged(); len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
}
