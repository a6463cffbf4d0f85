package check

import (
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/tomlpos"
)

// samletRamme checks a stage's stated totals without area frames
// (record.SamletRamme): each a plan year, once, with an amount; where the
// stage has area frames too, their sum agrees within the toleranse, and a
// printed sum_driftsrammer of the same year is the same figure.
func (c *checker) samletRamme(o *record.Okonomiplan, st record.Stage, r rammeSums) {
	s := o.Src
	tol := tolerance(o)
	seen := map[int]int{}
	for i, t := range st.SamletRamme {
		path := tomlpos.Elem(st.Key("samlet_ramme"), i)
		if !t.Belop.Set {
			c.errorf(s, path+".belop", "missing: add the total as the source gives it, e.g. belop = 599_350_196 (in the stage's enhet)")
		}
		switch {
		case t.Ar == 0:
			c.errorf(s, path+".ar", "missing: add the year the total is for, e.g. ar = %d", o.ForsteAr)
			continue
		case !inPlan(o, t.Ar):
			c.errorf(s, path+".ar", "%d is not a year of this økonomiplan (%s)", t.Ar, planYears(o))
			continue
		}
		if j, dup := seen[t.Ar]; dup {
			c.errorf(s, path+".ar", "%d has two totals (also samlet_ramme[%d]): give each year one", t.Ar, j)
			continue
		}
		seen[t.Ar] = i
		if !t.Belop.Set || t.Belop.Problem() != "" {
			continue
		}
		j := t.Ar - o.ForsteAr
		if j < len(st.SumDriftsrammer) && st.SumDriftsrammer[j].Problem() == "" && st.SumDriftsrammer[j].Kr != t.Belop.Kr {
			c.errorf(s, path+".belop", "the total for %d is %s here but sum_driftsrammer says %s: they are the same total; keep the one the source gives", t.Ar, money.FormatKr(t.Belop.Kr), money.FormatKr(st.SumDriftsrammer[j].Kr))
			continue
		}
		if len(st.Ramme) == 0 || !r.known[j] {
			continue
		}
		if d, ok := money.Sub(t.Belop.Kr, r.sums[j]); ok && money.Abs(d) > tol {
			c.errorf(s, path+".belop", "the total for %d is %s but the stage's rammer add up to %s (difference %s, toleranse %s): correct the total or the rammer as the source gives them",
				t.Ar, money.FormatKr(t.Belop.Kr), money.FormatKr(r.sums[j]), money.FormatKr(d), money.FormatKr(tol))
		}
	}
}
