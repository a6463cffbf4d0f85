package export

import (
	"cmp"
	"slices"

	"github.com/openkommune/portal/tools/model"
)

// listArsregnskap is every area's årsregnskap per year with the budget
// beside it, from its one source: an årsregnskap file in data/regnskap/
// (with the budget columns it prints), or an økonomiplan's [[regnskap]]
// with periode arsregnskap (with the plan's adopted and regulated frame).
const listArsregnskap = "arsregnskap"

// Where a row's figures are typed.
const (
	kildeRegnskap    = "regnskap"
	kildeOkonomiplan = "okonomiplan"
)

type arsregnskapRow struct {
	ar                    int
	omrade                model.Ref
	niva                  model.Niva
	regnskap              int64
	regulert, opprinnelig *model.Kr
	kilde, kildeType      string
	enhet                 string
}

func arsregnskapRows(site *model.Site) []arsregnskapRow {
	var rows []arsregnskapRow
	for _, a := range site.Arsregnskap {
		for _, r := range a.Rader {
			rows = append(rows, arsregnskapRow{a.Ar, r.Omrade, model.Niva{Niva: r.Niva, Overordnet: r.Overordnet, Beregnet: r.Beregnet}, r.Regnskap.Kr, r.Regulert, r.Opprinnelig, a.Kilde, kildeRegnskap, a.Enhet})
		}
	}
	for _, o := range site.Okonomiplaner {
		for _, l := range o.Regnskap {
			if l.Periode != "arsregnskap" || l.Kilde != nil {
				continue // a tertial, or a line from an årsregnskap file (above)
			}
			row := arsregnskapRow{ar: l.Ar, omrade: l.Omrade, regnskap: l.Regnskap.Kr, kilde: o.Kilde, kildeType: kildeOkonomiplan, enhet: o.Enhet}
			reg := l.Ramme
			row.regulert = &reg
			for _, line := range o.Rammer {
				if i := slices.Index(o.Ar, l.Ar); line.Omrade.ID == l.Omrade.ID && i >= 0 && i < len(line.Vedtatt) {
					v := line.Vedtatt[i]
					row.opprinnelig, row.niva = &v, line.Niva
				}
			}
			rows = append(rows, row)
		}
	}
	slices.SortStableFunc(rows, func(a, b arsregnskapRow) int { return cmp.Compare(a.ar, b.ar) })
	return rows
}

func optionalAmount(k *model.Kr) cell {
	if k == nil {
		return null()
	}
	return amount(k.Kr)
}

func arsregnskapTable(site *model.Site) *table {
	type R = arsregnskapRow
	cols := []column[R]{
		{fAr, func(r R) cell { return intOf(r.ar) }},
		{fOmrade, func(r R) cell { return str(r.omrade.ID) }},
		{fOmradeNavn, func(r R) cell { return str(r.omrade.Tittel) }},
		{field{name: "overordnet", typ: tString,
			title: "export_rammer_overordnet",
			desc:  "export_rammer_overordnet_desc"},
			func(r R) cell { return str(r.niva.Overordnet) }},
		{field{name: "niva", typ: tInteger, required: true, minimum: minimum(0),
			title: "export_rammer_niva",
			desc:  "export_rammer_niva_desc"},
			func(r R) cell { return intOf(r.niva.Niva) }},
		{field{name: "beregnet", typ: tBoolean, required: true,
			title: "export_arsregnskap_beregnet",
			desc:  "export_arsregnskap_beregnet_desc"},
			func(r R) cell { return boolean(r.niva.Beregnet) }},
		{field{name: "regnskap", typ: tInteger, required: true,
			title: "export_arsregnskap_regnskap",
			desc:  "export_arsregnskap_regnskap_desc"},
			func(r R) cell { return amount(r.regnskap) }},
		{field{name: "regulert", typ: tInteger,
			title: "export_arsregnskap_regulert",
			desc:  "export_arsregnskap_regulert_desc"},
			func(r R) cell { return optionalAmount(r.regulert) }},
		{field{name: "opprinnelig", typ: tInteger,
			title: "export_arsregnskap_opprinnelig",
			desc:  "export_arsregnskap_opprinnelig_desc"},
			func(r R) cell { return optionalAmount(r.opprinnelig) }},
		{field{name: "kilde_type", typ: tString, required: true, enum: []string{kildeRegnskap, kildeOkonomiplan},
			title: "export_arsregnskap_kilde_type",
			desc:  "export_arsregnskap_kilde_type_desc"},
			func(r R) cell { return str(r.kildeType) }},
		{field{name: "kilde", typ: tString, required: true,
			title: "export_arsregnskap_kilde",
			desc:  "export_arsregnskap_kilde_desc"},
			func(r R) cell { return str(r.kilde) }},
		{field{name: "kilde_enhet", typ: tString, required: true, enum: []string{"kr", "1000kr"},
			title: "export_stadier_kilde_enhet",
			desc:  "export_stadier_kilde_enhet_desc"},
			func(r R) cell {
				if r.enhet == "" {
					return str("kr")
				}
				return str(r.enhet)
			}},
	}
	t := newTable(listArsregnskap,
		"export_arsregnskap",
		"export_arsregnskap_desc",
		cols, arsregnskapRows(site))
	t.primaryKey = []string{"ar", "omrade"}
	return t
}
