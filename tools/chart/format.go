package chart

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Norwegian number formatting for chart text: a no-break space between
// groups of three digits, a decimal comma and a real minus sign (U+2212),
// the same conventions as the amounts on the site ("1 250 000 kr").

const (
	nbsp  = "\u00a0"
	minus = "−"
)

// groupDigits writes the non-negative decimal digits s with a no-break
// space between groups of three.
func groupDigits(s string) string {
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(nbsp)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// formatNumber writes v with the given number of decimals: "1 725,5",
// "−2,0", "0". A value that rounds to zero has no sign.
func formatNumber(v float64, decimals int) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	out := groupDigits(intPart)
	if frac != "" {
		out += "," + frac
	}
	if v < 0 && strings.Trim(s, "0.") != "" {
		out = minus + out
	}
	return out
}

// roundDiv divides n by d (d > 0) rounding half away from zero, in
// integers so that no float rounding can change a printed digit.
func roundDiv(n, d int64) int64 {
	if n < 0 {
		return -((-n + d/2) / d)
	}
	return (n + d/2) / d
}

// formatTenths writes t tenths with one decimal: 17255 → "1 725,5".
func formatTenths(t int64) string {
	neg := t < 0
	if neg {
		t = -t
	}
	s := groupDigits(strconv.FormatInt(t/10, 10)) + "," + strconv.FormatInt(t%10, 10)
	if neg {
		s = minus + s
	}
	return s
}

// formatMill writes kroner in millions with one decimal and no unit:
// 142_000_000 → "142,0".
func formatMill(kr int64) string { return formatTenths(roundDiv(kr, 100_000)) }

// formatKr writes whole kroner without unit: 850_000 → "850 000".
func formatKr(kr int64) string {
	if kr < 0 {
		return minus + groupDigits(strconv.FormatInt(-kr, 10))
	}
	return groupDigits(strconv.FormatInt(kr, 10))
}

// formatAmount writes an amount with its unit: in millions with one
// decimal from one million up ("142,0 mill. kr"), else in whole kroner
// ("850 000 kr").
func formatAmount(kr int64) string {
	if kr >= 1_000_000 || kr <= -1_000_000 {
		return formatMill(kr) + nbsp + "mill." + nbsp + "kr"
	}
	return formatKr(kr) + nbsp + "kr"
}

// formatSignedAmount is formatAmount with "+" before a positive amount.
func formatSignedAmount(kr int64) string {
	if kr > 0 {
		return "+" + formatAmount(kr)
	}
	return formatAmount(kr)
}

// formatPct writes a percentage with one decimal and its sign: "+12,5 %",
// "−3,0 %", "0,0 %".
func formatPct(v float64) string {
	t := int64(math.Round(v * 10))
	s := formatTenths(t) + nbsp + "%"
	if t > 0 {
		s = "+" + s
	}
	return s
}

// unit is how a chart's amount axis counts: in millions of kroner when its
// largest amount is at least one million, else in kroner.
type unit struct {
	div   float64 // kroner per axis unit
	label string  // "mill. kr" or "kr"
}

func unitFor(maxAbs int64) unit {
	if maxAbs >= 1_000_000 {
		return unit{div: 1e6, label: "mill." + nbsp + "kr"}
	}
	return unit{div: 1, label: "kr"}
}

// value is kr in the unit.
func (u unit) value(kr int64) float64 { return float64(kr) / u.div }

// short writes kr in the unit without the unit: "571,2" in millions,
// "850 000" in kroner.
func (u unit) short(kr int64) string {
	if u.div == 1 {
		return formatKr(kr)
	}
	return formatMill(kr)
}

// truncate shortens s to at most n characters, ending in "…" when cut.
func truncate(s string, n int) string {
	if n < 1 {
		n = 1
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n-1]), " –-,.:;") + "…"
}

// textWidth estimates how wide s is at the given font size: an average
// character of a sans-serif face is a little over half an em. Used to lay
// out labels, never to measure exactly.
func textWidth(s string, size float64) float64 {
	return float64(utf8.RuneCountInString(s)) * size * 0.6
}

// charsFor is how many characters fit in width at the given font size.
func charsFor(width, size float64) int { return int(width / (size * 0.6)) }
