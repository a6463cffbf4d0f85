package compile_test

import (
	"fmt"
	"testing"

	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
)

const kommuneWithThreshold = `navn = "Testvik kommune"
kommunenummer = "9999"
malform = "nb"
referansedato = 2026-10-31
lisens = "NLOD 2.0"

[regler]
overskridelse_varsel_prosent = %s

[[utvalg]]
kode = "KST"
navn = "Kommunestyret"
`

// TestVarselExact: the alert is decided on exact kroner against the
// threshold as written, not on the percentage rounded to one decimal.
func TestVarselExact(t *testing.T) {
	for _, tc := range []struct {
		threshold string
		prognose  int64 // against a frame of 100 000 000
		alert     bool
		shownPct  string
		shownTerm string
	}{
		{"5.0", 105_040_000, true, "5,0\u00a0%", "5,0\u00a0%"}, // 5.04 % is over 5.0 %, though both show as 5,0 %
		{"5.0", 105_000_000, false, "5,0\u00a0%", "5,0\u00a0%"},
		{"5.0", 105_000_001, true, "5,0\u00a0%", "5,0\u00a0%"},
		{"5.04", 105_040_000, false, "5,0\u00a0%", "5,04\u00a0%"}, // exactly at the threshold
		{"5.04", 105_040_001, true, "5,0\u00a0%", "5,04\u00a0%"},
		{"5.04", 105_049_000, true, "5,0\u00a0%", "5,04\u00a0%"},
		{"0", 100_000_001, true, "0,0\u00a0%", "0,0\u00a0%"},
		{"0", 100_000_000, false, "0,0\u00a0%", "0,0\u00a0%"},
	} {
		t.Run(fmt.Sprintf("%s%%/%d", tc.threshold, tc.prognose), func(t *testing.T) {
			s := set(t, map[string]string{
				"kommune.toml": fmt.Sprintf(kommuneWithThreshold, tc.threshold),
				"prosjekter/p.toml": projectHead + fmt.Sprintf(`fase = "bygging"
[[kostnadsramme]]
type = "opprinnelig"
belop = 100_000_000
vedtak = "kst-2024-090"
[[statusrapport]]
ar = 2026
periode = "t2"
prognose = %d
risiko = "gul"`, tc.prognose),
			})
			site := compile.Compile(s)
			var p *model.Prosjekt
			for _, x := range site.Prosjekter {
				if x.ID == "p" {
					p = x
				}
			}
			if p.Varsel != tc.alert {
				t.Errorf("varsel %v, want %v (avvik %s)", p.Varsel, tc.alert, p.AvvikJustertPct.Tekst)
			}
			if p.AvvikJustertPct.Tekst != tc.shownPct {
				t.Errorf("avvik shown as %q, want %q", p.AvvikJustertPct.Tekst, tc.shownPct)
			}
			if got := site.Kommune.OverskridelseVarsel.Tekst; got != tc.shownTerm {
				t.Errorf("threshold shown as %q, want %q", got, tc.shownTerm)
			}
		})
	}
}

func TestVarselFunction(t *testing.T) {
	five := money.PercentOf(5)
	for _, tc := range []struct {
		avvik, frame int64
		want         bool
	}{
		{5_040_000, 100_000_000, true},
		{5_000_000, 100_000_000, false},
		{-6_000_000, 100_000_000, false},
		{1, 0, false},
		{money.MaxSum, money.MaxSum, true},
	} {
		if got := compile.Varsel(tc.avvik, tc.frame, five); got != tc.want {
			t.Errorf("Varsel(%d, %d, 5 %%) = %v, want %v", tc.avvik, tc.frame, got, tc.want)
		}
	}
}
