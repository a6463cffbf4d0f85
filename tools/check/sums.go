package check

import (
	"strconv"

	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/tomlpos"
)

// The range of derived figures. Every amount is within ±money.Max, but the
// site adds amounts up: a project's frame through its tilleggsbevilgninger,
// a year's driftsrammer and reguleringer, the home page's total of the
// projects' frames. For each group of amounts that the site adds up, the
// absolute values of its amounts must add up to at most money.MaxSum
// (money.Terms): then every sum the site derives from the group, in any
// order, and every difference of two of them, is within ±MaxSum, and
// packages compile, reconcile and chart can never compute a number that
// wraps. The error is at the amount that takes its group over.
//
// The groups:
//
//   - a project's kostnadsramme steps with its latest forecast and its
//     sluttregnskap (the frame, the tillegg, the avvik);
//   - a project's yearly regnskap (the spend total);
//   - a project's bevilgninger;
//   - all projects' adjusted frames (the home page's total), and all
//     projects' forecasts;
//   - an økonomiplan's amounts of one plan year: the vedtatt stage's
//     rammer and stated sum, the reguleringer, the regnskap and the
//     prognoser (the year's totals, each area's regulated frame, the avvik,
//     the rounding difference);
//   - the rammer and the stated sum of every other stage in one plan year
//     (the stage's total and its rounding difference).

// term is an amount and where it is written.
type term struct {
	path string
	kr   money.Amount
}

// bounded reports, at the term that takes them over, terms whose absolute
// values add up to more than money.MaxSum; it returns whether they are
// within it. Amounts that are not valid (reported by load) are left out.
func (c *checker) bounded(s record.Source, what string, terms []term) bool {
	var t money.Terms
	for _, x := range terms {
		if !x.kr.Set || x.kr.Problem() != "" {
			continue
		}
		if !t.Add(x.kr.Kr) {
			c.errorf(s, x.path, "with this amount %s add up to more than %s (counting each amount by its size, negative or not): no figure the portal computes may be that large; check the number of digits",
				what, money.FormatKr(money.MaxSum))
			return false
		}
	}
	return true
}

// sums checks the range of every figure the site derives.
func (c *checker) sums() {
	var frames, forecasts []term
	var frameSrc, forecastSrc []record.Source
	for _, p := range c.set.Prosjekter {
		if unreadable(p.Src) {
			continue
		}
		frame, ok := c.prosjektSums(p)
		if !ok {
			continue
		}
		// The project's figures for the totals over all projects.
		frames = append(frames, term{"kostnadsramme", frame})
		frameSrc = append(frameSrc, p.Src)
		forecast := term{"kostnadsramme", frame}
		if n := len(p.Statusrapport); n > 0 && p.Statusrapport[n-1].Prognose.Set {
			forecast = term{tomlpos.Elem("statusrapport", n-1) + ".prognose", p.Statusrapport[n-1].Prognose}
		}
		if sr := p.Sluttregnskap; sr != nil && sr.Belop.Set {
			forecast = term{"sluttregnskap.belop", sr.Belop}
		}
		forecasts = append(forecasts, forecast)
		forecastSrc = append(forecastSrc, p.Src)
	}
	c.acrossFiles(frames, frameSrc, "the adjusted kostnadsrammer of all projects (their total is on the home page)")
	c.acrossFiles(forecasts, forecastSrc, "the forecasts of all projects")
	for _, o := range c.set.Okonomiplan {
		if !unreadable(o.Src) {
			c.okonomiplanSums(o)
		}
	}
}

// prosjektSums checks a project's own groups and returns its adjusted
// frame, and whether its groups are within range.
func (c *checker) prosjektSums(p *record.Prosjekt) (money.Amount, bool) {
	s := p.Src
	var steps []term
	for i, r := range p.Kostnadsramme {
		steps = append(steps, term{tomlpos.Elem("kostnadsramme", i) + ".belop", r.Belop})
	}
	if n := len(p.Statusrapport); n > 0 {
		steps = append(steps, term{tomlpos.Elem("statusrapport", n-1) + ".prognose", p.Statusrapport[n-1].Prognose})
	}
	if sr := p.Sluttregnskap; sr != nil {
		steps = append(steps, term{"sluttregnskap.belop", sr.Belop})
	}
	ok := c.bounded(s, "the kostnadsramme steps, the latest forecast and the sluttregnskap of this project", steps)
	var spend, bevilgning []term
	for i, r := range p.Regnskap {
		spend = append(spend, term{tomlpos.Elem("regnskap", i) + ".belop", r.Belop})
	}
	for i, b := range p.Bevilgning {
		bevilgning = append(bevilgning, term{tomlpos.Elem("bevilgning", i) + ".belop", b.Belop})
	}
	ok = c.bounded(s, "the regnskap of this project", spend) && ok
	ok = c.bounded(s, "the bevilgninger of this project", bevilgning) && ok
	if !ok {
		return money.Amount{}, false
	}
	var frame int64
	for _, r := range p.Kostnadsramme {
		if r.Belop.Problem() == "" {
			frame = money.MustAdd(frame, r.Belop.Kr) // within range: checked above
		}
	}
	return money.Kroner(frame), true
}

// acrossFiles checks a group of figures from several files, reporting in
// the file whose figure takes the group over.
func (c *checker) acrossFiles(terms []term, srcs []record.Source, what string) {
	var t money.Terms
	for i, x := range terms {
		if x.kr.Problem() != "" {
			continue
		}
		if !t.Add(x.kr.Kr) {
			c.errorf(srcs[i], x.path, "with this project (%s) %s add up to more than %s: no figure the portal computes may be that large; check the number of digits",
				money.FormatKr(x.kr.Kr), what, money.FormatKr(money.MaxSum))
			return
		}
	}
}

// okonomiplanSums checks each plan year's amounts: the vedtatt stage's
// rammer and printed sum with the reguleringer, regnskap and prognoser;
// each other stage's rammer with its printed sum.
func (c *checker) okonomiplanSums(o *record.Okonomiplan) {
	adopted := o.Adopted()
	for j := range record.PlanYears {
		year := o.ForsteAr + j
		var terms []term
		if adopted != nil {
			terms = stageTerms(*adopted, j)
		}
		for i, r := range o.Regulering {
			if r.Ar == year {
				terms = append(terms, term{tomlpos.Elem("regulering", i) + ".belop", r.Belop})
			}
		}
		for i, r := range o.Regnskap {
			if r.Ar == year {
				p := tomlpos.Elem("regnskap", i)
				terms = append(terms, term{p + ".regnskap", r.Regnskap}, term{p + ".prognose", r.Prognose})
			}
		}
		c.bounded(o.Src, "the rammer, the stated sum, reguleringer, regnskap and prognoser of "+strconv.Itoa(year), terms)
		for _, st := range o.Stages() {
			if adopted == nil || st.Path != adopted.Path {
				c.bounded(o.Src, "the rammer and the stated sum of this stage in "+strconv.Itoa(year), stageTerms(st, j))
			}
		}
	}
}

// stageTerms are a stage's amounts of plan year j: its rammer and its
// stated sum (whose difference from the rammer's sum the site shows).
func stageTerms(st record.Stage, j int) []term {
	var terms []term
	for i, r := range st.Ramme {
		if j < len(r.Belop) {
			terms = append(terms, term{tomlpos.Elem(tomlpos.Elem(st.Key("ramme"), i)+".belop", j), r.Belop[j]})
		}
	}
	if j < len(st.SumDriftsrammer) {
		terms = append(terms, term{tomlpos.Elem(st.Key("sum_driftsrammer"), j), st.SumDriftsrammer[j]})
	}
	return terms
}
