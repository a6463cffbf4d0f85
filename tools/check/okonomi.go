package check

import (
	"fmt"

	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/tomlpos"
)

// okonomiplan checks an økonomiplan, one rule per function; its stages
// are checked in stage.go.
func (c *checker) okonomiplan(o *record.Okonomiplan) {
	s := o.Src
	c.year(s, "forste_ar", o.ForsteAr, true)
	c.okonomiplanPlan(o)
	c.toleranse(o)
	if !o.TopLevelStage() && len(o.Stadium) == 0 {
		c.vedtakRef(s, "vedtatt_i", "", true)
	}
	stages := o.Stages()
	c.stageKinds(o, stages)
	var adopted *record.Vedtak
	var adoptedSums *rammeSums
	for _, st := range stages {
		v := c.stage(o, st)
		r := c.rammer(o, st)
		c.omraderWithoutRamme(o, st, r)
		c.sumDriftsrammer(o, st, r)
		if st.Type == record.Vedtatt && adoptedSums == nil {
			adopted, adoptedSums = v, &r
		}
	}
	c.stageOrder(o, stages)
	if adoptedSums == nil {
		c.notAdopted(o)
		return
	}
	c.reguleringer(o, *adoptedSums, adopted)
	c.okonomiRegnskap(o)
}

// okonomiplanPlan checks that the plan an økonomiplan belongs to is a
// handlings- og økonomiplan.
func (c *checker) okonomiplanPlan(o *record.Okonomiplan) {
	if o.Plan == "" {
		return
	}
	if p := c.planRef(o.Src, "plan", o.Plan); p != nil && p.Type != record.HandlingsOgOkonomiplan && p.Type.Problem() == "" && !p.Src.Pos.Rejected("type") {
		c.errorf(o.Src, "plan", "plan %q has type %q: an økonomiplan belongs to a plan of type handlings_og_okonomiplan", p.ID, p.Type)
	}
}

// inPlan reports whether year y is one of the økonomiplan's years.
func inPlan(o *record.Okonomiplan, y int) bool {
	return o.ForsteAr != 0 && y >= o.ForsteAr && y < o.ForsteAr+record.PlanYears
}

// planYears writes the økonomiplan's years for a message, e.g. 2025–2028.
func planYears(o *record.Okonomiplan) string {
	return fmt.Sprintf("%d–%d", o.ForsteAr, o.ForsteAr+record.PlanYears-1)
}

// rammeSums is what the [[ramme]] tables add up to.
type rammeSums struct {
	sums []int64 // per plan year
	// known[j] is false when the sum of year j is not known: an amount is
	// not valid (reported by load) or the sum is out of range (reported
	// by sums).
	known    []bool
	hasRamme map[string]bool // the areas with a [[ramme]]
}

// rammer checks the [[ramme]] tables (an area each, one amount per plan
// year) and adds them up.
func (c *checker) rammer(o *record.Okonomiplan, st record.Stage) rammeSums {
	s := o.Src
	r := rammeSums{sums: make([]int64, record.PlanYears), known: make([]bool, record.PlanYears), hasRamme: map[string]bool{}}
	for j := range r.known {
		r.known[j] = true
	}
	for i, ramme := range st.Ramme {
		path := tomlpos.Elem(st.Key("ramme"), i)
		if ramme.Omrade == "" {
			c.errorf(s, path+".omrade", "missing: name the rammeområde, e.g. omrade = \"oppvekst\"")
		}
		c.omradeRef(s, path+".omrade", ramme.Omrade)
		if r.hasRamme[ramme.Omrade] {
			c.errorf(s, path+".omrade", "rammeområde %q has two rammer: give each area one [[ramme]] with one amount per year", ramme.Omrade)
		}
		r.hasRamme[ramme.Omrade] = true
		if len(ramme.Belop) != record.PlanYears {
			c.errorf(s, path+".belop", "%d amounts: write one netto driftsramme for each of the %d plan years (%s)", len(ramme.Belop), record.PlanYears, planYears(o))
		}
	}
	// The stage's total counts each area once: a row whose parent (or
	// grandparent …) has a row of its own is inside that row's figure,
	// which is checked against its children in omradeSums.
	for j := range record.PlanYears {
		given := map[string]int64{}
		at := map[string]int{}
		for i, ramme := range st.Ramme {
			if j >= len(ramme.Belop) {
				continue
			}
			b := ramme.Belop[j]
			valid := b.Problem() == "" && !s.Pos.Rejected(tomlpos.Elem(tomlpos.Elem(st.Key("ramme"), i)+".belop", j))
			if _, dup := at[ramme.Omrade]; !dup {
				if valid {
					given[ramme.Omrade] = b.Kr
				}
				at[ramme.Omrade] = i
			}
			if c.insideStated(ramme.Omrade, r.hasRamme) {
				r.known[j] = r.known[j] && valid
				continue
			}
			var ok bool
			r.sums[j], ok = money.Add(r.sums[j], b.Kr)
			r.known[j] = r.known[j] && ok && valid
		}
		if r.known[j] {
			c.omradeSums(o, st, j, given, at)
		}
	}
	return r
}

// insideStated reports whether an ancestor of the area has a row.
func (c *checker) insideStated(id string, has map[string]bool) bool {
	for _, a := range c.tree.Ancestors(id) {
		if has[a] {
			return true
		}
	}
	return false
}

// omraderWithoutRamme warns about a rammeområde the økonomiplan gives no
// ramme.
func (c *checker) omraderWithoutRamme(o *record.Okonomiplan, st record.Stage, r rammeSums) {
	if c.set.Omrader == nil || len(st.Ramme) == 0 {
		return
	}
	for _, a := range c.set.Omrader.Omrade {
		if a.ID != "" && !c.covered(a.ID, r.hasRamme) {
			c.warnf(o.Src, st.Key("ramme"), "rammeområde %q has no ramme in this stage (%s) of the økonomiplan: add a ramme with omrade = %q", a.ID, st.Type, a.ID)
		}
	}
}

// sumDriftsrammer checks each stated sum against what the rammer add up
// to: they may differ by the plan's toleranse (the rounding of a table
// printed in 1 000 kr); /kontroll/ shows the difference (package
// reconcile).
func (c *checker) sumDriftsrammer(o *record.Okonomiplan, st record.Stage, r rammeSums) {
	s := o.Src
	key := st.Key("sum_driftsrammer")
	c.trykkfeilYears(o, st)
	c.samletRamme(o, st, r)
	if len(st.SumDriftsrammer) == 0 {
		return
	}
	if len(st.Ramme) == 0 {
		c.errorf(s, key, "sum_driftsrammer is the printed sum of the stage's ramme, and this stage has none: a total the source gives without area frames is samlet_ramme = [{ ar = %d, belop = … }]", o.ForsteAr)
		return
	}
	if len(st.SumDriftsrammer) != record.PlanYears {
		c.errorf(s, key, "%d amounts: write the sum for each of the %d plan years (%s)", len(st.SumDriftsrammer), record.PlanYears, planYears(o))
	}
	tol := tolerance(o)
	for j, stated := range st.SumDriftsrammer {
		if j >= record.PlanYears || stated.Problem() != "" || !r.known[j] {
			continue
		}
		d, ok := money.Sub(stated.Kr, r.sums[j])
		if ok && st.Misprint(o.ForsteAr, j) {
			c.misprint(o, st, j, stated.Kr, r.sums[j], d, tol)
			continue
		}
		if !ok || money.Abs(d) <= tol {
			continue // out of range: reported by sums
		}
		if tol == 0 {
			c.errorf(s, tomlpos.Elem(key, j), "the stated sum for %d is %s but the rammer add up to %s (difference %s): correct the sum or the rammer as printed; if the printed table rounds each row, write its rounding as toleranse at the top of the file",
				o.ForsteAr+j, c.asPrinted(o, stated.Kr), c.asPrinted(o, r.sums[j]), c.asPrinted(o, d))
			continue
		}
		c.errorf(s, tomlpos.Elem(key, j), "the stated sum for %d is %s but the rammer add up to %s: the difference %s is more than the toleranse of %s: a figure was typed wrong (compare each ramme with the printed table), or the table rounds more than toleranse says",
			o.ForsteAr+j, c.asPrinted(o, stated.Kr), c.asPrinted(o, r.sums[j]), c.asPrinted(o, d), c.asPrinted(o, tol))
	}
}

// reguleringer checks each regulering: an area with a ramme, a plan year,
// an amount other than 0 kr, and a vedtak after the økonomiplan's, in the
// order they were decided.
func (c *checker) reguleringer(o *record.Okonomiplan, rs rammeSums, adopted *record.Vedtak) {
	// Reguleringer and regnskap are typed in the file's unit too.
	s := o.Src
	hasRamme := rs.hasRamme
	yearsText := planYears(o)
	for i, r := range o.Regulering {
		path := tomlpos.Elem("regulering", i)
		if r.Omrade == "" {
			c.errorf(s, path+".omrade", "missing: name the rammeområde regulated, e.g. omrade = \"helse\"")
		} else if c.ix.Omrader[r.Omrade] != nil && !c.covered(r.Omrade, hasRamme) {
			c.errorf(s, path+".omrade", "rammeområde %q has no [[ramme]] in this økonomiplan to regulate", r.Omrade)
		}
		c.omradeRef(s, path+".omrade", r.Omrade)
		c.year(s, path+".ar", r.Ar, true)
		if r.Ar != 0 && !inPlan(o, r.Ar) {
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
}

// okonomiRegnskap checks the accounts per area and period: each for a plan
// year and a period already over, once each.
func (c *checker) okonomiRegnskap(o *record.Okonomiplan) {
	s := o.Src
	yearsText := planYears(o)
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
		if r.Ar != 0 && !inPlan(o, r.Ar) {
			c.errorf(s, path+".ar", "%d is outside the plan years %s", r.Ar, yearsText)
		}
		if r.Periode == "" {
			c.errorf(s, path+".periode", "missing: add periode = \"t1\", \"t2\" or \"arsregnskap\"")
		} else if end, ok := periodEnd(r.Ar, r.Periode); ok && !c.ref.IsZero() && end.After(c.ref) {
			c.errorf(s, path+".periode", "the period %s %d ends after the reference date %s: accounts cannot be reported before the period ends", r.Periode, r.Ar, c.ref)
		}
		if !r.Regnskap.Set {
			c.errorf(s, path+".regnskap", "missing: add regnskap = the net spend so far in kroner")
		}
		c.periodRef(s, path+".rapport", r.Rapport, r.Ar, r.Periode)
		k := key{r.Omrade, r.Ar, r.Periode}
		if seen[k] {
			c.errorf(s, path, "%s %d %s is reported twice: keep one [[regnskap]] per area and period", load.Plain(r.Omrade), r.Ar, load.Plain(string(r.Periode)))
		}
		seen[k] = true
	}
}
