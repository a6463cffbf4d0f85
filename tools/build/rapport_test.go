package build_test

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/build"
	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/model"
)

var (
	tagRE       = regexp.MustCompile(`<[^>]*>`)
	spaceRE     = regexp.MustCompile(`\s+`)
	changeRowRE = regexp.MustCompile(`(?s)<tr data-type="([a-z_]+)">(.*?)</tr>`)
)

// text is HTML as a reader sees it: tags removed, entities decoded, no-break
// spaces and runs of white space as one space.
func text(s string) string {
	s = html.UnescapeString(tagRE.ReplaceAllString(s, " "))
	s = strings.ReplaceAll(s, "\u00a0", " ")
	return strings.TrimSpace(spaceRE.ReplaceAllString(s, " "))
}

// changeRows returns the rows of the changes table with id in a page, as
// "type: text of the row".
func changeRows(t *testing.T, page, id string) []string {
	t.Helper()
	i := strings.Index(page, `id="`+id+`"`)
	if i < 0 {
		t.Fatalf("no table %s", id)
	}
	table := page[i:]
	table = table[:strings.Index(table, "</table>")]
	var out []string
	for _, m := range changeRowRE.FindAllStringSubmatch(table, -1) {
		out = append(out, m[1]+": "+text(m[2]))
	}
	return out
}

// TestReportPages builds a kommune with three reports, and one change of
// every kind between the two 2026 tertials, with the real Hugo, and checks
// every line of the report page with its figures, in order of kroner; the
// sections on the project, plan and area pages; the overrun list's since
// when, total raise and order; the forecast history; the CSV and the Atom
// entry; and the same in nynorsk.
func TestReportPages(t *testing.T) {
	data := writeData(t, "../../testdata/base.txtar", "testdata/rapporter.txtar")
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, data, out, "/"); err != nil {
		t.Fatal(err)
	}
	page := read(t, filepath.Join(out, "rapporter/2026-t2/index.html"))
	want := []string{
		// Largest change in kroner first: 140 → 150.5 mill. is +10.5 mill., 7.5 %.
		"prognose: Prognose endret 4120 Nordbyen skole – nybygg 140 000 000 kr 150 500 000 kr +10 500 000 kr +7,5 %",
		// The frame by 20 September 2026 is 130 + 12 mill.: 8.5 mill. over it.
		"overskridelse_ny: Ny overskridelse 4120 Nordbyen skole – nybygg 140 000 000 kr 150 500 000 kr +10 500 000 kr +7,5 % ramme 142 000 000 kr, 8 500 000 kr over rammen",
		"omrade_prognose: Prognose for rammeområdet endret Helse og omsorg 104 000 000 kr 106 500 000 kr +2 500 000 kr +2,4 % prognose for 2026",
		// The frame was raised by 6 mill. on 18 June 2026: 54 mill. is 2 mill. within 56.
		"overskridelse_slutt: Ikke lenger over rammen 4130 Testvik hall 53 000 000 kr 54 000 000 kr +1 000 000 kr +1,9 % ramme 56 000 000 kr, 2 000 000 kr innenfor rammen",
		// Equal in kroner: by id.
		"prognose: Prognose endret 4140 Sørveien 25 000 000 kr 26 000 000 kr +1 000 000 kr +4,0 %",
		"prognose: Prognose endret 4130 Testvik hall 53 000 000 kr 54 000 000 kr +1 000 000 kr +1,9 %",
		"fase: Ny fase 4120 Nordbyen skole – nybygg – – – – Detaljprosjekt → Bygging",
		"ferdig: Forventet ferdig flyttet 4120 Nordbyen skole – nybygg – – – – 15. januar 2027 → 15. mai 2027 (4 måneder senere)",
		"risiko: Risiko endret 4120 Nordbyen skole – nybygg – – – – Lav risiko (grønn) → Middels risiko (gul)",
		"punkt_fullfort: Vedtakspunkt fullført KST 090/24 Handlings- og økonomiplan 2025–2028 og årsbudsjett 2025 , Punkt 2 – – – – Under arbeid → Fullført",
		"punkt_nytt: Nytt vedtakspunkt KST 050/26 Tilleggsbevilgning til Testvik hall , Punkt 1 – – – – frist 1. september 2026",
		"punkt_forsinket: Vedtakspunkt ble forsinket KST 090/24 Handlings- og økonomiplan 2025–2028 og årsbudsjett 2025 , Punkt 1 – – – – frist 30. juni 2026; Under arbeid",
		"punkt_forsinket: Vedtakspunkt ble forsinket KST 050/26 Tilleggsbevilgning til Testvik hall , Punkt 1 – – – – frist 1. september 2026; Ikke startet",
		"tiltak_fase: Tiltak i ny fase Kommuneplanens samfunnsdel 2023–2035 Ny barneskole i Nordbyen – – – – Innarbeides i økonomiplanen → Gjennomføring",
	}
	got := changeRows(t, page, "endringer-tabell")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rapporter/2026-t2/ changes:\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, w := range []string{"<h1>2. tertialrapport 2026</h1>", "Endringer siden 1. tertialrapport 2026", `href="https://www.testvik.kommune.no/tertialrapport-2-2026.pdf"`, `href="/vedtak/kst-2026-070/"`, `href="/rapporter/2026-t1/"`, `href="/data/endringer.csv"`} {
		if !strings.Contains(page, w) {
			t.Errorf("rapporter/2026-t2/ lacks %q", w)
		}
	}
	// The first report has nothing to compare with.
	assertContains(t, out, "rapporter/2025-t1/index.html", "den første rapporten i portalen")
	assertContains(t, out, "rapporter/index.html", `href="/rapporter/2026-t2/"`, `href="/feed/rapporter.xml"`)

	// Each project, plan and area page has its own changes at the latest report.
	prosjekt := read(t, filepath.Join(out, "prosjekter/nordbyen-skole/index.html"))
	if rows := changeRows(t, prosjekt, "endringer-tabell-prosjekt"); len(rows) != 5 || !strings.HasPrefix(rows[1], "overskridelse_ny:") {
		t.Errorf("project page's changes: %q", rows)
	}
	assertContains(t, out, "planer/samfunnsdel/index.html", "Innarbeides i økonomiplanen → Gjennomføring", "Endringer fra 1. tertialrapport 2026 til 2. tertialrapport 2026")
	area := read(t, filepath.Join(out, "rammeomrader/helse/index.html"))
	if rows := changeRows(t, area, "endringer-tabell-prosjekt"); len(rows) != 3 || !strings.HasPrefix(rows[0], "omrade_prognose:") {
		t.Errorf("area page's changes (its forecast and Testvik hall's): %q", rows)
	}

	// The forecast history: a row per report with the frame then, and
	// since when the project is over.
	sorvei := read(t, filepath.Join(out, "prosjekter/sorvei/index.html"))
	for _, w := range []string{"Prognosen har vært over rammen siden 1. tertialrapport 2026.", `class="chart chart--prognose"`, `href="/data/prognosehistorikk.csv"`} {
		if !strings.Contains(sorvei, w) {
			t.Errorf("prosjekter/sorvei/ lacks %q", w)
		}
	}
	hist := text(sorvei[strings.Index(sorvei, `id="prognose-tabell"`):])
	if !strings.Contains(hist, "1. tertialrapport 2025 19 000 000 kr 20 000 000 kr −1 000 000 kr 1. tertialrapport 2026 25 000 000 kr 20 000 000 kr +5 000 000 kr Over kostnadsrammen 2. tertialrapport 2026 26 000 000 kr 20 000 000 kr +6 000 000 kr") {
		t.Errorf("forecast history table: %.400s", hist)
	}

	// The overrun list: growth against the original frame in kroner first
	// (Nordbyen +20.5 mill. before Sørveien +6 mill., though Sørveien's
	// 30 % is the larger per cent), since when, and the raise with its vedtak.
	overPage := read(t, filepath.Join(out, "overskridelser/index.html"))
	overTable := overPage[strings.Index(overPage, `id="over"`):strings.Index(overPage, `id="portefolje"`)]
	i, j := strings.Index(overTable, `href="/prosjekter/nordbyen-skole/"`), strings.Index(overTable, `href="/prosjekter/sorvei/"`)
	over := text(overTable)
	if i < 0 || j < 0 || i > j {
		t.Errorf("overrun list: Nordbyen at %d, Sørveien at %d; want both, Nordbyen first", i, j)
	}
	for _, w := range []string{
		"Nordbyen skole – nybygg over varslingsgrensen Prognose fra: 2. tertial 2026 Over rammen siden: 2. t. 2026 Rammen økt med 12,0 mill. kr : KST 030/25 130,0 mill. kr 142,0 mill. kr 150,5 mill. kr +8,5 mill. kr +6,0 % +20,5 mill. kr 15,8 %",
		"Sørveien over varslingsgrensen Prognose fra: 2. tertial 2026 Over rammen siden: 1. t. 2026 20,0 mill. kr 20,0 mill. kr 26,0 mill. kr +6,0 mill. kr +30,0 % +6,0 mill. kr 30,0 %",
	} {
		if !strings.Contains(over, w) {
			t.Errorf("overrun list lacks %q", w)
		}
	}

	// One CSV row per change, in the page's order, with the numbers.
	csv := read(t, filepath.Join(out, "data/endringer.csv"))
	for _, w := range []string{
		"rapport,nr,forrige,type,om,om_navn,del,fra,til,endring,endring_pct,ramme,over_ramme,fra_kode,til_kode,fra_dato,til_dato,maneder,frist,budsjettar,side\r\n",
		"2026-t2,1,2026-t1,prognose,nordbyen-skole,Nordbyen skole – nybygg,,140000000,150500000,10500000,7.5,,,,,,,,,,prosjekter/nordbyen-skole/\r\n",
		"2026-t2,2,2026-t1,overskridelse_ny,nordbyen-skole,Nordbyen skole – nybygg,,140000000,150500000,10500000,7.5,142000000,8500000,,,,,,,,prosjekter/nordbyen-skole/\r\n",
		"2026-t2,4,2026-t1,overskridelse_slutt,testvik-hall,Testvik hall,,53000000,54000000,1000000,1.9,56000000,-2000000,,,,,,,,prosjekter/testvik-hall/\r\n",
		"2026-t2,8,2026-t1,ferdig,nordbyen-skole,Nordbyen skole – nybygg,,,,,,,,,,2027-01-15,2027-05-15,4,,,prosjekter/nordbyen-skole/\r\n",
		"2026-t2,12,2026-t1,punkt_forsinket,kst-2024-090,Handlings- og økonomiplan 2025–2028 og årsbudsjett 2025,1,,,,,,,,under_arbeid,,,,2026-06-30,,vedtak/kst-2024-090/#punkt-1\r\n",
		"2026-t2,14,2026-t1,tiltak_fase,samfunnsdel/t1,Ny barneskole i Nordbyen,t1,,,,,,,okonomiplan,gjennomforing,,,,,,planer/samfunnsdel/#tiltak-t1\r\n",
	} {
		if !strings.Contains(csv, w) {
			t.Errorf("endringer.csv lacks %q", w)
		}
	}
	// The Atom entry summarises the report.
	feed := read(t, filepath.Join(out, "feed/rapporter.xml"))
	for _, w := range []string{"<title type=\"text\">2. tertialrapport 2026</title>", "Ny overskridelse: 1", "Størst i kroner: Nordbyen skole – nybygg: prognose endret +10", "Behandlet i KST 070/26"} {
		if !strings.Contains(strings.ReplaceAll(feed, "\u00a0", " "), w) {
			t.Errorf("feed/rapporter.xml lacks %q", w)
		}
	}
}

// TestReportPagesNynorsk: the report pages speak nynorsk in a nynorsk kommune.
func TestReportPagesNynorsk(t *testing.T) {
	data := writeData(t, "../../testdata/base.txtar", "testdata/rapporter.txtar")
	k := filepath.Join(data, "kommune.toml")
	if err := os.WriteFile(k, []byte(strings.Replace(read(t, k), `malform = "nb"`, `malform = "nn"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, data, out, "/"); err != nil {
		t.Fatal(err)
	}
	page := read(t, filepath.Join(out, "rapporter/2026-t2/index.html"))
	got := changeRows(t, page, "endringer-tabell")
	for _, w := range []string{
		"overskridelse_slutt: Ikkje lenger over ramma 4130 Testvik hall 53 000 000 kr 54 000 000 kr +1 000 000 kr +1,9 % ramme 56 000 000 kr, 2 000 000 kr innanfor ramma",
		"ferdig: Forventa ferdig flytta 4120 Nordbyen skole – nybygg – – – – 15. januar 2027 → 15. mai 2027 (4 månader seinare)",
	} {
		found := false
		for _, g := range got {
			found = found || g == w
		}
		if !found {
			t.Errorf("nynorsk report page lacks the row %q; rows:\n%s", w, strings.Join(got, "\n"))
		}
	}
	assertContains(t, out, "rapporter/2026-t2/index.html", "Kva endra seg", "Endringar sidan 1. tertialrapport 2026")
	assertContains(t, out, "prosjekter/sorvei/index.html", "Prognosen har vore over ramma sidan 1. tertialrapport 2026.")
}

// TestExampleReports: the example kommune has two 2026 tertials between
// which at least two projects change, one crosses its frame, points are
// completed and become late, a project changes stage and a tiltak phase.
func TestExampleReports(t *testing.T) {
	set, diags := build.Check(os.DirFS(filepath.Join(root, "data")), "data")
	if diags.Errors() > 0 {
		t.Fatal("the example data has errors")
	}
	site := compile.Compile(set)
	var t2 *model.Rapport
	for _, r := range site.Rapporter {
		if r.ID == "2026-t2" {
			t2 = r
		}
	}
	if t2 == nil || t2.Forrige == nil || t2.Forrige.ID != "2026-t1" {
		t.Fatalf("no 2026-t2 after 2026-t1 in the example")
	}
	kinds := map[string]int{}
	projects := map[string]bool{}
	for _, e := range t2.Endringer {
		kinds[e.Type]++
		if strings.HasPrefix(e.Om.Path, "prosjekter/") {
			projects[e.Om.ID] = true
		}
	}
	for _, k := range []string{"overskridelse_ny", "prognose", "fase", "ferdig", "risiko", "punkt_fullfort", "punkt_nytt", "punkt_forsinket", "tiltak_fase", "omrade_prognose"} {
		if kinds[k] == 0 {
			t.Errorf("the example's 2026-t2 has no change of kind %s", k)
		}
	}
	if len(projects) < 2 {
		t.Errorf("the example's 2026-t2 changes %d projects, want at least 2", len(projects))
	}
}
