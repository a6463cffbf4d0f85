package export

import (
	"strings"

	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/record"
)

// listStadier is every økonomiplan's frames per area and year at each
// stage (the Fiscal Data Package's "phase"): forslag, innstilling, each
// alternative, vedtatt, and regulert (the vedtatt frame after the
// reguleringer decided so far). A plan not adopted has no vedtatt or
// regulert rows.
const listStadier = "budsjettstadier"

// stadierValues are the stages a row can be at.
var stadierValues = []string{string(record.Forslag), string(record.Innstilling), string(record.Alternativ), string(record.Vedtatt), string(record.Regulert)}

// The kinds of row (the column linje): an area's frame, or one of the
// stage's totals of a year: the sum as printed in the source, the sum
// computed from the top-level areas, and the rounding difference
// (printed − computed).
const (
	linjeRamme       = "ramme"
	linjeSumTrykt    = "sum_trykt"
	linjeSumUtregnet = "sum_utregnet"
	linjeAvrunding   = "avrunding"
)

var linjeValues = []string{linjeRamme, linjeSumTrykt, linjeSumUtregnet, linjeAvrunding}

type stadieRow struct {
	o      *model.Okonomiplan
	s      *model.Stadium // nil for a regulert row
	linje  string
	omrade model.Ref // empty for a sum row
	i      int       // year index
	belop  model.Kr
}

// id is the stage's id within its plan: "forslag", "alternativ-2", "regulert".
func (r stadieRow) id() string {
	if r.s == nil {
		return string(record.Regulert)
	}
	return strings.TrimPrefix(r.s.Anker, "stadium-")
}

func stadieTable(site *model.Site) *table {
	var rows []stadieRow
	for _, o := range site.Okonomiplaner {
		for si := range o.Stadier {
			s := &o.Stadier[si]
			for _, line := range s.Rammer {
				for i, b := range line.Belop {
					if i < len(o.Ar) {
						rows = append(rows, stadieRow{o, s, linjeRamme, line.Omrade, i, b})
					}
				}
			}
			rows = append(rows, stageSumRows(o, s)...)
		}
		for _, line := range o.Rammer {
			for i, b := range line.Regulert {
				if i < len(o.Ar) {
					rows = append(rows, stadieRow{o, nil, linjeRamme, line.Omrade, i, b})
				}
			}
		}
		if len(o.Rammer) > 0 {
			for i, b := range o.SumRegulert {
				if i < len(o.Ar) {
					rows = append(rows, stadieRow{o, nil, linjeSumUtregnet, model.Ref{}, i, b})
				}
			}
		}
	}
	cols := []column[stadieRow]{
		{fOkonomiplan, func(r stadieRow) cell { return str(r.o.ID) }},
		{field{name: "stadium", typ: tString, required: true, enum: stadierValues,
			title: "export_stadier_stadium",
			desc:  "export_stadier_stadium_desc"},
			func(r stadieRow) cell {
				if r.s == nil {
					return str(string(record.Regulert))
				}
				return str(r.s.Type)
			}},
		{field{name: "stadium_id", typ: tString, required: true,
			title: "export_stadier_stadium_id",
			desc:  "export_stadier_stadium_id_desc"},
			func(r stadieRow) cell { return str(r.id()) }},
		{field{name: "stadium_navn", typ: tString,
			title: "export_stadier_stadium_navn",
			desc:  "export_stadier_stadium_navn_desc"},
			func(r stadieRow) cell {
				if r.s == nil {
					return null()
				}
				return str(r.s.Navn)
			}},
		{field{name: "linje", typ: tString, required: true, enum: linjeValues,
			title: "export_stadier_linje",
			desc:  "export_stadier_linje_desc"},
			func(r stadieRow) cell { return str(r.linje) }},
		{field{name: "rad", typ: tString, required: true,
			title: "export_stadier_rad",
			desc:  "export_stadier_rad_desc"},
			func(r stadieRow) cell {
				if r.linje == linjeRamme {
					return str(r.omrade.ID)
				}
				return str(r.linje)
			}},
		{optional(fOmrade), func(r stadieRow) cell { return orNull(r.omrade.ID) }},
		{optional(fOmradeNavn), func(r stadieRow) cell { return orNull(r.omrade.Tittel) }},
		{fAr, func(r stadieRow) cell { return intOf(r.o.Ar[r.i]) }},
		{field{name: "belop", typ: tInteger, required: true,
			title: "export_stadier_belop",
			desc:  "export_stadier_belop_desc"},
			func(r stadieRow) cell { return amount(r.belop.Kr) }},
		{field{name: "kilde_enhet", typ: tString, required: true, enum: []string{"kr", "1000kr"},
			title: "export_stadier_kilde_enhet",
			desc:  "export_stadier_kilde_enhet_desc"},
			func(r stadieRow) cell { return str(r.o.Enhet) }},
		{field{name: "vedtak", typ: tString,
			title: "export_stadier_vedtak",
			desc:  "export_stadier_vedtak_desc"},
			func(r stadieRow) cell {
				if r.s == nil || r.s.Vedtak == nil {
					return null()
				}
				return str(r.s.Vedtak.ID)
			}},
		{field{name: "dokument", typ: tString,
			title: "export_stadier_dokument",
			desc:  "export_stadier_dokument_desc"},
			func(r stadieRow) cell {
				if r.s == nil {
					return null()
				}
				return str(r.s.Dokument)
			}},
	}
	t := newTable(listStadier,
		"export_stadier",
		"export_stadier_desc",
		cols, rows)
	// A sum row has no omrade, so the key is rad: the area for a frame,
	// the kind of sum for a sum row.
	t.primaryKey = []string{"okonomiplan", "stadium_id", "linje", "rad", "ar"}
	t.foreignKeys = []foreignKey{{fields: []string{"vedtak"}, resource: listVedtak, refFields: []string{"id"}}}
	return t
}

// stageSumRows are a stage's totals per year: the computed sum of its
// top-level areas, and where the source prints a sum, the printed sum and
// the rounding difference. A stage without frames has no computed sum.
func stageSumRows(o *model.Okonomiplan, s *model.Stadium) []stadieRow {
	var rows []stadieRow
	for i := range o.Ar {
		if len(s.Rammer) > 0 && i < len(s.Sum) {
			rows = append(rows, stadieRow{o, s, linjeSumUtregnet, model.Ref{}, i, s.Sum[i]})
		}
		if i < len(s.SumOppgitt) {
			rows = append(rows, stadieRow{o, s, linjeSumTrykt, model.Ref{}, i, s.SumOppgitt[i]})
		}
		if len(s.Rammer) > 0 && i < len(s.Avrunding) {
			rows = append(rows, stadieRow{o, s, linjeAvrunding, model.Ref{}, i, s.Avrunding[i]})
		}
	}
	return rows
}

// orNull is s, or an empty cell for "".
func orNull(s string) cell {
	if s == "" {
		return null()
	}
	return str(s)
}
