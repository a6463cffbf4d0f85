package oversikt_test

import (
	"strings"
	"testing"
)

// arsregnskap is data/regnskap/YEAR.toml with the given rows (kroner).
func arsregnskap(year, rows string) map[string]string {
	return map[string]string{"regnskap/" + year + ".toml": "ar = " + year + "\ndokument = \"Årsregnskap\"\nomrade = [\n" + rows + "]\n"}
}

// TestRegnskapLine6 compares line 6 "Sum bevilgninger drift, netto" with
// the årsregnskap per rammeområde of the same year: the regnskap column
// always, a budget column when no økonomiplan covers the year.
func TestRegnskapLine6(t *testing.T) {
	g := good()
	agree := `{ omrade = "oppvekst", regnskap = 300_000_000 }, { omrade = "helse", regnskap = 170_001_000 },`
	off := `{ omrade = "oppvekst", regnskap = 300_000_000 }, { omrade = "helse", regnskap = 170_010_000 },`
	budget := `{ omrade = "oppvekst", regnskap = 300_000_000, regulert = 300_000_000, opprinnelig = 300_000_000 }, { omrade = "helse", regnskap = 170_000_000, regulert = 201_400_000, opprinnelig = 200_300_000 },`
	y2024 := strings.Replace(g, "ar = 2025", "ar = 2024", 1)
	cases := []struct {
		name, text string
		extra      map[string]string
		want       string // "" for no error
	}{
		{"regnskap within toleranse", g, arsregnskap("2025", agree), ""},
		{"regnskap off", g, arsregnskap("2025", off), `line 6 "Sum bevilgninger drift, netto", column regnskap: the årsregnskap per rammeområde of 2025 (data/regnskap/2025.toml:3:1) sums its regnskap to 470 010 000 kr, but 470 000 000 kr is printed`},
		{"no plan, budget off", y2024, arsregnskap("2024", budget), `column opprinnelig: the årsregnskap per rammeområde of 2024 (data/regnskap/2024.toml:3:1) sums its opprinnelig to 500 300 000 kr`},
		{"plan year, budget from the plan", g, arsregnskap("2025", budget), ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			errs := run(t, tc.text, tc.extra)
			var mine []string
			for _, e := range errs {
				if strings.Contains(e, "årsregnskap per rammeområde") {
					mine = append(mine, strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(e))
				}
			}
			switch {
			case tc.want == "" && len(mine) > 0:
				t.Errorf("errors:\n%s", strings.Join(mine, "\n"))
			case tc.want != "" && (len(mine) != 1 || !strings.Contains(mine[0], tc.want) || !strings.Contains(mine[0], "2025-arsregnskap.toml:")):
				t.Errorf("want one error containing %q, got %d:\n%s", tc.want, len(mine), strings.Join(mine, "\n"))
			}
		})
	}
}
