package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// narrowPages are the pages whose layout the tests hold to a phone's width:
// the project lists with their money, the overrun table, the 404 page, and
// pages with short texts and tables written in Markdown.
var narrowPages = []string{
	"prosjekter/",
	"overskridelser/",
	"404.html",
	"prosjekter/nordbyen-skole/",
	"planer/kommuneplanens-samfunnsdel-2023-2035/",
	"rammeomrader/oppvekst/",
	"rammeomrader/helse-og-omsorg/", // a parent area across rolling plans
	"vedtak/kst-2026-049/",
	"vedtak/kst-2024-098/",
	"okonomiplan/2026-2029/", // the budget stages side by side
	"oversikter/",
	"oversikter/2025-arsregnskap/",
	"kontroll/",
	"rapporter/",
	"rapporter/2026-t2/",
	"prosjekter/lia-omsorgsboliger/",
	"rammeomrader/", // the areas as a tree
}

// TestNarrowScreens loads each of narrowPages at 390 CSS px (a phone) and
// at 1280: the page never scrolls sideways, axe finds nothing at 390 (when
// axe-core is installed), and at every width
// the project tables and the budget stages tables show the name and the
// money without scrolling inside their wrapper, as do at 390 the tables of
// class "cards" and the tables charts carry. Screenshots at 1280 and 390 go to
// $PORTAL_SCREENSHOTS.
func TestNarrowScreens(t *testing.T) {
	site := buildSite(t, "../../data")
	srv := serve(t, site)
	p := newPage(t)
	// axe-core as TestAccessibility runs it, here at a phone's width.
	axe := ""
	if b, err := os.ReadFile("../../node_modules/axe-core/axe.min.js"); err == nil {
		axe = string(b)
	}
	tags, _ := json.Marshal(axeTags)
	for _, width := range []int64{1280, 390} {
		do(t, p, chromedp.EmulateViewport(width, 844))
		for _, path := range narrowPages {
			do(t, p, chromedp.Navigate(srv.URL+basePath+path))
			if got := eval[float64](t, p, `document.documentElement.scrollWidth`); got > float64(width) {
				t.Errorf("%s at %d px: the page is %v px wide and scrolls sideways (widest: %s)", path, width, got,
					eval[string](t, p, widest))
			}
			tables := eval[[]string](t, p, `[...document.querySelectorAll('table.projects, table.stages')].filter(t => t.scrollWidth > t.parentElement.clientWidth + 1).map(t => (t.caption ? t.caption.textContent.slice(0, 40) : t.id) + ': ' + t.scrollWidth + ' px')`)
			if len(tables) > 0 {
				t.Errorf("%s at %d px: the project tables %q are wider than the screen", path, width, tables)
			}
			if width == 390 {
				// A table of money that reflows to cards, and the breakdown of an
				// area into underområder (the table its chart carries), fit a
				// phone without scrolling.
				cards := eval[[]string](t, p, `[...document.querySelectorAll('table.cards, #underomrader-tabell')].filter(t => t.offsetParent !== null && t.scrollWidth > t.parentElement.clientWidth + 1).map(t => (t.caption ? t.caption.textContent.slice(0, 40) : t.id) + ': ' + t.scrollWidth + ' px in ' + t.parentElement.clientWidth)`)
				if len(cards) > 0 {
					t.Errorf("%s at 390 px: the tables %q scroll sideways inside their wrapper", path, cards)
				}
			}
			if width == 390 && axe != "" {
				for _, v := range runAxe(t, p, axe, string(tags), path) {
					t.Errorf("%s at 390 px: %s (%s): %s", path, v.ID, v.Impact, v.Help)
				}
			}
			{
				screenshot(t, p, fmt.Sprintf("narrow-%d-%s", width, strings.NewReplacer("/", "_", ".", "_").Replace(strings.TrimSuffix(path, "/"))))
			}
		}
	}
	// The KOSTRA chart keeps its smallest text (12 units) at 12 px or more on
	// a phone, and its table cites SSB's table with a link.
	do(t, p, chromedp.EmulateViewport(390, 844), chromedp.Navigate(srv.URL+basePath+"rammeomrader/oppvekst/"))
	if px := eval[float64](t, p, `(() => { const s = [...document.querySelectorAll('svg.chart--kostra')].find(s => s.getBoundingClientRect().width > 0); return s ? s.getBoundingClientRect().width / s.viewBox.baseVal.width * 12 : 0; })()`); px < 12 {
		t.Errorf("oppvekst at 390 px: the KOSTRA chart's smallest text is %.1f px, want at least 12", px)
	}
	if w := eval[string](t, p, `(() => { const t = document.querySelector('table.kostra-table'); return t.scrollWidth > t.parentElement.clientWidth + 1 ? t.scrollWidth + ' px in ' + t.parentElement.clientWidth : ''; })()`); w != "" {
		t.Errorf("oppvekst at 390 px: the KOSTRA table is wider than the screen (%s): a reader must scroll to see the latest year", w)
	}
	if src := eval[string](t, p, `(() => { const a = document.querySelector('.kostra-source a'); return a ? a.href : ''; })()`); src != "https://www.ssb.no/statbank/table/12362" {
		t.Errorf("oppvekst: the KOSTRA table cites %q, want SSB's table 12362", src)
	}
	// The money columns are the ones left at 390 px, written compactly with
	// the exact amount in the cell's title.
	do(t, p, chromedp.EmulateViewport(390, 844), chromedp.Navigate(srv.URL+basePath+"overskridelser/"))
	heads := eval[[]string](t, p, `[...document.querySelector('table.projects').tHead.rows[0].cells].filter(c => c.offsetParent !== null).map(c => c.textContent.trim())`)
	if got := strings.Join(heads, "|"); got != "Prosjekt|Prognose|Avvik (kr)|Avvik (%)" {
		t.Errorf("overskridelser at 390 px shows the columns %q, not the name and the money", heads)
	}
	cell := eval[[]string](t, p, `(() => { const c = document.querySelector('table.projects tbody td.num'); return [c.textContent, c.title]; })()`)
	if !strings.HasSuffix(cell[0], "mill.\u00a0kr") || !strings.HasSuffix(cell[1], "000\u00a0kr") {
		t.Errorf("overskridelser: first amount %q (title %q), want compact with the exact amount in the title", cell[0], cell[1])
	}
}

// widest names the elements that reach furthest to the right.
const widest = `(() => { const w = document.documentElement.clientWidth;
	const clipped = e => { if (/absolute|fixed/.test(getComputedStyle(e).position)) return false; for (let p = e.parentElement; p; p = p.parentElement) { if (getComputedStyle(p).overflowX !== 'visible') return true; } return false; };
	return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1 && !clipped(e))
		.slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right)).join(', '); })()`
