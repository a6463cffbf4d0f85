package export

import (
	"reflect"
	"slices"
	"testing"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/record"
)

// TestDeclaredColumns: the fields a project declares for the CSV are
// columns of prosjekter (and of overskridelser, made from the same
// columns) after fase, typed by their kind, with the enum's codes, the
// keys by the catalogue's rule and the values the site model hands over.
func TestDeclaredColumns(t *testing.T) {
	site := example(t)
	var tab *table
	for _, tb := range tables(site) {
		if tb.name == listProsjekter {
			tab = tb
		}
	}
	names := make([]string, len(tab.fields))
	for i, f := range tab.fields {
		names[i] = f.name
	}
	at := slices.Index(names, "fase") + 1
	n := 0
	for _, d := range record.DeclaredFields(reflect.TypeFor[record.Prosjekt]()) {
		if !d.CSV {
			continue
		}
		i := at + n
		n++
		if i >= len(tab.fields) || tab.fields[i].name != d.Name {
			t.Errorf("%s: not column %d (after fase and the fields declared before it): %q", d.Name, i, names)
			continue
		}
		f := tab.fields[i]
		if f.typ != columnTypes[d.Kind] || !slices.Equal(f.enum, d.Codes) || f.required ||
			f.title != catalog.ColumnTitle(listProsjekter, d.Name) || f.desc != catalog.ColumnDesc(listProsjekter, d.Name) {
			t.Errorf("%s: column %+v", d.Name, f)
		}
		given := 0
		for r, p := range site.Prosjekter {
			c := tab.rows[r][i]
			if got, want := c.csvText(), compile.Verdi(p.Felter, d.Name); got != want {
				t.Errorf("%s, %s: cell %q, want %q", p.ID, d.Name, got, want)
			}
			if c.typ != "" {
				given++
			}
		}
		if given == 0 {
			t.Errorf("%s: no project of the example gives it", d.Name)
		}
	}
	if n == 0 {
		t.Error("projects declare no CSV column")
	}
}

func TestDeclaredCell(t *testing.T) {
	for _, tc := range []struct {
		kind, v, typ, text string
	}{
		{record.Keyword, "totalentreprise", tString, "totalentreprise"},
		{record.Keyword, "", "", ""},
		{record.Number, "42", tInteger, "42"},
		{record.Number, "", "", ""},
		{record.Date, "2026-03-01", tDate, "2026-03-01"},
		{record.Date, "", "", ""},
	} {
		c := declaredCell(tc.kind, tc.v)
		if c.typ != tc.typ || c.csvText() != tc.text {
			t.Errorf("%s %q: got %s %q, want %s %q", tc.kind, tc.v, c.typ, c.csvText(), tc.typ, tc.text)
		}
	}
}
