package sitedata

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"text/template/parse"
)

// key is one key of the contract: where it is (a path of JSON keys from
// Data or Records, "[]" for an element of a list, "{}" for any key of a
// map) and what it holds.
type key struct {
	Path string
	Type reflect.Type
}

// contractKeys lists every key of the contract: the files of Data and Records and
// every key below them, in a fixed order.
func contractKeys() []key {
	var out []key
	for _, root := range []reflect.Type{reflect.TypeFor[Data](), reflect.TypeFor[Records]()} {
		walk(root, "", map[reflect.Type]bool{}, func(p string, t reflect.Type) { out = append(out, key{p, t}) })
	}
	return out
}

// walk calls f for every key below t, depth first.
func walk(t reflect.Type, path string, seen map[reflect.Type]bool, f func(string, reflect.Type)) {
	t = deref(t)
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		walk(t.Elem(), path+"[]", seen, f)
	case reflect.Map:
		walk(t.Elem(), path+"{}", seen, f)
	case reflect.Struct:
		if seen[t] {
			return
		}
		seen[t] = true
		defer delete(seen, t)
		for _, sf := range reflect.VisibleFields(t) {
			name := jsonName(sf)
			if name == "" {
				continue
			}
			p := name
			if path != "" {
				p = path + "." + name
			}
			f(p, sf.Type)
			walk(sf.Type, p, seen, f)
		}
	}
}

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// jsonName is a field's JSON key, "" for none.
func jsonName(sf reflect.StructField) string {
	if !sf.IsExported() || sf.Anonymous {
		return ""
	}
	name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
	if name == "-" {
		return ""
	}
	if name == "" {
		return sf.Name
	}
	return name
}

// lookup resolves a path of keys read in a template below a root type
// (Data for hugo.Data.portal, an element type of a list): keys of structs
// by their JSON names, any key of a map. It returns the type at the end,
// or an error naming the first key the contract does not declare.
func lookup(root reflect.Type, keys []string) (reflect.Type, error) {
	t := root
	for i, k := range keys {
		t = deref(t)
		switch t.Kind() {
		case reflect.Map:
			t = t.Elem()
		case reflect.Struct:
			found := false
			for _, sf := range reflect.VisibleFields(t) {
				if jsonName(sf) == k {
					t, found = sf.Type, true
					break
				}
			}
			if !found {
				return nil, fmt.Errorf("%q is not a key of %s%s", k, t.Name(), after(keys[:i]))
			}
		default:
			return nil, fmt.Errorf("%q read off %s, which has no keys%s", k, t, after(keys[:i]))
		}
	}
	return t, nil
}

func after(keys []string) string {
	if len(keys) == 0 {
		return ""
	}
	return " (in " + strings.Join(keys, ".") + ")"
}

// keyRule is the naming rule's form: lower-case ASCII words joined by "_".
var keyRule = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)

// englishWords are English words the contract's keys once used beside
// Norwegian ones; the naming rule refuses them as a key or a part of one.
var englishWords = []string{"path", "name", "value", "kind", "what", "shown", "expected", "subject", "checks", "failed",
	"bytes", "schema", "head", "engine", "docs", "fields", "anchor", "title", "date", "amount", "year", "count", "text", "label", "items"}

// checkName reports whether a key follows the naming rule (see the
// package comment).
func checkName(key string) error {
	if !keyRule.MatchString(key) {
		return fmt.Errorf("key %q: not lower-case ASCII words joined by _", key)
	}
	for _, part := range strings.Split(key, "_") {
		if slices.Contains(englishWords, part) {
			return fmt.Errorf("key %q: %q is English; keys are Norwegian", key, part)
		}
	}
	return nil
}

// templates are the Go templates Hugo runs: layouts/ and the content
// adapters.
var templateDirs = []string{"../../layouts", "../../content"}

// TestContract: every path under hugo.Data.portal, every list and record a
// template names, and every key read off them is declared by Data or
// Records; a key read off a value whose type the test cannot follow must
// be declared somewhere in the contract or be a key the templates
// themselves make (dict) or a page's front matter has.
func TestContract(t *testing.T) {
	files := readTemplates(t, templateDirs...)
	if len(files) < 20 {
		t.Fatalf("found %d templates; is the test run from tools/sitedata?", len(files))
	}
	for _, p := range checkTemplates(t, files, frontMatterKeys(t, "../../content")) {
		t.Error(p)
	}
}

// TestContractCatches: the contract test fails on a misspelt key, a file
// that is not in the contract, an unknown list or record and a key read
// off a list's element.
func TestContractCatches(t *testing.T) {
	for _, tc := range []struct{ tmpl, want string }{
		{`{{ hugo.Data.portal.kommune.navn }}`, ""},
		{`{{ hugo.Data.portal.kommune.nanv }}`, `"nanv" is not a key of Kommune`},
		{`{{ hugo.Data.portal.search.head }}`, `"search" is not a key of Data`},
		{`{{ site.Data.other }}`, `data outside hugo.Data.portal`},
		{`{{ range partial "data/list.html" "vedtak" }}{{ .titel }}{{ end }}`, `"titel" is not a key of VedtakRad`},
		{`{{ range partial "data/list.html" "vedtakk" }}{{ end }}`, `no list "vedtakk"`},
		{`{{ $v := partial "data/record.html" (dict "kind" "vedtak" "id" 1) }}{{ $v.punkter }}{{ range $v.punkter }}{{ .statsu }}{{ end }}`, `"statsu" is not a key of Punkt`},
		{`{{ partial "data/record.html" (dict "kind" "plan" "id" 1) }}`, `no record "plan"`},
		{`{{ with hugo.Data.portal.nokkeltall }}{{ .vedtak }}{{ .vedtk }}{{ end }}`, `"vedtk" is not a key of Nokkeltall`},
		{`{{ range $i, $o := hugo.Data.portal.vedtak_ar }}{{ $o.sti }}{{ range $o.utvalg }}{{ .kode }}{{ .kdoe }}{{ end }}{{ end }}`, `"kdoe" is not a key of Utvalg`},
		{`{{ $k := index hugo.Data.portal.prosjekter 0 }}{{ $k.prognose.kr }}{{ $k.prognose.kroner }}`, `"kroner" is not a key of Kr`},
		{`{{ range first 5 (partial "data/list.html" "vedtak") }}{{ .merke }}{{ .merk }}{{ end }}`, `"merk" is not a key of VedtakRad`},
		{`{{ .Params.nokkel }}`, `"nokkel" is declared nowhere`},
		{`{{ $x := dict "nokkel" 1 }}{{ $x.nokkel }}`, ""},
		{`{{ $a := slice }}{{ range partial "data/list.html" "oppfolging" }}{{ $a = $a | append .utvalg }}{{ end }}`, `append in a range over a list of the data`},
		{`{{ $r := hugo.Data.portal.vedtak }}{{ $a := slice }}{{ range $r }}{{ with .utvalg }}{{ $a = append . $a }}{{ end }}{{ end }}`, `append in a range over a list of the data`},
		{`{{ $a := slice }}{{ range slice "a" "b" }}{{ $a = $a | append . }}{{ end }}`, ""},
	} {
		problems := checkTemplates(t, map[string]string{"t.html": tc.tmpl}, nil)
		got := strings.Join(problems, "\n")
		if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, tc.want) {
			t.Errorf("%s:\ngot  %q\nwant %q", tc.tmpl, got, tc.want)
		}
	}
}

// TestNamingRule: every key of the contract follows the naming rule.
func TestNamingRule(t *testing.T) {
	for _, k := range contractKeys() {
		last := k.Path[strings.LastIndexAny(k.Path, ".]}")+1:]
		if err := checkName(last); err != nil {
			t.Errorf("%s: %v", k.Path, err)
		}
	}
	for _, bad := range []string{"csv_bytes", "kind", "Tittel", "sum-ramme", "år"} {
		if checkName(bad) == nil {
			t.Errorf("checkName(%q) passed", bad)
		}
	}
}

func readTemplates(t *testing.T, dirs ...string) map[string]string {
	t.Helper()
	files := map[string]string{}
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".gotmpl")) {
				return err
			}
			b, err := os.ReadFile(p)
			files[filepath.ToSlash(p)] = string(b)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return files
}

// frontMatterKeys are the keys of the content files' front matter (YAML
// between --- lines), which templates read as .Params.
func frontMatterKeys(t *testing.T, dir string) []string {
	t.Helper()
	var keys []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		parts := strings.SplitN(string(b), "---\n", 3)
		if len(parts) < 3 {
			return nil
		}
		for _, line := range strings.Split(parts[1], "\n") {
			if k, _, ok := strings.Cut(line, ":"); ok && keyRule.MatchString(k) {
				keys = append(keys, k)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

// checkTemplates parses the templates and returns every problem.
func checkTemplates(t *testing.T, files map[string]string, extraKeys []string) []string {
	t.Helper()
	trees := map[string]*parse.Tree{}
	var names []string
	for name, text := range files {
		tr := parse.New(name)
		tr.Mode = parse.SkipFuncCheck
		set := map[string]*parse.Tree{}
		if _, err := tr.Parse(text, "{{", "}}", set); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for n, tree := range set {
			trees[name+"#"+n] = tree
			names = append(names, name+"#"+n)
		}
	}
	slices.Sort(names)
	c := &checker{declared: map[string]bool{}}
	for _, k := range contractKeys() {
		c.declared[k.Path[strings.LastIndexAny(k.Path, ".]}")+1:]] = true
	}
	for _, k := range extraKeys {
		c.declared[k] = true
	}
	for _, n := range names {
		visit(trees[n].Root, c.collectDictKeys)
	}
	for _, n := range names {
		c.tree = trees[n]
		c.list(trees[n].Root, nil, map[string]reflect.Type{})
	}
	return c.problems
}

// checker follows the types of values through a template: the data
// (hugo.Data.portal), the lists and records the partials data/list.html
// and data/record.html return, and what range, with, index, first, after,
// last, where and sort make of them.
type checker struct {
	declared map[string]bool // every key declared anywhere
	tree     *parse.Tree
	problems []string
}

func (c *checker) errorf(n parse.Node, format string, args ...any) {
	loc, _ := c.tree.ErrorContext(n)
	c.problems = append(c.problems, loc+": "+fmt.Sprintf(format, args...))
}

// visit calls f for n and every node below it.
func visit(n parse.Node, f func(parse.Node)) {
	if n == nil || reflect.ValueOf(n).IsNil() {
		return
	}
	f(n)
	switch n := n.(type) {
	case *parse.ListNode:
		for _, m := range n.Nodes {
			visit(m, f)
		}
	case *parse.ActionNode:
		visit(n.Pipe, f)
	case *parse.IfNode:
		visit(n.Pipe, f)
		visit(n.List, f)
		visit(n.ElseList, f)
	case *parse.RangeNode:
		visit(n.Pipe, f)
		visit(n.List, f)
		visit(n.ElseList, f)
	case *parse.WithNode:
		visit(n.Pipe, f)
		visit(n.List, f)
		visit(n.ElseList, f)
	case *parse.TemplateNode:
		visit(n.Pipe, f)
	case *parse.PipeNode:
		for _, m := range n.Cmds {
			visit(m, f)
		}
	case *parse.CommandNode:
		for _, m := range n.Args {
			visit(m, f)
		}
	case *parse.ChainNode:
		visit(n.Node, f)
	}
}

// collectDictKeys declares the keys of every dict a template makes.
func (c *checker) collectDictKeys(n parse.Node) {
	cmd, ok := n.(*parse.CommandNode)
	if !ok || len(cmd.Args) == 0 {
		return
	}
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok && id.Ident == "dict" {
		for i := 1; i < len(cmd.Args); i += 2 {
			if s, ok := cmd.Args[i].(*parse.StringNode); ok {
				c.declared[s.Text] = true
			}
		}
	}
}

func copyEnv(env map[string]reflect.Type) map[string]reflect.Type {
	out := make(map[string]reflect.Type, len(env))
	for k, v := range env {
		out[k] = v
	}
	return out
}

// list checks a list of nodes with dot of type dot (nil: not known).
func (c *checker) list(l *parse.ListNode, dot reflect.Type, env map[string]reflect.Type) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			t := c.pipe(n.Pipe, dot, env)
			for _, d := range n.Pipe.Decl {
				env[d.Ident[0]] = t
			}
		case *parse.IfNode:
			c.pipe(n.Pipe, dot, env)
			c.list(n.List, dot, copyEnv(env))
			c.list(n.ElseList, dot, copyEnv(env))
		case *parse.WithNode:
			t := c.pipe(n.Pipe, dot, env)
			inner := copyEnv(env)
			for _, d := range n.Pipe.Decl {
				inner[d.Ident[0]] = t
			}
			c.list(n.List, t, inner)
			c.list(n.ElseList, dot, copyEnv(env))
		case *parse.RangeNode:
			t := c.pipe(n.Pipe, dot, env)
			c.quadratic(n, t)
			e := elem(t)
			inner := copyEnv(env)
			switch len(n.Pipe.Decl) {
			case 1:
				inner[n.Pipe.Decl[0].Ident[0]] = e
			case 2:
				inner[n.Pipe.Decl[0].Ident[0]] = nil
				inner[n.Pipe.Decl[1].Ident[0]] = e
			}
			c.list(n.List, e, inner)
			c.list(n.ElseList, dot, copyEnv(env))
		case *parse.TemplateNode:
			if n.Pipe != nil {
				c.pipe(n.Pipe, dot, env)
			}
		}
	}
}

// quadratic reports an append in a range over one of Data's lists, which
// grow with the records: Hugo's append copies the list it appends to, so
// collecting one value per element takes time and garbage quadratic in
// the list's length (the follow-up overview's filters, collected so from
// 40 000 rows, were half of what Hugo allocated at 100 000 vedtak;
// docs/scale.md). What a page needs from every element, Go writes.
func (c *checker) quadratic(n *parse.RangeNode, t reflect.Type) {
	if !dataList(t) {
		return
	}
	visit(n.List, func(x parse.Node) {
		if id, ok := x.(*parse.IdentifierNode); ok && id.Ident == "append" {
			c.errorf(x, "append in a range over a list of the data (%s) is quadratic in its length: let Go write what the page collects (tools/sitedata)", t)
		}
	})
}

// dataList reports whether t is the type of one of Data's lists.
func dataList(t reflect.Type) bool {
	if t == nil {
		return false
	}
	d := reflect.TypeFor[Data]()
	for i := range d.NumField() {
		if f := d.Field(i).Type; f.Kind() == reflect.Slice && f == t {
			return true
		}
	}
	return false
}

// elem is the type of an element of a list or map, nil if not known.
func elem(t reflect.Type) reflect.Type {
	if t == nil {
		return nil
	}
	if t = deref(t); t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
		return t.Elem()
	}
	return nil
}

// pipe checks a pipeline and returns the type of its value.
func (c *checker) pipe(p *parse.PipeNode, dot reflect.Type, env map[string]reflect.Type) reflect.Type {
	var t reflect.Type
	for i, cmd := range p.Cmds {
		t = c.command(cmd, dot, env, t, i > 0)
	}
	return t
}

// command checks a command; piped is the value piped in, if any.
func (c *checker) command(cmd *parse.CommandNode, dot reflect.Type, env map[string]reflect.Type, piped reflect.Type, isPiped bool) reflect.Type {
	id, ok := cmd.Args[0].(*parse.IdentifierNode)
	if !ok {
		return c.operand(cmd.Args[0], dot, env)
	}
	args := make([]reflect.Type, len(cmd.Args))
	for i, a := range cmd.Args[1:] {
		args[i+1] = c.operand(a, dot, env)
	}
	last := func() reflect.Type {
		if isPiped {
			return piped
		}
		return args[len(args)-1]
	}
	switch id.Ident {
	case "partial", "partialCached":
		if len(cmd.Args) < 3 {
			return nil
		}
		name, _ := cmd.Args[1].(*parse.StringNode)
		switch {
		case name == nil:
		case name.Text == "data/list.html":
			s, ok := cmd.Args[2].(*parse.StringNode)
			if !ok {
				c.errorf(cmd, "data/list.html takes a list's name as a string")
				return nil
			}
			t, err := lookup(reflect.TypeFor[Data](), []string{s.Text})
			if err != nil || deref(t).Kind() != reflect.Slice {
				c.errorf(cmd, "no list %q in Data", s.Text)
				return nil
			}
			return t
		case name.Text == "data/record.html":
			kind := dictValue(cmd.Args[2], "kind")
			t, err := lookup(reflect.TypeFor[Records](), []string{kind})
			if err != nil {
				c.errorf(cmd, "no record %q in Records", kind)
				return nil
			}
			return t
		}
	case "index":
		if isPiped || len(args) < 2 {
			return nil
		}
		t := args[1]
		for _, k := range cmd.Args[2:] {
			if s, ok := k.(*parse.StringNode); ok && t != nil && deref(t).Kind() == reflect.Struct {
				t = c.fields(t, []string{s.Text}, k)
			} else {
				t = elem(t)
			}
		}
		return t
	case "first", "last", "after":
		return last()
	case "where", "sort", "uniq", "shuffle":
		if isPiped {
			return piped
		}
		if len(args) > 1 {
			return args[1]
		}
	}
	return nil
}

// dictValue is the string value of key in a (dict …) argument.
func dictValue(n parse.Node, key string) string {
	p, ok := n.(*parse.PipeNode)
	if !ok || len(p.Cmds) != 1 {
		return ""
	}
	args := p.Cmds[0].Args
	for i := 1; i+1 < len(args); i += 2 {
		if k, ok := args[i].(*parse.StringNode); ok && k.Text == key {
			if v, ok := args[i+1].(*parse.StringNode); ok {
				return v.Text
			}
		}
	}
	return ""
}

// operand checks an operand and returns its type.
func (c *checker) operand(n parse.Node, dot reflect.Type, env map[string]reflect.Type) reflect.Type {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot
	case *parse.FieldNode:
		if len(n.Ident) >= 2 && n.Ident[0] == "Site" && n.Ident[1] == "Data" {
			return c.data(n, n.Ident[2:])
		}
		return c.fields(dot, n.Ident, n)
	case *parse.VariableNode:
		var base reflect.Type
		if n.Ident[0] != "$" {
			base = env[n.Ident[0]]
		}
		return c.fields(base, n.Ident[1:], n)
	case *parse.ChainNode:
		if id, ok := n.Node.(*parse.IdentifierNode); ok && (id.Ident == "hugo" || id.Ident == "site") && len(n.Field) > 0 && n.Field[0] == "Data" {
			return c.data(n, n.Field[1:])
		}
		return c.fields(c.operand(n.Node, dot, env), n.Field, n)
	case *parse.PipeNode:
		return c.pipe(n, dot, env)
	}
	return nil
}

// data resolves a path below hugo.Data.
func (c *checker) data(n parse.Node, keys []string) reflect.Type {
	if len(keys) == 0 || keys[0] != "portal" {
		c.errorf(n, "data outside hugo.Data.portal: %s", strings.Join(keys, "."))
		return nil
	}
	t, err := lookup(reflect.TypeFor[Data](), keys[1:])
	if err != nil {
		c.errorf(n, "hugo.Data.portal: %v", err)
		return nil
	}
	return t
}

// fields resolves keys read off a value of type base: exactly where the
// type is known, else each lower-case key must be declared somewhere.
func (c *checker) fields(base reflect.Type, keys []string, n parse.Node) reflect.Type {
	for i, k := range keys {
		if base == nil {
			if k[0] >= 'a' && k[0] <= 'z' && !c.declared[k] {
				c.errorf(n, "%q is declared nowhere in the contract (tools/sitedata), a dict or front matter", k)
			}
			continue
		}
		t, err := lookup(base, keys[i:i+1])
		if err != nil {
			c.errorf(n, "%v", err)
			return nil
		}
		if t.Kind() == reflect.Interface {
			return nil
		}
		base = t
	}
	return base
}
