package check

import (
	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/tomlpos"
)

// regnskapBudget checks an årsregnskap against the økonomiplaner: the
// accounts of an area and year have one source, and the budget columns
// of a year an adopted plan is the årsbudsjett of equal that plan's
// frames (opprinnelig: as adopted; regulert: after the year's
// reguleringer), within the larger of the two files' toleranse.
func (c *checker) regnskapBudget(r *record.Regnskap) {
	rows := map[string]int{}
	for i, o := range r.Omrade {
		if _, dup := rows[o.Omrade]; !dup && o.Omrade != "" {
			rows[o.Omrade] = i
		}
	}
	for _, o := range c.set.Okonomiplan {
		if unreadable(o.Src) {
			continue
		}
		for i, a := range o.Regnskap {
			j, ok := rows[a.Omrade]
			if a.Periode != "arsregnskap" || a.Ar != r.Ar || !ok {
				continue
			}
			c.regnskapTwice(r, j, o, i)
		}
	}
	owner := c.set.Arsbudsjetter().Owner[r.Ar]
	if owner == nil || unreadable(owner.Src) {
		return
	}
	st := owner.Adopted()
	if st == nil {
		return
	}
	y := r.Ar - owner.ForsteAr
	given := map[string]int64{}
	for _, rm := range st.Ramme {
		if y < len(rm.Belop) && rm.Belop[y].Problem() == "" {
			if _, dup := given[rm.Omrade]; !dup {
				given[rm.Omrade] = rm.Belop[y].Kr
			}
		}
	}
	sums := c.tree.Sums(given, money.Add)
	tol := max(regnskapTolerance(r), tolerance(owner))
	pos := owner.Src.At(st.Key("ramme"))
	for i, row := range r.Omrade {
		frame, ok := sums[row.Omrade].Value()
		if !ok || sums[row.Omrade].Overflow {
			continue
		}
		path := tomlpos.Elem("omrade", i)
		if a := row.Opprinnelig; a.Set && a.Problem() == "" {
			if d, ok := money.Sub(a.Kr, frame); ok && money.Abs(d) > tol {
				c.errorf(r.Src, path+".opprinnelig", "the opprinnelig budget of %s is %s, but økonomiplan %s, the årsbudsjett %d, adopted %s (%s:%d:%d): the difference %s is more than the toleranse of %s; correct the figure here or the plan's ramme",
					load.QuoteShort(row.Omrade), c.regnskapPrinted(r, a.Kr), owner.ID, r.Ar, money.FormatKr(frame), owner.Src.Path, pos.Line, pos.Col, money.FormatKr(d), money.FormatKr(tol))
			}
		}
		if a := row.Regulert; a.Set && a.Problem() == "" {
			regulated, ok := c.regulatedFrame(r.Ar, row.Omrade, frame)
			if d, okSub := money.Sub(a.Kr, regulated); ok && okSub && money.Abs(d) > tol {
				c.errorf(r.Src, path+".regulert", "the regulert budget of %s is %s, but økonomiplan %s's frame for %d after the reguleringer of %d in data/okonomiplan/ is %s: the difference %s is more than the toleranse of %s; correct the figure, or add the missing [[regulering]]",
					load.QuoteShort(row.Omrade), c.regnskapPrinted(r, a.Kr), owner.ID, r.Ar, r.Ar, money.FormatKr(regulated), money.FormatKr(d), money.FormatKr(tol))
			}
		}
	}
}

// regulatedFrame is an area's adopted frame of year y plus the
// reguleringer of y of the area and its underområder, from every plan's
// file (they all belong to the year's budget, record.Arsbudsjett).
func (c *checker) regulatedFrame(y int, id string, frame int64) (int64, bool) {
	for _, o := range c.set.Okonomiplan {
		for _, g := range o.Regulering {
			if g.Ar != y || g.Belop.Problem() != "" || (g.Omrade != id && !c.tree.Under(g.Omrade, id)) {
				continue
			}
			var ok bool
			if frame, ok = money.Add(frame, g.Belop.Kr); !ok {
				return 0, false
			}
		}
	}
	return frame, true
}

// regnskapTwice reports an area's accounts of a year written both in the
// årsregnskap file (row j) and in økonomiplan o's [[regnskap]] i: if they
// differ, an error at both; if they agree, a warning at the plan's copy,
// which is the one to delete.
func (c *checker) regnskapTwice(r *record.Regnskap, j int, o *record.Okonomiplan, i int) {
	row, a := r.Omrade[j], o.Regnskap[i]
	here := tomlpos.Elem("omrade", j) + ".regnskap"
	there := tomlpos.Elem("regnskap", i) + ".regnskap"
	if !row.Regnskap.Set || !a.Regnskap.Set || row.Regnskap.Problem() != "" || a.Regnskap.Problem() != "" {
		return
	}
	ph, pt := r.Src.At(here), o.Src.At(there)
	if row.Regnskap.Kr == a.Regnskap.Kr {
		c.warnf(o.Src, tomlpos.Elem("regnskap", i), "the årsregnskap %d of %s is also in %s:%d:%d, with the same figure: a year's accounts have one source: delete this [[regnskap]] (the årsregnskap file is the source)",
			a.Ar, load.QuoteShort(a.Omrade), r.Src.Path, ph.Line, ph.Col)
		return
	}
	c.errorf(r.Src, here, "the årsregnskap %d of %s is %s here but %s in %s:%d:%d: a year's accounts have one source: correct the figure that differs from the printed årsregnskap, then delete the [[regnskap]] in %s",
		r.Ar, load.QuoteShort(row.Omrade), money.FormatKr(row.Regnskap.Kr), money.FormatKr(a.Regnskap.Kr), o.Src.Path, pt.Line, pt.Col, o.Src.Path)
	c.errorf(o.Src, there, "the årsregnskap %d of %s is %s here but %s in %s:%d:%d: a year's accounts have one source: delete this [[regnskap]] and keep the figure in %s, corrected to the printed årsregnskap",
		a.Ar, load.QuoteShort(a.Omrade), money.FormatKr(a.Regnskap.Kr), money.FormatKr(row.Regnskap.Kr), r.Src.Path, ph.Line, ph.Col, r.Src.Path)
}
