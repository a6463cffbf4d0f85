package oversikt

import (
	"fmt"
	"strconv"

	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
)

// Units are the units a table may be printed in, with their factor to
// kroner.
var Units = map[string]int64{"kr": 1, "1000kr": 1000}

// UnitValues lists the units.
var UnitValues = []string{"kr", "1000kr"}

// MaxToleranse bounds the rounding tolerance, in the unit: rounding per
// row moves a sum of 27 lines by at most 14; a larger tolerance would hide
// a typing error.
const MaxToleranse = 100

// ColumnKind says what a column's figures are, for reconciliation.
type ColumnKind string

const (
	KindRegnskap ColumnKind = "regnskap" // accounts
	KindVedtatt  ColumnKind = "vedtatt"  // the budget as adopted
	KindRegulert ColumnKind = "regulert" // the budget after the year's reguleringer
	// KindForslag and KindInnstilling are the budget of a budget
	// document's own years at the stage forslag or innstilling (Column
	// turns KindVedtatt into them): never labelled adopted.
	KindForslag     ColumnKind = "forslag"
	KindInnstilling ColumnKind = "innstilling"
	// KindBudsjett is last year's budget as an årsbudsjett or økonomiplan
	// prints it, adopted or regulated as the document chose: shown, not
	// reconciled.
	KindBudsjett ColumnKind = "budsjett"
)

// Column is one column of an oversikt.
type Column struct {
	Code string // as written in kolonner
	Year int
	Kind ColumnKind
}

// The column codes each document may print, and the year offset of each.
var columnCodes = map[record.OversiktDokument]map[string]struct {
	offset int
	kind   ColumnKind
}{
	record.DokArsregnskap: {
		"regnskap": {0, KindRegnskap}, "regulert": {0, KindRegulert}, "opprinnelig": {0, KindVedtatt},
		"regnskap_i_fjor": {-1, KindRegnskap},
	},
	// A budget is made in the autumn before its year, so the newest
	// closed accounts it prints are usually those of two years before
	// (HØP 2024–2027: "Regnskap 2022", "Budsjett 2023").
	record.DokArsbudsjett: {
		"budsjett": {0, KindVedtatt}, "budsjett_i_fjor": {-1, KindBudsjett}, "regnskap_i_fjor": {-1, KindRegnskap},
		"regnskap_i_forfjor": {-2, KindRegnskap},
	},
	record.DokOkonomiplan: {
		"budsjett_i_fjor": {-1, KindBudsjett}, "regnskap_i_fjor": {-1, KindRegnskap}, "regnskap_i_forfjor": {-2, KindRegnskap},
	},
}

// ColumnCodes lists the codes a document's kolonner may use, for messages
// and the documentation.
func ColumnCodes(d record.OversiktDokument) string {
	switch d {
	case record.DokArsregnskap:
		return `"regnskap", "regulert", "opprinnelig", "regnskap_i_fjor"`
	case record.DokArsbudsjett:
		return `"budsjett", "budsjett_i_fjor", "regnskap_i_fjor", "regnskap_i_forfjor"`
	case record.DokOkonomiplan:
		return `one plan year per column ("2026", "2027", …), and "budsjett_i_fjor", "regnskap_i_fjor", "regnskap_i_forfjor"`
	}
	return ""
}

// ParseColumn reads one code of kolonner for a document of year ar.
func ParseColumn(d record.OversiktDokument, ar int, code string) (Column, error) {
	if c, ok := columnCodes[d][code]; ok {
		kind := c.kind
		if d == record.DokOkonomiplan && c.offset == 0 {
			kind = KindVedtatt
		}
		return Column{Code: code, Year: ar + c.offset, Kind: kind}, nil
	}
	if d == record.DokOkonomiplan {
		y, err := strconv.Atoi(code)
		if err == nil && y >= ar && y < ar+record.PlanYears && strconv.Itoa(y) == code {
			return Column{Code: code, Year: y, Kind: KindVedtatt}, nil
		}
		return Column{}, fmt.Errorf("column %q is not a year of the plan %d–%d nor one of %s", code, ar, ar+record.PlanYears-1, ColumnCodes(d))
	}
	return Column{}, fmt.Errorf("column %q is not one an %s prints: write one of %s", code, d, ColumnCodes(d))
}

// OversiktColumn reads one code of o's kolonner: ParseColumn, with a budget
// document's own budget columns at the oversikt's stage (a forslag's
// "2026" is KindForslag, never KindVedtatt).
func OversiktColumn(o *record.Oversikt, code string) (Column, error) {
	col, err := ParseColumn(o.Dokument, o.Ar, code)
	if err == nil && o.Dokument != record.DokArsregnskap && col.Kind == KindVedtatt {
		col.Kind = ColumnKind(stage(o))
	}
	return col, err
}

// Budgeted reports whether the column holds a budget at a stage whose
// frames are in data/okonomiplan: forslag, innstilling, vedtatt or
// regulert (not accounts, nor last year's budget as a budget document
// prints it).
func (c Column) Budgeted() bool {
	switch c.Kind {
	case KindForslag, KindInnstilling, KindVedtatt, KindRegulert:
		return true
	}
	return false
}

// ToKr converts a figure printed in unit to kroner exactly, and reports
// whether it stays within ±money.Max.
func ToKr(n int64, unit string) (int64, bool) {
	f, ok := Units[unit]
	if !ok {
		return 0, false
	}
	if n > money.Max/f || n < -money.Max/f {
		return 0, false
	}
	return n * f, true
}
