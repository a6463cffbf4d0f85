package export

import (
	"cmp"
	"slices"

	"github.com/openkommune/portal/tools/compile"
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

func tables(site *compile.Site) []*table {
	return []*table{
		vedtakTable(site),
		punktTable(site),
		planTable(site),
		tiltakTable(site),
		rammeTable(site),
		reguleringTable(site),
		prosjektTable(site),
		overskridelseTable(site),
	}
}

// Fields shared by several lists.
var (
	fSide = field{name: "side", typ: tString, required: true,
		title: text{"Side", "Side"},
		desc:  text{"Sidens adresse i portalen, relativt til portalens rot (f.eks. vedtak/kst-2025-014/).", "Adressa til sida i portalen, relativt til rota av portalen (t.d. vedtak/kst-2025-014/)."}}
	fStatus = field{name: "status", typ: tString, required: true, enum: record.StatusValues,
		title: text{"Status", "Status"},
		desc:  text{"ikke_startet, under_arbeid, fullfort (fullført) eller utgar (utgår).", "ikke_startet (ikkje starta), under_arbeid, fullfort (fullført) eller utgar (går ut)."}}
	fOmrade = field{name: "omrade", typ: tString, required: true,
		title: text{"Rammeområde", "Rammeområde"},
		desc:  text{"Id-en til rammeområdet (f.eks. oppvekst).", "Id-en til rammeområdet (t.d. oppvekst)."}}
	fOmradeNavn = field{name: "omrade_navn", typ: tString, required: true,
		title: text{"Rammeområdets navn", "Namnet på rammeområdet"},
		desc:  text{"Rammeområdets navn slik det vises i portalen.", "Namnet på rammeområdet slik det blir vist i portalen."}}
	fOkonomiplan = field{name: "okonomiplan", typ: tString, required: true,
		title: text{"Økonomiplan", "Økonomiplan"},
		desc:  text{"Id-en til økonomiplanen (f.eks. 2025-2028).", "Id-en til økonomiplanen (t.d. 2025-2028)."}}
	fAr = field{name: "ar", typ: tInteger, required: true,
		title: text{"År", "År"},
		desc:  text{"Budsjettåret.", "Budsjettåret."}}
	fCount = field{typ: tInteger, required: true, minimum: minimum(0)}
)

func count(name string, title, desc text) field {
	f := fCount
	f.name, f.title, f.desc = name, title, desc
	return f
}

func vedtakTable(site *compile.Site) *table {
	var utvalg []string
	for _, u := range site.Kommune.Utvalg {
		utvalg = append(utvalg, u.Kode)
	}
	cols := []column[*compile.Vedtak]{
		{field{name: "id", typ: tString, required: true, unique: true,
			title: text{"Id", "Id"},
			desc:  text{"Vedtakets id, lik filnavnet i dataene (f.eks. kst-2025-014).", "Id-en til vedtaket, lik filnamnet i dataa (t.d. kst-2025-014)."}},
			func(v *compile.Vedtak) cell { return str(v.ID) }},
		{field{name: "utvalg", typ: tString, required: true, enum: utvalg,
			title: text{"Utvalg", "Utval"},
			desc:  text{"Koden til utvalget som gjorde vedtaket (f.eks. KST).", "Koden til utvalet som gjorde vedtaket (t.d. KST)."}},
			func(v *compile.Vedtak) cell { return str(v.Utvalg.Kode) }},
		{field{name: "utvalg_navn", typ: tString, required: true,
			title: text{"Utvalgets navn", "Namnet på utvalet"},
			desc:  text{"Navnet på utvalget (f.eks. Kommunestyret).", "Namnet på utvalet (t.d. Kommunestyret)."}},
			func(v *compile.Vedtak) cell { return str(v.Utvalg.Navn) }},
		{field{name: "merke", typ: tString, required: true,
			title: text{"Merke", "Merke"},
			desc:  text{"Utvalgskode og saksnummer slik portalen viser dem (f.eks. KST 014/25).", "Utvalskode og saksnummer slik portalen viser dei (t.d. KST 014/25)."}},
			func(v *compile.Vedtak) cell { return str(v.Merke) }},
		{field{name: "dato", typ: tDate, required: true,
			title: text{"Møtedato", "Møtedato"},
			desc:  text{"Datoen for møtet der vedtaket ble gjort.", "Datoen for møtet der vedtaket vart gjort."}},
			func(v *compile.Vedtak) cell { return date(v.Dato.ISO) }},
		{field{name: "saksnummer", typ: tString, required: true,
			title: text{"Saksnummer", "Saksnummer"},
			desc:  text{"Utvalgssaksnummeret (f.eks. 014/25).", "Saksnummeret i utvalet (t.d. 014/25)."}},
			func(v *compile.Vedtak) cell { return str(v.Saksnummer) }},
		{field{name: "arkivsak", typ: tString,
			title: text{"Arkivsak", "Arkivsak"},
			desc:  text{"Arkivsaksnummeret, om det er oppgitt.", "Arkivsaksnummeret, om det er oppgitt."}},
			func(v *compile.Vedtak) cell { return str(v.Arkivsak) }},
		{field{name: "tittel", typ: tString, required: true,
			title: text{"Tittel", "Tittel"},
			desc:  text{"Sakens tittel.", "Tittelen på saka."}},
			func(v *compile.Vedtak) cell { return str(v.Tittel) }},
		{count("punkter", text{"Vedtakspunkter", "Vedtakspunkt"},
			text{"Antall nummererte vedtakspunkter.", "Talet på nummererte vedtakspunkt."}),
			func(v *compile.Vedtak) cell { return intOf(len(v.Punkter)) }},
		{count("apne_punkter", text{"Åpne punkter", "Opne punkt"},
			text{"Antall punkter med status ikke_startet eller under_arbeid.", "Talet på punkt med status ikke_startet eller under_arbeid."}),
			func(v *compile.Vedtak) cell { return intOf(v.Apne) }},
		{count("forsinkede_punkter", text{"Forsinkede punkter", "Forseinka punkt"},
			text{"Antall åpne punkter med frist før referansedatoen.", "Talet på opne punkt med frist før referansedatoen."}),
			func(v *compile.Vedtak) cell { return intOf(v.Forsinket) }},
		{field{name: "innsyn_url", typ: tString,
			title: text{"Innsyn", "Innsyn"},
			desc:  text{"Saken i kommunens innsynsløsning, om adressen er oppgitt.", "Saka i innsynsløysinga til kommunen, om adressa er oppgitt."}},
			func(v *compile.Vedtak) cell { return str(v.InnsynURL) }},
		{fSide, func(v *compile.Vedtak) cell { return str(v.Path) }},
	}
	t := newTable(listVedtak,
		text{"Vedtak", "Vedtak"},
		text{"Ett vedtak per rad, nyeste først, med antall vedtakspunkter og hvor mange som er åpne og forsinket.", "Eitt vedtak per rad, nyaste først, med talet på vedtakspunkt og kor mange som er opne og forseinka."},
		cols, site.Vedtak)
	t.primaryKey = []string{"id"}
	return t
}

type punktRow struct {
	v *compile.Vedtak
	p *compile.Punkt
}

func (r punktRow) last() *compile.Oppfolging {
	if n := len(r.p.Oppfolging); n > 0 {
		return &r.p.Oppfolging[n-1]
	}
	return nil
}

func punktTable(site *compile.Site) *table {
	var rows []punktRow
	for _, v := range site.Vedtak {
		for _, p := range v.Punkter {
			rows = append(rows, punktRow{v, p})
		}
	}
	cols := []column[punktRow]{
		{field{name: "vedtak", typ: tString, required: true,
			title: text{"Vedtak", "Vedtak"},
			desc:  text{"Id-en til vedtaket punktet hører til.", "Id-en til vedtaket punktet høyrer til."}},
			func(r punktRow) cell { return str(r.v.ID) }},
		{field{name: "vedtak_merke", typ: tString, required: true,
			title: text{"Merke", "Merke"},
			desc:  text{"Vedtakets utvalgskode og saksnummer (f.eks. KST 014/25).", "Utvalskoden og saksnummeret til vedtaket (t.d. KST 014/25)."}},
			func(r punktRow) cell { return str(r.v.Merke) }},
		{field{name: "vedtak_dato", typ: tDate, required: true,
			title: text{"Møtedato", "Møtedato"},
			desc:  text{"Datoen vedtaket ble gjort.", "Datoen vedtaket vart gjort."}},
			func(r punktRow) cell { return date(r.v.Dato.ISO) }},
		{field{name: "nr", typ: tInteger, required: true, minimum: minimum(1),
			title: text{"Nr.", "Nr."},
			desc:  text{"Punktets nummer i vedtaket.", "Nummeret på punktet i vedtaket."}},
			func(r punktRow) cell { return intOf(r.p.Nr) }},
		{field{name: "tekst", typ: tString, required: true,
			title: text{"Tekst", "Tekst"},
			desc:  text{"Punktet slik det ble vedtatt.", "Punktet slik det vart vedteke."}},
			func(r punktRow) cell { return str(r.p.Tekst) }},
		{field{name: "ansvarlig", typ: tString,
			title: text{"Ansvarlig", "Ansvarleg"},
			desc:  text{"Hvem som følger opp punktet.", "Kven som følgjer opp punktet."}},
			func(r punktRow) cell { return str(r.p.Ansvarlig) }},
		{field{name: "frist", typ: tDate,
			title: text{"Frist", "Frist"},
			desc:  text{"Når punktet skal være fulgt opp.", "Når punktet skal vere følgt opp."}},
			func(r punktRow) cell { return dato(r.p.Frist) }},
		{withDesc(fStatus, text{"Status fra siste oppfølging: ikke_startet (ingen oppfølging ennå), under_arbeid, fullfort (fullført) eller utgar (utgår).", "Status frå siste oppfølging: ikke_startet (inga oppfølging enno), under_arbeid, fullfort (fullført) eller utgar (går ut)."}),
			func(r punktRow) cell { return str(r.p.Status) }},
		{field{name: "status_dato", typ: tDate,
			title: text{"Statusdato", "Statusdato"},
			desc:  text{"Datoen for siste oppfølging; tom når punktet ikke er fulgt opp ennå.", "Datoen for siste oppfølging; tom når punktet ikkje er følgt opp enno."}},
			func(r punktRow) cell { return dato(r.p.StatusDato) }},
		{field{name: "forsinket", typ: tBoolean, required: true,
			title: text{"Forsinket", "Forseinka"},
			desc:  text{"true når fristen er før referansedatoen og punktet verken er fullført eller utgår.", "true når fristen er før referansedatoen og punktet verken er fullført eller går ut."}},
			func(r punktRow) cell { return boolean(r.p.Forsinket) }},
		{count("oppfolginger", text{"Oppfølginger", "Oppfølgingar"},
			text{"Antall oppfølginger som er rapportert.", "Talet på oppfølgingar som er rapporterte."}),
			func(r punktRow) cell { return intOf(len(r.p.Oppfolging)) }},
		{field{name: "siste_oppfolging", typ: tString,
			title: text{"Siste oppfølging", "Siste oppfølging"},
			desc:  text{"Teksten i siste oppfølging (datoen står i status_dato).", "Teksten i siste oppfølging (datoen står i status_dato)."}},
			func(r punktRow) cell {
				if o := r.last(); o != nil {
					return str(o.Tekst)
				}
				return null()
			}},
		{field{name: "rapportert_i", typ: tString,
			title: text{"Rapportert i", "Rapportert i"},
			desc:  text{"Hvor siste oppfølging ble rapportert (tertialrapport, årsrapport, orientering).", "Kvar siste oppfølging vart rapportert (tertialrapport, årsrapport, orientering)."}},
			func(r punktRow) cell {
				if o := r.last(); o != nil {
					return str(o.RapportertI)
				}
				return null()
			}},
		{field{name: "rapportert_vedtak", typ: tString,
			title: text{"Rapportert i vedtak", "Rapportert i vedtak"},
			desc:  text{"Id-en til vedtaket der siste oppfølging ble rapportert, eller som lot punktet utgå.", "Id-en til vedtaket der siste oppfølging vart rapportert, eller som let punktet gå ut."}},
			func(r punktRow) cell {
				if o := r.last(); o != nil && o.Vedtak != nil {
					return str(o.Vedtak.ID)
				}
				return null()
			}},
	}
	t := newTable(listVedtakspunkter,
		text{"Vedtakspunkter", "Vedtakspunkt"},
		text{"Ett vedtakspunkt per rad med status, frist og siste oppfølging, i samme rekkefølge som vedtakene.", "Eitt vedtakspunkt per rad med status, frist og siste oppfølging, i same rekkjefølgje som vedtaka."},
		cols, rows)
	t.primaryKey = []string{"vedtak", "nr"}
	t.foreignKeys = []foreignKey{
		{fields: []string{"vedtak"}, resource: listVedtak, refFields: []string{"id"}},
		{fields: []string{"rapportert_vedtak"}, resource: listVedtak, refFields: []string{"id"}},
	}
	return t
}

func withDesc(f field, desc text) field {
	f.desc = desc
	return f
}

func refID(r *compile.Ref) cell {
	if r == nil {
		return null()
	}
	return str(r.ID)
}

func refDato(r *compile.Ref) cell {
	if r == nil {
		return null()
	}
	return date(r.Dato)
}

func planTable(site *compile.Site) *table {
	cols := []column[*compile.Plan]{
		{field{name: "id", typ: tString, required: true, unique: true,
			title: text{"Id", "Id"},
			desc:  text{"Planens id, lik filnavnet i dataene.", "Id-en til planen, lik filnamnet i dataa."}},
			func(p *compile.Plan) cell { return str(p.ID) }},
		{field{name: "type", typ: tString, required: true, enum: record.PlanTypeValues,
			title: text{"Plantype", "Plantype"},
			desc:  text{"planstrategi, samfunnsdel, arealdel, kommunedelplan, temaplan eller handlings_og_okonomiplan.", "planstrategi, samfunnsdel, arealdel, kommunedelplan, temaplan eller handlings_og_okonomiplan."}},
			func(p *compile.Plan) cell { return str(p.Type) }},
		{field{name: "tittel", typ: tString, required: true,
			title: text{"Tittel", "Tittel"},
			desc:  text{"Planens tittel.", "Tittelen på planen."}},
			func(p *compile.Plan) cell { return str(p.Tittel) }},
		{field{name: "fra_ar", typ: tInteger, required: true,
			title: text{"Fra år", "Frå år"},
			desc:  text{"Første år i planperioden.", "Første år i planperioden."}},
			func(p *compile.Plan) cell { return yearOf(p.FraAr) }},
		{field{name: "til_ar", typ: tInteger, required: true,
			title: text{"Til år", "Til år"},
			desc:  text{"Siste år i planperioden.", "Siste år i planperioden."}},
			func(p *compile.Plan) cell { return yearOf(p.TilAr) }},
		{field{name: "status", typ: tString, required: true, enum: record.PlanStatusValues,
			title: text{"Status", "Status"},
			desc:  text{"under_arbeid, vedtatt eller erstattet.", "under_arbeid, vedtatt (vedteken) eller erstattet (erstatta)."}},
			func(p *compile.Plan) cell { return str(p.Status) }},
		{field{name: "vedtatt_i", typ: tString,
			title: text{"Vedtatt i", "Vedteken i"},
			desc:  text{"Id-en til vedtaket som vedtok planen.", "Id-en til vedtaket som vedtok planen."}},
			func(p *compile.Plan) cell { return refID(p.Vedtatt) }},
		{field{name: "vedtatt_dato", typ: tDate,
			title: text{"Vedtatt dato", "Vedteken dato"},
			desc:  text{"Datoen planen ble vedtatt.", "Datoen planen vart vedteken."}},
			func(p *compile.Plan) cell { return refDato(p.Vedtatt) }},
		{field{name: "overordnet", typ: tString,
			title: text{"Overordnet plan", "Overordna plan"},
			desc:  text{"Id-en til planen over denne (en plan i samme liste).", "Id-en til planen over denne (ein plan i same liste)."}},
			func(p *compile.Plan) cell { return refID(p.Overordnet) }},
		{count("tiltak", text{"Tiltak", "Tiltak"},
			text{"Antall tiltak i planen (se listen tiltak).", "Talet på tiltak i planen (sjå lista tiltak)."}),
			func(p *compile.Plan) cell { return intOf(len(p.Tiltak)) }},
		{fSide, func(p *compile.Plan) cell { return str(p.Path) }},
	}
	t := newTable(listPlaner,
		text{"Planer", "Planar"},
		text{"Én plan per rad, fra planstrategien og ned til handlings- og økonomiplanene.", "Ein plan per rad, frå planstrategien og ned til handlings- og økonomiplanane."},
		cols, site.Planer)
	t.primaryKey = []string{"id"}
	t.foreignKeys = []foreignKey{
		{fields: []string{"vedtatt_i"}, resource: listVedtak, refFields: []string{"id"}},
		{fields: []string{"overordnet"}, resource: "", refFields: []string{"id"}},
	}
	return t
}

type tiltakRow struct {
	p *compile.Plan
	t *compile.Tiltak
}

func tiltakTable(site *compile.Site) *table {
	var rows []tiltakRow
	for _, p := range site.Planer {
		for _, t := range p.Tiltak {
			rows = append(rows, tiltakRow{p, t})
		}
	}
	cols := []column[tiltakRow]{
		{field{name: "plan", typ: tString, required: true,
			title: text{"Plan", "Plan"},
			desc:  text{"Id-en til planen tiltaket står i.", "Id-en til planen tiltaket står i."}},
			func(r tiltakRow) cell { return str(r.p.ID) }},
		{field{name: "id", typ: tString, required: true,
			title: text{"Id", "Id"},
			desc:  text{"Tiltakets id i planen; andre data viser til tiltaket som plan/id.", "Id-en til tiltaket i planen; andre data viser til tiltaket som plan/id."}},
			func(r tiltakRow) cell { return str(r.t.ID) }},
		{field{name: "tittel", typ: tString, required: true,
			title: text{"Tittel", "Tittel"},
			desc:  text{"Tiltakets tittel.", "Tittelen på tiltaket."}},
			func(r tiltakRow) cell { return str(r.t.Tittel) }},
		{field{name: "ansvarlig", typ: tString,
			title: text{"Ansvarlig", "Ansvarleg"},
			desc:  text{"Ansvarlig enhet.", "Ansvarleg eining."}},
			func(r tiltakRow) cell { return str(r.t.Ansvarlig) }},
		{field{name: "fase", typ: tString, required: true, enum: record.TiltakFaseValues,
			title: text{"Fase", "Fase"},
			desc:  text{"okonomiplan (innarbeides i økonomiplanen), gjennomforing (gjennomføring) eller evaluering.", "okonomiplan (blir innarbeidd i økonomiplanen), gjennomforing (gjennomføring) eller evaluering."}},
			func(r tiltakRow) cell { return str(r.t.Fase) }},
		{fStatus, func(r tiltakRow) cell { return str(r.t.Status) }},
		{field{name: "begrunnelse", typ: tString,
			title: text{"Begrunnelse", "Grunngjeving"},
			desc:  text{"Hvorfor tiltaket utgår.", "Kvifor tiltaket går ut."}},
			func(r tiltakRow) cell { return str(r.t.Begrunnelse) }},
		{field{name: "mal", typ: tString,
			title: text{"Mål", "Mål"},
			desc:  text{"Målene tiltaket skal nå, som plan-id/mål-id, skilt med semikolon.", "Måla tiltaket skal nå, som plan-id/mål-id, skilde med semikolon."}},
			func(r tiltakRow) cell { return ids(r.t.Mal) }},
		{field{name: "rammeomrader", typ: tString,
			title: text{"Rammeområder", "Rammeområde"},
			desc:  text{"Id-ene til rammeområdene som finansierer tiltaket, skilt med semikolon.", "Id-ane til rammeområda som finansierer tiltaket, skilde med semikolon."}},
			func(r tiltakRow) cell { return ids(r.t.Omrader) }},
		{field{name: "prosjekter", typ: tString,
			title: text{"Prosjekter", "Prosjekt"},
			desc:  text{"Id-ene til investeringsprosjektene som gjennomfører tiltaket, skilt med semikolon.", "Id-ane til investeringsprosjekta som gjennomfører tiltaket, skilde med semikolon."}},
			func(r tiltakRow) cell { return ids(r.t.Prosjekter) }},
		{field{name: "vedtak", typ: tString,
			title: text{"Vedtak", "Vedtak"},
			desc:  text{"Id-ene til vedtak om tiltaket, skilt med semikolon.", "Id-ane til vedtak om tiltaket, skilde med semikolon."}},
			func(r tiltakRow) cell { return ids(r.t.Vedtak) }},
		{withDesc(fSide, text{"Tiltaket på planens side i portalen, relativt til portalens rot.", "Tiltaket på sida til planen i portalen, relativt til rota av portalen."}),
			func(r tiltakRow) cell { return str(r.p.Path + "#" + r.t.Anchor) }},
	}
	t := newTable(listTiltak,
		text{"Tiltak", "Tiltak"},
		text{"Ett tiltak per rad med plan, fase, status, ansvarlig og målene det skal nå.", "Eitt tiltak per rad med plan, fase, status, ansvarleg og måla det skal nå."},
		cols, rows)
	t.primaryKey = []string{"plan", "id"}
	t.foreignKeys = []foreignKey{{fields: []string{"plan"}, resource: listPlaner, refFields: []string{"id"}}}
	return t
}

type rammeRow struct {
	o    *compile.Okonomiplan
	line *compile.Rammelinje
	i    int // year index
}

func rammeTable(site *compile.Site) *table {
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
		{fAr, func(r rammeRow) cell { return intOf(r.o.Ar[r.i]) }},
		{field{name: "vedtatt", typ: tInteger, required: true,
			title: text{"Vedtatt ramme", "Vedteken ramme"},
			desc:  text{"Netto driftsramme slik økonomiplanen ble vedtatt, i hele kroner.", "Netto driftsramme slik økonomiplanen vart vedteken, i heile kroner."}},
			func(r rammeRow) cell { return integer(r.line.Vedtatt[r.i].Kr) }},
		{field{name: "regulert", typ: tInteger, required: true,
			title: text{"Regulert ramme", "Regulert ramme"},
			desc:  text{"Rammen etter alle budsjettreguleringer, i hele kroner.", "Ramma etter alle budsjettreguleringar, i heile kroner."}},
			func(r rammeRow) cell { return integer(r.line.Regulert[r.i].Kr) }},
		{field{name: "endring", typ: tInteger, required: true,
			title: text{"Endring", "Endring"},
			desc:  text{"regulert minus vedtatt, i hele kroner.", "regulert minus vedtatt, i heile kroner."}},
			func(r rammeRow) cell { return integer(r.line.Endring[r.i].Kr) }},
	}
	t := newTable(listRammer,
		text{"Netto driftsrammer", "Netto driftsrammer"},
		text{"Én rad per økonomiplan, rammeområde og år: rammen slik den ble vedtatt og slik den står etter reguleringene.", "Éi rad per økonomiplan, rammeområde og år: ramma slik ho vart vedteken og slik ho står etter reguleringane."},
		cols, rows)
	t.primaryKey = []string{"okonomiplan", "omrade", "ar"}
	return t
}

type reguleringRow struct {
	o  *compile.Okonomiplan
	r  *compile.Reguleringssteg
	nr int
}

func reguleringTable(site *compile.Site) *table {
	var rows []reguleringRow
	for _, o := range site.Okonomiplaner {
		for i := range o.Reguleringer {
			rows = append(rows, reguleringRow{o, &o.Reguleringer[i], i + 1})
		}
	}
	cols := []column[reguleringRow]{
		{fOkonomiplan, func(r reguleringRow) cell { return str(r.o.ID) }},
		{field{name: "nr", typ: tInteger, required: true, minimum: minimum(1),
			title: text{"Nr.", "Nr."},
			desc:  text{"Reguleringens nummer i økonomiplanen, i den rekkefølgen de ble vedtatt.", "Nummeret på reguleringa i økonomiplanen, i den rekkjefølgja dei vart vedtekne."}},
			func(r reguleringRow) cell { return intOf(r.nr) }},
		{fOmrade, func(r reguleringRow) cell { return str(r.r.Omrade.ID) }},
		{fOmradeNavn, func(r reguleringRow) cell { return str(r.r.Omrade.Tittel) }},
		{fAr, func(r reguleringRow) cell { return intOf(r.r.Ar) }},
		{field{name: "belop", typ: tInteger, required: true,
			title: text{"Beløp", "Beløp"},
			desc:  text{"Endringen av rammen i hele kroner: positiv øker, negativ reduserer.", "Endringa av ramma i heile kroner: positiv aukar, negativ reduserer."}},
			func(r reguleringRow) cell { return integer(r.r.Belop.Kr) }},
		{field{name: "ramme_for", typ: tInteger, required: true,
			title: text{"Ramme før", "Ramme før"},
			desc:  text{"Rammen for området og året før reguleringen, i hele kroner.", "Ramma for området og året før reguleringa, i heile kroner."}},
			func(r reguleringRow) cell { return integer(r.r.For.Kr) }},
		{field{name: "ramme_etter", typ: tInteger, required: true,
			title: text{"Ramme etter", "Ramme etter"},
			desc:  text{"Rammen etter reguleringen, i hele kroner.", "Ramma etter reguleringa, i heile kroner."}},
			func(r reguleringRow) cell { return integer(r.r.Etter.Kr) }},
		{field{name: "vedtak", typ: tString, required: true,
			title: text{"Vedtak", "Vedtak"},
			desc:  text{"Id-en til vedtaket som gjorde reguleringen.", "Id-en til vedtaket som gjorde reguleringa."}},
			func(r reguleringRow) cell { return str(r.r.Vedtak.ID) }},
		{field{name: "vedtak_dato", typ: tDate, required: true,
			title: text{"Vedtaksdato", "Vedtaksdato"},
			desc:  text{"Datoen reguleringen ble vedtatt.", "Datoen reguleringa vart vedteken."}},
			func(r reguleringRow) cell { return date(r.r.Vedtak.Dato) }},
		{field{name: "tekst", typ: tString,
			title: text{"Tekst", "Tekst"},
			desc:  text{"Hva reguleringen gjelder.", "Kva reguleringa gjeld."}},
			func(r reguleringRow) cell { return str(r.r.Tekst) }},
	}
	t := newTable(listReguleringer,
		text{"Budsjettreguleringer", "Budsjettreguleringar"},
		text{"Én rad per regulering av en netto driftsramme, med rammen før og etter og vedtaket som gjorde den.", "Éi rad per regulering av ei netto driftsramme, med ramma før og etter og vedtaket som gjorde ho."},
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
func hasFrame(p *compile.Prosjekt) bool { return len(p.Rammehistorikk) > 0 }

func frame(p *compile.Prosjekt, k compile.Kr) cell {
	if !hasFrame(p) {
		return null()
	}
	return integer(k.Kr)
}

func prosjektColumns() []column[*compile.Prosjekt] {
	type P = *compile.Prosjekt
	return []column[P]{
		{field{name: "id", typ: tString, required: true, unique: true,
			title: text{"Id", "Id"},
			desc:  text{"Prosjektets id, lik filnavnet i dataene.", "Id-en til prosjektet, lik filnamnet i dataa."}},
			func(p P) cell { return str(p.ID) }},
		{field{name: "nummer", typ: tString, required: true, unique: true,
			title: text{"Prosjektnummer", "Prosjektnummer"},
			desc:  text{"Prosjektnummeret i regnskapet.", "Prosjektnummeret i rekneskapen."}},
			func(p P) cell { return str(p.Nummer) }},
		{field{name: "navn", typ: tString, required: true,
			title: text{"Navn", "Namn"},
			desc:  text{"Prosjektets navn.", "Namnet på prosjektet."}},
			func(p P) cell { return str(p.Navn) }},
		{fOmrade, func(p P) cell { return str(p.Omrade.ID) }},
		{fOmradeNavn, func(p P) cell { return str(p.Omrade.Tittel) }},
		{field{name: "ansvarlig", typ: tString, required: true,
			title: text{"Ansvarlig", "Ansvarleg"},
			desc:  text{"Ansvarlig enhet.", "Ansvarleg eining."}},
			func(p P) cell { return str(p.Ansvarlig) }},
		{field{name: "fase", typ: tString, required: true, enum: record.ProsjektFaseValues,
			title: text{"Fase", "Fase"},
			desc:  text{"behovsutredning, forprosjekt, detaljprosjekt, bygging, overtatt eller avsluttet (sluttregnskap vedtatt).", "behovsutredning (behovsutgreiing), forprosjekt, detaljprosjekt, bygging, overtatt (overteke) eller avsluttet (avslutta, sluttrekneskap vedteken)."}},
			func(p P) cell { return str(p.Fase) }},
		{field{name: "start_ar", typ: tInteger,
			title: text{"Startår", "Startår"},
			desc:  text{"Året prosjektet startet, om det er oppgitt.", "Året prosjektet starta, om det er oppgitt."}},
			func(p P) cell { return yearOf(p.StartAr) }},
		{field{name: "opprinnelig", typ: tInteger,
			title: text{"Opprinnelig kostnadsramme", "Opphavleg kostnadsramme"},
			desc:  text{"Den første vedtatte kostnadsrammen, i hele kroner; tom før prosjektet har en ramme.", "Den første vedtekne kostnadsramma, i heile kroner; tom før prosjektet har ei ramme."}},
			func(p P) cell { return frame(p, p.Opprinnelig) }},
		{field{name: "justert", typ: tInteger,
			title: text{"Justert kostnadsramme", "Justert kostnadsramme"},
			desc:  text{"Summen av alle vedtak om kostnadsrammen (opprinnelig, tillegg og reduksjoner), i hele kroner.", "Summen av alle vedtak om kostnadsramma (opphavleg, tillegg og reduksjonar), i heile kroner."}},
			func(p P) cell { return frame(p, p.Justert) }},
		{field{name: "tillegg", typ: tInteger,
			title: text{"Tilleggsbevilgninger", "Tilleggsløyvingar"},
			desc:  text{"justert minus opprinnelig, i hele kroner.", "justert minus opprinnelig, i heile kroner."}},
			func(p P) cell { return frame(p, p.Tillegg) }},
		{count("antall_tillegg", text{"Antall tilleggsbevilgninger", "Talet på tilleggsløyvingar"},
			text{"Hvor mange ganger kostnadsrammen er økt.", "Kor mange gonger kostnadsramma er auka."}),
			func(p P) cell { return intOf(p.AntallTillegg) }},
		{field{name: "prognose", typ: tInteger,
			title: text{"Prognose", "Prognose"},
			desc:  text{"Prognose for sluttkostnad i hele kroner: sluttregnskapet om det finnes, ellers siste statusrapport.", "Prognose for sluttkostnad i heile kroner: sluttrekneskapen om han finst, elles siste statusrapport."}},
			func(p P) cell { return kr(p.Prognose) }},
		{field{name: "prognose_kilde", typ: tString,
			title: text{"Prognose fra", "Prognose frå"},
			desc:  text{"Hvor prognosen kommer fra: periode og år for statusrapporten (t1, t2 eller arsregnskap, f.eks. «t2 2026») eller «sluttregnskap».", "Kvar prognosen kjem frå: periode og år for statusrapporten (t1, t2 eller arsregnskap, t.d. «t2 2026») eller «sluttregnskap»."}},
			func(p P) cell { return str(p.PrognoseKilde) }},
		{field{name: "avvik_justert", typ: tInteger,
			title: text{"Avvik (kr)", "Avvik (kr)"},
			desc:  text{"prognose minus justert kostnadsramme, i hele kroner; positivt er over rammen.", "prognose minus justert kostnadsramme, i heile kroner; positivt er over ramma."}},
			func(p P) cell { return kr(p.AvvikJustert) }},
		{field{name: "avvik_justert_pct", typ: tNumber,
			title: text{"Avvik (%)", "Avvik (%)"},
			desc:  text{"avvik_justert i prosent av justert kostnadsramme, med én desimal.", "avvik_justert i prosent av justert kostnadsramme, med éin desimal."}},
			func(p P) cell { return pct(p.AvvikJustertPct) }},
		{field{name: "avvik_opprinnelig", typ: tInteger,
			title: text{"Avvik mot opprinnelig (kr)", "Avvik mot opphavleg (kr)"},
			desc:  text{"prognose minus opprinnelig kostnadsramme, i hele kroner.", "prognose minus opphavleg kostnadsramme, i heile kroner."}},
			func(p P) cell { return kr(p.AvvikOpprinnelig) }},
		{field{name: "avvik_opprinnelig_pct", typ: tNumber,
			title: text{"Avvik mot opprinnelig (%)", "Avvik mot opphavleg (%)"},
			desc:  text{"avvik_opprinnelig i prosent av opprinnelig kostnadsramme, med én desimal.", "avvik_opprinnelig i prosent av opphavleg kostnadsramme, med éin desimal."}},
			func(p P) cell { return pct(p.AvvikOpprinneligPct) }},
		{field{name: "over_ramme", typ: tBoolean, required: true,
			title: text{"Over kostnadsrammen", "Over kostnadsramma"},
			desc:  text{"true når prognosen er høyere enn justert kostnadsramme.", "true når prognosen er høgare enn justert kostnadsramme."}},
			func(p P) cell { return boolean(p.OverRamme) }},
		{field{name: "varsel", typ: tBoolean, required: true,
			title: text{"Over varslingsgrensen", "Over varslingsgrensa"},
			desc:  text{"true når avviket i prosent er større enn kommunens varslingsgrense.", "true når avviket i prosent er større enn varslingsgrensa til kommunen."}},
			func(p P) cell { return boolean(p.Varsel) }},
		{field{name: "regnskap_sum", typ: tInteger, required: true,
			title: text{"Regnskap totalt", "Rekneskap totalt"},
			desc:  text{"Summen av regnskapsførte utgifter alle år, i hele kroner.", "Summen av rekneskapsførte utgifter alle år, i heile kroner."}},
			func(p P) cell { return integer(p.RegnskapSum.Kr) }},
		{field{name: "andel_brukt", typ: tNumber,
			title: text{"Andel brukt (%)", "Del brukt (%)"},
			desc:  text{"regnskap_sum i prosent av justert kostnadsramme, med én desimal.", "regnskap_sum i prosent av justert kostnadsramme, med éin desimal."}},
			func(p P) cell { return pct(p.AndelBrukt) }},
		{field{name: "planlagt_ferdig", typ: tDate,
			title: text{"Opprinnelig planlagt ferdig", "Opphavleg planlagt ferdig"},
			desc:  text{"Den første planlagte ferdigdatoen; forsinkelse måles mot den.", "Den første planlagde ferdigdatoen; forseinking blir målt mot han."}},
			func(p P) cell { return dato(p.PlanlagtFerdig) }},
		{field{name: "forventet_ferdig", typ: tDate,
			title: text{"Forventet ferdig", "Venta ferdig"},
			desc:  text{"Overtakelsesdatoen om prosjektet er overtatt, ellers siste statusrapports forventede dato, ellers planlagt_ferdig.", "Overtakingsdatoen om prosjektet er overteke, elles den venta datoen i siste statusrapport, elles planlagt_ferdig."}},
			func(p P) cell { return dato(p.ForventetFerdig) }},
		{field{name: "forsinkelse_mnd", typ: tInteger,
			title: text{"Forsinkelse (mnd.)", "Forseinking (mnd.)"},
			desc:  text{"Hele måneder (avrundet) fra planlagt_ferdig til forventet_ferdig; negativt er tidligere. Tom når en av datoene mangler.", "Heile månader (avrunda) frå planlagt_ferdig til forventet_ferdig; negativt er tidlegare. Tom når ein av datoane manglar."}},
			func(p P) cell {
				if p.PlanlagtFerdig == nil || p.ForventetFerdig == nil {
					return null()
				}
				return intOf(p.ForsinkelseMnd)
			}},
		{field{name: "overtatt", typ: tDate,
			title: text{"Overtatt", "Overteke"},
			desc:  text{"Datoen prosjektet ble overtatt eller tatt i bruk.", "Datoen prosjektet vart overteke eller teke i bruk."}},
			func(p P) cell { return dato(p.Overtatt) }},
		{field{name: "risiko", typ: tString, enum: record.RisikoValues,
			title: text{"Risiko", "Risiko"},
			desc:  text{"Risiko i siste statusrapport: gronn (lav), gul (middels) eller rod (høy).", "Risiko i siste statusrapport: gronn (låg), gul (middels) eller rod (høg)."}},
			func(p P) cell { return str(p.Risiko) }},
		{field{name: "sluttregnskap", typ: tInteger,
			title: text{"Sluttregnskap", "Sluttrekneskap"},
			desc:  text{"Sluttkostnaden i hele kroner når sluttregnskapet er vedtatt.", "Sluttkostnaden i heile kroner når sluttrekneskapen er vedteken."}},
			func(p P) cell {
				if p.Sluttregnskap == nil {
					return null()
				}
				return integer(p.Sluttregnskap.Belop.Kr)
			}},
		{field{name: "sluttregnskap_vedtak", typ: tString,
			title: text{"Sluttregnskap vedtatt i", "Sluttrekneskap vedteken i"},
			desc:  text{"Id-en til vedtaket som godkjente sluttregnskapet.", "Id-en til vedtaket som godkjende sluttrekneskapen."}},
			func(p P) cell {
				if p.Sluttregnskap == nil {
					return null()
				}
				return str(p.Sluttregnskap.Vedtak.ID)
			}},
		{field{name: "sluttregnskap_frist", typ: tDate,
			title: text{"Frist for sluttregnskap", "Frist for sluttrekneskap"},
			desc:  text{"Etter kommunens økonomireglement: overtakelse pluss fristen i måneder, for prosjekter over beløpsgrensen.", "Etter økonomireglementet til kommunen: overtaking pluss fristen i månader, for prosjekt over beløpsgrensa."}},
			func(p P) cell { return dato(p.SluttregnskapFrist) }},
		{field{name: "sluttregnskap_forfalt", typ: tBoolean, required: true,
			title: text{"Sluttregnskap på overtid", "Sluttrekneskap på overtid"},
			desc:  text{"true når fristen for sluttregnskap er passert ved referansedatoen uten at sluttregnskap er vedtatt.", "true når fristen for sluttrekneskap er passert ved referansedatoen utan at sluttrekneskap er vedteken."}},
			func(p P) cell { return boolean(p.SluttregnskapForfalt) }},
		{fSide, func(p P) cell { return str(p.Path) }},
	}
}

func prosjektTable(site *compile.Site) *table {
	t := newTable(listProsjekter,
		text{"Investeringsprosjekter", "Investeringsprosjekt"},
		text{"Ett investeringsprosjekt per rad med kostnadsramme, prognose, avvik, regnskap og fremdrift, sortert på prosjektnummer.", "Eitt investeringsprosjekt per rad med kostnadsramme, prognose, avvik, rekneskap og framdrift, sortert på prosjektnummer."},
		prosjektColumns(), site.Prosjekter)
	t.primaryKey = []string{"id"}
	t.foreignKeys = []foreignKey{{fields: []string{"sluttregnskap_vedtak"}, resource: listVedtak, refFields: []string{"id"}}}
	return t
}

// overskridelser returns the projects whose forecast is over their
// adjusted frame, largest deviation in per cent first (then by number and
// id): the overrun page's list.
func overskridelser(site *compile.Site) []*compile.Prosjekt {
	var over []*compile.Prosjekt
	for _, p := range site.Prosjekter {
		if p.OverRamme {
			over = append(over, p)
		}
	}
	pctOf := func(p *compile.Prosjekt) float64 {
		if p.AvvikJustertPct == nil {
			return 0
		}
		return p.AvvikJustertPct.Verdi
	}
	slices.SortStableFunc(over, func(a, b *compile.Prosjekt) int {
		return cmp.Or(cmp.Compare(pctOf(b), pctOf(a)), cmp.Compare(a.Nummer, b.Nummer), cmp.Compare(a.ID, b.ID))
	})
	return over
}

func overskridelseTable(site *compile.Site) *table {
	t := newTable(listOverskridelser,
		text{"Overskridelser", "Overskridingar"},
		text{"Prosjektene med prognose over justert kostnadsramme, størst avvik i prosent først; samme kolonner som prosjekter.", "Prosjekta med prognose over justert kostnadsramme, største avvik i prosent først; same kolonnar som prosjekter."},
		prosjektColumns(), overskridelser(site))
	t.primaryKey = []string{"id"}
	t.foreignKeys = []foreignKey{
		{fields: []string{"id"}, resource: listProsjekter, refFields: []string{"id"}},
		{fields: []string{"sluttregnskap_vedtak"}, resource: listVedtak, refFields: []string{"id"}},
	}
	return t
}
