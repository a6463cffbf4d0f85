package compile

import (
	"strconv"

	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
)

// compileStadier sets the stages of an økonomiplan (record.Stage) on o:
// each stage with its frames and sums, the stage the plan is at, and the
// stages side by side per year.
func (c *compiler) compileStadier(ro *record.Okonomiplan, o *model.Okonomiplan, self model.Ref) {
	o.Enhet = string(ro.Enhet)
	if o.Enhet == "" {
		o.Enhet = string(money.UnitKr)
	}
	if ro.Toleranse.Set && ro.Toleranse.Kr > 0 {
		o.Toleranse = krPtr(ro.Toleranse.Kr)
	}
	if latest := ro.Latest(); latest != nil {
		o.Stadium = string(latest.Type)
	}
	o.Stadier = []model.Stadium{}
	seen := map[record.StadiumType]int{}
	for _, st := range ro.Ordered() {
		s := model.Stadium{Type: string(st.Type), Navn: st.Navn, Dokument: st.Dokument, Vedtak: c.vedtakRefPtr(st.Vedtak), Anker: "stadium-" + string(st.Type)}
		seen[st.Type]++
		if n := seen[st.Type]; st.Type == record.Alternativ || n > 1 {
			s.Anker += "-" + strconv.Itoa(n) // alternativ-1, forslag-2 (a revised forslag)
		}
		s.Dato = datoPtr(st.Date(c.ix))
		s.DatoUkjent = st.Unknown("dato")
		if st.Vedtak != "" {
			c.link("vedtak/"+st.Vedtak+"/planer", self)
			if st.Forslag != "" && s.Vedtak != nil {
				s.Forslag = forslagAnchor(st.Forslag) // the proposal's anchor on the vedtak page, at its vote
			}
		}
		s.Sum = make([]model.Kr, record.PlanYears)
		for _, r := range c.treeRammer(st.Ramme) {
			line := model.StadieRamme{Omrade: c.omradeRef(r.Omrade), Niva: r.Niva}
			for i, b := range r.Belop {
				if i >= record.PlanYears {
					break
				}
				line.Belop = append(line.Belop, kr(b.Kr))
				if r.Niva.Niva == 0 {
					s.Sum[i] = kr(money.MustAdd(s.Sum[i].Kr, b.Kr))
				}
			}
			s.Rammer = append(s.Rammer, line)
		}
		s.SumVist = append([]model.Kr{}, s.Sum...)
		s.Trykkfeil = []bool{}
		s.UtenRammer = len(st.Ramme) == 0
		s.Enhet = string(st.Enhet)
		s.Samlet = make([]*model.Kr, record.PlanYears)
		for i := range record.PlanYears {
			if a, ok := st.Samlet(ro.ForsteAr + i); ok {
				k := kr(a.Kr)
				s.Samlet[i] = &k
			}
		}
		for i, a := range st.SumDriftsrammer {
			if i >= record.PlanYears {
				break
			}
			s.SumOppgitt = append(s.SumOppgitt, kr(a.Kr))
			s.Trykkfeil = append(s.Trykkfeil, st.Misprint(ro.ForsteAr, i))
			s.Avrunding = append(s.Avrunding, kr(money.MustSub(a.Kr, s.Sum[i].Kr)))
			s.SumVist[i] = kr(a.Kr)
		}
		s.Rammer = orEmpty(s.Rammer)
		o.Stadier = append(o.Stadier, s)
	}
	for i, b := range base(o.Stadier) {
		if b >= 0 {
			o.Stadier[i].Mot = o.Stadier[b].Type
		}
	}
	o.Sammenligning = sammenligning(o)
}

// base returns, for each stage in stadier, the index of the stage its
// figures are compared with, or -1: a revised forslag against the forslag
// before it, the innstilling against the (latest) forslag, the vedtatt
// against the innstilling (or the latest forslag), an alternative against
// the innstilling (or the latest forslag).
func base(stadier []model.Stadium) []int {
	find := func(types ...string) int {
		for _, t := range types {
			for i := len(stadier) - 1; i >= 0; i-- {
				if stadier[i].Type == t {
					return i
				}
			}
		}
		return -1
	}
	out := make([]int, len(stadier))
	prevForslag := -1
	for i, s := range stadier {
		switch s.Type {
		case string(record.Forslag):
			out[i] = prevForslag
			prevForslag = i
		case string(record.Innstilling):
			out[i] = find(string(record.Forslag))
		default:
			out[i] = find(string(record.Innstilling), string(record.Forslag))
		}
	}
	return out
}

// sammenligning sets the stages side by side: per year, a row per area in
// the order the areas first appear, a cell per stage.
func sammenligning(o *model.Okonomiplan) []model.StadieAr {
	if len(o.Stadier) == 0 {
		return []model.StadieAr{}
	}
	var areas []model.Ref
	niva := map[string]model.Niva{}
	seen := map[string]bool{}
	for _, s := range o.Stadier {
		for _, r := range s.Rammer {
			if !seen[r.Omrade.ID] {
				seen[r.Omrade.ID] = true
				areas = append(areas, r.Omrade)
				niva[r.Omrade.ID] = r.Niva
			}
		}
	}
	bases := base(o.Stadier)
	out := []model.StadieAr{}
	for i, year := range o.Ar {
		y := model.StadieAr{Ar: year, Rader: []model.StadieRad{}}
		for _, a := range areas {
			figs := make([]*model.Kr, len(o.Stadier))
			for si, s := range o.Stadier {
				for _, r := range s.Rammer {
					if r.Omrade.ID == a.ID && i < len(r.Belop) {
						figs[si] = &r.Belop[i]
					}
				}
			}
			y.Rader = append(y.Rader, model.StadieRad{Omrade: a, Celler: cells(figs, bases), Niva: niva[a.ID]})
		}
		sums := make([]*model.Kr, len(o.Stadier))
		for si, s := range o.Stadier {
			if i < len(s.SumVist) && len(s.Rammer) > 0 {
				sums[si] = &s.SumVist[i]
			} else if i < len(s.Samlet) && s.Samlet[i] != nil {
				sums[si] = s.Samlet[i] // a total without area frames
			}
		}
		y.Sum = cells(sums, bases)
		for si, s := range o.Stadier {
			if i < len(s.Trykkfeil) && s.Trykkfeil[i] && i < len(s.Sum) {
				y.Sum[si].Linjer = &s.Sum[i]
			}
		}
		out = append(out, y)
	}
	return out
}

// cells compares each stage's figure with its base stage's.
func cells(figs []*model.Kr, bases []int) []model.StadieCelle {
	out := make([]model.StadieCelle, len(figs))
	for i, f := range figs {
		out[i].Belop = f
		if f == nil || bases[i] < 0 || figs[bases[i]] == nil {
			continue
		}
		d := money.MustSub(f.Kr, figs[bases[i]].Kr)
		out[i].Endring = signedKr(d)
		out[i].Endret = d != 0
	}
	return out
}
