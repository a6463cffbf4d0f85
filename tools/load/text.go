package load

import (
	"fmt"
	"reflect"
	"unicode/utf8"

	"github.com/openkommune/portal/tools/markdown"
	"github.com/openkommune/portal/tools/tomlpos"
)

// MaxText is the longest plain text field, in characters: a title, a
// description or a follow-up note is a few hundred; a page of text is
// about 3 000. Markdown texts have their own limits (package markdown).
const MaxText = 10_000

// walkTexts calls report for every text field under v that breaks a rule
// of TextProblem, with its key path. A field tagged text:"markdown" (a page
// of Markdown) is held to the limits of package markdown instead of
// MaxText; one tagged text:"inline" (a short text the site renders as
// Markdown) to both.
func walkTexts(v reflect.Value, p string, kind string, report func(path, problem string)) {
	switch v.Kind() {
	case reflect.String:
		if v.Type().PkgPath() != "" && v.Addr().Type().Implements(unmarshaler) {
			return // a code with its own check (record's enums)
		}
		msg := TextProblem(v.String(), kind == "markdown")
		if msg == "" && kind == "inline" {
			msg = markdown.Problem(v.String())
		}
		if msg != "" {
			report(p, msg)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			walkTexts(v.Elem(), p, kind, report)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkTexts(v.Index(i), tomlpos.Elem(p, i), kind, report)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if name := tagName(f); name != "" {
				walkTexts(v.Field(i), tomlpos.Join(p, name), f.Tag.Get("text"), report)
			}
		}
	}
}

// TextProblem says why s cannot be published as a text, or "". Raw control
// characters are refused where the file is read; these rules catch the
// same characters written as TOML escapes ("\u001b", "\f"), and characters
// that change how a text is shown without being visible: C1 controls and
// the bidirectional overrides and isolates (which can make a text read
// differently from how it is stored). A text may hold tabs and line
// breaks. md says the text is Markdown.
func TextProblem(s string, md bool) string {
	for i, r := range []rune(s) {
		if name, bad := forbidden(r); bad {
			return fmt.Sprintf("the text has the invisible character U+%04X%s at character %d (written as an escape such as \\u%04x, or pasted with the text): delete it", r, name, i+1, r)
		}
	}
	if md {
		return markdown.Problem(s)
	}
	if n := utf8.RuneCountInString(s); n > MaxText {
		return fmt.Sprintf("the text is %d characters; a text here may be at most %d: shorten it, or link to the full document", n, MaxText)
	}
	return ""
}

// forbidden tells whether r may not stand in a text, and its name.
func forbidden(r rune) (string, bool) {
	switch {
	case r == '\t' || r == '\n':
		return "", false
	case r < 0x20:
		if name, ok := controlNames[byte(r)]; ok {
			return name, true
		}
		if r == '\r' {
			return " (carriage return)", true
		}
		return " (a control character)", true
	case r == 0x7f:
		return controlNames[0x7f], true
	case r >= 0x80 && r <= 0x9f:
		return " (a C1 control character)", true
	case r == 0x061c, r == 0x200e, r == 0x200f:
		return " (a direction mark)", true
	case r >= 0x202a && r <= 0x202e:
		return " (a bidirectional override)", true
	case r >= 0x2066 && r <= 0x2069:
		return " (a bidirectional isolate)", true
	case r == 0xfeff:
		return " (a byte-order mark)", true
	case r >= 0xfff9 && r <= 0xfffb, r == 0xfffe, r == 0xffff:
		return " (not a character)", true
	}
	return "", false
}
