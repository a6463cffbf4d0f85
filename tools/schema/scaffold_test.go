package schema

import (
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/money"
)

// kindFile is where a file of kind k goes in a data directory.
func kindFile(k Kind, id string) string {
	p := strings.TrimPrefix(k.Glob, "data/")
	p = strings.Replace(p, "**/", "", 1)
	return strings.Replace(p, "*", id, 1)
}

var (
	scaffoldHeader = regexp.MustCompile(`^(?:# )?\[\[?([a-z_.]+)\]\]?$`)
	scaffoldKey    = regexp.MustCompile(`^(?:# )?([a-z_]+) = `)
)

// scaffoldKeys returns every key path written in a scaffold, live or
// commented out, and whether it is live.
func scaffoldKeys(src string) map[string]bool {
	keys := map[string]bool{}
	table := ""
	for _, line := range strings.Split(src, "\n") {
		if m := scaffoldHeader.FindStringSubmatch(line); m != nil {
			table = m[1]
			keys[table] = keys[table] || !strings.HasPrefix(line, "#")
			continue
		}
		if m := scaffoldKey.FindStringSubmatch(line); m != nil {
			p := m[1]
			if table != "" {
				p = table + "." + p
			}
			keys[p] = keys[p] || !strings.HasPrefix(line, "#")
		}
	}
	return keys
}

// TestScaffoldEveryKind: an empty scaffold of each kind writes only keys of
// its record type, writes every required key live or marked "Fyll inn",
// and loads without unknown keys or TOML errors.
func TestScaffoldEveryKind(t *testing.T) {
	d := parseDoc(t)
	for _, k := range Kinds {
		b, err := d.Scaffold(k, "Ny fil.", nil)
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		fields, _ := d.Fields(k)
		byPath := map[string]*Field{}
		for _, f := range fields {
			f.Walk(func(f *Field) { byPath[f.Path] = f })
		}
		written := scaffoldKeys(src)
		for p := range written {
			if byPath[p] == nil {
				t.Errorf("%s: the scaffold writes %s, which is not a key of record.%s", k.Name, p, k.Type.Name())
			}
		}
		for p, f := range byPath {
			if _, ok := written[p]; !ok {
				t.Errorf("%s: the scaffold does not show %s", k.Name, p)
			}
			// A required key of a live table is live or to be filled in.
			parent := path.Dir(strings.ReplaceAll(p, ".", "/"))
			parentLive := parent == "." || written[strings.ReplaceAll(parent, "/", ".")]
			if f.Required && parentLive && !written[p] && !markedFillIn(src, f.Key) {
				t.Errorf("%s: required key %s is neither written nor marked %q:\n%s", k.Name, p, FillIn, src)
			}
		}

		fsys := complete(t)
		name := kindFile(k, "ny")
		fsys[name] = &fstest.MapFile{Data: b}
		_, diags := load.Load(fsys, "data")
		for _, dg := range diags.Sorted() {
			if dg.Path == "data/"+name && (strings.Contains(dg.Message, "unknown key") || strings.HasPrefix(dg.Message, "TOML")) {
				t.Errorf("%s: %s\n%s", k.Name, dg, src)
			}
		}
	}
}

// markedFillIn reports whether key is written after a "Fyll inn" comment.
func markedFillIn(src, key string) bool {
	return regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(FillIn) + `.*\n(?:#.*\n)*(?:# )?` + regexp.QuoteMeta(key) + ` = `).MatchString(src)
}

// TestScaffoldChecks: a new file passes check but for the keys marked
// "Fyll inn", and with them filled in, passes.
func TestScaffoldChecks(t *testing.T) {
	d := parseDoc(t)
	vedtak, _ := KindNamed("vedtak")
	prosjekt, _ := KindNamed("prosjekt")
	for _, tc := range []struct {
		name string
		kind Kind
		id   string
		vals Values
		want []string // the keys check reports
	}{
		{"vedtak", vedtak, "kst-2026-071", Values{
			"id": "kst-2026-071", "utvalg": "KST", "motedato": caldate.MustParse("2026-10-01"),
			"saksnummer": "071/26", "tittel": "Budsjett 2027",
		}, []string{"tekst"}},
		{"vedtak without title", vedtak, "kst-2026-072", Values{
			"id": "kst-2026-072", "utvalg": "KST", "motedato": caldate.MustParse("2026-10-01"), "saksnummer": "072/26",
		}, []string{"tekst", "tittel"}},
		{"vedtak filled in", vedtak, "kst-2026-073", Values{
			"id": "kst-2026-073", "utvalg": "KST", "motedato": caldate.MustParse("2026-10-01"),
			"saksnummer": "073/26", "tittel": "Budsjett 2027", "tekst": "Budsjettet vedtas.",
		}, nil},
		{"prosjekt", prosjekt, "c-vei", Values{"id": "c-vei", "navn": "Vei", "fase": "behovsutredning"},
			[]string{"ansvarlig", "nummer", "omrade"}},
		{"prosjekt with a frame", prosjekt, "c-vei", Values{
			"id": "c-vei", "nummer": "4140", "navn": "Vei", "omrade": "oppvekst", "ansvarlig": "Teknisk", "fase": "forprosjekt",
			"kostnadsramme": []Values{{"type": "opprinnelig", "belop": money.Kroner(5_000_000)}},
		}, []string{"vedtak"}},
		{"prosjekt filled in", prosjekt, "c-vei", Values{
			"id": "c-vei", "nummer": "4140", "navn": "Vei", "omrade": "oppvekst", "ansvarlig": "Teknisk", "fase": "forprosjekt",
			"kostnadsramme": []Values{{"type": "opprinnelig", "belop": money.Kroner(5_000_000), "vedtak": "kst-2025-030"}},
		}, nil},
	} {
		b, err := d.Scaffold(tc.kind, "Ny fil.", tc.vals)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		src := string(b)
		fsys := complete(t)
		name := kindFile(tc.kind, tc.id)
		fsys[name] = &fstest.MapFile{Data: b}
		var got []string
		for _, msg := range errorsIn(fsys, name) {
			p, _, _ := strings.Cut(msg, ":")
			key := p[strings.LastIndexAny(p, ".]")+1:]
			got = append(got, key)
			if !markedFillIn(src, key) {
				t.Errorf("%s: check reports %q about a key not marked %q:\n%s", tc.name, msg, FillIn, src)
			}
		}
		slices.Sort(got)
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%s: check reports %q, want %q:\n%s", tc.name, got, tc.want, src)
		}
	}
}

func TestScaffoldRejects(t *testing.T) {
	d := parseDoc(t)
	vedtak, _ := KindNamed("vedtak")
	for _, tc := range []struct {
		vals Values
		want string
	}{
		{Values{"titel": "x"}, `no key "titel" here`},
		{Values{"punkt": []Values{{"nr": 1, "first": "x"}}}, `punkt: no key "first" here`},
		{Values{"tittel": 12}, "tittel: 12 (int) is not a value of Go type string"},
		{Values{"motedato": "2025-01-01"}, "motedato: 2025-01-01 (string) is not a value"},
		{Values{"punkt": []Values{{"oppfolging": []Values{{"status": "ferdig"}}}}}, `punkt.oppfolging.status: "ferdig" is not one of ikke_startet`},
		{Values{"punkt": Values{"nr": 1}}, "punkt is an array of tables"},
	} {
		_, err := d.Scaffold(vedtak, "", tc.vals)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: got %v, want an error containing %q", tc.vals, err, tc.want)
		}
	}
}

func TestUnderscored(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1_000", -5_000_000: "-5_000_000", 130_000_000: "130_000_000"} {
		if got := underscored(n); got != want {
			t.Errorf("underscored(%d) = %s, want %s", n, got, want)
		}
	}
	if got := quote("«a» \"b\" \\ \n\x01"); got != `"«a» \"b\" \\ \n\u0001"` {
		t.Errorf("quote: %s", got)
	}
}
