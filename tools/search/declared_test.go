package search

import (
	"slices"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/record"
)

// TestDeclaredFieldsAppended: the fields the records declare searchable
// follow the engine's own, in record.DeclaringRecords' order, with their
// kind, facet and sort from the tag.
func TestDeclaredFieldsAppended(t *testing.T) {
	if got := Fields[:len(ownFields)]; !slices.Equal(got, ownFields) {
		t.Fatalf("Fields does not start with ownFields")
	}
	var want []string
	for _, r := range record.DeclaringRecords {
		for _, d := range record.DeclaredFields(r.Type) {
			if d.Search {
				want = append(want, d.Name)
				if d.Kind == record.Date {
					want = append(want, d.Name+"_aar")
				}
			}
		}
	}
	var got []string
	for _, f := range Fields[len(ownFields):] {
		got = append(got, f.Name)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("declared search fields %q, want %q", got, want)
	}
	if f, ok := FieldByName("entreprise"); !ok || f.Kind != Keyword || !f.Facet || f.Sort || f.Hidden {
		t.Errorf("entreprise: %+v, %v", f, ok)
	}
}

// TestCheckSchema: the engine takes a head whose schema describes its
// fields as the engine does, and refuses any other.
func TestCheckSchema(t *testing.T) {
	names := func(specs []FieldSpec) []string {
		var out []string
		for _, s := range specs {
			out = append(out, s.Name)
		}
		return out
	}
	good := Specs()
	if err := checkSchema(&Head{Fields: names(good), Schema: good}); err != nil {
		t.Fatalf("the engine's own schema: %v", err)
	}
	changed := func(i int, f func(*FieldSpec)) []FieldSpec {
		s := append([]FieldSpec(nil), good...)
		f(&s[i])
		return s
	}
	facet, _ := FieldByName("entreprise")
	last := len(good) - 1
	for name, h := range map[string]*Head{
		"no schema":         {Fields: names(good)},
		"one spec too few":  {Fields: names(good), Schema: good[:last]},
		"names out of step": {Fields: names(good), Schema: append(append([]FieldSpec(nil), good[1:]...), good[0])},
		"facet dropped":     {Fields: names(good), Schema: changed(last, func(s *FieldSpec) { s.Facet = !facet.Facet })},
		"kind changed":      {Fields: names(good), Schema: changed(0, func(s *FieldSpec) { s.Kind = "keyword" })},
		"boost changed":     {Fields: names(good), Schema: changed(0, func(s *FieldSpec) { s.Boost = 9 })},
	} {
		if err := checkSchema(h); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	// A field this engine does not know is the reader's business (it
	// maps names), as before the schema.
	extra := append(append([]FieldSpec(nil), good...), FieldSpec{Name: "ukjent", Kind: "keyword"})
	if err := checkSchema(&Head{Fields: names(extra), Schema: extra}); err != nil {
		t.Errorf("an unknown field: %v", err)
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Text: "text", Keyword: "keyword", Number: "number", Date: "date", Kind(9): "kind(9)"} {
		if got := k.String(); got != want {
			t.Errorf("%d: got %q, want %q", int(k), got, want)
		}
	}
}
