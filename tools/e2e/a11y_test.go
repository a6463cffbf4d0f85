package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeTags are the rule sets axe-core runs: WCAG 2.0 and 2.1, levels A and
// AA, which Norwegian law (forskrift om universell utforming av IKT)
// requires of a kommune's website, and the rules new in WCAG 2.2 AA, which
// the EU's accessibility directive is moving to.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// axeWidths are the viewport widths TestAccessibility runs axe at: a
// desktop and a phone, where tables reflow and regions scroll.
var axeWidths = []int64{1280, 390}

func axeSource(tb testing.TB) string {
	b, err := os.ReadFile("../../node_modules/axe-core/axe.min.js")
	if err != nil {
		if os.Getenv("PORTAL_REQUIRE_NPM") != "" {
			tb.Fatal("axe-core is missing: run npm ci")
		}
		tb.Skip("axe-core is missing (run npm ci)")
	}
	return string(b)
}

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// TestAccessibility runs axe-core in headless Chromium over one page of
// every template (and the 404 page), in bokmål and in nynorsk, at 1280 and
// 390 CSS px, served under a sub-path as
// GitHub Pages serves a project site. It also checks that no page asks for
// anything from another origin (no CDN, fonts or trackers) and that no page
// logs an error.
func TestAccessibility(t *testing.T) {
	axe := axeSource(t)
	tags, _ := json.Marshal(axeTags)
	tagsJS := string(tags)
	for _, lang := range []string{"nb", "nn"} {
		t.Run(lang, func(t *testing.T) {
			site := buildSite(t, exampleData(t, lang))
			srv := serve(t, site)
			p := newPage(t)
			for _, width := range axeWidths {
				do(t, p, chromedp.EmulateViewport(width, 900))
				for _, path := range layoutPages(t, site) {
					url := srv.URL + basePath + path
					do(t, p, chromedp.Navigate(url))
					if strings.HasPrefix(path, "sok/") {
						waitFor(t, p, `(() => { const a = document.getElementById('search-app'); return !!a && Number(a.dataset.renders || 0) > 0 && !a.hasAttribute('aria-busy'); })()`, "search results")
					}
					if got := eval[string](t, p, `document.documentElement.lang`); got != lang {
						t.Errorf("%s: <html lang=%q>, want %q", path, got, lang)
					}
					for _, v := range runAxe(t, p, axe, tagsJS, path) {
						var where []string
						for i, n := range v.Nodes {
							if i == 5 {
								where = append(where, fmt.Sprintf("… %d more", len(v.Nodes)-5))
								break
							}
							where = append(where, fmt.Sprintf("%v %s", n.Target, n.HTML))
						}
						t.Errorf("%s at %d px: %s (%s): %s\n\t%s", path, width, v.ID, v.Impact, v.Help, strings.Join(where, "\n\t"))
					}
					screenshot(t, p, fmt.Sprintf("a11y-%s-%d-%s", lang, width, strings.NewReplacer("/", "_", "?", "_", "=", "_").Replace(strings.TrimSuffix(path, "/"))))
				}
			}
			reqs, errs := p.logged()
			var foreign []string
			for _, r := range reqs {
				if !strings.HasPrefix(r, srv.URL+"/") && !strings.HasPrefix(r, "data:") && !strings.HasPrefix(r, "blob:") {
					foreign = append(foreign, r)
				}
			}
			sort.Strings(foreign)
			if len(foreign) > 0 {
				t.Errorf("requests leaving the site: %q", foreign)
			}
			if len(errs) > 0 {
				t.Errorf("errors in the browser: %q", errs)
			}
		})
	}
}

// runAxe runs axe-core (its source in axe) with the tags in tagsJS on the
// page loaded in p and returns the violations.
func runAxe(t *testing.T, p *page, axe, tagsJS, path string) []axeViolation {
	t.Helper()
	eval[bool](t, p, axe+`;true`)
	eval[bool](t, p, fmt.Sprintf(`window.__axe = null; axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})
		.then(r => { window.__axe = JSON.stringify(r.violations); }, e => { window.__axe = JSON.stringify([{id: 'axe-error', help: String(e), nodes: []}]); }); true`, tagsJS))
	waitFor(t, p, `window.__axe !== null`, "axe on "+path)
	var vs []axeViolation
	if err := json.Unmarshal([]byte(eval[string](t, p, `window.__axe`)), &vs); err != nil {
		t.Fatal(err)
	}
	return vs
}

// malformRe is the målform's line in kommune.toml.
var malformRe = regexp.MustCompile(`(?m)^malform\s*=\s*"[a-z]+"`)

// exampleData returns the data directory (the example kommune, or in a
// fork the kommune's own) in målform lang: data/ itself if it is written
// so, otherwise a copy of it with that malform.
func exampleData(tb testing.TB, lang string) string {
	b, err := os.ReadFile("../../data/kommune.toml")
	if err != nil {
		tb.Fatal(err)
	}
	want := `malform = "` + lang + `"`
	if !malformRe.Match(b) {
		tb.Fatal(`kommune.toml has no malform = "…" line to set`)
	}
	if string(malformRe.Find(b)) == want {
		return "../../data"
	}
	dir := filepath.Join(tb.TempDir(), "data")
	if err := os.CopyFS(dir, os.DirFS("../../data")); err != nil {
		tb.Fatal(err)
	}
	k := filepath.Join(dir, "kommune.toml")
	if err := os.WriteFile(k, malformRe.ReplaceAll(b, []byte(want)), 0o644); err != nil {
		tb.Fatal(err)
	}
	return dir
}
