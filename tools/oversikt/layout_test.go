package oversikt

import (
	"strings"
	"testing"
)

// Every layout numbers its lines 1..n in order, every computed line's
// parts exist and come before it, and nothing is a part of itself.
func TestLayoutsWellFormed(t *testing.T) {
	for _, code := range LayoutCodes {
		ly := Layouts[code]
		if ly == nil || ly.Code != code {
			t.Fatalf("layout %q missing or misnamed", code)
		}
		for _, p := range Parts {
			lines := ly.Lines[p]
			if len(lines) == 0 {
				t.Fatalf("%s %s: no lines", code, p)
			}
			for i, l := range lines {
				if l.Nr != i+1 {
					t.Errorf("%s %s: line %d has Nr %d", code, p, i+1, l.Nr)
				}
				if strings.TrimSpace(l.Nb) == "" || strings.TrimSpace(l.Nn) == "" {
					t.Errorf("%s %s line %d: a name is missing", code, p, l.Nr)
				}
				if l.Kind != 1 && l.Kind != -1 {
					t.Errorf("%s %s line %d: Kind %d", code, p, l.Nr, l.Kind)
				}
				for _, term := range l.Parts {
					if term.Nr < 1 || term.Nr >= l.Nr {
						t.Errorf("%s %s line %d: part %d does not come before it", code, p, l.Nr, term.Nr)
					}
					if term.Sign != 1 && term.Sign != -1 {
						t.Errorf("%s %s line %d: part %d has sign %d", code, p, l.Nr, term.Nr, term.Sign)
					}
				}
			}
		}
		if l, ok := ly.Line(Drift, ly.SumDrift); !ok || !strings.HasPrefix(l.Nb, "Sum bevilgninger drift, netto") || l.Computed() {
			t.Errorf("%s: SumDrift %d is %q, want the typed line Sum bevilgninger drift, netto", code, ly.SumDrift, l.Nb)
		}
		for _, nr := range ly.ProjectLines {
			if l, ok := ly.Line(Investering, nr); !ok || l.Computed() {
				t.Errorf("%s: project line %d is not a typed investering line", code, nr)
			}
		}
	}
}

// The line counts of the forskrift: § 5-4 has 25 lines since 2022 and 23
// before; § 5-5 has 27 since 2022 (the fund lines split) and 25 before.
func TestLayoutLineCounts(t *testing.T) {
	want := map[string][2]int{"2022": {25, 27}, "2020": {23, 25}}
	for code, n := range want {
		ly := Layouts[code]
		if got := len(ly.Lines[Drift]); got != n[0] {
			t.Errorf("%s drift: %d lines, want %d", code, got, n[0])
		}
		if got := len(ly.Lines[Investering]); got != n[1] {
			t.Errorf("%s investering: %d lines, want %d", code, got, n[1])
		}
	}
}

// Where income is printed negative (or expenses negative), every computed
// line is the plain sum of its parts: this is what the Kinds must give.
func TestPlainSums(t *testing.T) {
	for _, code := range LayoutCodes {
		ly := Layouts[code]
		for _, p := range Parts {
			for _, l := range ly.Lines[p] {
				for _, term := range l.Parts {
					for _, f := range []Fortegn{InntektNegativ, UtgiftNegativ} {
						if c := ly.Coefficient(p, l, term, f); c != 1 {
							t.Errorf("%s %s line %d, part %d in %s: coefficient %d, want 1", code, p, l.Nr, term.Nr, f, c)
						}
					}
				}
			}
		}
	}
}

// A published § 5-4 (25-line layout, standard signs, 1 000 kr) adds up
// within a rounding of 1 in each computed line; the same figures printed
// with income negative add up as plain sums.
func TestPublishedDriftAddsUp(t *testing.T) {
	std := map[int]int64{1: 262_905, 2: 311_009, 3: 28_024, 4: 24_894, 5: 626_833, 6: 529_102, 7: 40_650, 8: 569_753,
		9: 57_080, 10: 2_518, 11: 93, 12: -3_901, 13: 26_055, 14: 37_790, 15: -65_136, 16: 40_650, 17: 32_595,
		18: 1_500, 19: 4_406, 20: -6_043, 21: 33_829, 22: -1_097, 23: 0, 24: 32_595, 25: 0}
	ly := Layouts["2022"]
	for _, f := range []Fortegn{Standard, InntektNegativ} {
		printed := map[int]int64{}
		for nr, v := range std {
			l, _ := ly.Line(Drift, nr)
			printed[nr] = v * int64(ToStandard(l, f))
		}
		for _, l := range ly.Lines[Drift] {
			if !l.Computed() {
				continue
			}
			var sum int64
			for _, term := range l.Parts {
				sum += int64(ly.Coefficient(Drift, l, term, f)) * printed[term.Nr]
			}
			if d := sum - printed[l.Nr]; d > 1 || d < -1 {
				t.Errorf("%s line %d: parts sum to %d, printed %d", f, l.Nr, sum, printed[l.Nr])
			}
		}
	}
}
