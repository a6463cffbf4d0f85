package planimport

import "testing"

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
