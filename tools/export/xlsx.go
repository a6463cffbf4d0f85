package export

import (
	"bytes"
	"fmt"
	"time"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/sheet"
)

// Workbook writes every list as one xlsx workbook for Norwegian Excel (and
// LibreOffice, Google Sheets): a sheet per list, named as its CSV, with the
// columns' titles in the kommune's målform as the header row and typed
// cells: amounts as whole kroner with a thousands separator, other whole
// numbers and decimals as numbers, dates as dates, true/false as such, and
// text always as text, so that no cell runs as a formula. The same site
// gives the same bytes.
func Workbook(site *model.Site) ([]byte, error) {
	w, err := catalog.For(site.Kommune.Malform)
	if err != nil {
		return nil, err
	}
	var book sheet.Book
	for _, t := range tables(site) {
		if err := t.validate(); err != nil {
			return nil, err
		}
		s := sheet.OutSheet{Name: t.name}
		for _, f := range t.fields {
			s.Header = append(s.Header, w.T(f.title, nil))
		}
		for r, row := range t.rows {
			values := make([]sheet.Value, len(row))
			for i, c := range row {
				v, err := c.sheetValue()
				if err != nil {
					return nil, fmt.Errorf("export: %s row %d: %s: %w", t.name, r+1, t.fields[i].name, err)
				}
				values[i] = v
			}
			s.Rows = append(s.Rows, values)
		}
		book.Sheets = append(book.Sheets, s)
	}
	var b bytes.Buffer
	if err := sheet.WriteXLSX(&b, book); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// sheetValue is the cell as a typed spreadsheet value; a missing cell is
// empty.
func (c cell) sheetValue() (sheet.Value, error) {
	switch c.typ {
	case tString:
		return sheet.Text(c.s), nil
	case tInteger:
		if c.kroner {
			return sheet.Kroner(c.i), nil
		}
		return sheet.Integer(c.i), nil
	case tNumber:
		return sheet.Number(c.f), nil
	case tBoolean:
		return sheet.Bool(c.b), nil
	case tDate:
		d, err := time.Parse(time.DateOnly, c.s)
		if err != nil {
			return sheet.Value{}, err
		}
		return sheet.Date(d.Year(), d.Month(), d.Day()), nil
	}
	return sheet.Value{}, nil
}
