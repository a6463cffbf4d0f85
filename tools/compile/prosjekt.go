package compile

import (
	"cmp"
	"slices"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/markdown"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/oversikt"
	"github.com/openkommune/portal/tools/record"
)

func (c *compiler) compileProsjekter() {
	for _, rp := range c.set.Prosjekter {
		p := c.prosjekt(rp)
		c.site.Prosjekter = append(c.site.Prosjekter, p)
	}
	slices.SortFunc(c.site.Prosjekter, func(a, b *model.Prosjekt) int {
		return cmp.Or(cmp.Compare(a.Nummer, b.Nummer), cmp.Compare(a.ID, b.ID))
	})
}

func (c *compiler) prosjekt(rp *record.Prosjekt) *model.Prosjekt {
	self := c.prosjektRef(rp.ID)
	p := &model.Prosjekt{
		ID: rp.ID, Path: self.Path, Nummer: rp.Nummer, Navn: rp.Navn,
		Omrade: c.omradeRef(rp.Omrade), Ansvarlig: rp.Ansvarlig, Beskrivelse: markdown.Escape(rp.Beskrivelse), Utdrag: utdrag(rp.Beskrivelse), Sted: rp.Sted,
		Fase: string(rp.Fase), FaseNr: rp.Fase.Index() + 1, Felter: felter(rp), StartAr: rp.StartAr,
		Rammehistorikk: []model.Steg{}, Regnskap: []model.Arsbelop{}, Bevilgninger: []model.Bevilgning{}, Statusrapporter: []model.Statusrapport{},
		PlanlagtFerdig: datoPtr(rp.PlanlagtFerdig), Overtatt: datoPtr(rp.Overtatt),
		Kilde: rp.Src.File, KildeURL: c.kildeURL(rp.Src.File),
	}
	if rp.Omrade != "" { // "" when the source does not give it (ukjent)
		c.link("omrade/"+rp.Omrade+"/prosjekter", self)
	}
	for _, ref := range rp.Tiltak {
		if plan, t := c.ix.Tiltak(ref); t != nil {
			c.link("prosjekt/"+rp.ID+"/tiltak", c.tiltakRef(plan, t))
		}
	}
	moved := func(typ, vedtak string, ar int, belop int64, tekst string) {
		v := c.vedtakRef(vedtak)
		c.link("prosjekt/"+rp.ID+"/vedtak", v)
		c.link("vedtak/"+vedtak+"/prosjekter", self)
		if vd := c.vedtak[vedtak]; vd != nil {
			vd.Penger = append(vd.Penger, model.Pengelinje{Type: typ, Til: self, Ar: ar, Belop: kr(belop), Tekst: tekst})
		}
	}

	// The kostnadsramme history.
	var frame int64
	for _, s := range rp.Kostnadsramme {
		if s.Proposed() {
			continue // not decided: forslag.go
		}
		frame = money.MustAdd(frame, s.Belop.Kr)
		if len(p.Rammehistorikk) == 0 {
			p.Opprinnelig = kr(s.Belop.Kr)
		}
		if s.Type == record.Tillegg {
			p.AntallTillegg++
		}
		var d model.Dato
		if v := c.ix.Vedtak[s.Vedtak]; v != nil {
			d = dato(v.Motedato)
		}
		p.Rammehistorikk = append(p.Rammehistorikk, model.Steg{Type: string(s.Type), Dato: d, Belop: kr(s.Belop.Kr), Ramme: kr(frame), Vedtak: c.vedtakRef(s.Vedtak), Tekst: s.Tekst})
		moved("kostnadsramme_"+string(s.Type), s.Vedtak, 0, s.Belop.Kr, s.Tekst)
	}
	p.Justert = kr(frame)
	p.Tillegg = kr(money.MustSub(frame, p.Opprinnelig.Kr))
	if len(p.Rammehistorikk) > 0 {
		p.Rammevekst = signedKr(p.Tillegg.Kr)
		p.RammevekstPct = signedPercent(p.Tillegg.Kr, p.Opprinnelig.Kr)
	}
	p.Foreslatt = []model.Forslagssteg{}
	c.proposedFrame(p, rp, frame)

	p.Investeringslinje = oversikt.ProjectLine(rp)
	for _, b := range rp.Bevilgning {
		p.Bevilgninger = append(p.Bevilgninger, model.Bevilgning{Ar: b.Ar, Belop: kr(b.Belop.Kr), Vedtak: c.vedtakRef(b.Vedtak)})
		moved("bevilgning", b.Vedtak, b.Ar, b.Belop.Kr, "")
	}

	// Spend.
	regnskap := slices.Clone(rp.Regnskap)
	slices.SortFunc(regnskap, func(a, b record.Arsregnskap) int { return cmp.Compare(a.Ar, b.Ar) })
	var spent int64
	for _, r := range regnskap {
		spent = money.MustAdd(spent, r.Belop.Kr)
		p.Regnskap = append(p.Regnskap, model.Arsbelop{Ar: r.Ar, Belop: kr(r.Belop.Kr)})
	}
	if len(regnskap) > 0 {
		p.RegnskapSum = krPtr(spent)
		p.AndelBrukt = percent(spent, frame)
	}

	// Status reports; the latest one gives the forecast and expected date.
	expected := rp.PlanlagtFerdig
	for _, s := range rp.Statusrapport {
		p.Statusrapporter = append(p.Statusrapporter, model.Statusrapport{
			Ar: s.Ar, Periode: string(s.Periode), Dato: dato(s.Periode.End(s.Ar)), Prognose: kr(s.Prognose.Kr),
			ForventetFerdig: datoPtr(s.ForventetFerdig), Risiko: string(s.Risiko), Kommentar: s.Kommentar,
		})
	}
	if n := len(rp.Statusrapport); n > 0 {
		last := rp.Statusrapport[n-1]
		p.Prognose = krPtr(last.Prognose.Kr)
		p.PrognoseKilde = string(last.Periode) + " " + itoa(last.Ar)
		p.Risiko = string(last.Risiko)
		if !last.ForventetFerdig.IsZero() {
			expected = last.ForventetFerdig
		}
	}
	if sr := rp.Sluttregnskap; sr != nil {
		p.Prognose = krPtr(sr.Belop.Kr)
		p.PrognoseKilde = "sluttregnskap"
		p.Sluttregnskap = &model.Sluttregnskap{Belop: kr(sr.Belop.Kr), Vedtak: c.vedtakRef(sr.Vedtak), Vurdering: sr.Vurdering, Avvik: kr(money.MustSub(sr.Belop.Kr, frame))}
		moved("sluttregnskap", sr.Vedtak, 0, sr.Belop.Kr, sr.Vurdering)
	}
	if !rp.Overtatt.IsZero() {
		expected = rp.Overtatt
	}
	p.ForventetFerdig = datoPtr(expected)
	p.ForsinkelseMnd = Forsinkelse(rp.PlanlagtFerdig, expected)

	if p.Prognose != nil && frame > 0 {
		avvik := money.MustSub(p.Prognose.Kr, frame)
		mot := money.MustSub(p.Prognose.Kr, p.Opprinnelig.Kr)
		p.AvvikJustert = krPtr(avvik)
		p.AvvikJustertPct = percent(avvik, frame)
		p.AvvikOpprinnelig = krPtr(mot)
		p.AvvikOpprinneligPct = percent(mot, p.Opprinnelig.Kr)
		p.OverRamme = avvik > 0
		p.Varsel = Varsel(avvik, frame, c.varsel)
	}

	// The kommune's rule: a sluttregnskap within N months of handover for
	// projects whose frame is over the threshold.
	if !rp.Overtatt.IsZero() && frame > c.site.Kommune.SluttregnskapGrense.Kr {
		frist := rp.Overtatt.AddMonths(c.site.Kommune.SluttregnskapFristManeder)
		p.SluttregnskapFrist = datoPtr(frist)
		p.SluttregnskapForfalt = rp.Sluttregnskap == nil && c.ref.After(frist)
	}
	return p
}

// Forsinkelse returns how many months expected is after planned (negative
// if earlier), or 0 if either is unknown.
func Forsinkelse(planned, expected caldate.Date) int {
	if planned.IsZero() || expected.IsZero() {
		return 0
	}
	return planned.MonthsUntil(expected)
}

// Varsel reports whether a project whose forecast is avvik kroner above
// its adjusted frame is over the kommune's alert threshold: over the frame
// by more than threshold per cent of it, decided on exact kroner
// (avvik·100 > threshold·frame), never on the rounded percentage shown, so
// that 5.04 % is over a threshold of 5.0 % and exactly 5.0 % is not. Every
// "over varslingsgrensen" on the site (the project page, the overrun list,
// the chart, the alert feed, the CSV) reads Prosjekt.Varsel, set from here.
func Varsel(avvik, frame int64, threshold money.Percent) bool {
	return avvik > 0 && threshold.Exceeded(avvik, frame)
}
