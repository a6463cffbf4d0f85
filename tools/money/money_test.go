package money

import (
	"strings"
	"testing"
)

func TestUnmarshal(t *testing.T) {
	for _, tc := range []struct {
		name    string
		in      any
		want    int64
		problem string
	}{
		{"integer", int64(130_000_000), 130_000_000, ""},
		{"negative", int64(-5_000_000), -5_000_000, ""},
		{"float", 12.5, 0, "amount 12.5 is a decimal number: write whole kroner as an integer, e.g. 13 (kroner are whole)"},
		{"whole float", 1.5e6, 0, "amount 1500000 is a decimal number: write whole kroner as an integer, e.g. 1_500_000"},
		{"string", "130 mill.", 0, `amount "130 mill." is text`},
		{"absurd", int64(1_000_000_000_000_000), 1_000_000_000_000_000, "out of range"},
		{"bool", true, 0, "TOML type bool"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var a Amount
			if err := a.UnmarshalTOML(tc.in); err != nil {
				t.Fatal(err)
			}
			if a.Kr != tc.want || !a.Set {
				t.Errorf("got %d (set %v), want %d", a.Kr, a.Set, tc.want)
			}
			if tc.problem == "" && a.Problem() != "" || !strings.Contains(a.Problem(), tc.problem) {
				t.Errorf("problem %q, want it to contain %q", a.Problem(), tc.problem)
			}
		})
	}
}

func TestFormat(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{
		{0, "0"},
		{999, "999"},
		{1000, "1\u00a0000"},
		{130_000_000, "130\u00a0000\u00a0000"},
		{-1_250_000, "−1\u00a0250\u00a0000"},
	} {
		if got := Format(tc.n); got != tc.want {
			t.Errorf("Format(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
	if got, want := underscored(-1_250_000), "-1_250_000"; got != want {
		t.Errorf("underscored = %q, want %q", got, want)
	}
	if got, want := FormatMill(169_000_000), "169,0\u00a0mill.\u00a0kr"; got != want {
		t.Errorf("FormatMill = %q, want %q", got, want)
	}
	if got, want := FormatMill(-1_744_320_000), "−1\u00a0744,3\u00a0mill.\u00a0kr"; got != want {
		t.Errorf("FormatMill = %q, want %q (thousands grouped)", got, want)
	}
}
