package sheet

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/openkommune/portal/tools/money"
)

// Unit is what one written unit of an amount is worth in kroner.
type Unit int64

const (
	Kr       Unit = 1    // amounts written in kroner
	Thousand Unit = 1000 // amounts written in 1 000 kr
)

func (u Unit) String() string {
	if u == Thousand {
		return "1000 kr"
	}
	return "kr"
}

// phrase is the unit as a message says it.
func (u Unit) phrase() string {
	if u == Thousand {
		return "in 1 000 kr"
	}
	return "in whole kroner"
}

// parseUnit reads a mapping's enhet: "kr", "1000 kr" or "1 000 kr".
func parseUnit(s string) (Unit, bool) {
	switch strings.Join(strings.Fields(strings.ToLower(s)), "") {
	case "kr":
		return Kr, true
	case "1000kr":
		return Thousand, true
	}
	return 0, false
}

// spaces are the characters Norwegian texts put between groups of
// thousands besides ".": space, no-break space, thin space, narrow
// no-break space and figure space.
const spaces = " \u00a0\u2009\u202f\u2007"

// minuses are the signs read as minus: hyphen-minus, minus sign (U+2212),
// en dash and em dash (word processors turn "-" into a dash).
const minuses = "-\u2212\u2013\u2014"

// emptyMarks are the texts that mean "no figure".
var emptyMarks = map[string]bool{"": true, "-": true, "\u2013": true, "\u2014": true, "\u2212": true}

// AmountError says why a text is not an amount; the message reads after
// the cell's position.
type AmountError struct{ Message string }

func (e *AmountError) Error() string { return e.Message }

// ParseAmount reads a text as Norwegian spreadsheets write amounts and
// returns whole kroner, taking the text to be in unit: "12 500", "12.500",
// "12 500,5", "-1 200", "−1 200" (U+2212), "(1 200)", "1 200 kr",
// "12 500,-". An empty text, "-" or "–" is no figure (empty is true). A
// text with a unit word ("12,5 mill"), English decimals ("12.5"), or
// precision below 1 kr in the unit ("12,3456" in 1 000 kr) is an error
// that says what to write instead.
func ParseAmount(text string, unit Unit) (kr int64, empty bool, err error) {
	s := strings.Trim(text, spaces+"\t\r\n")
	if emptyMarks[s] {
		return 0, true, nil
	}
	r, ok := parseDecimal(s)
	if !ok {
		return 0, false, notAmount(text, unit)
	}
	kr, err = wholeKroner(text, r, unit)
	return kr, false, err
}

// parseDecimal reads the number a text means, or says it is not one.
func parseDecimal(s string) (*big.Rat, bool) {
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg, s = true, strings.Trim(s[1:len(s)-1], spaces)
	}
	if r, size := utf8.DecodeRuneInString(s); size > 0 && strings.ContainsRune(minuses+"+", r) {
		if neg && r != '+' {
			return nil, false // "(-12)" is two minuses
		}
		neg = neg || r != '+'
		s = strings.TrimLeft(s[size:], spaces)
	}
	s = trimKroner(s)
	intPart, frac, hasComma := strings.Cut(s, ",")
	if hasComma && (frac == "-" || frac == "\u2013") {
		frac, hasComma = "", false // "12 500,-": whole kroner
	}
	digits, ok := ungroup(intPart)
	if !ok || (hasComma && (frac == "" || !allDigits(frac))) || digits == "" && frac == "" {
		return nil, false
	}
	r, ok := new(big.Rat).SetString(cmpZero(digits) + "." + cmpZero(frac))
	if !ok {
		return nil, false
	}
	if neg {
		r.Neg(r)
	}
	return r, true
}

// cmpZero turns "" into "0" for big.Rat.
func cmpZero(s string) string {
	if s == "" {
		return "0"
	}
	return s
}

// trimKroner drops a trailing "kr", "kr." or "NOK".
func trimKroner(s string) string {
	l := strings.ToLower(s)
	for _, suf := range []string{"kr.", "kr", "nok"} {
		if strings.HasSuffix(l, suf) {
			return strings.TrimRight(s[:len(s)-len(suf)], spaces)
		}
	}
	return s
}

// ungroup removes the separators between groups of thousands: groups after
// the first have exactly three digits, and one kind of separator (spaces
// or ".") is used throughout.
func ungroup(s string) (string, bool) {
	if allDigits(s) {
		return s, true
	}
	var groups []string
	kind := 0 // 1: spaces, 2: "."
	start := 0
	for i, r := range s {
		k := 0
		switch {
		case strings.ContainsRune(spaces, r):
			k = 1
		case r == '.':
			k = 2
		case r >= '0' && r <= '9':
			continue
		default:
			return "", false
		}
		if kind != 0 && k != kind {
			return "", false
		}
		kind = k
		groups = append(groups, s[start:i])
		start = i + utf8.RuneLen(r)
	}
	groups = append(groups, s[start:])
	for i, g := range groups {
		if !allDigits(g) || g == "" || len(g) > 3 || i > 0 && len(g) != 3 {
			return "", false
		}
	}
	return strings.Join(groups, ""), true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// wholeKroner converts a number in unit to kroner, refusing a fraction of a
// krone and amounts beyond money.Max.
func wholeKroner(text string, r *big.Rat, unit Unit) (int64, error) {
	k := new(big.Rat).Mul(r, new(big.Rat).SetInt64(int64(unit)))
	if !k.IsInt() {
		return 0, &AmountError{fmt.Sprintf("%q is %s kr, a fraction of a krone: amounts are whole kroner, so write %s (round the figure in the sheet)",
			text, formatRat(k), wholeHint(unit))}
	}
	n := k.Num()
	if n.CmpAbs(big.NewInt(money.Max)) > 0 {
		return 0, &AmountError{fmt.Sprintf("%q is more than %s kr, far above any kommune amount: check the figure and the mapping's unit (enhet = %q)",
			text, group(strconv.FormatInt(money.Max, 10)), unit.String())}
	}
	return n.Int64(), nil
}

// wholeHint says how many decimals a unit allows.
func wholeHint(u Unit) string {
	if u == Thousand {
		return "at most 3 decimals in 1 000 kr"
	}
	return "no decimals in kroner"
}

// formatRat writes a number with a decimal comma and spaces between
// thousands, with the decimals it has (at most 6).
func formatRat(r *big.Rat) string {
	s := r.FloatString(6)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	out := group(intPart)
	if frac != "" {
		out += "," + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// group puts a space between groups of three digits.
func group(digits string) string {
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// scaleWords are unit words people write after a figure, with their
// factor in kroner.
var scaleWords = []struct {
	words  []string
	factor int64
}{
	{[]string{"milliarder", "milliard", "mrd.", "mrd", "mrd. kr", "mrd kr"}, 1_000_000_000},
	{[]string{"millioner", "million", "mill.", "mill", "mill. kr", "mill kr", "mnok", "mkr", "mill.kr"}, 1_000_000},
	{[]string{"tusen", "tusen kr", "tkr", "tnok", "k"}, 1_000},
}

// notAmount explains a text that is not a number: a figure with a unit
// word gets the figure to write instead.
func notAmount(text string, unit Unit) error {
	example := "12 500"
	if unit == Kr {
		example = "12 500 000"
	}
	s := strings.ToLower(strings.Trim(text, spaces+"\t\r\n"))
	for _, sw := range scaleWords {
		for _, w := range sw.words {
			num, ok := strings.CutSuffix(s, w)
			if !ok {
				continue
			}
			if r, ok := parseDecimal(strings.TrimRight(num, spaces)); ok {
				r.Mul(r, new(big.Rat).SetFrac64(sw.factor, int64(unit)))
				example = formatRat(r)
			}
		}
	}
	hint := ""
	if strings.Count(s, ".") == 1 && !strings.Contains(s, ",") {
		if _, after, _ := strings.Cut(s, "."); len(after) != 3 {
			hint = " (decimals after a comma, not a point)"
		}
	}
	return &AmountError{fmt.Sprintf("%q is not an amount: write the figure %s as the mapping says%s, e.g. %s", text, unit.phrase(), hint, example)}
}

// numberAmount converts a number as a workbook stores it ("12500",
// "1.25E-3") to kroner. Excel keeps 15 significant digits; the stored
// binary number is read at that precision, as Excel shows and compares
// it, so that 12812.499999999998 is 12 812,5.
func numberAmount(raw string, unit Unit) (int64, error) {
	f, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	if err != nil {
		return 0, &AmountError{fmt.Sprintf("the stored number %q cannot be read: retype the figure", raw)}
	}
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(f, 'e', 14, 64))
	if !ok {
		return 0, &AmountError{fmt.Sprintf("the stored number %q is not finite: retype the figure", raw)}
	}
	return wholeKroner(formatRat(r), r, unit)
}
