package sheet

import (
	"archive/zip"
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

var update = flag.Bool("update", false, "rewrite the fixture files in testdata/")

// The fixtures are written by this file (go test -run TestFixtures
// -update) and committed; TestFixtures checks the committed files are what
// it writes.

// hopRows is the HØP sheet below its header: an HØP in 1 000 kr with two
// levels (area in A/B written once, or merged, sub-area in C), sum rows,
// a formula and amounts typed as text.
var hopRows = [][]any{
	{"10", "Oppvekst", "Grunnskole", 212345.6, 215000, 220500, 221000, 222000, 223000, 0.026},
	{nil, nil, "Barnehage", 180250, 182000, 185750.25, 186000, 186500, 187000, 0.021},
	{nil, nil, "Kulturskole", 8100, 8200, formula{"E7*1.025", 8405}, 8400, 8400, 8400, 0.025},
	{nil, "Sum Oppvekst", nil, formula{"SUM(D5:D7)", 400695.6}, formula{"SUM(E5:E7)", 405200}, formula{"SUM(F5:F7)", 414655.25}, 415400, 416900, 418400, nil},
	{"20", "Helse og omsorg", "Hjemmetjenester", 150000, 155000, "158 250", 160000, 161000, 162000, 0.021},
	{nil, nil, "Sykehjem", 240000, 245500, "246\u00a0000,5", 247000, 248000, 249000, 0.002},
	{nil, "Sum Helse og omsorg", nil, 390000, 400500, 404250.5, 407000, 409000, 411000, nil},
	{"30", "Kultur og teknisk", nil, 98000, 99500, 101000, 101500, "(1 200)", 102500, 0.015},
	{nil, nil, nil, nil, nil, nil, nil, nil, nil, nil},
	{nil, "Sum netto driftsrammer", nil, 896795.6, 913700, 919905.75, 923900, 824700, 931900, nil},
}

// formula is a formula cell with the result Excel saved with it.
type formula struct {
	expr   string
	result float64
}

var hopHeader = []string{"Ansvar", "Rammeområde", "Tjeneste", "Regnskap 2024", "Vedtatt budsjett 2025", "Budsjett 2026", "Økonomiplan 2027", "Økonomiplan 2028", "Økonomiplan 2029", "Endring 2025–2026 i %"}

// hopWorkbook writes the HØP-like workbook; bad puts "12,5 mill" in F6
// and gives Oppvekst / Barnehage twice (row 13).
func hopWorkbook(t testing.TB, bad bool) []byte {
	f := excelize.NewFile()
	must := func(err error) {
		if err != nil {
			t.Helper()
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "Innhold"))
	must(f.SetCellStr("Innhold", "A1", "Handlings- og økonomiplan 2026–2029"))
	must(f.SetCellStr("Innhold", "A3", "Arket HØP har driftsrammene."))
	_, err := f.NewSheet("HØP")
	must(err)
	s := "HØP"
	must(f.SetCellStr(s, "A1", "Handlings- og økonomiplan 2026–2029 – kommunedirektørens forslag"))
	must(f.SetCellStr(s, "A2", "Netto driftsrammer. Beløp i 1 000 kr"))
	must(f.SetCellStr(s, "G3", "Økonomiplanperioden"))
	must(f.MergeCell(s, "G3", "I3"))
	for c, h := range hopHeader {
		must(f.SetCellStr(s, CellName(4, c+1), h))
	}
	thousands, err := f.NewStyle(&excelize.Style{NumFmt: 3})
	must(err)
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 10})
	must(err)
	rows := hopRows
	if bad {
		rows = append([][]any(nil), hopRows...)
		r := append([]any(nil), rows[1]...)
		r[5] = "12,5 mill"
		rows[1] = r
		rows = append(rows[:8:8], []any{"10", "Oppvekst", "Barnehage", 1, 2, 3, 4, 5, 6, nil})
	}
	for i, row := range rows {
		r := 5 + i
		for c, v := range row {
			ref := CellName(r, c+1)
			switch v := v.(type) {
			case string:
				must(f.SetCellStr(s, ref, v))
			case int:
				must(f.SetCellInt(s, ref, int64(v)))
				must(f.SetCellStyle(s, ref, ref, thousands))
			case float64:
				must(f.SetCellFloat(s, ref, v, -1, 64))
				style := thousands
				if c == 9 {
					style = pct
				}
				must(f.SetCellStyle(s, ref, ref, style))
			case formula:
				must(f.SetCellFloat(s, ref, v.result, -1, 64))
				must(f.SetCellFormula(s, ref, v.expr))
				must(f.SetCellStyle(s, ref, ref, thousands))
			}
		}
	}
	must(f.MergeCell(s, "B5", "B7"))
	must(f.MergeCell(s, "B9", "B10"))
	_, err = f.NewSheet("Investering")
	must(err)
	must(f.SetSheetRow("Investering", "A1", &[]any{"Prosjekt", "Kostnadsramme"}))
	must(f.SetSheetRow("Investering", "A2", &[]any{"Nordbyen skole", 130000}))
	var b bytes.Buffer
	must(f.Write(&b))
	return numericFormulas(t, b.Bytes())
}

// numericFormulas makes formula results numbers, as Excel saves them
// (excelize marks every formula it writes as giving a string).
func numericFormulas(t testing.TB, xlsx []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	strFormula := regexp.MustCompile(` t="str"(><f>)`)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(zf.Name, "xl/worksheets/") {
			data = strFormula.ReplaceAll(data, []byte("$1"))
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// hopCSV is the HØP sheet as Norwegian Excel saves it as "CSV
// (semikolonseparert)": the shown values, decimal comma, no-break spaces
// between thousands, ";" between fields, quotes where a field has one,
// CRLF.
func hopCSV() string {
	lines := []string{
		`Handlings- og økonomiplan 2026–2029 – kommunedirektørens forslag;;;;;;;;;`,
		`Netto driftsrammer. Beløp i 1 000 kr;;;;;;;;;`,
		`;;;;;;Økonomiplanperioden;;;`,
		strings.Join(hopHeader, ";"),
		"10;Oppvekst;Grunnskole;212\u00a0345,6;215\u00a0000;220\u00a0500;221\u00a0000;222\u00a0000;223\u00a0000;2,6 %",
		";;Barnehage;180\u00a0250;182\u00a0000;185\u00a0750,25;186\u00a0000;186\u00a0500;187\u00a0000;2,1 %",
		";;Kulturskole;8\u00a0100;8\u00a0200;8\u00a0405;8\u00a0400;8\u00a0400;8\u00a0400;2,5 %",
		";Sum Oppvekst;;400\u00a0695,6;405\u00a0200;414\u00a0655,25;415\u00a0400;416\u00a0900;418\u00a0400;",
		`20;"Helse og omsorg";Hjemmetjenester;150 000;155 000;158 250;160 000;161 000;162 000;2,1 %`,
		";;Sykehjem;240\u00a0000;245\u00a0500;246\u00a0000,5;247\u00a0000;248\u00a0000;249\u00a0000;0,2 %",
		";Sum Helse og omsorg;;390\u00a0000;400\u00a0500;404\u00a0250,5;407\u00a0000;409\u00a0000;411\u00a0000;",
		"30;Kultur og teknisk;;98\u00a0000;99\u00a0500;101\u00a0000;101\u00a0500;(1 200);102\u00a0500;1,5 %",
		";;;;;;;;;",
		";Sum netto driftsrammer;;896\u00a0795,6;913\u00a0700;919\u00a0905,75;923\u00a0900;824\u00a0700;931\u00a0900;",
	}
	return strings.Join(lines, "\r\n") + "\r\n"
}

// fixtures are the files TestFixtures writes.
func fixtures(t testing.TB) map[string][]byte {
	win, err := charmap.Windows1252.NewEncoder().String(hopCSV())
	if err != nil {
		t.Fatal(err)
	}
	badCSV := strings.Replace(hopCSV(), "185\u00a0750,25", "12,5 mill", 1)
	return map[string][]byte{
		"hop-2026.xlsx":         hopWorkbook(t, false),
		"hop-2026-bad.xlsx":     hopWorkbook(t, true),
		"hop-2026-1252.csv":     []byte(win),
		"hop-2026-utf8bom.csv":  []byte("\ufeff" + hopCSV()),
		"hop-2026-bad-utf8.csv": []byte(badCSV),
	}
}

// TestFixtures checks that the committed fixtures are what this file
// writes (with -update, writes them).
func TestFixtures(t *testing.T) {
	for name, want := range fixtures(t) {
		path := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v: run go test -run TestFixtures -update", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what fixtures_test.go writes: run go test -run TestFixtures -update", path)
		}
	}
}
