package cputime

import "testing"

func TestUsedGrows(t *testing.T) {
	before := Used()
	x := 0
	for i := range 200_000_000 {
		x += i % 7
	}
	if Used() <= before || x == 0 {
		t.Errorf("CPU time did not grow: %v then %v", before, Used())
	}
}
