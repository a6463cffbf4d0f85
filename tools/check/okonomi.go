package check

import (
	"fmt"

	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/tomlpos"
)

func (c *checker) okonomiplan(o *record.Okonomiplan) {
	s := o.Src
	c.year(s, "forste_ar", o.ForsteAr, true)
	adopted := c.vedtakRef(s, "vedtatt_i", o.VedtattI, true)
	if o.Plan != "" {
		if p := c.planRef(s, "plan", o.Plan); p != nil && p.Type != "handlings_og_okonomiplan" && p.Type.Problem() == "" && !p.Src.Pos.Rejected("type") {
			c.errorf(s, "plan", "plan %q has type %q: an økonomiplan belongs to a plan of type handlings_og_okonomiplan", p.ID, p.Type)
		}
	}
	inPlan := func(y int) bool { return o.ForsteAr != 0 && y >= o.ForsteAr && y < o.ForsteAr+record.PlanYears }
	yearsText := fmt.Sprintf("%d–%d", o.ForsteAr, o.ForsteAr+record.PlanYears-1)

	sums := make([]int64, record.PlanYears)
	// known[j] is false when the sum of year j is not known: an amount is
	// not valid (reported by load) or the sum is out of range (reported
	// by sums).
	known := make([]bool, record.PlanYears)
	for j := range known {
		known[j] = true
	}
	hasRamme := map[string]bool{}
	for i, r := range o.Ramme {
		path := tomlpos.Elem("ramme", i)
		if r.Omrade == "" {
			c.errorf(s, path+".omrade", "missing: name the rammeområde, e.g. omrade = \"oppvekst\"")
		}
		c.omradeRef(s, path+".omrade", r.Omrade)
		if hasRamme[r.Omrade] {
			c.errorf(s, path+".omrade", "rammeområde %q has two rammer: give each area one [[ramme]] with one amount per year", r.Omrade)
		}
		hasRamme[r.Omrade] = true
		if len(r.Belop) != record.PlanYears {
			c.errorf(s, path+".belop", "%d amounts: write one netto driftsramme for each of the %d plan years (%s)", len(r.Belop), record.PlanYears, yearsText)
		}
		for j, b := range r.Belop {
			if j < record.PlanYears {
				var ok bool
				sums[j], ok = money.Add(sums[j], b.Kr)
				valid := b.Problem() == "" && !s.Pos.Rejected(tomlpos.Elem(path+".belop", j))
				known[j] = known[j] && ok && valid
			}
		}
	}
	if c.set.Omrader != nil && len(o.Ramme) > 0 {
		for _, a := range c.set.Omrader.Omrade {
			if a.ID != "" && !hasRamme[a.ID] {
				c.warnf(s, "ramme", "rammeområde %q has no ramme in this økonomiplan: add [[ramme]] omrade = %q", a.ID, a.ID)
			}
		}
	}
	if len(o.SumDriftsrammer) > 0 {
		if len(o.SumDriftsrammer) != record.PlanYears {
			c.errorf(s, "sum_driftsrammer", "%d amounts: write the sum for each of the %d plan years (%s)", len(o.SumDriftsrammer), record.PlanYears, yearsText)
		}
		for j, stated := range o.SumDriftsrammer {
			if j >= record.PlanYears || stated.Problem() != "" || !known[j] {
				continue
			}
			if stated.Kr != sums[j] {
				c.errorf(s, tomlpos.Elem("sum_driftsrammer", j), "the stated sum for %d is %s but the rammer add up to %s (difference %s): correct the sum or the rammer",
					o.ForsteAr+j, money.FormatKr(stated.Kr), money.FormatKr(sums[j]), money.FormatKr(stated.Kr-sums[j]))
			}
		}
	}
	for i, r := range o.Regulering {
		path := tomlpos.Elem("regulering", i)
		if r.Omrade == "" {
			c.errorf(s, path+".omrade", "missing: name the rammeområde regulated, e.g. omrade = \"helse\"")
		} else if c.ix.Omrader[r.Omrade] != nil && !hasRamme[r.Omrade] {
			c.errorf(s, path+".omrade", "rammeområde %q has no [[ramme]] in this økonomiplan to regulate", r.Omrade)
		}
		c.omradeRef(s, path+".omrade", r.Omrade)
		c.year(s, path+".ar", r.Ar, true)
		if r.Ar != 0 && !inPlan(r.Ar) {
			c.errorf(s, path+".ar", "%d is outside the plan years %s", r.Ar, yearsText)
		}
		if !r.Belop.Set {
			c.errorf(s, path+".belop", "missing: add the change in kroner, e.g. belop = 2_500_000 (negative for a reduction)")
		} else if r.Belop.Kr == 0 && r.Belop.Problem() == "" {
			c.errorf(s, path+".belop", "a regulering of 0 kr changes nothing: remove it or write the amount")
		}
		v := c.vedtakRef(s, path+".vedtak", r.Vedtak, true)
		if v != nil && adopted != nil && v.Motedato.Before(adopted.Motedato) {
			c.errorf(s, path+".vedtak", "vedtak %s (%s) is before the økonomiplan was adopted (%s, %s): a regulering comes after the budget it changes", v.ID, v.Motedato, adopted.ID, adopted.Motedato)
		}
		if i > 0 {
			if prev := c.ix.Vedtak[o.Regulering[i-1].Vedtak]; prev != nil && v != nil && v.Motedato.Before(prev.Motedato) {
				c.errorf(s, path+".vedtak", "vedtak %s (%s) is older than the regulering above it (%s): list reguleringer in the order they were decided", v.ID, v.Motedato, prev.Motedato)
			}
		}
	}
	type key struct {
		omrade  string
		ar      int
		periode record.Periode
	}
	seen := map[key]bool{}
	for i, r := range o.Regnskap {
		path := tomlpos.Elem("regnskap", i)
		c.omradeRef(s, path+".omrade", r.Omrade)
		if r.Omrade == "" {
			c.errorf(s, path+".omrade", "missing: name the rammeområde")
		}
		c.year(s, path+".ar", r.Ar, true)
		if r.Ar != 0 && !inPlan(r.Ar) {
			c.errorf(s, path+".ar", "%d is outside the plan years %s", r.Ar, yearsText)
		}
		if r.Periode == "" {
			c.errorf(s, path+".periode", "missing: add periode = \"t1\", \"t2\" or \"arsregnskap\"")
		} else if r.Ar != 0 && !c.ref.IsZero() && r.Periode.Problem() == "" && r.Periode.End(r.Ar).After(c.ref) {
			c.errorf(s, path+".periode", "the period %s %d ends after the reference date %s: accounts cannot be reported before the period ends", r.Periode, r.Ar, c.ref)
		}
		if !r.Regnskap.Set {
			c.errorf(s, path+".regnskap", "missing: add regnskap = the net spend so far in kroner")
		}
		k := key{r.Omrade, r.Ar, r.Periode}
		if seen[k] {
			c.errorf(s, path, "%s %d %s is reported twice: keep one [[regnskap]] per area and period", load.Plain(r.Omrade), r.Ar, load.Plain(string(r.Periode)))
		}
		seen[k] = true
	}
}
