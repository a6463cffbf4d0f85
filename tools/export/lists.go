package export

import (
	"cmp"
	"reflect"
	"slices"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/record"
)

// The lists, in the order they are offered. Rows keep the site model's
// order (vedtak newest first, plans in the plan system's order, projects by
// number) except where said.
const (
	listVedtak         = "vedtak"
	listVedtakspunkter = "vedtakspunkter"
	listPlaner         = "planer"
	listTiltak         = "tiltak"
	listRammer         = "rammer"
	listReguleringer   = "reguleringer"
	listProsjekter     = "prosjekter"
	listOverskridelser = "overskridelser"
)

func tables(site *model.Site) []*table {
	return []*table{
		vedtakTable(site),
		punktTable(site),
		voteringTable(site),
		planTable(site),
		tiltakTable(site),
		rammeTable(site),
		reguleringTable(site),
		stadieTable(site),
		arsregnskapTable(site),
		prosjektTable(site),
		overskridelseTable(site),
		oversiktTable(site),
		bevilgningTable(site),
		bevilgningPerArTable(site),
		rapportTable(site),
		endringTable(site),
		prognosehistorikkTable(site),
	}
}

// Fields shared by several lists.
var (
	fSide = field{name: "side", typ: tString, required: true,
		title: "export_field_side",
		desc:  "export_field_side_desc"}
	fStatus = field{name: "status", typ: tString, required: true, enum: record.StatusValues,
		title: "export_field_status",
		desc:  "export_field_status_desc"}
	fOmrade = field{name: "omrade", typ: tString, required: true,
		title: "export_field_omrade",
		desc:  "export_field_omrade_desc"}
	fOmradeNavn = field{name: "omrade_navn", typ: tString, required: true,
		title: "export_field_omrade_navn",
		desc:  "export_field_omrade_navn_desc"}
	fOkonomiplan = field{name: "okonomiplan", typ: tString, required: true,
		title: "export_field_okonomiplan",
		desc:  "export_field_okonomiplan_desc"}
	fAr = field{name: "ar", typ: tInteger, required: true,
		title: "export_field_ar",
		desc:  "export_field_ar_desc"}
	fCount = field{typ: tInteger, required: true, minimum: minimum(0)}
)

// optional is f where a record may leave it empty because its source does
// not give it (the record's ukjent list).
func optional(f field) field {
	f.required = false
	return f
}

func count(name string, title, desc catalog.Key) field {
	f := fCount
	f.name, f.title, f.desc = name, title, desc
	return f
}

func vedtakTable(site *model.Site) *table {
	var utvalg []string
	for _, u := range site.Kommune.Utvalg {
		utvalg = append(utvalg, u.Kode)
	}
	cols := []column[*model.Vedtak]{
		{field{name: "id", typ: tString, required: true, unique: true,
			title: "export_vedtak_id",
			desc:  "export_vedtak_id_desc"},
			func(v *model.Vedtak) cell { return str(v.ID) }},
		{field{name: "utvalg", typ: tString, required: true, enum: utvalg,
			title: "export_vedtak_utvalg",
			desc:  "export_vedtak_utvalg_desc"},
			func(v *model.Vedtak) cell { return str(v.Utvalg.Kode) }},
		{field{name: "utvalg_navn", typ: tString, required: true,
			title: "export_vedtak_utvalg_navn",
			desc:  "export_vedtak_utvalg_navn_desc"},
			func(v *model.Vedtak) cell { return str(v.Utvalg.Navn) }},
		{field{name: "merke", typ: tString, required: true,
			title: "export_vedtak_merke",
			desc:  "export_vedtak_merke_desc"},
			func(v *model.Vedtak) cell { return str(v.Merke) }},
		{field{name: "dato", typ: tDate, required: true,
			title: "export_vedtak_dato",
			desc:  "export_vedtak_dato_desc"},
			func(v *model.Vedtak) cell { return date(v.Dato.ISO) }},
		{field{name: "saksnummer", typ: tString, // empty when the source does not give it (ukjent)
			title: "export_vedtak_saksnummer",
			desc:  "export_vedtak_saksnummer_desc"},
			func(v *model.Vedtak) cell { return str(v.Saksnummer) }},
		{field{name: "arkivsak", typ: tString,
			title: "export_vedtak_arkivsak",
			desc:  "export_vedtak_arkivsak_desc"},
			func(v *model.Vedtak) cell { return str(v.Arkivsak) }},
		{field{name: "tittel", typ: tString, required: true,
			title: "export_vedtak_tittel",
			desc:  "export_vedtak_tittel_desc"},
			func(v *model.Vedtak) cell { return str(v.Tittel) }},
		{count("punkter", "export_vedtak_punkter",
			"export_vedtak_punkter_desc"),
			func(v *model.Vedtak) cell { return intOf(len(v.Punkter)) }},
		{count("apne_punkter", "export_vedtak_apne_punkter",
			"export_vedtak_apne_punkter_desc"),
			func(v *model.Vedtak) cell { return intOf(v.Apne) }},
		{count("forsinkede_punkter", "export_vedtak_forsinkede_punkter",
			"export_vedtak_forsinkede_punkter_desc"),
			func(v *model.Vedtak) cell { return intOf(v.Forsinket) }},
		{field{name: "innsyn_url", typ: tString,
			title: "export_vedtak_innsyn_url",
			desc:  "export_vedtak_innsyn_url_desc"},
			func(v *model.Vedtak) cell { return str(v.InnsynURL) }},
		{fSide, func(v *model.Vedtak) cell { return str(v.Path) }},
	}
	t := newTable(listVedtak,
		"export_vedtak",
		"export_vedtak_desc",
		cols, site.Vedtak)
	t.primaryKey = []string{"id"}
	return t
}

type punktRow struct {
	v *model.Vedtak
	p *model.Punkt
}

func (r punktRow) last() *model.Oppfolging {
	if n := len(r.p.Oppfolging); n > 0 {
		return &r.p.Oppfolging[n-1]
	}
	return nil
}

func punktTable(site *model.Site) *table {
	var rows []punktRow
	for _, v := range site.Vedtak {
		for _, p := range v.Punkter {
			rows = append(rows, punktRow{v, p})
		}
	}
	cols := []column[punktRow]{
		{field{name: "vedtak", typ: tString, required: true,
			title: "export_vedtakspunkter_vedtak",
			desc:  "export_vedtakspunkter_vedtak_desc"},
			func(r punktRow) cell { return str(r.v.ID) }},
		{field{name: "vedtak_merke", typ: tString, required: true,
			title: "export_vedtakspunkter_vedtak_merke",
			desc:  "export_vedtakspunkter_vedtak_merke_desc"},
			func(r punktRow) cell { return str(r.v.Merke) }},
		{field{name: "vedtak_dato", typ: tDate, required: true,
			title: "export_vedtakspunkter_vedtak_dato",
			desc:  "export_vedtakspunkter_vedtak_dato_desc"},
			func(r punktRow) cell { return date(r.v.Dato.ISO) }},
		{field{name: "nr", typ: tInteger, required: true, minimum: minimum(1),
			title: "export_vedtakspunkter_nr",
			desc:  "export_vedtakspunkter_nr_desc"},
			func(r punktRow) cell { return intOf(r.p.Nr) }},
		{field{name: "tekst", typ: tString, required: true,
			title: "export_vedtakspunkter_tekst",
			desc:  "export_vedtakspunkter_tekst_desc"},
			func(r punktRow) cell { return str(r.p.Tekst) }},
		{field{name: "ansvarlig", typ: tString,
			title: "export_vedtakspunkter_ansvarlig",
			desc:  "export_vedtakspunkter_ansvarlig_desc"},
			func(r punktRow) cell { return str(r.p.Ansvarlig) }},
		{field{name: "frist", typ: tDate,
			title: "export_vedtakspunkter_frist",
			desc:  "export_vedtakspunkter_frist_desc"},
			func(r punktRow) cell { return dato(r.p.Frist) }},
		{withDesc(fStatus, "export_vedtakspunkter_status_desc"),
			func(r punktRow) cell { return str(r.p.Status) }},
		{field{name: "status_dato", typ: tDate,
			title: "export_vedtakspunkter_status_dato",
			desc:  "export_vedtakspunkter_status_dato_desc"},
			func(r punktRow) cell { return dato(r.p.StatusDato) }},
		{field{name: "forsinket", typ: tBoolean, required: true,
			title: "export_vedtakspunkter_forsinket",
			desc:  "export_vedtakspunkter_forsinket_desc"},
			func(r punktRow) cell { return boolean(r.p.Forsinket) }},
		{count("oppfolginger", "export_vedtakspunkter_oppfolginger",
			"export_vedtakspunkter_oppfolginger_desc"),
			func(r punktRow) cell { return intOf(len(r.p.Oppfolging)) }},
		{field{name: "siste_oppfolging", typ: tString,
			title: "export_vedtakspunkter_siste_oppfolging",
			desc:  "export_vedtakspunkter_siste_oppfolging_desc"},
			func(r punktRow) cell {
				if o := r.last(); o != nil {
					return str(o.Tekst)
				}
				return null()
			}},
		{field{name: "rapportert_i", typ: tString,
			title: "export_vedtakspunkter_rapportert_i",
			desc:  "export_vedtakspunkter_rapportert_i_desc"},
			func(r punktRow) cell {
				if o := r.last(); o != nil {
					return str(o.RapportertI)
				}
				return null()
			}},
		{field{name: "rapportert_vedtak", typ: tString,
			title: "export_vedtakspunkter_rapportert_vedtak",
			desc:  "export_vedtakspunkter_rapportert_vedtak_desc"},
			func(r punktRow) cell {
				if o := r.last(); o != nil && o.Vedtak != nil {
					return str(o.Vedtak.ID)
				}
				return null()
			}},
	}
	t := newTable(listVedtakspunkter,
		"export_vedtakspunkter",
		"export_vedtakspunkter_desc",
		cols, rows)
	t.primaryKey = []string{"vedtak", "nr"}
	t.foreignKeys = []foreignKey{
		{fields: []string{"vedtak"}, resource: listVedtak, refFields: []string{"id"}},
		{fields: []string{"rapportert_vedtak"}, resource: listVedtak, refFields: []string{"id"}},
	}
	return t
}

func withDesc(f field, desc catalog.Key) field {
	f.desc = desc
	return f
}

func refID(r *model.Ref) cell {
	if r == nil {
		return null()
	}
	return str(r.ID)
}

func refDato(r *model.Ref) cell {
	if r == nil {
		return null()
	}
	return date(r.Dato)
}

func planTable(site *model.Site) *table {
	cols := []column[*model.Plan]{
		{field{name: "id", typ: tString, required: true, unique: true,
			title: "export_planer_id",
			desc:  "export_planer_id_desc"},
			func(p *model.Plan) cell { return str(p.ID) }},
		{field{name: "type", typ: tString, required: true, enum: record.PlanTypeValues,
			title: "export_planer_type",
			desc:  "export_planer_type_desc"},
			func(p *model.Plan) cell { return str(p.Type) }},
		{field{name: "tittel", typ: tString, required: true,
			title: "export_planer_tittel",
			desc:  "export_planer_tittel_desc"},
			func(p *model.Plan) cell { return str(p.Tittel) }},
		{field{name: "fra_ar", typ: tInteger, required: true,
			title: "export_planer_fra_ar",
			desc:  "export_planer_fra_ar_desc"},
			func(p *model.Plan) cell { return yearOf(p.FraAr) }},
		{field{name: "til_ar", typ: tInteger, required: true,
			title: "export_planer_til_ar",
			desc:  "export_planer_til_ar_desc"},
			func(p *model.Plan) cell { return yearOf(p.TilAr) }},
		{field{name: "status", typ: tString, required: true, enum: record.PlanStatusValues,
			title: "export_planer_status",
			desc:  "export_planer_status_desc"},
			func(p *model.Plan) cell { return str(p.Status) }},
		{field{name: "vedtatt_i", typ: tString,
			title: "export_planer_vedtatt_i",
			desc:  "export_planer_vedtatt_i_desc"},
			func(p *model.Plan) cell { return refID(p.Vedtatt) }},
		{field{name: "vedtatt_dato", typ: tDate,
			title: "export_planer_vedtatt_dato",
			desc:  "export_planer_vedtatt_dato_desc"},
			func(p *model.Plan) cell { return refDato(p.Vedtatt) }},
		{field{name: "overordnet", typ: tString,
			title: "export_planer_overordnet",
			desc:  "export_planer_overordnet_desc"},
			func(p *model.Plan) cell { return refID(p.Overordnet) }},
		{count("tiltak", "export_planer_tiltak",
			"export_planer_tiltak_desc"),
			func(p *model.Plan) cell { return intOf(len(p.Tiltak)) }},
		{fSide, func(p *model.Plan) cell { return str(p.Path) }},
	}
	t := newTable(listPlaner,
		"export_planer",
		"export_planer_desc",
		cols, site.Planer)
	t.primaryKey = []string{"id"}
	t.foreignKeys = []foreignKey{
		{fields: []string{"vedtatt_i"}, resource: listVedtak, refFields: []string{"id"}},
		{fields: []string{"overordnet"}, resource: "", refFields: []string{"id"}},
	}
	return t
}

type tiltakRow struct {
	p *model.Plan
	t *model.Tiltak
}

func tiltakTable(site *model.Site) *table {
	var rows []tiltakRow
	for _, p := range site.Planer {
		for _, t := range p.Tiltak {
			rows = append(rows, tiltakRow{p, t})
		}
	}
	cols := []column[tiltakRow]{
		{field{name: "plan", typ: tString, required: true,
			title: "export_tiltak_plan",
			desc:  "export_tiltak_plan_desc"},
			func(r tiltakRow) cell { return str(r.p.ID) }},
		{field{name: "id", typ: tString, required: true,
			title: "export_tiltak_id",
			desc:  "export_tiltak_id_desc"},
			func(r tiltakRow) cell { return str(r.t.ID) }},
		{field{name: "tittel", typ: tString, required: true,
			title: "export_tiltak_tittel",
			desc:  "export_tiltak_tittel_desc"},
			func(r tiltakRow) cell { return str(r.t.Tittel) }},
		{field{name: "ansvarlig", typ: tString,
			title: "export_tiltak_ansvarlig",
			desc:  "export_tiltak_ansvarlig_desc"},
			func(r tiltakRow) cell { return str(r.t.Ansvarlig) }},
		{field{name: "fase", typ: tString, required: true, enum: record.TiltakFaseValues,
			title: "export_tiltak_fase",
			desc:  "export_tiltak_fase_desc"},
			func(r tiltakRow) cell { return str(r.t.Fase) }},
		{fStatus, func(r tiltakRow) cell { return str(r.t.Status) }},
		{field{name: "begrunnelse", typ: tString,
			title: "export_tiltak_begrunnelse",
			desc:  "export_tiltak_begrunnelse_desc"},
			func(r tiltakRow) cell { return str(r.t.Begrunnelse) }},
		{field{name: "mal", typ: tString,
			title: "export_tiltak_mal",
			desc:  "export_tiltak_mal_desc"},
			func(r tiltakRow) cell { return ids(r.t.Mal) }},
		{field{name: "rammeomrader", typ: tString,
			title: "export_tiltak_rammeomrader",
			desc:  "export_tiltak_rammeomrader_desc"},
			func(r tiltakRow) cell { return ids(r.t.Omrader) }},
		{field{name: "prosjekter", typ: tString,
			title: "export_tiltak_prosjekter",
			desc:  "export_tiltak_prosjekter_desc"},
			func(r tiltakRow) cell { return ids(r.t.Prosjekter) }},
		{field{name: "vedtak", typ: tString,
			title: "export_tiltak_vedtak",
			desc:  "export_tiltak_vedtak_desc"},
			func(r tiltakRow) cell { return ids(r.t.Vedtak) }},
		{withDesc(fSide, "export_tiltak_side_desc"),
			func(r tiltakRow) cell { return str(r.p.Path + "#" + r.t.Anchor) }},
	}
	t := newTable(listTiltak,
		"export_tiltak",
		"export_tiltak_desc",
		cols, rows)
	t.primaryKey = []string{"plan", "id"}
	t.foreignKeys = []foreignKey{{fields: []string{"plan"}, resource: listPlaner, refFields: []string{"id"}}}
	return t
}

type rammeRow struct {
	o    *model.Okonomiplan
	line *model.Rammelinje
	i    int // year index
}

func rammeTable(site *model.Site) *table {
	var rows []rammeRow
	for _, o := range site.Okonomiplaner {
		for li := range o.Rammer {
			line := &o.Rammer[li]
			for i := range line.Vedtatt {
				if i < len(o.Ar) && i < len(line.Regulert) && i < len(line.Endring) {
					rows = append(rows, rammeRow{o, line, i})
				}
			}
		}
	}
	cols := []column[rammeRow]{
		{fOkonomiplan, func(r rammeRow) cell { return str(r.o.ID) }},
		{fOmrade, func(r rammeRow) cell { return str(r.line.Omrade.ID) }},
		{fOmradeNavn, func(r rammeRow) cell { return str(r.line.Omrade.Tittel) }},
		{field{name: "omrade_nummer", typ: tString,
			title: "export_field_omrade_nummer",
			desc:  "export_field_omrade_nummer_desc"},
			func(r rammeRow) cell { return str(r.line.Omrade.Merke) }}, // str: empty is missing
		{field{name: "overordnet", typ: tString,
			title: "export_rammer_overordnet",
			desc:  "export_rammer_overordnet_desc"},
			func(r rammeRow) cell { return str(r.line.Overordnet) }}, // str: empty is missing
		{field{name: "niva", typ: tInteger, required: true, minimum: minimum(0),
			title: "export_rammer_niva",
			desc:  "export_rammer_niva_desc"},
			func(r rammeRow) cell { return intOf(r.line.Niva.Niva) }},
		{field{name: "beregnet", typ: tBoolean, required: true,
			title: "export_rammer_beregnet",
			desc:  "export_rammer_beregnet_desc"},
			func(r rammeRow) cell { return boolean(r.line.Beregnet) }},
		{fAr, func(r rammeRow) cell { return intOf(r.o.Ar[r.i]) }},
		{field{name: "vedtatt", typ: tInteger, required: true,
			title: "export_rammer_vedtatt",
			desc:  "export_rammer_vedtatt_desc"},
			func(r rammeRow) cell { return amount(r.line.Vedtatt[r.i].Kr) }},
		{field{name: "regulert", typ: tInteger, required: true,
			title: "export_rammer_regulert",
			desc:  "export_rammer_regulert_desc"},
			func(r rammeRow) cell { return amount(r.line.Regulert[r.i].Kr) }},
		{field{name: "endring", typ: tInteger, required: true,
			title: "export_rammer_endring",
			desc:  "export_rammer_endring_desc"},
			func(r rammeRow) cell { return amount(r.line.Endring[r.i].Kr) }},
	}
	t := newTable(listRammer,
		"export_rammer",
		"export_rammer_desc",
		cols, rows)
	t.primaryKey = []string{"okonomiplan", "omrade", "ar"}
	return t
}

type reguleringRow struct {
	o  *model.Okonomiplan
	r  *model.Reguleringssteg
	nr int
}

func reguleringTable(site *model.Site) *table {
	var rows []reguleringRow
	for _, o := range site.Okonomiplaner {
		for i := range o.Reguleringer {
			rows = append(rows, reguleringRow{o, &o.Reguleringer[i], i + 1})
		}
	}
	cols := []column[reguleringRow]{
		{fOkonomiplan, func(r reguleringRow) cell { return str(r.o.ID) }},
		{field{name: "nr", typ: tInteger, required: true, minimum: minimum(1),
			title: "export_reguleringer_nr",
			desc:  "export_reguleringer_nr_desc"},
			func(r reguleringRow) cell { return intOf(r.nr) }},
		{fOmrade, func(r reguleringRow) cell { return str(r.r.Omrade.ID) }},
		{fOmradeNavn, func(r reguleringRow) cell { return str(r.r.Omrade.Tittel) }},
		{fAr, func(r reguleringRow) cell { return intOf(r.r.Ar) }},
		{field{name: "belop", typ: tInteger, required: true,
			title: "export_reguleringer_belop",
			desc:  "export_reguleringer_belop_desc"},
			func(r reguleringRow) cell { return amount(r.r.Belop.Kr) }},
		{field{name: "ramme_for", typ: tInteger, required: true,
			title: "export_reguleringer_ramme_for",
			desc:  "export_reguleringer_ramme_for_desc"},
			func(r reguleringRow) cell { return amount(r.r.For.Kr) }},
		{field{name: "ramme_etter", typ: tInteger, required: true,
			title: "export_reguleringer_ramme_etter",
			desc:  "export_reguleringer_ramme_etter_desc"},
			func(r reguleringRow) cell { return amount(r.r.Etter.Kr) }},
		{field{name: "vedtak", typ: tString, required: true,
			title: "export_reguleringer_vedtak",
			desc:  "export_reguleringer_vedtak_desc"},
			func(r reguleringRow) cell { return str(r.r.Vedtak.ID) }},
		{field{name: "vedtak_dato", typ: tDate, required: true,
			title: "export_reguleringer_vedtak_dato",
			desc:  "export_reguleringer_vedtak_dato_desc"},
			func(r reguleringRow) cell { return date(r.r.Vedtak.Dato) }},
		{field{name: "tekst", typ: tString,
			title: "export_reguleringer_tekst",
			desc:  "export_reguleringer_tekst_desc"},
			func(r reguleringRow) cell { return str(r.r.Tekst) }},
	}
	t := newTable(listReguleringer,
		"export_reguleringer",
		"export_reguleringer_desc",
		cols, rows)
	t.primaryKey = []string{"okonomiplan", "nr"}
	t.foreignKeys = []foreignKey{
		{fields: []string{"okonomiplan", "omrade", "ar"}, resource: listRammer, refFields: []string{"okonomiplan", "omrade", "ar"}},
		{fields: []string{"vedtak"}, resource: listVedtak, refFields: []string{"id"}},
	}
	return t
}

// hasFrame reports whether a project has a kostnadsramme yet (projects in
// behovsutredning may not).
func hasFrame(p *model.Prosjekt) bool { return len(p.Rammehistorikk) > 0 }

func frame(p *model.Prosjekt, k model.Kr) cell {
	if !hasFrame(p) {
		return null()
	}
	return amount(k.Kr)
}

func prosjektColumns() []column[*model.Prosjekt] {
	type P = *model.Prosjekt
	cols := []column[P]{
		{field{name: "id", typ: tString, required: true, unique: true,
			title: "export_prosjekter_id",
			desc:  "export_prosjekter_id_desc"},
			func(p P) cell { return str(p.ID) }},
		{field{name: "nummer", typ: tString, unique: true, // empty when the source does not give it (ukjent)
			title: "export_prosjekter_nummer",
			desc:  "export_prosjekter_nummer_desc"},
			func(p P) cell { return str(p.Nummer) }},
		{field{name: "navn", typ: tString, required: true,
			title: "export_prosjekter_navn",
			desc:  "export_prosjekter_navn_desc"},
			func(p P) cell { return str(p.Navn) }},
		{optional(fOmrade), func(p P) cell { return str(p.Omrade.ID) }},
		{optional(fOmradeNavn), func(p P) cell { return str(p.Omrade.Tittel) }},
		{field{name: "ansvarlig", typ: tString,
			title: "export_prosjekter_ansvarlig",
			desc:  "export_prosjekter_ansvarlig_desc"},
			func(p P) cell { return str(p.Ansvarlig) }},
		{field{name: "fase", typ: tString, required: true, enum: record.ProsjektFaseValues,
			title: "export_prosjekter_fase",
			desc:  "export_prosjekter_fase_desc"},
			func(p P) cell { return str(p.Fase) }},
	}
	// The fields the project declares for the CSV follow its phase.
	cols = append(cols, declaredColumns(reflect.TypeFor[record.Prosjekt](), func(p P) []model.Felt { return p.Felter })...)
	return append(cols, []column[P]{
		{field{name: "start_ar", typ: tInteger,
			title: "export_prosjekter_start_ar",
			desc:  "export_prosjekter_start_ar_desc"},
			func(p P) cell { return yearOf(p.StartAr) }},
		{field{name: "opprinnelig", typ: tInteger,
			title: "export_prosjekter_opprinnelig",
			desc:  "export_prosjekter_opprinnelig_desc"},
			func(p P) cell { return frame(p, p.Opprinnelig) }},
		{field{name: "justert", typ: tInteger,
			title: "export_prosjekter_justert",
			desc:  "export_prosjekter_justert_desc"},
			func(p P) cell { return frame(p, p.Justert) }},
		{field{name: "tillegg", typ: tInteger,
			title: "export_prosjekter_tillegg",
			desc:  "export_prosjekter_tillegg_desc"},
			func(p P) cell { return frame(p, p.Tillegg) }},
		{field{name: "rammevekst_pct", typ: tNumber,
			title: "export_prosjekter_rammevekst_pct",
			desc:  "export_prosjekter_rammevekst_pct_desc"},
			func(p P) cell { return pct(p.RammevekstPct) }},
		{count("antall_tillegg", "export_prosjekter_antall_tillegg",
			"export_prosjekter_antall_tillegg_desc"),
			func(p P) cell { return intOf(p.AntallTillegg) }},
		{field{name: "prognose", typ: tInteger,
			title: "export_prosjekter_prognose",
			desc:  "export_prosjekter_prognose_desc"},
			func(p P) cell { return kr(p.Prognose) }},
		{field{name: "prognose_kilde", typ: tString,
			title: "export_prosjekter_prognose_kilde",
			desc:  "export_prosjekter_prognose_kilde_desc"},
			func(p P) cell { return str(p.PrognoseKilde) }},
		{field{name: "avvik_justert", typ: tInteger,
			title: "export_prosjekter_avvik_justert",
			desc:  "export_prosjekter_avvik_justert_desc"},
			func(p P) cell { return kr(p.AvvikJustert) }},
		{field{name: "avvik_justert_pct", typ: tNumber,
			title: "export_prosjekter_avvik_justert_pct",
			desc:  "export_prosjekter_avvik_justert_pct_desc"},
			func(p P) cell { return pct(p.AvvikJustertPct) }},
		{field{name: "avvik_opprinnelig", typ: tInteger,
			title: "export_prosjekter_avvik_opprinnelig",
			desc:  "export_prosjekter_avvik_opprinnelig_desc"},
			func(p P) cell { return kr(p.AvvikOpprinnelig) }},
		{field{name: "avvik_opprinnelig_pct", typ: tNumber,
			title: "export_prosjekter_avvik_opprinnelig_pct",
			desc:  "export_prosjekter_avvik_opprinnelig_pct_desc"},
			func(p P) cell { return pct(p.AvvikOpprinneligPct) }},
		{field{name: "over_ramme", typ: tBoolean, required: true,
			title: "export_prosjekter_over_ramme",
			desc:  "export_prosjekter_over_ramme_desc"},
			func(p P) cell { return boolean(p.OverRamme) }},
		{field{name: "over_siden", typ: tString,
			title: "export_prosjekter_over_siden",
			desc:  "export_prosjekter_over_siden_desc"},
			func(p P) cell { return refID(p.OverSiden) }},
		{field{name: "tilleggsvedtak", typ: tString,
			title: "export_prosjekter_tilleggsvedtak",
			desc:  "export_prosjekter_tilleggsvedtak_desc"},
			func(p P) cell { return ids(p.Tilleggsvedtak) }},
		{field{name: "varsel", typ: tBoolean, required: true,
			title: "export_prosjekter_varsel",
			desc:  "export_prosjekter_varsel_desc"},
			func(p P) cell { return boolean(p.Varsel) }},
		{field{name: "regnskap_sum", typ: tInteger,
			title: "export_prosjekter_regnskap_sum",
			desc:  "export_prosjekter_regnskap_sum_desc"},
			func(p P) cell { return kr(p.RegnskapSum) }},
		{field{name: "andel_brukt", typ: tNumber,
			title: "export_prosjekter_andel_brukt",
			desc:  "export_prosjekter_andel_brukt_desc"},
			func(p P) cell { return pct(p.AndelBrukt) }},
		{field{name: "planlagt_ferdig", typ: tDate,
			title: "export_prosjekter_planlagt_ferdig",
			desc:  "export_prosjekter_planlagt_ferdig_desc"},
			func(p P) cell { return dato(p.PlanlagtFerdig) }},
		{field{name: "forventet_ferdig", typ: tDate,
			title: "export_prosjekter_forventet_ferdig",
			desc:  "export_prosjekter_forventet_ferdig_desc"},
			func(p P) cell { return dato(p.ForventetFerdig) }},
		{field{name: "forsinkelse_mnd", typ: tInteger,
			title: "export_prosjekter_forsinkelse_mnd",
			desc:  "export_prosjekter_forsinkelse_mnd_desc"},
			func(p P) cell {
				if p.PlanlagtFerdig == nil || p.ForventetFerdig == nil {
					return null()
				}
				return intOf(p.ForsinkelseMnd)
			}},
		{field{name: "overtatt", typ: tDate,
			title: "export_prosjekter_overtatt",
			desc:  "export_prosjekter_overtatt_desc"},
			func(p P) cell { return dato(p.Overtatt) }},
		{field{name: "risiko", typ: tString, enum: record.RisikoValues,
			title: "export_prosjekter_risiko",
			desc:  "export_prosjekter_risiko_desc"},
			func(p P) cell { return str(p.Risiko) }},
		{field{name: "sluttregnskap", typ: tInteger,
			title: "export_prosjekter_sluttregnskap",
			desc:  "export_prosjekter_sluttregnskap_desc"},
			func(p P) cell {
				if p.Sluttregnskap == nil {
					return null()
				}
				return amount(p.Sluttregnskap.Belop.Kr)
			}},
		{field{name: "sluttregnskap_vedtak", typ: tString,
			title: "export_prosjekter_sluttregnskap_vedtak",
			desc:  "export_prosjekter_sluttregnskap_vedtak_desc"},
			func(p P) cell {
				if p.Sluttregnskap == nil {
					return null()
				}
				return str(p.Sluttregnskap.Vedtak.ID)
			}},
		{field{name: "sluttregnskap_frist", typ: tDate,
			title: "export_prosjekter_sluttregnskap_frist",
			desc:  "export_prosjekter_sluttregnskap_frist_desc"},
			func(p P) cell { return dato(p.SluttregnskapFrist) }},
		{field{name: "sluttregnskap_forfalt", typ: tBoolean, required: true,
			title: "export_prosjekter_sluttregnskap_forfalt",
			desc:  "export_prosjekter_sluttregnskap_forfalt_desc"},
			func(p P) cell { return boolean(p.SluttregnskapForfalt) }},
		{fSide, func(p P) cell { return str(p.Path) }},
	}...)
}

func prosjektTable(site *model.Site) *table {
	t := newTable(listProsjekter,
		"export_prosjekter",
		"export_prosjekter_desc",
		prosjektColumns(), site.Prosjekter)
	t.primaryKey = []string{"id"}
	t.foreignKeys = []foreignKey{{fields: []string{"sluttregnskap_vedtak"}, resource: listVedtak, refFields: []string{"id"}}}
	return t
}

// overskridelser returns the projects whose forecast is over their
// adjusted frame, largest deviation in per cent first (then by number and
// id): the overrun page's list.
func overskridelser(site *model.Site) []*model.Prosjekt {
	var over []*model.Prosjekt
	for _, p := range site.Prosjekter {
		if p.OverRamme {
			over = append(over, p)
		}
	}
	pctOf := func(p *model.Prosjekt) float64 {
		if p.AvvikJustertPct == nil {
			return 0
		}
		return p.AvvikJustertPct.Verdi
	}
	slices.SortStableFunc(over, func(a, b *model.Prosjekt) int {
		return cmp.Or(cmp.Compare(pctOf(b), pctOf(a)), cmp.Compare(a.Nummer, b.Nummer), cmp.Compare(a.ID, b.ID))
	})
	return over
}

func overskridelseTable(site *model.Site) *table {
	t := newTable(listOverskridelser,
		"export_overskridelser",
		"export_overskridelser_desc",
		prosjektColumns(), overskridelser(site))
	t.primaryKey = []string{"id"}
	t.foreignKeys = []foreignKey{
		{fields: []string{"id"}, resource: listProsjekter, refFields: []string{"id"}},
		{fields: []string{"sluttregnskap_vedtak"}, resource: listVedtak, refFields: []string{"id"}},
	}
	return t
}
