package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// contentDir is the site's content/: its folders with an _index.md are
// the sections, its other .md files the single pages.
const contentDir = "../../content"

// pageQuery is what a section's list page needs in its URL to show what
// it is for: the search page shows results for a query.
var pageQuery = map[string]string{"sok": "?q=skole"}

// variantPages are record pages that show more than the first record of
// their section does: a report with changes of every kind (the first
// report has none).
var variantPages = []string{"rapporter/2026-t2/"}

// templatePages returns one page of every template in the built site:
// home, each section of content/ (its list page, its first record page and
// its first year page where it has them), each single page of content/,
// the variantPages, and a page of every kind of chart the site draws
// (chartKindPages), so that a chart drawn only for some records (an area
// with underområder) is checked too. New sections are found without
// changing this list.
func templatePages(tb testing.TB, site string) []string {
	tb.Helper()
	sections, singles := contentSections(tb)
	pages := []string{""}
	for _, name := range singles {
		pages = append(pages, name+"/")
	}
	for _, sec := range sections {
		pages = append(pages, sec+"/"+pageQuery[sec])
		record, year := firstPages(site, sec)
		for _, f := range []string{record, year} {
			if f != "" {
				pages = append(pages, f)
			}
		}
	}
	pages = append(pages, variantPages...)
	for _, p := range chartKindPages(tb, site) {
		if !slices.Contains(pages, p) {
			pages = append(pages, p)
		}
	}
	return pages
}

// contentSections lists the sections (folders of content/ with an
// _index.md) and single pages (content/<name>.md) by name, sorted.
func contentSections(tb testing.TB) (sections, singles []string) {
	tb.Helper()
	entries, err := os.ReadDir(contentDir)
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case e.IsDir():
			if _, err := os.Stat(filepath.Join(contentDir, name, "_index.md")); err == nil {
				sections = append(sections, name)
			}
		case strings.HasSuffix(name, ".md") && name != "_index.md":
			singles = append(singles, strings.TrimSuffix(name, ".md"))
		}
	}
	if len(sections) == 0 {
		tb.Fatalf("no sections in %s", contentDir)
	}
	return sections, singles
}

// firstPages finds a section's first record page and first year page
// (vedtak/2026/) in the built site, as site-relative paths, "" for none.
func firstPages(site, sec string) (record, year string) {
	filepath.WalkDir(filepath.Join(site, sec), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.html" || filepath.Dir(p) == filepath.Join(site, sec) {
			return nil
		}
		rel, _ := filepath.Rel(site, filepath.Dir(p))
		rel = filepath.ToSlash(rel) + "/"
		if name := filepath.Base(filepath.Dir(p)); isYear(name) && year == "" {
			year = rel
		} else if !isYear(name) && record == "" {
			record = rel
		}
		return nil
	})
	return record, year
}

func isYear(name string) bool {
	return len(name) == 4 && strings.Trim(name, "0123456789") == ""
}

var chartKindRe = regexp.MustCompile(`<svg [^>]*class="chart chart--([a-z0-9-]+)`)

// chartPages lists every page of the built site with a chart, sorted,
// with the kinds of chart on each (the class chart--<kind> of its <svg>).
func chartPages(tb testing.TB, site string) (pages []string, kinds map[string][]string) {
	tb.Helper()
	kinds = map[string][]string{}
	err := filepath.WalkDir(site, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.html" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		ms := chartKindRe.FindAllSubmatch(b, -1)
		if len(ms) == 0 {
			return nil
		}
		rel, _ := filepath.Rel(site, filepath.Dir(p))
		page := filepath.ToSlash(rel) + "/"
		if rel == "." {
			page = ""
		}
		pages = append(pages, page)
		for _, m := range ms {
			if k := string(m[1]); !slices.Contains(kinds[page], k) {
				kinds[page] = append(kinds[page], k)
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	slices.Sort(pages)
	return pages, kinds
}

// chartKindPages returns, for every kind of chart in the built site, the
// first page (in path order) that has it.
func chartKindPages(tb testing.TB, site string) []string {
	tb.Helper()
	pages, kinds := chartPages(tb, site)
	seen := map[string]bool{}
	var out []string
	for _, p := range pages {
		for _, k := range kinds[p] {
			if !seen[k] {
				seen[k] = true
				if !slices.Contains(out, p) {
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// TestTemplatePages: the pages the browser tests visit cover every
// section and single page of content/ and every kind of chart the example
// draws, the breakdown of an area into underområder among them.
func TestTemplatePages(t *testing.T) {
	site := buildSite(t, "../../data")
	pages := templatePages(t, site)
	t.Logf("%d pages: %q", len(pages), pages)
	sections, singles := contentSections(t)
	for _, sec := range sections {
		if !slices.Contains(pages, sec+"/"+pageQuery[sec]) {
			t.Errorf("section %s/ is not visited: %q", sec, pages)
		}
	}
	for _, s := range singles {
		if !slices.Contains(pages, s+"/") {
			t.Errorf("page %s/ is not visited", s)
		}
	}
	all, kinds := chartPages(t, site)
	covered := map[string]bool{}
	for _, p := range pages {
		for _, k := range kinds[p] {
			covered[k] = true
		}
	}
	for _, p := range all {
		for _, k := range kinds[p] {
			if !covered[k] {
				t.Errorf("no visited page has a chart of kind %s (%s has one)", k, p)
				covered[k] = true
			}
		}
	}
	if !covered["underomrader"] {
		t.Errorf("no visited page has the breakdown of an area into underområder: %q", pages)
	}
}
