// Package planimport owns writing a budget table read from a spreadsheet
// (package sheet) into one stage of an økonomiplan file,
// data/okonomiplan/ID.toml, in the form staff edit: the figures typed as
// the sheet shows them, in its unit, in the stage's [[stadium]] (or the
// top-level ramme of a file that keeps its vedtatt stage there). Only the
// stage's ramme (and, for a new stage or file, the keys that make it one)
// is written; every other byte of the file is kept. A figure that is
// already as the sheet says is not rewritten, so a second import of the
// same sheet changes nothing.
package planimport

import (
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/sheet"
	"github.com/openkommune/portal/tools/tomledit"
	"github.com/openkommune/portal/tools/tomlpos"
)

// Years is how many years an økonomiplan has.
const Years = 4

// Input is what an import needs.
type Input struct {
	Table   *sheet.Table
	Mapping *sheet.Mapping
	Areas   []record.Omrade // data/rammeomrader.toml
	File    string          // the plan file's name for messages, "data/okonomiplan/2026-2029.toml"
	Src     []byte          // the plan file as it is, or nil if there is none
}

// row is one area's figures as they are to be written, in the sheet's unit.
type row struct {
	id    string
	belop []int64
}

// Apply returns the plan file with the table's stage written, or every
// problem found (with its sheet!cell, mapping or file position).
func Apply(in Input) ([]byte, []sheet.Problem) {
	m := in.Mapping
	stage := record.StadiumType(m.Stage)
	var probs []sheet.Problem
	if !slices.Contains(record.StadiumTypeValues, string(stage)) {
		probs = append(probs, sheet.Problem{Pos: m.At("fase"), Message: fmt.Sprintf("fase = %q cannot be written into an økonomiplan: write one of %s (regulert and regnskap figures are written as [[regulering]] and [[regnskap]] by hand)", m.Stage, strings.Join(record.StadiumTypeValues, ", "))})
	}
	if m.Columns.SubArea != "" {
		probs = append(probs, sheet.Problem{Pos: m.At("kolonner.underomrade"), Message: "an økonomiplan has one frame per rammeområde: a table by sub-area cannot be written; map the rows with the areas' totals (leave underomrade out and skip the sub-area rows with hopp_over)"})
	}
	unit := money.Unit("kr")
	if m.UnitOf() == sheet.Thousand {
		unit = "1000kr"
	}
	var cur *record.Okonomiplan
	if in.Src != nil {
		cur = &record.Okonomiplan{}
		if _, err := toml.Decode(string(in.Src), cur); err != nil {
			return nil, append(probs, sheet.Problem{Pos: in.File, Message: fmt.Sprintf("cannot be read (%v): fix it first (portal check shows where)", err)})
		}
		probs = append(probs, unitProblems(in, cur, unit)...)
	}
	first := 0
	if cur != nil {
		first = cur.ForsteAr
	}
	cols, first, cprobs := planColumns(in.Table, m, first, in.File)
	probs = append(probs, cprobs...)
	rows, rprobs := figures(in, cols, m.UnitOf())
	probs = append(probs, rprobs...)
	sums, sprobs := printedSums(in, cur, cols, rows)
	probs = append(probs, sprobs...)
	if len(probs) > 0 {
		return nil, probs
	}
	if cur == nil {
		return newFile(m, stage, unit, first, rows, sums), nil
	}
	out, err := writeStage(in.Src, cur, m, stage, rows, sums)
	if err == nil {
		out, err = writeSum(out, m, stage, sums)
	}
	if err == nil && cur.Enhet == "" && unit != "kr" {
		out, err = setUnit(out, cur, unit)
	}
	if err != nil {
		return nil, []sheet.Problem{{Pos: in.File, Message: err.Error()}}
	}
	return out, nil
}

// setUnit gives a file without enhet (and without amounts) the sheet's,
// after its id and tittel.
func setUnit(src []byte, cur *record.Okonomiplan, unit money.Unit) ([]byte, error) {
	var kvs []tomledit.KV
	if cur.ID != "" {
		kvs = append(kvs, tomledit.KV{Key: "id", Value: tomledit.Text(cur.ID)})
	}
	if cur.Tittel != "" {
		kvs = append(kvs, tomledit.KV{Key: "tittel", Value: tomledit.Text(cur.Tittel)})
	}
	return tomledit.Set(src, append(kvs, tomledit.KV{Key: "enhet", Value: tomledit.Text(string(unit))}))
}

// unitProblems refuses to mix units: the figures are typed as the sheet
// shows them, so the file's enhet must be the sheet's. A file without
// enhet and without amounts takes the sheet's.
func unitProblems(in Input, cur *record.Okonomiplan, unit money.Unit) []sheet.Problem {
	have := cur.Enhet
	if have == "" {
		if hasAmounts(cur) || unit == "kr" {
			have = "kr"
		} else {
			return nil
		}
	}
	if have == unit {
		return nil
	}
	pos := in.File
	if ix := tomlpos.Parse(in.Src); ix.Has("enhet") {
		p := ix.Lookup("enhet")
		pos = fmt.Sprintf("%s:%d:%d", in.File, p.Line, p.Col)
	}
	return []sheet.Problem{{Pos: pos, Message: fmt.Sprintf("the file's figures are in %s and the sheet's in %s (%s): figures are typed as the sheet shows them, never rescaled; set enhet in the mapping to what the sheet says, or import into a plan file in %s",
		have, unit, in.Mapping.At("enhet"), unit)}}
}

func hasAmounts(o *record.Okonomiplan) bool {
	return o.Toleranse.Set || len(o.SumDriftsrammer) > 0 || len(o.Ramme) > 0 || len(o.Stadium) > 0 || len(o.Regulering) > 0 || len(o.Regnskap) > 0
}

// planColumns picks the year columns of the mapping's stage: the plan's
// years, from forste_ar (or, for a new file, the first such column) on,
// one column each, in order.
func planColumns(t *sheet.Table, m *sheet.Mapping, first int, file string) ([]int, int, []sheet.Problem) {
	var idx []int
	for i, y := range t.Years {
		if y.Stage == m.Stage {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return nil, first, []sheet.Problem{{Pos: m.At("arskolonne"), Message: fmt.Sprintf("no [[arskolonne]] has the stage %q: the plan's years are the columns of the mapping's fase", m.Stage)}}
	}
	where := "forste_ar of " + file
	if first == 0 {
		first = t.Years[idx[0]].Year
		where = "the first " + m.Stage + " column"
	}
	var probs []sheet.Problem
	for k, i := range idx {
		y := t.Years[i]
		want := first + k
		if k >= Years {
			probs = append(probs, sheet.Problem{Pos: posOf(t, y), Message: fmt.Sprintf("column %s is a %d. %s year (%d): an økonomiplan has %d years, %d–%d (%s); give this column its own fase or leave it out of [[arskolonne]]", y.Column, k+1, m.Stage, y.Year, Years, first, first+Years-1, where)})
			continue
		}
		if y.Year != want {
			probs = append(probs, sheet.Problem{Pos: posOf(t, y), Message: fmt.Sprintf("column %s is %d, but the plan's year %d is %d (%s): the %s columns must be the plan's years %d–%d in order", y.Column, y.Year, k+1, want, where, m.Stage, first, first+Years-1)})
		}
	}
	if len(idx) < Years {
		probs = append(probs, sheet.Problem{Pos: m.At("arskolonne"), Message: fmt.Sprintf("%d %s column(s): an økonomiplan has %d years, %d–%d (%s); map a column for each", len(idx), m.Stage, Years, first, first+Years-1, where)})
	}
	return idx, first, probs
}

// posOf is a year column's header cell.
func posOf(_ *sheet.Table, y sheet.Year) string { return y.Header }
