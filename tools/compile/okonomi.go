package compile

import (
	"cmp"
	"slices"

	"github.com/openkommune/portal/tools/markdown"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
)

func (c *compiler) compileOmrader() {
	if c.set.Omrader == nil {
		return
	}
	for i := range c.set.Omrader.Omrade {
		ro := &c.set.Omrader.Omrade[i]
		merke, etikett := omradeMerke(ro)
		o := &model.Omrade{
			ID:           ro.ID,
			Path:         "rammeomrader/" + ro.ID + "/",
			Navn:         ro.Navn,
			Merke:        merke,
			Etikett:      etikett,
			Beskrivelse:  markdown.Escape(ro.Beskrivelse),
			Utdrag:       utdrag(ro.Beskrivelse),
			Ansvarlig:    ro.Ansvarlig,
			Kostra:       append([]string{}, ro.Kostra...),
			Underomrader: []model.Ref{},
			Rammer:       []model.OmradeRamme{},
			Regnskap:     []model.Regnskapslinje{},
		}
		c.omrader[o.ID] = o
		c.site.Omrader = append(c.site.Omrader, o)
	}
	for _, o := range c.site.Omrader {
		if p := c.tree.Parent(o.ID); p != "" {
			r := c.omradeRef(p)
			o.Overordnet = &r
		}
		for _, ch := range c.tree.Children(o.ID) {
			o.Underomrader = append(o.Underomrader, c.omradeRef(ch))
		}
	}
}

// compileOkonomiplaner follows each area's frame through the reguleringer.
func (c *compiler) compileOkonomiplaner() {
	plans := slices.Clone(c.set.Okonomiplan)
	slices.SortFunc(plans, func(a, b *record.Okonomiplan) int { return cmp.Compare(a.ForsteAr, b.ForsteAr) })
	ab := c.set.Arsbudsjetter()
	for _, ro := range plans {
		self := c.okonomiplanRef(ro)
		o := &model.Okonomiplan{
			ID:           ro.ID,
			Path:         self.Path,
			Tittel:       self.Tittel,
			Reguleringer: []model.Reguleringssteg{},
			Regnskap:     []model.Regnskapslinje{},
			Samlet:       []*model.Kr{},
			Kilde:        ro.Src.File,
			KildeURL:     c.kildeURL(ro.Src.File),
		}
		if ro.Plan != "" {
			r := c.planRef(ro.Plan)
			o.Plan = &r
			c.link("plan/"+ro.Plan+"/okonomiplaner", self)
		}
		for i := range record.PlanYears {
			o.Ar = append(o.Ar, ro.ForsteAr+i)
		}
		c.compileStadier(ro, o, self)
		st := ro.Adopted()
		if st == nil {
			// Not adopted: no vedtatt or regulert figures anywhere (check
			// refuses reguleringer and regnskap without a vedtatt stage).
			c.site.Okonomiplaner = append(c.site.Okonomiplaner, o)
			continue
		}
		o.Vedtatt = c.vedtakRefPtr(st.Vedtak)
		adopted := c.ix.Vedtak[st.Vedtak]
		// frames[area][year index] is the frame as it stands while we walk
		// the reguleringer in order; steps records each change.
		type key struct {
			omrade string
			year   int
		}
		frames := map[key]int64{}
		steps := map[key][]model.Steg{}
		for _, r := range c.treeRammer(st.Ramme) {
			line := model.Rammelinje{Omrade: c.omradeRef(r.Omrade), Niva: r.Niva}
			for i, b := range r.Belop {
				if i >= record.PlanYears {
					break
				}
				k := key{r.Omrade, ro.ForsteAr + i}
				frames[k] = b.Kr
				line.Vedtatt = append(line.Vedtatt, kr(b.Kr))
				if adopted != nil {
					steps[k] = []model.Steg{{Type: "vedtatt", Dato: dato(adopted.Motedato), Belop: kr(b.Kr), Ramme: kr(b.Kr), Vedtak: c.vedtakRef(adopted.ID)}}
				}
			}
			o.Rammer = append(o.Rammer, line)
		}
		regs, accounts := c.ofBudget(plans, ab, ro)
		for _, r := range regs {
			k := key{r.Omrade, r.Ar}
			before := frames[k]
			frames[k] = money.MustAdd(before, r.Belop.Kr)
			// The frame of each area above it changes by as much.
			for _, a := range c.tree.Ancestors(r.Omrade) {
				if ak := (key{a, r.Ar}); hasFrame(frames, ak) {
					frames[ak] = money.MustAdd(frames[ak], r.Belop.Kr)
				}
			}
			v := c.vedtakRef(r.Vedtak)
			o.Reguleringer = append(o.Reguleringer, model.Reguleringssteg{
				Omrade: c.omradeRef(r.Omrade), Ar: r.Ar, Belop: kr(r.Belop.Kr),
				For: kr(before), Etter: kr(frames[k]), Vedtak: v, Tekst: r.Tekst,
			})
			var d model.Dato
			if rv := c.ix.Vedtak[r.Vedtak]; rv != nil {
				d = dato(rv.Motedato)
			}
			steps[k] = append(steps[k], model.Steg{Type: "regulering", Dato: d, Belop: kr(r.Belop.Kr), Ramme: kr(frames[k]), Vedtak: v, Tekst: r.Tekst})
			c.link("vedtak/"+r.Vedtak+"/omrader", c.omradeRef(r.Omrade))
			c.link("omrade/"+r.Omrade+"/vedtak", v)
			if vd := c.vedtak[r.Vedtak]; vd != nil {
				vd.Penger = append(vd.Penger, model.Pengelinje{Type: "regulering", Til: c.omradeRef(r.Omrade), Ar: r.Ar, Belop: kr(r.Belop.Kr), Tekst: r.Tekst})
			}
		}
		o.SumVedtatt = make([]model.Kr, record.PlanYears)
		o.SumRegulert = make([]model.Kr, record.PlanYears)
		for li := range o.Rammer {
			line := &o.Rammer[li]
			for i := range record.PlanYears {
				if i >= len(line.Vedtatt) {
					break
				}
				k := key{line.Omrade.ID, ro.ForsteAr + i}
				line.Regulert = append(line.Regulert, kr(frames[k]))
				line.Endring = append(line.Endring, kr(money.MustSub(frames[k], line.Vedtatt[i].Kr)))
				if line.Niva.Niva == 0 {
					o.SumVedtatt[i] = kr(money.MustAdd(o.SumVedtatt[i].Kr, line.Vedtatt[i].Kr))
					o.SumRegulert[i] = kr(money.MustAdd(o.SumRegulert[i].Kr, frames[k]))
				}
				if a := c.omrader[line.Omrade.ID]; a != nil {
					a.Rammer = append(a.Rammer, model.OmradeRamme{
						Okonomiplan: self, Ar: ro.ForsteAr + i, Arsbudsjett: ab.Owner[ro.ForsteAr+i] == ro,
						Vedtatt: line.Vedtatt[i], Regulert: kr(frames[k]), Steg: orEmpty(steps[k]),
					})
				}
			}
		}
		for _, a := range st.SumDriftsrammer {
			o.SumOppgitt = append(o.SumOppgitt, kr(a.Kr))
		}
		for _, s := range o.Stadier {
			if s.Type == string(record.Vedtatt) {
				o.SumVist = s.SumVist
				o.SumTrykkfeil = s.Trykkfeil
			}
		}
		o.SumRegulertVist = regulertVist(o)
		if len(st.Ramme) == 0 {
			// Adopted as a total only (samlet_ramme): no area frames, so no
			// sums of them; the page shows the stated totals instead.
			o.SumVedtatt, o.SumRegulert, o.SumVist, o.SumRegulertVist = []model.Kr{}, []model.Kr{}, []model.Kr{}, []model.Kr{}
			for _, s := range o.Stadier {
				if s.Type == string(record.Vedtatt) {
					o.Samlet = s.Samlet
				}
			}
		}
		for _, r := range accounts {
			line := c.regnskapslinje(ro, st, regs, r)
			line.Kilde = c.filedRef(r)
			o.Regnskap = append(o.Regnskap, line)
			if a := c.omrader[r.Omrade]; a != nil {
				a.Regnskap = append(a.Regnskap, line)
			}
		}
		c.site.Okonomiplaner = append(c.site.Okonomiplaner, o)
	}
	// Each area's frames by year, each year's plans oldest first (plans
	// are walked by first year, so a stable sort by year keeps that).
	for _, a := range c.site.Omrader {
		slices.SortStableFunc(a.Rammer, func(x, y model.OmradeRamme) int { return cmp.Compare(x.Ar, y.Ar) })
	}
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// regnskapslinje sets an area's accounts at a period against its frame as
// regulated by the vedtak made up to the end of that period.
func (c *compiler) regnskapslinje(ro *record.Okonomiplan, st *record.Stage, regs []record.Regulering, r record.Driftsregnskap) model.Regnskapslinje {
	end := r.Periode.End(r.Ar)
	var frame int64
	for _, rm := range c.treeRammer(st.Ramme) {
		if rm.Omrade == r.Omrade && r.Ar-ro.ForsteAr < len(rm.Belop) && r.Ar >= ro.ForsteAr {
			frame = rm.Belop[r.Ar-ro.ForsteAr].Kr
		}
	}
	for _, rg := range regs {
		if v := c.ix.Vedtak[rg.Vedtak]; (rg.Omrade == r.Omrade || c.tree.Under(rg.Omrade, r.Omrade)) && rg.Ar == r.Ar && v != nil && !v.Motedato.After(end) {
			frame = money.MustAdd(frame, rg.Belop.Kr)
		}
	}
	line := model.Regnskapslinje{Omrade: c.omradeRef(r.Omrade), Ar: r.Ar, Periode: string(r.Periode), Regnskap: kr(r.Regnskap.Kr), Ramme: kr(frame)}
	switch {
	case r.Periode == "arsregnskap":
		line.Avvik = krPtr(money.MustSub(r.Regnskap.Kr, frame))
	case r.Prognose.Set:
		line.Prognose = krPtr(r.Prognose.Kr)
		line.Avvik = krPtr(money.MustSub(r.Prognose.Kr, frame))
	}
	return line
}

// hasFrame reports whether the frames walked so far have key k.
func hasFrame[K comparable](frames map[K]int64, k K) bool {
	_, ok := frames[k]
	return ok
}

// ofBudget gathers the reguleringer and regnskap that belong to plan ro's
// budget years by the årsbudsjett rule (record.Arsbudsjett), from every
// plan's file: the reguleringer in the order decided (file order among
// the same date), the accounts in file order.
func (c *compiler) ofBudget(plans []*record.Okonomiplan, ab record.Arsbudsjett, ro *record.Okonomiplan) ([]record.Regulering, []record.Driftsregnskap) {
	belongs := func(p *record.Okonomiplan, year int) bool {
		if owner := ab.Owner[year]; owner != nil {
			return owner == ro
		}
		return p == ro
	}
	var regs []record.Regulering
	var accounts []record.Driftsregnskap
	filed := c.filedAccounts()
	inFile := func(a record.Driftsregnskap) bool { return c.filedRef(a) != nil }
	for _, p := range plans {
		for _, r := range p.Regulering {
			if belongs(p, r.Ar) {
				regs = append(regs, r)
			}
		}
		for _, r := range p.Regnskap {
			if belongs(p, r.Ar) && !inFile(r) {
				accounts = append(accounts, r)
			}
		}
	}
	for y := ro.ForsteAr; y < ro.ForsteAr+record.PlanYears; y++ {
		if ab.Owner[y] == ro {
			accounts = append(accounts, filed[y]...)
		}
	}
	slices.SortStableFunc(regs, func(a, b record.Regulering) int {
		va, vb := c.ix.Vedtak[a.Vedtak], c.ix.Vedtak[b.Vedtak]
		if va == nil || vb == nil {
			return 0
		}
		return va.Motedato.Compare(vb.Motedato)
	})
	return regs, accounts
}

// regulertVist is the regulated total of each year as the site shows it:
// the adopted total shown (the printed sum where stated) plus the year's
// reguleringer (regulated − adopted, both computed from the frames); for
// a year whose printed sum is a known misprint, the computed regulated
// total.
func regulertVist(o *model.Okonomiplan) []model.Kr {
	out := make([]model.Kr, len(o.SumRegulert))
	for i, r := range o.SumRegulert {
		out[i] = r
		if i < len(o.SumTrykkfeil) && o.SumTrykkfeil[i] {
			continue // a misprinted sum is not carried on: the frames' own total
		}
		if i < len(o.SumVist) && i < len(o.SumVedtatt) {
			out[i] = kr(money.MustAdd(o.SumVist[i].Kr, money.MustSub(r.Kr, o.SumVedtatt[i].Kr)))
		}
	}
	return out
}
