package schema

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
)

// Field is one key of a kind of data file: a field of its record type with
// what docs/data-format.md says about it.
type Field struct {
	Key   string       // the TOML key: "oppfolging"
	Path  string       // from the top of the file: "punkt.oppfolging"
	Type  reflect.Type // the Go type of the field
	Elem  reflect.Type // Type without slices and pointers
	List  bool         // a slice: an array, or an array of tables
	Table bool         // a table ([regler]) or an array of tables ([[punkt]]) of Fields

	// Required is true for a key that every file (or every table it is in)
	// must have: a row whose required cell is "yes", or a table whose heading
	// says "(at least one)".
	Required bool
	// Enum are the codes the field's enum tag restricts its type to
	// (record.EnumTag), nil for all of the type's codes.
	Enum    []string
	Row     *Row   // a value's row in the document; nil for a table
	Heading *Table // a table's heading in the document; nil for a value
	Fields  []*Field
}

// Conditional reports whether the document says the key is required only
// in some cases (a table: "(required for …)" in its heading).
func (f *Field) Conditional() bool {
	if f.Row != nil {
		return f.Row.Conditional()
	}
	return strings.Contains(f.Heading.Title, "(required ")
}

// Walk calls fn for f and every field under it, depth first.
func (f *Field) Walk(fn func(*Field)) {
	fn(f)
	for _, c := range f.Fields {
		c.Walk(fn)
	}
}

var (
	amountType = reflect.TypeFor[money.Amount]()
	dateType   = reflect.TypeFor[caldate.Date]()
	valuesType = reflect.TypeFor[interface{ Values() []string }]()
	problemTyp = reflect.TypeFor[interface{ Problem() string }]()
)

// tagName is the TOML key of a struct field; "" for a field not in files.
func tagName(f reflect.StructField) string {
	tag, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
	if tag == "-" || !f.IsExported() {
		return ""
	}
	return tag
}

// Fields returns the keys of kind k in the order of its record type, each
// with its row or heading in docs/data-format.md. It fails if a key has no
// row (or a table no heading), if a row or heading names no key, or if a
// field has a Go type the schemas cannot express.
func (d *Docs) Fields(k Kind) ([]*Field, error) {
	var errs []string
	fields := d.fields(k, k.Type, "", &errs)
	for _, u := range d.unused(k) {
		errs = append(errs, fmt.Sprintf("%s describes no field of record.%s", u, k.Type.Name()))
	}
	if len(errs) > 0 {
		slices.Sort(errs)
		return nil, fmt.Errorf("%s (%s): %s", k.Name, DocPath, strings.Join(errs, "; "))
	}
	return fields, nil
}

func (d *Docs) fields(k Kind, t reflect.Type, prefix string, errs *[]string) []*Field {
	var out []*Field
	for i := range t.NumField() {
		sf := t.Field(i)
		key := tagName(sf)
		if key == "" {
			continue
		}
		f := &Field{Key: key, Path: key, Type: sf.Type, Elem: sf.Type, Enum: record.EnumTag(sf)}
		if prefix != "" {
			f.Path = prefix + "." + key
		}
		for f.Elem.Kind() == reflect.Slice || f.Elem.Kind() == reflect.Pointer {
			f.List = f.List || f.Elem.Kind() == reflect.Slice
			f.Elem = f.Elem.Elem()
		}
		f.Table = f.Elem.Kind() == reflect.Struct && f.Elem != amountType && f.Elem != dateType
		if f.Table {
			f.Heading = d.table(k, f.Path)
			if f.Heading == nil {
				*errs = append(*errs, fmt.Sprintf("table [%s] has no heading \"### `[%s]`\"", f.Path, f.Path))
				f.Heading = &Table{}
			}
			f.Required = f.Heading.AtLeastOne()
			f.Fields = d.fields(k, f.Elem, f.Path, errs)
		} else {
			if err := valueType(f.Elem); err != nil {
				*errs = append(*errs, fmt.Sprintf("key %s: %v", f.Path, err))
			}
			f.Row = d.row(k, f.Path)
			if f.Row == nil {
				*errs = append(*errs, fmt.Sprintf("key %s has no row in the table of its section", f.Path))
				f.Row = &Row{}
			}
			f.Required = f.Row.IsRequired()
		}
		out = append(out, f)
	}
	return out
}

// valueType reports a Go type of a value that the schemas cannot express.
func valueType(t reflect.Type) error {
	switch {
	case t == amountType || t == dateType:
		return nil
	case t.Kind() == reflect.String && t.Implements(problemTyp) && !t.Implements(valuesType):
		return fmt.Errorf("%s has a Problem method but no Values method listing its codes", t)
	}
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int64, reflect.Float64:
		return nil
	}
	return fmt.Errorf("the Go type %s has no JSON Schema here: add it to package schema", t)
}

// codes returns the codes field f may take: its enum tag's, else its
// type's; nil for a field that is not an enum.
func (f *Field) codes() []string {
	if f.Enum != nil {
		return f.Enum
	}
	return enumValues(f.Elem)
}

// enumValues returns the allowed codes of an enum type, or nil.
func enumValues(t reflect.Type) []string {
	if t.Kind() == reflect.String && t.Implements(valuesType) {
		return reflect.Zero(t).Interface().(interface{ Values() []string }).Values()
	}
	return nil
}
