package e2e

import (
	"slices"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/catalog"
)

// typeQuery puts q in the search box as typing does (an input event, the
// page's typing pause) and waits for its results.
func typeQuery(t *testing.T, p *page, q string) []hit {
	t.Helper()
	n := eval[int](t, p, rendersJS)
	eval[bool](t, p, `(() => { const i = document.getElementById('search-q'); i.value = `+jsString(q)+`;
		i.dispatchEvent(new Event('input', { bubbles: true })); return true; })()`)
	waitRender(t, p, n)
	return pageHits(t, p)
}

// TestSearchRecallInBrowser types as visitors do: half a word, a typo,
// identifiers as pasted, the site's own words. The reader answers all of
// them without the WebAssembly engine.
func TestSearchRecallInBrowser(t *testing.T) {
	site := buildSite(t, "../../data")
	srv := serveSwappable(t, site)
	origin := srv.URL + basePath
	p := newPage(t)
	openSearch(t, p, origin, "skole")
	noticeJS := `(() => { const n = document.getElementById('search-notice'); return n && !n.hidden ? n.textContent : ''; })()`
	fuzzyText := catalog.Must("nb").T(catalog.Key("search_recall_fuzzy"), nil)
	fuzzyLead := fuzzyText[:strings.Index(fuzzyText, "{0}")]

	// Half a word: the last word is a prefix.
	hits := typeQuery(t, p, "barneha")
	if !slices.ContainsFunc(hits, func(h hit) bool { return strings.Contains(strings.ToLower(h.Title), "barnehage") }) {
		t.Errorf("barneha: no barnehage among %+v", hits)
	}
	if n := eval[string](t, p, noticeJS); n != "" {
		t.Errorf("barneha: notice %q", n)
	}

	// A typo: searched with one edit allowed, and the page says so.
	hits = typeQuery(t, p, "skoel")
	if len(hits) == 0 {
		t.Error("skoel: no hits")
	}
	if n := eval[string](t, p, noticeJS); !strings.Contains(n, fuzzyLead) || !strings.Contains(n, "skoel") {
		t.Errorf("skoel: notice %q, want %q with the word", n, fuzzyLead)
	}

	// Identifiers as people paste them find the record first.
	for q, first := range map[string]string{
		"KST 068/26": "vedtak/kst-2026-068/",
		"068/26":     "vedtak/kst-2026-068/",
		"4120":       "prosjekter/nordbyen-skole/",
		"25/1290":    "vedtak/fsk-2026-007/",
	} {
		hits = typeQuery(t, p, q)
		if len(hits) == 0 || !strings.HasSuffix(hits[0].Href, first) {
			t.Errorf("%s: first hit %+v, want %s", q, hits, first)
		}
	}

	// The site's own words: sprekk finds projects over their frame.
	hits = typeQuery(t, p, "sprekk")
	if !slices.ContainsFunc(hits, func(h hit) bool { return h.Type == "prosjekt" }) {
		t.Errorf("sprekk: no project among %+v", hits)
	}

	if slices.ContainsFunc(srv.take(), func(s string) bool { return strings.HasSuffix(s, ".wasm") }) {
		t.Error("recall loaded the WebAssembly engine")
	}
}
