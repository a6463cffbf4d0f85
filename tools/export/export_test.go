package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io/fs"
	"maps"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/synth"
)

// compileFS checks and compiles the data in fsys, failing on errors.
func compileFS(tb testing.TB, fsys fs.FS) *model.Site {
	tb.Helper()
	set, diags := load.Load(fsys, "data")
	check.Check(set, diags)
	if diags.Errors() > 0 {
		var b strings.Builder
		diags.Print(&b)
		tb.Fatalf("data does not check:\n%s", b.String())
	}
	return compile.Compile(set)
}

// example compiles the bundled example kommune.
func example(tb testing.TB) *model.Site {
	return compileFS(tb, os.DirFS("../../data"))
}

func files(tb testing.TB, site *model.Site) (map[string][]byte, Index) {
	tb.Helper()
	f, idx, err := Files(site)
	if err != nil {
		tb.Fatal(err)
	}
	return f, idx
}

func TestCellFormat(t *testing.T) {
	k := model.Kr{Kr: -1_250_000, Tekst: "−1 250 000 kr"}
	for _, tc := range []struct {
		name      string
		c         cell
		csv, json string
	}{
		{"missing", null(), "", "null"},
		{"empty text is missing", str(""), "", "null"},
		{"text", str(`Ny "skole" – Æ Ø Å <b>&`), `Ny "skole" – Æ Ø Å <b>&`, `"Ny \"skole\" – Æ Ø Å <b>&"`},
		{"text with CRLF", str("a\r\nb\rc"), "a\nb\nc", `"a\nb\nc"`},
		{"control and separators", str("a\tb\x01\u2028"), "a\tb\x01\u2028", `"a\tb\u0001\u2028"`},
		{"integer", integer(130_000_000), "130000000", "130000000"},
		{"negative kroner", kr(&k), "-1250000", "-1250000"},
		{"nil kroner", kr(nil), "", "null"},
		{"year 0 is missing", yearOf(0), "", "null"},
		{"year", yearOf(2026), "2026", "2026"},
		{"percent", pct(&model.Pct{Verdi: 12.5}), "12.5", "12.5"},
		{"whole percent keeps one decimal", pct(&model.Pct{Verdi: 3}), "3.0", "3.0"},
		{"negative percent", pct(&model.Pct{Verdi: -0.04}), "0.0", "0.0"},
		{"percent rounded", number(2.449999), "2.4", "2.4"},
		{"nil percent", pct(nil), "", "null"},
		{"true", boolean(true), "true", "true"},
		{"false", boolean(false), "false", "false"},
		{"date", dato(&model.Dato{ISO: "2025-03-14", Tekst: "14. mars 2025"}), "2025-03-14", `"2025-03-14"`},
		{"nil date", dato(nil), "", "null"},
		{"ids", ids([]model.Ref{{ID: "a/m1"}, {ID: "b/m2"}}), "a/m1;b/m2", `"a/m1;b/m2"`},
		{"no ids", ids(nil), "", "null"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.c.csvText(); got != tc.csv {
				t.Errorf("csv %q, want %q", got, tc.csv)
			}
			got := string(tc.c.appendJSON(nil))
			if got != tc.json {
				t.Errorf("json %s, want %s", got, tc.json)
			}
			if !json.Valid([]byte(got)) {
				t.Errorf("json %s is not valid", got)
			}
		})
	}
}

func TestPackageName(t *testing.T) {
	for _, tc := range []struct{ navn, nr, want string }{
		{"Eksempelvik kommune", "9999", "eksempelvik-kommune"},
		{"Bærum kommune", "3201", "baerum-kommune"},
		{"Hå  kommune", "1119", "ha-kommune"},
		{"Guovdageaidnu – Kautokeino", "5626", "guovdageaidnu-kautokeino"},
		{"Ørland", "5057", "orland"},
		{"", "9999", "kommune-9999"},
	} {
		if got := packageName(tc.navn, tc.nr); got != tc.want {
			t.Errorf("packageName(%q) = %q, want %q", tc.navn, got, tc.want)
		}
	}
}

func TestCSVQuoting(t *testing.T) {
	tb := &table{name: "x", fields: []field{{name: "a", typ: tString}, {name: "b", typ: tInteger}},
		rows: [][]cell{{str("komma, \"sitat\"\nny linje"), integer(1)}, {null(), null()}}}
	got, err := tb.csv()
	if err != nil {
		t.Fatal(err)
	}
	want := "a,b\r\n\"komma, \"\"sitat\"\"\r\nny linje\",1\r\n,\r\n"
	if string(got) != want {
		t.Errorf("csv:\n%q\nwant\n%q", got, want)
	}
	if got := string(tb.json()); got != "[\n{\"a\":\"komma, \\\"sitat\\\"\\nny linje\",\"b\":1},\n{\"a\":null,\"b\":null}\n]\n" {
		t.Errorf("json:\n%s", got)
	}
	empty := &table{name: "y", fields: tb.fields}
	if got := string(empty.json()); got != "[]\n" {
		t.Errorf("empty json %q", got)
	}
}

func TestTableValidateRejectsWrongType(t *testing.T) {
	tb := &table{name: "x", fields: []field{{name: "a", typ: tInteger, required: true}}, rows: [][]cell{{str("1")}}}
	if err := tb.validate(); err == nil {
		t.Error("a text cell in an integer column passed")
	}
	tb.rows = [][]cell{{null()}}
	if err := tb.validate(); err == nil {
		t.Error("a missing required cell passed")
	}
}

// TestExample validates every download of the example kommune against its
// schema and the data package, and checks the index.
func TestExample(t *testing.T) {
	site := example(t)
	f, idx := files(t, site)
	for _, p := range validatePackage(f) {
		t.Error(p)
	}

	var got []string
	for _, l := range idx.Lister {
		got = append(got, l.Navn)
		for _, p := range []string{l.CSV, l.JSON, l.Schema, l.Regneark} {
			if _, ok := f[p]; !ok {
				t.Errorf("%s: index names %s, not in the files", l.Navn, p)
			}
		}
		if l.CSVBytes != len(f[l.CSV]) || l.JSONBytes != len(f[l.JSON]) || l.RegnearkBytes != len(f[l.Regneark]) {
			t.Errorf("%s: index bytes %d/%d/%d, files %d/%d/%d", l.Navn, l.CSVBytes, l.JSONBytes, l.RegnearkBytes, len(f[l.CSV]), len(f[l.JSON]), len(f[l.Regneark]))
		}
		if l.Regneark != "data/"+l.Navn+"-regneark.csv" {
			t.Errorf("%s: spreadsheet variant %s", l.Navn, l.Regneark)
		}
		if n := len(readCSV(t, f[l.CSV])) - 1; n != l.Rader {
			t.Errorf("%s: index has %d rows, the CSV %d", l.Navn, l.Rader, n)
		}
	}
	want := []string{"vedtak", "vedtakspunkter", "voteringer", "planer", "tiltak", "rammer", "reguleringer", "budsjettstadier", "arsregnskap", "prosjekter", "overskridelser", "oversikter", "bevilgninger", "bevilgninger_per_ar", "rapporter", "endringer", "prognosehistorikk"}
	if !slices.Equal(got, want) {
		t.Errorf("lists %v, want %v", got, want)
	}
	if _, ok := f[idx.Datapakke]; !ok || idx.Datapakke != "data/datapackage.json" {
		t.Errorf("datapakke %q", idx.Datapakke)
	}
	for p := range f {
		if !strings.HasPrefix(p, "data/") {
			t.Errorf("%s is not under data/", p)
		}
	}
	// CSV, JSON, schema, spreadsheet variant and its schema per list,
	// datapackage.json and the Popolo votes.
	if len(f) != 5*len(want)+2 {
		t.Errorf("%d files, want %d", len(f), 5*len(want)+2)
	}
	if b, err := json.Marshal(idx); err != nil || !bytes.Contains(b, []byte(`"csv_byte":`)) {
		t.Errorf("index JSON %s, %v", b, err)
	}

	// Row counts against the model.
	punkter, tiltak, rammer, regs := 0, 0, 0, 0
	for _, v := range site.Vedtak {
		punkter += len(v.Punkter)
	}
	for _, p := range site.Planer {
		tiltak += len(p.Tiltak)
	}
	for _, o := range site.Okonomiplaner {
		for _, r := range o.Rammer {
			rammer += len(r.Vedtatt)
		}
		regs += len(o.Reguleringer)
	}
	counts := map[string]int{"vedtak": len(site.Vedtak), "vedtakspunkter": punkter, "planer": len(site.Planer), "tiltak": tiltak,
		"rammer": rammer, "reguleringer": regs, "prosjekter": len(site.Prosjekter)}
	for _, l := range idx.Lister {
		if n, ok := counts[l.Navn]; ok && n != l.Rader {
			t.Errorf("%s: %d rows, the model has %d", l.Navn, l.Rader, n)
		}
		if l.Rader == 0 {
			t.Errorf("%s: no rows from the example data", l.Navn)
		}
	}

	// A few values by hand: the example's largest project.
	rows := records(t, f["data/prosjekter.csv"])
	var nordbyen map[string]string
	for _, r := range rows {
		if r["id"] == "nordbyen-skole" {
			nordbyen = r
		}
	}
	for k, v := range map[string]string{
		"nummer": "4120", "omrade": "oppvekst", "fase": "bygging", "opprinnelig": "285000000", "justert": "326000000",
		"tillegg": "41000000", "antall_tillegg": "3", "prognose": "334000000", "prognose_kilde": "t2 2026",
		"avvik_justert": "8000000", "avvik_justert_pct": "2.5", "over_ramme": "true", "varsel": "false",
		"planlagt_ferdig": "2027-06-30", "forventet_ferdig": "2027-12-15", "forsinkelse_mnd": "6", "risiko": "gul",
		"sluttregnskap": "", "side": "prosjekter/nordbyen-skole/",
	} {
		if nordbyen[k] != v {
			t.Errorf("nordbyen-skole %s = %q, want %q", k, nordbyen[k], v)
		}
	}
}

// TestOverskridelser checks that the overrun list is exactly the projects
// over their adjusted frame, largest deviation first, with the same
// columns as the project list.
func TestOverskridelser(t *testing.T) {
	site := example(t)
	f, _ := files(t, site)
	var want []string
	for _, p := range site.Prosjekter {
		if p.OverRamme {
			want = append(want, p.ID)
		}
	}
	if len(want) < 3 {
		t.Fatalf("the example has %d projects over their frame; the test needs several", len(want))
	}
	over := readCSV(t, f["data/overskridelser.csv"])
	all := readCSV(t, f["data/prosjekter.csv"])
	if !slices.Equal(over[0], all[0]) {
		t.Errorf("overskridelser header %v, prosjekter %v", over[0], all[0])
	}
	var got []string
	last := 1e9
	for _, r := range records(t, f["data/overskridelser.csv"]) {
		got = append(got, r["id"])
		if r["over_ramme"] != "true" {
			t.Errorf("%s: over_ramme %s", r["id"], r["over_ramme"])
		}
		pct, err := strconv.ParseFloat(r["avvik_justert_pct"], 64)
		if err != nil {
			t.Errorf("%s: avvik_justert_pct %q", r["id"], r["avvik_justert_pct"])
		}
		if pct > last {
			t.Errorf("%s: avvik_justert_pct %v after %v: not largest first", r["id"], pct, last)
		}
		last = pct
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("overskridelser %v, want the over_ramme projects %v", got, want)
	}
	// Each row equals the project's row in prosjekter.
	byID := map[string][]string{}
	for _, r := range all[1:] {
		byID[r[0]] = r
	}
	for _, r := range over[1:] {
		if !slices.Equal(r, byID[r[0]]) {
			t.Errorf("%s: overskridelser row %v differs from prosjekter row %v", r[0], r, byID[r[0]])
		}
	}
}

func readCSV(tb testing.TB, data []byte) [][]string {
	tb.Helper()
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	return recs
}

func records(tb testing.TB, data []byte) []map[string]string {
	recs := readCSV(tb, data)
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// corrupt sets one CSV cell and updates the data package's bytes and hash,
// so that only the cell is wrong.
func corrupt(t *testing.T, f map[string][]byte, name string, row int, col, value string) map[string][]byte {
	t.Helper()
	out := maps.Clone(f)
	recs := readCSV(t, f["data/"+name+".csv"])
	c := slices.Index(recs[0], col)
	if c < 0 || row >= len(recs) {
		t.Fatalf("no %s row %d column %s", name, row, col)
	}
	recs[row][c] = value
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	w.WriteAll(recs)
	out["data/"+name+".csv"] = b.Bytes()

	var dp map[string]any
	if err := json.Unmarshal(f["data/datapackage.json"], &dp); err != nil {
		t.Fatal(err)
	}
	for _, r := range dp["resources"].([]any) {
		r := r.(map[string]any)
		if r["path"] == name+".csv" {
			r["bytes"] = b.Len()
			r["hash"] = hash(b.Bytes())
		}
	}
	pkg, err := json.Marshal(dp)
	if err != nil {
		t.Fatal(err)
	}
	out["data/datapackage.json"] = pkg
	return out
}

// TestValidatorFails corrupts one thing at a time and expects the
// validator to say so, so that it cannot pass silently.
func TestValidatorFails(t *testing.T) {
	f, _ := files(t, example(t))
	if p := validatePackage(f); len(p) > 0 {
		t.Fatalf("the uncorrupted files do not validate: %v", p)
	}
	punkt := records(t, f["data/vedtakspunkter.csv"])[0]
	for _, tc := range []struct {
		name     string
		files    map[string][]byte
		contains string
	}{
		{"integer", corrupt(t, f, "vedtak", 1, "punkter", "tre"), `punkter "tre" is not a integer`},
		{"number", corrupt(t, f, "prosjekter", 1, "andel_brukt", "12,5"), `andel_brukt "12,5" is not a number`},
		{"one decimal", corrupt(t, f, "prosjekter", 1, "andel_brukt", "12.50"), "exactly one decimal"},
		{"date", corrupt(t, f, "vedtak", 1, "dato", "13.03.2025"), `dato "13.03.2025" is not a date`},
		{"boolean", corrupt(t, f, "vedtakspunkter", 1, "forsinket", "ja"), `forsinket "ja" is not a boolean`},
		{"required", corrupt(t, f, "vedtak", 2, "tittel", ""), "tittel is required but empty"},
		{"enum", corrupt(t, f, "vedtakspunkter", 1, "status", "forsinket"), `status "forsinket" is not one of`},
		{"minimum", corrupt(t, f, "vedtak", 1, "apne_punkter", "-1"), "below the minimum"},
		{"unique", corrupt(t, f, "prosjekter", 2, "nummer", records(t, f["data/prosjekter.csv"])[0]["nummer"]), "nummer"},
		{"primary key", corrupt(t, f, "vedtakspunkter", 2, "nr", punkt["nr"]), "primary key"},
		{"foreign key", corrupt(t, f, "vedtakspunkter", 1, "vedtak", "kst-1999-001"), "is not a vedtak row's"},
		{"composite foreign key", corrupt(t, f, "reguleringer", 1, "ar", "1999"), "is not a rammer row's"},
		{"self reference", corrupt(t, f, "planer", 1, "overordnet", "ingen-plan"), "is not a  row's"},
		{"header", corrupt(t, f, "tiltak", 0, "fase", "phase"), "header"},
		{"json differs", corrupt(t, f, "planer", 1, "tittel", "Annen tittel"), "the CSV has"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := validatePackage(tc.files)
			if !slices.ContainsFunc(p, func(s string) bool { return strings.Contains(s, tc.contains) }) {
				t.Errorf("want a problem containing %q, got %v", tc.contains, p)
			}
		})
	}
	t.Run("hash", func(t *testing.T) {
		g := maps.Clone(f)
		g["data/vedtak.json"] = append(slices.Clone(g["data/vedtak.json"]), ' ')
		if p := validatePackage(g); len(p) == 0 {
			t.Error("a changed file with the old hash passed")
		}
	})
	t.Run("missing resource", func(t *testing.T) {
		g := maps.Clone(f)
		g["data/extra.csv"] = []byte("a\r\n")
		if p := validatePackage(g); len(p) == 0 {
			t.Error("a CSV file not in the data package passed")
		}
	})
}

func TestDeterministic(t *testing.T) {
	a, ia := files(t, example(t))
	b, ib := files(t, example(t))
	if !maps.EqualFunc(a, b, bytes.Equal) {
		for p := range a {
			if !bytes.Equal(a[p], b[p]) {
				t.Errorf("%s differs between two runs", p)
			}
		}
	}
	ja, _ := json.Marshal(ia)
	jb, _ := json.Marshal(ib)
	if !bytes.Equal(ja, jb) {
		t.Error("the index differs between two runs")
	}
}

func TestNynorsk(t *testing.T) {
	site := example(t)
	site.Kommune.Malform = "nn"
	f, _ := files(t, site)
	for _, p := range validatePackage(f) {
		t.Error(p)
	}
	for path, words := range map[string][]string{
		"data/vedtak.schema.json":     {"Namnet på utvalet", "Talet på nummererte vedtakspunkt"},
		"data/prosjekter.schema.json": {"Opphavleg kostnadsramme", "Venta ferdig"},
		"data/datapackage.json":       {"Opne data frå Eksempelvik kommune", "Investeringsprosjekt", "oppdikta"},
	} {
		for _, w := range words {
			if !bytes.Contains(f[path], []byte(w)) {
				t.Errorf("%s: no %q in nynorsk", path, w)
			}
		}
	}
	nb, _ := files(t, example(t))
	if !bytes.Contains(nb["data/vedtak.schema.json"], []byte("Utvalgets navn")) {
		t.Error("bokmål schema lacks \"Utvalgets navn\"")
	}
}

func TestDataPackage(t *testing.T) {
	f, _ := files(t, example(t))
	var dp dpPackage
	if err := json.Unmarshal(f["data/datapackage.json"], &dp); err != nil {
		t.Fatal(err)
	}
	if dp.Name != "eksempelvik-kommune" || dp.Title != "Åpne data fra Eksempelvik kommune" {
		t.Errorf("name %q title %q", dp.Name, dp.Title)
	}
	if len(dp.Licenses) != 1 || dp.Licenses[0] != (dpLicense{Name: "NLOD-2.0", Title: "NLOD 2.0", Path: "https://data.norge.no/nlod/no/2.0"}) {
		t.Errorf("licenses %+v", dp.Licenses)
	}
	csvs, jsons, sheets := 0, 0, 0
	for _, r := range dp.Resources {
		switch {
		case r.Format == "csv" && strings.HasSuffix(r.Name, "-regneark"):
			sheets++
			if r.Dialect == nil || r.Dialect.Delimiter != ";" || r.Schema != r.Name+".schema.json" {
				t.Errorf("%s: dialect %+v, schema %s", r.Name, r.Dialect, r.Schema)
			}
		case r.Format == "csv":
			csvs++
			if r.Dialect != nil {
				t.Errorf("%s: the data CSV has a dialect %+v", r.Name, *r.Dialect)
			}
		case r.Format == "json" && r.Name != "voteringer-popolo":
			jsons++
		}
	}
	if csvs != 17 || jsons != 17 || sheets != 17 {
		t.Errorf("%d CSV, %d JSON and %d spreadsheet resources, want 17 of each", csvs, jsons, sheets)
	}
}

// TestSynthetic validates the downloads of a small synthetic kommune, whose
// data is shaped differently from the example's.
func TestSynthetic(t *testing.T) {
	if testing.Short() {
		t.Skip("synthetic kommune")
	}
	site := compileFS(t, synth.FS(synth.Size{Vedtak: 400, Prosjekter: 40, Planer: 5, Seed: 3}))
	f, _ := files(t, site)
	for _, p := range validatePackage(f) {
		t.Error(p)
	}
}

// BenchmarkFiles measures the downloads of a synthetic kommune of 5 000
// vedtak and 500 projects.
//
//	go test ./tools/export -run '^$' -bench Files -benchmem
func BenchmarkFiles(b *testing.B) {
	site := compileFS(b, synth.FS(synth.Size{Vedtak: 5000, Prosjekter: 500, Planer: 20, Seed: 1}))
	b.ResetTimer()
	var n int
	for b.Loop() {
		f, _, err := Files(site)
		if err != nil {
			b.Fatal(err)
		}
		n = 0
		for _, d := range f {
			n += len(d)
		}
	}
	b.ReportMetric(float64(n), "bytes/op-out")
}

var docRow = regexp.MustCompile("^\\| `([a-z0-9_]+)` \\| ([a-z]+) \\| (yes|no) \\|")

// TestDocs checks that docs/downloads.md has a table per list with every
// column in order, its type and whether it is always filled.
func TestDocs(t *testing.T) {
	doc, err := os.ReadFile("../../docs/downloads.md")
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string][]string{}
	name := ""
	for line := range strings.SplitSeq(string(doc), "\n") {
		if strings.HasPrefix(line, "#") {
			name = ""
			if n, ok := strings.CutPrefix(line, "### `"); ok {
				name = strings.TrimSuffix(n, "`")
				sections[name] = []string{}
			}
			continue
		}
		if name != "" && docRow.MatchString(line) {
			m := docRow.FindStringSubmatch(line)
			sections[name] = append(sections[name], m[1]+" "+m[2]+" "+m[3])
		}
	}
	tabs := tables(example(t))
	byName := map[string]*table{}
	for _, tb := range tabs {
		byName[tb.name] = tb
	}
	for _, tb := range tabs {
		got, ok := sections[tb.name]
		if !ok {
			t.Errorf("docs/downloads.md has no section ### `%s`", tb.name)
			continue
		}
		if tb.name == listOverskridelser {
			// Documented by reference to prosjekter: the columns must be the same.
			if len(got) != 0 || !slices.EqualFunc(tb.fields, byName[listProsjekter].fields, func(a, b field) bool { return a.name == b.name }) {
				t.Errorf("overskridelser: documented as the columns of prosjekter, which differ or have their own table")
			}
			continue
		}
		var want []string
		for _, f := range tb.fields {
			always := "no"
			if f.required {
				always = "yes"
			}
			want = append(want, f.name+" "+f.typ+" "+always)
		}
		if !slices.Equal(got, want) {
			t.Errorf("docs/downloads.md, %s:\n got %q\nwant %q", tb.name, got, want)
		}
	}
}
