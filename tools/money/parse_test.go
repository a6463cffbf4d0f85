package money

import (
	"math"
	"testing"
)

func TestParseKroner(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"130_000_000", 130_000_000, true},
		{"130 000 000", 130_000_000, true},
		{"130\u00a0000\u00a0000\u00a0kr", 130_000_000, true},
		{"130\u202f000\u202f000", 130_000_000, true}, // narrow no-break space
		{" 130000000kr ", 130_000_000, true},
		{"1 250 000 kr", 1_250_000, true},
		{"-5_000_000", -5_000_000, true},
		{"−5 000 000", -5_000_000, true},
		{"0", 0, true},
		{"10_000_000_000_000", Max, true},
		{"-10_000_000_000_000", -Max, true},
		{"10_000_000_000_001", 0, false},
		{"99999999999999999999", 0, false},
		{"", 0, false},
		{"kr", 0, false},
		{"12.5", 0, false},
		{"12,5", 0, false},
		{"130 mill.", 0, false},
		{"+5", 0, false},
		{"--5", 0, false},
		{"0x10", 0, false},
		{"١٢٣", 0, false}, // Arabic-Indic digits
		{"5 NOK", 0, false},
	} {
		got, err := ParseKroner(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("ParseKroner(%q) = %d, %v; want %d, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
	if _, err := ParseKroner("12.5"); err == nil || err.Error() != `"12.5": write whole kroner, e.g. 130_000_000` {
		t.Errorf("error = %v", err)
	}
}

// FuzzParseKroner wants what Format and FormatKr write, and the TOML
// style, to read back as the same number within ±Max, and nothing beyond
// ±Max to be accepted.
func FuzzParseKroner(f *testing.F) {
	for _, n := range []int64{0, 1, -1, 1_250_000, Max, -Max, Max + 1, math.MaxInt64, math.MinInt64} {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, n int64) {
		for _, s := range []string{Format(n), FormatKr(n), underscored(n)} {
			got, err := ParseKroner(s)
			switch {
			case n > Max || n < -Max:
				if err == nil {
					t.Errorf("ParseKroner(%q) = %d, want an error (beyond ±Max)", s, got)
				}
			case err != nil || got != n:
				t.Errorf("ParseKroner(%q) = %d, %v; want %d", s, got, err, n)
			}
		}
	})
}
