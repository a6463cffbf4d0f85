// Package linkcheck owns the check that a built site has no broken
// internal link: every href="<prefix>…" and src="<prefix>…" of every page
// leads to a file of the site, and every fragment (#id, on the page itself
// or on another) to an element with that id. A site-absolute link outside
// the prefix is broken too: it would leave the site's sub-path on GitHub
// Pages. Links to other origins are not followed.
//
// The build's tests run it on the test kommune and the example data, and
// the Pages workflow on the kommune's own data before it deploys
// (TestLinks in tools/e2e).
package linkcheck

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Site checks every .html file under out, a site served under prefix
// ("/portal/"), and returns its broken links, one "page: link (why)" each,
// sorted.
func Site(out, prefix string) ([]string, error) {
	var broken []string
	pages := map[string]string{} // file → text, read once
	read := func(p string) (string, error) {
		if s, ok := pages[p]; ok {
			return s, nil
		}
		b, err := os.ReadFile(p)
		pages[p] = string(b)
		return string(b), err
	}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		page, err := read(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		for _, ref := range refs(page) {
			why := ""
			switch {
			case strings.HasPrefix(ref, "#"):
				if !hasID(page, ref[1:]) {
					why = "no such id on the page"
				}
			case strings.HasPrefix(ref, prefix):
				f, ok := Target(out, strings.TrimPrefix(ref, prefix))
				if !ok {
					why = "no such file"
				} else if i := strings.IndexByte(ref, '#'); i >= 0 {
					text, err := read(f)
					if err != nil {
						return err
					}
					if !hasID(text, ref[i+1:]) {
						why = "no such id"
					}
				}
			case strings.HasPrefix(ref, "/") && !strings.HasPrefix(ref, "//"):
				why = "outside " + prefix
			}
			if why != "" {
				broken = append(broken, fmt.Sprintf("%s: %s (%s)", filepath.ToSlash(rel), ref, why))
			}
		}
		return nil
	})
	slices.Sort(broken)
	return slices.Compact(broken), err
}

// refs are the values of a page's href and src attributes, as written.
func refs(page string) []string {
	var out []string
	for _, attr := range []string{` href="`, ` src="`} {
		for _, part := range strings.Split(page, attr)[1:] {
			if i := strings.IndexByte(part, '"'); i >= 0 {
				out = append(out, part[:i])
			}
		}
	}
	return out
}

func hasID(page, id string) bool { return strings.Contains(page, `id="`+id+`"`) }

// Target is the file a site-relative link leads to, and whether it exists.
func Target(out, rel string) (string, bool) {
	if i := strings.IndexAny(rel, "#?"); i >= 0 {
		rel = rel[:i]
	}
	f := filepath.Join(out, filepath.FromSlash(rel))
	if rel == "" || strings.HasSuffix(rel, "/") {
		f = filepath.Join(f, "index.html")
	}
	_, err := os.Stat(f)
	return f, err == nil
}

// Feeds checks every Atom feed (.xml file with a <feed> element) under
// out: each href must be absolute under base, the address the site is
// published at ("https://k.github.io/portal/"), and lead to a file of the
// site, and a fragment to an element with that id. It returns the number
// of feeds checked and the broken links, one "feed: link (why)" each,
// sorted.
func Feeds(out, base string) (int, []string, error) {
	var broken []string
	n := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".xml") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(b), "<feed") {
			return err
		}
		n++
		rel, _ := filepath.Rel(out, p)
		for _, ref := range refs(string(b)) {
			if why := feedLink(out, base, ref); why != "" {
				broken = append(broken, fmt.Sprintf("%s: %s (%s)", filepath.ToSlash(rel), ref, why))
			}
		}
		return nil
	})
	slices.Sort(broken)
	return n, slices.Compact(broken), err
}

// feedLink says why an absolute link of a feed is broken, or "".
func feedLink(out, base, ref string) string {
	if !strings.HasPrefix(ref, base) {
		return "not under " + base
	}
	f, ok := Target(out, strings.TrimPrefix(ref, base))
	if !ok {
		return "no such file"
	}
	if i := strings.IndexByte(ref, '#'); i >= 0 {
		b, err := os.ReadFile(f)
		if err != nil || !hasID(string(b), ref[i+1:]) {
			return "no such id"
		}
	}
	return ""
}
