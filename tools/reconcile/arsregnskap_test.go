package reconcile

import (
	"testing"

	"github.com/openkommune/portal/tools/model"
)

// TestArsregnskap: a printed sum within the file's toleranse of its rows
// passes with its rounding shown; beyond it fails; a printed parent row is
// held against its underområder within the toleranse, a computed one
// exactly.
func TestArsregnskap(t *testing.T) {
	kr := func(n int64) *model.Kr { k := amount(n); return &k }
	file := func(printed, parent int64, computed bool) *model.Arsregnskap {
		return &model.Arsregnskap{Ar: 2023, Anker: "arsregnskap-2023", Path: "okonomiplan/#arsregnskap-2023", Toleranse: amount(2_000),
			Rader: []model.ArsregnskapRad{
				{Omrade: model.Ref{ID: "oppvekst"}, Regnskap: amount(200_000)},
				{Omrade: model.Ref{ID: "helse"}, Regnskap: amount(parent), Beregnet: computed},
				{Omrade: model.Ref{ID: "sykehjem"}, Niva: 1, Overordnet: "helse", Regnskap: amount(100_000)},
			},
			Summer: []model.ArsregnskapSum{{Kolonne: "regnskap", Beregnet: amount(200_000 + parent), Oppgitt: kr(printed)}},
		}
	}
	for _, tc := range []struct {
		name   string
		a      *model.Arsregnskap
		failed int
	}{
		{"exact", file(300_000, 100_000, true), 0},
		{"rounded within toleranse", file(301_001, 101_000, false), 0},
		{"printed sum beyond toleranse", file(305_000, 100_000, true), 1},
		{"printed parent beyond toleranse", file(303_000, 103_000, false), 1},
		{"computed parent off", file(300_500, 100_500, true), 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var failed, n int
			arsregnskap(&model.Site{Arsregnskap: []*model.Arsregnskap{tc.a}}, func(c Check) {
				n++
				if !agree(c) {
					failed++
				}
			})
			if n == 0 || failed != tc.failed {
				t.Errorf("%d of %d checks failed, want %d", failed, n, tc.failed)
			}
		})
	}
}
