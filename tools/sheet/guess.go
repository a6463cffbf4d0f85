package sheet

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// guessRows is how far down a sheet Guess looks for the header row.
const guessRows = 40

// Guess proposes a mapping from a grid: the header row is the row (in the
// first 40 of any sheet) with the most year headers ("2026", "Budsjett
// 2026", "Regnskap 2024", "Økonomiplan 2027"); the label columns are those
// left of the years, a column of codes being kode and columns of names
// navn and underomrade; the unit comes from a hint above the table ("i
// 1000 kr", "Beløp i 1 000 kroner"); sum rows present give hopp_over
// patterns. What Guess could not tell is marked CHECK in Mapping.TOML.
func Guess(g *Grid) (*Mapping, error) {
	s, hr, n := (*Sheet)(nil), 0, 0
	for _, sh := range g.Sheets {
		for r := 1; r <= min(guessRows, len(sh.Rows)); r++ {
			if k := len(yearCells(sh, r)); k > n {
				s, hr, n = sh, r, k
			}
		}
	}
	if s == nil {
		return nil, fmt.Errorf("%s: no row in the first %d rows of any sheet has years in its headers (\"2026\", \"Budsjett 2026\"): write the mapping by hand (docs/import.md)", g.File, guessRows)
	}
	m := &Mapping{HeaderRow: hr, guessed: &guessNotes{file: g.File, sheet: s.Name, years: map[int]string{}}}
	if s.pos == "" {
		m.Sheet = s.Name
	}
	m.guessStage(s)
	m.guessYears(s)
	m.guessLabels(s)
	m.guessUnit(s)
	m.guessSkip(s)
	return m, nil
}

// guessNotes are what Guess saw, written as comments by TOML.
type guessNotes struct {
	file, sheet string
	unit        string // where the unit came from, or a CHECK note
	stage       string
	labels      [3]string      // header texts of kode, navn, underomrade
	years       map[int]string // year column index → its header
	dropped     []string       // headers of columns not taken
}

// changeWords mark a header of a column of changes, not of figures.
var changeWords = []string{"endring", "avvik", "differanse", "vekst", "%", "prosent", "diff"}

// yearCells lists the columns of a row whose text is a year header.
func yearCells(s *Sheet, r int) []int {
	var cols []int
	if r > len(s.Rows) {
		return nil
	}
	for c := range s.Rows[r-1] {
		t := strings.ToLower(s.Rows[r-1][c].Text)
		if len(headerYears(t)) != 1 || len(t) > 60 {
			continue
		}
		change := false
		for _, w := range changeWords {
			change = change || strings.Contains(t, w)
		}
		if !change {
			cols = append(cols, c+1)
		}
	}
	return cols
}

// stageWords give a header's stage by a word in it, most specific first.
// Nynorsk headers say rekneskap, framlegg, tilråding, vedteke and
// opphavleg.
var stageWords = []struct{ word, stage string }{
	{"regnskap", "regnskap"},
	{"rekneskap", "regnskap"},
	{"regulert", "regulert"},
	{"revidert", "regulert"},
	{"justert", "regulert"},
	{"innstilling", "innstilling"},
	{"tilråding", "innstilling"},
	{"forslag", "forslag"},
	{"framlegg", "forslag"},
	{"vedtatt", "vedtatt"},
	{"vedteke", "vedtatt"},
	{"vedtekne", "vedtatt"},
	{"opprinnelig", "vedtatt"},
	{"opphavleg", "vedtatt"},
}

func stageOf(text string) string {
	t := strings.ToLower(text)
	for _, w := range stageWords {
		if strings.Contains(t, w.word) {
			return w.stage
		}
	}
	return ""
}

// guessStage takes the mapping's stage from the titles above the header,
// or from the header of a label column ("Løyvingsoversikt drift B -
// kommunedirektøren sitt forslag"), left of the first year column.
func (m *Mapping) guessStage(s *Sheet) {
	first := len(s.Rows[m.HeaderRow-1]) + 1
	if cols := yearCells(s, m.HeaderRow); len(cols) > 0 {
		first = cols[0]
	}
	for r := 1; r <= m.HeaderRow; r++ {
		last := len(s.Rows[r-1])
		if r == m.HeaderRow {
			last = first - 1
		}
		for c := 1; c <= last; c++ {
			if st := stageOf(s.Cell(r, c).Text); st != "" && st != "regnskap" {
				m.Stage = st
				m.guessed.stage = fmt.Sprintf("from %q (%s)", oneLine(s.Cell(r, c).Text), s.Pos(r, c))
				return
			}
		}
	}
	m.Stage = "vedtatt"
	m.guessed.stage = "CHECK: no stage found above the table; one of " + strings.Join(Stages, ", ")
}

// guessYears maps the header's year columns, each year and stage once.
func (m *Mapping) guessYears(s *Sheet) {
	seen := map[string]bool{}
	for _, c := range yearCells(s, m.HeaderRow) {
		h := s.Cell(m.HeaderRow, c).Text
		y := YearColumn{Column: ColumnName(c), Year: headerYears(h)[0], Stage: stageOf(h)}
		if y.Stage == m.Stage {
			y.Stage = ""
		}
		key := fmt.Sprintf("%d %s", y.Year, m.stage(y))
		if seen[key] {
			m.guessed.dropped = append(m.guessed.dropped, fmt.Sprintf("column %s (%q): the same year and stage as a column before it", y.Column, oneLine(h)))
			continue
		}
		seen[key] = true
		m.guessed.years[len(m.Years)] = oneLine(h)
		m.Years = append(m.Years, y)
	}
}

// codeRE is what an area code looks like: short, with a digit.
var codeRE = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z.\-]{0,11}$`)

// guessLabels picks the label columns left of the first year column.
func (m *Mapping) guessLabels(s *Sheet) {
	first := ColumnNumber(m.Years[0].Column)
	for c := 1; c < first; c++ {
		codes, texts := 0, 0
		for r := m.HeaderRow + 1; r <= len(s.Rows); r++ {
			t := label(s.Cell(r, c))
			switch {
			case t == "":
			case codeRE.MatchString(t) && strings.ContainsAny(t, "0123456789"):
				codes++
			default:
				texts++
			}
		}
		switch {
		case codes+texts == 0:
		case codes > texts && m.Columns.Code == "":
			m.Columns.Code = ColumnName(c)
			m.guessed.labels[0] = oneLine(s.Cell(m.HeaderRow, c).Text)
		case codes <= texts && m.Columns.Name == "":
			m.Columns.Name = ColumnName(c)
			m.guessed.labels[1] = oneLine(s.Cell(m.HeaderRow, c).Text)
		case codes <= texts && m.Columns.SubArea == "":
			m.Columns.SubArea = ColumnName(c)
			m.guessed.labels[2] = oneLine(s.Cell(m.HeaderRow, c).Text)
		}
	}
	if m.Columns.Code == "" && m.Columns.Name == "" {
		m.Columns.Name = "A"
		m.guessed.labels[1] = "CHECK: no column of area names or codes found left of the years"
	}
}

// unitHints map a hint, lower-cased with all spaces removed, to a unit.
var unitHints = []struct {
	re   *regexp.Regexp
	unit Unit
}{
	{regexp.MustCompile(`1000kr|1000kroner|1000nok|nok1000|tusenkr|tusenkroner|ihele1000|iheile1000|i1000\b|\(1000\)|tall?i1000|heile1000`), Thousand},
	{regexp.MustCompile(`(^|[^0-9])(ikr\b|ikroner|ihelekroner|beløpikr|\(kr\)|ikr\.|inok\b)`), Kr},
}

// guessUnit reads a unit hint in the rows down to the header, and in the
// row under it (a web page's table puts "alle tal i heile 1000" there).
func (m *Mapping) guessUnit(s *Sheet) {
	for r := 1; r <= min(m.HeaderRow+1, len(s.Rows)); r++ {
		for c := 1; c <= len(s.Rows[r-1]); c++ {
			t := strings.ToLower(strings.Map(func(r rune) rune {
				if unicode.IsSpace(r) || strings.ContainsRune(spaces, r) {
					return -1
				}
				return r
			}, s.Cell(r, c).Text))
			for _, h := range unitHints {
				if h.re.MatchString(t) {
					m.Unit = h.unit.String()
					m.guessed.unit = fmt.Sprintf("from %q (%s)", oneLine(s.Cell(r, c).Text), s.Pos(r, c))
					return
				}
			}
		}
	}
	m.Unit = Kr.String()
	m.guessed.unit = `CHECK: no unit found above or just under the header ("i 1000 kr"); "kr" or "1000 kr"`
}

// skipPatterns are proposed when a label matches them.
var skipPatterns = []string{`^sum\b`, `^totalt?\b`, `^i alt\b`, `^netto driftsramme`, `^sum$`}

// guessSkip proposes hopp_over for the sum rows present.
func (m *Mapping) guessSkip(s *Sheet) {
	for _, p := range skipPatterns {
		re := regexp.MustCompile("(?i)" + p)
		found := false
		for r := m.HeaderRow + 1; r <= len(s.Rows) && !found; r++ {
			for _, c := range []string{m.Columns.Code, m.Columns.Name, m.Columns.SubArea} {
				if c != "" && re.MatchString(label(s.Cell(r, ColumnNumber(c)))) {
					found = true
				}
			}
		}
		if found {
			m.Skip = append(m.Skip, p)
		}
	}
}

// oneLine makes a cell text fit a comment line.
func oneLine(s string) string {
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) }), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60]) + "…"
	}
	return s
}
