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

// Kind says how a field is indexed.
type Kind int

const (
	Text    Kind = iota // analysed Norwegian text
	Keyword             // one exact, lower-case value; facetable
	Number              // float64; range queries and sorting
	Date                // calendar date; range queries and sorting
)

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

// Fields lists every field in a fixed order. The order gives the field ids
// in the index (the uint16 in every upsidedown key), so it must not depend
// on the data; append new fields at the end.
var Fields = []Field{
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
	{Name: "nummer", Kind: Keyword},                  // a project's number
	{Name: "entreprise", Kind: Keyword, Facet: true}, // a project's contract form
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
