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
	"github.com/openkommune/portal/tools/linkcheck"
)

// TestExampleData checks the bundled example kommune, builds it with the
// real Hugo under a GitHub Pages project sub-path, and asserts that every
// record has its page and that each overrun's figures are on its page and
// on the overrun list.
func TestExampleData(t *testing.T) {
	data := filepath.Join(root, "data")
	set, diags := build.Check(os.DirFS(data), "data")
	if diags.Len() > 0 {
		var b strings.Builder
		diags.Print(&b)
		t.Fatalf("the example data has problems:\n%s", b.String())
	}
	site := compile.Compile(set)

	// The example must exercise everything the site shows: at least 15
	// projects covering all six phases, three over their frame, a frame
	// raised three times or more, an overdue final account, and at least
	// 60 vedtak.
	phases := map[string]int{}
	over, raised3, lateFinal := 0, false, false
	for _, p := range site.Prosjekter {
		phases[p.Fase]++
		if p.OverRamme {
			over++
		}
		if p.AntallTillegg >= 3 {
			raised3 = true
		}
		if p.SluttregnskapForfalt {
			lateFinal = true
		}
	}
	if len(site.Prosjekter) < 15 || len(phases) < 6 || over < 3 || !raised3 || !lateFinal {
		t.Errorf("example projects: %d projects, phases %v, %d over frame, ≥3 tilleggsbevilgninger: %v, overdue sluttregnskap: %v",
			len(site.Prosjekter), phases, over, raised3, lateFinal)
	}
	if len(site.Vedtak) < 60 {
		t.Errorf("example has %d vedtak, want at least 60", len(site.Vedtak))
	}
	if len(site.Omrader) < 8 {
		t.Errorf("example has %d rammeområder, want at least 8", len(site.Omrader))
	}
	regs := 0
	for _, o := range site.Okonomiplaner {
		regs += len(o.Reguleringer)
	}
	if regs < 3 {
		t.Errorf("example has %d reguleringer, want at least 3", regs)
	}
	temaplaner := 0
	for _, p := range site.Planer {
		if p.Type == "temaplan" {
			temaplaner++
			for _, f := range p.TiltakPerFase {
				if f.Antall == 0 {
					t.Errorf("temaplan %s has no tiltak in phase %s", p.ID, f.Kode)
				}
			}
		}
		if p.Type == "samfunnsdel" && len(p.Satsingsomrader) != 3 {
			t.Errorf("samfunnsdel %s has %d satsingsområder, want 3", p.ID, len(p.Satsingsomrader))
		}
	}
	if temaplaner < 2 {
		t.Errorf("example has %d temaplaner, want at least 2", temaplaner)
	}

	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, data, out, "https://eksempelvik.github.io/portal/"); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, v := range site.Vedtak {
		paths = append(paths, v.Path)
	}
	for _, p := range site.Planer {
		paths = append(paths, p.Path)
	}
	for _, o := range site.Okonomiplaner {
		paths = append(paths, o.Path)
	}
	for _, a := range site.Omrader {
		paths = append(paths, a.Path)
	}
	for _, p := range site.Prosjekter {
		paths = append(paths, p.Path)
	}
	for _, p := range paths {
		if _, err := os.Stat(filepath.Join(out, p, "index.html")); err != nil {
			t.Errorf("no page for %s", p)
		}
	}
	// A known overrun: Sørvika avløpsrenseanlegg, forecast 93.8 MNOK
	// against an adjusted frame of 76.5 MNOK.
	nbsp := "\u00a0"
	assertContains(t, out, "prosjekter/sorvika-renseanlegg/index.html", "76"+nbsp+"500"+nbsp+"000"+nbsp+"kr", "17"+nbsp+"300"+nbsp+"000"+nbsp+"kr", "22,6"+nbsp+"%")
	// The alternative budget's column links to its proposal and vote on the
	// budget vedtak's page.
	assertContains(t, out, "okonomiplan/2026-2029/index.html", `href="/portal/vedtak/kst-2025-110/#forslag-h-frp-budsjett"`)
	assertContains(t, out, "vedtak/kst-2025-110/index.html", `id="forslag-h-frp-budsjett"`)
	assertContains(t, out, "overskridelser/index.html", `href="/portal/prosjekter/sorvika-renseanlegg/"`, "+17"+nbsp+"300"+nbsp+"000"+nbsp+"kr", "+22,6"+nbsp+"%")

	overList := read(t, filepath.Join(out, "overskridelser", "index.html"))
	for _, p := range site.Prosjekter {
		if !p.OverRamme {
			continue
		}
		assertContains(t, out, p.Path+"index.html", p.AvvikJustert.Tekst, p.AvvikJustertPct.Tekst, p.Justert.Tekst)
		for _, w := range []string{`href="/portal/` + p.Path + `"`, "+" + p.AvvikJustert.Tekst, "+" + p.AvvikJustertPct.Tekst} {
			if !strings.Contains(overList, w) {
				t.Errorf("overskridelser lacks %q for %s", w, p.ID)
			}
		}
	}
	// Charts are in the pages, each with its summary and beside the table
	// it pictures; the downloads and feeds are linked from what they list.
	for _, p := range site.Prosjekter {
		assertContains(t, out, p.Path+"index.html", `<figure class="chart-figure">`, `role="img"`, `href="#ramme-tabell"`, `id="ramme-tabell"`,
			`title="Endringer i prosjektet: `, `href="/portal/feed/prosjekter/`+p.ID+`.xml"`)
	}
	for _, a := range site.Omrader {
		if len(a.Rammer) > 0 {
			assertContains(t, out, a.Path+"index.html", `<figure class="chart-figure">`, `id="rammer-tabell"`)
		}
	}
	assertContains(t, out, "okonomiplan/2025-2028/index.html", `<figure class="chart-figure">`, `id="reguleringer-tabell"`,
		`href="/portal/data/rammer.csv"`, `href="/portal/data/reguleringer.csv"`)
	assertContains(t, out, "overskridelser/index.html", `<figure class="chart-figure">`, `id="portefolje-tabell"`,
		`href="/portal/data/overskridelser.csv"`, `href="/portal/data/overskridelser.json"`, `href="/portal/data/overskridelser.schema.json"`, `href="/portal/feed/overskridelser.xml"`)
	assertContains(t, out, "vedtak/index.html", `href="/portal/data/vedtak.csv"`, `href="/portal/data/vedtakspunkter.csv"`, `href="/portal/feed/vedtak.xml"`)
	assertContains(t, out, "planer/index.html", `href="/portal/data/planer.csv"`, `href="/portal/data/tiltak.csv"`)
	assertContains(t, out, "prosjekter/index.html", `href="/portal/data/prosjekter.csv"`)
	assertContains(t, out, "data/index.html", `href="/portal/data/datapackage.json"`)
	assertContains(t, out, "index.html", `<link rel="alternate" type="application/atom+xml" href="/portal/feed/vedtak.xml"`, `src="/portal/logo-`)

	// Internal links resolve under the sub-path, in pages and in feeds.
	checkLinks(t, out, "/portal/")
	checkFeedLinks(t, out, "https://eksempelvik.github.io/portal/")
	checkNoTemplateLeaks(t, out)
	checkBasics(t, out, "https://eksempelvik.github.io/portal/")
	checkShareTags(t, out, "https://eksempelvik.github.io/portal/")

	// The same data gives byte-identical files.
	again := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, data, again, "https://eksempelvik.github.io/portal/"); err != nil {
		t.Fatal(err)
	}
	if a, b := snapshot(t, out), snapshot(t, again); a != b {
		t.Errorf("two builds of the example differ:\n%s", firstDiff(a, b))
	}
}

// checkShareTags checks every page's description and its canonical and
// Open Graph tags: each description is the page's own (no two pages share
// one), not empty and without Markdown marks; each canonical URL is the
// page's absolute URL; og:image is the kommune's logo by its absolute URL.
func checkShareTags(t *testing.T, out, base string) {
	t.Helper()
	meta := regexp.MustCompile(`<(?:meta (?:name|property)="([a-z:]+)" content|link rel="(canonical)" href)="([^"]*)"`)
	byDesc := map[string]string{}
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, out+string(filepath.Separator)))
		tags := map[string]string{}
		for _, m := range meta.FindAllStringSubmatch(read(t, p), -1) {
			tags[m[1]+m[2]] = html.UnescapeString(m[3])
		}
		desc := tags["description"]
		if desc == "" || strings.ContainsAny(desc, "*`") || tags["og:description"] != desc {
			t.Errorf("%s: description %q, og:description %q", rel, desc, tags["og:description"])
		}
		if other, ok := byDesc[desc]; ok {
			t.Errorf("%s and %s share the description %q", rel, other, desc)
		}
		byDesc[desc] = rel
		if !strings.HasPrefix(tags["og:image"], base+"logo-") {
			t.Errorf("%s: og:image %q is not the logo under %s", rel, tags["og:image"], base)
		}
		if rel == "404.html" {
			return nil
		}
		want := base + strings.TrimSuffix(rel, "index.html")
		if tags["canonical"] != want || tags["og:url"] != want {
			t.Errorf("%s: canonical %q, og:url %q, want %q", rel, tags["canonical"], tags["og:url"], want)
		}
		return nil
	})
	if len(byDesc) < 100 {
		t.Errorf("only %d pages with a description", len(byDesc))
	}
}

// checkNoTemplateLeaks fails on text that only a template mistake puts in
// a page: a bad printf verb, an unset value, a value Hugo refused to output.
func checkNoTemplateLeaks(t *testing.T, out string) {
	t.Helper()
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		page := read(t, p)
		for _, leak := range []string{"%!", "<no value>", "ZgotmplZ", "map[", "[]interface"} {
			if strings.Contains(page, leak) {
				t.Errorf("%s contains %q", p, leak)
			}
		}
		return nil
	})
}

// checkLinks checks every internal link of every page (package
// linkcheck).
func checkLinks(t *testing.T, out, prefix string) {
	t.Helper()
	broken, err := linkcheck.Site(out, prefix)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range broken {
		t.Errorf("broken link: %s", b)
	}
}

// checkFeedLinks follows every link in every Atom feed, written absolute
// against base, to a file of the site (package linkcheck).
func checkFeedLinks(t *testing.T, out, base string) {
	t.Helper()
	n, broken, err := linkcheck.Feeds(out, base)
	if err != nil {
		t.Fatal(err)
	}
	if n < 3 {
		t.Fatalf("only %d feeds in the site", n)
	}
	for _, b := range broken {
		t.Errorf("broken feed link: %s", b)
	}
}
