package money

import (
	"math"
	"strings"
	"testing"
)

func TestFormatMill(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{
		{169_000_000, "169,0"},
		{1_250_000, "1,3"},
		{1_249_999, "1,2"},
		{-1_250_000, "−1,3"},
		{-49_999, "0,0"},
		{-50_000, "−0,1"},
		{0, "0,0"},
		{math.MinInt64, "−9\u00a0223\u00a0372\u00a0036\u00a0854,8"},
		{1_744_320_000, "1\u00a0744,3"},
	} {
		if got := strings.TrimSuffix(FormatMill(tc.n), "\u00a0mill.\u00a0kr"); got != tc.want {
			t.Errorf("FormatMill(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestUnmarshalOddFloats(t *testing.T) {
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 1e19, -1.5e13} {
		var a Amount
		a.UnmarshalTOML(v)
		if a.Problem() == "" || strings.Contains(a.Problem(), "9_223_372") {
			t.Errorf("%v: problem %q", v, a.Problem())
		}
	}
}
