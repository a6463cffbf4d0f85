package schema

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"
	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/diag"
	"github.com/openkommune/portal/tools/load"
	"golang.org/x/tools/txtar"
)

// complete reads testdata/complete.txtar: a data directory that checks
// clean and writes every key of every kind.
func complete(t *testing.T) fstest.MapFS {
	t.Helper()
	a, err := txtar.ParseFile("testdata/complete.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// errorsIn loads and checks fsys and returns the error messages about the
// file p.
func errorsIn(fsys fstest.MapFS, p string) []string {
	set, diags := load.Load(fsys, "data")
	check.Check(set, diags)
	var out []string
	for _, d := range diags.Sorted() {
		if d.Severity == diag.Error && d.Path == "data/"+p {
			out = append(out, d.Message)
		}
	}
	return out
}

// keyPaths lists the key paths written in a decoded file, with the first
// element of every array of tables: "punkt", "punkt[0].oppfolging",
// "punkt[0].oppfolging[0].dato".
func keyPaths(m map[string]any, prefix string) []string {
	var out []string
	for k, v := range m {
		p := k
		if prefix != "" {
			p = prefix + "." + k
		}
		out = append(out, p)
		switch v := v.(type) {
		case map[string]any:
			out = append(out, keyPaths(v, p)...)
		case []map[string]any:
			if len(v) > 0 {
				out = append(out, keyPaths(v[0], p+"[0]")...)
			}
		}
	}
	return out
}

// without returns m with the key at path p (as keyPaths writes it) removed.
func without(m map[string]any, p string) {
	head, rest, nested := strings.Cut(p, ".")
	if !nested {
		delete(m, p)
		return
	}
	if key, ok := strings.CutSuffix(head, "[0]"); ok {
		without(m[key].([]map[string]any)[0], rest)
		return
	}
	without(m[head].(map[string]any), rest)
}

// TestRequiredAgreesWithCheck leaves out each key of the complete example,
// in the first file of its kind that writes it, and asks package check:
// leaving out a key the schemas require must be an error at that key, and
// leaving out any other key must not. Keys that the document says are
// required only in some cases ("yes if no points") are skipped: the schemas
// do not require them, and whether check does depends on the file.
func TestRequiredAgreesWithCheck(t *testing.T) {
	for _, p := range disagreements(t, parseDoc(t)) {
		t.Error(p)
	}
}

// TestRequiredDisagreement: the cross-check finds a document that says a
// key is optional when check requires it, and the other way round.
func TestRequiredDisagreement(t *testing.T) {
	doc := string(readDoc(t))
	for _, tc := range []struct{ old, new, want string }{
		{"| `fase` | code | yes | `\"bygging\"` |", "| `fase` | code | no | `\"bygging\"` |", "the schema does not require fase, but check says"},
		{"| `arkivsak` | text | no |", "| `arkivsak` | text | yes |", "the schema requires arkivsak, but check accepts"},
	} {
		changed := strings.Replace(doc, tc.old, tc.new, 1)
		if changed == doc {
			t.Fatalf("%q is not in %s", tc.old, DocPath)
		}
		d, err := ParseDocs([]byte(changed))
		if err != nil {
			t.Fatal(err)
		}
		got := disagreements(t, d)
		if len(got) != 1 || !strings.Contains(got[0], tc.want) {
			t.Errorf("with %q: got %q, want one problem containing %q", tc.new, got, tc.want)
		}
	}
}

// disagreements compares what d says is required with what check does.
func disagreements(t *testing.T, d *Docs) []string {
	var problems []string
	base := complete(t)
	for _, p := range slices.Sorted(func(yield func(string) bool) {
		for p := range base {
			if path.Ext(p) == ".toml" && !yield(p) {
				return
			}
		}
	}) {
		if msgs := errorsIn(base, p); len(msgs) > 0 {
			t.Fatalf("testdata/complete.txtar: %s has errors:\n%s", p, strings.Join(msgs, "\n"))
		}
	}

	tested := map[string]bool{} // kind/key path without indexes
	for _, p := range slices.Sorted(func(yield func(string) bool) {
		for p := range base {
			if path.Ext(p) == ".toml" && !yield(p) {
				return
			}
		}
	}) {
		k := kindOf(t, path.Join("data", p))
		fields, err := d.Fields(k)
		if err != nil {
			t.Fatal(err)
		}
		byPath := map[string]*Field{}
		for _, f := range fields {
			f.Walk(func(f *Field) { byPath[f.Path] = f })
		}
		var m map[string]any
		if _, err := toml.Decode(string(base[p].Data), &m); err != nil {
			t.Fatal(err)
		}
		for _, kp := range keyPaths(m, "") {
			plain := strings.ReplaceAll(kp, "[0]", "")
			f := byPath[plain]
			if f == nil {
				problems = append(problems, fmt.Sprintf("%s: key %s is not a field of %s", p, kp, k.Name))
				continue
			}
			if tested[k.Name+"/"+plain] || f.Conditional() {
				continue
			}
			tested[k.Name+"/"+plain] = true

			var m2 map[string]any
			toml.Decode(string(base[p].Data), &m2)
			without(m2, kp)
			var buf bytes.Buffer
			if err := toml.NewEncoder(&buf).Encode(m2); err != nil {
				t.Fatal(err)
			}
			fsys := fstest.MapFS{}
			for q, f := range base {
				fsys[q] = f
			}
			fsys[p] = &fstest.MapFile{Data: buf.Bytes()}
			msgs := errorsIn(fsys, p)
			var at []string
			for _, msg := range msgs {
				if strings.HasPrefix(msg, kp+":") || strings.HasPrefix(msg, kp+".") || strings.HasPrefix(msg, kp+"[") ||
					(kp == "id" && strings.HasPrefix(msg, "missing id")) {
					at = append(at, msg)
				}
			}
			switch {
			case f.Required && len(at) == 0:
				problems = append(problems, fmt.Sprintf("%s: the schema requires %s, but check accepts %s without it (errors: %q)", k.Name, plain, p, msgs))
			case !f.Required && len(at) > 0:
				problems = append(problems, fmt.Sprintf("%s: the schema does not require %s, but check says of %s without it: %s", k.Name, plain, p, strings.Join(at, "; ")))
			}
		}
	}

	// Every key of every kind was left out once, or is conditional.
	for _, k := range Kinds {
		fields, _ := d.Fields(k)
		for _, top := range fields {
			top.Walk(func(f *Field) {
				if !tested[k.Name+"/"+f.Path] && !f.Conditional() {
					problems = append(problems, fmt.Sprintf("%s: testdata/complete.txtar never writes %s", k.Name, f.Path))
				}
			})
		}
	}
	return problems
}

// TestTomlRoundTrip: the test's re-encoding of a file keeps it the same to
// load (dates stay dates).
func TestTomlRoundTrip(t *testing.T) {
	base := complete(t)
	for p, f := range base {
		if path.Ext(p) != ".toml" {
			continue
		}
		var m map[string]any
		if _, err := toml.Decode(string(f.Data), &m); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := toml.NewEncoder(&buf).Encode(m); err != nil {
			t.Fatal(err)
		}
		fsys := fstest.MapFS{}
		for q, g := range base {
			fsys[q] = g
		}
		fsys[p] = &fstest.MapFile{Data: buf.Bytes()}
		if msgs := errorsIn(fsys, p); len(msgs) > 0 {
			t.Errorf("%s re-encoded:\n%s\n%s", p, buf.String(), fmt.Sprint(msgs))
		}
	}
}
