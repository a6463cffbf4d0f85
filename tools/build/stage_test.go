package build_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// adoptedWord is every form of "adopted" the site writes, in bokmål and
// nynorsk, and the council's act of adopting.
var adoptedWord = regexp.MustCompile(`(?i)\b(vedtatt|vedtatte|vedteke|vedteken|vedtekne|vedtok)\b`)

// TestForslagNeverAdopted builds a kommune whose newest økonomiplan is a
// forslag only (testdata/stages/forslag-only.txtar) with the real Hugo, and
// reads every page and download: wherever one of the forslag's figures
// appears, nothing near it says the figure was adopted; the home page's key
// figure never comes from it; the plan's page names the stage and the
// source's unit, shows the printed sum, and links the forslag's document.
func TestForslagNeverAdopted(t *testing.T) {
	data := writeData(t, "../../testdata/base.txtar", "../../testdata/stages/forslag-only.txtar")
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, data, out, "https://example.github.io/portal/"); err != nil {
		t.Fatal(err)
	}
	nbsp := "\u00a0"
	// The forslag's figures as the site and the downloads write them.
	var figures []string
	for _, n := range []string{"777 777 000", "777 778 000", "777 779 000", "777 780 000", "333 331 000", "333 332 000", "333 330 000", "1 111 109 000", "1 111 108 000"} {
		figures = append(figures, strings.ReplaceAll(n, " ", nbsp)+nbsp+"kr", strings.ReplaceAll(n, " ", ""))
	}
	figures = append(figures, "777,8"+nbsp+"mill.", "333,3"+nbsp+"mill.", "1"+nbsp+"111,1"+nbsp+"mill.")
	found := figuresNeverAdopted(t, out, figures, "the forslag's")
	for _, want := range []string{"okonomiplan/2026-2029/index.html", "data/budsjettstadier.csv", "data/budsjettstadier.json"} {
		if !found[filepath.FromSlash(want)] {
			t.Errorf("%s does not show the forslag's figures (found in %v)", want, found)
		}
	}
	if found["index.html"] {
		t.Error("the home page shows a figure of the forslag")
	}
	// The home page's key figure is the adopted plan's 2026 (regulated:
	// the base plan has no regulering in 2026).
	assertContains(t, out, "index.html", "303"+nbsp+"000"+nbsp+"000"+nbsp+"kr")
	assertContains(t, out, "okonomiplan/2026-2029/index.html",
		"Kommunedirektørens forslag",
		"Kilde: tabeller i 1"+nbsp+"000"+nbsp+"kr",
		"1"+nbsp+"111"+nbsp+"109"+nbsp+"000"+nbsp+"kr", // the printed sum of 2026, not the rows' 1 111 108 000
		`href="https://example.org/hop-2026-2029/forslag.pdf"`)
	assertContains(t, out, "kontroll/index.html", "1"+nbsp+"111"+nbsp+"108"+nbsp+"000"+nbsp+"kr", "2"+nbsp+"000"+nbsp+"kr")
	for _, rel := range []string{"data/rammer.csv", "data/reguleringer.csv"} {
		if strings.Contains(read(t, filepath.Join(out, rel)), "2026-2029") {
			t.Errorf("%s has rows of the forslag: rammer and reguleringer are of adopted plans only", rel)
		}
	}
}

// figuresNeverAdopted finds the files of the built site out (pages and
// downloads) that show any of figures, and fails on each part of a file
// (units) that shows one beside a word saying adopted; what names whose
// figures they are in the message.
func figuresNeverAdopted(t *testing.T, out string, figures []string, what string) map[string]bool {
	t.Helper()
	found := map[string]bool{}
	err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(path) {
		case ".html", ".csv", ".json", ".xml", ".svg", ".txt":
		default:
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, path)
		for _, unit := range units(rel, string(b)) {
			for _, f := range figures {
				if !strings.Contains(unit, f) {
					continue
				}
				found[rel] = true
				if w := adoptedWord.FindString(unit); w != "" {
					t.Errorf("%s: %s figure %q is in a part that says %q:\n%.600s", rel, what, f, w, unit)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// units splits a file into the parts a figure is read with: the rows of a
// CSV or of a download's JSON, and for a page each table row
// with its table's caption and headings, each definition list and each
// paragraph, heading or list item.
func units(rel, s string) []string {
	switch filepath.Ext(rel) {
	case ".csv", ".json": // the downloads' JSON has a row per line
		return strings.Split(s, "\n")
	case ".html":
		var out []string
		for _, table := range tableRE.FindAllString(s, -1) {
			head := strings.Join(headRE.FindAllString(table, -1), "\n")
			for _, row := range rowRE.FindAllString(table, -1) {
				out = append(out, head+"\n"+row)
			}
		}
		for _, re := range []*regexp.Regexp{dlRE, blockRE} {
			out = append(out, re.FindAllString(s, -1)...)
		}
		return out
	}
	return []string{s}
}

var (
	tableRE = regexp.MustCompile(`(?s)<table.*?</table>`)
	headRE  = regexp.MustCompile(`(?s)<caption.*?</caption>|<thead.*?</thead>`)
	rowRE   = regexp.MustCompile(`(?s)<tr\b.*?</tr>`)
	dlRE    = regexp.MustCompile(`(?s)<dl.*?</dl>`)
	blockRE = regexp.MustCompile(`(?s)<(p|li|h[1-6]|figcaption|title)\b.*?</(p|li|h[1-6]|figcaption|title)>`)
)

// TestUkjentIkkeOppgitt builds a kommune with a project and a historic
// vedtak whose source does not give some fields (testdata/bad/ukjent-info:
// information, not errors): the build goes on, and the pages say "ikke
// oppgitt" where the value would be, never "ukjent" or an empty cell.
func TestUkjentIkkeOppgitt(t *testing.T) {
	data := writeData(t, "../../testdata/base.txtar", "../../testdata/bad/ukjent-info.txtar")
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, data, out, "https://example.github.io/portal/"); err != nil {
		t.Fatal(err)
	}
	page := read(t, filepath.Join(out, "prosjekter/vei/index.html"))
	for _, label := range []string{"Nr.", "Rammeområde", "Ansvarlig"} {
		re := regexp.MustCompile(`<dt>` + label + `</dt><dd><span class="muted">ikke oppgitt</span></dd>`)
		if !re.MatchString(page) {
			t.Errorf("prosjekter/vei: %s is not shown as ikke oppgitt", label)
		}
	}
	assertContains(t, out, "vedtak/kst-2023-010/index.html", `<dd><span class="muted">ikke oppgitt</span></dd>`)
	assertContains(t, out, "prosjekter/index.html", `<span class="muted">ikke oppgitt</span>`)
	csv := read(t, filepath.Join(out, "data/prosjekter.csv"))
	if !strings.Contains(csv, "\nvei,,Gang- og sykkelvei,,,,behovsutredning,") {
		t.Errorf("prosjekter.csv: the unknown fields are not empty:\n%s", csv)
	}
}
