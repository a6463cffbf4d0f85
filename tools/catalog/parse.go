package catalog

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"
	"text/template"
	"text/template/parse"

	"github.com/BurntSushi/toml"

	"github.com/openkommune/portal/tools/diag"
	"github.com/openkommune/portal/tools/tomlpos"
)

// keyRE is the form of a key: lower-case words joined by _, as the
// templates and the Go code write them.
var keyRE = regexp.MustCompile(`^[a-z0-9]+(_[a-z0-9]+)*$`)

// Parse reads i18n/<lang>.toml of every målform in Langs from fsys and
// returns the catalogue of each. The error lists every problem: a file
// that is not TOML, a value that is not a text or a table of plural forms,
// a placeholder that is not {{ .Name }}, and a key whose text differs in
// shape between the målformer (defined in one only, plural in one only,
// other placeholders).
func Parse(fsys fs.FS) (map[string]*Text, error) {
	var diags diag.List
	all := map[string]*Text{}
	pos := map[string]*tomlpos.Index{}
	for _, lang := range Langs {
		path := "i18n/" + lang + ".toml"
		src, err := fs.ReadFile(fsys, path)
		if err != nil {
			diags.Errorf(path, 1, 1, "cannot read the text catalogue: %v", err)
			continue
		}
		t, ix := parseFile(path, lang, src, &diags)
		all[lang], pos[lang] = t, ix
	}
	if diags.Errors() == 0 {
		compare(all, pos, &diags)
	}
	if diags.Errors() > 0 {
		return nil, diagError(diags.Sorted())
	}
	return all, nil
}

// diagError is the problems of a catalogue, one per line.
type diagError []diag.Diagnostic

func (e diagError) Error() string {
	lines := make([]string, len(e))
	for i, d := range e {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// parseFile reads one catalogue file.
func parseFile(path, lang string, src []byte, diags *diag.List) (*Text, *tomlpos.Index) {
	t := &Text{lang: lang, msgs: map[Key]*message{}}
	var raw map[string]any
	if _, err := toml.Decode(string(src), &raw); err != nil {
		line, col, msg := 1, 1, err.Error()
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line, col, msg = max(pe.Position.Line, 1), max(pe.Position.Col, 1), pe.Message
		}
		diags.Errorf(path, line, col, "%s: the file must be TOML, key = \"text\" on each line", msg)
		return t, nil
	}
	ix := tomlpos.Parse(src)
	for _, k := range slices.Sorted(maps.Keys(raw)) {
		at := ix.Lookup(k)
		errorf := func(format string, args ...any) {
			diags.Errorf(path, at.Line, at.Col, "%s: "+format, append([]any{k}, args...)...)
		}
		if !keyRE.MatchString(k) {
			errorf("a key is lower-case letters a–z and digits, words joined by _")
			continue
		}
		m, problem := newMessage(raw[k])
		if problem != "" {
			errorf("%s", problem)
			continue
		}
		t.msgs[Key(k)] = m
	}
	return t, ix
}

// newMessage makes the message of a TOML value, or says what is wrong with
// it.
func newMessage(v any) (*message, string) {
	m := &message{}
	switch v := v.(type) {
	case string:
		m.other = &form{src: v}
	case map[string]any:
		for _, f := range slices.Sorted(maps.Keys(v)) {
			s, ok := v[f].(string)
			switch {
			case f != "one" && f != "other":
				return nil, fmt.Sprintf("%s is not a plural form: bokmål and nynorsk have one (a count of 1) and other", f)
			case !ok:
				return nil, fmt.Sprintf("%s must be a text in quotes", f)
			case f == "one":
				m.one = &form{src: s}
			default:
				m.other = &form{src: s}
			}
		}
		if m.other == nil {
			return nil, `a plural text needs other = "…" (and may have one = "…")`
		}
	default:
		return nil, `want a text in quotes, or a table { one = "…", other = "…" } of plural forms`
	}
	names := map[string]bool{}
	for _, f := range []*form{m.one, m.other} {
		if f == nil {
			continue
		}
		if problem := f.parse(names); problem != "" {
			return nil, problem
		}
	}
	m.names = slices.Sorted(maps.Keys(names))
	return m, ""
}

// parse parses f's placeholders, as Hugo does only when the text holds
// {{, and adds their names to names.
func (f *form) parse(names map[string]bool) string {
	if !strings.Contains(f.src, "{{") {
		return ""
	}
	tmpl, err := template.New("").Option("missingkey=error").Parse(f.src)
	if err != nil {
		return fmt.Sprintf("%s: write a placeholder as {{ .Name }}", strings.TrimPrefix(err.Error(), "template: :1: "))
	}
	for _, n := range tmpl.Tree.Root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
		case *parse.ActionNode:
			name, ok := placeholder(n)
			if !ok {
				return fmt.Sprintf("%s is not a placeholder: write {{ .Name }}, with no functions or pipes", n)
			}
			names[name] = true
		default:
			return fmt.Sprintf("%s is not a placeholder: write {{ .Name }}, with no if, range or with", n)
		}
	}
	f.tmpl = tmpl
	return ""
}

// placeholder returns the Name of an action {{ .Name }}.
func placeholder(n *parse.ActionNode) (string, bool) {
	if len(n.Pipe.Decl) > 0 || len(n.Pipe.Cmds) != 1 || len(n.Pipe.Cmds[0].Args) != 1 {
		return "", false
	}
	f, ok := n.Pipe.Cmds[0].Args[0].(*parse.FieldNode)
	if !ok || len(f.Ident) != 1 {
		return "", false
	}
	return f.Ident[0], true
}

// compare reports every key whose text differs in shape between the
// målformer: defined in one only, plural in one only, or with other
// placeholders.
func compare(all map[string]*Text, pos map[string]*tomlpos.Index, diags *diag.List) {
	base := Langs[0]
	for _, lang := range Langs[1:] {
		for _, pair := range [][2]string{{base, lang}, {lang, base}} {
			have, lack := pair[0], pair[1]
			for _, k := range all[have].keys() {
				if !all[lack].Has(k) {
					at := pos[have].Lookup(string(k))
					diags.Errorf("i18n/"+have+".toml", at.Line, at.Col, "%s is not in i18n/%s.toml: every text is in bokmål and nynorsk, add it there", k, lack)
				}
			}
		}
		for _, k := range all[lang].keys() {
			a, b := all[base].msgs[k], all[lang].msgs[k]
			if a == nil {
				continue
			}
			at := pos[lang].Lookup(string(k))
			if (a.one == nil) != (b.one == nil) {
				diags.Errorf("i18n/"+lang+".toml", at.Line, at.Col, "%s: plural (one and other) in one of i18n/%s.toml and %s.toml only: write it the same way in both", k, base, lang)
			}
			if !slices.Equal(a.names, b.names) {
				diags.Errorf("i18n/"+lang+".toml", at.Line, at.Col, "%s has the placeholders %s, but i18n/%s.toml has %s: Go fills the same ones in both", k, braces(b.names), base, braces(a.names))
			}
		}
	}
}

// braces writes names as "{{ .A }}, {{ .B }}", or "none".
func braces(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "{{ ." + n + " }}"
	}
	return strings.Join(out, ", ")
}
