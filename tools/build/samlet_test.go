package build_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestAdoptedTotalOnly builds a plan whose vedtak adopts only the total
// netto driftsramme of its first year, in whole kroner, without area
// frames (testdata/stages/samlet-ramme.txtar), with the real Hugo: the
// plan page shows the adopted total as given, says the area frames are
// not given, shows "ikke oppgitt" for the years the vedtak does not
// give, and no zero total; the stages table shows the total in the
// vedtatt column.
func TestAdoptedTotalOnly(t *testing.T) {
	data := writeData(t, "../../testdata/base.txtar", "../../testdata/stages/samlet-ramme.txtar")
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, data, out, "/"); err != nil {
		t.Fatal(err)
	}
	page := strings.ReplaceAll(read(t, filepath.Join(out, "okonomiplan/2026-2029/index.html")), "\u00a0", " ")
	for _, want := range []string{"Vedtatt samlet netto driftsramme", "300 350 196 kr", "rammene per rammeområde er ikke oppgitt", "ikke oppgitt"} {
		if !strings.Contains(page, want) {
			t.Errorf("the plan page lacks %q", want)
		}
	}
	if strings.Contains(page, ">0 kr<") {
		t.Error("the plan page shows a total of 0 kr")
	}
	_, stages, _ := strings.Cut(page, `id="stadier"`)
	if !strings.Contains(stages, "300 350 196 kr") {
		t.Error("the stages table does not show the adopted total")
	}
}
