package money

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// parseNorwegian reads what Format writes: digits in groups of three
// separated by no-break spaces, "−" (U+2212) before a negative number. It
// is strict: a group of the wrong size, a leading zero or any other
// character is an error.
func parseNorwegian(t *testing.T, s string) int64 {
	t.Helper()
	neg := strings.HasPrefix(s, "−")
	s = strings.TrimPrefix(s, "−")
	groups := strings.Split(s, "\u00a0")
	for i, g := range groups {
		if g == "" || len(g) > 3 || (i > 0 && len(g) != 3) {
			t.Fatalf("group %d of %q has %d digits", i, s, len(g))
		}
		if strings.Trim(g, "0123456789") != "" {
			t.Fatalf("group %q is not digits", g)
		}
	}
	digits := strings.Join(groups, "")
	if len(digits) > 1 && digits[0] == '0' {
		t.Fatalf("%q has a leading zero", s)
	}
	u, err := strconv.ParseUint(digits, 10, 64)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	if neg {
		if u == 0 {
			t.Fatalf("minus zero: %q", s)
		}
		return int64(-u) // also right for math.MinInt64
	}
	return int64(u)
}

// FuzzFormat wants every amount written in Norwegian style, in TOML style
// and with the unit to read back as the same number, and an amount from a
// TOML integer to be accepted exactly when it is within ±Max.
func FuzzFormat(f *testing.F) {
	for _, n := range []int64{0, 1, -1, 999, 1000, -1000, 1_250_000, -1_250_000, 130_000_000, Max, Max + 1, -Max, -Max - 1, math.MaxInt64, math.MinInt64} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n int64) {
		s := Format(n)
		if !utf8.ValidString(s) {
			t.Fatalf("Format(%d) = %q is not UTF-8", n, s)
		}
		if got := parseNorwegian(t, s); got != n {
			t.Fatalf("Format(%d) = %q reads back as %d", n, s, got)
		}
		if kr := FormatKr(n); kr != s+"\u00a0kr" {
			t.Fatalf("FormatKr(%d) = %q, want %q", n, kr, s+"\u00a0kr")
		}
		// The TOML form is what Go (and TOML) read with underscores.
		u := underscored(n)
		if got, err := strconv.ParseInt(u, 0, 64); err != nil || got != n {
			t.Fatalf("underscored(%d) = %q reads back as %d, %v", n, u, got, err)
		}

		var a Amount
		if err := a.UnmarshalTOML(n); err != nil {
			t.Fatal(err)
		}
		if !a.Set || a.Kr != n {
			t.Fatalf("UnmarshalTOML(%d): Kr %d, Set %v", n, a.Kr, a.Set)
		}
		inRange := n >= -Max && n <= Max
		if (a.Problem() == "") != inRange {
			t.Fatalf("UnmarshalTOML(%d): problem %q; in range: %v", n, a.Problem(), inRange)
		}
		if !inRange && !strings.Contains(a.Problem(), s) {
			t.Fatalf("UnmarshalTOML(%d): problem %q does not show the amount as %q", n, a.Problem(), s)
		}
		if k := Kroner(n); k.Kr != n || !k.Set || k.Problem() != "" {
			t.Fatalf("Kroner(%d) = %+v", n, k)
		}

		// Millions with one decimal: within half a tenth of a million.
		if inRange {
			m := FormatMill(n)
			num, ok := strings.CutSuffix(m, "\u00a0mill.\u00a0kr")
			if !ok {
				t.Fatalf("FormatMill(%d) = %q has no unit", n, m)
			}
			num = strings.ReplaceAll(num, "\u00a0", "") // thousands grouped
			num = strings.Replace(strings.Replace(num, "−", "-", 1), ",", ".", 1)
			if strings.Count(num, ".") != 1 || len(num)-strings.Index(num, ".") != 2 {
				t.Fatalf("FormatMill(%d) = %q: want one decimal", n, m)
			}
			v, err := strconv.ParseFloat(num, 64)
			if err != nil {
				t.Fatalf("FormatMill(%d) = %q: %v", n, m, err)
			}
			if d := math.Abs(v - float64(n)/1e6); d > 0.05+1e-9 {
				t.Fatalf("FormatMill(%d) = %q is %g million off", n, m, d)
			}
		}
	})
}

// FuzzUnmarshalText gives UnmarshalTOML what staff might write instead of
// an integer (text, decimals): it must never panic, always keep a problem
// and no amount, and quote the text or suggest the whole number.
func FuzzUnmarshalText(f *testing.F) {
	for _, s := range []string{"", "130 mill.", "1 250 000 kr", "1\u00a0250\u00a0000", "−5 000", "12,5", "kr 1.500.000,-", "\xff\xfe", `"`, "1e9"} {
		f.Add(s, 0.0)
	}
	for _, v := range []float64{12.5, 1.5e6, -0.5, 0.49999999999999994, 9.999999999999e12, -1e12 - 0.5} {
		f.Add("", v)
	}
	f.Fuzz(func(t *testing.T, s string, v float64) {
		var a Amount
		if err := a.UnmarshalTOML(s); err != nil {
			t.Fatal(err)
		}
		if !a.Set || a.Kr != 0 || a.Problem() == "" {
			t.Fatalf("UnmarshalTOML(%q) = %+v, problem %q", s, a, a.Problem())
		}
		if !strings.Contains(a.Problem(), strconv.Quote(s)) {
			t.Fatalf("UnmarshalTOML(%q): problem %q does not quote the text", s, a.Problem())
		}

		var b Amount
		if err := b.UnmarshalTOML(v); err != nil {
			t.Fatal(err)
		}
		if !b.Set || b.Kr != 0 || b.Problem() == "" {
			t.Fatalf("UnmarshalTOML(%v) = %+v, problem %q", v, b, b.Problem())
		}
		// The suggested whole number is v rounded. (Not checked from Max
		// on: the suggestion of such a value is out of range anyway; see
		// the report of this fuzz target.)
		if math.Abs(v) < Max {
			want := underscored(int64(math.Round(v)))
			if !strings.Contains(b.Problem(), "e.g. "+want) {
				t.Fatalf("UnmarshalTOML(%v): problem %q does not suggest %s", v, b.Problem(), want)
			}
		}

		var c Amount
		if err := c.UnmarshalTOML(true); err != nil || c.Problem() == "" || c.Kr != 0 {
			t.Fatalf("UnmarshalTOML(true) = %+v, %v", c, err)
		}
	})
}
