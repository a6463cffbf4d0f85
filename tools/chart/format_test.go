package chart

import (
	"slices"
	"testing"

	"github.com/openkommune/portal/tools/catalog"
)

func TestNiceScale(t *testing.T) {
	for _, tc := range []struct {
		lo, hi   float64
		target   int
		ticks    []float64
		decimals int
		labels   []string
	}{
		{0, 571.23, 5, []float64{0, 200, 400, 600}, 0, []string{"0", "200", "400", "600"}},
		{0, 571.23, 6, []float64{0, 100, 200, 300, 400, 500, 600}, 0, nil},
		{0, 334, 5, []float64{0, 100, 200, 300, 400}, 0, nil},
		{1700.4, 1750.2, 4, []float64{1700, 1720, 1740, 1760}, 0, []string{"1\u00a0700", "1\u00a0720", "1\u00a0740", "1\u00a0760"}},
		{-4.4, 22.6, 5, []float64{-10, 0, 10, 20, 30}, 0, []string{"−10", "0", "10", "20", "30"}},
		{0, 1, 4, []float64{0, 0.25, 0.5, 0.75, 1}, 2, []string{"0,00", "0,25", "0,50", "0,75", "1,00"}},
		{0, 0.9, 3, []float64{0, 0.5, 1}, 1, []string{"0,0", "0,5", "1,0"}},
		{0, 12, 5, []float64{0, 2.5, 5, 7.5, 10, 12.5}, 1, []string{"0,0", "2,5", "5,0", "7,5", "10,0", "12,5"}},
		{0, 120, 5, []float64{0, 25, 50, 75, 100, 125}, 0, []string{"0", "25", "50", "75", "100", "125"}},
		{0, 0, 5, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}, 1, nil},                    // empty: widened to 0..1
		{5, 5, 5, []float64{0, 1, 2, 3, 4, 5}, 0, nil},                            // one positive value: from 0
		{-3, -3, 3, []float64{-3, -2, -1, 0}, 0, []string{"−3", "−2", "−1", "0"}}, // one negative value: to 0
		{850_000, 0, 4, []float64{0, 250_000, 500_000, 750_000, 1_000_000}, 0, []string{"0", "250\u00a0000", "500\u00a0000", "750\u00a0000", "1\u00a0000\u00a0000"}},
		{-0.3, 0.3, 3, []float64{-0.4, -0.2, 0, 0.2, 0.4}, 1, []string{"−0,4", "−0,2", "0,0", "0,2", "0,4"}},
		{0, 9.5, 1, []float64{0, 10}, 0, []string{"0", "10"}},
	} {
		s := niceScale(tc.lo, tc.hi, tc.target)
		if !slices.Equal(s.ticks, tc.ticks) || s.decimals != tc.decimals {
			t.Errorf("niceScale(%v, %v, %d) = ticks %v decimals %d, want %v %d", tc.lo, tc.hi, tc.target, s.ticks, s.decimals, tc.ticks, tc.decimals)
			continue
		}
		if s.lo != tc.ticks[0] || s.hi != tc.ticks[len(tc.ticks)-1] {
			t.Errorf("niceScale(%v, %v): ends %v..%v", tc.lo, tc.hi, s.lo, s.hi)
		}
		if s.lo > min(tc.lo, tc.hi) || s.hi < max(tc.lo, tc.hi) {
			t.Errorf("niceScale(%v, %v) = %v..%v does not cover the range", tc.lo, tc.hi, s.lo, s.hi)
		}
		if tc.labels != nil {
			var got []string
			for _, v := range s.ticks {
				got = append(got, s.label(v))
			}
			if !slices.Equal(got, tc.labels) {
				t.Errorf("niceScale(%v, %v) labels %q, want %q", tc.lo, tc.hi, got, tc.labels)
			}
		}
	}
}

// TestNiceScaleSteps checks over many ranges that the step is 1, 2, 2.5 or
// 5 times a power of ten, that 0 is a tick when the range spans it, and
// that there are neither too few nor too many ticks.
func TestNiceScaleSteps(t *testing.T) {
	for _, hi := range []float64{0.013, 0.7, 1, 3.3, 9.99, 10, 47, 99, 101, 333, 1234.5, 98_765, 1e9} {
		for _, lo := range []float64{0, -hi / 3, hi / 2} {
			for target := 2; target <= 8; target++ {
				s := niceScale(lo, hi, target)
				n := len(s.ticks) - 1
				if n < 1 || n > 2*target+1 {
					t.Errorf("niceScale(%v, %v, %d): %d intervals", lo, hi, target, n)
				}
				m := s.step
				for m >= 10 {
					m /= 10
				}
				for m < 1 {
					m *= 10
				}
				if r := round(m, 6); r != 1 && r != 2 && r != 2.5 && r != 5 {
					t.Errorf("niceScale(%v, %v, %d): step %v", lo, hi, target, s.step)
				}
				if lo <= 0 && !slices.Contains(s.ticks, 0) {
					t.Errorf("niceScale(%v, %v, %d): no tick at 0 in %v", lo, hi, target, s.ticks)
				}
				for i := 1; i < len(s.ticks); i++ {
					if s.label(s.ticks[i]) == s.label(s.ticks[i-1]) {
						t.Errorf("niceScale(%v, %v, %d): two ticks labelled %s", lo, hi, target, s.label(s.ticks[i]))
					}
				}
			}
		}
	}
}

func TestFormat(t *testing.T) {
	const s = "\u00a0"
	for _, tc := range []struct{ got, want string }{
		{formatAmount(142_000_000), "142,0" + s + "mill." + s + "kr"},
		{formatAmount(1_725_490_000), "1" + s + "725,5" + s + "mill." + s + "kr"},
		{formatAmount(1_000_000), "1,0" + s + "mill." + s + "kr"},
		{formatAmount(999_999), "999" + s + "999" + s + "kr"},
		{formatAmount(850_000), "850" + s + "000" + s + "kr"},
		{formatAmount(0), "0" + s + "kr"},
		{formatAmount(-31_400_000), "−31,4" + s + "mill." + s + "kr"},
		{formatAmount(-2_000), "−2" + s + "000" + s + "kr"},
		{formatAmount(17_250_000), "17,3" + s + "mill." + s + "kr"}, // half away from zero
		{formatAmount(-17_250_000), "−17,3" + s + "mill." + s + "kr"},
		{formatAmount(17_249_999), "17,2" + s + "mill." + s + "kr"},
		{formatSignedAmount(3_100_000), "+3,1" + s + "mill." + s + "kr"},
		{formatSignedAmount(-700_000), "−700" + s + "000" + s + "kr"},
		{formatSignedAmount(0), "0" + s + "kr"},
		{formatMill(1_234_567_890_123), "1" + s + "234" + s + "567,9"},
		{formatMill(-40_000), "0,0"},
		{formatPct(12.5), "+12,5" + s + "%"},
		{formatPct(-3), "−3,0" + s + "%"},
		{formatPct(0), "0,0" + s + "%"},
		{formatPct(-0.04), "0,0" + s + "%"},
		{formatPct(22.6), "+22,6" + s + "%"},
		{unsignedPct(-5.55), "5,6" + s + "%"},
		{formatNumber(1234.5, 1), "1" + s + "234,5"},
		{formatNumber(-0.04, 1), "0,0"},
		{formatNumber(-1234567, 0), "−1" + s + "234" + s + "567"},
		{formatNumber(100, 0), "100"},
		{formatNumber(1000, 0), "1" + s + "000"},
		{count(catalog.Must("nb"), 1, "chart_regulering"), "1 regulering"},
		{count(catalog.Must("nb"), 17, "chart_regulering"), "17 reguleringer"},
		{count(catalog.Must("nn"), 17, "chart_regulering"), "17 reguleringar"},
		{truncate("Sørvika avløpsrenseanlegg", 12), "Sørvika avl…"},
		{truncate("Ladepunkter for kommunale biler", 16), "Ladepunkter for…"},
		{truncate("Kort", 4), "Kort"},
		{truncate("Fem å", 4), "Fem…"},
		{slug("okonomiplan/2025-2028/reguleringer/2025"), "okonomiplan-2025-2028-reguleringer-2025"},
		{slug("prosjekt/<Skøle & co>"), "prosjekt-sk-le-co"},
		{num(12.34), "12.3"},
		{num(40), "40"},
		{num(-0.01), "0"},
		{num(-12.35), "-12.4"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestSpread(t *testing.T) {
	for _, tc := range []struct {
		ys, want []float64
	}{
		{[]float64{100, 200}, []float64{100, 200}},          // apart: unmoved
		{[]float64{110, 100}, []float64{121, 89}},           // overlapping: centred on their mean, order kept
		{[]float64{100, 100, 100}, []float64{68, 100, 132}}, // ties in input order
		{[]float64{0, 10}, []float64{20, 52}},               // pushed inside the top
		{[]float64{300, 310}, []float64{248, 280}},          // and the bottom
		{[]float64{100, 110, 200}, []float64{89, 121, 200}}, // two clusters
		{[]float64{100, 110, 150}, []float64{88, 120, 152}}, // a cluster that grows into the next
	} {
		got := spread(tc.ys, 32, 20, 280)
		if !slices.Equal(got, tc.want) {
			t.Errorf("spread(%v) = %v, want %v", tc.ys, got, tc.want)
		}
	}
}
