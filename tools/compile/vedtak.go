package compile

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/openkommune/portal/tools/caldate"

	"github.com/openkommune/portal/tools/markdown"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/record"
)

func itoa(n int) string { return strconv.Itoa(n) }

func (c *compiler) compileVedtak() {
	utvalgCount := map[string]int{}
	for _, rv := range c.set.Vedtak {
		v := &model.Vedtak{
			ID:         rv.ID,
			Path:       "vedtak/" + rv.ID + "/",
			Utvalg:     model.Utvalg{Kode: rv.Utvalg},
			Merke:      merke(rv),
			Dato:       dato(rv.Motedato),
			Ar:         rv.Motedato.Y,
			Saksnummer: rv.Saksnummer,
			Arkivsak:   rv.Arkivsak,
			Tittel:     rv.Tittel,
			Tekst:      markdown.Escape(rv.Tekst),
			Utdrag:     utdrag(rv.Tekst, firstPoint(rv)),
			InnsynURL:  rv.InnsynURL,
			Punkter:    []*model.Punkt{},
			Penger:     []model.Pengelinje{},
			Kilde:      rv.Src.File,
			Forslag:    c.forslag(rv),
			Voteringer: c.voteringer(rv, 0, rv.Votering),
		}
		if u := c.ix.Utvalg[rv.Utvalg]; u != nil {
			v.Utvalg.Navn = u.Navn
		}
		utvalgCount[rv.Utvalg]++
		self := c.vedtakRef(rv.ID)
		for _, id := range rv.Planer {
			c.link("vedtak/"+rv.ID+"/planer", c.planRef(id))
			c.link("plan/"+id+"/vedtak", self)
		}
		for _, id := range rv.Rammeomrader {
			c.link("vedtak/"+rv.ID+"/omrader", c.omradeRef(id))
			c.link("omrade/"+id+"/vedtak", self)
		}
		for _, id := range rv.Prosjekter {
			c.link("vedtak/"+rv.ID+"/prosjekter", c.prosjektRef(id))
			c.link("prosjekt/"+id+"/vedtak", self)
		}
		for _, rp := range rv.Punkt {
			p := c.punkt(rv, rp)
			v.Punkter = append(v.Punkter, p)
			if !record.Status(p.Status).Closed() {
				v.Apne++
			}
			if p.Forsinket {
				v.Forsinket++
			}
		}
		c.vedtak[v.ID] = v
		c.site.Vedtak = append(c.site.Vedtak, v)
	}
	// Newest first; the same day by utvalg and case number.
	slices.SortFunc(c.site.Vedtak, func(a, b *model.Vedtak) int {
		return cmp.Or(cmp.Compare(b.Dato.ISO, a.Dato.ISO), cmp.Compare(a.ID, b.ID))
	})
	for i := range c.site.Kommune.Utvalg {
		u := &c.site.Kommune.Utvalg[i]
		u.Antall = utvalgCount[u.Kode]
	}
	for _, v := range c.site.Vedtak {
		v.Utvalg.Antall = utvalgCount[v.Utvalg.Kode]
	}
	c.vedtakAr()
}

// vedtakAr counts the vedtak of each year (Site.Vedtak is newest first, so
// a year's vedtak are next to each other).
func (c *compiler) vedtakAr() {
	c.site.VedtakAr = []model.VedtakAr{}
	perUtvalg := map[string]int{}
	for i, v := range c.site.Vedtak {
		if n := len(c.site.VedtakAr); n == 0 || c.site.VedtakAr[n-1].Ar != v.Ar {
			c.site.VedtakAr = append(c.site.VedtakAr, model.VedtakAr{Ar: v.Ar, Path: "vedtak/" + itoa(v.Ar) + "/", Fra: i, Utvalg: []model.Utvalg{}})
			clear(perUtvalg)
		}
		y := &c.site.VedtakAr[len(c.site.VedtakAr)-1]
		y.Antall++
		y.Punkter += len(v.Punkter)
		y.Apne += v.Apne
		y.Forsinket += v.Forsinket
		perUtvalg[v.Utvalg.Kode]++
		if i+1 == len(c.site.Vedtak) || c.site.Vedtak[i+1].Ar != v.Ar {
			for _, u := range c.site.Kommune.Utvalg {
				if n := perUtvalg[u.Kode]; n > 0 {
					y.Utvalg = append(y.Utvalg, model.Utvalg{Kode: u.Kode, Navn: u.Navn, Antall: n})
				}
			}
		}
	}
}

// Forsinket reports whether a point with due date frist and the given
// current status is late at the reference date ref: due before ref and
// neither fullfort nor utgar. A point due on the reference date is not late.
func Forsinket(frist caldate.Date, status record.Status, ref caldate.Date) bool {
	return !frist.IsZero() && frist.Before(ref) && !status.Closed()
}

func (c *compiler) punkt(v *record.Vedtak, rp record.Vedtakspunkt) *model.Punkt {
	p := &model.Punkt{
		Nr:         rp.Nr,
		Tekst:      rp.Tekst,
		TekstMD:    escapedIfChanged(rp.Tekst),
		Ansvarlig:  rp.Ansvarlig,
		Frist:      datoPtr(rp.Frist),
		Status:     string(record.IkkeStartet),
		Oppfolging: []model.Oppfolging{},
		Voteringer: c.voteringer(v, rp.Nr, rp.Votering),
	}
	for _, o := range rp.Oppfolging {
		p.Status = string(o.Status)
		p.StatusDato = datoPtr(o.Dato)
		entry := model.Oppfolging{Dato: dato(o.Dato), Status: string(o.Status), Tekst: o.Tekst, RapportertI: o.RapportertI, Vedtak: c.vedtakRefPtr(o.Vedtak)}
		if r := c.ix.Rapporter[o.Rapport]; r != nil {
			ref := c.rapportRef(r)
			entry.Rapport, entry.RapportertI = &ref, ref.Tittel
		}
		p.Oppfolging = append(p.Oppfolging, entry)
		if o.Vedtak != "" && o.Vedtak != v.ID {
			// The later vedtak reported on this one: link both ways.
			c.link("vedtak/"+o.Vedtak+"/omtalt", c.vedtakRef(v.ID))
			c.link("vedtak/"+v.ID+"/omtalt", c.vedtakRef(o.Vedtak))
		}
	}
	p.Forsinket = Forsinket(rp.Frist, record.Status(p.Status), c.ref)
	return p
}

// utdragLen is the longest description in runes: about what search engines
// and link previews show.
const utdragLen = 160

// utdrag is a record's description: the first sentence of the first of
// texts that has one.
func utdrag(texts ...string) string {
	for _, t := range texts {
		if s := markdown.Sentence(t, utdragLen); s != "" {
			return s
		}
	}
	return ""
}

// firstPoint is the text of a vedtak's first point, or "".
func firstPoint(rv *record.Vedtak) string {
	if len(rv.Punkt) == 0 {
		return ""
	}
	return rv.Punkt[0].Tekst
}

// escapedIfChanged is markdown.Escape(s) if that differs from s, else "":
// a text the page renders as Markdown but the downloads give as written.
func escapedIfChanged(s string) string {
	if e := markdown.Escape(s); e != s {
		return e
	}
	return ""
}
