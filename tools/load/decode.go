package load

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/tomlpos"
)

// decoder fills a record from the TOML document as parsed into maps, by the
// record's Go type. Unlike decoding straight into the record, it goes on
// after a value of the wrong type: it reports each at its key, leaves the
// field empty and marks its path rejected in the record's position index,
// so that package check does not report the empty field again, and the
// record (and its id) stays in the set for other records to cite.
type decoder struct {
	l    *loader
	s    record.Source
	stem string // the file name without .toml, for a record named by it
	// unknowns counts the unknown keys; after maxUnknown they are only
	// counted, from the first not reported.
	unknowns int
	more     string
}

// maxUnknown is how many unknown keys are reported one by one in a file.
const maxUnknown = 20

var (
	unmarshaler = reflect.TypeFor[toml.Unmarshaler]()
	dateType    = reflect.TypeFor[caldate.Date]()
	amountType  = reflect.TypeFor[money.Amount]()
)

// MinYear and MaxYear bound the year of a plausible date or year in a
// kommune's record: a year outside them is a typo.
const (
	MinYear = 1900
	MaxYear = 2200
)

func (d *decoder) errorf(path, format string, args ...any) {
	pos := d.s.At(path)
	d.l.diags.Errorf(d.s.Path, pos.Line, pos.Col, "%s: %s", path, fmt.Sprintf(format, args...))
}

// wrong reports a value of the wrong type at path and rejects the path.
func (d *decoder) wrong(path string, raw any, want, fix string) {
	d.s.Pos.Reject(path)
	d.errorf(path, "%s, but it must be %s: %s", describe(raw), want, fix)
}

// value decodes raw into v, the field at path.
func (d *decoder) value(raw any, v reflect.Value, path string) {
	if n, ok := raw.(int64); ok && numeric(v) {
		// The TOML reader gives 0x1F4 as 500 with no trace of its base:
		// the position index has the text.
		if text, base, based := d.s.Pos.NonDecimal(path); based {
			d.s.Pos.Reject(path)
			what := "numbers"
			if v.Type() == amountType {
				what = "kroner"
			}
			d.errorf(path, "%s is %s %s number: write %s in decimal, e.g. %d", text, article(base), base, what, n)
			return
		}
	}
	if t, ok := raw.(time.Time); ok && v.Type() == dateType && (t.Year() < MinYear || t.Year() > MaxYear) {
		// Year 0 would be the zero caldate.Date, "not written".
		d.s.Pos.Reject(path)
		d.errorf(path, "%s is not a plausible date: check the year (dates are between %d and %d)", t.Format(time.DateOnly), MinYear, MaxYear)
		return
	}
	if v.CanAddr() && v.Addr().Type().Implements(unmarshaler) {
		// money.Amount, caldate.Date: they never fail and carry their
		// own problem (see walkProblems).
		if err := v.Addr().Interface().(toml.Unmarshaler).UnmarshalTOML(raw); err != nil {
			d.s.Pos.Reject(path)
			d.errorf(path, "%v", err)
		}
		return
	}
	key := lastKey(path)
	// as writes val the way it belongs at path: "key = val", or val alone
	// in a list.
	as := func(val string) string {
		if strings.HasSuffix(path, "]") {
			return val
		}
		return key + " = " + val
	}
	switch v.Kind() {
	case reflect.Pointer:
		if _, ok := raw.(map[string]any); !ok {
			d.wrong(path, raw, "a table", fmt.Sprintf("write it as [%s] with its keys on the lines below", tomlpos.StripIndices(path)))
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		d.value(raw, v.Elem(), path)
	case reflect.Struct:
		m, ok := raw.(map[string]any)
		if !ok {
			d.wrong(path, raw, "a table", fmt.Sprintf("write it as [%s] with its keys on the lines below", tomlpos.StripIndices(path)))
			return
		}
		d.table(m, v, path)
	case reflect.Slice:
		d.list(raw, v, path)
	case reflect.String:
		r, ok := raw.(string)
		switch {
		case ok:
			v.SetString(r)
		case path == "id" && d.stem != "":
			d.wrong(path, raw, "text", "write the file name in quotes: "+as(strconv.Quote(d.stem)))
		default:
			example := `"…"`
			switch r := raw.(type) {
			case int64, float64, bool:
				example = strconv.Quote(fmt.Sprint(r))
			case time.Time:
				example = strconv.Quote(r.Format(time.DateOnly))
			}
			d.wrong(path, raw, "text", "write it in quotes: "+as(example))
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		switch r := raw.(type) {
		case int64:
			if v.OverflowInt(r) {
				d.wrong(path, raw, "a smaller whole number", "check the number of digits")
				return
			}
			v.SetInt(r)
		case float64:
			d.wrong(path, raw, "a whole number", "write it without a decimal part: "+as(strconv.FormatFloat(math.Round(clampFloat(r)), 'f', -1, 64)))
		case string:
			if n, err := strconv.ParseInt(strings.ReplaceAll(r, "_", ""), 10, 64); err == nil {
				d.wrong(path, raw, "a whole number", "remove the quotes: "+as(strconv.FormatInt(n, 10)))
			} else {
				d.wrong(path, raw, "a whole number", "write digits without quotes, e.g. "+as("1"))
			}
		default:
			d.wrong(path, raw, "a whole number", "write digits without quotes, e.g. "+as("1"))
		}
	case reflect.Float32, reflect.Float64:
		switch r := raw.(type) {
		case int64:
			v.SetFloat(float64(r))
		case float64:
			if math.IsNaN(r) || math.IsInf(r, 0) {
				d.s.Pos.Reject(path)
				d.errorf(path, "%v is not a number: write digits, e.g. %s", r, as("5.0"))
				return
			}
			v.SetFloat(r)
		case string:
			if f, err := strconv.ParseFloat(r, 64); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
				d.wrong(path, raw, "a number", "remove the quotes: "+as(r))
			} else {
				d.wrong(path, raw, "a number", "write digits without quotes, e.g. "+as("5.0"))
			}
		default:
			d.wrong(path, raw, "a number", "write digits without quotes, e.g. "+as("5.0"))
		}
	case reflect.Bool:
		switch r := raw.(type) {
		case bool:
			v.SetBool(r)
		case string:
			if r == "true" || r == "false" {
				d.wrong(path, raw, "true or false", "remove the quotes: "+as(r))
				return
			}
			d.wrong(path, raw, "true or false", "write "+as("true")+" or "+as("false")+", without quotes")
		default:
			d.wrong(path, raw, "true or false", "write "+as("true")+" or "+as("false")+", without quotes")
		}
	default:
		// A record field of a kind this decoder does not know: a bug in
		// package record, not in the data.
		panic(fmt.Sprintf("load: cannot decode %s into a field of type %s", path, v.Type()))
	}
}

// numeric reports whether v holds a number: an amount, an integer or a
// float.
func numeric(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Float32, reflect.Float64:
		return true
	}
	return v.Type() == amountType
}

// article is "a" or "an" before word.
func article(word string) string {
	if strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

func clampFloat(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return max(min(f, 1e15), -1e15)
}

// table decodes the keys of a table into the struct v, reporting every key
// the struct does not have.
func (d *decoder) table(m map[string]any, v reflect.Value, path string) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		f, ok := fieldByTag(v.Type(), k)
		if !ok {
			d.unknown(v.Type(), tomlpos.Join(path, k), k)
			continue
		}
		d.value(m[k], v.FieldByIndex(f.Index), tomlpos.Join(path, k))
	}
}

// unknown reports a key that is not in struct type t, with a hint. The keys
// inside an unknown table are not reported one by one.
func (d *decoder) unknown(t reflect.Type, path, key string) {
	d.unknowns++
	if d.unknowns > maxUnknown {
		if d.more == "" {
			d.more = path
		}
		return
	}
	pos := d.s.At(path)
	d.l.diags.Errorf(d.s.Path, pos.Line, pos.Col, "unknown key %s%s", QuoteShort(path), hintFor(t, key))
}

// finish reports the unknown keys not reported one by one.
func (d *decoder) finish() {
	if n := d.unknowns - maxUnknown; n > 0 {
		pos := d.s.At(d.more)
		d.l.diags.Errorf(d.s.Path, pos.Line, pos.Col, "%d more unknown keys from here on: is this the right kind of data file? The keys of each kind are in docs/data-format.md", n)
	}
}

// list decodes a TOML array into the slice v.
func (d *decoder) list(raw any, v reflect.Value, path string) {
	key := lastKey(path)
	elem := v.Type().Elem()
	isTable := elem.Kind() == reflect.Struct && !reflect.PointerTo(elem).Implements(unmarshaler)
	var items []any
	switch r := raw.(type) {
	case []any:
		items = r
	case []map[string]any:
		items = make([]any, len(r))
		for i, m := range r {
			items[i] = m
		}
	default:
		if isTable {
			d.wrong(path, raw, "a list of tables", fmt.Sprintf("write each element as a [[%s]] table with its keys on the lines below (see docs/data-format.md)", tomlpos.StripIndices(path)))
			return
		}
		example := "…"
		switch r := raw.(type) {
		case string:
			example = strconv.Quote(r)
		case int64:
			example = strconv.FormatInt(r, 10)
		}
		d.wrong(path, raw, "a list", fmt.Sprintf("write it in square brackets, e.g. %s = [%s]", key, example))
		return
	}
	if isTable {
		for _, it := range items {
			if _, ok := it.(map[string]any); !ok {
				d.wrong(path, raw, "a list of tables", fmt.Sprintf("write each element as a [[%s]] table with its keys on the lines below (see docs/data-format.md)", tomlpos.StripIndices(path)))
				return
			}
		}
	}
	v.Set(reflect.MakeSlice(v.Type(), len(items), len(items)))
	for i, it := range items {
		d.value(it, v.Index(i), tomlpos.Elem(path, i))
	}
}

// describe says what a TOML value is, for a message about a value of the
// wrong type.
func describe(raw any) string {
	switch r := raw.(type) {
	case string:
		return fmt.Sprintf("%s is text", QuoteShort(r))
	case int64:
		return fmt.Sprintf("%d is a whole number", r)
	case float64:
		return fmt.Sprintf("%s is a decimal number", strconv.FormatFloat(r, 'f', -1, 64))
	case bool:
		return fmt.Sprintf("%t is true/false", r)
	case time.Time:
		return fmt.Sprintf("%s is a date", r.Format(time.DateOnly))
	case map[string]any:
		return "this is a table"
	case []map[string]any:
		return "this is a list of tables"
	case []any:
		kinds := map[string]bool{}
		for _, it := range r {
			kinds[kindOf(it)] = true
		}
		if len(kinds) == 1 {
			for k := range kinds {
				return "this is a list of " + k
			}
		}
		return "this is a list"
	}
	return fmt.Sprintf("this is a %T", raw)
}

func kindOf(raw any) string {
	switch raw.(type) {
	case string:
		return "text"
	case int64, float64:
		return "numbers"
	case bool:
		return "true/false values"
	case time.Time:
		return "dates"
	case map[string]any:
		return "tables"
	case []any, []map[string]any:
		return "lists"
	}
	return "values"
}

// QuoteShort quotes s for a message, shortened to 40 characters (a key or
// text pasted by mistake can be megabytes long).
func QuoteShort(s string) string { return strconv.Quote(short(s)) }

// Plain writes s for a message without quotes: shortened to 40
// characters, with line breaks and other control characters escaped, so
// that a diagnostic stays one line.
func Plain(s string) string {
	q := QuoteShort(s)
	return q[1 : len(q)-1]
}

// short shortens s to 40 characters.
func short(s string) string {
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:39]) + "…"
	}
	return s
}

// lastKey is the last key of a path: "punkt[2].frist" → "frist",
// "prosjekter[1]" → "prosjekter".
func lastKey(path string) string {
	p := tomlpos.StripIndices(path)
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[i+1:]
	}
	return p
}
