package searchindex

import (
	"reflect"
	"slices"
	"testing"

	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/search"
)

// TestDeclaredFieldsSearched: every value of a project's declared search
// field in the example finds the project as field:value, and a declared
// facet counts it, with no code for the field in this package.
func TestDeclaredFieldsSearched(t *testing.T) {
	site := exampleSite(t)
	c := client(t, exampleIndex(t))
	searched := 0
	for _, d := range record.DeclaredFields(reflect.TypeFor[record.Prosjekt]()) {
		if !d.Search {
			continue
		}
		want := map[string][]string{} // value → project URLs
		for _, p := range site.Prosjekter {
			for _, f := range p.Felter {
				if f.Felt == d.Name {
					want[f.Verdi] = append(want[f.Verdi], p.Path)
				}
			}
		}
		if len(want) == 0 {
			t.Errorf("%s: no project of the example gives it; give one a value, so that this test sees it searched", d.Name)
		}
		for v, paths := range want {
			searched++
			r := mustSearch(t, c, search.Request{Query: "+" + d.Name + ":" + v + " +type:prosjekt", Size: 100})
			got := urls(r)
			slices.Sort(got)
			slices.Sort(paths)
			if !slices.Equal(got, paths) {
				t.Errorf("%s:%s finds %q, want %q", d.Name, v, got, paths)
			}
			if !d.Facet {
				continue
			}
			r = mustSearch(t, c, search.Request{Query: "type:prosjekt", Filters: map[string][]string{d.Name: {v}}, Size: 100})
			if r.Total != len(paths) {
				t.Errorf("filter %s=%s: %d hits, want %d", d.Name, v, r.Total, len(paths))
			}
			if n := facetCount(r, d.Name, v); n != len(paths) {
				t.Errorf("facet %s counts %s %d times, want %d", d.Name, v, n, len(paths))
			}
		}
	}
	if searched == 0 {
		t.Error("projects declare no search field with a value in the example")
	}
}

func facetCount(r *search.Response, field, value string) int {
	for _, f := range r.Facets {
		if f.Field != field {
			continue
		}
		for _, v := range f.Values {
			if v.Value == value {
				return v.Count
			}
		}
	}
	return 0
}
