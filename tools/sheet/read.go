package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

// MaxFileSize bounds the files Read accepts: a budget workbook is well
// under a megabyte; 64 MB is room for any real one and keeps a hostile
// file from exhausting memory.
const MaxFileSize = 64 << 20

// maxCells bounds the cells of a grid (merged ranges included).
const maxCells = 4_000_000

// Read reads an .xlsx workbook or a .csv file (by its extension).
func Read(path string) (*Grid, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.Size() > MaxFileSize {
		return nil, fmt.Errorf("%s: the file is %d MB, more than the %d MB a budget table needs: save only the budget sheets", path, info.Size()>>20, MaxFileSize>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	name := filepath.Base(path)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return ReadXLSX(name, data)
	case ".csv", ".txt":
		return ReadCSV(name, data)
	case ".xls":
		return nil, fmt.Errorf("%s: the old Excel format (.xls) is not read: open it in Excel and save as Excel Workbook (.xlsx) or CSV", path)
	}
	return nil, fmt.Errorf("%s: not an .xlsx or .csv file: save the budget table as Excel Workbook (.xlsx) or CSV (semicolon separated)", path)
}

// ReadXLSX reads every sheet of an xlsx workbook. name is the file's base
// name, used in messages.
func ReadXLSX(name string, data []byte) (*Grid, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s: the file is larger than %d MB", name, MaxFileSize>>20)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    256 << 20,
		UnzipXMLSizeLimit: 256 << 20,
	})
	if err != nil {
		return nil, fmt.Errorf("%s: not a readable xlsx workbook (%v): open it in Excel and save it as Excel Workbook (.xlsx)", name, err)
	}
	defer f.Close()
	g := &Grid{File: name}
	budget := maxCells
	for _, sn := range f.GetSheetList() {
		s, err := readSheet(f, sn, &budget)
		if err != nil {
			return nil, fmt.Errorf("%s: sheet %q: %v", name, sn, err)
		}
		g.Sheets = append(g.Sheets, s)
	}
	if len(g.Sheets) == 0 {
		return nil, fmt.Errorf("%s: the workbook has no sheets", name)
	}
	return g, nil
}

var errTooLarge = errors.New("the sheet has more cells than a budget table needs (4 000 000): remove what is not the budget")

// readSheet reads one sheet: the values as shown and as stored, each
// cell's type and formula, and the merged ranges.
func readSheet(f *excelize.File, sn string, budget *int) (*Sheet, error) {
	shown, err := f.GetRows(sn)
	if err != nil {
		return nil, err
	}
	raw, err := f.GetRows(sn, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	s := &Sheet{Name: sn, Rows: make([][]Cell, max(len(shown), len(raw)))}
	for r := range s.Rows {
		n := 0
		if r < len(raw) {
			n = len(raw[r])
		}
		if r < len(shown) {
			n = max(n, len(shown[r]))
		}
		if *budget -= n + 1; *budget < 0 {
			return nil, errTooLarge
		}
		row := make([]Cell, n)
		for c := range row {
			if row[c], err = readCell(f, sn, r+1, c+1, at(shown, r, c), at(raw, r, c)); err != nil {
				return nil, err
			}
		}
		s.Rows[r] = row
	}
	return s, spreadMerged(f, s, budget)
}

// at is rows[r][c], or "" outside.
func at(rows [][]string, r, c int) string {
	if r < len(rows) && c < len(rows[r]) {
		return rows[r][c]
	}
	return ""
}

// readCell completes a cell with its stored type and whether it is a
// formula.
func readCell(f *excelize.File, sn string, row, col int, shown, raw string) (Cell, error) {
	ref := CellName(row, col)
	c := Cell{Text: shown, Raw: raw}
	formula, err := f.GetCellFormula(sn, ref)
	if err != nil {
		return c, err
	}
	c.Formula = formula != ""
	if raw == "" {
		return c, nil
	}
	t, err := f.GetCellType(sn, ref)
	if err != nil {
		return c, err
	}
	c.Number = t == excelize.CellTypeUnset || t == excelize.CellTypeNumber
	return c, nil
}

// spreadMerged records the merged ranges and copies each range's value
// into its other cells.
func spreadMerged(f *excelize.File, s *Sheet, budget *int) error {
	merged, err := f.GetMergeCells(s.Name, true)
	if err != nil {
		return err
	}
	for _, m := range merged {
		r1, c1, ok1 := parseCellName(m.GetStartAxis())
		r2, c2, ok2 := parseCellName(m.GetEndAxis())
		if !ok1 || !ok2 || r2 < r1 || c2 < c1 {
			continue
		}
		if *budget -= (r2 - r1 + 1) * (c2 - c1 + 1); *budget < 0 {
			return errTooLarge
		}
		s.Merged = append(s.Merged, m.GetStartAxis()+":"+m.GetEndAxis())
		origin := s.Cell(r1, c1)
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				if r == r1 && c == c1 {
					continue
				}
				cell := origin
				cell.Formula = false
				cell.MergedFrom = CellName(r1, c1)
				s.set(r, c, cell)
			}
		}
	}
	return nil
}

// set puts a cell at 1-based row and column, growing the sheet.
func (s *Sheet) set(row, col int, c Cell) {
	for len(s.Rows) < row {
		s.Rows = append(s.Rows, nil)
	}
	r := s.Rows[row-1]
	for len(r) < col {
		r = append(r, Cell{})
	}
	r[col-1] = c
	s.Rows[row-1] = r
}
