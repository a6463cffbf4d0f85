// Package tomledit owns changing the values of top-level keys in a TOML
// file written by hand, without touching anything else in it: comments,
// blank lines, key order, the way other values are written, tables.
//
// Set replaces the value of a key in place (the bytes from the first
// character of the old value to its last), or inserts "key = value" on a
// line of its own after the key that comes before it in the caller's
// order. A key whose value is already equal (as TOML reads it) is left as
// written, so a file is unchanged byte for byte when nothing changed.
package tomledit

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/tomlpos"
)

// Text is a TOML string written on one line; Block a multi-line string
// written as """ on lines of their own; caldate.Date a date.
type (
	Text  string
	Block string
)

// KV is one key and its new value: a Text, Block or caldate.Date.
type KV struct {
	Key   string
	Value any
}

// Set returns src with every key of kvs at the top level set to its value.
// kvs is in the order keys are to be written: a missing key is inserted
// after the nearest key before it in kvs that the file has, or else before
// the first key of the file. src must be valid TOML.
func Set(src []byte, kvs []KV) ([]byte, error) {
	var cur map[string]any
	if _, err := toml.Decode(string(src), &cur); err != nil {
		return nil, err
	}
	nl := "\n"
	if bytes.Contains(src, []byte("\r\n")) {
		nl = "\r\n"
	}
	out := src
	for i, kv := range kvs {
		if old, ok := cur[kv.Key]; ok && equal(old, kv.Value) {
			continue
		}
		ix := tomlpos.Parse(out)
		line := encode(kv.Key, kv.Value, nl)
		if ix.Has(kv.Key) {
			start, end, ok := valueSpan(out, offset(out, ix.Lookup(kv.Key)))
			if !ok {
				return nil, fmt.Errorf("%s: the value could not be found", kv.Key)
			}
			_, val, _ := strings.Cut(line, " = ")
			val = strings.TrimSuffix(val, nl)
			out = splice(out, start, end, val)
			continue
		}
		at := -1
		for j := i - 1; j >= 0 && at < 0; j-- {
			if ix.Has(kvs[j].Key) {
				_, end, ok := valueSpan(out, offset(out, ix.Lookup(kvs[j].Key)))
				if ok {
					at = lineEnd(out, end)
				}
			}
		}
		if at < 0 {
			at = firstKey(out, ix)
		}
		out = splice(out, at, at, line)
	}
	return out, nil
}

func splice(src []byte, start, end int, s string) []byte {
	out := make([]byte, 0, len(src)-(end-start)+len(s))
	out = append(out, src[:start]...)
	out = append(out, s...)
	return append(out, src[end:]...)
}

// equal tells whether a decoded value is the value to be written.
func equal(old, v any) bool {
	switch v := v.(type) {
	case Text:
		s, ok := old.(string)
		return ok && s == string(v)
	case Block:
		s, ok := old.(string)
		return ok && s == blockValue(string(v))
	case caldate.Date:
		t, ok := old.(time.Time)
		// A local date reads as midnight in a zone named "date-local".
		return ok && t.Location().String() == "date-local" && t.Format("2006-01-02") == v.String()
	}
	return false
}

// blockValue is what a Block reads as: its text and a final line break.
func blockValue(s string) string { return strings.TrimRight(s, "\n") + "\n" }

// encode writes "key = value" and a line end.
func encode(key string, v any, nl string) string {
	var val string
	switch v := v.(type) {
	case Text:
		val = Quote(string(v))
	case Block:
		body := strings.ReplaceAll(blockValue(string(v)), "\n", nl)
		val = `"""` + nl + escapeBlock(body) + `"""`
	case caldate.Date:
		val = v.String()
	default:
		panic(fmt.Sprintf("tomledit: value of type %T", v))
	}
	return key + " = " + val + nl
}

// Quote writes s as a TOML basic string, escaping quotes, backslashes and
// control characters; C1 controls and invisible format characters (such
// as bidirectional overrides) are escaped too, so that what a file says
// can be seen.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || unicode.Is(unicode.Cf, r):
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// escapeBlock escapes what a multi-line basic string cannot hold as
// written: backslashes, quotes (so that no run of three ends the string)
// and control characters other than tab and line breaks.
func escapeBlock(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n' || r == '\t' || r == '\r':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || unicode.Is(unicode.Cf, r):
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// offset is the byte offset of a line and column (in characters).
func offset(src []byte, p tomlpos.Pos) int {
	off := 0
	for line := 1; line < p.Line; line++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	for col := 1; col < p.Col && off < len(src); col++ {
		_, n := decodeRune(src[off:])
		off += n
	}
	return off
}

func decodeRune(b []byte) (rune, int) {
	r := []rune(string(b[:min(4, len(b))]))
	if len(r) == 0 {
		return 0, 1
	}
	return r[0], len(string(r[0]))
}

// lineEnd is the offset after the line break of the line holding off.
func lineEnd(src []byte, off int) int {
	i := bytes.IndexByte(src[off:], '\n')
	if i < 0 {
		return len(src)
	}
	return off + i + 1
}

// firstKey is where the first top-level key's line starts, or the end of
// the leading comments and blank lines.
func firstKey(src []byte, ix *tomlpos.Index) int {
	off := 0
	for off < len(src) {
		end := lineEnd(src, off)
		l := strings.TrimSpace(string(src[off:end]))
		if l != "" && !strings.HasPrefix(l, "#") {
			return off
		}
		off = end
	}
	return off
}

// valueSpan finds the value of the key written at off: from its first
// character to after its last.
func valueSpan(src []byte, off int) (int, int, bool) {
	eq := bytes.IndexByte(src[off:], '=')
	if eq < 0 {
		return 0, 0, false
	}
	i := off + eq + 1
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	start := i
	rest := src[i:]
	switch {
	case bytes.HasPrefix(rest, []byte(`"""`)), bytes.HasPrefix(rest, []byte(`'''`)):
		delim := rest[:3]
		j := 3
		for j < len(rest) {
			if delim[0] == '"' && rest[j] == '\\' {
				j += 2
				continue
			}
			if bytes.HasPrefix(rest[j:], delim) {
				j += 3
				for k := 0; k < 2 && j < len(rest) && rest[j] == delim[0]; k++ {
					j++
				}
				return start, start + j, true
			}
			j++
		}
		return 0, 0, false
	case len(rest) > 0 && rest[0] == '"':
		j := 1
		for j < len(rest) && rest[j] != '"' && rest[j] != '\n' {
			if rest[j] == '\\' {
				j++
			}
			j++
		}
		return start, start + j + 1, j < len(rest) && rest[j] == '"'
	case len(rest) > 0 && rest[0] == '\'':
		j := bytes.IndexAny(rest[1:], "'\n")
		if j < 0 || rest[1+j] != '\'' {
			return 0, 0, false
		}
		return start, start + j + 2, true
	case len(rest) > 0 && (rest[0] == '[' || rest[0] == '{'):
		return 0, 0, false // arrays and tables are not set by this package
	}
	j := 0
	for j < len(rest) && rest[j] != '\n' && rest[j] != '\r' && rest[j] != '#' {
		j++
	}
	return start, start + len(bytes.TrimRight(rest[:j], " \t")), true
}
