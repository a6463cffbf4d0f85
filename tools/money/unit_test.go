package money

import (
	"math"
	"strings"
	"testing"
)

func TestScale(t *testing.T) {
	for _, tc := range []struct {
		name      string
		n, factor int64
		want      int64
		ok        bool
	}{
		{"thousands", 245_300, 1000, 245_300_000, true},
		{"negative", -1_500, 1000, -1_500_000, true},
		{"at the edge", Max / 1000, 1000, Max, true},
		{"one over", Max/1000 + 1, 1000, 0, false},
		{"one under", -Max/1000 - 1, 1000, 0, false},
		{"would wrap", math.MaxInt64, 1000, 0, false},
		{"min int", math.MinInt64, 1000, 0, false},
		{"no factor", 5, 0, 0, false},
		{"kroner", 7, 1, 7, true},
	} {
		got, ok := Scale(tc.n, tc.factor)
		if got != tc.want || ok != tc.ok {
			t.Errorf("%s: Scale(%d, %d) = %d, %v; want %d, %v", tc.name, tc.n, tc.factor, got, ok, tc.want, tc.ok)
		}
	}
}

func TestInUnit(t *testing.T) {
	a := Kroner(601_400).InUnit(UnitTusen)
	if a.Kr != 601_400_000 || a.Problem() != "" {
		t.Errorf("601 400 in 1000kr = %d (%q), want 601 400 000 kr", a.Kr, a.Problem())
	}
	if a := Kroner(601_400).InUnit(UnitKr); a.Kr != 601_400 {
		t.Errorf("in kr: %d", a.Kr)
	}
	if a := Kroner(601_400).InUnit(""); a.Kr != 601_400 {
		t.Errorf("default unit: %d", a.Kr)
	}
	if a := Kroner(601_400).InUnit("mill"); a.Kr != 601_400 {
		t.Errorf("unknown unit must leave the amount: %d", a.Kr)
	}
	big := Kroner(Max / 100).InUnit(UnitTusen)
	if !strings.Contains(big.Problem(), "out of range") || !strings.Contains(big.Problem(), "1\u00a0000\u00a0kr") {
		t.Errorf("huge amount in 1000kr: problem %q", big.Problem())
	}
	if (Amount{}).InUnit(UnitTusen).Set {
		t.Error("an amount not written stays not written")
	}
	if Unit("1000 kr").Problem() == "" || Unit("1000kr").Problem() != "" || Unit("").Problem() != "" {
		t.Error("Unit.Problem")
	}
}

// TestDecimalInThousands: a decimal in a file in 1 000 kr is told in that
// unit: type the figure as printed, or a figure in whole kroner (a vedtak's
// "kr 599 350 196") in a file in kr; never "write whole kroner, e.g.
// 599_350", which would be read as thousands.
func TestDecimalInThousands(t *testing.T) {
	var a Amount
	if err := a.UnmarshalTOML(599_350.196); err != nil {
		t.Fatal(err)
	}
	p := a.InUnit(UnitTusen).Problem()
	for _, want := range []string{"599350.196 is a decimal number", "1\u00a0000\u00a0kr", "599_350", "599\u00a0350\u00a0196\u00a0kr", `enhet = "kr"`} {
		if !strings.Contains(p, want) {
			t.Errorf("problem %q lacks %q", p, want)
		}
	}
	if strings.Contains(p, "kroner are whole") {
		t.Errorf("problem %q calls thousands kroner", p)
	}
	if p := a.InUnit(UnitKr).Problem(); !strings.Contains(p, "write whole kroner as an integer") {
		t.Errorf("in kr the message stays: %q", p)
	}
}
