package search

import (
	"fmt"

	"github.com/openkommune/portal/tools/record"
)

// declaredFields are the search fields the records declare (record's
// `portal` tags: search, facet and sort), in the
// order of record.DeclaringRecords and of each record's fields. A date
// field brings its hidden year field (see Field.Hidden). Two records may
// declare the same field only alike; a declared field may not take the
// name of one of the engine's own. Either is a mistake in the code, and
// panics when the package starts.
func declaredFields() []Field {
	var out []Field
	add := func(f Field, from string) {
		if _, own := fieldIn(ownFields, f.Name); own {
			panic(fmt.Sprintf("search: %s declares the field %q, which the engine has already", from, f.Name))
		}
		if g, dup := fieldIn(out, f.Name); dup {
			if g != f {
				panic(fmt.Sprintf("search: %s declares the field %q unlike another record", from, f.Name))
			}
			return
		}
		out = append(out, f)
	}
	kinds := map[string]Kind{record.Keyword: Keyword, record.Number: Number, record.Date: Date}
	for _, r := range record.DeclaringRecords {
		for _, d := range record.DeclaredFields(r.Type) {
			if !d.Search {
				continue
			}
			add(Field{Name: d.Name, Kind: kinds[d.Kind], Facet: d.Facet, Sort: d.Sort}, r.Folder)
			if d.Kind == record.Date {
				add(Field{Name: d.Name + "_aar", Kind: Keyword, Hidden: true}, r.Folder)
			}
		}
	}
	return out
}

func fieldIn(fs []Field, name string) (Field, bool) {
	for _, f := range fs {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}
