package sheet

import (
	"strconv"
	"strings"
	"testing"
)

// grid builds a one-sheet grid from texts; "=" before a text makes a
// formula cell with that saved result, "#" a stored number.
func grid(rows ...[]string) *Grid {
	s := &Sheet{Name: "HØP"}
	for _, r := range rows {
		var row []Cell
		for _, t := range r {
			c := Cell{Text: t, Raw: t}
			if v, ok := strings.CutPrefix(t, "="); ok {
				c = Cell{Text: v, Raw: v, Number: v != "", Formula: true}
			} else if v, ok := strings.CutPrefix(t, "#"); ok {
				c = Cell{Text: v, Raw: v, Number: true}
			}
			row = append(row, c)
		}
		s.Rows = append(s.Rows, row)
	}
	return &Grid{File: "hop.xlsx", Sheets: []*Sheet{s}}
}

func TestExtractEdges(t *testing.T) {
	m := &Mapping{HeaderRow: 1, Unit: "kr", Stage: "vedtatt", Columns: LabelColumns{Name: "A"},
		Years: []YearColumn{{Column: "B", Year: 2026}, {Column: "C", Year: 2027}}}
	g := grid(
		[]string{"Område", "2026", "2027"},
		[]string{"Oppvekst", "=", "#1000.5"},
		[]string{"", "12", "13"},
		[]string{"Kultur", "", "-"},
		[]string{"OPPVEKST ", "1", "2"},
	)
	g.Sheets[0].Rows[3][1].MergedFrom = "B2"
	g.Sheets[0].Rows[3][1].Text, g.Sheets[0].Rows[3][1].Raw = "x", "x"
	_, probs := Extract(g, m)
	want := []string{
		"HØP!B2: the cell holds a formula saved without its result: open the file in Excel and save it again",
		`HØP!C2: "1 000,5" is 1 000,5 kr, a fraction of a krone: amounts are whole kroner, so write no decimals in kroner (round the figure in the sheet)`,
		"HØP!B3: row 3 has figures but no area: fill in the name in column A, or skip the row with a hopp_over pattern",
		"HØP!B4: the cell is merged with B2: a figure belongs in one cell; unmerge the cells",
		`HØP!A5: area "OPPVEKST" is also in HØP!A2: give each area one row, or skip sum rows with hopp_over`,
	}
	checkProblems(t, nil, probs, want)

	// A heading row (no figures) and an empty row are skipped; "-" is no figure.
	tab, probs := Extract(grid([]string{"Område", "2026", "2027"}, []string{"Drift"}, nil, []string{"Kultur", "12 000", "-"}), m)
	if len(probs) > 0 || len(tab.Rows) != 1 || tab.Rows[0].Amounts[0].Kr != 12000 || tab.Rows[0].Amounts[1].Set {
		t.Errorf("%v %+v", probs, tab)
	}
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"12 500", "(1 200)", "−3,5", "12,5 mill", "1.234.567,891", "-", "12 500,-"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, thousand bool) {
		unit := Kr
		if thousand {
			unit = Thousand
		}
		kr, empty, err := ParseAmount(s, unit)
		if err != nil || empty {
			return
		}
		// What was read reads back the same when written plainly.
		digits := strconv.FormatInt(kr, 10)
		back, _, err := ParseAmount(strings.Replace(group(strings.TrimPrefix(digits, "-")), " ", "\u00a0", -1), Kr)
		if err != nil || back != max(kr, -kr) {
			t.Fatalf("%q → %d, written back %d %v", s, kr, back, err)
		}
	})
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("a;\"b;c\"\r\n1;2\r\n"))
	f.Add([]byte("\xef\xbb\xbfx,\"y\"\"z\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := ReadCSV("f.csv", data)
		if err == nil && len(g.Sheets) != 1 {
			t.Fatal("not one sheet")
		}
	})
}
