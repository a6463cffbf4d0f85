// Package catalog owns the UI text catalogue for Go: the i18n files Hugo
// reads (i18n/nb.toml and i18n/nn.toml, embedded as portal.Sources),
// looked up by key and målform, with Hugo's plural forms.
//
// Every text a visitor sees, whether a template or Go writes it (chart
// titles and summaries, the downloads' descriptions, the feeds), lives in
// those two files; Go looks it up here with a Key constant, so that the
// test in this package can find every key the code uses.
//
// The files are read as Hugo reads them. A value is a text in quotes, or a
// table with the plural forms one and other (the only forms bokmål and
// nynorsk have: one for a count of 1, other for the rest; Hugo's rule).
// A text may hold placeholders {{ .Name }}, filled from Args as Hugo fills
// them from the dict a template passes; a text without {{ is used as
// written. Go is stricter than Hugo in two ways: a placeholder must be a
// plain {{ .Name }} (no functions), and one that Go does not fill is a
// panic, not "<no value>" (the test checks every call).
package catalog

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"text/template"

	portal "github.com/openkommune/portal"
)

// Key names a text: a top-level key of i18n/nb.toml and nn.toml.
// Write keys as constants (a literal where a Key is wanted): the test of
// this package collects them to find keys used but missing and keys
// defined but unused.
type Key string

// Args fill a text's placeholders: Args{"Navn": …} for {{ .Navn }}. The
// entry Count, an integer, picks a plural text's form as in Hugo.
type Args map[string]any

// Text is the catalogue in one målform.
type Text struct {
	lang string
	msgs map[Key]*message
}

// message is one key's text: other, and one for plural texts.
type message struct {
	one, other *form
	names      []string // the placeholders, sorted
}

// form is one text with its parsed template (nil when it has no {{).
type form struct {
	src  string
	tmpl *template.Template
}

// Langs are the målformer of the catalogue, each i18n/<lang>.toml; the
// first is the default.
var Langs = []string{"nb", "nn"}

var loaded = sync.OnceValues(func() (map[string]*Text, error) { return Parse(portal.Sources) })

// Check reads the embedded catalogue and returns every problem in it, one
// "i18n/nn.toml:12:1: error: …" line each, or nil.
func Check() error {
	_, err := loaded()
	return err
}

// For returns the catalogue in målform m: "nb" (or "", the default) or
// "nn".
func For(m string) (*Text, error) {
	all, err := loaded()
	if err != nil {
		return nil, err
	}
	if m == "" {
		m = Langs[0]
	}
	t, ok := all[m]
	if !ok {
		return nil, fmt.Errorf("catalog: no texts in målform %q: the catalogue has %s", m, strings.Join(Langs, " and "))
	}
	return t, nil
}

// Must is For for callers that cannot return an error; the command line
// runs Check before anything else, so a broken catalogue stops it there.
func Must(m string) *Text {
	t, err := For(m)
	if err != nil {
		panic(err)
	}
	return t
}

// Lang returns the målform of t.
func (t *Text) Lang() string { return t.lang }

// Has reports whether t defines k.
func (t *Text) Has(k Key) bool { return t.msgs[k] != nil }

// T returns the text of k with its placeholders filled from a (nil when it
// has none). A key t lacks, or a placeholder a does not fill, is a bug in
// the caller that the test of this package finds; T panics on it.
func (t *Text) T(k Key, a Args) string {
	m := t.msgs[k]
	if m == nil {
		panic(fmt.Sprintf("catalog: i18n/%s.toml has no text %q", t.lang, k))
	}
	f := m.other
	if m.one != nil && isOne(a["Count"]) {
		f = m.one
	}
	if f.tmpl == nil {
		return f.src
	}
	var b strings.Builder
	if err := f.tmpl.Execute(&b, map[string]any(a)); err != nil {
		panic(fmt.Sprintf("catalog: i18n/%s.toml %s: %v", t.lang, k, err))
	}
	return b.String()
}

// isOne reports whether count is an integer of absolute value 1: the
// plural form one of bokmål and nynorsk (CLDR, as Hugo uses it).
func isOne(count any) bool {
	v := reflect.ValueOf(count)
	switch {
	case v.CanInt():
		return v.Int() == 1 || v.Int() == -1
	case v.CanUint():
		return v.Uint() == 1
	}
	return false
}

// keys returns t's keys, sorted.
func (t *Text) keys() []Key {
	ks := make([]Key, 0, len(t.msgs))
	for k := range t.msgs {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
