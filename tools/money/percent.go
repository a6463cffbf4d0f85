package money

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Percent is a percentage as written in the data (the kommune's alert
// threshold, overskridelse_varsel_prosent = 5.04), kept exact: TOML reads
// 5.04 as the float64 nearest to it, and the shortest decimal that reads
// back as that float64 is the number written, 504/100, which Percent keeps
// as a fraction. Comparisons against it are done in exact integer
// arithmetic, never on a rounded or floating-point percentage.
type Percent struct {
	r       *big.Rat // nil is 0 %
	decimal string   // the shortest decimal, "5.04"
}

// PercentOf returns the percentage written as v. NaN and infinities (which
// package load refuses) are taken as 0.
func PercentOf(v float64) Percent {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		v = 0
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	r, ok := new(big.Rat).SetString(s)
	if !ok { // cannot happen for FormatFloat's output
		r = new(big.Rat)
	}
	return Percent{r: r, decimal: s}
}

// Exceeded reports whether part is more than p per cent of whole, exactly:
// part·100 > p·whole, for whole > 0. A part exactly at the percentage does
// not exceed it. With whole ≤ 0 there is no percentage and it reports
// false.
func (p Percent) Exceeded(part, whole int64) bool {
	if whole <= 0 {
		return false
	}
	lhs := new(big.Rat).SetInt64(part)
	lhs.Mul(lhs, big.NewRat(100, 1))
	rhs := new(big.Rat).SetInt64(whole)
	if p.r != nil {
		rhs.Mul(rhs, p.r)
	} else {
		rhs.SetInt64(0)
	}
	return lhs.Cmp(rhs) > 0
}

// Text writes the percentage as written, with a decimal comma and at least
// one decimal: "5,0 %", "5,04 %", "−1,5 %".
func (p Percent) Text() string {
	s := p.decimal
	if s == "" {
		s = "0"
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	s = strings.Replace(s, ".", ",", 1) + "\u00a0%"
	if neg {
		s = "−" + s
	}
	return s
}

// Float is the percentage as a float64 (for drawing, never for deciding).
func (p Percent) Float() float64 {
	if p.r == nil {
		return 0
	}
	f, _ := p.r.Float64()
	return f
}
