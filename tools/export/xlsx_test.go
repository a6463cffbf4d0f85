package export

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/openkommune/portal/tools/hostile"
	"github.com/xuri/excelize/v2"
)

// TestWorkbook writes the example as a workbook and reads it back with
// excelize: a sheet per list in the order of the downloads, the titles as
// the header, every cell of the CSV there with the right type (amounts as
// numbers with a thousands separator, dates as dates, text as text), and
// the same bytes on a second write.
func TestWorkbook(t *testing.T) {
	site := example(t)
	data, err := Workbook(site)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Workbook(site)
	if !bytes.Equal(data, again) {
		t.Error("two workbooks of the same site differ")
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	csvs, _ := files(t, site)
	tabs := tables(site)
	if got := f.GetSheetList(); len(got) != len(tabs) {
		t.Fatalf("sheets %v, want one per list (%d)", got, len(tabs))
	}
	for i, tab := range tabs {
		name := f.GetSheetList()[i]
		if name != tab.name {
			t.Errorf("sheet %d is %q, want %q", i, name, tab.name)
		}
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		want := readCSV(t, csvs["data/"+tab.name+".csv"])
		if len(rows) != len(want) {
			t.Fatalf("%s: %d rows, want %d as in the CSV", name, len(rows), len(want))
		}
		for r := 1; r < len(want); r++ {
			for c, field := range tab.fields {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				raw := ""
				if c < len(rows[r]) {
					raw = rows[r][c]
				}
				typ, _ := f.GetCellType(name, ref)
				cell := tab.rows[r-1][c]
				switch {
				case cell.typ == "":
					if raw != "" {
						t.Errorf("%s!%s: %q, want empty", name, ref, raw)
					}
				case cell.typ == tString:
					if raw != want[r][c] || typ == excelize.CellTypeFormula {
						t.Errorf("%s!%s (%s): %q (%v), want the text %q", name, ref, field.name, raw, typ, want[r][c])
					}
				case cell.typ == tInteger:
					if raw != strconv.FormatInt(cell.i, 10) {
						t.Errorf("%s!%s (%s): %q, want the number %d", name, ref, field.name, raw, cell.i)
					}
					if shown, _ := f.GetCellValue(name, ref); cell.kroner && cell.i >= 1000 && shown == raw {
						t.Errorf("%s!%s (%s): an amount shows as %q, without a thousands separator", name, ref, field.name, shown)
					}
				case cell.typ == tDate:
					if shown, _ := f.GetCellValue(name, ref); shown == raw {
						t.Errorf("%s!%s (%s): a date shows as the number %q, not as a date", name, ref, field.name, raw)
					}
				}
			}
		}
	}
}

// TestWorkbookHostile: formulas written into every free-text field of the
// example stay text in the workbook; no cell is a formula.
func TestWorkbookHostile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if _, err := hostile.InjectFormulas("../../data", dir); err != nil {
		t.Fatal(err)
	}
	data, err := Workbook(compileFS(t, os.DirFS(dir)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	formulas := 0
	for _, name := range f.GetSheetList() {
		rows, _ := f.GetRows(name)
		for r, row := range rows {
			for c := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if typ, _ := f.GetCellType(name, ref); typ == excelize.CellTypeFormula {
					formulas++
				}
				if fm, _ := f.GetCellFormula(name, ref); fm != "" {
					t.Errorf("%s!%s holds the formula %q", name, ref, fm)
				}
			}
		}
	}
	if formulas > 0 {
		t.Errorf("%d formula cells", formulas)
	}
}
