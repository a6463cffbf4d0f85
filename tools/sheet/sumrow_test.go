package sheet

import "testing"

// TestSumRow: the row matching sumrad is the table's printed total, kept
// out of the area rows even where hopp_over matches it too; a pattern
// that matches two rows, or none, is a problem at the row or the mapping.
func TestSumRow(t *testing.T) {
	m, probs := DecodeMapping("m.toml", []byte("overskriftsrad = 1\nenhet = \"kr\"\nfase = \"vedtatt\"\nhopp_over = [\"^sum\"]\nsumrad = \"^sum drift\"\n[kolonner]\nnavn = \"A\"\n[[arskolonne]]\nkolonne = \"B\"\nar = 2026\n"))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	tab, probs := Extract(grid(
		[]string{"Område", "2026"},
		[]string{"Oppvekst", "100"},
		[]string{"Sum oppvekst", "100"},
		[]string{"Kultur", "50"},
		[]string{"Sum drift", "151"},
	), m)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if len(tab.Rows) != 2 || tab.Sum == nil || tab.Sum.Pos != "HØP!A5" || tab.Sum.Amounts[0].Kr != 151 {
		t.Errorf("rows %+v, sum %+v; want 2 rows and the sum at HØP!A5 = 151", tab.Rows, tab.Sum)
	}
	_, probs = Extract(grid([]string{"Område", "2026"}, []string{"Sum drift", "1"}, []string{"SUM DRIFT NETTO", "2"}), m)
	checkProblems(t, nil, probs, []string{`HØP!A3: this row matches sumrad "^sum drift" too (the first is HØP!A2): make the pattern match only the printed total, e.g. "^sum drift"`})
	_, probs = Extract(grid([]string{"Område", "2026"}, []string{"Kultur", "1"}), m)
	checkProblems(t, nil, probs, []string{`m.toml:5:1: sumrad "^sum drift" matches no row under the header row: write a pattern for the label of the printed total, or leave sumrad out`})
	_, probs = DecodeMapping("m.toml", []byte("overskriftsrad = 1\nenhet = \"kr\"\nfase = \"vedtatt\"\nsumrad = \"(\"\ntoleranse = -1\n[kolonner]\nnavn = \"A\"\n[[arskolonne]]\nkolonne = \"B\"\nar = 2026\n"))
	if len(probs) != 2 || probs[0].Pos != "m.toml:4:1" || probs[1].Pos != "m.toml:5:1" {
		t.Errorf("bad sumrad and toleranse: %v", probs)
	}
}
