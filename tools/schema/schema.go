// Package schema owns the JSON Schemas of the data files, generated from
// package record's types, and the scaffolds of new data files made from the
// same types.
//
// The schemas give the kommune's staff completion, hover help and
// validation as they type, in any editor built on taplo (VS Code with Even
// Better TOML); .taplo.toml at the repository root maps each kind's files to
// its schema in schemas/. They are draft-07, the draft taplo's validator
// knows best, and say what load says about the form of a file: the keys
// (additionalProperties is false, as load reports unknown keys), the type of
// each value, the codes of each enum, and which keys are required. They do
// not say what check says about the whole (references, sums, dates in
// order): portal check stays the judge.
//
// What each key means and whether it is required comes from the tables of
// docs/data-format.md (see Docs), the document the staff already read, so
// the two cannot tell different stories: generation fails if a field of a
// record type has no row there or a row names no field, and a test checks
// every required and optional key against what package check does when the
// key is left out. The generated files are committed; a test fails when
// they differ from what Generate makes now.
//
// Types map as taplo sees TOML: string, int, float64 and bool as such; an
// enum type (with a Values method) as a string with its codes; money.Amount
// as an integer; caldate.Date as a string of format "date" (taplo turns TOML
// dates into strings before it validates); slices as arrays; structs as
// tables with their own schema.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
)

// Dir is where the generated schemas are kept, from the repository root.
const Dir = "schemas"

// Kind is one kind of data file.
type Kind struct {
	Name string // "vedtak"; its schema is schemas/vedtak.schema.json
	Glob string // its files from the repository root, as .taplo.toml globs them
	// Doc is the code in the kind's "##" heading in docs/data-format.md.
	Doc string
	// DocTable is the table described by the table right under that
	// heading, if not the file's top level.
	DocTable string
	Type     reflect.Type // the record type a file decodes into
}

// Kinds are the kinds of data file, in the order of docs/data-format.md.
var Kinds = []Kind{
	{Name: "kommune", Glob: "data/kommune.toml", Doc: "kommune.toml", Type: reflect.TypeFor[record.Kommune]()},
	{Name: "rammeomrader", Glob: "data/rammeomrader.toml", Doc: "rammeomrader.toml", DocTable: "omrade", Type: reflect.TypeFor[record.Rammeomrader]()},
	{Name: "vedtak", Glob: "data/vedtak/**/*.toml", Doc: "vedtak/…/ID.toml", Type: reflect.TypeFor[record.Vedtak]()},
	{Name: "plan", Glob: "data/planer/*.toml", Doc: "planer/ID.toml", Type: reflect.TypeFor[record.Plan]()},
	{Name: "okonomiplan", Glob: "data/okonomiplan/*.toml", Doc: "okonomiplan/ID.toml", Type: reflect.TypeFor[record.Okonomiplan]()},
	{Name: "prosjekt", Glob: "data/prosjekter/*.toml", Doc: "prosjekter/ID.toml", Type: reflect.TypeFor[record.Prosjekt]()},
	{Name: "kostra", Glob: "data/kostra/*.toml", Doc: "kostra/TABELL.toml", Type: reflect.TypeFor[record.Kostra]()},
	{Name: "oversikt", Glob: "data/oversikter/*.toml", Doc: "oversikter/ID.toml", Type: reflect.TypeFor[record.Oversikt]()},
	{Name: "regnskap", Glob: "data/regnskap/*.toml", Doc: "regnskap/AR.toml", Type: reflect.TypeFor[record.Regnskap]()},
	{Name: "rapport", Glob: "data/rapporter/*.toml", Doc: "rapporter/ID.toml", Type: reflect.TypeFor[record.Rapport]()},
}

// KindNamed returns the kind called name.
func KindNamed(name string) (Kind, bool) {
	for _, k := range Kinds {
		if k.Name == name {
			return k, true
		}
	}
	return Kind{}, false
}

// File is the name of the kind's schema file: "vedtak.schema.json".
func (k Kind) File() string { return k.Name + ".schema.json" }

// Files generates the schema of every kind from docs/data-format.md (its
// bytes) and the record types, by file name.
func Files(doc []byte) (map[string][]byte, error) {
	d, err := ParseDocs(doc)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, k := range Kinds {
		b, err := d.Generate(k)
		if err != nil {
			return nil, err
		}
		out[k.File()] = b
	}
	return out, nil
}

// Generate returns the JSON Schema of kind k, indented, with a final newline.
func (d *Docs) Generate(k Kind) ([]byte, error) {
	fields, err := d.Fields(k)
	if err != nil {
		return nil, err
	}
	root := d.kinds[k.Doc].tables[""]
	s := obj{
		{"$schema", "http://json-schema.org/draft-07/schema#"},
		{"$comment", "Generated from tools/record and " + DocPath + " by `go run ./tools/cmd/portal schema`; do not edit."},
		{"title", fmt.Sprintf("%s (%s)", k.Name, k.Glob)},
		{"description", tableDescription(root)},
	}
	s = append(s, objectSchema(fields)...)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// objectSchema is the schema of a table of fields, without its description.
func objectSchema(fields []*Field) obj {
	props := obj{}
	var required []string
	for _, f := range fields {
		props = append(props, member{f.Key, fieldSchema(f)})
		if f.Required {
			required = append(required, f.Key)
		}
	}
	s := obj{{"type", "object"}, {"additionalProperties", false}}
	if len(required) > 0 {
		s = append(s, member{"required", required})
	}
	s = append(s, member{"properties", props})
	if len(required) > 0 {
		// Even Better TOML writes these keys into a new table it completes.
		s = append(s, member{"x-taplo", obj{{"initKeys", required}}})
	}
	return s
}

func fieldSchema(f *Field) obj {
	if f.Table {
		s := obj{{"description", tableDescription(f.Heading)}}
		if !f.List {
			return append(s, objectSchema(f.Fields)...)
		}
		s = append(s, member{"type", "array"})
		if f.Required {
			s = append(s, member{"minItems", 1})
		}
		return append(s, member{"items", objectSchema(f.Fields)})
	}
	s := obj{{"description", rowDescription(f.Row)}}
	if f.Enum != nil && !f.List {
		return append(s, member{"type", "string"}, member{"enum", f.Enum})
	}
	t := f.Type
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Slice {
		return append(s, member{"type", "array"}, member{"items", valueSchema(t.Elem(), false)})
	}
	return append(s, valueSchema(t, f.Required)...)
}

// valueSchema is the schema of one value of Go type t. A required string
// may not be empty: check reports an empty required value as missing.
func valueSchema(t reflect.Type, required bool) obj {
	switch {
	case t == amountType:
		return obj{{"type", "integer"}, {"minimum", -money.Max}, {"maximum", money.Max}}
	case t == dateType:
		return obj{{"type", "string"}, {"format", "date"}}
	case enumValues(t) != nil:
		return obj{{"type", "string"}, {"enum", enumValues(t)}}
	}
	switch t.Kind() {
	case reflect.String:
		if required {
			return obj{{"type", "string"}, {"minLength", 1}}
		}
		return obj{{"type", "string"}}
	case reflect.Bool:
		return obj{{"type", "boolean"}}
	case reflect.Float64:
		return obj{{"type", "number"}}
	case reflect.Slice:
		return obj{{"type", "array"}, {"items", valueSchema(t.Elem(), false)}}
	}
	return obj{{"type", "integer"}} // Int and Int64; Fields rejects other types
}

// rowDescription is what the editor shows for a key: its meaning, then its
// type, whether it is required, its default and an example.
func rowDescription(r *Row) string {
	var facts []string
	if r.Type != "" {
		facts = append(facts, "Type: "+r.Type+".")
	}
	if r.Required != "" {
		facts = append(facts, "Required: "+r.Required+".")
	}
	if r.Default != "" {
		facts = append(facts, "Default: "+r.Default+".")
	}
	if r.Example != "" {
		facts = append(facts, "Example: `"+r.Example+"`.")
	}
	return joinParas(r.Meaning, strings.Join(facts, " "))
}

func tableDescription(t *Table) string {
	return joinParas(capitalize(t.Title), t.Text)
}

func joinParas(paras ...string) string {
	var out []string
	for _, p := range paras {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// obj is a JSON object that keeps its keys in order, so that a schema reads
// in the order of the record type and regenerates byte for byte.
type obj []member

type member struct {
	Key   string
	Value any
}

func (o obj) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	buf.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := enc.Encode(m.Key); err != nil {
			return nil, err
		}
		buf.WriteByte(':')
		if err := enc.Encode(m.Value); err != nil {
			return nil, err
		}
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}
