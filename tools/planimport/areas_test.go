package planimport

import (
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/sheet"
)

// TestFoldDashes: a sheet's "KOMMUNE LEIING - STAB" (Giske's HØP 2024–2027,
// table 6.2) names the area rammeomrader.toml writes with an en dash,
// "Kommune leiing – stab": dashes of every kind compare as the hyphen does.
func TestFoldDashes(t *testing.T) {
	want := fold("Kommune leiing - stab, kultur")
	for _, s := range []string{"KOMMUNE LEIING - STAB, KULTUR", "Kommune leiing – stab, kultur", "Kommune leiing — stab, kultur", "Kommune leiing ‐ stab, kultur", "Kommune leiing − stab, kultur"} {
		if got := fold(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestDashIsZero: a printed table writes a nil frame as a dash (Giske's HØP
// 2022–2025, "8 MILJØ OG KULTUR  6 236  -  -  -  -  -"), SSB's mark for
// "nil": the import writes 0 for it. A cell left empty is still refused.
func TestDashIsZero(t *testing.T) {
	m := mapping(t, `fase = "forslag"`)
	tab := table("forslag", figs, "Oppvekst", "Kultur og idrett")
	for i := range tab.Rows[1].Amounts {
		tab.Rows[1].Amounts[i] = sheet.Amount{Dash: true, Pos: tab.Rows[1].Amounts[i].Pos}
	}
	out, probs := Apply(Input{Table: tab, Mapping: m, Areas: areas, File: "p.toml"})
	if len(probs) > 0 || !strings.Contains(string(out), `{ omrade = "kultur",   belop = [0, 0, 0, 0] }`) {
		t.Errorf("a dash must be written as 0: %v\n%s", probs, out)
	}
	tab.Rows[1].Amounts[2] = sheet.Amount{Pos: "HØP!E3"}
	if _, probs := Apply(Input{Table: tab, Mapping: m, Areas: areas, File: "p.toml"}); len(probs) != 1 || !strings.Contains(probs[0].String(), "HØP!E3: no figure for 2028") {
		t.Errorf("an empty cell in a plan year must be refused: %v", probs)
	}
}
