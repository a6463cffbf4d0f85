// Package sheet owns reading budget tables from xlsx and CSV files as
// Norwegian Excel writes them, with the sheet!cell position of every value,
// and writing simple tables back as xlsx.
//
// Reading gives a Grid: every sheet of a workbook (a CSV file is one sheet)
// as rows of cells, each with the text Excel shows and the value it stores.
// A Mapping, written once per kommune in TOML, says where in the grid the
// budget table is; Extract turns the grid into a Table of whole kroner,
// refusing anything that is not exactly an amount, and Guess proposes a
// mapping from the header row.
package sheet

import (
	"strconv"
	"strings"
)

// Grid is a workbook read into memory.
type Grid struct {
	File   string   // the file's base name, as given to the reader
	Sheets []*Sheet // in the workbook's order
}

// Sheet is one sheet of a workbook; Rows[r][c] is the cell in row r+1 and
// column c+1 (A is column 1). Rows may be shorter than others and may be
// empty; a cell beyond a row's end is empty.
type Sheet struct {
	Name string
	Rows [][]Cell
	// Merged lists the merged ranges, e.g. "B3:D3". The value of a merged
	// range is kept in its top-left cell; the other cells of the range have
	// the same Text and Raw and name the top-left cell in MergedFrom.
	Merged []string
	pos    string // prefix of positions: the sheet name, or file for CSV
}

// Cell is one cell as read.
type Cell struct {
	Text string // as Excel shows it (number formats applied); CSV: the field
	Raw  string // as stored: a number in the file's notation ("12500.5"), or the text
	// Number is true when the workbook stores a number (Raw is then a
	// decimal number such as "12500", "0.25" or "1.2E-3"); CSV fields are
	// always text.
	Number bool
	// Formula is true when the cell holds a formula; Text and Raw are then
	// the result Excel saved with the file (empty if it saved none).
	Formula bool
	// MergedFrom names the top-left cell ("B3") of the merged range that
	// covers this cell, when this cell is not that top-left cell.
	MergedFrom string
}

// Empty reports whether the cell holds nothing but white space.
func (c Cell) Empty() bool { return strings.TrimSpace(c.Raw) == "" && strings.TrimSpace(c.Text) == "" }

// Sheet returns the sheet of that name, or nil.
func (g *Grid) Sheet(name string) *Sheet {
	for _, s := range g.Sheets {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// SheetNames lists the sheets in the workbook's order.
func (g *Grid) SheetNames() []string {
	names := make([]string, len(g.Sheets))
	for i, s := range g.Sheets {
		names[i] = s.Name
	}
	return names
}

// Cell returns the cell at 1-based row and column; outside the sheet's
// rows it is empty.
func (s *Sheet) Cell(row, col int) Cell {
	if row < 1 || row > len(s.Rows) || col < 1 || col > len(s.Rows[row-1]) {
		return Cell{}
	}
	return s.Rows[row-1][col-1]
}

// Pos names a cell of the sheet as "HØP!D14" (for a CSV file
// "hop.csv!D14").
func (s *Sheet) Pos(row, col int) string {
	p := s.pos
	if p == "" {
		p = s.Name
	}
	return p + "!" + CellName(row, col)
}

// MaxCol is the largest column number in any row of the sheet.
func (s *Sheet) MaxCol() int {
	n := 0
	for _, r := range s.Rows {
		n = max(n, len(r))
	}
	return n
}

// ColumnName is the letters of a 1-based column number: 1 → "A", 27 → "AA".
func ColumnName(col int) string {
	var b []byte
	for col > 0 {
		col--
		b = append(b, byte('A'+col%26))
		col /= 26
	}
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

// ColumnNumber reads column letters ("D", "aa"); it returns 0 for anything
// else or a column beyond XFD (16 384, Excel's last).
func ColumnNumber(name string) int {
	if name == "" || len(name) > 3 {
		return 0
	}
	n := 0
	for _, r := range strings.ToUpper(name) {
		if r < 'A' || r > 'Z' {
			return 0
		}
		n = n*26 + int(r-'A'+1)
	}
	if n > maxColumns {
		return 0
	}
	return n
}

// maxColumns and maxRows are Excel's limits.
const (
	maxColumns = 16384
	maxRows    = 1048576
)

// CellName is "D14" for row 14, column 4.
func CellName(row, col int) string { return ColumnName(col) + strconv.Itoa(row) }

// parseCellName reads "D14" into row and column; ok is false for anything
// else.
func parseCellName(s string) (row, col int, ok bool) {
	i := 0
	for i < len(s) && (s[i] >= 'A' && s[i] <= 'Z' || s[i] >= 'a' && s[i] <= 'z') {
		i++
	}
	col = ColumnNumber(s[:i])
	digits := s[i:]
	if col == 0 || digits == "" || digits[0] == '0' || strings.Trim(digits, "0123456789") != "" || len(digits) > 7 {
		return 0, 0, false
	}
	row, _ = strconv.Atoi(digits)
	if row > maxRows {
		return 0, 0, false
	}
	return row, col, true
}
