package sheet

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/openkommune/portal/tools/money"
)

// Book is a workbook to write: sheets of a header row and typed cells.
type Book struct {
	Sheets []OutSheet
}

// OutSheet is one sheet to write.
type OutSheet struct {
	Name   string // at most 31 characters, none of []:*?/\
	Header []string
	Rows   [][]Value
}

// Value is a typed cell to write; the zero Value is an empty cell.
type Value struct {
	kind  valueKind
	text  string
	n     int64
	f     float64
	year  int
	month time.Month
	day   int
}

type valueKind int

const (
	emptyValue valueKind = iota
	textValue
	kronerValue
	dateValue
	percentValue
	integerValue
	numberValue
	boolValue
)

// Text is a text cell. A text is always stored as text: a spreadsheet never
// runs it as a formula, whatever it starts with.
func Text(s string) Value { return Value{kind: textValue, text: s} }

// Kroner is an integer cell of whole kroner, shown with a thousands
// separator (number format "#,##0", which Norwegian Excel shows as
// "12 500").
func Kroner(n int64) Value { return Value{kind: kronerValue, n: n} }

// Date is a real Excel date (a serial day number with the locale's short
// date format, dd.mm.yyyy in Norwegian Excel).
func Date(year int, month time.Month, day int) Value {
	return Value{kind: dateValue, year: year, month: month, day: day}
}

// Integer is a whole number that is not an amount (a year, a count), shown
// without a thousands separator.
func Integer(n int64) Value { return Value{kind: integerValue, n: n} }

// Number is a decimal number shown as written ("6,5" in Norwegian Excel).
func Number(f float64) Value { return Value{kind: numberValue, f: f} }

// Bool is a true/false cell (SANN/USANN in Norwegian Excel).
func Bool(b bool) Value {
	v := Value{kind: boolValue}
	if b {
		v.n = 1
	}
	return v
}

// Percent is a fraction shown as a percentage: Percent(0.125) shows
// "12,5 %".
func Percent(fraction float64) Value { return Value{kind: percentValue, f: fraction} }

// Excel's limits on what WriteXLSX writes.
const (
	maxSheetName = 31
	maxCellText  = 32767
)

// WriteXLSX writes the book as an xlsx workbook. It checks everything
// first and writes nothing if a sheet name, a text, an amount or a date
// cannot be stored as Excel would read it back; every such problem is in
// the error. The same book gives the same bytes.
func WriteXLSX(w io.Writer, b Book) error {
	if probs := b.check(); len(probs) > 0 {
		return fmt.Errorf("cannot write the workbook:\n%s", strings.Join(probs, "\n"))
	}
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	for i, s := range b.Sheets {
		if i == 0 {
			err = f.SetSheetName("Sheet1", s.Name)
		} else {
			_, err = f.NewSheet(s.Name)
		}
		if err == nil {
			err = writeSheet(f, st, s)
		}
		if err != nil {
			return fmt.Errorf("sheet %q: %w", s.Name, err)
		}
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// styles are the style ids of the cell kinds.
type styles struct{ header, kroner, date, percent int }

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	var err error
	pct := "0.0%"
	for _, s := range []struct {
		id    *int
		style excelize.Style
	}{
		{&st.header, excelize.Style{Font: &excelize.Font{Bold: true}}},
		{&st.kroner, excelize.Style{NumFmt: 3}}, // #,##0
		{&st.date, excelize.Style{NumFmt: 14}},  // the locale's short date
		{&st.percent, excelize.Style{CustomNumFmt: &pct}},
	} {
		if *s.id, err = f.NewStyle(&s.style); err != nil {
			return st, err
		}
	}
	return st, nil
}

// writeSheet writes the header and the rows, freezes the header row and
// sets column widths from the longest text in each column.
func writeSheet(f *excelize.File, st styles, s OutSheet) error {
	widths := map[int]int{}
	put := func(row, col int, v Value) error {
		ref := CellName(row, col)
		var err error
		switch v.kind {
		case textValue:
			err = f.SetCellStr(s.Name, ref, v.text)
		case kronerValue:
			if err = f.SetCellInt(s.Name, ref, v.n); err == nil {
				err = f.SetCellStyle(s.Name, ref, ref, st.kroner)
			}
		case dateValue:
			if err = f.SetCellInt(s.Name, ref, serialDay(v)); err == nil {
				err = f.SetCellStyle(s.Name, ref, ref, st.date)
			}
		case percentValue:
			if err = f.SetCellFloat(s.Name, ref, v.f, -1, 64); err == nil {
				err = f.SetCellStyle(s.Name, ref, ref, st.percent)
			}
		case integerValue:
			err = f.SetCellInt(s.Name, ref, v.n)
		case numberValue:
			err = f.SetCellFloat(s.Name, ref, v.f, -1, 64)
		case boolValue:
			err = f.SetCellBool(s.Name, ref, v.n == 1)
		}
		widths[col] = max(widths[col], v.width())
		return err
	}
	for c, h := range s.Header {
		if err := put(1, c+1, Text(h)); err != nil {
			return err
		}
	}
	if len(s.Header) > 0 {
		last := CellName(1, len(s.Header))
		if err := f.SetCellStyle(s.Name, "A1", last, st.header); err != nil {
			return err
		}
		if err := f.SetPanes(s.Name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
	}
	for r, row := range s.Rows {
		for c, v := range row {
			if err := put(r+2, c+1, v); err != nil {
				return err
			}
		}
	}
	for c := 1; c <= len(widths); c++ {
		if w := widths[c]; w > 0 {
			name := ColumnName(c)
			if err := f.SetColWidth(s.Name, name, name, float64(min(w, 60)+2)); err != nil {
				return err
			}
		}
	}
	return nil
}

// width is about how many characters the value shows.
func (v Value) width() int {
	switch v.kind {
	case textValue:
		return utf8.RuneCountInString(v.text)
	case kronerValue:
		return len(group(fmt.Sprint(v.n)))
	case dateValue:
		return 10
	case percentValue:
		return 7
	case integerValue:
		return len(fmt.Sprint(v.n))
	case numberValue:
		return len(fmt.Sprint(v.f))
	case boolValue:
		return 6
	}
	return 0
}

// excelEpoch is day 0 of Excel's serial dates after 28 February 1900.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// serialDay is the date's Excel serial day number.
func serialDay(v Value) int64 {
	return int64(time.Date(v.year, v.month, v.day, 0, 0, 0, 0, time.UTC).Sub(excelEpoch).Hours() / 24)
}

// check lists everything in the book Excel could not store as given.
func (b Book) check() []string {
	var probs []string
	if len(b.Sheets) == 0 {
		probs = append(probs, "the book has no sheets")
	}
	names := map[string]bool{}
	for _, s := range b.Sheets {
		n := s.Name
		switch {
		case n == "" || utf8.RuneCountInString(n) > maxSheetName:
			probs = append(probs, fmt.Sprintf("sheet name %q: 1 to %d characters", n, maxSheetName))
		case strings.ContainsAny(n, `[]:*?/\`) || strings.HasPrefix(n, "'") || strings.HasSuffix(n, "'"):
			probs = append(probs, fmt.Sprintf("sheet name %q: none of []:*?/\\ and no ' first or last", n))
		case names[strings.ToLower(n)]:
			probs = append(probs, fmt.Sprintf("sheet name %q is used twice (Excel ignores case)", n))
		}
		names[strings.ToLower(n)] = true
		for c, h := range s.Header {
			probs = append(probs, Text(h).problem(s.Name, 1, c+1)...)
		}
		for r, row := range s.Rows {
			for c, v := range row {
				probs = append(probs, v.problem(s.Name, r+2, c+1)...)
			}
		}
	}
	return probs
}

// problem says why a value cannot be written, if it cannot.
func (v Value) problem(sheet string, row, col int) []string {
	at := sheet + "!" + CellName(row, col)
	switch v.kind {
	case textValue:
		if utf8.RuneCountInString(v.text) > maxCellText {
			return []string{fmt.Sprintf("%s: a text of more than %d characters does not fit a cell", at, maxCellText)}
		}
		if !utf8.ValidString(v.text) || strings.IndexFunc(v.text, badXMLRune) >= 0 {
			return []string{fmt.Sprintf("%s: the text has a control character or invalid UTF-8, which xlsx cannot hold", at)}
		}
	case kronerValue, integerValue:
		if v.n > money.MaxSum || v.n < -money.MaxSum {
			return []string{fmt.Sprintf("%s: %d is beyond ±%d, which Excel does not hold exactly", at, v.n, int64(money.MaxSum))}
		}
	case dateValue:
		t := time.Date(v.year, v.month, v.day, 0, 0, 0, 0, time.UTC)
		if t.Year() != v.year || t.Month() != v.month || t.Day() != v.day || v.year < 1901 || v.year > 9999 {
			return []string{fmt.Sprintf("%s: %04d-%02d-%02d is not a date Excel holds (1901–9999)", at, v.year, v.month, v.day)}
		}
	case percentValue, numberValue:
		if math.IsNaN(v.f) || math.IsInf(v.f, 0) {
			return []string{fmt.Sprintf("%s: the value is not a number", at)}
		}
	}
	return nil
}

// badXMLRune is a character XML 1.0 cannot hold.
func badXMLRune(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xfffe || r == 0xffff
}
