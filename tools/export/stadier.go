package export

import (
	"strings"

	"github.com/openkommune/portal/tools/compile"
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

type stadieRow struct {
	o      *compile.Okonomiplan
	s      *compile.Stadium // nil for a regulert row
	omrade compile.Ref
	i      int // year index
	belop  compile.Kr
}

// id is the stage's id within its plan: "forslag", "alternativ-2", "regulert".
func (r stadieRow) id() string {
	if r.s == nil {
		return string(record.Regulert)
	}
	return strings.TrimPrefix(r.s.Anker, "stadium-")
}

func stadieTable(site *compile.Site) *table {
	var rows []stadieRow
	for _, o := range site.Okonomiplaner {
		for si := range o.Stadier {
			s := &o.Stadier[si]
			for _, line := range s.Rammer {
				for i, b := range line.Belop {
					if i < len(o.Ar) {
						rows = append(rows, stadieRow{o, s, line.Omrade, i, b})
					}
				}
			}
		}
		for _, line := range o.Rammer {
			for i, b := range line.Regulert {
				if i < len(o.Ar) {
					rows = append(rows, stadieRow{o, nil, line.Omrade, i, b})
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
		{fOmrade, func(r stadieRow) cell { return str(r.omrade.ID) }},
		{fOmradeNavn, func(r stadieRow) cell { return str(r.omrade.Tittel) }},
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
	t.primaryKey = []string{"okonomiplan", "stadium_id", "omrade", "ar"}
	t.foreignKeys = []foreignKey{{fields: []string{"vedtak"}, resource: listVedtak, refFields: []string{"id"}}}
	return t
}
