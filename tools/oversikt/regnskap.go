package oversikt

import (
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
)

// Regnskap finds the årsregnskap file of year y (data/regnskap/), nil if
// the data has none.
func Regnskap(s *record.Set, y int) *record.Regnskap {
	for _, r := range s.Regnskap {
		if r.Ar == y && !r.Src.Pos.Rejected("") {
			return r
		}
	}
	return nil
}

// regnskapKey is the årsregnskap file's column a column of kind k is
// compared with: the accounts, or a budget column where no økonomiplan
// gives the year's frames.
func regnskapKey(k ColumnKind) string {
	switch k {
	case KindRegnskap:
		return "regnskap"
	case KindRegulert:
		return "regulert"
	case KindVedtatt:
		return "opprinnelig"
	}
	return ""
}

// regnskapFrames checks the line Sum bevilgninger drift, netto against
// the årsregnskap per rammeområde of the same year (data/regnskap/): a
// regnskap column always, a budget column where frames (the økonomiplaner)
// does not compare it.
func (c *checker) regnskapFrames() {
	line := c.figures[Drift][c.layout.SumDrift]
	if line == nil {
		return
	}
	l, _ := c.layout.Line(Drift, c.layout.SumDrift)
	tree := c.set.Omrader.Tree()
	for j, col := range c.cols {
		key := regnskapKey(col.Kind)
		if key == "" || (col.Kind != KindRegnskap && stage(c.o) != "regnskap" && stage(c.o) != string(record.Vedtatt)) {
			continue
		}
		if plan, _ := Budget(c.set, c.o, col.Year); plan != nil && col.Kind != KindRegnskap {
			continue // compared with the plan's frames (frames)
		}
		r := Regnskap(c.set, col.Year)
		if r == nil {
			continue
		}
		sum := r.ColumnSum(tree, key)
		if !sum.Has || !sum.OK {
			continue
		}
		printed, _ := ToKr(line[j]*int64(ToStandard(l, c.sign)), c.o.Enhet)
		tol := max(c.o.Toleranse*c.unit, max(r.Toleranse.Kr, 0))
		if d := money.Abs(printed - sum.Total); d > tol {
			pos := r.Src.At("omrade")
			c.errorf(c.linePath(Drift, l.Nr, j), "line %d %q, column %s: the årsregnskap per rammeområde of %d (%s:%d:%d) sums its %s to %s, but %s is printed: a difference of %s, more than the toleranse of %s; check the figure, enhet and fortegn, or the årsregnskap's rows",
				l.Nr, l.Nb, col.Code, col.Year, r.Src.Path, pos.Line, pos.Col, key, money.FormatKr(sum.Total), money.FormatKr(printed), money.FormatKr(printed-sum.Total), money.FormatKr(tol))
		}
	}
}
