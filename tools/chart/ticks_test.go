package chart

import (
	"math"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
)

// validScale checks what every axis must be: at least two ticks, at most
// 2·target+3, strictly increasing and finite, ends on the first and last
// tick, covering lo..hi where lo and hi are within the axis limits.
func validScale(t *testing.T, lo, hi float64, target int, s scale) {
	t.Helper()
	tgt := min(max(target, 1), maxTarget)
	if len(s.ticks) < 2 || len(s.ticks) > 2*tgt+3 {
		t.Fatalf("niceScale(%v, %v, %d): %d ticks", lo, hi, target, len(s.ticks))
	}
	for i, v := range s.ticks {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("niceScale(%v, %v, %d): tick %v", lo, hi, target, v)
		}
		if i > 0 && v <= s.ticks[i-1] {
			t.Fatalf("niceScale(%v, %v, %d): ticks not increasing: %v", lo, hi, target, s.ticks)
		}
	}
	if s.lo != s.ticks[0] || s.hi != s.ticks[len(s.ticks)-1] || !(s.hi > s.lo) {
		t.Fatalf("niceScale(%v, %v, %d): ends %v..%v", lo, hi, target, s.lo, s.hi)
	}
	if x := s.at(s.lo, 0, 100); x != 0 || math.IsNaN(s.at(s.hi, 0, 100)) {
		t.Fatalf("niceScale(%v, %v, %d): at() = %v", lo, hi, target, x)
	}
	a, b := finite(min(lo, hi)), finite(max(lo, hi))
	if math.Abs(a) < maxEnd/10 && math.Abs(b) < maxEnd/10 {
		// Covered up to the rounding of a tick to decimals+2 places.
		slack := s.step * 1e-6
		if s.lo > a+slack || s.hi < b-slack {
			t.Fatalf("niceScale(%v, %v, %d) = %v..%v does not cover the range", lo, hi, target, s.lo, s.hi)
		}
	}
}

// TestNiceScaleExtremes: the axis terminates with a few ticks for empty,
// tiny, huge and non-finite ranges. On the old code the range 10^16..10^16+4
// never ended: the float counter k++ cannot pass 10^16+1.
func TestNiceScaleExtremes(t *testing.T) {
	const mill = 1e6
	for _, r := range [][2]float64{
		{0, 0},
		{1, 1},
		{-money.Max, money.Max},
		{-money.Max / mill, money.Max / mill},
		{-money.MaxSum, money.MaxSum},
		{money.MaxSum / mill, money.MaxSum/mill + 1e-6}, // a total of MaxSum and one krone, in millions
		{1e16, 1e16 + 4},
		{1e16, 1e16},
		{math.MinInt64, math.MinInt64},
		{math.MinInt64, math.MaxInt64},
		{float64(math.MinInt64) / mill, 0},
		{math.MaxInt64, math.MaxInt64 - 1},
		{1e-300, 2e-300},
		{5e-324, 1e-323},
		{-math.MaxFloat64, math.MaxFloat64},
		{math.Inf(-1), math.Inf(1)},
		{math.NaN(), 1},
		{math.NaN(), math.NaN()},
		{0.1, 0.1 + 1e-15},
	} {
		for _, target := range []int{-5, 0, 1, 4, 5, 1 << 40} {
			validScale(t, r[0], r[1], target, niceScale(r[0], r[1], target))
		}
	}
}

// FuzzTicks: any range and target gives a valid axis, at once.
func FuzzTicks(f *testing.F) {
	f.Add(0.0, 0.0, 5)
	f.Add(1e16, 1e16+4, 5)
	f.Add(-1e13, 1e13, 4)
	f.Add(float64(math.MinInt64), float64(math.MaxInt64), 3)
	f.Add(1.0, 1.0, 1)
	f.Add(1700.4, 1750.2, 4)
	f.Fuzz(func(t *testing.T, lo, hi float64, target int) {
		validScale(t, lo, hi, target, niceScale(lo, hi, target))
	})
}

// TestWaterfallExtreme: a year's total at money.MaxSum changed by one
// krone draws, with a few ticks (the old axis loop never ended here), and
// so does a swing from −MaxSum to +MaxSum.
func TestWaterfallExtreme(t *testing.T) {
	ref := model.Ref{ID: "kst-1", Path: "vedtak/kst-1/", Tittel: "V"}
	for _, tc := range []struct{ start, change int64 }{
		{money.MaxSum - 1, 1},
		{-money.MaxSum, money.MaxSum},
		{0, money.MaxSum},
		{money.Max, -money.Max},
	} {
		o := &model.Okonomiplan{
			ID: "p", Ar: []int{2025},
			SumVedtatt:   []model.Kr{{Kr: tc.start}},
			Reguleringer: []model.Reguleringssteg{{Ar: 2025, Belop: model.Kr{Kr: tc.change}, Vedtak: ref}},
		}
		c := waterfallChart(o, 2025, catalog.Must("nb"), wide)
		if n := strings.Count(c.svg, "chart-tick"); n < 2 || n > 40 {
			t.Errorf("start %d, change %d: %d tick labels", tc.start, tc.change, n)
		}
		if strings.Contains(c.svg, "NaN") || strings.Contains(c.svg, "Inf") {
			t.Errorf("start %d, change %d: NaN or Inf in the SVG", tc.start, tc.change)
		}
	}
}

// TestThresholdAsWritten: the portfolio chart labels the alert threshold
// as written (5,04 %), not rounded to one decimal.
func TestThresholdAsWritten(t *testing.T) {
	site := &model.Site{
		Kommune: model.Kommune{Malform: "nb", OverskridelseVarsel: model.Pct{Verdi: 5.04, Tekst: "5,04\u00a0%"}},
		Prosjekter: []*model.Prosjekt{{ID: "a", Navn: "A", Path: "prosjekter/a/", OverRamme: true, Varsel: true,
			AvvikJustertPct: &model.Pct{Verdi: 5.1, Tekst: "5,1\u00a0%"}}},
	}
	c, ok := portefoljeChart(site, catalog.Must("nb"), wide)
	if !ok || !strings.Contains(c.svg, "Varslingsgrense 5,04\u00a0%") || !strings.Contains(c.summary, "5,04\u00a0%") {
		t.Errorf("threshold not as written:\n%s\n%s", c.summary, c.svg)
	}
}
