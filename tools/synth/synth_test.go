package synth

import (
	"maps"
	"testing"

	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/load"
)

// TestSyntheticDataChecks: the generator's output is valid data (no
// errors, no warnings) of the requested size and shape, and the same seed
// gives the same files.
func TestSyntheticDataChecks(t *testing.T) {
	for _, tc := range []struct {
		size                  Size
		utvalg, okonomiplaner int
	}{
		{Size{Vedtak: 700, Prosjekter: 60, Planer: 5, Seed: 3}, 5, 1},
		// The shape of the 100 000-vedtak kommune (20 years, 50 plans), thinner.
		{Size{Vedtak: 3000, Prosjekter: 200, Planer: 50, Seed: 4, Years: 20}, 5, 5},
		// A large kommune's year: about 250 saker per utvalg.
		{Size{Vedtak: 5000, Prosjekter: 100, Planer: 12, Seed: 5, Years: 1}, 20, 1},
	} {
		size := tc.size
		if testing.Short() && size.Vedtak > 1000 {
			continue
		}
		set, diags := load.Load(FS(size), "data")
		check.Check(set, diags)
		for _, d := range diags.Sorted()[:min(10, diags.Len())] {
			t.Errorf("%+v: %v", size, d)
		}
		if diags.Errors() > 0 {
			continue
		}
		if len(set.Vedtak) != size.Vedtak || len(set.Prosjekter) != size.Prosjekter || len(set.Planer) != size.Planer {
			t.Errorf("%+v: got %d vedtak, %d prosjekter, %d planer", size, len(set.Vedtak), len(set.Prosjekter), len(set.Planer))
		}
		if len(set.Kommune.Utvalg) != tc.utvalg || len(set.Okonomiplan) != tc.okonomiplaner {
			t.Errorf("%+v: %d utvalg, %d økonomiplaner; want %d and %d", size, len(set.Kommune.Utvalg), len(set.Okonomiplan), tc.utvalg, tc.okonomiplaner)
		}
		// What a real record has: every utvalg's vedtak, late points, points
		// reported in later vedtak, every project phase, overruns, overdue
		// final accounts, reguleringer.
		site := compile.Compile(set)
		perUtvalg := map[string]int{}
		omtalt := 0
		for _, v := range site.Vedtak {
			perUtvalg[v.Utvalg.Kode]++
			omtalt += len(v.Omtalt)
		}
		phases := map[string]int{}
		for _, p := range site.Prosjekter {
			phases[p.Fase]++
		}
		regs := 0
		for _, o := range site.Okonomiplaner {
			regs += len(o.Reguleringer)
		}
		n := site.Nokkeltall
		wantPhases := 6 // a one-year record has only the early ones
		if len(size.years()) == 1 {
			wantPhases = 2
		}
		if len(perUtvalg) != tc.utvalg || n.PunkterForsinket == 0 || n.PunkterApne == 0 || omtalt == 0 ||
			len(phases) < wantPhases || n.ProsjekterOverRamme == 0 || regs == 0 {
			t.Errorf("%+v: vedtak per utvalg %v, %d points (%d open, %d late), %d omtalt links, phases %v, %d over frame, %d sluttregnskap overdue, %d reguleringer",
				size, perUtvalg, n.Punkter, n.PunkterApne, n.PunkterForsinket, omtalt, phases, n.ProsjekterOverRamme, n.SluttregnskapForfalt, regs)
		}
	}
	size := Size{Vedtak: 700, Prosjekter: 60, Planer: 5, Seed: 3}
	if !maps.Equal(Files(size), Files(size)) {
		t.Error("the same size and seed gave different files")
	}
}

// TestYears: a kommune's record spans as many years as its vedtak make at
// VedtakPerYear, at most MaxYears.
func TestYears(t *testing.T) {
	for _, tc := range []struct{ vedtak, years int }{{400, 2}, {5000, 17}, {100_000, MaxYears}} {
		g := Size{Vedtak: tc.vedtak}.years()
		if len(g) != tc.years || g[len(g)-1] != LastYear {
			t.Errorf("%d vedtak: years %v, want %d up to %d", tc.vedtak, g, tc.years, LastYear)
		}
	}
}
