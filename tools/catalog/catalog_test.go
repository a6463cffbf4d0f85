package catalog

import (
	"strings"
	"testing"
	"testing/fstest"
)

func files(nb, nn string) fstest.MapFS {
	return fstest.MapFS{
		"i18n/nb.toml": {Data: []byte(nb)},
		"i18n/nn.toml": {Data: []byte(nn)},
	}
}

func mustParse(t *testing.T, nb, nn string) map[string]*Text {
	t.Helper()
	all, err := Parse(files(nb, nn))
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// TestTexts: plain texts, placeholders and plural forms as Hugo reads
// them.
func TestTexts(t *testing.T) {
	all := mustParse(t, `
plain = "Vedtak"
braces = "Skriv høyst {0} tegn."
sentence = "Vedtak i {{ .Utvalg }} i {{ .Ar }}"
trimmed = "{{- .N -}} mnd."
regulering = { one = "regulering", other = "reguleringer" }
[punkt]
one = "{{ .Count }} vedtakspunkt"
other = "{{ .Count }} vedtakspunkter"
`, `
plain = "Vedtak"
braces = "Skriv høgst {0} teikn."
sentence = "Vedtak i {{ .Utvalg }} i {{ .Ar }}"
trimmed = "{{- .N -}} mnd."
regulering = { one = "regulering", other = "reguleringar" }
punkt = { one = "{{ .Count }} vedtakspunkt", other = "{{ .Count }} vedtakspunkt" }
`)
	nb, nn := all["nb"], all["nn"]
	for _, c := range []struct {
		text *Text
		key  Key
		args Args
		want string
	}{
		{nb, "plain", nil, "Vedtak"},
		{nb, "braces", nil, "Skriv høyst {0} tegn."},
		{nn, "braces", Args{"Count": 1}, "Skriv høgst {0} teikn."},
		{nb, "sentence", Args{"Utvalg": "KST", "Ar": 2025}, "Vedtak i KST i 2025"},
		{nb, "trimmed", Args{"N": 3}, "3mnd."},
		{nb, "regulering", Args{"Count": 1}, "regulering"},
		{nb, "regulering", Args{"Count": int64(-1)}, "regulering"},
		{nb, "regulering", Args{"Count": uint8(1)}, "regulering"},
		{nb, "regulering", Args{"Count": 0}, "reguleringer"},
		{nb, "regulering", Args{"Count": 17}, "reguleringer"},
		{nb, "regulering", Args{"Count": "1"}, "reguleringer"},
		{nb, "regulering", nil, "reguleringer"},
		{nn, "regulering", Args{"Count": 2}, "reguleringar"},
		{nb, "punkt", Args{"Count": 1}, "1 vedtakspunkt"},
		{nb, "punkt", Args{"Count": 1000}, "1000 vedtakspunkter"},
		{nn, "punkt", Args{"Count": 3}, "3 vedtakspunkt"},
	} {
		if got := c.text.T(c.key, c.args); got != c.want {
			t.Errorf("%s T(%s, %v) = %q, want %q", c.text.Lang(), c.key, c.args, got, c.want)
		}
	}
}

// TestEmbedded: the files in i18n/ are a valid catalogue in both
// målformer, and For picks one by målform.
func TestEmbedded(t *testing.T) {
	if err := Check(); err != nil {
		t.Fatal(err)
	}
	for m, want := range map[string]string{"": "nb", "nb": "nb", "nn": "nn"} {
		txt, err := For(m)
		if err != nil || txt.Lang() != want {
			t.Errorf("For(%q) = %v, %v; want the %s catalogue", m, txt, err, want)
		}
	}
	if _, err := For("en"); err == nil {
		t.Error(`For("en"): no error`)
	}
}

// TestProblems: every problem of a catalogue is reported at once, each at
// the line and column of its key.
func TestProblems(t *testing.T) {
	_, err := Parse(files(`
ok = "Vedtak"
Bad-Key = "x"
few = { few = "noen", other = "mange" }
noother = { one = "en" }
number = 12
fn = "{{ upper .Navn }}"
cond = "{{ if .A }}a{{ end }}"
unclosed = "{{ .A "
only_nb = "x"
places = "{{ .A }} og {{ .B }}"
plural = { one = "en", other = "flere" }
pipe = "{{ .A | printf \"%s\" }}"
`, `
ok = "Vedtak"
Bad-Key = "x"
few = "x"
noother = "x"
number = "x"
fn = "x"
cond = "x"
unclosed = "x"
only_nn = "y"
places = "{{ .A }}"
plural = "flere"
`))
	if err == nil {
		t.Fatal("no error")
	}
	want := []string{
		`i18n/nb.toml:3:1: error: Bad-Key: a key is lower-case`,
		`i18n/nb.toml:4:1: error: few: few is not a plural form`,
		`i18n/nb.toml:5:1: error: noother: a plural text needs other`,
		`i18n/nb.toml:6:1: error: number: want a text in quotes`,
		`i18n/nb.toml:7:1: error: fn: function "upper" not defined: write a placeholder as {{ .Name }}`,
		`i18n/nb.toml:8:1: error: cond: {{if .A}}a{{end}} is not a placeholder`,
		`i18n/nb.toml:9:1: error: unclosed: `,
		`i18n/nb.toml:13:1: error: pipe: {{.A | printf "%s"}} is not a placeholder`,
		`i18n/nn.toml:3:1: error: Bad-Key: a key is lower-case`,
	}
	got := err.Error()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("error lacks %q:\n%s", w, got)
		}
	}
	// The målformer are compared once each file is right in itself.
	_, err = Parse(files(`
ok = "Vedtak"
only_nb = "x"
places = "{{ .A }} og {{ .B }}"
plural = { one = "en", other = "flere" }
`, `
ok = "Vedtak"
only_nn = "y"
places = "{{ .A }}"
plural = "flere"
`))
	if err == nil {
		t.Fatal("no error")
	}
	got = err.Error()
	for _, w := range []string{
		`i18n/nb.toml:3:1: error: only_nb is not in i18n/nn.toml`,
		`i18n/nn.toml:3:1: error: only_nn is not in i18n/nb.toml`,
		`i18n/nn.toml:4:1: error: places has the placeholders {{ .A }}, but i18n/nb.toml has {{ .A }}, {{ .B }}`,
		`i18n/nn.toml:5:1: error: plural: plural (one and other) in one of`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("error lacks %q:\n%s", w, got)
		}
	}
	_, err = Parse(files("a = \"x\"\nb = = 2\n", `a = "x"`))
	if err == nil || !strings.HasPrefix(err.Error(), "i18n/nb.toml:2:") {
		t.Errorf("syntax error: %v, want one at i18n/nb.toml:2", err)
	}
	_, err = Parse(fstest.MapFS{"i18n/nb.toml": {Data: []byte(`a = "x"`)}})
	if err == nil || !strings.Contains(err.Error(), "i18n/nn.toml:1:1: error: cannot read") {
		t.Errorf("missing file: %v", err)
	}
}

// TestBugsPanic: a key the catalogue lacks, or a placeholder Go does not
// fill, is a bug in the caller, not a text to show.
func TestBugsPanic(t *testing.T) {
	nb := mustParse(t, `a = "{{ .A }}"`, `a = "{{ .A }}"`)["nb"]
	for name, f := range map[string]func(){
		"missing key":         func() { nb.T("b", nil) },
		"missing placeholder": func() { nb.T("a", Args{"B": 1}) },
		"no args":             func() { nb.T("a", nil) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
}
