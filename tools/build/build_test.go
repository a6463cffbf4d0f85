package build_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/build"
	"github.com/openkommune/portal/tools/linkcheck"
	"golang.org/x/tools/txtar"
)

const root = "../.."

// writeData writes the archives' files (laid over each other) into a new
// data directory and returns its path.
func writeData(t *testing.T, archives ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	for _, name := range archives {
		a, err := txtar.ParseFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Files {
			if f.Name == "want" {
				continue
			}
			p := filepath.Join(dir, f.Name)
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

func buildSite(t *testing.T, data, out, baseURL string) error {
	t.Helper()
	var diags bytes.Buffer
	err := build.Build(context.Background(), build.Options{Root: root, DataDir: data, Out: out, BaseURL: baseURL, Diags: &diags})
	if err != nil {
		t.Logf("diagnostics:\n%s", diags.String())
	}
	return err
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// assertContains checks that the page at out/rel contains every want.
func assertContains(t *testing.T, out, rel string, wants ...string) {
	t.Helper()
	page := read(t, filepath.Join(out, rel))
	for _, w := range wants {
		if !strings.Contains(page, w) {
			t.Errorf("%s does not contain %q", rel, w)
		}
	}
}

func TestBuildSmallKommune(t *testing.T) {
	data := writeData(t, "../../testdata/base.txtar")
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, data, out, "https://example.github.io/portal/"); err != nil {
		t.Fatal(err)
	}
	nbsp := "\u00a0"
	// The project's derived figures are on its page and on the overrun list.
	assertContains(t, out, "prosjekter/nordbyen-skole/index.html",
		"<h1>Nordbyen skole – nybygg</h1>",
		"142"+nbsp+"000"+nbsp+"000"+nbsp+"kr", // justert kostnadsramme
		"8"+nbsp+"500"+nbsp+"000"+nbsp+"kr",   // avvik
		"6,0"+nbsp+"%",
		"15,8"+nbsp+"%", // against the original frame
		"5 mnd. forsinket",
		`href="/portal/vedtak/kst-2025-030/"`, // the tilleggsbevilgning's vedtak
	)
	assertContains(t, out, "overskridelser/index.html",
		`href="/portal/prosjekter/nordbyen-skole/"`, "+8"+nbsp+"500"+nbsp+"000"+nbsp+"kr", "+6,0"+nbsp+"%", "over varslingsgrensen")
	// Links go both ways: the vedtak lists the project and the money it moved.
	assertContains(t, out, "vedtak/kst-2025-030/index.html",
		`href="/portal/prosjekter/nordbyen-skole/"`, "Tilleggsbevilgning", "12"+nbsp+"000"+nbsp+"000"+nbsp+"kr",
		"Budsjettregulering", "2"+nbsp+"500"+nbsp+"000"+nbsp+"kr", `href="/portal/rammeomrader/helse/"`)
	// A late point is marked as such in words, not colour alone.
	assertContains(t, out, "vedtak/kst-2024-090/index.html", "Punkt 1", "Under arbeid", "forsinket", "1. tertial 2025")
	// The budget area shows its frame through the regulering.
	assertContains(t, out, "rammeomrader/helse/index.html", "102"+nbsp+"500"+nbsp+"000"+nbsp+"kr", `href="/portal/vedtak/kst-2025-030/"`)
	assertContains(t, out, "okonomiplan/2025-2028/index.html", "302"+nbsp+"500"+nbsp+"000"+nbsp+"kr")
	assertContains(t, out, "planer/samfunnsdel/index.html", "Godt liv for alle", "God utdanning", `id="tiltak-t1"`)
	assertContains(t, out, "index.html", "Testvik kommune", "fiktiv eksempelkommune", `<html lang="nb" `)
	// Raw HTML in texts is escaped by Hugo's Markdown (unsafe = false).
	checkBasics(t, out, "https://example.github.io/portal/")
	checkLinks(t, out, "/portal/")
	checkNoTemplateLeaks(t, out)
	// The data directory is outside the project: pages name a data file by
	// its path in the data directory, never by the build machine's path.
	// With kilde_url, "Datakilde" links to the file in the kommune's repository.
	assertContains(t, out, "planer/samfunnsdel/index.html",
		`<a href="https://git.example.org/testvik/portal/src/branch/main/data/planer/samfunnsdel.toml"><code>planer/samfunnsdel.toml</code></a>`)
	assertContains(t, out, "prosjekter/nordbyen-skole/index.html",
		`<a href="https://git.example.org/testvik/portal/src/branch/main/data/prosjekter/nordbyen-skole.toml"><code>`)
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.Contains(read(t, p), filepath.Dir(data)) {
			t.Errorf("%s holds the build machine's path %s", p, filepath.Dir(data))
		}
		return err
	})
}

func TestFailedBuildLeavesPreviousSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, writeData(t, "../../testdata/base.txtar"), out, "/"); err != nil {
		t.Fatal(err)
	}
	// Without a host there are no absolute URLs, hence no sitemap.
	if _, err := os.Stat(filepath.Join(out, "sitemap.xml")); err == nil {
		t.Error(`sitemap.xml is built with base URL "/"`)
	}
	assertContains(t, out, "robots.txt", "User-agent: *")
	if strings.Contains(read(t, filepath.Join(out, "robots.txt")), "Sitemap:") {
		t.Error(`robots.txt names a sitemap with base URL "/"`)
	}
	before := snapshot(t, out)
	bad := writeData(t, "../../testdata/base.txtar", "../../testdata/bad/done-when.txtar")
	var diags bytes.Buffer
	err := build.Build(context.Background(), build.Options{Root: root, DataDir: bad, Out: out, Diags: &diags})
	if !errors.Is(err, build.ErrInvalidData) {
		t.Fatalf("build with bad data: err = %v, want ErrInvalidData", err)
	}
	for _, want := range []string{
		`vei.toml:7:1: error: unknown key "ansvarleg"`,
		`vei.toml:11:1: error: kostnadsramme[0].belop: amount 12000000.5 is a decimal number`,
		`vei.toml:12:1: error: kostnadsramme[0].vedtak: vedtak "kst-2025-099" does not exist`,
		`kst-2024-090.toml:1:1: error: id: duplicate id`,
	} {
		if !strings.Contains(diags.String(), want) {
			t.Errorf("diagnostics lack %q:\n%s", want, diags.String())
		}
	}
	if after := snapshot(t, out); after != before {
		t.Error("the failed build changed the previous public/")
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".portal-build-*"))
	if len(leftovers) > 0 {
		t.Errorf("staging directories left behind: %v", leftovers)
	}
}

func TestBuildsAreIdentical(t *testing.T) {
	data := writeData(t, "../../testdata/base.txtar")
	a := filepath.Join(t.TempDir(), "public")
	b := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, data, a, "/"); err != nil {
		t.Fatal(err)
	}
	if err := buildSite(t, data, b, "/"); err != nil {
		t.Fatal(err)
	}
	if sa, sb := snapshot(t, a), snapshot(t, b); sa != sb {
		t.Errorf("two builds differ:\n%s", firstDiff(sa, sb))
	}
}

// snapshot lists every file under dir with its full content.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b.WriteString("== " + rel + "\n")
		b.WriteString(read(t, p))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return la[i] + "\n" + lb[i]
		}
	}
	return "(one is a prefix of the other)"
}

// TestBuildNynorsk builds the small kommune with målform nynorsk: the
// whole UI switches language.
func TestBuildNynorsk(t *testing.T) {
	data := writeData(t, "../../testdata/base.txtar")
	k := filepath.Join(data, "kommune.toml")
	if err := os.WriteFile(k, []byte(strings.Replace(read(t, k), `malform = "nb"`, `malform = "nn"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, data, out, "/"); err != nil {
		t.Fatal(err)
	}
	assertContains(t, out, "index.html", `<html lang="nn" `, "Hopp til innhaldet")
	assertContains(t, out, "prosjekter/nordbyen-skole/index.html", "Opphavleg kostnadsramme", "Over kostnadsramma", "Følg endringar i prosjektet")
	// Fixed pages take their titles and text from i18n too.
	assertContains(t, out, "overskridelser/index.html", "<h1>Overskridingar</h1>", "Prosjekt over kostnadsramma")
	assertContains(t, out, "om/index.html", "Kjeldekoden til portalen")
	assertContains(t, out, "data/index.html", "<h1>Opne data</h1>", "Nyheitsstraumar (Atom)")
	assertContains(t, out, "feed/vedtak.xml", "Nye vedtak")
}

// checkBasics checks the files every public site has, for a site built at
// base: a 404 page whose every link works from any depth (GitHub Pages
// serves /404.html for every missing path), robots.txt naming the sitemap,
// and a sitemap of absolute URLs under base, one per page, without dates.
func checkBasics(t *testing.T, out, base string) {
	t.Helper()
	u, _ := url.Parse(base)
	page := read(t, filepath.Join(out, "404.html"))
	if !strings.Contains(page, "<h1>Fant ikke siden</h1>") || !strings.Contains(page, `action="`+u.Path+`sok/"`) {
		t.Errorf("404.html lacks its heading or its search form")
	}
	for _, attr := range []string{`href="`, `src="`, `action="`} {
		for _, part := range strings.Split(page, attr)[1:] {
			ref := part[:strings.IndexByte(part, '"')]
			if !strings.HasPrefix(ref, u.Path) && !strings.HasPrefix(ref, "#") && !strings.HasPrefix(ref, "https://") {
				t.Errorf("404.html links to %q, which breaks below %s", ref, u.Path)
			}
		}
	}
	assertContains(t, out, "robots.txt", "User-agent: *", "Sitemap: "+base+"sitemap.xml")
	sitemap := read(t, filepath.Join(out, "sitemap.xml"))
	if strings.Contains(sitemap, "lastmod") || strings.Contains(sitemap, "<!--") {
		t.Errorf("sitemap.xml carries dates or comments:\n%s", sitemap)
	}
	var set struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(sitemap), &set); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	seen := map[string]bool{}
	for _, e := range set.URLs {
		if !strings.HasPrefix(e.Loc, base) || seen[e.Loc] {
			t.Errorf("sitemap.xml: %q is outside %s or listed twice", e.Loc, base)
		}
		seen[e.Loc] = true
		if _, ok := linkcheck.Target(out, strings.TrimPrefix(e.Loc, base)); !ok {
			t.Errorf("sitemap.xml: %q has no page", e.Loc)
		}
	}
	if !seen[base] || !seen[base+"om/"] || len(seen) < 10 {
		t.Errorf("sitemap.xml lists %d pages, not the home page and /om/", len(seen))
	}
}

// TestMarkdownInShortTexts builds short texts written in Markdown (leads,
// a vedtakspunkt, a satsingsområde and a tiltak): their inline markup is
// rendered, raw HTML in them shows as text, a link to a script is not a
// link, no block sits inside a <p>, and a Markdown table is aligned by
// class, never by an inline style the CSP would block.
func TestMarkdownInShortTexts(t *testing.T) {
	data := writeData(t, "../../testdata/base.txtar", "testdata/markdown.txtar")
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, data, out, "/"); err != nil {
		t.Fatal(err)
	}
	assertContains(t, out, "rammeomrader/oppvekst/index.html",
		`<p class="lead">Barnehage og <em>grunnskole</em>, &lt;b&gt;ikke&lt;/b&gt; voksenopplæring.</p>`)
	assertContains(t, out, "vedtak/kst-2024-090/index.html",
		`<p>Kommunedirektøren bes utrede <strong>skolestruktur</strong> &lt;img src=x onerror=alert(1)&gt;.</p>`,
		`<th scope="col" class="align-left">Område</th>`, `<th scope="col" class="align-right">Ramme (kr)</th>`,
		`<td class="align-right">100 000 000</td>`, `<td class="align-center">ny</td>`)
	assertContains(t, out, "planer/samfunnsdel/index.html",
		`<div class="lead"><p>Samfunnsdelen har <em>tre</em> satsingsområder.</p>`, "<li>Grønt samfunn</li>",
		`<p>Bærekraftsmål 17, <em>samarbeid for å nå målene</em>.</p>`, `<br>Skolen får <strong>420</strong> plasser.</td>`)
	assertContains(t, out, "prosjekter/nordbyen-skole/index.html", `<p class="lead">Ny skole, se `, "<code>kode</code>")
	// The texts' description is their first sentence without the marks.
	assertContains(t, out, "prosjekter/nordbyen-skole/index.html", `<meta name="description" content="Ny skole, se planen og kode.">`)
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		page := read(t, p)
		for _, bad := range []string{`style="`, "<img src=x", `href="javascript:`, "**", "<p class=\"lead\"><p", "<p><div", "<p><ul"} {
			if strings.Contains(page, bad) {
				t.Errorf("%s contains %q", p, bad)
			}
		}
		return nil
	})
}
