package oversikt

import (
	"fmt"
	"strings"

	"github.com/openkommune/portal/tools/diag"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
)

// Budget finds the økonomiplan whose frames a budget column of year y is
// printed from, and the index of y in it: for the plan years of an
// økonomiplan document the plan beginning in the document's year, else
// the plan whose first year (the årsbudsjett) is y. It returns nil if the
// data has no such plan or if the oversikt is at a stage other than
// vedtatt (the frames in data/okonomiplan are the adopted ones).
func Budget(s *record.Set, o *record.Oversikt, y int) (*record.Okonomiplan, int) {
	if st := stage(o); st != "regnskap" && st != string(record.Vedtatt) {
		return nil, 0
	}
	first := y
	if o.Dokument == record.DokOkonomiplan && y >= o.Ar {
		first = o.Ar
	}
	for _, p := range s.Okonomiplan {
		if p.ForsteAr == first {
			return p, y - first
		}
	}
	return nil, 0
}

// FrameTotal sums the frames of plan p for its year index i, adopted or
// (regulert) after the reguleringer of that year, and reports whether
// every area has a figure for the year.
func FrameTotal(p *record.Okonomiplan, i int, regulert bool) (int64, bool) {
	if i < 0 || i >= record.PlanYears || len(p.Ramme) == 0 {
		return 0, false
	}
	var sum int64
	for _, r := range p.Ramme {
		if i >= len(r.Belop) || r.Belop[i].Problem() != "" {
			return 0, false
		}
		sum, _ = money.Add(sum, r.Belop[i].Kr)
	}
	if regulert {
		for _, g := range p.Regulering {
			if g.Ar == p.ForsteAr+i && g.Belop.Problem() == "" {
				sum, _ = money.Add(sum, g.Belop.Kr)
			}
		}
	}
	return sum, money.InRange(sum)
}

// frames checks the line Sum bevilgninger drift, netto against the
// rammeområder's frames for the same year, adopted or regulated.
func (c *checker) frames() {
	line := c.figures[Drift][c.layout.SumDrift]
	if line == nil {
		return
	}
	l, _ := c.layout.Line(Drift, c.layout.SumDrift)
	for j, col := range c.cols {
		if col.Kind != KindVedtatt && col.Kind != KindRegulert {
			continue
		}
		plan, i := Budget(c.set, c.o, col.Year)
		if plan == nil {
			continue
		}
		total, ok := FrameTotal(plan, i, col.Kind == KindRegulert)
		if !ok {
			continue
		}
		printed, _ := ToKr(line[j]*int64(ToStandard(l, c.sign)), c.o.Enhet)
		if d := money.Abs(printed - total); d > c.o.Toleranse*c.unit {
			what := "adopted"
			if col.Kind == KindRegulert {
				what = "regulated"
			}
			c.errorf(c.linePath(Drift, l.Nr, j), "line %d %q, column %s: the rammeområder's %s frames for %d in %s sum to %s, but %s is printed: a difference of %s, more than toleranse = %d %s; check the figure, enhet and fortegn, or the frames",
				l.Nr, l.Nb, col.Code, what, col.Year, plan.Src.Path, money.FormatKr(total), money.FormatKr(printed), money.FormatKr(printed-total), c.o.Toleranse, c.o.Enhet)
		}
	}
}

// ProjectLine is the § 5-5 line project p's bevilgninger belong to.
func ProjectLine(p *record.Prosjekt) int {
	if p.Investeringslinje == 0 {
		return 1
	}
	return p.Investeringslinje
}

// AdoptingVedtak is the vedtak whose bevilgninger a budget column of year
// y holds: the oversikt's own vedtak for its own years, else the one that
// adopted the plan the column comes from; "" if none is known.
func AdoptingVedtak(s *record.Set, o *record.Oversikt, y int) string {
	if o.Dokument != record.DokArsregnskap && y >= o.Ar && o.Vedtak != "" {
		return o.Vedtak
	}
	if p, _ := Budget(s, o, y); p != nil {
		return p.VedtattI
	}
	return ""
}

// ProjectSum sums the investment projects' bevilgninger on § 5-5 line nr
// for year y: all of the year's (regulert), or those of vedtak (the
// adopted budget).
func ProjectSum(s *record.Set, nr, y int, regulert bool, vedtak string) int64 {
	var sum int64
	for _, p := range s.Prosjekter {
		if ProjectLine(p) != nr {
			continue
		}
		for _, b := range p.Bevilgning {
			if b.Ar == y && (regulert || b.Vedtak == vedtak) && b.Belop.Problem() == "" {
				sum, _ = money.Add(sum, b.Belop.Kr)
			}
		}
	}
	return sum
}

// projects checks the § 5-5 lines projects belong to against the
// projects' yearly bevilgninger: the line holds them (and other
// purposes), so it is never below their sum; with alle_prosjekter it
// equals it.
func (c *checker) projects() {
	all := c.o.Investering.AlleProsjekter
	for _, nr := range c.layout.ProjectLines {
		line := c.figures[Investering][nr]
		if line == nil {
			continue
		}
		l, _ := c.layout.Line(Investering, nr)
		for j, col := range c.cols {
			if col.Kind != KindVedtatt && col.Kind != KindRegulert {
				continue
			}
			vedtak := ""
			if col.Kind == KindVedtatt {
				if vedtak = AdoptingVedtak(c.set, c.o, col.Year); vedtak == "" {
					continue
				}
			}
			sum := ProjectSum(c.set, nr, col.Year, col.Kind == KindRegulert, vedtak)
			printed, _ := ToKr(line[j]*int64(ToStandard(l, c.sign)), c.o.Enhet)
			tol := c.o.Toleranse * c.unit
			switch {
			case all && money.Abs(printed-sum) > tol:
				c.errorf(c.linePath(Investering, nr, j), "line %d %q, column %s: the projects' bevilgninger for %d%s sum to %s, but %s is printed, and alle_prosjekter says every project is in prosjekter/: a difference of %s, more than toleranse = %d %s",
					nr, l.Nb, col.Code, col.Year, byVedtak(vedtak), money.FormatKr(sum), money.FormatKr(printed), money.FormatKr(printed-sum), c.o.Toleranse, c.o.Enhet)
			case !all && sum-printed > tol:
				c.errorf(c.linePath(Investering, nr, j), "line %d %q, column %s: the projects' bevilgninger for %d%s sum to %s, more than the %s printed (by %s): the line holds every project's bevilgning; check the figure or the projects' [[bevilgning]] and investeringslinje",
					nr, l.Nb, col.Code, col.Year, byVedtak(vedtak), money.FormatKr(sum), money.FormatKr(printed), money.FormatKr(sum-printed))
			}
		}
	}
}

func byVedtak(v string) string {
	if v == "" {
		return ""
	}
	return " in " + v
}

// checkProjects checks each project's investeringslinje: a § 5-5 line a
// project's bevilgning can belong to (the same numbers in both layouts).
func checkProjects(s *record.Set, diags *diag.List) {
	allowed := Layouts["2022"].ProjectLines
	var names []string
	for _, nr := range allowed {
		l, _ := Layouts["2022"].Line(Investering, nr)
		names = append(names, fmt.Sprintf("%d %s", nr, l.Nb))
	}
	// The site sums every project's bevilgninger per year (package
	// compile's Investering): each year's amounts, counted by their size,
	// stay within money.MaxSum.
	years := map[int]*money.Terms{}
	for _, p := range s.Prosjekter {
		for i, b := range p.Bevilgning {
			if !b.Belop.Set || b.Belop.Problem() != "" {
				continue
			}
			t := years[b.Ar]
			if t == nil {
				t = &money.Terms{}
				years[b.Ar] = t
			}
			if t.OK() && !t.Add(b.Belop.Kr) {
				pos := p.Src.At(fmt.Sprintf("bevilgning[%d].belop", i))
				diags.Errorf(p.Src.Path, pos.Line, pos.Col, "bevilgning[%d].belop: with this amount the projects' bevilgninger for %d add up to more than %s (counting each amount by its size): no figure the portal computes may be that large; check the number of digits", i, b.Ar, money.FormatKr(money.MaxSum))
			}
		}
	}
	for _, p := range s.Prosjekter {
		if p.Investeringslinje == 0 || p.Src.Pos != nil && p.Src.Pos.Rejected("investeringslinje") {
			continue
		}
		ok := false
		for _, nr := range allowed {
			ok = ok || nr == p.Investeringslinje
		}
		if !ok {
			pos := p.Src.At("investeringslinje")
			diags.Errorf(p.Src.Path, pos.Line, pos.Col, "investeringslinje: %d is not a § 5-5 line a project's bevilgning belongs to: write one of %s (or leave it out for 1)", p.Investeringslinje, strings.Join(names, ", "))
		}
	}
}
