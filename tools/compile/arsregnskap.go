package compile

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
)

// arsregnskapPath is where a year's årsregnskap is shown.
func arsregnskapPath(ar int) (anchor, path string) {
	anchor = "arsregnskap-" + strconv.Itoa(ar)
	return anchor, "okonomiplan/#" + anchor
}

// arsregnskapRef links to a year's årsregnskap section.
func arsregnskapRef(r *record.Regnskap) model.Ref {
	_, path := arsregnskapPath(r.Ar)
	return model.Ref{ID: strconv.Itoa(r.Ar), Path: path, Tittel: r.Dokument}
}

// compileArsregnskap builds the årsregnskap files, newest first, and puts
// the years no adopted økonomiplan is the årsbudsjett of on the area
// pages (the other years' accounts go with their plan, ofBudget).
func (c *compiler) compileArsregnskap() {
	c.site.Arsregnskap = []*model.Arsregnskap{}
	ab := c.set.Arsbudsjetter()
	for _, r := range c.set.Regnskap {
		if r.Src.Pos.Rejected("") {
			continue
		}
		a := c.arsregnskap(r)
		owner := ab.Owner[r.Ar]
		if owner != nil {
			ref := c.okonomiplanRef(owner)
			a.Arsbudsjett = &ref
		}
		c.arsregnskapYears(r, a, owner)
		c.site.Arsregnskap = append(c.site.Arsregnskap, a)
	}
	slices.SortFunc(c.site.Arsregnskap, func(x, y *model.Arsregnskap) int { return cmp.Compare(y.Ar, x.Ar) })
	for _, o := range c.site.Omrader {
		slices.SortStableFunc(o.Rammer, func(x, y model.OmradeRamme) int { return cmp.Compare(x.Ar, y.Ar) })
		slices.SortStableFunc(o.Regnskap, func(x, y model.Regnskapslinje) int { return cmp.Compare(x.Ar, y.Ar) })
	}
}

func (c *compiler) arsregnskap(r *record.Regnskap) *model.Arsregnskap {
	anchor, path := arsregnskapPath(r.Ar)
	a := &model.Arsregnskap{
		Ar: r.Ar, Anker: anchor, Path: path, Tittel: r.Dokument, Dokument: r.Dokument, Lenke: r.Lenke,
		Vedtak: c.vedtakRefPtr(r.Vedtak), Enhet: unitCode(r.Enhet), Toleranse: kr(max(r.Toleranse.Kr, 0)),
		Rader: []model.ArsregnskapRad{}, Summer: []model.ArsregnskapSum{}, Ukjent: []string{},
		Kilde: r.Src.File, KildeURL: c.kildeURL(r.Src.File),
	}
	for _, u := range r.Ukjent {
		a.Ukjent = append(a.Ukjent, string(u))
	}
	sums := map[string]record.RegnskapSum{}
	for _, col := range record.RegnskapKolonner {
		s := r.ColumnSum(c.tree, col.Key)
		sums[col.Key] = s
		if !s.Has {
			continue
		}
		line := model.ArsregnskapSum{Kolonne: col.Key, Beregnet: kr(s.Total)}
		if st := r.Sum(col.Key); st.Set {
			line.Oppgitt = krPtr(st.Kr)
			line.Avrunding = krPtr(money.MustSub(st.Kr, s.Total))
		}
		a.Summer = append(a.Summer, line)
	}
	a.Rader = append(a.Rader, c.treeRows(r, sums)...)
	return a
}

// treeRows orders the rows as the area tree, with a computed row for a
// parent area whose underområder have rows and it has none.
func (c *compiler) treeRows(r *record.Regnskap, sums map[string]record.RegnskapSum) []model.ArsregnskapRad {
	value := func(key, id string) *model.Kr {
		s, ok := sums[key]
		if !ok || !s.Has {
			return nil
		}
		if v, has := s.Areas[id].Value(); has {
			return krPtr(v)
		}
		return nil
	}
	var out []model.ArsregnskapRad
	placed := map[string]bool{}
	add := func(id string, depth int) bool {
		reg := value("regnskap", id)
		if reg == nil {
			return false
		}
		_, given := sums["regnskap"].Given[id]
		row := model.ArsregnskapRad{Omrade: c.omradeRef(id), Niva: depth, Overordnet: c.tree.Parent(id), Beregnet: !given, Regnskap: *reg, Regulert: value("regulert", id), Opprinnelig: value("opprinnelig", id)}
		if row.Regulert != nil {
			row.Avvik = krPtr(money.MustSub(reg.Kr, row.Regulert.Kr))
		}
		out = append(out, row)
		placed[id] = true
		return true
	}
	var visit func(id string, depth int)
	visit = func(id string, depth int) {
		add(id, depth)
		for _, ch := range c.tree.Children(id) {
			visit(ch, depth+1)
		}
	}
	for _, id := range c.tree.Top() {
		visit(id, 0)
	}
	for _, o := range r.Omrade {
		if !placed[o.Omrade] {
			add(o.Omrade, 0)
		}
	}
	return out
}

// arsregnskapYears puts the rows of a year that no økonomiplan is the
// budget of (owner nil), or that the budget has no frame for, on the area
// pages: a row in the year table with the printed budget columns, and the
// accounts against the regulated budget. The others go with the plan
// (ofBudget).
func (c *compiler) arsregnskapYears(r *record.Regnskap, a *model.Arsregnskap, owner *record.Okonomiplan) {
	src := arsregnskapRef(r)
	for _, row := range a.Rader {
		o := c.omrader[row.Omrade.ID]
		if o == nil || c.planFrames(owner, row.Omrade.ID) {
			continue
		}
		line := model.OmradeRamme{Ar: r.Ar, Arsbudsjett: true, Arsregnskap: &src, Steg: []model.Steg{}}
		if row.Opprinnelig != nil {
			line.Vedtatt = *row.Opprinnelig
		}
		if row.Regulert != nil {
			line.Regulert = *row.Regulert
		}
		o.Rammer = append(o.Rammer, line)
		acc := model.Regnskapslinje{Omrade: row.Omrade, Ar: r.Ar, Periode: string(record.PeriodeArsregnskap), Regnskap: row.Regnskap, Avvik: row.Avvik, Kilde: &src}
		if row.Regulert != nil {
			acc.Ramme = *row.Regulert
		}
		o.Regnskap = append(o.Regnskap, acc)
	}
}

// planFrames reports whether the adopted stage of plan o has a frame for
// area id, its own or computed from its underområder.
func (c *compiler) planFrames(o *record.Okonomiplan, id string) bool {
	if o == nil || o.Adopted() == nil {
		return false
	}
	for _, r := range c.treeRammer(o.Adopted().Ramme) {
		if r.Omrade == id {
			return true
		}
	}
	return false
}

// filedAccounts are the accounts of each year from data/regnskap/ that
// go with the year's budget plan, by year, as the økonomiplan's
// [[regnskap]] lines they replace (the file is the one source of a
// year's accounts; check refuses two that differ): the areas the plan
// has a frame for.
func (c *compiler) filedAccounts() map[int][]record.Driftsregnskap {
	out := map[int][]record.Driftsregnskap{}
	ab := c.set.Arsbudsjetter()
	for _, r := range c.set.Regnskap {
		if r.Src.Pos.Rejected("") {
			continue
		}
		seen := map[string]bool{}
		for _, o := range r.Omrade {
			if seen[o.Omrade] || !o.Regnskap.Set || !c.planFrames(ab.Owner[r.Ar], o.Omrade) {
				continue
			}
			seen[o.Omrade] = true
			out[r.Ar] = append(out[r.Ar], record.Driftsregnskap{Omrade: o.Omrade, Ar: r.Ar, Periode: record.PeriodeArsregnskap, Regnskap: o.Regnskap})
		}
	}
	return out
}

// filedRef links an account line to the årsregnskap file it is from, nil
// for an økonomiplan's own line.
func (c *compiler) filedRef(a record.Driftsregnskap) *model.Ref {
	if a.Periode != record.PeriodeArsregnskap {
		return nil
	}
	for _, r := range c.set.Regnskap {
		if r.Ar != a.Ar || r.Src.Pos.Rejected("") {
			continue
		}
		for _, o := range r.Omrade {
			if o.Omrade == a.Omrade {
				ref := arsregnskapRef(r)
				return &ref
			}
		}
	}
	return nil
}

// unitCode is the unit's code, "kr" when none is written.
func unitCode(u money.Unit) string {
	if u == "" {
		return string(money.UnitKr)
	}
	return string(u)
}
