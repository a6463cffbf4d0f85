package record

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/openkommune/portal/tools/caldate"
)

// # Declared fields
//
// A field of a record is declared once, on the record's struct, with a
// `portal` tag naming where it is shown; the compiler, the CSV lists, the
// search index and the search page derive everything else from the tag,
// in the struct's field order:
//
//	Entreprise Entreprise `toml:"entreprise" portal:"page,csv,facet"`
//
// A field's kind follows from its Go type: a string is a keyword (an enum
// when its type has a Values method, its codes), an int a number, a
// caldate.Date a date; other types cannot be declared. The words of the
// tag:
//
//   - page: shown on the record's page, labelled with the i18n key named
//     as the field (its TOML key) and, for an enum, its value with the key
//     <field>_<code>;
//   - csv: a column of the record's list (named as its folder in data/),
//     with the i18n keys export_<list>_<field> and export_<list>_<field>_desc
//     and, for an enum, the codes as its Table Schema's enum constraint;
//   - search: a search field of its kind, named as the field (a date
//     field also gets the hidden year field <field>_aar);
//   - facet: a keyword search field counted and offered as a filter, its
//     codes labelled as on the page (facet implies search);
//   - sort: a number or date search field offered as a sort order (sort
//     implies search).
//
// An empty string, a zero int and a zero date are "not given": not shown,
// an empty CSV cell, not indexed. A tag that breaks these rules panics
// when the record's fields are first asked for; TestDeclaredRecords asks
// for them all.

// The kinds of a declared field.
const (
	Keyword = "keyword"
	Number  = "number"
	Date    = "date"
)

// Declared is one declared field of a record type.
type Declared struct {
	Name   string   // the TOML key, which names it everywhere
	Kind   string   // Keyword, Number or Date
	Codes  []string // an enum's codes (its Values), or nil
	Page   bool
	CSV    bool
	Search bool
	Facet  bool
	Sort   bool
	index  int // the struct field's index
}

// Value is a declared field's value in one record, as written in the
// data: the code of an enum, a number in decimal, a date as YYYY-MM-DD;
// "" when not given.
type Value struct {
	Field Declared
	Value string
}

// DeclaringRecord is a record type with declared fields, and the folder in
// data/ of its files, which names its CSV list.
type DeclaringRecord struct {
	Folder string
	Type   reflect.Type
}

// DeclaringRecords lists the record types that may declare fields, in a
// fixed order (the order their search fields follow the engine's own).
var DeclaringRecords = []DeclaringRecord{
	{"vedtak", reflect.TypeFor[Vedtak]()},
	{"planer", reflect.TypeFor[Plan]()},
	{"prosjekter", reflect.TypeFor[Prosjekt]()},
}

var declaredCache sync.Map // reflect.Type → []Declared

// DeclaredFields returns the declared fields of a record type (a struct
// type, or a pointer to one), in its field order.
func DeclaredFields(t reflect.Type) []Declared {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if d, ok := declaredCache.Load(t); ok {
		return d.([]Declared)
	}
	d, err := declare(t)
	if err != nil {
		panic(err)
	}
	declaredCache.Store(t, d)
	return d
}

// DeclaredValues returns the values of rec's declared fields (rec is a
// record or a pointer to one), in its field order, given or not.
func DeclaredValues(rec any) []Value {
	v := reflect.Indirect(reflect.ValueOf(rec))
	fields := DeclaredFields(v.Type())
	out := make([]Value, len(fields))
	for i, f := range fields {
		out[i] = Value{Field: f, Value: valueString(v.Field(f.index))}
	}
	return out
}

var dateType = reflect.TypeFor[caldate.Date]()

type enumType interface{ Values() []string }

func valueString(v reflect.Value) string {
	switch {
	case v.Type() == dateType:
		if d := v.Interface().(caldate.Date); !d.IsZero() {
			return d.String()
		}
		return ""
	case v.Kind() == reflect.String:
		return v.String()
	case v.Kind() == reflect.Int:
		if v.Int() == 0 {
			return ""
		}
		return strconv.FormatInt(v.Int(), 10)
	}
	return ""
}

// declare reads the `portal` tags of struct type t.
func declare(t reflect.Type) ([]Declared, error) {
	out := []Declared{}
	if t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("record: declared fields of %s: not a struct", t)
	}
	for i := range t.NumField() {
		sf := t.Field(i)
		tag, ok := sf.Tag.Lookup("portal")
		if !ok {
			continue
		}
		d, err := declareField(sf, tag)
		if err != nil {
			return nil, fmt.Errorf("record: %s.%s: portal tag %q: %w", t.Name(), sf.Name, tag, err)
		}
		d.index = i
		if slices.ContainsFunc(out, func(o Declared) bool { return o.Name == d.Name }) {
			return nil, fmt.Errorf("record: %s.%s: field %q declared twice", t.Name(), sf.Name, d.Name)
		}
		out = append(out, d)
	}
	return out, nil
}

// declareField reads one field's tag and checks it against the field's type.
func declareField(sf reflect.StructField, tag string) (Declared, error) {
	name, _, _ := strings.Cut(sf.Tag.Get("toml"), ",")
	d := Declared{Name: name, Kind: kindOf(sf.Type)}
	if d.Kind == "" {
		return d, fmt.Errorf("type %s is not a string, an int or a caldate.Date", sf.Type)
	}
	if name == "" || name == "-" {
		return d, fmt.Errorf("a declared field needs a toml key")
	}
	if !validName(name) {
		return d, fmt.Errorf("the toml key %q is not lower-case letters, digits and _", name)
	}
	seen := map[string]bool{}
	for w := range strings.SplitSeq(tag, ",") {
		if seen[w] {
			return d, fmt.Errorf("%q twice", w)
		}
		seen[w] = true
		switch w {
		case "page":
			d.Page = true
		case "csv":
			d.CSV = true
		case "search":
			d.Search = true
		case "facet":
			d.Search, d.Facet = true, true
		case "sort":
			d.Search, d.Sort = true, true
		default:
			return d, fmt.Errorf("unknown word %q (want page, csv, search, facet or sort)", w)
		}
	}
	switch {
	case d.Facet && d.Kind != Keyword:
		return d, fmt.Errorf("facet needs a keyword (a string), not %s", sf.Type)
	case d.Sort && d.Kind == Keyword:
		return d, fmt.Errorf("sort needs a number or a date, not %s", sf.Type)
	}
	if e, ok := reflect.Zero(sf.Type).Interface().(enumType); ok && sf.Type.Kind() == reflect.String {
		d.Codes = e.Values()
	}
	return d, nil
}

// kindOf is the kind of type t, or "" if it cannot be declared.
func kindOf(t reflect.Type) string {
	switch {
	case t == dateType:
		return Date
	case t.Kind() == reflect.String:
		return Keyword
	case t.Kind() == reflect.Int:
		return Number
	}
	return ""
}

func validName(s string) bool {
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '_' {
			return false
		}
	}
	return s != ""
}
