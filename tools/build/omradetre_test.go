package build_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestRollingPlansTwoLevel builds a kommune with two rolling plans and a
// two-level area (testdata/stages/rolling-two-level.txtar) with the real
// Hugo: the area page shows each plan's frame for 2026 and which is the
// budget, with the regulering typed in the older file counted in the
// budget 2026; the plan page shows the top level with the underområder one
// click away (<details>); the home page's figure includes that regulering
// and counts helse once; /kontroll/ and the rammer download carry the
// subtotal.
func TestRollingPlansTwoLevel(t *testing.T) {
	data := writeData(t, "../../testdata/base.txtar", "../../testdata/stages/rolling-two-level.txtar")
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, data, out, "https://example.github.io/portal/"); err != nil {
		t.Fatal(err)
	}
	kr := func(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") + "\u00a0kr" }
	// 2026 in the older plan (101 000 000) and in its budget (105 002 000
	// printed, regulated by +4 000 000 at sykehjem to 109 002 000).
	assertContains(t, out, "rammeomrader/helse/index.html", kr("101 000 000"), kr("105 002 000"), kr("109 002 000"), "årsbudsjettet", "Sykehjem og institusjon", "Hjemmetjenester")
	assertContains(t, out, "rammeomrader/sykehjem/index.html", "Helse og omsorg", kr("63 401 000"), kr("67 401 000"))
	plan := read(t, filepath.Join(out, "okonomiplan/2026-2029/index.html"))
	main, details, ok := strings.Cut(plan, "<details")
	if !ok {
		t.Fatal("the plan page has no <details> with the underområder")
	}
	if !strings.Contains(details, "Sykehjem og institusjon") || strings.Contains(main[strings.Index(main, `id="rammer"`):], "Sykehjem og institusjon") {
		t.Error("the underområder are not (only) one click away on the plan page")
	}
	if !strings.Contains(plan, "Flere korttidsplasser") {
		t.Error("the 2026 regulering typed in the 2025–2028 file is not on the plan of the budget 2026")
	}
	// 310 002 000 printed + 4 000 000: helse counted once, the regulering in.
	assertContains(t, out, "index.html", kr("314 002 000"))
	assertContains(t, out, "kontroll/index.html", `id="kontroll-underomrader"`, kr("105 000 000"), kr("105 002 000"))
	assertContains(t, out, "data/rammer.csv", ",overordnet,", ",helse,")
}
