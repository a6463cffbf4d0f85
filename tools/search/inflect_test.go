package search

import (
	"slices"
	"testing"
)

func TestInflectionTable(t *testing.T) {
	an := NewAnalyzers(Mapping()).Query
	terms := map[string]bool{"vei": true, "veien": true, "veier": true, "skol": true, "bnr": true, "ny": true, "nye": true, "bru": true, "x1": true}
	got := InflectionTable(terms, an)
	want := []string{"bru", "ny e", "vei en er"}
	if !slices.Equal(got, want) {
		t.Errorf("table %q, want %q", got, want)
	}
	m := newInflections(got)
	for term, fam := range map[string][]string{
		"veiene": {"vei", "veien", "veier"}, "veier": {"vei", "veien", "veier"}, "vei": {"vei", "veien", "veier"},
		"brua": {"bru"}, "skolen": nil, "en": nil, "e": nil,
	} {
		if got := m.family(term); !slices.Equal(got, fam) {
			t.Errorf("family of %q: %q, want %q", term, got, fam)
		}
	}
}
