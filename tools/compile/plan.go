package compile

import (
	"cmp"
	"slices"

	"github.com/openkommune/portal/tools/markdown"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/record"
)

// planOrder sorts plans from the longest horizon down (the plan system's
// order), then by start year, newest first.
func planOrder(a, b *record.Plan) int {
	return cmp.Or(
		cmp.Compare(slices.Index(record.PlanTypeValues, string(a.Type)), slices.Index(record.PlanTypeValues, string(b.Type))),
		cmp.Compare(b.FraAr, a.FraAr),
		cmp.Compare(a.ID, b.ID),
	)
}

func (c *compiler) compilePlaner() {
	plans := slices.Clone(c.set.Planer)
	slices.SortFunc(plans, planOrder)
	for _, rp := range plans {
		self := c.planRef(rp.ID)
		p := &model.Plan{
			ID:              rp.ID,
			Path:            self.Path,
			Type:            string(rp.Type),
			Tittel:          rp.Tittel,
			Beskrivelse:     markdown.Escape(rp.Beskrivelse),
			Utdrag:          utdrag(rp.Beskrivelse),
			FraAr:           rp.FraAr,
			TilAr:           rp.TilAr,
			Status:          string(rp.Status),
			Vedtatt:         c.vedtakRefPtr(rp.VedtattI),
			Satsingsomrader: []model.Satsingsomrade{},
			Tiltak:          []*model.Tiltak{},
			Faser:           []model.Fase{},
			Kilde:           rp.Src.File,
			KildeURL:        c.kildeURL(rp.Src.File),
		}
		if rp.VedtattI != "" {
			c.link("vedtak/"+rp.VedtattI+"/planer", self)
			c.link("plan/"+rp.ID+"/vedtak", c.vedtakRef(rp.VedtattI))
		}
		if rp.Overordnet != "" {
			r := c.planRef(rp.Overordnet)
			p.Overordnet = &r
			c.link("plan/"+rp.Overordnet+"/underordnede", self)
		}
		for _, rs := range rp.Satsingsomrade {
			s := model.Satsingsomrade{ID: rs.ID, Navn: rs.Navn, Beskrivelse: markdown.Escape(rs.Beskrivelse), Barekraftsmal: orEmpty(slices.Clone(rs.Barekraftsmal)), Mal: []model.Mal{}}
			for _, m := range rs.Mal {
				s.Mal = append(s.Mal, model.Mal{ID: m.ID, Tekst: m.Tekst, Tiltak: []model.Ref{}})
			}
			p.Satsingsomrader = append(p.Satsingsomrader, s)
		}
		perFase := map[string]int{}
		perStatus := map[string]int{}
		for i := range rp.Tiltak {
			rt := &rp.Tiltak[i]
			t := c.tiltak(rp, rt)
			p.Tiltak = append(p.Tiltak, t)
			perFase[t.Fase]++
			perStatus[t.Status]++
		}
		p.TiltakPerFase = tellinger(record.TiltakFaseValues, perFase)
		p.TiltakPerStatus = tellinger(record.StatusValues, perStatus)
		for _, rf := range rp.Fase {
			f := model.Fase{Nr: rf.Nr, Navn: rf.Navn, Fra: datoPtr(rf.Fra), Til: datoPtr(rf.Til), Sjekkpunkt: []model.Sjekkpunkt{}}
			for _, s := range rf.Sjekkpunkt {
				f.Sjekkpunkt = append(f.Sjekkpunkt, model.Sjekkpunkt{Tekst: s.Tekst, Oppfylt: s.Oppfylt, Dato: datoPtr(s.Dato)})
				if s.Oppfylt {
					f.Oppfylt++
				}
			}
			p.Faser = append(p.Faser, f)
		}
		c.planer[p.ID] = p
		c.site.Planer = append(c.site.Planer, p)
	}
}

func tellinger(order []string, counts map[string]int) []model.Telling {
	out := []model.Telling{}
	for _, k := range order {
		out = append(out, model.Telling{Kode: k, Antall: counts[k]})
	}
	return out
}

func (c *compiler) tiltak(rp *record.Plan, rt *record.Tiltak) *model.Tiltak {
	self := c.tiltakRef(rp, rt)
	t := &model.Tiltak{
		ID: rt.ID, Anchor: "tiltak-" + rt.ID, Tittel: rt.Tittel, Beskrivelse: markdown.Escape(rt.Beskrivelse),
		Ansvarlig: rt.Ansvarlig, Fase: string(rt.Fase), Status: string(rt.Status), Begrunnelse: rt.Begrunnelse,
		Mal: []model.Ref{}, Omrader: []model.Ref{}, Prosjekter: []model.Ref{}, Vedtak: []model.Ref{},
	}
	for _, ref := range rt.Mal {
		mp, _, m := c.ix.Mal(rp, ref)
		if m == nil {
			continue
		}
		t.Mal = append(t.Mal, model.Ref{ID: mp.ID + "/" + m.ID, Path: "planer/" + mp.ID + "/#mal-" + m.ID, Tittel: m.Tekst, Merke: mp.Tittel})
		c.link("mal/"+mp.ID+"/"+m.ID, self)
	}
	for _, id := range rt.Rammeomrader {
		t.Omrader = append(t.Omrader, c.omradeRef(id))
		c.link("omrade/"+id+"/tiltak", self)
	}
	for _, id := range rt.Prosjekter {
		t.Prosjekter = append(t.Prosjekter, c.prosjektRef(id))
		c.link("prosjekt/"+id+"/tiltak", self)
	}
	for _, id := range rt.Vedtak {
		t.Vedtak = append(t.Vedtak, c.vedtakRef(id))
		c.link("vedtak/"+id+"/planer", c.planRef(rp.ID))
		c.link("plan/"+rp.ID+"/vedtak", c.vedtakRef(id))
	}
	return t
}
