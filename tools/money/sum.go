package money

import "fmt"

// MaxSum bounds every figure the site derives from amounts: a sum (a
// project's adjusted frame, a year's total of the driftsrammer, the home
// page's total of the projects' frames) and the difference of two such
// figures (an avvik). At 10^15 kr it is a hundred times money.Max, far above
// any kommune's budget, and below 2^53 ≈ 9·10^15, so that every figure is
// exact where it is read as a float64: in JavaScript, in Hugo's templates
// (which read the model's JSON numbers as float64) and in the charts. It is
// also far from where int64 arithmetic wraps (9.2·10^18).
//
// Package check refuses data whose figures could leave the range (see
// Terms), so that the tools deriving them (compile, reconcile, chart) can
// add and subtract with Add and Sub, or MustAdd and MustSub, and never
// publish a wrapped number.
const MaxSum = 1_000_000_000_000_000

// InRange reports whether n is within ±MaxSum.
func InRange(n int64) bool { return n >= -MaxSum && n <= MaxSum }

// Add returns a+b and whether a, b and the sum are all within ±MaxSum.
// When they are not, the value returned is out of range too, so that a
// running sum stays out of range once it has left it.
func Add(a, b int64) (int64, bool) {
	if !InRange(a) {
		return a, false
	}
	if !InRange(b) {
		return b, false
	}
	s := a + b // |a|, |b| ≤ 10^15: cannot wrap
	return s, InRange(s)
}

// Sub returns a−b and whether a, b and the difference are all within
// ±MaxSum; like Add, an out-of-range result stays out of range.
func Sub(a, b int64) (int64, bool) {
	if !InRange(b) {
		return b, false
	}
	return Add(a, -b)
}

// OutOfRange is the panic value of MustAdd and MustSub.
type OutOfRange struct{ A, B int64 }

func (e OutOfRange) Error() string {
	return fmt.Sprintf("money: a figure computed from %d and %d leaves ±%d kr: package check should have refused the data (a bug)", e.A, e.B, int64(MaxSum))
}

// MustAdd is Add for figures of checked data, which package check has
// shown cannot leave the range; it panics with OutOfRange if they do (a
// bug: nothing wrong is published, the build stops).
func MustAdd(a, b int64) int64 {
	s, ok := Add(a, b)
	if !ok {
		panic(OutOfRange{a, b})
	}
	return s
}

// MustSub is Sub for figures of checked data; see MustAdd.
func MustSub(a, b int64) int64 {
	s, ok := Sub(a, b)
	if !ok {
		panic(OutOfRange{a, -b})
	}
	return s
}

// Abs returns |n|, or math.MaxInt64 for math.MinInt64 (whose absolute value
// int64 cannot hold).
func Abs(n int64) int64 {
	switch {
	case n >= 0:
		return n
	case n == -n: // math.MinInt64
		return 1<<63 - 1
	}
	return -n
}

// Terms adds up the absolute values of the amounts a figure is made of. If
// they stay within MaxSum, then every sum of some of them, in any order,
// and every difference of two such sums, is within ±MaxSum: that is the
// rule package check enforces for each group of amounts the site adds up,
// without having to follow the order in which each figure is computed.
// The zero value has no terms.
type Terms struct {
	abs  int64
	over bool
}

// Add adds |n| and reports whether the terms are still within MaxSum. It
// returns false from the term that takes them over on.
func (t *Terms) Add(n int64) bool {
	if t.over {
		return false
	}
	a := Abs(n)
	if a > MaxSum || t.abs > MaxSum-a {
		t.over = true
		return false
	}
	t.abs += a
	return true
}

// OK reports whether the terms are within MaxSum.
func (t Terms) OK() bool { return !t.over }
