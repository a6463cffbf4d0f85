package build_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestOmradelisteThreeLevels builds a three-level area tree
// (testdata/stages/three-level.txtar) with the real Hugo: the rammeområder
// page lists the top-level areas with their frames and the total of those
// only; each parent's underområder are in a closed <details> under its
// row, nested to the third level, with the level in the table's caption,
// the computed subtotal of the parent without a frame of its own, the
// rest the underområder leave, and the parent's frame as their total.
func TestOmradelisteThreeLevels(t *testing.T) {
	data := writeData(t, "../../testdata/base.txtar", "../../testdata/stages/three-level.txtar")
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, data, out, "https://example.github.io/portal/"); err != nil {
		t.Fatal(err)
	}
	kr := func(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") + "\u00a0kr" }
	page := read(t, filepath.Join(out, "rammeomrader/index.html"))
	top, details, ok := strings.Cut(page, "<details")
	if !ok {
		t.Fatal("the rammeområder page has no <details> with the underområder")
	}
	for _, w := range []string{"Oppvekst", "Helse og omsorg", kr("205 000 000"), kr("110 002 000")} {
		if !strings.Contains(top, w) {
			t.Errorf("the top level lacks %q", w)
		}
	}
	for _, w := range []string{"Pleie og omsorg", "Sykehjem", "Helsestasjon"} {
		if strings.Contains(top, w) {
			t.Errorf("the underområde %q is listed among the top-level areas", w)
		}
	}
	if strings.Contains(page, "<details open") {
		t.Error("the underområder are not collapsed by default")
	}
	// The third level is inside the second's <details>.
	second := strings.Index(details, "<details")
	if second < 0 || second > strings.Index(details, "</details>") {
		t.Error("omsorg's underområder are not nested inside helse's")
	}
	for _, w := range []string{"(nivå 2)", "(nivå 3)", kr("100 000 000"), "sum av underområdene", "Ikke fordelt på underområder", kr("2 000"), "Helse og omsorg i alt", "Pleie og omsorg i alt"} {
		if !strings.Contains(details, w) {
			t.Errorf("the underområder lack %q", w)
		}
	}
	// 205 000 000 + 110 002 000: the underområder are not added again.
	if !strings.Contains(page, kr("315 002 000")) || strings.Contains(page, kr("425 002 000")) || strings.Contains(page, kr("525 002 000")) {
		t.Error("the total is not the top level's 315 002 000 kr alone")
	}
}

// TestForslagOverview builds a plan at the forslag stage only
// (testdata/stages/forslag-only.txtar): its page has the overview chart of
// the forslag's top-level frames, titled by the stage and linked to the
// first year's table of the stages, and neither the chart nor its caption
// says the frames were adopted.
func TestForslagOverview(t *testing.T) {
	data := writeData(t, "../../testdata/base.txtar", "../../testdata/stages/forslag-only.txtar")
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, data, out, "https://example.github.io/portal/"); err != nil {
		t.Fatal(err)
	}
	page := read(t, filepath.Join(out, "okonomiplan/2026-2029/index.html"))
	start := strings.Index(page, `<figure class="chart-figure">`)
	if start < 0 {
		t.Fatal("the forslag's plan page has no overview chart")
	}
	fig := page[start : start+strings.Index(page[start:], "</figure>")]
	for _, w := range []string{"Netto driftsrammer per rammeområde i 2026 i kommunedirektørens forslag", "777,8", `href="#stadier-2026"`} {
		if !strings.Contains(fig, w) {
			t.Errorf("the overview lacks %q", w)
		}
	}
	if w := adoptedWord.FindString(fig); w != "" {
		t.Errorf("the overview of a forslag says %q", w)
	}
	if !strings.Contains(page, `id="stadier-2026"`) {
		t.Error("the table the overview links is not on the page")
	}
}
