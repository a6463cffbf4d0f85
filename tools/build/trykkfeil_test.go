package build_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestMisprintedSum builds an adopted plan whose printed sum for 2027 is
// a known misprint in the source (testdata/stages/sum-trykkfeil.txtar),
// with the real Hugo: the plan page shows the printed figure with a note
// giving the sum of the rows, the regulated total of 2027 is the rows'
// own (the misprint is never carried on), and /kontroll/ lists it as a
// misprint, not as a failed check.
func TestMisprintedSum(t *testing.T) {
	data := writeData(t, "../../testdata/base.txtar", "../../testdata/stages/sum-trykkfeil.txtar")
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, data, out, "/"); err != nil {
		t.Fatal(err)
	}
	nb := func(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }
	plan := nb(read(t, filepath.Join(out, "okonomiplan/2026-2029/index.html")))
	_, foot, _ := strings.Cut(plan, "<tfoot>")
	foot, _, _ = strings.Cut(foot, "</tfoot>")
	for _, want := range []string{"341 000 000 kr", "Trykkfeil i kilden: summen av linjene er 314 000 000 kr"} {
		if !strings.Contains(foot, want) {
			t.Errorf("the plan's Sum row lacks %q:\n%s", want, foot)
		}
	}
	// 2027: printed (misprint) then regulated: the rows' own total.
	if !strings.Contains(foot, "341 000 000 kr<br>") || !strings.Contains(foot, `<td class="num">314 000 000 kr</td>`) {
		t.Errorf("the regulated total of 2027 is not the rows' own 314 000 000 kr:\n%s", foot)
	}
	kontroll := nb(read(t, filepath.Join(out, "kontroll/index.html")))
	if !strings.Contains(kontroll, "Trykkfeil i kilden") {
		t.Error("/kontroll/ does not list the misprint")
	}
}
