// Package search owns the portal's full-text search: the fields every
// document has, the Norwegian analysis, the static index format (a head,
// key-range chunks of upsidedown rows, doc values and result blocks) and the
// query engine that runs bleve's searchers over that format. The same code
// is compiled natively, for the build and for tests, and to WebAssembly for
// the visitor's browser, so every field is defined once, here.
//
// The package uses only bleve's low-level packages (mapping, analysis,
// search, search/query); it must keep compiling for GOOS=js GOARCH=wasm.
// Building the index (which uses bleve's upsidedown index) lives in the
// searchindex package, which is native only.
package search

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
)

// Kind says how a field is indexed.
type Kind int

const (
	Text    Kind = iota // analysed Norwegian text
	Keyword             // one exact, lower-case value; facetable
	Number              // float64; range queries and sorting
	Date                // calendar date; range queries and sorting
)

// kindNames are the kinds' names in the head and on the search page.
var kindNames = []string{Text: "text", Keyword: "keyword", Number: "number", Date: "date"}

// String is the kind's name: text, keyword, number or date.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Field is one searchable field.
type Field struct {
	Name  string // as typed in queries: "avvik_prosent"
	Kind  Kind
	Boost float64 // for text fields searched without a field name
	Facet bool    // counted and offered as a filter
	Sort  bool    // offered as a sort order
	// Hidden fields are not offered to users: dato_aar and frist_aar hold
	// the year of a date, so that dato:2025 is one term, not a range over
	// hundreds of prefix-coded date terms.
	Hidden bool
}

// Fields lists every field in a fixed order: the engine's own fields
// (ownFields), then the fields the records declare searchable
// (declared.go). The order gives the field ids in the index (the uint16 in
// every upsidedown key; the head names them), so it must not depend on
// the data; new fields of the engine's own go at the end of ownFields.
var Fields = slices.Concat(ownFields, declaredFields())

// ownFields are the fields the engine derives itself (searchindex.Docs).
var ownFields = []Field{
	{Name: "tittel", Kind: Text, Boost: 3},
	{Name: "tekst", Kind: Text, Boost: 1},
	{Name: "type", Kind: Keyword, Facet: true},
	{Name: "aar", Kind: Keyword, Facet: true},
	{Name: "utvalg", Kind: Keyword, Facet: true},
	{Name: "rammeomrade", Kind: Keyword, Facet: true},
	{Name: "status", Kind: Keyword, Facet: true},
	{Name: "fase", Kind: Keyword, Facet: true},
	{Name: "plan", Kind: Keyword, Facet: true},
	{Name: "sak", Kind: Keyword},
	{Name: "dato", Kind: Date, Sort: true},
	{Name: "frist", Kind: Date},
	{Name: "avvik_prosent", Kind: Number, Sort: true},
	{Name: "avvik_kr", Kind: Number},
	{Name: "kostnadsramme", Kind: Number, Sort: true},
	{Name: "belop", Kind: Number},
	{Name: "dato_aar", Kind: Keyword, Hidden: true},
	{Name: "frist_aar", Kind: Keyword, Hidden: true},
	{Name: "arkivsak", Kind: Keyword},
	{Name: "nummer", Kind: Keyword}, // a project's number
}

// FieldSpec is a field as the head describes it (Head.Schema): the kind
// by name (Kind.String), the rest as in Field.
type FieldSpec struct {
	Name   string  `json:"name"`
	Kind   string  `json:"kind"`
	Boost  float64 `json:"boost,omitempty"`
	Facet  bool    `json:"facet,omitempty"`
	Sort   bool    `json:"sort,omitempty"`
	Hidden bool    `json:"hidden,omitempty"`
	// Ranges are a number field's preset ranges (RangeFacets), counted
	// and offered as filters like a facet's values.
	Ranges []RangeSpec `json:"ranges,omitempty"`
}

// RangeSpec is one preset range of a number field as the head describes
// it: from Min (inclusive) to Max (exclusive), either open.
type RangeSpec struct {
	Value string   `json:"value"`
	Min   *float64 `json:"min,omitempty"`
	Max   *float64 `json:"max,omitempty"`
}

// Specs describes Fields for the head.
func Specs() []FieldSpec {
	out := make([]FieldSpec, len(Fields))
	for i, f := range Fields {
		out[i] = FieldSpec{Name: f.Name, Kind: f.Kind.String(), Boost: f.Boost, Facet: f.Facet, Sort: f.Sort, Hidden: f.Hidden}
		for _, r := range RangeFacets[f.Name] {
			out[i].Ranges = append(out[i].Ranges, RangeSpec{Value: r.Value, Min: r.Min, Max: r.Max})
		}
	}
	return out
}

// checkSchema reports a head whose schema does not describe its fields,
// or describes one of them otherwise than this engine does.
func checkSchema(h *Head) error {
	if len(h.Schema) != len(h.Fields) {
		return errors.New("search head: the schema does not match the fields")
	}
	own := Specs()
	for i, spec := range h.Schema {
		if spec.Name != h.Fields[i] {
			return fmt.Errorf("search head: the schema names field %d %q, the fields %q", i, spec.Name, h.Fields[i])
		}
		if j := slices.IndexFunc(own, func(o FieldSpec) bool { return o.Name == spec.Name }); j >= 0 && !reflect.DeepEqual(own[j], spec) {
			return fmt.Errorf("search head: field %q is described otherwise than this engine's", spec.Name)
		}
	}
	return nil
}

// yearField is the hidden field with the year of date field name, if any.
func yearField(name string) (string, bool) {
	f, ok := FieldByName(name + "_aar")
	return f.Name, ok && f.Hidden
}

// DocTypes are the values of the type field, in display order.
var DocTypes = []string{"vedtak", "vedtakspunkt", "plan", "tiltak", "rammeomrade", "prosjekt"}

// FieldByName finds a field.
func FieldByName(name string) (Field, bool) {
	for _, f := range Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// FacetFields are the names of the facet fields in order.
func FacetFields() []string {
	var out []string
	for _, f := range Fields {
		if f.Facet {
			out = append(out, f.Name)
		}
	}
	return out
}

// textFields are the fields searched when a query names none.
func textFields() []Field {
	var out []Field
	for _, f := range Fields {
		if f.Kind == Text {
			out = append(out, f)
		}
	}
	return out
}

// errUnknownField is returned for a query naming a field that does not
// exist; the query is then searched as plain words.
func errUnknownField(name string) error {
	return msg("unknown_field", name+":")
}
