package planimport

import (
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/sheet"
)

// withSum is table with a printed total row (sumrad) of the figures.
func withSum(t *sheet.Table, sums [4]int64) *sheet.Table {
	row := sheet.Row{Name: "Sum drift", Pos: "HØP!A9"}
	for i, v := range sums {
		row.Amounts = append(row.Amounts, sheet.Amount{Kr: v * 1000, Set: true, Pos: "HØP!" + string(rune('C'+i)) + "9"})
	}
	t.Sum = &row
	return t
}

// TestPrintedSumWritten: the sheet's printed total (sumrad) is written as
// the stage's sum_driftsrammer, as printed: in a new file with the
// mapping's toleranse, beside the ramme of an existing stage (before it),
// and replacing a stage's old sums; a second import changes nothing.
func TestPrintedSumWritten(t *testing.T) {
	// Rows: 615 200, 610 700, 607 600, 604 700; printed 1 off in 2026.
	printed := [4]int64{615_201, 610_700, 607_600, 604_700}
	m := mapping(t, "fase = \"forslag\"\nsumrad = \"^sum\"\ntoleranse = 2\ndato = 2025-10-28\ndokument = \"https://example.org/f.pdf\"")
	tab := withSum(table("forslag", figs, "Oppvekst", "Kultur og idrett"), printed)
	out, probs := Apply(Input{Table: tab, Mapping: m, Areas: areas, File: "p.toml"})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	for _, want := range []string{"toleranse = 2\n", "sum_driftsrammer = [615_201, 610_700, 607_600, 604_700]\nramme = ["} {
		if !strings.Contains(string(out), want) {
			t.Errorf("new file lacks %q:\n%s", want, out)
		}
	}
	again, probs := Apply(Input{Table: tab, Mapping: mapping(t, "fase = \"forslag\"\nsumrad = \"^sum\""), Areas: areas, File: "p.toml", Src: out})
	if len(probs) > 0 || string(again) != string(out) {
		t.Errorf("a second import changed the file (%v):\n%s", probs, again)
	}
	old := strings.Replace(string(out), "sum_driftsrammer = [615_201, 610_700, 607_600, 604_700]\n", "sum_driftsrammer = [1, 2, 3, 4] # old\n", 1)
	fixed, probs := Apply(Input{Table: tab, Mapping: mapping(t, "fase = \"forslag\"\nsumrad = \"^sum\""), Areas: areas, File: "p.toml", Src: []byte(old)})
	if len(probs) > 0 || !strings.Contains(string(fixed), "sum_driftsrammer = [615_201, 610_700, 607_600, 604_700] # old\n") {
		t.Errorf("old sums not replaced (%v):\n%s", probs, fixed)
	}
	bare := strings.Replace(string(out), "sum_driftsrammer = [615_201, 610_700, 607_600, 604_700]\n", "", 1)
	added, probs := Apply(Input{Table: tab, Mapping: mapping(t, "fase = \"forslag\"\nsumrad = \"^sum\""), Areas: areas, File: "p.toml", Src: []byte(bare)})
	if len(probs) > 0 || string(added) != string(out) {
		t.Errorf("sums not added before the ramme (%v):\n%s", probs, added)
	}
}

// TestPrintedSumOutsideTolerance: a printed total further from its rows
// than the toleranse is refused at its cell, with both sums; a mapping
// toleranse that differs from the file's is refused at the mapping.
func TestPrintedSumOutsideTolerance(t *testing.T) {
	m := mapping(t, "fase = \"forslag\"\nsumrad = \"^sum\"\ntoleranse = 2\ndato = 2025-10-28\ndokument = \"https://example.org/f.pdf\"")
	tab := withSum(table("forslag", figs, "Oppvekst", "Kultur og idrett"), [4]int64{615_200, 610_790, 607_600, 604_700})
	_, probs := Apply(Input{Table: tab, Mapping: m, Areas: areas, File: "p.toml"})
	if len(probs) != 1 || probs[0].Pos != "HØP!D9" || !strings.Contains(spaced(probs[0].Message), "610 790") || !strings.Contains(spaced(probs[0].Message), "610 700") {
		t.Errorf("problems %v, want one at HØP!D9 naming 610 790 and 610 700", probs)
	}
	src := "id = \"2026-2029\"\nforste_ar = 2026\nenhet = \"1000kr\"\ntoleranse = 5\n"
	_, probs = Apply(Input{Table: withSum(table("forslag", figs, "Oppvekst", "Kultur og idrett"), [4]int64{615_200, 610_700, 607_600, 604_700}), Mapping: m, Areas: areas, File: "p.toml", Src: []byte(src)})
	if len(probs) != 1 || !strings.HasPrefix(probs[0].Pos, "m.toml:") || !strings.Contains(probs[0].Message, "toleranse = 5") {
		t.Errorf("problems %v, want one at the mapping's toleranse", probs)
	}
}

// spaced reads the non-breaking spaces of formatted amounts as spaces.
func spaced(s string) string { return strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s) }
