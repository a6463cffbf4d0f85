package check

import (
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/tomlpos"
)

// A printed source sometimes gets its own sum wrong (a transposed digit:
// "1 046 655" where its rows give 1 406 655). Staff type the sum as
// printed and list its year in sum_trykkfeil: check then reports the
// difference as information, not an error, and the site shows the printed
// figure with a note giving the sum of the rows. A year listed whose sum
// agrees with its rows (within toleranse) is an error: it is no misprint.

// trykkfeilYears checks a stage's sum_trykkfeil list: each a plan year,
// once, with a printed sum.
func (c *checker) trykkfeilYears(o *record.Okonomiplan, st record.Stage) {
	s := o.Src
	seen := map[int]int{}
	for i, y := range st.SumTrykkfeil {
		path := tomlpos.Elem(st.Key("sum_trykkfeil"), i)
		if j, dup := seen[y]; dup {
			c.errorf(s, path, "%d is listed twice in sum_trykkfeil (also sum_trykkfeil[%d]): remove one", y, j)
			continue
		}
		seen[y] = i
		switch {
		case !inPlan(o, y):
			c.errorf(s, path, "%d is not a year of this økonomiplan (%s): list the plan year whose printed sum is a misprint", y, planYears(o))
		case y-o.ForsteAr >= len(st.SumDriftsrammer):
			c.errorf(s, path, "there is no printed sum for %d: sum_trykkfeil marks a year of sum_driftsrammer as misprinted in the source; add sum_driftsrammer as printed, or remove %d", y, y)
		}
	}
}

// misprint reports a printed sum marked as a misprint: information when it
// differs from its rows by more than the toleranse, an error when it does
// not (then it is no misprint).
func (c *checker) misprint(o *record.Okonomiplan, st record.Stage, j int, stated, rows, d, tol int64) {
	path := tomlpos.Elem(st.Key("sum_driftsrammer"), j)
	if money.Abs(d) <= tol {
		c.errorf(o.Src, path, "the printed sum for %d (%s) agrees with its rammer (%s) within the toleranse, so it is no misprint: remove %d from sum_trykkfeil", o.ForsteAr+j, c.asPrinted(o, stated), c.asPrinted(o, rows), o.ForsteAr+j)
		return
	}
	c.infof(o.Src, path, "the printed sum for %d is %s but the rammer add up to %s (difference %s), marked as a misprint in the source (sum_trykkfeil): the site shows the printed sum with a note giving the sum of the rows",
		o.ForsteAr+j, c.asPrinted(o, stated), c.asPrinted(o, rows), c.asPrinted(o, d))
}
