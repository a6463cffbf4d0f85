package export

import (
	"github.com/openkommune/portal/tools/model"
)

// The lists of the bevilgningsoversikter and the projects' yearly
// bevilgninger.
const (
	listOversikter        = "oversikter"
	listBevilgninger      = "bevilgninger"
	listBevilgningerPerAr = "bevilgninger_per_ar"
)

// oversiktRow is one figure of an oversikt: a line in a column.
type oversiktRow struct {
	o    *model.Oversikt
	del  string
	line *model.Oversiktslinje
	rad  int // the line's place in its part as printed, from 1
	i    int // the column
}

func oversiktTable(site *model.Site) *table {
	var rows []oversiktRow
	for _, o := range site.Oversikter {
		for _, d := range []struct {
			name string
			part *model.Oversikts
		}{{"drift", o.Drift}, {"investering", o.Investering}} {
			if d.part == nil {
				continue
			}
			for li := range d.part.Linjer {
				line := &d.part.Linjer[li]
				for i := range o.Kolonner {
					if i < len(line.Belop) && i < len(line.Trykt) {
						rows = append(rows, oversiktRow{o, d.name, line, li + 1, i})
					}
				}
			}
		}
	}
	cols := []column[oversiktRow]{
		{field{name: "oversikt", typ: tString, required: true,
			title: "export_oversikter_oversikt",
			desc:  "export_oversikter_oversikt_desc"},
			func(r oversiktRow) cell { return str(r.o.ID) }},
		{field{name: "dokument", typ: tString, required: true, enum: []string{"arsregnskap", "arsbudsjett", "okonomiplan"},
			title: "export_oversikter_dokument",
			desc:  "export_oversikter_dokument_desc"},
			func(r oversiktRow) cell { return str(r.o.Dokument) }},
		{field{name: "stadium", typ: tString, required: true, enum: []string{"regnskap", "forslag", "innstilling", "vedtatt"},
			title: "export_oversikter_stadium",
			desc:  "export_oversikter_stadium_desc"},
			func(r oversiktRow) cell { return str(r.o.Stadium) }},
		{field{name: "oppsett", typ: tString, required: true,
			title: "export_oversikter_oppsett",
			desc:  "export_oversikter_oppsett_desc"},
			func(r oversiktRow) cell { return str(r.o.Oppsett) }},
		{field{name: "del", typ: tString, required: true, enum: []string{"drift", "investering"},
			title: "export_oversikter_del",
			desc:  "export_oversikter_del_desc"},
			func(r oversiktRow) cell { return str(r.del) }},
		{field{name: "rad", typ: tInteger, required: true, minimum: minimum(1),
			title: "export_oversikter_rad",
			desc:  "export_oversikter_rad_desc"},
			func(r oversiktRow) cell { return intOf(r.rad) }},
		{field{name: "linje", typ: tInteger, minimum: minimum(1),
			title: "export_oversikter_linje",
			desc:  "export_oversikter_linje_desc"},
			func(r oversiktRow) cell {
				if r.line.Ekstra {
					return null()
				}
				return intOf(r.line.Nr)
			}},
		{field{name: "ekstra", typ: tBoolean, required: true,
			title: "export_oversikter_ekstra",
			desc:  "export_oversikter_ekstra_desc"},
			func(r oversiktRow) cell { return boolean(r.line.Ekstra) }},
		{field{name: "inngar_i", typ: tInteger, minimum: minimum(1),
			title: "export_oversikter_inngar_i",
			desc:  "export_oversikter_inngar_i_desc"},
			func(r oversiktRow) cell {
				if !r.line.Ekstra {
					return null()
				}
				return intOf(r.line.InngarI)
			}},
		{field{name: "navn", typ: tString, required: true,
			title: "export_oversikter_navn",
			desc:  "export_oversikter_navn_desc"},
			func(r oversiktRow) cell { return str(r.line.Navn) }},
		{field{name: "kolonne", typ: tString, required: true,
			title: "export_oversikter_kolonne",
			desc:  "export_oversikter_kolonne_desc"},
			func(r oversiktRow) cell { return str(r.o.Kolonner[r.i].Kode) }},
		{fAr, func(r oversiktRow) cell { return intOf(r.o.Kolonner[r.i].Ar) }},
		{field{name: "type", typ: tString, required: true, enum: []string{"regnskap", "forslag", "innstilling", "vedtatt", "regulert", "budsjett"},
			title: "export_oversikter_type",
			desc:  "export_oversikter_type_desc"},
			func(r oversiktRow) cell { return str(r.o.Kolonner[r.i].Type) }},
		{field{name: "belop", typ: tInteger, required: true,
			title: "export_oversikter_belop",
			desc:  "export_oversikter_belop_desc"},
			func(r oversiktRow) cell { return amount(r.line.Belop[r.i].Kr) }},
		{field{name: "trykt", typ: tInteger, required: true,
			title: "export_oversikter_trykt",
			desc:  "export_oversikter_trykt_desc"},
			func(r oversiktRow) cell { return integer(r.line.Trykt[r.i]) }},
		{field{name: "enhet", typ: tString, required: true, enum: []string{"kr", "1000kr"},
			title: "export_oversikter_enhet",
			desc:  "export_oversikter_enhet_desc"},
			func(r oversiktRow) cell { return str(r.o.Enhet) }},
		{field{name: "fortegn", typ: tString, required: true, enum: []string{"standard", "inntekt_negativ", "utgift_negativ"},
			title: "export_oversikter_fortegn",
			desc:  "export_oversikter_fortegn_desc"},
			func(r oversiktRow) cell { return str(r.o.Fortegn) }},
		{field{name: "beregnet", typ: tInteger,
			title: "export_oversikter_beregnet",
			desc:  "export_oversikter_beregnet_desc"},
			func(r oversiktRow) cell {
				if r.i < len(r.line.Beregnet) {
					return amount(r.line.Beregnet[r.i].Kr)
				}
				return null()
			}},
		{field{name: "avrunding", typ: tInteger,
			title: "export_oversikter_avrunding",
			desc:  "export_oversikter_avrunding_desc"},
			func(r oversiktRow) cell {
				if r.i < len(r.line.Avrunding) {
					return amount(r.line.Avrunding[r.i].Kr)
				}
				return null()
			}},
		{fSide, func(r oversiktRow) cell { return str(r.o.Path) }},
	}
	t := newTable(listOversikter,
		"export_oversikter",
		"export_oversikter_desc",
		cols, rows)
	t.primaryKey = []string{"oversikt", "del", "rad", "kolonne"}
	return t
}

// bevilgningRow is one yearly bevilgning of a project.
type bevilgningRow struct {
	p  *model.Prosjekt
	b  *model.Bevilgning
	nr int // its place in the project's list, from 1
}

func bevilgningTable(site *model.Site) *table {
	var rows []bevilgningRow
	for _, p := range site.Prosjekter {
		for i := range p.Bevilgninger {
			rows = append(rows, bevilgningRow{p, &p.Bevilgninger[i], i + 1})
		}
	}
	cols := []column[bevilgningRow]{
		{field{name: "prosjekt", typ: tString, required: true,
			title: "export_bevilgninger_prosjekt",
			desc:  "export_bevilgninger_prosjekt_desc"},
			func(r bevilgningRow) cell { return str(r.p.ID) }},
		{field{name: "nr", typ: tInteger, required: true, minimum: minimum(1),
			title: "export_bevilgninger_nr",
			desc:  "export_bevilgninger_nr_desc"},
			func(r bevilgningRow) cell { return intOf(r.nr) }},
		{field{name: "prosjekt_navn", typ: tString, required: true,
			title: "export_bevilgninger_prosjekt_navn",
			desc:  "export_bevilgninger_prosjekt_navn_desc"},
			func(r bevilgningRow) cell { return str(r.p.Navn) }},
		{field{name: "omrade", typ: tString,
			title: "export_field_omrade",
			desc:  "export_field_omrade_desc"},
			func(r bevilgningRow) cell { return str(r.p.Omrade.ID) }},
		{fAr, func(r bevilgningRow) cell { return intOf(r.b.Ar) }},
		{field{name: "belop", typ: tInteger, required: true,
			title: "export_bevilgninger_belop",
			desc:  "export_bevilgninger_belop_desc"},
			func(r bevilgningRow) cell { return amount(r.b.Belop.Kr) }},
		{field{name: "vedtak", typ: tString, required: true,
			title: "export_bevilgninger_vedtak",
			desc:  "export_bevilgninger_vedtak_desc"},
			func(r bevilgningRow) cell { return str(r.b.Vedtak.ID) }},
		{field{name: "investeringslinje", typ: tInteger, required: true, minimum: minimum(1),
			title: "export_bevilgninger_investeringslinje",
			desc:  "export_bevilgninger_investeringslinje_desc"},
			func(r bevilgningRow) cell { return intOf(r.p.Investeringslinje) }},
		{fSide, func(r bevilgningRow) cell { return str(r.p.Path) }},
	}
	t := newTable(listBevilgninger,
		"export_bevilgninger",
		"export_bevilgninger_desc",
		cols, rows)
	t.primaryKey = []string{"prosjekt", "nr"}
	return t
}

// perArRow is one area's bevilgninger in one year; a year the area has no
// bevilgning in is a row with an empty amount, never 0.
type perArRow struct {
	inv *model.Investering
	a   *model.InvesteringOmrade // nil for the total row
	i   int
}

func bevilgningPerArTable(site *model.Site) *table {
	inv := &site.Investering
	var rows []perArRow
	for i := range inv.Ar {
		for ai := range inv.Omrader {
			rows = append(rows, perArRow{inv, &inv.Omrader[ai], i})
		}
		rows = append(rows, perArRow{inv, nil, i})
	}
	cols := []column[perArRow]{
		{fAr, func(r perArRow) cell { return intOf(r.inv.Ar[r.i]) }},
		{field{name: "omrade", typ: tString,
			title: "export_bevilgninger_per_ar_omrade",
			desc:  "export_bevilgninger_per_ar_omrade_desc"},
			func(r perArRow) cell {
				if r.a == nil {
					return str("sum")
				}
				return str(r.a.Omrade.ID)
			}},
		{field{name: "omrade_navn", typ: tString,
			title: "export_field_omrade_navn",
			desc:  "export_field_omrade_navn_desc"},
			func(r perArRow) cell {
				if r.a == nil {
					return null()
				}
				return str(r.a.Omrade.Tittel)
			}},
		{field{name: "belop", typ: tInteger,
			title: "export_bevilgninger_per_ar_belop",
			desc:  "export_bevilgninger_per_ar_belop_desc"},
			func(r perArRow) cell {
				if r.a == nil {
					return amount(r.inv.Sum[r.i].Kr)
				}
				return kr(r.a.Belop[r.i])
			}},
	}
	t := newTable(listBevilgningerPerAr,
		"export_bevilgninger_per_ar",
		"export_bevilgninger_per_ar_desc",
		cols, rows)
	t.primaryKey = []string{"ar", "omrade"}
	return t
}
