package compile_test

import (
	"testing"

	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/model"
)

// TestProposedSteps: a kostnadsramme step that cites a budget stage is
// left out of every adopted figure (opprinnelig, justert, the frame
// growth, the history) and shown as proposed, with the frame it would
// give and a link to the stage.
func TestProposedSteps(t *testing.T) {
	forslag := `id = "2026-2029"
forste_ar = 2026
[[stadium]]
type = "forslag"
dato = 2025-10-28
dokument = "https://example.org/forslag.pdf"
ramme = [{ omrade = "oppvekst", belop = [1, 1, 1, 1] }, { omrade = "helse", belop = [1, 1, 1, 1] }]
`
	head := "id = \"hall\"\nnummer = \"9\"\nnavn = \"Hall\"\nomrade = \"oppvekst\"\nansvarlig = \"Eiendom\"\nfase = \"forprosjekt\"\n"
	proposed := func(typ, belop string) string {
		return "[[kostnadsramme]]\ntype = \"" + typ + "\"\nbelop = " + belop + "\nokonomiplan = \"2026-2029\"\nstadium = \"forslag\"\n"
	}
	adopted := "[[kostnadsramme]]\ntype = \"opprinnelig\"\nbelop = 20_000_000\nvedtak = \"kst-2024-090\"\n"
	for _, tc := range []struct {
		name, toml       string
		history          int
		justert, vekst   string // "" for none
		foreslatt, ramme int64
		link             string
	}{
		{"tillegg proposed", head + adopted + proposed("tillegg", "5_000_000"), 1, "20\u00a0000\u00a0000\u00a0kr", "0\u00a0kr", 1, 25_000_000, "okonomiplan/2026-2029/#stadium-forslag-2026"},
		{"frame proposed", head + proposed("opprinnelig", "30_000_000"), 0, "", "", 1, 30_000_000, "okonomiplan/2026-2029/#stadium-forslag-2026"},
		{"nothing proposed", head + adopted, 1, "20\u00a0000\u00a0000\u00a0kr", "0\u00a0kr", 0, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := compile.Compile(set(t, map[string]string{"okonomiplan/2026-2029.toml": forslag, "prosjekter/hall.toml": tc.toml}))
			var p *model.Prosjekt
			for _, q := range site.Prosjekter {
				if q.ID == "hall" {
					p = q
				}
			}
			if len(p.Rammehistorikk) != tc.history {
				t.Errorf("history has %d steps, want %d", len(p.Rammehistorikk), tc.history)
			}
			if tc.justert != "" && p.Justert.Tekst != tc.justert {
				t.Errorf("justert %q, want %q", p.Justert.Tekst, tc.justert)
			}
			switch {
			case tc.vekst == "" && p.Rammevekst != nil:
				t.Errorf("frame growth %q without an adopted frame", p.Rammevekst.Tekst)
			case tc.vekst != "" && (p.Rammevekst == nil || p.Rammevekst.Tekst != tc.vekst):
				t.Errorf("frame growth %v, want %q", p.Rammevekst, tc.vekst)
			}
			if int64(len(p.Foreslatt)) != tc.foreslatt {
				t.Fatalf("%d proposed steps, want %d", len(p.Foreslatt), tc.foreslatt)
			}
			if tc.foreslatt == 0 {
				if p.ForeslattRamme != nil {
					t.Errorf("a proposed frame %v without a proposal", p.ForeslattRamme)
				}
				return
			}
			if p.ForeslattRamme == nil || p.ForeslattRamme.Kr != tc.ramme {
				t.Errorf("proposed frame %v, want %d", p.ForeslattRamme, tc.ramme)
			}
			f := p.Foreslatt[0]
			if f.Stadium != "forslag" || f.Okonomiplan.Path != tc.link || f.Arene != "2026–2029" || f.Dato == nil || f.Dato.ISO != "2025-10-28" {
				t.Errorf("proposed step %+v", f)
			}
		})
	}
}
