package e2e

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/search"
)

// TestDeclaredFacetsInBrowser: every facet a project declares (record's
// portal tag) is offered on the search page under its label, each code
// under its own, and filtering on a code shows what the native engine
// finds: the field reaches the browser with no code for it in
// static/js/ or layouts/.
func TestDeclaredFacetsInBrowser(t *testing.T) {
	site := buildSite(t, "../../data")
	srv := serve(t, site)
	p := newPage(t)
	nb := catalog.Must("nb")
	do(t, p, chromedp.Navigate(srv.URL+basePath+"sok/?q=type%3Aprosjekt"))
	waitRender(t, p, 0)
	screenshot(t, p, "search-declared-facets")
	var facets []record.Declared
	for _, d := range record.DeclaredFields(reflect.TypeFor[record.Prosjekt]()) {
		if d.Facet && d.Codes != nil {
			facets = append(facets, d)
		}
	}
	if len(facets) == 0 {
		t.Fatal("projects declare no facet with codes")
	}
	for _, d := range facets {
		sel := `#search-facets fieldset[data-field="` + d.Name + `"]`
		legend := eval[string](t, p, `(document.querySelector('`+sel+` legend') || {}).textContent || ''`)
		if want := nb.T(catalog.FieldLabel(d.Name), nil); legend != want {
			t.Errorf("%s: facet legend %q, want %q", d.Name, legend, want)
		}
		values := eval[[]string](t, p, `Array.from(document.querySelectorAll('`+sel+` input')).map(i => i.value)`)
		labels := eval[[]string](t, p, `Array.from(document.querySelectorAll('`+sel+` label')).map(l => l.firstChild.textContent)`)
		if len(values) == 0 || len(values) != len(labels) {
			t.Errorf("%s: values %q, labels %q", d.Name, values, labels)
			continue
		}
		for i, v := range values {
			if !slices.Contains(d.Codes, v) {
				t.Errorf("%s: value %q is not a code", d.Name, v)
			} else if want := nb.T(catalog.FieldCode(d.Name, v), nil); labels[i] != want {
				t.Errorf("%s %s: label %q, want %q", d.Name, v, labels[i], want)
			}
		}
	}
	// Filter on the last declared facet's first code.
	d := facets[len(facets)-1]
	code := eval[string](t, p, `document.querySelector('#search-facets fieldset[data-field="`+d.Name+`"] input').value`)
	n := eval[int](t, p, rendersJS)
	do(t, p, chromedp.Click(chromedp.CSS(`#search-facets fieldset[data-field="`+d.Name+`"] input`)))
	waitRender(t, p, n)
	screenshot(t, p, "search-declared-facet-filtered")
	got := hrefs(pageHits(t, p))
	want := nativeURLs(t, site, search.Request{Query: "type:prosjekt", Filters: map[string][]string{d.Name: {code}}, Size: 10, Recall: true})
	if len(got) == 0 || !slices.Equal(got, want) {
		t.Errorf("%s=%s: browser hits %q, native %q", d.Name, code, got, want)
	}
	if loc := eval[string](t, p, `location.search`); !strings.Contains(loc, d.Name+"="+code) {
		t.Errorf("the filter is not in the URL: %q", loc)
	}
}
