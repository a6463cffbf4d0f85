package e2e

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestFollowUp: the home page's figures for open and late points link to
// the follow-up overview, which lists every open point and, from the
// address or the form, only the late ones, one utvalg's or one
// ansvarlig's; the home page lists the late points and the largest
// overruns, largest first.
func TestFollowUp(t *testing.T) {
	site := buildSite(t, "../../data")
	srv := serve(t, site)
	p := newPage(t)
	var n struct {
		Apne      int `json:"punkter_apne"`
		Forsinket int `json:"punkter_forsinket"`
	}
	home := srv.URL + basePath
	do(t, p, chromedp.Navigate(home))
	links := eval[[]string](t, p, `[...document.querySelectorAll('.figures a')].map(a => new URL(a.href).pathname + new URL(a.href).search + ' ' + a.querySelector('strong').textContent)`)
	var open, late string
	for _, l := range links {
		switch {
		case strings.HasPrefix(l, basePath+"oppfolging/?status=forsinket "):
			late = strings.Fields(l)[1]
		case strings.HasPrefix(l, basePath+"oppfolging/ "):
			open = strings.Fields(l)[1]
		}
	}
	if open == "" || late == "" {
		t.Fatalf("the home page's figures %q do not link open and late points to the overview", links)
	}
	if err := json.Unmarshal([]byte(open), &n.Apne); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(late), &n.Forsinket); err != nil {
		t.Fatal(err)
	}
	if got := eval[int](t, p, `document.querySelectorAll('#forsinket ~ ul.late-list li, section[aria-labelledby=forsinket] li').length`); got != min(5, n.Forsinket) {
		t.Errorf("the home page lists %d late points, want %d", got, min(5, n.Forsinket))
	}
	devs := eval[[]float64](t, p, `[...document.querySelectorAll('section[aria-labelledby=storste] tbody tr')].map(r => parseFloat(r.cells[2].title.replace(/[^0-9]/g, '')))`)
	if len(devs) == 0 {
		t.Error("the home page lists no overruns")
	}
	for i := 1; i < len(devs); i++ {
		if devs[i] > devs[i-1] {
			t.Errorf("overruns on the home page not largest first: %v", devs)
		}
	}

	visible := `[...document.querySelectorAll('#oppfolging-tabell tbody tr')].filter(r => !r.hidden).map(r => ({...r.dataset}))`
	type row struct {
		Status    string `json:"status"`
		Forsinket string `json:"forsinket"`
		Utvalg    string `json:"utvalg"`
		Ansvarlig string `json:"ansvarlig"`
		Frist     string `json:"frist"`
	}
	do(t, p, chromedp.Navigate(home+"oppfolging/"))
	if got := len(eval[[]row](t, p, visible)); got != n.Apne {
		t.Errorf("the overview shows %d points, want the %d open", got, n.Apne)
	}
	do(t, p, chromedp.Navigate(home+"oppfolging/?status=forsinket"))
	rows := eval[[]row](t, p, visible)
	if len(rows) != n.Forsinket {
		t.Errorf("?status=forsinket shows %d points, want the %d late", len(rows), n.Forsinket)
	}
	for _, r := range rows {
		if r.Forsinket != "1" {
			t.Errorf("?status=forsinket shows a point not late: %+v", r)
		}
	}
	if got := eval[string](t, p, `document.getElementById('oppfolging-antall').textContent`); !strings.HasPrefix(got, late+" ") {
		t.Errorf("count %q, want %s …", got, late)
	}
	// The filters' panel is open on a wide screen and counts the chosen
	// filter; on a phone it is closed, so the list comes first.
	if got := eval[string](t, p, `document.getElementById('oppfolging-filterpanel').open + ' ' + document.getElementById('oppfolging-valgt').textContent`); got != "true (1 valgt)" {
		t.Errorf("filter panel at 1280 px: %q, want open with (1 valgt)", got)
	}
	do(t, p, chromedp.EmulateViewport(390, 844))
	do(t, p, chromedp.Navigate(home+"oppfolging/?status=forsinket"))
	if eval[bool](t, p, `document.getElementById('oppfolging-filterpanel').open`) {
		t.Error("the filter panel is open at 390 px")
	}
	do(t, p, chromedp.EmulateViewport(1280, 900))
	// The form: one utvalg, then one ansvarlig; the address follows.
	do(t, p, chromedp.Navigate(home+"oppfolging/"))
	utvalg := eval[string](t, p, `document.querySelector('#f-utvalg option:nth-child(2)').value`)
	eval[bool](t, p, `(() => { const s = document.getElementById('f-utvalg'); s.value = '`+utvalg+`'; s.dispatchEvent(new Event('change', {bubbles: true})); return true; })()`)
	rows = eval[[]row](t, p, visible)
	if len(rows) == 0 || len(rows) == n.Apne {
		t.Errorf("utvalg %s: %d of %d points shown", utvalg, len(rows), n.Apne)
	}
	for _, r := range rows {
		if r.Utvalg != utvalg {
			t.Errorf("utvalg %s shows %+v", utvalg, r)
		}
	}
	if got := eval[string](t, p, `location.search`); got != "?utvalg="+utvalg {
		t.Errorf("address %q after choosing utvalg %s", got, utvalg)
	}
	eval[bool](t, p, `(() => { const s = document.getElementById('f-frist'); s.value = '2025-12-31'; s.dispatchEvent(new Event('change', {bubbles: true})); return true; })()`)
	for _, r := range eval[[]row](t, p, visible) {
		if r.Frist == "" || r.Frist > "2025-12-31" || r.Utvalg != utvalg {
			t.Errorf("due by 2025-12-31 in %s shows %+v", utvalg, r)
		}
	}
	// A vedtak page opens with the status of its points.
	do(t, p, chromedp.Navigate(home+"vedtak/kst-2025-110/"))
	if got := eval[int](t, p, `document.querySelectorAll('.punkt-summary .punkt-toc li').length`); got != eval[int](t, p, `document.querySelectorAll('article.punkt').length`) || got < 2 {
		t.Errorf("the vedtak's summary lists %d points", got)
	}
	_, errs := p.logged()
	if len(errs) > 0 {
		t.Errorf("errors in the browser: %q", errs)
	}
}

// TestAboutFigures: /om/ explains each derived figure with an example and
// a link to its definition in the data format, in bokmål and nynorsk.
func TestAboutFigures(t *testing.T) {
	for _, lang := range []string{"nb", "nn"} {
		site := buildSite(t, exampleData(t, lang))
		srv := serve(t, site)
		p := newPage(t)
		do(t, p, chromedp.Navigate(srv.URL+basePath+"om/"))
		defs := eval[[]string](t, p, `[...document.querySelectorAll('.figure-defs dt')].map(dt => dt.textContent + '|' + dt.nextElementSibling.textContent + '|' + (dt.nextElementSibling.querySelector('a[href*="data-format.md#"]') ? 'link' : ''))`)
		if len(defs) < 12 {
			t.Errorf("%s: /om/ explains %d figures, want every derived figure", lang, len(defs))
		}
		example := map[string]string{"nb": "Eksempel", "nn": "Døme"}[lang]
		for _, d := range defs {
			parts := strings.Split(d, "|")
			if parts[2] != "link" {
				t.Errorf("%s: %q has no link to its definition", lang, parts[0])
			}
			if strings.Contains(parts[1], "{{") {
				t.Errorf("%s: %q is not filled in: %s", lang, parts[0], parts[1])
			}
		}
		if got := eval[int](t, p, `[...document.querySelectorAll('.figure-defs dd')].filter(dd => dd.textContent.includes('`+example+`')).length`); got < 8 {
			t.Errorf("%s: %d figures with an example", lang, got)
		}
	}
}
