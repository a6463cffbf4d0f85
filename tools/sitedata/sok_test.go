package sitedata_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/search"
	"github.com/openkommune/portal/tools/sitedata"
)

// TestSokMeta: the search page's metadata covers every facet, range and
// sort field of package search, and every label it names is in both
// languages' i18n.
func TestSokMeta(t *testing.T) {
	s := sitedata.SokMeta(sitedata.Sok{})
	if !slices.Equal(s.Fasetter, search.FacetFields()) {
		t.Errorf("fasetter %v, want %v", s.Fasetter, search.FacetFields())
	}
	var ranges, sorts []string
	for _, r := range s.Intervaller {
		ranges = append(ranges, r.Felt)
		if r.Kort == "" || r.Skala <= 0 || r.Etikett == "" {
			t.Errorf("range %+v: no input", r)
		}
	}
	if !slices.Equal(ranges, sitedata.RangeFields()) {
		t.Errorf("intervaller %v, want %v", ranges, sitedata.RangeFields())
	}
	keys := []string{}
	for _, o := range s.Sortering {
		sorts = append(sorts, o.Felt)
		keys = append(keys, o.Etikett)
	}
	if !slices.Equal(sorts, sitedata.SortFields()) {
		t.Errorf("sortering %v, want %v", sorts, sitedata.SortFields())
	}
	for _, r := range s.Intervaller {
		keys = append(keys, r.Etikett, r.Enhet)
	}
	for _, f := range append(search.FacetFields(), sitedata.RangeFields()...) {
		if s.Etiketter["felt"][f] == "" {
			t.Errorf("facet %s has no label", f)
		}
	}
	for _, code := range search.DocTypes {
		if s.Etiketter["type"][code] == "" {
			t.Errorf("type %s has no label", code)
		}
	}
	for _, m := range s.Etiketter {
		for _, k := range m {
			keys = append(keys, k)
		}
	}
	for _, lang := range []string{"nb", "nn"} {
		var m map[string]any
		if _, err := toml.DecodeFile("../../i18n/"+lang+".toml", &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range keys {
			if _, ok := m[k]; !ok || k == "" {
				t.Errorf("i18n/%s.toml has no %q", lang, k)
			}
		}
	}
}

// TestSearchPageRepeatsNoMetadata: the search page and its script name no
// facet, range or sort field and no code: they read them from the data.
func TestSearchPageRepeatsNoMetadata(t *testing.T) {
	s := sitedata.SokMeta(sitedata.Sok{})
	names := append(sitedata.RangeFields(), sitedata.SortFields()...)
	for facet, m := range s.Etiketter {
		for code := range m {
			// Codes that are facet names too (plan, rammeomrade) are the
			// facets the page labels from the data (utvalg, areas, plans).
			if facet != "felt" && !slices.Contains(search.FacetFields(), code) {
				names = append(names, code)
			}
		}
	}
	for _, file := range []string{"../../layouts/sok/section.html", "../../static/js/search.js"} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			if regexp.MustCompile(`["']` + n + `["']`).Match(b) {
				t.Errorf("%s names %q; read it from hugo.Data.portal.sok", file, n)
			}
		}
		// A list of facet fields, as FACETS was.
		if regexp.MustCompile(`\[\s*["'](` + strings.Join(search.FacetFields(), "|") + `)["']\s*,`).Match(b) {
			t.Errorf("%s lists facet fields; read them from hugo.Data.portal.sok", file)
		}
	}
}

// TestSokMetaDeclared: a facet a record declares is labelled by the
// catalogue's rule for declared fields, and so is each of its codes.
func TestSokMetaDeclared(t *testing.T) {
	s := sitedata.SokMeta(sitedata.Sok{})
	n := 0
	for _, r := range record.DeclaringRecords {
		for _, d := range record.DeclaredFields(r.Type) {
			if !d.Facet {
				continue
			}
			n++
			if got, want := s.Etiketter["felt"][d.Name], string(catalog.FieldLabel(d.Name)); got != want {
				t.Errorf("%s: label %q, want %q", d.Name, got, want)
			}
			if !slices.Contains(s.Fasetter, d.Name) {
				t.Errorf("%s: not a facet of the search page", d.Name)
			}
			for _, c := range d.Codes {
				if got, want := s.Etiketter[d.Name][c], string(catalog.FieldCode(d.Name, c)); got != want {
					t.Errorf("%s %s: label %q, want %q", d.Name, c, got, want)
				}
			}
			if len(s.Etiketter[d.Name]) != len(d.Codes) {
				t.Errorf("%s: %d code labels, want %d", d.Name, len(s.Etiketter[d.Name]), len(d.Codes))
			}
		}
	}
	if n == 0 {
		t.Error("no record declares a facet")
	}
}
