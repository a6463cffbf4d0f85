package chart

import "math"

// scale is a linear axis from lo to hi with ticks at round numbers.
type scale struct {
	lo, hi   float64   // the axis ends, both on a tick
	step     float64   // the distance between ticks
	ticks    []float64 // lo, lo+step, …, hi
	decimals int       // how many decimals the tick labels need
}

// The limits that make niceScale terminate with a handful of ticks for any
// range, however large or small, and even for NaN and infinities.
const (
	// maxEnd bounds the axis ends: far beyond any amount (int64 in kroner
	// is below 10^19) and far below where float64 arithmetic overflows.
	maxEnd = 1e300
	// relStep is the smallest step relative to the larger end: the tick
	// numbers lo/step and hi/step are then below 10^9 in size, integers
	// that float64 holds exactly, so each tick is a new number.
	relStep = 1e-9
	// minStep is the smallest step at all: a millionth of the axis unit
	// (one krone on an axis in millions).
	minStep = 1e-6
	// maxTarget bounds the intervals asked for.
	maxTarget = 50
)

// niceScale returns an axis covering lo..hi with about target intervals
// whose step is 1, 2, 2.5 or 5 times a power of ten and whose ends are
// multiples of the step. An empty range is widened so that it has ticks.
//
// The ticks are counted in integers from a tick number computed once: the
// loop runs at most 2·target+3 times for any range (a float counter that
// k++ cannot advance past 2^53 would run forever).
func niceScale(lo, hi float64, target int) scale {
	target = min(max(target, 1), maxTarget)
	lo, hi = finite(lo), finite(hi)
	if lo > hi {
		lo, hi = hi, lo
	}
	if lo == hi {
		switch {
		case lo == 0:
			hi = 1
		case lo > 0:
			lo = 0
		default:
			hi = 0
		}
	}
	rough := max((hi-lo)/float64(target), max(-lo, hi)*relStep, minStep)
	exp := math.Floor(math.Log10(rough))
	mag := math.Pow(10, exp)
	var m float64
	decimals := 0
	switch norm := rough / mag; {
	case norm <= 1:
		m = 1
	case norm <= 2:
		m = 2
	case norm <= 2.5:
		m = 2.5
		decimals = 1
	case norm <= 5:
		m = 5
	default:
		m = 10
	}
	step := m * mag
	if exp < 0 {
		decimals += int(-exp)
	}
	if m == 10 && decimals > 0 {
		decimals-- // 10 × 10^exp needs one decimal fewer
	}
	if step >= 10 {
		decimals = 0 // 25, 250: the 2,5 needs no decimal at this size
	}
	// Ticks are integer multiples of the step, so that 0 is exactly a tick
	// and no float drift reaches a label.
	first := math.Floor(lo/step + 1e-9)
	last := math.Ceil(hi/step - 1e-9)
	n := 1
	if last > first {
		n = int(min(last-first, float64(2*target+2)))
	}
	s := scale{step: step, decimals: decimals, ticks: make([]float64, 0, n+1)}
	for i := range n + 1 {
		s.ticks = append(s.ticks, round((first+float64(i))*step, decimals+2))
	}
	s.lo, s.hi = s.ticks[0], s.ticks[n]
	return s
}

// finite clamps v to ±maxEnd, and NaN to 0.
func finite(v float64) float64 {
	if math.IsNaN(v) {
		return 0
	}
	return max(min(v, maxEnd), -maxEnd)
}

// round rounds v to d decimals.
func round(v float64, d int) float64 {
	p := math.Pow(10, float64(d))
	r := math.Round(v*p) / p
	if r == 0 {
		return 0 // no −0
	}
	return r
}

// at maps v on the axis to the interval a..b (b < a for a y axis).
func (s scale) at(v, a, b float64) float64 {
	return a + (v-s.lo)/(s.hi-s.lo)*(b-a)
}

// label writes a tick value the Norwegian way.
func (s scale) label(v float64) string { return formatNumber(v, s.decimals) }
