package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

const root = "../.."

func readDoc(t *testing.T) []byte {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join(root, DocPath))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func parseDoc(t *testing.T) *Docs {
	t.Helper()
	d, err := ParseDocs(readDoc(t))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestCommittedSchemas fails when schemas/ is not what the record types and
// docs/data-format.md give now.
func TestCommittedSchemas(t *testing.T) {
	want, err := Files(readDoc(t))
	if err != nil {
		t.Fatal(err)
	}
	const fix = "run `go run ./tools/cmd/portal schema` and commit schemas/"
	for name, b := range want {
		got, err := os.ReadFile(filepath.Join(root, Dir, name))
		if err != nil {
			t.Errorf("%s/%s: %v: %s", Dir, name, err, fix)
			continue
		}
		if !bytes.Equal(got, b) {
			t.Errorf("%s/%s differs from what the generator makes now: %s", Dir, name, fix)
		}
	}
	entries, err := os.ReadDir(filepath.Join(root, Dir))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if want[e.Name()] == nil {
			t.Errorf("%s/%s is not a generated schema: remove it", Dir, e.Name())
		}
	}
}

// TestEveryKeyDescribed: every key has a type and a required cell in the
// document, and every table a heading.
func TestEveryKeyDescribed(t *testing.T) {
	d := parseDoc(t)
	for _, k := range Kinds {
		fields, err := d.Fields(k)
		if err != nil {
			t.Fatal(err)
		}
		for _, top := range fields {
			top.Walk(func(f *Field) {
				switch {
				case f.Table && f.Heading.Title == "":
					t.Errorf("%s: table %s has no heading text", k.Name, f.Path)
				case !f.Table && (f.Row.Type == "" || f.Row.Required == ""):
					t.Errorf("%s: key %s: the document's row has no type or no required cell", k.Name, f.Path)
				}
			})
		}
	}
}

func TestDocsDrift(t *testing.T) {
	doc := string(readDoc(t))
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"row for no field", "| `arkivsak` |", "| `arkivsak_nr` |", "key arkivsak_nr describes no field of record.Vedtak"},
		{"field with no row", "| `arkivsak` |", "| `tittel_kort` |", "key arkivsak has no row"},
		{"table with no heading", "### `[[punkt.oppfolging]]`", "### `[[punkt.logg]]`", "table [punkt.oppfolging] has no heading"},
		{"kind with no section", "## `planer/ID.toml`", "## `plans/ID.toml`", "no section \"## `planer/ID.toml`\""},
	} {
		changed := strings.Replace(doc, tc.old, tc.new, 1)
		if changed == doc {
			t.Fatalf("%s: %q is not in %s", tc.name, tc.old, DocPath)
		}
		_, err := Files([]byte(changed))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}

// validator compiles the committed schemas with a real JSON Schema
// validator, asserting formats as taplo does.
func validator(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	out := map[string]*jsonschema.Schema{}
	for _, k := range Kinds {
		b, err := os.ReadFile(filepath.Join(root, Dir, k.File()))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		url := "file:///schemas/" + k.File()
		if err := c.AddResource(url, doc); err != nil {
			t.Fatal(err)
		}
		if out[k.Name], err = c.Compile(url); err != nil {
			t.Fatalf("%s: %v", k.File(), err)
		}
	}
	return out
}

// tomlToJSON turns a TOML file into the JSON value taplo validates: dates
// and times become strings, everything else what it is.
func tomlToJSON(src string) (any, error) {
	var v map[string]any
	if _, err := toml.Decode(src, &v); err != nil {
		return nil, err
	}
	b, err := json.Marshal(jsonable(v))
	if err != nil {
		return nil, err
	}
	return jsonschema.UnmarshalJSON(bytes.NewReader(b))
}

func jsonable(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = jsonable(e)
		}
	case []map[string]any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = jsonable(e)
		}
		return out
	case []any:
		for i, e := range v {
			v[i] = jsonable(e)
		}
	case time.Time:
		switch v.Location().String() {
		case "date-local":
			return v.Format(time.DateOnly)
		case "datetime-local":
			return v.Format("2006-01-02T15:04:05.999999999")
		case "time-local":
			return v.Format("15:04:05.999999999")
		}
		return v.Format(time.RFC3339Nano)
	}
	return v
}

// globRE turns a taplo glob (** and *) into a regular expression.
func globRE(glob string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(glob); i++ {
		switch {
		case strings.HasPrefix(glob[i:], "**/"):
			b.WriteString("(?:.*/)?")
			i += 2
		case glob[i] == '*':
			b.WriteString("[^/]*")
		default:
			b.WriteString(regexp.QuoteMeta(glob[i : i+1]))
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

// kindOf returns the kind whose glob matches a repository path.
func kindOf(t *testing.T, p string) Kind {
	t.Helper()
	var found []Kind
	for _, k := range Kinds {
		if globRE(k.Glob).MatchString(p) {
			found = append(found, k)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%s matches %d kinds' globs, want 1", p, len(found))
	}
	return found[0]
}

// TestExampleDataValidates validates every file of the example data/
// against its schema.
func TestExampleDataValidates(t *testing.T) {
	schemas := validator(t)
	n := 0
	err := filepath.WalkDir(filepath.Join(root, "data"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".toml" {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		k := kindOf(t, rel)
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		v, err := tomlToJSON(string(src))
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			return nil
		}
		if err := schemas[k.Name].Validate(v); err != nil {
			t.Errorf("%s does not validate against %s:\n%v", rel, k.File(), err)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < len(Kinds) {
		t.Fatalf("validated %d files; the example data has more", n)
	}
}

func TestKindGlobs(t *testing.T) {
	for p, want := range map[string]string{
		"data/kommune.toml":                   "kommune",
		"data/rammeomrader.toml":              "rammeomrader",
		"data/vedtak/kst-2025-001.toml":       "vedtak",
		"data/vedtak/2025/kst-2025-001.toml":  "vedtak",
		"data/planer/boligplan.toml":          "plan",
		"data/okonomiplan/2025-2028.toml":     "okonomiplan",
		"data/prosjekter/nordbyen-skole.toml": "prosjekt",
	} {
		if got := kindOf(t, p).Name; got != want {
			t.Errorf("%s: kind %s, want %s", p, got, want)
		}
	}
}

// TestInvalidFiles: what load rejects, the schemas reject too.
func TestInvalidFiles(t *testing.T) {
	schemas := validator(t)
	const vedtak = `id = "kst-2025-001"
utvalg = "KST"
motedato = 2025-02-13
saksnummer = "001/25"
tittel = "Første vedtak"
`
	for _, tc := range []struct {
		name, kind, src, want string
	}{
		{"valid", "vedtak", vedtak, ""},
		{"unknown key", "vedtak", vedtak + "titel = \"x\"\n", "additional properties 'titel' not allowed"},
		{"unknown key in a table", "vedtak", vedtak + "[[punkt]]\nnr = 1\ntekst = \"x\"\nfirst = 2025-03-01\n", "additional properties 'first' not allowed"},
		{"wrong type", "vedtak", strings.Replace(vedtak, `tittel = "Første vedtak"`, "tittel = 12", 1), "got number, want string"},
		{"quoted date", "vedtak", strings.Replace(vedtak, "2025-02-13", `"13.02.2025"`, 1), "is not valid date"},
		{"bad enum", "vedtak", vedtak + "[[punkt]]\nnr = 1\ntekst = \"x\"\n[[punkt.oppfolging]]\ndato = 2025-03-01\nstatus = \"ferdig\"\ntekst = \"x\"\n", "value must be one of"},
		{"missing required", "vedtak", strings.Replace(vedtak, "utvalg = \"KST\"\n", "", 1), "missing property 'utvalg'"},
		{"empty required", "vedtak", strings.Replace(vedtak, `"Første vedtak"`, `""`, 1), "minLength"},
		{"decimal amount", "prosjekt", "id = \"p\"\nnummer = \"1\"\nnavn = \"P\"\nomrade = \"o\"\nansvarlig = \"A\"\nfase = \"bygging\"\n[[kostnadsramme]]\ntype = \"opprinnelig\"\nbelop = 12.5\nvedtak = \"v\"\n", "got number, want integer"},
		{"no utvalg", "kommune", "navn = \"K\"\nkommunenummer = \"9999\"\nmalform = \"nb\"\nreferansedato = 2026-10-31\nlisens = \"NLOD 2.0\"\nutvalg = []\n", "minItems"},
	} {
		v, err := tomlToJSON(tc.src)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		err = schemas[tc.kind].Validate(v)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.want != "" && err == nil:
			t.Errorf("%s: validates, want an error", tc.name)
		case tc.want != "" && !strings.Contains(fmt.Sprintf("%#v", err), tc.want) && !strings.Contains(err.Error(), tc.want):
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestTaploConfig: .taplo.toml maps each kind's glob to its schema.
func TestTaploConfig(t *testing.T) {
	var cfg struct {
		Include []string `toml:"include"`
		Rule    []struct {
			Include []string `toml:"include"`
			Schema  struct {
				Path string `toml:"path"`
			} `toml:"schema"`
		} `toml:"rule"`
	}
	if _, err := toml.DecodeFile(filepath.Join(root, ".taplo.toml"), &cfg); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range cfg.Rule {
		for _, g := range r.Include {
			got[g] = r.Schema.Path
		}
	}
	want := map[string]string{}
	for _, k := range Kinds {
		want[k.Glob] = "./" + Dir + "/" + k.File()
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf(".taplo.toml maps\n%v\nwant\n%v", got, want)
	}
	if !slices.Equal(cfg.Include, []string{"data/**/*.toml"}) {
		t.Errorf(".taplo.toml includes %q, want [data/**/*.toml]", cfg.Include)
	}
}
