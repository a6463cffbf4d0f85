package sitedata_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/hugo"
)

// The template tests run the pinned Hugo on a tiny site in a temporary
// directory, in the style of Hugo's own integration tests: a few lines of
// data, the portal's partials and i18n, and one layout calling the partial
// under test; they assert the rendered HTML.

// hugoSite builds a site of the portal's partials and i18n plus files
// (path → content; "layouts/home.html" is the page under test) and returns
// the rendered home page, or Hugo's error.
func hugoSite(t *testing.T, files map[string]string) (string, error) {
	t.Helper()
	if testing.Short() {
		t.Skip("runs Hugo")
	}
	root, _ := filepath.Abs("../..")
	bin, err := hugo.Binary(context.Background(), root)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "layouts", "_partials"), os.DirFS(filepath.Join(root, "layouts", "_partials"))); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "i18n"), os.DirFS(filepath.Join(root, "i18n"))); err != nil {
		t.Fatal(err)
	}
	files["hugo.toml"] = "baseURL = \"/\"\ndefaultContentLanguage = \"nb\"\ndisableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\", \"robotstxt\", \"404\", \"section\", \"page\"]\n"
	for p, text := range files {
		p = filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stderr bytes.Buffer
	err = hugo.Run(context.Background(), hugo.Options{Bin: bin, Source: dir, Configs: []string{filepath.Join(dir, "hugo.toml")},
		Destination: filepath.Join(dir, "public"), CacheDir: filepath.Join(dir, "cache"), Stderr: &stderr})
	if err != nil {
		return "", err
	}
	b, err := os.ReadFile(filepath.Join(dir, "public", "index.html"))
	return string(b), err
}

// TestPartials renders the partials with logic and compares the HTML.
func TestPartials(t *testing.T) {
	cases := []struct{ name, call, data, want string }{
		{"status fullfort", `{{ partial "status.html" "fullfort" }}`, "",
			`<span class="ds-tag badge status-fullfort" data-color="success">Fullført</span>`},
		{"status under_arbeid", `{{ partial "status.html" "under_arbeid" }}`, "",
			`<span class="ds-tag badge status-under_arbeid" data-color="info">Under arbeid</span>`},
		{"status utgar", `{{ partial "status.html" "utgar" }}`, "",
			`<span class="ds-tag badge status-utgar" data-color="neutral">Utgår</span>`},
		{"prognose from a tertial", `{{ partial "prognose-kilde.html" (dict "prognose_kilde" "t2 2026") }}`, "",
			`2. tertial 2026`},
		{"prognose from the årsregnskap", `{{ partial "prognose-kilde.html" (dict "prognose_kilde" "arsregnskap 2025") }}`, "",
			`Årsregnskap 2025`},
		{"prognose from the sluttregnskap", `{{ partial "prognose-kilde.html" (dict "prognose_kilde" "sluttregnskap" "sluttregnskap" (dict "vedtak" (dict "sti" "vedtak/kst-2026-001/" "merke" "KST 001/26" "tittel" "Sluttregnskap skole"))) }}`, "",
			`Sluttregnskap (<a href="/vedtak/kst-2026-001/"><span class="merke">KST 001/26</span> Sluttregnskap skole</a>)`},
		{"ref without a page", `{{ partial "ref.html" (dict "id" "ukjent" "tittel" "X") }}`, "", `ukjent`},
		{"safe url https", `{{ partial "safe-url.html" "HTTPS://example.no/" }}`, "", `true`},
		{"safe url path", `{{ partial "safe-url.html" "vedtak/kst-2025-001/" }}`, "", `true`},
		{"safe url javascript", `{{ partial "safe-url.html" "java\tscript:alert(1)" }}`, "", `false`},
		{"safe url data", `{{ partial "safe-url.html" " DATA:text/html,x" }}`, "", `false`},
		{"vedtak row", `{{ partial "vedtak-table.html" (dict "list" (partial "data/list.html" "vedtak") "caption" "C") }}`,
			`[{"id":"kst-2026-001","sti":"vedtak/kst-2026-001/","tittel":"Skole","merke":"KST 001/26","dato":{"iso":"2026-01-02","tekst":"2. januar 2026"},"utvalg":"KST","punkter":3,"apne":2,"forsinket":1}]`,
			`<td data-sort="2"><span class="cell-label">Åpne punkter: </span>2 / 3</td>
      <td data-sort="1"><span class="ds-tag badge late" data-color="warning">1 forsinket</span></td>`},
		{"vedtak record", `{{ with partial "data/record.html" (dict "kind" "vedtak" "id" "kst-2026-001" "fil" "0000") }}{{ .tittel }}: {{ len .punkter }}{{ end }}`, "",
			`Skole: 2`},
		{"an empty list", `{{ len (partial "data/list.html" "prosjekter") }}`, "", `0`},
		{"declared fields", `[{{ partial "felter.html" ("[{\"felt\":\"entreprise\",\"verdi\":\"totalentreprise\",\"etikett\":\"entreprise\",\"kode\":\"entreprise_totalentreprise\",\"side\":true},{\"felt\":\"x\",\"verdi\":\"12\",\"etikett\":\"start_year\",\"tekst\":\"12\"},{\"felt\":\"y\",\"verdi\":\"7\",\"etikett\":\"start_year\",\"tekst\":\"sju <b>\",\"side\":true}]" | transform.Unmarshal) }}]`, "",
			`[<dt>Entrepriseform</dt><dd>Totalentreprise (NS 8407)</dd><dt>Startår</dt><dd>sju &lt;b&gt;</dd>]`},
		{"no declared field", `[{{ partial "felter.html" slice }}]`, "", `[]`},
	}
	var home strings.Builder
	for i, c := range cases {
		home.WriteString("<case " + string(rune('A'+i)) + ">" + c.call + "</case>\n")
	}
	out, err := hugoSite(t, map[string]string{
		"layouts/home.html":              home.String(),
		"data/portal/vedtak.json":        cases[11].data,
		"data/portal/prosjekter.json":    "[]",
		"assets/portal/vedtak/0000.json": `{"kst-2025-001":"{\"tittel\":\"Veg\"}","kst-2026-001":"{\"id\":\"kst-2026-001\",\"tittel\":\"Skole\",\"punkter\":[{\"nr\":1},{\"nr\":2}]}"}`,
		"data/portal/kommune.json":       `{"navn":"Testvik"}`,
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		open := "<case " + string(rune('A'+i)) + ">"
		_, rest, ok := strings.Cut(out, open)
		got, _, _ := strings.Cut(rest, "</case>")
		if !ok || !strings.Contains(got, c.want) {
			t.Errorf("%s: %s\ngot  %s\nwant %s", c.name, c.call, got, c.want)
		}
	}
}

// TestMissingDataFails: a record or a list the build did not write fails
// the build with the name of the missing file, instead of rendering empty.
func TestMissingDataFails(t *testing.T) {
	for _, c := range []struct{ call, want string }{
		{`{{ partial "data/record.html" (dict "kind" "vedtak" "id" "kst-2026-002" "fil" "0001") }}`, "no portal/vedtak/0001.json"},
		{`{{ partial "data/record.html" (dict "kind" "vedtak" "id" "kst-2026-002" "fil" "0000") }}`, `no vedtak "kst-2026-002" in portal/vedtak/0000.json`},
		{`{{ partial "data/record.html" (dict "kind" "vedtak" "id" "kst-2026-001") }}`, `no file named for vedtak "kst-2026-001"`},
		{`{{ partial "data/list.html" "prosjekter" }}`, `no data/portal/prosjekter.json`},
	} {
		_, err := hugoSite(t, map[string]string{
			"layouts/home.html":              c.call,
			"data/portal/vedtak.json":        "[]",
			"data/portal/kommune.json":       `{"navn":"Testvik"}`,
			"assets/portal/vedtak/0000.json": `{"kst-2026-001":"{\"tittel\":\"Skole\"}"}`,
		})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err %v, want %q", c.call, err, c.want)
		}
	}
}

// TestCountsInHugo: Hugo picks the plural form from a count taken from the
// data (a JSON number, so a float), passed bare to a text without
// placeholders or as the Count of a dict to one that writes {{ .Count }};
// tools/catalog checks every layout passes its counts one of these ways.
func TestCountsInHugo(t *testing.T) {
	const call = `{{ $n := hugo.Data.portal.nokkeltall }}` +
		`[{{ i18n "fig_plans" $n.en }}|{{ i18n "fig_plans" $n.to }}|{{ i18n "fig_plans" $n.null }}]` +
		`[{{ i18n "latest_vedtak_n_caption" (dict "Count" $n.en) }}|{{ i18n "latest_vedtak_n_caption" (dict "Count" $n.to) }}]` +
		`[{{ i18n "rows" $n.en }}|{{ i18n "rows" $n.null }}]`
	out, err := hugoSite(t, map[string]string{
		"layouts/home.html":           call,
		"data/portal/nokkeltall.json": `{"en": 1, "to": 2, "null": 0}`,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := `[plan|planer|planer][Det siste vedtaket|De 2 siste vedtakene, nyeste først][rad|rader]`
	if !strings.Contains(out, want) {
		t.Errorf("got  %s\nwant %s", out, want)
	}
}
