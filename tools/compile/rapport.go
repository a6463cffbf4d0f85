package compile

import (
	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/endring"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
)

func (c *compiler) rapportRef(r *record.Rapport) model.Ref {
	return model.Ref{ID: r.ID, Path: "rapporter/" + r.ID + "/", Tittel: c.rapportTittel(r), Dato: r.Dato.String()}
}

// rapportTittel is the title as written, or the catalogue's "2.
// tertialrapport 2026", "Årsrapport 2025".
func (c *compiler) rapportTittel(r *record.Rapport) string {
	if r.Tittel != "" {
		return r.Tittel
	}
	w := catalog.Must(string(c.set.Kommune.Malform))
	return w.T(rapportKey(r.Type, false), catalog.Args{"Ar": r.Ar, "Tertial": r.Tertial})
}

// rapportKort is a report's short name for a chart's axis.
func (c *compiler) rapportKort(r *record.Rapport) string {
	w := catalog.Must(string(c.set.Kommune.Malform))
	return w.T(rapportKey(r.Type, true), catalog.Args{"Ar": r.Ar, "Tertial": r.Tertial})
}

// rapportKey is the catalogue's key for a report's default title, or its
// short name.
func rapportKey(t record.RapportType, short bool) catalog.Key {
	switch {
	case t == record.Tertialrapport && short:
		return "rapport_kort_tertialrapport"
	case t == record.Tertialrapport:
		return "rapport_tittel_tertialrapport"
	case t == record.Arsrapport && short:
		return "rapport_kort_arsrapport"
	case t == record.Arsrapport:
		return "rapport_tittel_arsrapport"
	case t == record.ArsregnskapRap && short:
		return "rapport_kort_arsregnskap"
	case t == record.ArsregnskapRap:
		return "rapport_tittel_arsregnskap"
	case short:
		return "rapport_kort_annen"
	}
	return "rapport_tittel_annen"
}

// compileRapporter builds the report pages, newest first, and the section
// "since the previous report" of each project, plan and area page; and each
// project's forecast history and the report since which it is over its
// frame. It runs after the projects, plans and areas are compiled.
func (c *compiler) compileRapporter() {
	reports := endring.Compute(c.set)
	c.site.Rapporter = []*model.Rapport{}
	for i := len(reports) - 1; i >= 0; i-- {
		c.site.Rapporter = append(c.site.Rapporter, c.rapport(reports, i))
	}
	c.prognosehistorikk()
	if len(c.site.Rapporter) == 0 {
		return
	}
	latest := c.site.Rapporter[0]
	if latest.Forrige == nil {
		return
	}
	section := func(keep func(model.Endring) bool) *model.Endringssett {
		s := &model.Endringssett{Rapport: c.rapportRef(c.ix.Rapporter[latest.ID]), Forrige: *latest.Forrige, Liste: []model.Endring{}}
		for _, e := range latest.Endringer {
			if keep(e) {
				s.Liste = append(s.Liste, e)
			}
		}
		return s
	}
	for _, p := range c.site.Prosjekter {
		p.Endringer = section(func(e model.Endring) bool { return e.Om.Path == p.Path })
	}
	for _, p := range c.site.Planer {
		prefix := "planer/" + p.ID + "/"
		p.Endringer = section(func(e model.Endring) bool { return e.Om.Path == prefix || hasPrefix(e.Om.Path, prefix+"#") })
	}
	area := map[string]string{}
	for _, p := range c.set.Prosjekter {
		area["prosjekter/"+p.ID+"/"] = p.Omrade
	}
	for _, o := range c.site.Omrader {
		o.Endringer = section(func(e model.Endring) bool { return e.Om.Path == o.Path || area[e.Om.Path] == o.ID })
	}
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

func (c *compiler) rapport(reports []endring.Report, i int) *model.Rapport {
	rr := reports[i].Rapport
	self := c.rapportRef(rr)
	r := &model.Rapport{
		ID: rr.ID, Path: self.Path, Tittel: self.Tittel, Type: string(rr.Type), Ar: rr.Ar, Tertial: rr.Tertial,
		Dato: dato(rr.Dato), Vedtak: c.vedtakRefPtr(rr.Vedtak), URL: rr.URL,
		Endringer: []model.Endring{}, Antall: []model.Telling{}, Kilde: rr.Src.File, KildeURL: c.kildeURL(rr.Src.File),
	}
	if r.Vedtak != nil {
		c.link("vedtak/"+rr.Vedtak+"/omtalt", self)
	}
	if prev := reports[i].Forrige; prev != nil {
		ref := c.rapportRef(prev)
		r.Forrige = &ref
	}
	if i+1 < len(reports) {
		ref := c.rapportRef(reports[i+1].Rapport)
		r.Neste = &ref
	}
	counts := map[string]int{}
	for _, ch := range reports[i].Endringer {
		r.Endringer = append(r.Endringer, c.endring(ch, self, *r.Forrige))
		counts[string(ch.Kind)]++
	}
	kinds := make([]string, len(endring.Kinds))
	for j, k := range endring.Kinds {
		kinds[j] = string(k)
	}
	for _, t := range tellinger(kinds, counts) {
		if t.Antall > 0 {
			r.Antall = append(r.Antall, t)
		}
	}
	return r
}

// endring turns one change into the site model.
func (c *compiler) endring(ch endring.Change, rapport, forrige model.Ref) model.Endring {
	e := model.Endring{Type: string(ch.Kind), Rapport: rapport, Forrige: forrige, FraKode: ch.FraKode, TilKode: ch.TilKode,
		FraDato: datoPtr(ch.FraDato), TilDato: datoPtr(ch.TilDato), Maneder: ch.Maneder, Frist: datoPtr(ch.Frist), Ar: ch.Ar, Storrelse: ch.Size()}
	switch ch.Om {
	case endring.OmProsjekt:
		e.Om = c.prosjektRef(ch.ID)
	case endring.OmVedtak:
		e.Om = c.vedtakRef(ch.ID)
		e.Om.Path += "#punkt-" + ch.Del
		e.Del = ch.Del
	case endring.OmPlan:
		if p, t := c.ix.Tiltak(ch.ID + "/" + ch.Del); t != nil {
			e.Om = c.tiltakRef(p, t)
		}
		e.Del = ch.Del
	case endring.OmOmrade:
		e.Om = c.omradeRef(ch.ID)
	}
	if ch.HarBelop {
		e.Fra, e.Til = krPtr(ch.Fra), krPtr(ch.Til)
		e.Endring = signedKr(ch.Endring)
		e.Prosent = signedPercent(ch.Endring, ch.Fra)
	}
	if ch.Kind == endring.OverskridelseNy || ch.Kind == endring.OverskridelseSlutt {
		e.Ramme = krPtr(ch.Ramme)
		e.Over = signedKr(money.MustSub(ch.Til, ch.Ramme))
	}
	return e
}

// prognosehistorikk gives each project its forecast and frame at every
// report, the report since which it has been over its frame, and the
// vedtak that raised its frame.
func (c *compiler) prognosehistorikk() {
	reports := endring.Ordered(c.set)
	byID := map[string]*model.Prosjekt{}
	for _, p := range c.site.Prosjekter {
		byID[p.ID] = p
	}
	for _, rp := range c.set.Prosjekter {
		p := byID[rp.ID]
		if p == nil {
			continue
		}
		h := endring.History(rp, c.ix, reports)
		p.Prognosehistorikk = make([]model.Prognosepunkt, 0, len(h))
		for _, s := range h {
			p.Prognosehistorikk = append(p.Prognosehistorikk, model.Prognosepunkt{Rapport: c.rapportRef(s.Rapport), Kort: c.rapportKort(s.Rapport), Prognose: kr(s.Prognose), Ramme: kr(s.Ramme), Avvik: kr(money.MustSub(s.Prognose, s.Ramme)), Over: s.Over})
		}
		if since := endring.OverSince(h); since != nil && p.OverRamme {
			ref := c.rapportRef(since)
			ref.Merke = c.rapportKort(since) // for a narrow column
			p.OverSiden = &ref
		}
		p.Tilleggsvedtak = []model.Ref{}
		for _, s := range rp.Kostnadsramme {
			if s.Type != record.Opprinnelig && !s.Proposed() {
				p.Tilleggsvedtak = append(p.Tilleggsvedtak, c.vedtakRef(s.Vedtak))
			}
		}
	}
}
