package chart

import "math"

// scale is a linear axis from lo to hi with ticks at round numbers.
type scale struct {
	lo, hi   float64   // the axis ends, both on a tick
	step     float64   // the distance between ticks
	ticks    []float64 // lo, lo+step, …, hi
	decimals int       // how many decimals the tick labels need
}

// niceScale returns an axis covering lo..hi with about target intervals
// whose step is 1, 2, 2.5 or 5 times a power of ten and whose ends are
// multiples of the step. An empty range is widened so that it has ticks.
func niceScale(lo, hi float64, target int) scale {
	if target < 1 {
		target = 1
	}
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
	rough := (hi - lo) / float64(target)
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
	s := scale{step: step, decimals: decimals}
	for k := first; k <= last; k++ {
		s.ticks = append(s.ticks, round(k*step, decimals+2))
	}
	s.lo, s.hi = s.ticks[0], s.ticks[len(s.ticks)-1]
	return s
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
