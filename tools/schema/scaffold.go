package schema

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/money"
)

// Values are the keys a new file starts with, by TOML key: for a value, a Go
// value of its field's type or convertible to it (string, int, bool,
// caldate.Date, money.Amount, []string); for an array of tables, []Values;
// for a table, Values.
type Values map[string]any

// FillIn starts the comment above each key the staff must fill in by hand.
const FillIn = "# Fyll inn: "

// Scaffold writes a new file of kind k with every key of its record type,
// in order, after the comment lines of header:
//
//   - a key in vals is written with its value;
//   - a key the document requires ("yes", or "yes if …") but vals lacks is
//     written after a comment "# Fyll inn: …" saying what it means: a text
//     as "" (check reports it as missing until it is filled in), any other
//     value commented out with the document's example;
//   - a table the document requires ("(at least one)") is written with its
//     keys the same way;
//   - any other key, and any other table vals lacks, is written commented
//     out with its example, to show what may be added.
//
// It fails for a key of vals that the record type does not have, or a value
// of the wrong type or code, so every key written is a field of the type.
func (d *Docs) Scaffold(k Kind, header string, vals Values) ([]byte, error) {
	fields, err := d.Fields(k)
	if err != nil {
		return nil, err
	}
	w := &scaffolder{}
	if header != "" {
		for _, line := range strings.Split(strings.TrimSpace(header), "\n") {
			w.line(strings.TrimSpace("# " + line))
		}
		w.end()
	}
	if err := w.table(fields, vals); err != nil {
		return nil, fmt.Errorf("%s: %w", k.Name, err)
	}
	return []byte(w.b.String()), nil
}

type scaffolder struct {
	b     strings.Builder
	blank bool // the last line written was blank
	head  bool // the last line written was a table header
	after bool // a block of comments ended: the next line follows a blank
}

func (w *scaffolder) line(s string) {
	if w.after && s != "" {
		w.after = false
		w.gap()
	}
	w.b.WriteString(s)
	w.b.WriteByte('\n')
	w.blank, w.head = s == "", false
}

// gap starts a block with a blank line, unless the file or a block starts.
func (w *scaffolder) gap() {
	if !w.blank && !w.head && w.b.Len() > 0 {
		w.line("")
	}
}

// end ends a block: what follows is set off by a blank line.
func (w *scaffolder) end() { w.after = true }

// comment writes text as comment lines, wrapped at 78 columns.
func (w *scaffolder) comment(prefix, text string) {
	if text == "" {
		w.line(strings.TrimSpace(prefix))
		return
	}
	line := prefix
	if line == "" {
		line = "# "
	}
	start := len(line)
	for _, word := range strings.Fields(text) {
		if len(line) > start && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > 78 {
			w.line(line)
			line = "# "
			start = len(line)
		}
		if len(line) > start {
			line += " "
		}
		line += word
	}
	w.line(line)
}

// table writes the values of a live table, then its tables.
func (w *scaffolder) table(fields []*Field, vals Values) error {
	known := map[string]bool{}
	for _, f := range fields {
		known[f.Key] = true
	}
	for _, key := range slices.Sorted(func(yield func(string) bool) {
		for k := range vals {
			if !yield(k) {
				return
			}
		}
	}) {
		if !known[key] {
			return fmt.Errorf("no key %q here", key)
		}
	}
	for _, f := range fields {
		if f.Table {
			continue
		}
		v, given := vals[f.Key]
		switch {
		case given:
			lit, err := literal(f, v)
			if err != nil {
				return err
			}
			w.line(f.Key + " = " + lit)
		case mustFill(f):
			w.gap()
			text := joinSentences(f.Row.Meaning, "Type: "+f.Row.Type+".")
			if f.Conditional() {
				text = joinSentences(text, "Required: "+f.Row.Required+".")
			}
			w.comment(FillIn, text)
			switch {
			case f.Elem.Kind() == reflect.String && !f.List && f.Row.Type == "Markdown":
				w.line(f.Key + ` = """`)
				w.line(`"""`)
			case f.Elem.Kind() == reflect.String && !f.List:
				w.line(f.Key + ` = ""`)
			default:
				w.line("# " + f.Key + " = " + example(f))
			}
			w.end()
		default:
			w.gap()
			meaning := f.Row.Meaning
			if meaning == "" {
				meaning = "Type: " + f.Row.Type + "."
			}
			w.comment("", meaning)
			w.line("# " + f.Key + " = " + example(f))
			w.end()
		}
	}
	for _, f := range fields {
		if !f.Table {
			continue
		}
		v, given := vals[f.Key]
		switch {
		case !given && f.Required:
			v = Values{} // at least one: written for its keys to be filled in
			if f.List {
				v = []Values{{}}
			}
		case !given:
			w.gap()
			w.commented(f)
			continue
		}
		var list []Values
		switch v := v.(type) {
		case Values:
			if f.List {
				return fmt.Errorf("%s is an array of tables: give []Values", f.Path)
			}
			list = []Values{v}
		case []Values:
			if !f.List {
				return fmt.Errorf("%s is a table: give Values", f.Path)
			}
			list = v
		default:
			return fmt.Errorf("%s is a table: give Values or []Values, not %T", f.Path, v)
		}
		for _, item := range list {
			w.gap()
			w.line(header(f))
			w.head, w.after = true, false
			if err := w.table(f.Fields, item); err != nil {
				return fmt.Errorf("%s: %w", f.Path, err)
			}
		}
	}
	return nil
}

// commented writes a table and everything under it as comments.
func (w *scaffolder) commented(f *Field) {
	w.comment("", capitalize(f.Heading.Title)+":")
	w.line("# " + header(f))
	for _, c := range f.Fields {
		if c.Table {
			continue
		}
		line := "# " + c.Key + " = " + example(c)
		switch {
		case c.Required:
			line += "  # påkrevd"
		case c.Conditional():
			line += "  # påkrevd " + strings.TrimPrefix(c.Row.Required, "yes ")
		}
		w.line(line)
	}
	for _, c := range f.Fields {
		if c.Table {
			w.line("#")
			w.commented(c)
		}
	}
	w.end()
}

// joinSentences joins two pieces of text with a space, skipping empty ones.
func joinSentences(a, b string) string {
	return strings.TrimSpace(strings.TrimSpace(a) + " " + strings.TrimSpace(b))
}

func header(f *Field) string {
	if f.List {
		return "[[" + f.Path + "]]"
	}
	return "[" + f.Path + "]"
}

// mustFill reports whether the document says the key is required, always
// or in some case it names ("yes if no points").
func mustFill(f *Field) bool {
	return f.Required || strings.HasPrefix(f.Row.Required, "yes ")
}

// example is the document's example of a key, or an empty value of its
// type.
func example(f *Field) string {
	if f.Row.Example != "" {
		return f.Row.Example
	}
	switch {
	case f.List:
		return "[]"
	case f.Elem == dateType:
		return "ÅÅÅÅ-MM-DD"
	case f.Elem.Kind() == reflect.String:
		return `""`
	case f.Elem.Kind() == reflect.Bool:
		return "false"
	}
	return "0"
}

// literal writes v as the TOML value of field f.
func literal(f *Field, v any) (string, error) {
	bad := func() (string, error) {
		return "", fmt.Errorf("%s: %v (%T) is not a value of Go type %s", f.Path, v, v, f.Type)
	}
	if f.List {
		ss, ok := v.([]string)
		if !ok || f.Elem.Kind() != reflect.String {
			return bad()
		}
		q := make([]string, len(ss))
		for i, s := range ss {
			q[i] = quote(s)
		}
		return "[" + strings.Join(q, ", ") + "]", nil
	}
	switch v := v.(type) {
	case caldate.Date:
		if f.Elem != dateType || v.IsZero() {
			return bad()
		}
		return v.String(), nil
	case money.Amount:
		if f.Elem != amountType {
			return bad()
		}
		return underscored(v.Kr), nil
	}
	rv := reflect.ValueOf(v)
	if f.Elem == amountType || f.Elem == dateType || !rv.Type().ConvertibleTo(f.Elem) || rv.Kind() != f.Elem.Kind() {
		return bad()
	}
	switch f.Elem.Kind() {
	case reflect.String:
		s := rv.String()
		if codes := f.codes(); codes != nil && !slices.Contains(codes, s) {
			return "", fmt.Errorf("%s: %q is not one of %s", f.Path, s, strings.Join(codes, ", "))
		}
		return quote(s), nil
	case reflect.Bool:
		return strconv.FormatBool(rv.Bool()), nil
	case reflect.Int, reflect.Int64:
		return strconv.FormatInt(rv.Int(), 10), nil
	case reflect.Float64:
		s := strconv.FormatFloat(rv.Float(), 'f', -1, 64)
		if !strings.ContainsAny(s, ".eE") {
			s += ".0"
		}
		return s, nil
	}
	return bad()
}

// quote writes s as a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// underscored writes whole kroner the way the data files do: 130_000_000.
func underscored(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('_')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
