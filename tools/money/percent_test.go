package money

import "testing"

// TestExceeded decides on exact kroner, not on a rounded percentage.
func TestExceeded(t *testing.T) {
	for _, tc := range []struct {
		pct         float64
		part, whole int64
		want        bool
	}{
		{5.0, 5_040_000, 100_000_000, true},   // 5.04 % over 5.0 %: rounds to 5,0 % but is over
		{5.0, 5_000_000, 100_000_000, false},  // exactly at the threshold: not over it
		{5.0, 5_000_001, 100_000_000, true},   // one krone over
		{5.04, 5_040_000, 100_000_000, false}, // exactly 5.04 %
		{5.04, 5_040_001, 100_000_000, true},
		{5.04, 5_039_999, 100_000_000, false},
		{0.1, 1, 1000, false}, // 0.1 is not exact in binary; the written decimal is
		{0.1, 2, 1000, true},
		{0, 1, MaxSum, true},
		{0, 0, 100, false},
		{100, MaxSum, MaxSum, false},
		{99.99, MaxSum, MaxSum, true},
		{5, 1, 0, false},       // no frame, no percentage
		{5, MaxSum, -1, false}, // a negative frame has no percentage
		{33.333, 33_333, 100_000, false},
		{33.333, 33_334, 100_000, true},
	} {
		if got := PercentOf(tc.pct).Exceeded(tc.part, tc.whole); got != tc.want {
			t.Errorf("PercentOf(%v).Exceeded(%d, %d) = %v, want %v", tc.pct, tc.part, tc.whole, got, tc.want)
		}
	}
	var zero Percent
	if !zero.Exceeded(1, 100) || zero.Exceeded(0, 100) {
		t.Error("the zero Percent is not 0 %")
	}
}

func TestPercentText(t *testing.T) {
	for in, want := range map[float64]string{
		5: "5,0\u00a0%", 5.04: "5,04\u00a0%", 0: "0,0\u00a0%", 12.5: "12,5\u00a0%", 0.125: "0,125\u00a0%", 100: "100,0\u00a0%", -1.5: "−1,5\u00a0%",
	} {
		if got := PercentOf(in).Text(); got != want {
			t.Errorf("PercentOf(%v).Text() = %q, want %q", in, got, want)
		}
	}
	if got := (Percent{}).Text(); got != "0,0\u00a0%" {
		t.Errorf("zero Percent text %q", got)
	}
	if PercentOf(5.04).Float() != 5.04 {
		t.Error("Float")
	}
}
