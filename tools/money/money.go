// Package money owns amounts of Norwegian kroner as they are written in the
// data files and shown on the site.
//
// An amount is whole kroner written as a TOML integer (130_000_000). A float
// (12.5) or a string ("130 mill.") is not an amount: decoding keeps going and
// the amount carries a problem that the checker reports with its position, so
// that every mistake in a file is found in one run.
//
// Figures derived from amounts (sums, differences) stay within ±MaxSum and
// are computed with Add and Sub (see sum.go); a percentage threshold is
// compared in exact arithmetic (see percent.go).
package money

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Max is the largest amount accepted: 10^13 kr (ten thousand billion) is far
// above any kommune's budget and far below where float64 loses whole kroner.
const Max = 10_000_000_000_000

// Amount is an amount of whole kroner read from a data file.
type Amount struct {
	Kr      int64
	Set     bool   // the key was written
	problem string // why the written value is not an amount
	// decimal is the value written as a decimal number (problem says so),
	// so that InUnit can say it again in the file's unit.
	decimal *float64
}

// Kroner returns an amount that was written as n.
func Kroner(n int64) Amount { return Amount{Kr: n, Set: true} }

// UnmarshalTOML implements toml.Unmarshaler. It never fails; see Problem.
func (a *Amount) UnmarshalTOML(v any) error {
	a.Set = true
	switch v := v.(type) {
	case int64:
		a.Kr = v
		if v > Max || v < -Max {
			a.problem = fmt.Sprintf("amount %s kr is out of range: no kommune amount is above %s kr; check the number of digits", Format(v), Format(Max))
		}
	case float64:
		switch {
		case math.IsNaN(v) || math.IsInf(v, 0):
			a.problem = fmt.Sprintf("amount %v is not a number: write whole kroner as an integer, e.g. 1_500_000", v)
		case math.Abs(v) >= Max:
			a.problem = fmt.Sprintf("amount %s is out of range and written as a decimal number: no kommune amount is above %s kr; write whole kroner as an integer", strconv.FormatFloat(v, 'f', -1, 64), Format(Max))
		default:
			a.problem = fmt.Sprintf("amount %s is a decimal number: write whole kroner as an integer, e.g. %s", strconv.FormatFloat(v, 'f', -1, 64), suggest(v))
			a.decimal = &v
		}
	case string:
		a.problem = fmt.Sprintf("amount %q is text: write whole kroner as an integer without quotes, e.g. 1_500_000", v)
	default:
		a.problem = fmt.Sprintf("amount has TOML type %T: write whole kroner as an integer, e.g. 1_500_000", v)
	}
	return nil
}

func suggest(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < Max {
		return underscored(int64(f))
	}
	return underscored(int64(math.Round(f))) + " (kroner are whole)"
}

// Problem says why the written value is not a valid amount, or "".
func (a Amount) Problem() string { return a.problem }

// underscored writes n the way TOML reads well: 130_000_000.
func underscored(n int64) string { return group(n, "_", "-") }

// Format writes n in Norwegian style with a no-break space between groups of
// three digits and a minus sign for negatives: "−1 250 000".
func Format(n int64) string { return group(n, "\u00a0", "−") }

// FormatKr is Format with the unit: "1 250 000 kr".
func FormatKr(n int64) string { return Format(n) + "\u00a0kr" }

// FormatMill writes n in millions with one decimal: "169,0 mill. kr".
// It rounds half away from zero (1 250 000 is "1,3") and writes the
// Norwegian minus sign; an amount that rounds to zero is "0,0".
func FormatMill(n int64) string {
	neg := n < 0
	u := uint64(n)
	if neg {
		u = -u
	}
	tenths := (u + 50_000) / 100_000
	s := group(int64(tenths/10), "\u00a0", "") + "," + strconv.FormatUint(tenths%10, 10) // "1 744,3": thousands grouped as in every other amount
	if neg && tenths > 0 {
		s = "−" + s
	}
	return s + "\u00a0mill.\u00a0kr"
}

// group writes n with sep between groups of three digits and minus before
// a negative number.
func group(n int64, sep, minus string) string {
	neg := n < 0
	u := uint64(n)
	if neg {
		u = uint64(-n)
	}
	s := strconv.FormatUint(u, 10)
	var b strings.Builder
	if neg {
		b.WriteString(minus)
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}
