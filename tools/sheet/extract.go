package sheet

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Table is a budget table taken out of a sheet: one row per area (or
// sub-area), one figure per year column, in whole kroner.
type Table struct {
	File  string // the workbook's file name
	Sheet string
	Unit  Unit // the unit the sheet was written in
	Years []Year
	Rows  []Row
	// Sum is the row the mapping's sumrad matched (the printed total), or
	// nil; it is not among Rows.
	Sum *Row
}

// Year is a column of figures.
type Year struct {
	Year   int
	Stage  string
	Column string // "D"
	Header string // its header cell, "HØP!D4"
}

// Row is one area's figures.
type Row struct {
	Code, Name string // as the label columns show them (either may be empty)
	SubArea    string // the sub-area of a two-level table, or ""
	Pos        string // the row's first label cell, "HØP!B7"
	Amounts    []Amount
}

// Amount is one figure: whole kroner, or no figure.
type Amount struct {
	Kr  int64
	Set bool // false: the cell is empty (or "-")
	// Dash: the cell holds a dash ("-", "–"), the nil of a printed table
	// (SSB's "-"), not an empty cell; Set is false.
	Dash bool
	Pos  string // "HØP!D7"
}

// Extract takes the budget table the mapping describes out of the grid.
// It reports every problem found in one run and returns no table if there
// is any: a sheet that does not exist (listing those that do), a year
// column whose header does not show its year, a text that is not an
// amount, a fraction of a krone, figures without an area, and an area
// given twice.
func Extract(g *Grid, m *Mapping) (*Table, []Problem) {
	if probs := m.check(); len(probs) > 0 {
		return nil, probs
	}
	s, probs := m.findSheet(g)
	if s == nil {
		return nil, probs
	}
	t := &Table{File: g.File, Sheet: s.Name, Unit: m.unit}
	for _, y := range m.Years {
		t.Years = append(t.Years, Year{Year: y.Year, Stage: m.stage(y), Column: strings.ToUpper(y.Column), Header: s.Pos(m.HeaderRow, ColumnNumber(y.Column))})
	}
	probs = append(probs, m.checkHeader(s)...)
	sum, sumProbs := m.sumRow(s)
	probs = append(probs, sumProbs...)
	rows, rowProbs := m.rows(s)
	probs = append(probs, rowProbs...)
	if len(probs) > 0 {
		return nil, probs
	}
	t.Rows, t.Sum = rows, sum
	return t, nil
}

// findSheet finds the mapped sheet.
func (m *Mapping) findSheet(g *Grid) (*Sheet, []Problem) {
	if m.Sheet == "" {
		if len(g.Sheets) == 1 {
			return g.Sheets[0], nil
		}
		return nil, []Problem{{m.at("ark"), fmt.Sprintf("ark is not set and %s has %d sheets (%s): set ark to the sheet with the budget table", g.File, len(g.Sheets), quoteList(g.SheetNames()))}}
	}
	if s := g.Sheet(m.Sheet); s != nil {
		return s, nil
	}
	hint := ""
	for _, n := range g.SheetNames() {
		if strings.EqualFold(strings.TrimSpace(n), strings.TrimSpace(m.Sheet)) {
			hint = fmt.Sprintf(" (%q differs only in case or spaces)", n)
		}
	}
	return nil, []Problem{{m.at("ark"), fmt.Sprintf("ark = %q is not a sheet of %s: its sheets are %s%s", m.Sheet, g.File, quoteList(g.SheetNames()), hint)}}
}

// yearRE finds a year in a header text.
var yearRE = regexp.MustCompile(`(?:^|[^0-9])((?:19|20|21)[0-9]{2})(?:[^0-9]|$)`)

// headerYears lists the years a header text shows.
func headerYears(text string) []int {
	var ys []int
	for _, m := range yearRE.FindAllStringSubmatch(text, -1) {
		y, _ := strconv.Atoi(m[1])
		ys = append(ys, y)
	}
	return ys
}

// checkHeader wants each year column's header to show its year, so that a
// column inserted or removed in the sheet is noticed.
func (m *Mapping) checkHeader(s *Sheet) []Problem {
	var probs []Problem
	for i, y := range m.Years {
		col := ColumnNumber(y.Column)
		h := strings.TrimSpace(s.Cell(m.HeaderRow, col).Text)
		found := false
		for _, hy := range headerYears(h) {
			found = found || hy == y.Year
		}
		if found {
			continue
		}
		where := ""
		for c := 1; c <= s.MaxCol(); c++ {
			for _, hy := range headerYears(s.Cell(m.HeaderRow, c).Text) {
				if hy == y.Year && c != col {
					where += fmt.Sprintf("; %d is in column %s (%q)", y.Year, ColumnName(c), strings.TrimSpace(s.Cell(m.HeaderRow, c).Text))
				}
			}
		}
		says := "its header is empty: the year column is missing"
		if h != "" {
			says = fmt.Sprintf("its header says %q", h)
		}
		probs = append(probs, Problem{s.Pos(m.HeaderRow, col), fmt.Sprintf("column %s is mapped to %d (%s) but %s%s: fix [[arskolonne]] or the sheet",
			strings.ToUpper(y.Column), y.Year, m.at(yearPath(i)), says, where)})
	}
	return probs
}

// yearPath is the path of the i-th year column in the mapping.
func yearPath(i int) string { return "arskolonne[" + strconv.Itoa(i) + "]" }

// rows reads the data rows under the header.
func (m *Mapping) rows(s *Sheet) ([]Row, []Problem) {
	var (
		rows  []Row
		probs []Problem
		seen  = map[string]string{} // area key → its position
		area  areaLabels
	)
	for r := m.HeaderRow + 1; r <= len(s.Rows); r++ {
		code := label(s.Cell(r, m.cols.code))
		name := label(s.Cell(r, m.cols.name))
		sub := label(s.Cell(r, m.cols.sub))
		if m.skipped(code, name, sub) || m.isSum(code, name, sub) {
			continue
		}
		if m.cols.sub != 0 {
			code, name = area.fill(code, name, sub)
		}
		amounts, aprobs, any := m.amounts(s, r)
		probs = append(probs, aprobs...)
		if !any {
			continue // an empty row or a heading
		}
		if code == "" && name == "" {
			probs = append(probs, Problem{s.Pos(r, ColumnNumber(m.Years[0].Column)), fmt.Sprintf("row %d has figures but no area: fill in %s, or skip the row with a hopp_over pattern", r, m.labelWhere())})
			continue
		}
		pos := s.Pos(r, m.firstLabelCol())
		key := areaKey(code, name, sub)
		if prev, dup := seen[key]; dup {
			probs = append(probs, Problem{pos, fmt.Sprintf("area %s is also in %s: give each area one row, or skip sum rows with hopp_over", describe(code, name, sub), prev)})
			continue
		}
		seen[key] = pos
		rows = append(rows, Row{Code: code, Name: name, SubArea: sub, Pos: pos, Amounts: amounts})
	}
	return rows, append(probs, bothLevels(rows, seen)...)
}

// bothLevels finds areas of a two-level table given both as a row of their
// own and by sub-areas: the area's row is then most likely their sum.
func bothLevels(rows []Row, seen map[string]string) []Problem {
	var probs []Problem
	reported := map[string]bool{}
	for _, r := range rows {
		if r.SubArea == "" {
			continue
		}
		own := areaKey(r.Code, r.Name, "")
		if pos, ok := seen[own]; ok && !reported[own] {
			reported[own] = true
			probs = append(probs, Problem{pos, fmt.Sprintf("area %s has figures on its own row and sub-areas below (%s): if the row is their sum, skip it with hopp_over; else give it a sub-area name",
				describe(r.Code, r.Name, ""), r.Pos)})
		}
	}
	return probs
}

// areaLabels is the area of a two-level table that rows below belong to.
type areaLabels struct{ code, name string }

// fill completes a row's area labels: the area is written once above its
// sub-areas (or in merged cells), so an empty code or name is the one
// above when the label that is written agrees with it.
func (a *areaLabels) fill(code, name, sub string) (string, string) {
	switch {
	case code == "" && name == "":
		if sub != "" {
			return a.code, a.name
		}
		return "", ""
	case code == "" && name == a.name:
		code = a.code
	case name == "" && code == a.code:
		name = a.name
	}
	a.code, a.name = code, name
	return code, name
}

// label is a label cell's text, spaces trimmed and runs of spaces made one.
func label(c Cell) string { return strings.Join(strings.Fields(c.Text), " ") }

// skipped reports whether a label matches a hopp_over pattern.
func (m *Mapping) skipped(labels ...string) bool {
	for _, l := range labels {
		for _, re := range m.skip {
			if l != "" && re.MatchString(l) {
				return true
			}
		}
	}
	return false
}

// amounts reads a row's year cells; any is true if one holds something.
func (m *Mapping) amounts(s *Sheet, r int) ([]Amount, []Problem, bool) {
	var (
		out   []Amount
		probs []Problem
		any   bool
	)
	for _, y := range m.Years {
		col := ColumnNumber(y.Column)
		c := s.Cell(r, col)
		pos := s.Pos(r, col)
		a := Amount{Pos: pos}
		switch {
		case c.MergedFrom != "":
			if !c.Empty() {
				any = true
				probs = append(probs, Problem{pos, fmt.Sprintf("the cell is merged with %s: a figure belongs in one cell; unmerge the cells", c.MergedFrom)})
			}
		case c.Formula && c.Empty():
			any = true
			probs = append(probs, Problem{pos, "the cell holds a formula saved without its result: open the file in Excel and save it again"})
		case c.Empty():
		default:
			any = true
			kr, empty, err := cellAmount(c, m.unit)
			if err != nil {
				var ae *AmountError
				if errors.As(err, &ae) {
					probs = append(probs, Problem{pos, ae.Message})
					continue
				}
				probs = append(probs, Problem{pos, err.Error()})
				continue
			}
			a.Kr, a.Set = kr, !empty
			a.Dash = empty && strings.TrimSpace(c.Raw) != "" // a dash, not blanks
		}
		out = append(out, a)
	}
	return out, probs, any
}

// cellAmount reads a cell's amount: a stored number as it is stored, a
// text as Norwegian spreadsheets write amounts.
func cellAmount(c Cell, unit Unit) (int64, bool, error) {
	if !c.Number {
		return ParseAmount(c.Raw, unit)
	}
	if t := strings.TrimSpace(c.Text); strings.HasSuffix(t, "%") {
		return 0, false, &AmountError{fmt.Sprintf("%q is a percentage, not an amount: the mapped column must hold amounts %s", t, unit.phrase())}
	}
	kr, err := numberAmount(c.Raw, unit)
	return kr, false, err
}

// labelWhere names the label columns for a message.
func (m *Mapping) labelWhere() string {
	var parts []string
	if m.cols.code != 0 {
		parts = append(parts, "the code in column "+ColumnName(m.cols.code))
	}
	if m.cols.name != 0 {
		parts = append(parts, "the name in column "+ColumnName(m.cols.name))
	}
	if m.cols.sub != 0 {
		parts = append(parts, "the sub-area in column "+ColumnName(m.cols.sub))
	}
	return strings.Join(parts, " or ")
}

// firstLabelCol is the leftmost label column.
func (m *Mapping) firstLabelCol() int {
	c := 0
	for _, n := range []int{m.cols.code, m.cols.name, m.cols.sub} {
		if n != 0 && (c == 0 || n < c) {
			c = n
		}
	}
	return c
}

// areaKey identifies an area regardless of case and spacing: by its code
// if it has one, else by its name; with its sub-area.
func areaKey(code, name, sub string) string {
	id := code
	if id == "" {
		id = name
	}
	return strings.ToLower(id) + "\x00" + strings.ToLower(sub)
}

// describe names an area for a message.
func describe(code, name, sub string) string {
	var parts []string
	for _, p := range []string{code, name} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	d := fmt.Sprintf("%q", strings.Join(parts, " "))
	if sub != "" {
		d += fmt.Sprintf(" / %q", sub)
	}
	return d
}

// isSum reports whether a label matches the mapping's sumrad.
func (m *Mapping) isSum(labels ...string) bool {
	for _, l := range labels {
		if m.sum != nil && l != "" && m.sum.MatchString(l) {
			return true
		}
	}
	return false
}

// sumRow finds the one row whose label matches sumrad, the printed total:
// none, or two, is a problem (the pattern must pick out one row).
func (m *Mapping) sumRow(s *Sheet) (*Row, []Problem) {
	if m.sum == nil {
		return nil, nil
	}
	var found *Row
	var probs []Problem
	for r := m.HeaderRow + 1; r <= len(s.Rows); r++ {
		code, name, sub := label(s.Cell(r, m.cols.code)), label(s.Cell(r, m.cols.name)), label(s.Cell(r, m.cols.sub))
		if !m.isSum(code, name, sub) {
			continue
		}
		pos := s.Pos(r, m.firstLabelCol())
		if found != nil {
			probs = append(probs, Problem{pos, fmt.Sprintf("this row matches sumrad %q too (the first is %s): make the pattern match only the printed total, e.g. \"^sum drift\"", m.SumRow, found.Pos)})
			continue
		}
		amounts, aprobs, _ := m.amounts(s, r)
		probs = append(probs, aprobs...)
		found = &Row{Code: code, Name: name, SubArea: sub, Pos: pos, Amounts: amounts}
	}
	if found == nil {
		probs = append(probs, Problem{m.at("sumrad"), fmt.Sprintf("sumrad %q matches no row under the header row: write a pattern for the label of the printed total, or leave sumrad out", m.SumRow)})
	}
	return found, probs
}
