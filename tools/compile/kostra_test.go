package compile_test

import (
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/model"
)

const kostraTable = `id = "12362"
tittel = "12362: Utgifter per innbygger"
kilde = "Statistisk sentralbyrå"
url = "https://www.ssb.no/statbank/table/12362"
lisens = "CC BY 4.0"
lisens_url = "https://creativecommons.org/licenses/by/4.0/deed.no"
hentet = 2026-11-20
enhet = "kr"
tall = [
  { region = "9999", funksjon = "201", ar = 2021, verdi = 9000 },
  { region = "9999", funksjon = "201", ar = 2022, verdi = 9200 },
  { region = "9999", funksjon = "201", ar = 2023, verdi = 9400 },
  { region = "9999", funksjon = "201", ar = 2024, verdi = 9900 },
  { region = "9999", funksjon = "202", ar = 2024, status = ".." },
  { region = "EAKUO", funksjon = "201", ar = 2024, verdi = -12345 },
  { region = "9999", funksjon = "254", ar = 2024, verdi = 7000 },
]

[[region]]
kode = "9999"
navn = "Testvik"
rolle = "kommune"

[[region]]
kode = "EAKUO"
navn = "Landet uten Oslo"
rolle = "landet"

[[funksjon]]
kode = "201"
navn = "Barnehage"

[[funksjon]]
kode = "202"
navn = "Grunnskole"

[[funksjon]]
kode = "254"
navn = "Helse- og omsorgstjenester til hjemmeboende"
`

// TestKostra: an area with KOSTRA functions gets its functions' figures
// for the latest three years, a row per region, SSB's mark where there is
// no figure, and the table it cites; the other function is left out.
func TestKostra(t *testing.T) {
	site := compile.Compile(set(t, map[string]string{"kostra/12362.toml": kostraTable}))
	var k *model.OmradeKostra
	for _, o := range site.Omrader {
		if o.ID == "oppvekst" {
			k = o.KostraTall
		}
	}
	if k == nil {
		t.Fatal("oppvekst has no KOSTRA figures")
	}
	if got := k.Ar; len(got) != 3 || got[0] != 2022 || got[2] != 2024 {
		t.Errorf("years %v, want the latest three 2022–2024", got)
	}
	if k.Kilde.Tabell != "12362" || k.Kilde.URL != "https://www.ssb.no/statbank/table/12362" || k.Kilde.Hentet.ISO != "2026-11-20" || k.Kilde.Fil != "kostra/12362.toml" {
		t.Errorf("source %+v", k.Kilde)
	}
	if len(k.Funksjoner) != 2 || k.Funksjoner[0].Kode != "201" || k.Funksjoner[1].Kode != "202" {
		t.Fatalf("functions %+v, want 201 and 202 (the area's)", k.Funksjoner)
	}
	var cells []string
	for _, f := range k.Funksjoner {
		for _, r := range f.Rader {
			for _, c := range r.Tall {
				cells = append(cells, c.Tekst)
			}
		}
	}
	want := "9\u00a0200 9\u00a0400 9\u00a0900 – – −12\u00a0345 – – .. – – –"
	if got := strings.Join(cells, " "); got != want {
		t.Errorf("cells\n got %q\nwant %q", got, want)
	}
	if v := k.Funksjoner[0].Rader[1].Tall[2].Verdi; v == nil || *v != -12345 {
		t.Errorf("landet 201 2024 = %v", v)
	}
}
