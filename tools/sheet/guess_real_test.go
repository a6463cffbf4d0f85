package sheet

import "testing"

// TestGuessRealTables guesses the mapping of real kommuners' tables as
// their budget web pages export them: the stage in the label column's
// header and the unit in the row under the header (Giske's HØP 2022–2025,
// a Framsikt table), and nynorsk headers (Stavanger's årsrapport 2020:
// "Rekneskap 2020", "Opphavleg budsjett 2020"; a nynorsk "Framlegg").
func TestGuessRealTables(t *testing.T) {
	for _, tc := range []struct {
		name, csv, unit, stage string
		years                  []YearColumn
	}{
		{"giske-2022", "Rammeområde;Løyvingsoversikt drift B - kommunedirektøren sitt forslag;Regnskap 2020;Budsjett 2021;Budsjett 2022\n" +
			"alle tal i heile 1000;;;;\n1;POLITISK STYRING;4 042;4 142;4 533\n",
			"1000 kr", "forslag", []YearColumn{{Column: "C", Year: 2020, Stage: "regnskap"}, {Column: "D", Year: 2021}, {Column: "E", Year: 2022}}},
		{"nynorsk", "Alle tal i heile 1 000 kroner;;;\nTenesteområde;Rekneskap 2020;Opphavleg budsjett 2021;Framlegg 2022\nOppvekst;3 593 100;3 526 579;3 600 000\n",
			"1000 kr", "vedtatt", []YearColumn{{Column: "B", Year: 2020, Stage: "regnskap"}, {Column: "C", Year: 2021}, {Column: "D", Year: 2022, Stage: "forslag"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := ReadCSV(tc.name+".csv", []byte(tc.csv))
			if err != nil {
				t.Fatal(err)
			}
			m, err := Guess(g)
			if err != nil {
				t.Fatal(err)
			}
			if m.Unit != tc.unit || m.Stage != tc.stage {
				t.Errorf("guessed enhet %q fase %q, want %q %q\n%s", m.Unit, m.Stage, tc.unit, tc.stage, m.TOML())
			}
			if len(m.Years) != len(tc.years) {
				t.Fatalf("years %+v, want %+v", m.Years, tc.years)
			}
			for i, y := range tc.years {
				if m.Years[i] != y {
					t.Errorf("year column %d: %+v, want %+v", i, m.Years[i], y)
				}
			}
		})
	}
}
