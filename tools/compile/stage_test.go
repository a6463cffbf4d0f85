package compile_test

import (
	"testing"

	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/model"
)

// TestRevisedForslag: a plan with the kommunedirektør's forslag and a
// revised one (a tilleggsinnstilling) shows both in the order written,
// each with its own anchor; the revised forslag is compared with the
// first, the innstilling with the revised (latest) one, and the plan is
// "at" the innstilling.
func TestRevisedForslag(t *testing.T) {
	site := compile.Compile(set(t, map[string]string{"okonomiplan/2026-2029.toml": `id = "2026-2029"
forste_ar = 2026

[[stadium]]
type = "forslag"
navn = "Kommunedirektørens forslag"
dato = 2025-05-02
dokument = "https://example.org/forslag.pdf"
ramme = [
  { omrade = "oppvekst", belop = [1, 2, 3, 4] },
  { omrade = "helse", belop = [1, 2, 3, 4] },
]

[[stadium]]
type = "innstilling"
vedtak = "kst-2025-030"
ramme = [
  { omrade = "oppvekst", belop = [7, 2, 3, 4] },
  { omrade = "helse", belop = [1, 2, 3, 4] },
]

[[stadium]]
type = "forslag"
navn = "Tilleggsinnstilling"
ukjent = ["dato"]
dokument = "https://example.org/tillegg.pdf"
ramme = [
  { omrade = "oppvekst", belop = [5, 2, 3, 4] },
  { omrade = "helse", belop = [1, 2, 3, 4] },
]
`}))
	var o *model.Okonomiplan
	for _, p := range site.Okonomiplaner {
		if p.ID == "2026-2029" {
			o = p
		}
	}
	if o == nil {
		t.Fatal("no plan 2026-2029")
	}
	if o.Stadium != "innstilling" {
		t.Errorf("plan is at %q, want innstilling", o.Stadium)
	}
	want := []struct{ anker, navn, mot string }{
		{"stadium-forslag", "Kommunedirektørens forslag", ""},
		{"stadium-forslag-2", "Tilleggsinnstilling", "forslag"},
		{"stadium-innstilling", "", "forslag"},
	}
	if len(o.Stadier) != len(want) {
		t.Fatalf("%d stages, want %d", len(o.Stadier), len(want))
	}
	for i, w := range want {
		s := o.Stadier[i]
		if s.Anker != w.anker || s.Navn != w.navn || s.Mot != w.mot {
			t.Errorf("stage %d = %s %q against %q, want %s %q against %q", i, s.Anker, s.Navn, s.Mot, w.anker, w.navn, w.mot)
		}
	}
	if !o.Stadier[1].DatoUkjent || o.Stadier[1].Dato != nil {
		t.Errorf("the tilleggsinnstilling's date: %+v, unknown %v; want nil, unknown", o.Stadier[1].Dato, o.Stadier[1].DatoUkjent)
	}
	// 2026, oppvekst: forslag 1, tilleggsinnstilling 5 (+4 against 1),
	// innstilling 7 (+2 against the latest forslag, 5).
	row := o.Sammenligning[0].Rader[0]
	if c := row.Celler[1]; c.Endring == nil || c.Endring.Kr != 4 {
		t.Errorf("revised forslag change = %+v, want +4", c.Endring)
	}
	if c := row.Celler[2]; c.Endring == nil || c.Endring.Kr != 2 {
		t.Errorf("innstilling change = %+v, want +2 against the revised forslag", c.Endring)
	}
}
