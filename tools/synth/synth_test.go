package synth

import (
	"maps"
	"testing"

	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/load"
)

// TestSyntheticDataChecks: the generator's output is valid data of the
// requested size, and the same seed gives the same files.
func TestSyntheticDataChecks(t *testing.T) {
	size := Size{Vedtak: 700, Prosjekter: 60, Planer: 5, Seed: 3}
	set, diags := load.Load(FS(size), "data")
	check.Check(set, diags)
	if diags.Errors() > 0 {
		for _, d := range diags.Sorted()[:min(10, diags.Len())] {
			t.Error(d)
		}
	}
	if len(set.Vedtak) != 700 || len(set.Prosjekter) != 60 || len(set.Planer) != 5 {
		t.Errorf("got %d vedtak, %d prosjekter, %d planer", len(set.Vedtak), len(set.Prosjekter), len(set.Planer))
	}
	if !maps.Equal(Files(size), Files(size)) {
		t.Error("the same size and seed gave different files")
	}
}
