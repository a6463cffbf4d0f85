package oversikt

import (
	"fmt"
	"strings"

	"github.com/openkommune/portal/tools/diag"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/omradetre"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/tomlpos"
)

// Budget finds the økonomiplan whose frames a budget column of year y is
// printed from, and the index of y in it: for the plan years of an
// økonomiplan document the plan beginning in the document's year, else
// the plan whose first year (the årsbudsjett) is y. It returns nil if the
// data has no such plan.
func Budget(s *record.Set, o *record.Oversikt, y int) (*record.Okonomiplan, int) {
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

// Comparison is what line "Sum bevilgninger drift, netto" of one budget
// column is compared with: the frames of the økonomiplan that budgets the
// column's year, at the column's stage.
type Comparison struct {
	// Stage is the stage of the frames: the column's (forslag,
	// innstilling or vedtatt), vedtatt for a regulert column.
	Stage    record.StadiumType
	Regulert bool // the frames after the year's reguleringer
	// Plan budgets the column's year; nil if no økonomiplan in the data
	// does (the column is compared with nothing, and /kontroll/ says so).
	Plan *record.Okonomiplan
	// Frames is the plan's stage of type Stage; nil if the plan has none
	// (check refuses the oversikt).
	Frames *record.Stage
	Index  int // the column's year in the plan
}

// Compare returns the comparison of budget column col of o, and false for
// a column that is not compared (accounts, last year's budget).
func Compare(s *record.Set, o *record.Oversikt, col Column) (Comparison, bool) {
	if !col.Budgeted() {
		return Comparison{}, false
	}
	c := Comparison{Stage: record.StadiumType(col.Kind), Regulert: col.Kind == KindRegulert}
	if c.Regulert {
		c.Stage = record.Vedtatt
	}
	c.Plan, c.Index = Budget(s, o, col.Year)
	if c.Plan == nil {
		return c, true
	}
	for _, st := range c.Plan.Stages() {
		if st.Type == c.Stage {
			c.Frames = &st
			break
		}
	}
	return c, true
}

// Total is the figure line "Sum bevilgninger drift, netto" must equal:
// the stage's printed sum of the year where it states one, else the sum of
// its top-level areas (an area given only through its underområder
// counts once, package omradetre); for a regulert column the computed
// adopted total plus the year's reguleringer. It reports false if the
// stage has no figure for the year.
func (c Comparison) Total(tree *omradetre.Tree) (int64, bool) {
	if c.Frames == nil || c.Index < 0 || c.Index >= record.PlanYears {
		return 0, false
	}
	if !c.Regulert && c.Index < len(c.Frames.SumDriftsrammer) && c.Frames.SumDriftsrammer[c.Index].Problem() == "" {
		return c.Frames.SumDriftsrammer[c.Index].Kr, true
	}
	given := map[string]int64{}
	for _, r := range c.Frames.Ramme {
		if c.Index < len(r.Belop) && r.Belop[c.Index].Problem() == "" {
			if _, dup := given[r.Omrade]; !dup {
				given[r.Omrade] = r.Belop[c.Index].Kr
			}
		}
	}
	if len(given) == 0 {
		return 0, false
	}
	sum, ok := tree.Total(tree.Sums(given, money.Add), money.Add)
	if c.Regulert {
		for _, g := range c.Plan.Regulering {
			if g.Ar == c.Plan.ForsteAr+c.Index && g.Belop.Problem() == "" {
				var in bool
				sum, in = money.Add(sum, g.Belop.Kr)
				ok = ok && in
			}
		}
	}
	return sum, ok && money.InRange(sum)
}

// frames checks the line Sum bevilgninger drift, netto of each budget
// column against the frames of its stage in the økonomiplan that budgets
// its year; an oversikt whose plan lacks the stage is refused, once per
// plan and stage.
func (c *checker) frames() {
	line := c.figures[Drift][c.layout.SumDrift]
	if line == nil {
		return
	}
	l, _ := c.layout.Line(Drift, c.layout.SumDrift)
	tree := c.set.Omrader.Tree()
	missing := map[string]bool{}
	for j, col := range c.cols {
		cmp, ok := Compare(c.set, c.o, col)
		if !ok || cmp.Plan == nil {
			continue
		}
		if cmp.Frames == nil {
			key := cmp.Plan.ID + "/" + string(cmp.Stage)
			if !missing[key] {
				missing[key] = true
				c.missingStage(j, col, cmp)
			}
			continue
		}
		total, ok := cmp.Total(tree)
		if !ok {
			continue
		}
		printed, _ := ToKr(line[j]*int64(ToStandard(l, c.sign)), c.o.Enhet)
		if d := money.Abs(printed - total); d > c.o.Toleranse*c.unit {
			what := string(cmp.Stage)
			if cmp.Regulert {
				what = "regulated"
			}
			c.errorf(c.linePath(Drift, l.Nr, j), "line %d %q, column %s: the rammeområder's %s frames for %d in %s come to %s, but %s is printed: a difference of %s, more than toleranse = %d (in %s); check the figure, enhet and fortegn, or the frames",
				l.Nr, l.Nb, col.Code, what, col.Year, cmp.Plan.Src.Path, money.FormatKr(total), money.FormatKr(printed), money.FormatKr(printed-total), c.o.Toleranse, c.unitLabel())
		}
	}
}

// missingStage reports a budget column whose økonomiplan has no stage to
// compare it with: at stadium when the column is at the oversikt's own
// written stage, else at the column.
func (c *checker) missingStage(j int, col Column, cmp Comparison) {
	path := tomlpos.Elem("kolonner", j)
	if c.o.Stadium != "" && string(col.Kind) == string(c.o.Stadium) {
		path = "stadium"
	}
	c.errorf(path, "column %s (%d) is at the stage %s, but %s has no %s stage to compare line %d \"Sum bevilgninger drift, netto\" with: add the %s's frames to the økonomiplan as [[stadium]] type = %q, or correct stadium",
		col.Code, col.Year, cmp.Stage, cmp.Plan.Src.Path, cmp.Stage, c.layout.SumDrift, cmp.Stage, string(cmp.Stage))
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
		if st := p.Adopted(); st != nil {
			return st.Vedtak
		}
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
				c.errorf(c.linePath(Investering, nr, j), "line %d %q, column %s: the projects' bevilgninger for %d%s sum to %s, but %s is printed, and alle_prosjekter says every project is in prosjekter/: a difference of %s, more than toleranse = %d (in %s)",
					nr, l.Nb, col.Code, col.Year, byVedtak(vedtak), money.FormatKr(sum), money.FormatKr(printed), money.FormatKr(printed-sum), c.o.Toleranse, c.unitLabel())
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
