package build_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestRegulatedTotalFromPrintedSum builds an adopted plan whose printed
// sums differ from their rows by rounding, regulated by +4 000 000 kr in
// 2026 (testdata/stages/vedtatt-rounded.txtar), with the real Hugo: the
// plan's table shows the printed adopted sum and, beside it, the printed
// sum plus the regulering; the home page's figure is the same; the sum of
// the rounded rows (a figure no document prints) is on neither page, and
// an unregulated year shows the same total adopted and regulated.
func TestRegulatedTotalFromPrintedSum(t *testing.T) {
	data := writeData(t, "../../testdata/base.txtar", "../../testdata/stages/vedtatt-rounded.txtar")
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, data, out, "/"); err != nil {
		t.Fatal(err)
	}
	kr := func(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") + "\u00a0kr" }
	plan := read(t, filepath.Join(out, "okonomiplan/2026-2029/index.html"))
	_, foot, _ := strings.Cut(plan, "<tfoot>")
	foot, _, _ = strings.Cut(foot, "</tfoot>")
	for _, want := range []string{kr("310 003 000"), kr("314 003 000"), kr("313 999 000")} {
		if !strings.Contains(foot, want) {
			t.Errorf("the plan's Sum row lacks %s:\n%s", want, foot)
		}
	}
	for _, bad := range []string{kr("314 002 000"), kr("314 000 000")} {
		if strings.Contains(foot, bad) {
			t.Errorf("the plan's Sum row shows %s, the sum of rounded rows, which no document prints", bad)
		}
	}
	home := read(t, filepath.Join(out, "index.html"))
	if !strings.Contains(home, kr("314 003 000")) || strings.Contains(home, kr("314 002 000")) {
		t.Error("the home page's netto driftsrammer 2026 is not the printed sum plus the regulering (314 003 000 kr)")
	}
}
