package catalog

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"text/template/parse"
)

var update = flag.Bool("update", false, "rewrite testdata/counted.golden")

// countRE matches a placeholder that holds a count.
var countRE = regexp.MustCompile(`\{\{-?\s*\.(N|Count)\s*-?\}\}`)

// TestCounted: every counted phrase is a plural table, and each one, in
// both målformer, reads right for the counts 0, 1 and 2. A count lives in
// {{ .Count }} of a { one, other } table (Hugo picks the form from it), never
// in a plain text, where "1 planer" or "De 1 siste vedtakene" cannot be
// avoided. testdata/counted.golden lists every plural text at 0, 1 and 2;
// run with -update and read the diff.
func TestCounted(t *testing.T) {
	var b strings.Builder
	for _, lang := range Langs {
		text := Must(lang)
		for _, k := range text.keys() {
			m := text.msgs[k]
			if m.one == nil {
				if countRE.MatchString(m.other.src) {
					t.Errorf("i18n/%s.toml %s holds a count in a plain text: write it as { one = …, other = … } with {{ .Count }}", lang, k)
				}
				continue
			}
			for _, n := range []int{0, 1, 2} {
				a := Args{}
				for _, name := range m.names {
					a[name] = "‹" + name + "›"
				}
				a["Count"] = n
				fmt.Fprintf(&b, "%s %s %d: %s\n", lang, k, n, text.T(k, a))
			}
		}
	}
	const golden = "testdata/counted.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("counted phrases differ from %s (run with -update and review the diff):\n%s", golden, got)
	}
}

// TestCountedInLayouts: a layout passes a count to every plural text and
// to no plain one, so that Hugo picks the form: i18n "key" n for a text
// without placeholders, i18n "key" (dict "Count" n …) for one that writes
// {{ .Count }} (Hugo executes the text on a bare number, where .Count
// fails).
func TestCountedInLayouts(t *testing.T) {
	nb := Must("nb")
	layoutCommands(t, func(_, at string, c *parse.CommandNode) {
		key, pattern, isI18n, ok := templateKey(c)
		if !isI18n || !ok || pattern != "" {
			return
		}
		m := nb.msgs[Key(key)]
		if m == nil {
			return // TestKeys reports it
		}
		bare, inDict := countArg(c)
		switch {
		case m.one == nil && (bare || inDict):
			t.Errorf("%s: %s passes a count to %q, a plain text: make it { one = …, other = … }", at, c, key)
		case m.one != nil && !bare && !inDict:
			t.Errorf("%s: %s uses the plural text %q without a count: pass one", at, c, key)
		case m.one != nil && bare && slices.Contains(m.names, "Count"):
			t.Errorf(`%s: %s passes a bare count to %q, which writes {{ .Count }}: pass (dict "Count" n)`, at, c, key)
		}
	})
}

// countArg reports how an i18n command passes a count: as its bare second
// argument (a number, field or variable), or as the Count of a dict.
func countArg(c *parse.CommandNode) (bare, inDict bool) {
	if len(c.Args) < 3 {
		return false, false
	}
	switch a := c.Args[2].(type) {
	case *parse.NumberNode, *parse.FieldNode, *parse.VariableNode, *parse.ChainNode:
		return true, false
	case *parse.PipeNode:
		if len(a.Cmds) != 1 || len(a.Cmds[0].Args) == 0 {
			return true, false
		}
		args := a.Cmds[0].Args
		if fn, ok := args[0].(*parse.IdentifierNode); ok && fn.Ident == "dict" {
			for i := 1; i < len(args); i += 2 {
				if s, ok := args[i].(*parse.StringNode); ok && s.Text == "Count" {
					return false, true
				}
			}
			return false, false
		}
		return true, false // (len …) and the like
	}
	return false, false
}
