package sheet

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// wantRows is the HØP fixture's table: code, name, sub-area, then the
// six years in kroner.
var wantRows = []struct {
	code, name, sub string
	kr              [6]int64
}{
	{"10", "Oppvekst", "Grunnskole", [6]int64{212_345_600, 215_000_000, 220_500_000, 221_000_000, 222_000_000, 223_000_000}},
	{"10", "Oppvekst", "Barnehage", [6]int64{180_250_000, 182_000_000, 185_750_250, 186_000_000, 186_500_000, 187_000_000}},
	{"10", "Oppvekst", "Kulturskole", [6]int64{8_100_000, 8_200_000, 8_405_000, 8_400_000, 8_400_000, 8_400_000}},
	{"20", "Helse og omsorg", "Hjemmetjenester", [6]int64{150_000_000, 155_000_000, 158_250_000, 160_000_000, 161_000_000, 162_000_000}},
	{"20", "Helse og omsorg", "Sykehjem", [6]int64{240_000_000, 245_500_000, 246_000_500, 247_000_000, 248_000_000, 249_000_000}},
	{"30", "Kultur og teknisk", "", [6]int64{98_000_000, 99_500_000, 101_000_000, 101_500_000, -1_200_000, 102_500_000}},
}

var wantYears = []Year{{2024, "regnskap", "D", ""}, {2025, "vedtatt", "E", ""}, {2026, "forslag", "F", ""}, {2027, "forslag", "G", ""}, {2028, "forslag", "H", ""}, {2029, "forslag", "I", ""}}

// yearsOnly drops the header positions, which depend on the sheet's name.
func yearsOnly(ys []Year) []Year {
	out := make([]Year, len(ys))
	for i, y := range ys {
		y.Header = ""
		out[i] = y
	}
	return out
}

func read(t *testing.T, name string) *Grid {
	t.Helper()
	g, err := Read(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// guessed guesses a mapping, writes it as TOML and reads it back.
func guessed(t *testing.T, g *Grid) *Mapping {
	t.Helper()
	m, err := Guess(g)
	if err != nil {
		t.Fatal(err)
	}
	back, probs := DecodeMapping("budsjett.toml", m.TOML())
	if len(probs) > 0 {
		t.Fatalf("the guessed mapping does not read back: %v\n%s", probs, m.TOML())
	}
	for _, f := range []func(*Mapping) any{
		func(m *Mapping) any { return m.Sheet }, func(m *Mapping) any { return m.HeaderRow },
		func(m *Mapping) any { return m.Unit }, func(m *Mapping) any { return m.Stage },
		func(m *Mapping) any { return m.Skip }, func(m *Mapping) any { return m.Columns },
		func(m *Mapping) any { return m.Years },
	} {
		if !reflect.DeepEqual(f(m), f(back)) {
			t.Errorf("read back %v, guessed %v", f(back), f(m))
		}
	}
	return back
}

// TestGuessExtract reads the HØP fixture as xlsx, as Windows-1252 CSV and
// as UTF-8 CSV with a BOM: each gives the same table, every figure in
// whole kroner exactly as in the sheet.
func TestGuessExtract(t *testing.T) {
	for _, name := range []string{"hop-2026.xlsx", "hop-2026-1252.csv", "hop-2026-utf8bom.csv"} {
		t.Run(name, func(t *testing.T) {
			g := read(t, name)
			m := guessed(t, g)
			if m.Unit != "1000 kr" || m.Stage != "forslag" || m.HeaderRow != 4 || !reflect.DeepEqual(m.Skip, []string{`^sum\b`}) {
				t.Errorf("guessed enhet %q fase %q overskriftsrad %d hopp_over %q", m.Unit, m.Stage, m.HeaderRow, m.Skip)
			}
			if want := (LabelColumns{"A", "B", "C"}); m.Columns != want {
				t.Errorf("guessed kolonner %+v, want %+v", m.Columns, want)
			}
			tab, probs := Extract(g, m)
			if len(probs) > 0 {
				t.Fatal(probs)
			}
			if !reflect.DeepEqual(yearsOnly(tab.Years), wantYears) {
				t.Errorf("years %v, want %v", tab.Years, wantYears)
			}
			if len(tab.Rows) != len(wantRows) {
				t.Fatalf("%d rows, want %d: %v", len(tab.Rows), len(wantRows), tab.Rows)
			}
			prefix := "HØP!"
			if strings.HasSuffix(name, ".csv") {
				prefix = name + "!"
			}
			for i, w := range wantRows {
				r := tab.Rows[i]
				if r.Code != w.code || r.Name != w.name || r.SubArea != w.sub {
					t.Errorf("row %d is %q %q %q, want %q %q %q", i, r.Code, r.Name, r.SubArea, w.code, w.name, w.sub)
				}
				for y, kr := range w.kr {
					a := r.Amounts[y]
					if !a.Set || a.Kr != kr {
						t.Errorf("%s: %d (set %v), want %d", a.Pos, a.Kr, a.Set, kr)
					}
					if !strings.HasPrefix(a.Pos, prefix) {
						t.Errorf("position %q, want %s…", a.Pos, prefix)
					}
				}
			}
			if got := tab.Rows[4].Amounts[2].Pos; got != prefix+"F10" {
				t.Errorf("Sykehjem 2026 at %s, want %sF10", got, prefix)
			}
		})
	}
}

// TestReadXLSX checks what the reader keeps of a cell: formulas with their
// saved result, stored numbers, merged ranges spread to their cells.
func TestReadXLSX(t *testing.T) {
	g := read(t, "hop-2026.xlsx")
	if got := g.SheetNames(); !reflect.DeepEqual(got, []string{"Innhold", "HØP", "Investering"}) {
		t.Fatalf("sheets %q", got)
	}
	s := g.Sheet("HØP")
	if c := s.Cell(7, 6); !c.Formula || !c.Number || c.Raw != "8405" {
		t.Errorf("F7 = %+v, want the formula's saved number 8405", c)
	}
	if c := s.Cell(10, 6); c.Number || c.Raw != "246\u00a0000,5" {
		t.Errorf("F10 = %+v, want the text as typed", c)
	}
	if c := s.Cell(6, 2); c.Text != "Oppvekst" || c.MergedFrom != "B5" {
		t.Errorf("B6 = %+v, want Oppvekst merged from B5", c)
	}
	if c := s.Cell(3, 9); c.Text != "Økonomiplanperioden" || c.MergedFrom != "G3" {
		t.Errorf("I3 = %+v", c)
	}
	if c := s.Cell(5, 4); !c.Number || c.Raw != "212345.6" || c.Text != "212,346" {
		t.Errorf("D5 = %+v, want stored 212345.6 shown with its format", c)
	}
	if got := s.Pos(14, 4); got != "HØP!D14" {
		t.Errorf("Pos = %q", got)
	}
}

// TestBadFiles wants every problem of a bad sheet in one run, positioned
// and saying what to do, and no table.
func TestBadFiles(t *testing.T) {
	good := read(t, "hop-2026.xlsx")
	m := guessed(t, good)
	tab, probs := Extract(read(t, "hop-2026-bad.xlsx"), m)
	want := []string{
		`HØP!F6: "12,5 mill" is not an amount: write the figure in 1 000 kr as the mapping says, e.g. 12 500`,
		`HØP!A13: area "10 Oppvekst" / "Barnehage" is also in HØP!A6: give each area one row, or skip sum rows with hopp_over`,
	}
	checkProblems(t, tab, probs, want)

	csvTab, csvProbs := Extract(read(t, "hop-2026-bad-utf8.csv"), guessed(t, read(t, "hop-2026-utf8bom.csv")))
	checkProblems(t, csvTab, csvProbs, []string{`hop-2026-bad-utf8.csv!F6: "12,5 mill" is not an amount: write the figure in 1 000 kr as the mapping says, e.g. 12 500`})

	src := bytes.Replace(m.TOML(), []byte(`ark = "HØP"`), []byte(`ark = "Budsjett"`), 1)
	src = append(src, "\n[[arskolonne]]\nkolonne = \"K\"\nar = 2030\n"...)
	wrong, dprobs := DecodeMapping("budsjett.toml", src)
	if len(dprobs) > 0 {
		t.Fatal(dprobs)
	}
	tab, probs = Extract(good, wrong)
	checkProblems(t, tab, probs, []string{`budsjett.toml:3:1: ark = "Budsjett" is not a sheet of hop-2026.xlsx: its sheets are "Innhold", "HØP", "Investering"`})

	wrong.Sheet = "HØP"
	tab, probs = Extract(good, wrong)
	checkProblems(t, tab, probs, []string{`HØP!K4: column K is mapped to 2030 (budsjett.toml:40:1) but its header is empty: the year column is missing: fix [[arskolonne]] or the sheet`})

	wrong.Years[len(wrong.Years)-1] = YearColumn{Column: "J", Year: 2030}
	tab, probs = Extract(good, wrong)
	checkProblems(t, tab, probs, []string{
		`HØP!J4: column J is mapped to 2030 (budsjett.toml:40:1) but its header says "Endring 2025–2026 i %": fix [[arskolonne]] or the sheet`,
		`HØP!J5: "2.60%" is a percentage, not an amount: the mapped column must hold amounts in 1 000 kr`,
		`HØP!J6: "2.10%" is a percentage, not an amount: the mapped column must hold amounts in 1 000 kr`,
		`HØP!J7: "2.50%" is a percentage, not an amount: the mapped column must hold amounts in 1 000 kr`,
		`HØP!J9: "2.10%" is a percentage, not an amount: the mapped column must hold amounts in 1 000 kr`,
		`HØP!J10: "0.20%" is a percentage, not an amount: the mapped column must hold amounts in 1 000 kr`,
		`HØP!J12: "1.50%" is a percentage, not an amount: the mapped column must hold amounts in 1 000 kr`,
	})

	wrong.Years[len(wrong.Years)-1] = YearColumn{Column: "K", Year: 2026}
	tab, probs = Extract(good, wrong)
	checkProblems(t, tab, probs, []string{
		`budsjett.toml:40:1: year 2026 (forslag) is also column F: each year and stage once`,
	})
}

func checkProblems(t *testing.T, tab *Table, probs []Problem, want []string) {
	t.Helper()
	if tab != nil {
		t.Errorf("a table was returned with problems")
	}
	var got []string
	for _, p := range probs {
		got = append(got, p.String())
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || g == w
		}
		if !found {
			t.Errorf("missing problem\n%s\ngot\n%s", w, strings.Join(got, "\n"))
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
}

func TestParseAmount(t *testing.T) {
	for _, tc := range []struct {
		in   string
		unit Unit
		kr   int64
		err  string // part of the message; "" for none, "empty" for no figure
	}{
		{"12 500", Kr, 12_500, ""},
		{"12\u00a0500", Kr, 12_500, ""},
		{"12\u202f500\u2009000", Kr, 12_500_000, ""},
		{"12.500.000", Kr, 12_500_000, ""},
		{"-12 500", Kr, -12_500, ""},
		{"\u221212 500", Kr, -12_500, ""},
		{"\u2013 12 500", Kr, -12_500, ""},
		{"(12 500)", Kr, -12_500, ""},
		{"12 500 kr", Kr, 12_500, ""},
		{"12 500,-", Kr, 12_500, ""},
		{"12500", Kr, 12_500, ""},
		{"12,5", Thousand, 12_500, ""},
		{"12,345", Thousand, 12_345, ""},
		{"-0,001", Thousand, -1, ""},
		{"1 234 567,891", Thousand, 1_234_567_891, ""},
		{"", Kr, 0, "empty"},
		{" - ", Kr, 0, "empty"},
		{"\u2013", Thousand, 0, "empty"},
		{"12,5 mill", Thousand, 0, `"12,5 mill" is not an amount: write the figure in 1 000 kr as the mapping says, e.g. 12 500`},
		{"12,5 mill", Kr, 0, `e.g. 12 500 000`},
		{"1,2 mrd", Thousand, 0, `e.g. 1 200 000`},
		{"12.5", Kr, 0, `(decimals after a comma, not a point)`},
		{"12,5", Kr, 0, `is 12,5 kr, a fraction of a krone`},
		{"12,3456", Thousand, 0, `at most 3 decimals in 1 000 kr`},
		{"12 50", Kr, 0, "not an amount"},
		{"1 234.567", Kr, 0, "not an amount"},
		{"(-12)", Kr, 0, "not an amount"},
		{"12e3", Kr, 0, "not an amount"},
		{"--12", Kr, 0, "not an amount"},
		{"0x10", Kr, 0, "not an amount"},
		{",", Kr, 0, "not an amount"},
		{"99 999 999 999 999", Kr, 0, "far above any kommune amount"},
	} {
		kr, empty, err := ParseAmount(tc.in, tc.unit)
		switch {
		case tc.err == "empty":
			if !empty || err != nil {
				t.Errorf("%q: %d %v %v, want empty", tc.in, kr, empty, err)
			}
		case tc.err == "":
			if err != nil || empty || kr != tc.kr {
				t.Errorf("%q in %v: %d %v %v, want %d", tc.in, tc.unit, kr, empty, err, tc.kr)
			}
		default:
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q in %v: %d %v, want error with %q", tc.in, tc.unit, kr, err, tc.err)
			}
		}
	}
}

func TestNumberAmount(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		unit Unit
		kr   int64
		err  bool
	}{
		{"12500", Kr, 12500, false},
		{"12812.499999999998", Thousand, 12_812_500, false}, // 15 significant digits, as Excel shows it
		{"1.2345E+4", Thousand, 12_345_000, false},
		{"0.1", Kr, 0, true},
		{"12.5678", Thousand, 0, true},
		{"NaN", Kr, 0, true},
	} {
		kr, err := numberAmount(tc.raw, tc.unit)
		if (err != nil) != tc.err || kr != tc.kr {
			t.Errorf("%q in %v: %d %v", tc.raw, tc.unit, kr, err)
		}
	}
}

func TestDecodeMappingStrict(t *testing.T) {
	src := `ark = "HØP"
overskriftsrad = 0
enhet = "mill"
fase = "budsjett"
hopp_over = ["(sum"]
farge = "rød"

[kolonner]
navn = "B"
kode = "B"

[[arskolonne]]
kolonne = "1D"
ar = 26
aar = 2026
`
	m, probs := DecodeMapping("m.toml", []byte(src))
	if m != nil {
		t.Error("a mapping with problems was returned")
	}
	want := []string{
		`m.toml:2:1: overskriftsrad = 0`,
		`m.toml:3:1: enhet = "mill"`,
		`m.toml:4:1: fase = "budsjett"`,
		`m.toml:5:14: hopp_over "(sum" is not a pattern`,
		`m.toml:6:1: unknown key "farge"`,
		`m.toml:9:1: column B is also kolonner.kode`,
		`m.toml:13:1: "1D" is not a column`,
		`m.toml:14:1: ar = 26`,
		`m.toml:15:1: unknown key "arskolonne.aar"`,
	}
	var got []string
	for _, p := range probs {
		got = append(got, p.String())
	}
	all := strings.Join(got, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("missing %q in\n%s", w, all)
		}
	}
	if _, probs := DecodeMapping("m.toml", []byte("ark = [")); len(probs) != 1 || !strings.HasPrefix(probs[0].Pos, "m.toml:1:") {
		t.Errorf("a TOML syntax error: %v", probs)
	}
}

func TestReadCSV(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     [][]string
		err      string
	}{
		{"semicolon.csv", "a;\"b;c\";\"say \"\"hi\"\"\"\r\n\r\n1;2", [][]string{{"a", "b;c", `say "hi"`}, nil, {"1", "2"}}, ""},
		{"comma.csv", "a,\"1,5\",c\n1,2,3\n", [][]string{{"a", "1,5", "c"}, {"1", "2", "3"}}, ""},
		{"tab.csv", "a\tb\n1\t2\n", [][]string{{"a", "b"}, {"1", "2"}}, ""},
		{"sep.csv", "sep=,\na;b,c\n", [][]string{{"a;b", "c"}}, ""},
		{"break.csv", "\"two\r\nlines\";x\n", [][]string{{"two\nlines", "x"}}, ""},
		{"1252.csv", "Bel\xf8p;\x96\n", [][]string{{"Beløp", "–"}}, ""},
		{"open.csv", "a;b\n\"c;d\n", nil, `open.csv:2:1: a quoted field is never closed`},
		{"utf16.csv", "\xff\xfea\x00", nil, `UTF-16`},
	} {
		g, err := ReadCSV(tc.name, []byte(tc.in))
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: %v, want %q", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var got [][]string
		for _, r := range g.Sheets[0].Rows {
			var row []string
			for _, c := range r {
				row = append(row, c.Text)
			}
			got = append(got, row)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestWriteXLSX writes typed cells and reads them back with excelize: the
// types, values and number formats are what a spreadsheet needs, and the
// same book gives the same bytes.
func TestWriteXLSX(t *testing.T) {
	book := Book{Sheets: []OutSheet{{
		Name:   "Rammer 2026",
		Header: []string{"Område", "Beløp", "Vedtatt", "Andel"},
		Rows: [][]Value{
			{Text("Oppvekst"), Kroner(612_000_000), Date(2025, time.December, 11), Percent(0.125)},
			{Text("=HYPERLINK(\"x\")"), Kroner(-4_500_000), {}, Percent(-0.02)},
		},
	}, {Name: "Prosjekter", Header: []string{"Navn"}, Rows: [][]Value{{Text("Nordbyen skole")}}}}}
	var a, b bytes.Buffer
	if err := WriteXLSX(&a, book); err != nil {
		t.Fatal(err)
	}
	if err := WriteXLSX(&b, book); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same book gave different bytes")
	}
	f, err := excelize.OpenReader(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"Rammer 2026", "Prosjekter"}) {
		t.Errorf("sheets %q", got)
	}
	s := "Rammer 2026"
	for _, tc := range []struct {
		cell   string
		typ    excelize.CellType
		raw    string
		numFmt int
	}{
		{"A1", excelize.CellTypeSharedString, "Område", 0},
		{"A2", excelize.CellTypeSharedString, "Oppvekst", 0},
		{"A3", excelize.CellTypeSharedString, "=HYPERLINK(\"x\")", 0},
		{"B2", excelize.CellTypeUnset, "612000000", 3},
		{"B3", excelize.CellTypeUnset, "-4500000", 3},
		{"C2", excelize.CellTypeUnset, "46002", 14},
		{"D2", excelize.CellTypeUnset, "0.125", -1},
	} {
		typ, _ := f.GetCellType(s, tc.cell)
		raw, _ := f.GetCellValue(s, tc.cell, excelize.Options{RawCellValue: true})
		formula, _ := f.GetCellFormula(s, tc.cell)
		if typ != tc.typ || raw != tc.raw || formula != "" {
			t.Errorf("%s: type %v raw %q formula %q, want type %v raw %q", tc.cell, typ, raw, formula, tc.typ, tc.raw)
		}
		if tc.numFmt != 0 {
			id, _ := f.GetCellStyle(s, tc.cell)
			st, _ := f.GetStyle(id)
			if tc.numFmt > 0 && st.NumFmt != tc.numFmt || tc.numFmt < 0 && (st.CustomNumFmt == nil || *st.CustomNumFmt != "0.0%") {
				t.Errorf("%s: number format %d %v", tc.cell, st.NumFmt, st.CustomNumFmt)
			}
		}
	}
	if shown, _ := f.GetCellValue(s, "D2"); shown != "12.5%" {
		t.Errorf("D2 shows %q", shown)
	}
	// 2025-12-11 as Excel's serial day: 46002 days after 1899-12-30.
	if d := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 46002); d.Format("2006-01-02") != "2025-12-11" {
		t.Errorf("serial 46002 is %v", d)
	}

	bad := Book{Sheets: []OutSheet{{Name: "a/b"}, {Name: "X", Rows: [][]Value{{Text("bell\x07"), Date(2025, 2, 30), Kroner(1e16)}}}}}
	err = WriteXLSX(&bytes.Buffer{}, bad)
	for _, w := range []string{`"a/b"`, "X!A2: the text has a control character", "X!B2: 2025-02-30", "X!C2:"} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("error %v, want %q", err, w)
		}
	}
}

// BenchmarkWorkbook reads a 50-sheet budget workbook and extracts the
// table of every sheet.
func BenchmarkWorkbook(b *testing.B) {
	data := bigWorkbook(b, 50)
	m, probs := DecodeMapping("m.toml", []byte(`overskriftsrad = 4
enhet = "1000 kr"
fase = "vedtatt"
hopp_over = ["^sum\\b"]
[kolonner]
kode = "A"
navn = "B"
underomrade = "C"
[[arskolonne]]
kolonne = "D"
ar = 2024
fase = "regnskap"
[[arskolonne]]
kolonne = "E"
ar = 2025
[[arskolonne]]
kolonne = "F"
ar = 2026
[[arskolonne]]
kolonne = "G"
ar = 2027
[[arskolonne]]
kolonne = "H"
ar = 2028
[[arskolonne]]
kolonne = "I"
ar = 2029
`))
	if len(probs) > 0 {
		b.Fatal(probs)
	}
	b.ResetTimer()
	for b.Loop() {
		g, err := ReadXLSX("big.xlsx", data)
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range g.Sheets {
			m.Sheet = s.Name
			if _, probs := Extract(g, m); len(probs) > 0 {
				b.Fatal(probs)
			}
		}
	}
}

// bigWorkbook is n sheets like HØP, each with 40 areas of 5 sub-areas.
func bigWorkbook(b *testing.B, n int) []byte {
	f := excelize.NewFile()
	for i := range n {
		s := fmt.Sprintf("Enhet %d", i+1)
		if i == 0 {
			f.SetSheetName("Sheet1", s)
		} else if _, err := f.NewSheet(s); err != nil {
			b.Fatal(err)
		}
		f.SetCellStr(s, "A2", "Beløp i 1 000 kr")
		for c, h := range hopHeader[:9] {
			f.SetCellStr(s, CellName(4, c+1), h)
		}
		r := 5
		for a := range 40 {
			for sub := range 5 {
				if sub == 0 {
					f.SetCellStr(s, CellName(r, 1), fmt.Sprint(100+a))
					f.SetCellStr(s, CellName(r, 2), fmt.Sprintf("Område %d", a))
				}
				f.SetCellStr(s, CellName(r, 3), fmt.Sprintf("Tjeneste %d", sub))
				for c := 4; c <= 9; c++ {
					f.SetCellFloat(s, CellName(r, c), float64(1000*a+sub)+0.25, -1, 64)
				}
				r++
			}
			f.SetCellStr(s, CellName(r, 2), fmt.Sprintf("Sum område %d", a))
			r++
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		b.Fatal(err)
	}
	if os.Getenv("SHEET_BENCH_SIZE") != "" {
		b.Logf("workbook of %d bytes", buf.Len())
	}
	return buf.Bytes()
}

// The keys that say where the figures are written are checked too: a plan
// id that is not a file name (a path), navn without alternativ, an
// alternativ without navn, an empty [omrader] entry.
func TestDecodeMappingPlanKeys(t *testing.T) {
	base := `overskriftsrad = 1
enhet = "kr"
[kolonner]
navn = "A"
[[arskolonne]]
kolonne = "B"
ar = 2026
`
	for _, tc := range []struct{ head, want string }{
		{"okonomiplan = \"../kommune\"\nfase = \"forslag\"\n", `m.toml:1:1: okonomiplan = "../kommune": write the plan file's id`},
		{"okonomiplan = \"2026-2029\"\nfase = \"forslag\"\nnavn = \"Høyre\"\n", `m.toml:3:1: navn = "Høyre" names an alternative's party`},
		{"okonomiplan = \"2026-2029\"\nfase = \"alternativ\"\n", `m.toml:2:1: fase = "alternativ" needs navn`},
		{"okonomiplan = \"2026-2029\"\nfase = \"forslag\"\ndato = \"i går\"\n", `m.toml:3`},
		{"fase = \"forslag\"\n", ""},
	} {
		src := tc.head + base
		if strings.Contains(tc.want, "omrader") {
			src += "[omrader]\n\"\" = \"x\"\n"
		}
		m, probs := DecodeMapping("m.toml", []byte(src))
		var got []string
		for _, p := range probs {
			got = append(got, p.String())
		}
		all := strings.Join(got, "\n")
		if tc.want == "" {
			if m == nil {
				t.Errorf("%q: refused: %s", tc.head, all)
			}
			continue
		}
		if m != nil || !strings.Contains(all, tc.want) {
			t.Errorf("%q: want %q in\n%s", tc.head, tc.want, all)
		}
	}
	src := "okonomiplan = \"2026-2029\"\nfase = \"forslag\"\n" + base + "[omrader]\n\" \" = \"oppvekst\"\n"
	if _, probs := DecodeMapping("m.toml", []byte(src)); len(probs) != 1 || !strings.Contains(probs[0].Message, "[omrader]") {
		t.Errorf("an empty [omrader] key: %v", probs)
	}
}

// A mapping with the plan keys writes them back (TOML reads back to the
// same mapping).
func TestMappingTOMLPlanKeys(t *testing.T) {
	src := `okonomiplan = "2026-2029"
fase = "alternativ"
navn = "Høyre \"og\" Frp"
tittel = "Økonomiplan"
dato = 2025-10-28
dokument = "https://x.no/a.pdf"
vedtak = "kst-2025-110"
overskriftsrad = 1
enhet = "1000 kr"
[kolonner]
navn = "A"
[[arskolonne]]
kolonne = "B"
ar = 2026
[omrader]
"10" = "oppvekst"
"Kultur og idrett" = "kultur"
`
	m, probs := DecodeMapping("m.toml", []byte(src))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	back, probs := DecodeMapping("back.toml", m.TOML())
	if len(probs) > 0 {
		t.Fatalf("%v\n%s", probs, m.TOML())
	}
	if back.Plan != m.Plan || back.Name != m.Name || back.Title != m.Title || back.Date != m.Date || back.Document != m.Document || back.Vedtak != m.Vedtak || !reflect.DeepEqual(back.Areas, m.Areas) {
		t.Errorf("read back differently:\n%s", m.TOML())
	}
}
