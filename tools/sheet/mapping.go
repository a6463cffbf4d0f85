package sheet

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/tomlpos"
)

// Mapping says where a budget table is in a workbook. A kommune writes it
// once (Guess proposes one) and keeps it beside its data:
//
//	ark = "HØP"              # the sheet; may be left out if there is one
//	overskriftsrad = 4       # the header row, as Excel numbers rows
//	enhet = "1000 kr"        # "kr" or "1000 kr"
//	fase = "vedtatt"         # the stage of the figures
//	hopp_over = ["^sum\\b"]  # rows whose label matches are skipped
//	sumrad = "^sum drift"    # optional: the one row that is the printed total
//	toleranse = 5            # optional: how far it may be from its rows
//
//	[kolonner]
//	kode = "A"               # area code (kode or navn or both)
//	navn = "B"               # area name
//	underomrade = "C"        # optional: the sub-area of a two-level table
//
//	[[arskolonne]]
//	kolonne = "D"
//	ar = 2026
//	fase = "regnskap"        # optional: this column's own stage
//
// To write the figures into data/okonomiplan/ID.toml (package planimport)
// the mapping also names the plan, and may name the sheet's areas:
//
//	okonomiplan = "2026-2029" # the plan file's id
//	navn = "Høyre"            # an alternativ's party or group
//	tittel = "Økonomiplan …"  # the title of a new plan file
//	dato = 2025-10-28         # a new forslag stage's date
//	dokument = "https://…"    # a new stage's document
//	vedtak = "kst-2025-110"   # a new innstilling, alternativ or vedtatt stage's vedtak
//
//	[omrader]
//	"10" = "oppvekst"         # a sheet's area code or name → rammeområde id
type Mapping struct {
	Sheet     string   `toml:"ark"`
	HeaderRow int      `toml:"overskriftsrad"`
	Unit      string   `toml:"enhet"`
	Stage     string   `toml:"fase"`
	Skip      []string `toml:"hopp_over"`
	// SumRow is a pattern for the one row that is the table's printed
	// total (planimport writes it as the stage's sum_driftsrammer), and
	// Tolerance how much it may differ from its rows (in the sheet's unit).
	SumRow    string            `toml:"sumrad"`
	Tolerance int64             `toml:"toleranse"`
	Columns   LabelColumns      `toml:"kolonner"`
	Years     []YearColumn      `toml:"arskolonne"`
	Plan      string            `toml:"okonomiplan"`
	Name      string            `toml:"navn"`
	Title     string            `toml:"tittel"`
	Areas     map[string]string `toml:"omrader"`
	Date      caldate.Date      `toml:"dato"`
	Document  string            `toml:"dokument"`
	Vedtak    string            `toml:"vedtak"`

	file string         // the mapping file's name, for positions
	pos  *tomlpos.Index // where each key is written
	unit Unit
	skip []*regexp.Regexp
	sum  *regexp.Regexp
	cols labelCols

	guessed *guessNotes // set by Guess
}

// LabelColumns name the columns that say which area a row is.
type LabelColumns struct {
	Code    string `toml:"kode"`
	Name    string `toml:"navn"`
	SubArea string `toml:"underomrade"`
}

// YearColumn is one column of figures for a year.
type YearColumn struct {
	Column string `toml:"kolonne"`
	Year   int    `toml:"ar"`
	Stage  string `toml:"fase"` // empty: the mapping's fase
}

// labelCols are the label columns as numbers (0: not mapped).
type labelCols struct{ code, name, sub int }

// Stages are the stages a figure can have, in the order a budget passes
// them: the administration's proposal, the committee's recommendation, the
// council's adopted budget, the budget as regulated during the year, and
// the accounts.
var Stages = []string{"forslag", "innstilling", "alternativ", "vedtatt", "regulert", "regnskap"}

// Problem is one thing wrong with a sheet or a mapping, at a position:
// "HØP!D14", "mapping.toml:3:1" or the file's name.
type Problem struct {
	Pos     string
	Message string
}

func (p Problem) String() string { return p.Pos + ": " + p.Message }

// DecodeMapping reads a mapping file strictly: a key the mapping does not
// have, a value of the wrong type or an invalid value is a problem with
// the file's line and column; every problem is reported.
func DecodeMapping(name string, src []byte) (*Mapping, []Problem) {
	m := &Mapping{file: name, pos: tomlpos.Parse(src)}
	md, err := toml.Decode(string(src), m)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, []Problem{{fmt.Sprintf("%s:%d:%d", name, pe.Position.Line, max(pe.Position.Col, 1)), pe.Message}}
		}
		return nil, []Problem{{name + ":1:1", err.Error()}}
	}
	var probs []Problem
	for _, k := range md.Undecoded() {
		probs = append(probs, Problem{m.keyPos(k), fmt.Sprintf("unknown key %q: a mapping has ark, overskriftsrad, enhet, fase, hopp_over, sumrad, toleranse, okonomiplan, navn, tittel, dato, dokument, vedtak, [omrader], [kolonner] (kode, navn, underomrade) and [[arskolonne]] (kolonne, ar, fase)", k.String())})
	}
	probs = append(probs, m.check()...)
	if len(probs) > 0 {
		return nil, probs
	}
	return m, nil
}

// keyPos finds where an undecoded key is written; keys under an array of
// tables are looked for in each element.
func (m *Mapping) keyPos(k toml.Key) string {
	if len(k) >= 2 && k[0] == "arskolonne" {
		for i := range m.Years {
			p := tomlpos.Join(tomlpos.Elem("arskolonne", i), strings.Join(k[1:], "."))
			if m.pos.Has(p) {
				return m.at(p)
			}
		}
	}
	return m.at(strings.Join(k, "."))
}

// At is the position of a key path in the mapping file, for messages.
func (m *Mapping) At(path string) string { return m.at(path) }

// UnitOf is the unit the sheet's figures are written in.
func (m *Mapping) UnitOf() Unit { return m.unit }

// StageOf is the stage of a year column.
func (m *Mapping) StageOf(y YearColumn) string { return m.stage(y) }

// at is the position of a key path in the mapping file.
func (m *Mapping) at(path string) string {
	if m.file == "" {
		return "mapping"
	}
	p := m.pos.Lookup(path)
	return fmt.Sprintf("%s:%d:%d", m.file, p.Line, p.Col)
}

// check validates the values and prepares them for Extract.
func (m *Mapping) check() []Problem {
	var probs []Problem
	bad := func(path, format string, args ...any) {
		probs = append(probs, Problem{m.at(path), fmt.Sprintf(format, args...)})
	}
	if m.HeaderRow < 1 || m.HeaderRow > maxRows {
		bad("overskriftsrad", "overskriftsrad = %d: give the row number of the header row (the row with the years), as Excel numbers rows, e.g. 4", m.HeaderRow)
	}
	var ok bool
	if m.unit, ok = parseUnit(m.Unit); !ok {
		bad("enhet", "enhet = %q: write \"kr\" or \"1000 kr\", the unit the sheet's figures are in", m.Unit)
	}
	if !slices.Contains(Stages, m.Stage) {
		bad("fase", "fase = %q: write one of %s", m.Stage, quoteList(Stages))
	}
	m.skip = nil
	for i, p := range m.Skip {
		re, err := regexp.Compile("(?i)" + p)
		if err != nil || len(p) > 200 {
			bad(tomlpos.Elem("hopp_over", i), "hopp_over %q is not a pattern: write a regular expression such as \"^sum\\\\b\" (%v)", p, err)
			continue
		}
		m.skip = append(m.skip, re)
	}
	m.sum = nil
	if m.SumRow != "" {
		re, err := regexp.Compile("(?i)" + m.SumRow)
		if err != nil || len(m.SumRow) > 200 {
			bad("sumrad", "sumrad %q is not a pattern: write a regular expression matching the printed total's label, such as \"^sum drift\" (%v)", m.SumRow, err)
		} else {
			m.sum = re
		}
	}
	if m.Tolerance < 0 {
		bad("toleranse", "toleranse = %d: a tolerance cannot be negative; write how much the printed total may differ from its rows, in the sheet's unit, e.g. 5", m.Tolerance)
	}
	used := map[int]string{}
	col := func(path, letters string) int {
		if letters == "" {
			return 0
		}
		n := ColumnNumber(letters)
		if n == 0 {
			bad(path, "%q is not a column: write its letters as Excel shows them, e.g. \"D\"", letters)
			return 0
		}
		if prev, dup := used[n]; dup {
			bad(path, "column %s is also %s: each column has one meaning", strings.ToUpper(letters), prev)
		}
		used[n] = path
		return n
	}
	m.cols = labelCols{
		code: col("kolonner.kode", m.Columns.Code),
		name: col("kolonner.navn", m.Columns.Name),
		sub:  col("kolonner.underomrade", m.Columns.SubArea),
	}
	if m.Columns.Code == "" && m.Columns.Name == "" {
		bad("kolonner", "[kolonner] needs kode or navn (or both): the column with the area's code or name")
	}
	if len(m.Years) == 0 {
		bad("arskolonne", "no [[arskolonne]]: list each column of figures with its kolonne and ar")
	}
	if m.Name != "" && m.Stage != "alternativ" {
		bad("navn", "navn = %q names an alternative's party or group: set fase = \"alternativ\", or leave navn out", m.Name)
	}
	if m.Stage == "alternativ" && m.Plan != "" && strings.TrimSpace(m.Name) == "" {
		bad("fase", "fase = \"alternativ\" needs navn: the party or group whose alternative budget the sheet is, e.g. navn = \"Høyre\"")
	}
	if m.Plan != "" && !planID.MatchString(m.Plan) {
		bad("okonomiplan", "okonomiplan = %q: write the plan file's id, as in data/okonomiplan/ID.toml, e.g. \"2026-2029\"", m.Plan)
	}
	if p := m.Date.Problem(); p != "" {
		bad("dato", "dato: %s", p)
	}
	for _, k := range slices.Sorted(maps.Keys(m.Areas)) {
		v := m.Areas[k]
		if strings.TrimSpace(k) == "" || strings.TrimSpace(v) == "" {
			bad("omrader", "[omrader] %q = %q: give a sheet's area code or name and the id of a rammeområde, e.g. \"10\" = \"oppvekst\"", k, v)
		}
	}
	seen := map[string]int{}
	for i, y := range m.Years {
		path := tomlpos.Elem("arskolonne", i)
		if y.Column == "" {
			bad(path, "[[arskolonne]] needs kolonne, e.g. kolonne = \"D\"")
		} else {
			col(tomlpos.Join(path, "kolonne"), y.Column)
		}
		if y.Year < 1900 || y.Year > 2200 {
			bad(tomlpos.Join(path, "ar"), "ar = %d: give the year of the column's figures, e.g. 2026", y.Year)
		}
		if y.Stage != "" && !slices.Contains(Stages, y.Stage) {
			bad(tomlpos.Join(path, "fase"), "fase = %q: write one of %s", y.Stage, quoteList(Stages))
		}
		key := fmt.Sprintf("%d %s", y.Year, m.stage(y))
		if j, dup := seen[key]; dup {
			bad(path, "year %d (%s) is also column %s: each year and stage once", y.Year, m.stage(y), m.Years[j].Column)
		}
		seen[key] = i
	}
	return probs
}

// planID is what a plan file's id may be (its file name without .toml).
var planID = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)

// stage is a year column's stage.
func (m *Mapping) stage(y YearColumn) string {
	if y.Stage != "" {
		return y.Stage
	}
	return m.Stage
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// SumPos is where the mapping's sumrad is written.
func (m *Mapping) SumPos() string { return m.at("sumrad") }
