package moter

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/cputime"
	"github.com/openkommune/portal/tools/einnsyn"
	"github.com/openkommune/portal/tools/load"
)

const innsyn = "https://innsyn.eksempelvik.kommune.no/sak/{saksaar2}-{sakssekvensnummer}"

// copyData copies the example data directory into a temporary one.
func copyData(t testing.TB) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "data")
	err := filepath.WalkDir("../../data", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("../../data", p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// snapshot reads every file under dir.
func snapshot(t testing.TB, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			m[p] = string(b)
		}
		return nil
	})
	return m
}

func importFile(t testing.TB, data, fixture string) *Result {
	t.Helper()
	src, err := os.ReadFile("../../testdata/einnsyn/" + fixture)
	if err != nil {
		t.Fatal(err)
	}
	ex, d := einnsyn.Read(fixture, src)
	if d.Errors() > 0 {
		t.Fatalf("read: %v", d.Sorted())
	}
	res, d := Plan(ex, fixture, Options{Data: data, Prefix: "data", Innsyn: innsyn})
	if res == nil {
		t.Fatalf("plan: %v", d.Sorted())
	}
	if err := res.Apply(); err != nil {
		t.Fatal(err)
	}
	return res
}

func checkData(t *testing.T, data string) {
	t.Helper()
	set, diags := load.Load(os.DirFS(data), "data")
	check.Check(set, diags)
	if diags.Errors() > 0 {
		var b strings.Builder
		diags.Print(&b)
		t.Fatalf("the imported data does not pass check:\n%s", b.String())
	}
}

// TestImportFixtures imports both fixtures into the example data: the data
// passes check, a second import changes no byte, and the hand-made parts
// of an existing vedtak are as they were.
func TestImportFixtures(t *testing.T) {
	data := copyData(t)
	before := snapshot(t, data)
	r1 := importFile(t, data, "kst-2026-09-17.jsonld")
	r2 := importFile(t, data, "fsk-2026-10-15.xml")
	checkData(t, data)

	var paths []string
	for _, c := range append(r1.Changes, r2.Changes...) {
		paths = append(paths, fmt.Sprintf("%s new=%v", c.Path, c.New))
	}
	want := "data/vedtak/2026/kst-2026-068.toml new=false data/vedtak/2026/kst-2026-069.toml new=true data/vedtak/2026/fsk-2026-045.toml new=true data/vedtak/2026/fsk-2026-046.toml new=true"
	if strings.Join(paths, " ") != want {
		t.Errorf("changes %s\nwant    %s", strings.Join(paths, " "), want)
	}
	if len(r1.NoVedtak) != 1 || r1.NoVedtak[0].Saksnummer() != "071/26" || len(r2.NoVedtak) != 1 {
		t.Errorf("no vedtak: %+v %+v", r1.NoVedtak, r2.NoVedtak)
	}
	if len(r2.Unknown) != 1 || r2.Unknown[0].Suggestion() != "[[utvalg]]\nkode = \"ELD\"\nnavn = \"Eldrerådet\"\n" || r2.Unknown[0].Saker[0] != "012/26" {
		t.Errorf("unknown utvalg: %+v", r2.Unknown)
	}

	// The existing vedtak changed in its one imported line only.
	f := filepath.Join(data, "vedtak", "2026", "kst-2026-068.toml")
	old, now := before[f], snapshot(t, data)[f]
	if d := lineDiff(old, now); d != "-Fristen i utslippstillatelsen er 31. desember 2027. Anlegget ventes i drift i mars 2027.\n+Fristen i utslippstillatelsen er 31. desember 2027. Anlegget ventes i drift i april 2027.\n" {
		t.Errorf("kst-2026-068 diff:\n%s", d)
	}
	for p, b := range before {
		if p != f && snapshot(t, data)[p] != b {
			t.Errorf("%s changed", p)
		}
	}

	// Again: nothing written, every file as it was.
	after := snapshot(t, data)
	r1 = importFile(t, data, "kst-2026-09-17.jsonld")
	r2 = importFile(t, data, "fsk-2026-10-15.xml")
	if len(r1.Changes)+len(r2.Changes) != 0 || len(r1.Unchanged) != 2 || len(r2.Unchanged) != 2 {
		t.Errorf("second import: changes %v %v, unchanged %v %v", r1.Changes, r2.Changes, r1.Unchanged, r2.Unchanged)
	}
	if again := snapshot(t, data); fmt.Sprint(again) != fmt.Sprint(after) {
		t.Errorf("a second import changed files")
	}
}

// lineDiff lists the lines of a and b that differ, in order (enough for
// files that differ in a few lines that keep their places).
func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out strings.Builder
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			fmt.Fprintf(&out, "-%s\n+%s\n", x, y)
		}
	}
	return out.String()
}

// TestHandAddedKept: what staff add to an imported vedtak (points and
// follow-up, links, comments, a key order of their own) survives a
// re-import with a changed title, and only the title's line changes.
func TestHandAddedKept(t *testing.T) {
	data := copyData(t)
	importFile(t, data, "fsk-2026-10-15.xml")
	f := filepath.Join(data, "vedtak", "2026", "fsk-2026-045.toml")
	b, _ := os.ReadFile(f)
	hand := strings.Replace(string(b), "tekst = \"\"\"", "# Staff: see also the plan.\nrammeomrader = [\"kultur\"] # checked\ntekst = \"\"\"", 1) +
		"\n[[punkt]]\nnr = 1\ntekst = \"Retningslinjene gjøres kjent for lagene.\"\nansvarlig = \"Kultur\"\nfrist = 2026-12-01\n\n[[punkt.oppfolging]]\ndato = 2026-10-20\nstatus = \"under_arbeid\"\ntekst = \"Sendt til lagene.\"\nrapportert_i = \"2. tertial 2026\"\n"
	omr, _ := os.ReadFile(filepath.Join(data, "rammeomrader.toml"))
	if !bytes.Contains(omr, []byte(`id = "kultur"`)) {
		hand = strings.Replace(hand, `["kultur"]`, `["oppvekst"]`, 1)
	}
	os.WriteFile(f, []byte(hand), 0o644)

	src, _ := os.ReadFile("../../testdata/einnsyn/fsk-2026-10-15.xml")
	changed := bytes.Replace(src, []byte("<offentligTittel>Tilskudd til lag og foreninger 2027 – retningslinjer</offentligTittel>"), []byte("<offentligTittel>Tilskudd til lag og foreninger 2027 – nye retningslinjer</offentligTittel>"), 1)
	tmp := filepath.Join(t.TempDir(), "x.xml")
	os.WriteFile(tmp, changed, 0o644)
	ex, d := einnsyn.Read("x.xml", changed)
	if d.Errors() > 0 {
		t.Fatal(d.Sorted())
	}
	res, d := Plan(ex, "x.xml", Options{Data: data, Prefix: "data", Innsyn: innsyn})
	if res == nil {
		t.Fatal(d.Sorted())
	}
	res.Apply()
	checkData(t, data)
	now, _ := os.ReadFile(f)
	if d := lineDiff(hand, string(now)); d != "-tittel = \"Tilskudd til lag og foreninger 2027 – retningslinjer\"\n+tittel = \"Tilskudd til lag og foreninger 2027 – nye retningslinjer\"\n" {
		t.Errorf("diff:\n%s", d)
	}
}

// TestErrorWritesNothing: an import whose result would not pass check
// (a point due before the meeting the export moves) writes no file.
func TestErrorWritesNothing(t *testing.T) {
	data := copyData(t)
	before := snapshot(t, data)
	src, _ := os.ReadFile("../../testdata/einnsyn/kst-2026-09-17.jsonld")
	moved := bytes.Replace(src, []byte("2026-09-17T18:00:00.000+02:00"), []byte("2026-10-20T18:00:00.000+02:00"), 1)
	ex, d := einnsyn.Read("k.jsonld", moved)
	if d.Errors() > 0 {
		t.Fatal(d.Sorted())
	}
	res, d := Plan(ex, "k.jsonld", Options{Data: data, Prefix: "data"})
	if res != nil {
		t.Fatalf("planned despite errors")
	}
	var got []string
	for _, x := range d.Sorted() {
		got = append(got, x.String())
	}
	want := []string{
		"data/vedtak/2026/kst-2026-068.toml:43:1: error: punkt[2].frist: the due date 2026-10-15 is before the meeting 2026-10-20: a point cannot be due before it was decided",
		"k.jsonld:1:1: error: with the imported files the data has 4 error(s) (listed above), so nothing is written",
	}
	joined := strings.Join(got, "\n")
	for _, w := range want {
		if !strings.Contains(joined, w) {
			t.Errorf("missing %q in\n%s", w, joined)
		}
	}
	if fmt.Sprint(snapshot(t, data)) != fmt.Sprint(before) {
		t.Errorf("files were written")
	}
}

// BenchmarkImportYear imports a year of møtedata for a large kommune:
// 2 000 møtesaker in 100 meetings of one utvalg, each with a saksmappe,
// a journalpost and a vedtak, in the JSON-LD fixture's shape; the first
// import writes 2 000 files, and every iteration plans from scratch.
func BenchmarkImportYear(b *testing.B) {
	src := yearJSONLD(2000)
	cpu := cputime.Used()
	defer func() { b.ReportMetric(float64((cputime.Used()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op") }()
	for b.Loop() {
		b.StopTimer()
		data := copyData(b)
		b.StartTimer()
		ex, d := einnsyn.Read("year.jsonld", src)
		if d.Errors() > 0 {
			b.Fatal(d.Sorted())
		}
		res, d := Plan(ex, "year.jsonld", Options{Data: data, Prefix: "data", Innsyn: innsyn})
		if res == nil {
			b.Fatal(d.Sorted()[:3])
		}
		if err := res.Apply(); err != nil {
			b.Fatal(err)
		}
		if len(res.Changes) != 2000 {
			b.Fatalf("%d changes", len(res.Changes))
		}
	}
}

// yearJSONLD makes n møtesaker of utvalg HOV in 2025 (before the example's
// reference date), 20 to a meeting.
func yearJSONLD(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"@context": {"@base": "http://data.eksempelvik.kommune.no/noark5/", "arkiv": "http://www.arkivverket.no/standarder/noark5/arkivstruktur/", "xsd": "http://www.w3.org/2001/XMLSchema#"}, "@graph": [`)
	for i := 0; i < n; i++ {
		if i%20 == 0 {
			if i > 0 {
				b.WriteString(",")
			}
			day := 1 + i/20
			fmt.Fprintf(&b, `{"@id": "mm-%d", "@type": "arkiv:Moetemappe", "arkiv:utvalg": "Hovedutvalg for oppvekst og velferd", "arkiv:moetedato": {"@type": "xsd:dateTime", "@value": "2025-%02d-%02dT18:00:00.000+01:00"}, "arkiv:offentligTittel": "Møte %d"}`, i, 1+day%12, 1+day%28, day)
		}
		fmt.Fprintf(&b, `,{"@id": "sm-%d", "@type": "arkiv:Saksmappe", "arkiv:saksaar": {"@type": "xsd:integer", "@value": "2025"}, "arkiv:sakssekvensnummer": {"@type": "xsd:integer", "@value": "%d"}, "arkiv:offentligTittel": "Sak %d"}`, i, 5000+i, i)
		fmt.Fprintf(&b, `,{"@id": "jp-%d", "@type": "arkiv:Journalpost", "arkiv:journalposttype": {"@id": "arkiv:saksframlegg"}, "arkiv:parent": {"@id": "sm-%d"}, "arkiv:offentligTittel": "Saksframlegg %d"}`, i, i, i)
		fmt.Fprintf(&b, `,{"@id": "ms-%d", "@type": "arkiv:Møtesaksregistrering", "arkiv:møtesaksår": {"@type": "xsd:integer", "@value": "2025"}, "arkiv:møtesakssekvensnummer": {"@type": "xsd:integer", "@value": "%d"}, "arkiv:møtesakstype": {"@id": "arkiv:politiskSak"}, "arkiv:offentligTittel": "Møtesak nummer %d om skole og barnehage", "arkiv:parent": {"@id": "mm-%d"}, "arkiv:referanseTilMøtesak": {"@id": "jp-%d"}, "arkiv:vedtak": {"@id": "v-%d", "@type": "arkiv:Vedtak", "arkiv:endeligVedtak": "Hovedutvalget vedtar innstillingen i sak %d.\n\nKommunedirektøren bes følge opp vedtaket og rapportere i neste tertialrapport."}}`, i, 100+i, i, i/20*20, i, i, i)
	}
	b.WriteString("]}")
	return b.Bytes()
}
