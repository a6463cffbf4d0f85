package export

import (
	"github.com/openkommune/portal/tools/endring"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/record"
)

// The lists of reports and of what changed between them (issue 15).
const (
	listRapporter         = "rapporter"
	listEndringer         = "endringer"
	listPrognosehistorikk = "prognosehistorikk"
)

func rapportTable(site *model.Site) *table {
	type R = *model.Rapport
	cols := []column[R]{
		{field{name: "id", typ: tString, required: true, unique: true,
			title: "export_rapporter_id", desc: "export_rapporter_id_desc"},
			func(r R) cell { return str(r.ID) }},
		{field{name: "type", typ: tString, required: true, enum: record.RapportTypeValues,
			title: "export_rapporter_type", desc: "export_rapporter_type_desc"},
			func(r R) cell { return str(r.Type) }},
		{field{name: "tittel", typ: tString, required: true,
			title: "export_rapporter_tittel", desc: "export_rapporter_tittel_desc"},
			func(r R) cell { return str(r.Tittel) }},
		{withDesc(fAr, "export_rapporter_ar_desc"), func(r R) cell { return yearOf(r.Ar) }},
		{field{name: "tertial", typ: tInteger,
			title: "export_rapporter_tertial", desc: "export_rapporter_tertial_desc"},
			func(r R) cell {
				if r.Tertial == 0 {
					return null()
				}
				return intOf(r.Tertial)
			}},
		{field{name: "dato", typ: tDate, required: true,
			title: "export_rapporter_dato", desc: "export_rapporter_dato_desc"},
			func(r R) cell { return date(r.Dato.ISO) }},
		{field{name: "vedtak", typ: tString,
			title: "export_rapporter_vedtak", desc: "export_rapporter_vedtak_desc"},
			func(r R) cell { return refID(r.Vedtak) }},
		{field{name: "forrige", typ: tString,
			title: "export_rapporter_forrige", desc: "export_rapporter_forrige_desc"},
			func(r R) cell { return refID(r.Forrige) }},
		{count("endringer", "export_rapporter_endringer", "export_rapporter_endringer_desc"),
			func(r R) cell { return intOf(len(r.Endringer)) }},
		{field{name: "url", typ: tString,
			title: "export_rapporter_url", desc: "export_rapporter_url_desc"},
			func(r R) cell { return str(r.URL) }},
		{fSide, func(r R) cell { return str(r.Path) }},
	}
	t := newTable(listRapporter, "export_rapporter", "export_rapporter_desc", cols, site.Rapporter)
	t.primaryKey = []string{"id"}
	t.foreignKeys = []foreignKey{
		{fields: []string{"vedtak"}, resource: listVedtak, refFields: []string{"id"}},
		{fields: []string{"forrige"}, resource: "", refFields: []string{"id"}},
	}
	return t
}

// endringRow is one change with its report.
type endringRow struct {
	r  *model.Rapport
	nr int // the change's place in the report, 1 for the largest
	e  model.Endring
}

func endringTable(site *model.Site) *table {
	var rows []endringRow
	for _, r := range site.Rapporter {
		for i, e := range r.Endringer {
			rows = append(rows, endringRow{r, i + 1, e})
		}
	}
	kinds := make([]string, len(endring.Kinds))
	for i, k := range endring.Kinds {
		kinds[i] = string(k)
	}
	type R = endringRow
	krOf := func(k *model.Kr) cell { return kr(k) }
	cols := []column[R]{
		{field{name: "rapport", typ: tString, required: true,
			title: "export_endringer_rapport", desc: "export_endringer_rapport_desc"},
			func(r R) cell { return str(r.r.ID) }},
		{field{name: "nr", typ: tInteger, required: true, minimum: minimum(1),
			title: "export_endringer_nr", desc: "export_endringer_nr_desc"},
			func(r R) cell { return intOf(r.nr) }},
		{field{name: "forrige", typ: tString, required: true,
			title: "export_endringer_forrige", desc: "export_endringer_forrige_desc"},
			func(r R) cell { return str(r.e.Forrige.ID) }},
		{field{name: "type", typ: tString, required: true, enum: kinds,
			title: "export_endringer_type", desc: "export_endringer_type_desc"},
			func(r R) cell { return str(r.e.Type) }},
		{field{name: "om", typ: tString, required: true,
			title: "export_endringer_om", desc: "export_endringer_om_desc"},
			func(r R) cell { return str(r.e.Om.ID) }},
		{field{name: "om_navn", typ: tString, required: true,
			title: "export_endringer_om_navn", desc: "export_endringer_om_navn_desc"},
			func(r R) cell { return str(r.e.Om.Tittel) }},
		{field{name: "del", typ: tString,
			title: "export_endringer_del", desc: "export_endringer_del_desc"},
			func(r R) cell { return str(r.e.Del) }},
		{field{name: "fra", typ: tInteger, title: "export_endringer_fra", desc: "export_endringer_fra_desc"},
			func(r R) cell { return krOf(r.e.Fra) }},
		{field{name: "til", typ: tInteger, title: "export_endringer_til", desc: "export_endringer_til_desc"},
			func(r R) cell { return krOf(r.e.Til) }},
		{field{name: "endring", typ: tInteger, title: "export_endringer_endring", desc: "export_endringer_endring_desc"},
			func(r R) cell { return krOf(r.e.Endring) }},
		{field{name: "endring_pct", typ: tNumber, title: "export_endringer_endring_pct", desc: "export_endringer_endring_pct_desc"},
			func(r R) cell { return pct(r.e.Prosent) }},
		{field{name: "ramme", typ: tInteger, title: "export_endringer_ramme", desc: "export_endringer_ramme_desc"},
			func(r R) cell { return krOf(r.e.Ramme) }},
		{field{name: "over_ramme", typ: tInteger, title: "export_endringer_over_ramme", desc: "export_endringer_over_ramme_desc"},
			func(r R) cell { return krOf(r.e.Over) }},
		{field{name: "fra_kode", typ: tString, title: "export_endringer_fra_kode", desc: "export_endringer_fra_kode_desc"},
			func(r R) cell { return str(r.e.FraKode) }},
		{field{name: "til_kode", typ: tString, title: "export_endringer_til_kode", desc: "export_endringer_til_kode_desc"},
			func(r R) cell { return str(r.e.TilKode) }},
		{field{name: "fra_dato", typ: tDate, title: "export_endringer_fra_dato", desc: "export_endringer_fra_dato_desc"},
			func(r R) cell { return dato(r.e.FraDato) }},
		{field{name: "til_dato", typ: tDate, title: "export_endringer_til_dato", desc: "export_endringer_til_dato_desc"},
			func(r R) cell { return dato(r.e.TilDato) }},
		{field{name: "maneder", typ: tInteger, title: "export_endringer_maneder", desc: "export_endringer_maneder_desc"},
			func(r R) cell {
				if r.e.Type != string(endring.Ferdig) {
					return null()
				}
				return intOf(r.e.Maneder)
			}},
		{field{name: "frist", typ: tDate, title: "export_endringer_frist", desc: "export_endringer_frist_desc"},
			func(r R) cell { return dato(r.e.Frist) }},
		{field{name: "budsjettar", typ: tInteger, title: "export_endringer_budsjettar", desc: "export_endringer_budsjettar_desc"},
			func(r R) cell {
				if r.e.Ar == 0 {
					return null()
				}
				return yearOf(r.e.Ar)
			}},
		{fSide, func(r R) cell { return str(r.e.Om.Path) }},
	}
	t := newTable(listEndringer, "export_endringer", "export_endringer_desc", cols, rows)
	t.primaryKey = []string{"rapport", "nr"}
	t.foreignKeys = []foreignKey{
		{fields: []string{"rapport"}, resource: listRapporter, refFields: []string{"id"}},
		{fields: []string{"forrige"}, resource: listRapporter, refFields: []string{"id"}},
	}
	return t
}

// historikkRow is one project's forecast at one report.
type historikkRow struct {
	p *model.Prosjekt
	h model.Prognosepunkt
}

func prognosehistorikkTable(site *model.Site) *table {
	var rows []historikkRow
	for _, p := range site.Prosjekter {
		for _, h := range p.Prognosehistorikk {
			rows = append(rows, historikkRow{p, h})
		}
	}
	type R = historikkRow
	cols := []column[R]{
		{field{name: "prosjekt", typ: tString, required: true,
			title: "export_prognosehistorikk_prosjekt", desc: "export_prognosehistorikk_prosjekt_desc"},
			func(r R) cell { return str(r.p.ID) }},
		{field{name: "rapport", typ: tString, required: true,
			title: "export_prognosehistorikk_rapport", desc: "export_prognosehistorikk_rapport_desc"},
			func(r R) cell { return str(r.h.Rapport.ID) }},
		{field{name: "rapport_dato", typ: tDate, required: true,
			title: "export_prognosehistorikk_rapport_dato", desc: "export_prognosehistorikk_rapport_dato_desc"},
			func(r R) cell { return date(r.h.Rapport.Dato) }},
		{field{name: "prognose", typ: tInteger, required: true,
			title: "export_prognosehistorikk_prognose", desc: "export_prognosehistorikk_prognose_desc"},
			func(r R) cell { return amount(r.h.Prognose.Kr) }},
		{field{name: "ramme", typ: tInteger, required: true,
			title: "export_prognosehistorikk_ramme", desc: "export_prognosehistorikk_ramme_desc"},
			func(r R) cell { return amount(r.h.Ramme.Kr) }},
		{field{name: "avvik", typ: tInteger, required: true,
			title: "export_prognosehistorikk_avvik", desc: "export_prognosehistorikk_avvik_desc"},
			func(r R) cell { return amount(r.h.Avvik.Kr) }},
		{field{name: "over_ramme", typ: tBoolean, required: true,
			title: "export_prognosehistorikk_over_ramme", desc: "export_prognosehistorikk_over_ramme_desc"},
			func(r R) cell { return boolean(r.h.Over) }},
	}
	t := newTable(listPrognosehistorikk, "export_prognosehistorikk", "export_prognosehistorikk_desc", cols, rows)
	t.primaryKey = []string{"prosjekt", "rapport"}
	t.foreignKeys = []foreignKey{
		{fields: []string{"prosjekt"}, resource: listProsjekter, refFields: []string{"id"}},
		{fields: []string{"rapport"}, resource: listRapporter, refFields: []string{"id"}},
	}
	return t
}
