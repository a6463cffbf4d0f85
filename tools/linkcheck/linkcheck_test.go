package linkcheck

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestSite: each kind of broken link is found once, and good links,
// fragments on other pages and other origins pass.
func TestSite(t *testing.T) {
	out := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(out, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.html", `<a href="/p/a/">a</a> <a href="/p/a/#x">x</a> <img src="/p/logo.svg"> <a href="https://example.no/">ext</a>
		<a href="#top" id="top">top</a> <a href="/p/a/?q=1">q</a>
		<a href="/p/missing/">m</a> <a href="/p/a/#nope">n</a> <a href="#gone">g</a> <a href="/elsewhere/">o</a> <a href="/p/missing/">again</a>`)
	write("a/index.html", `<h2 id="x">X</h2>`)
	write("logo.svg", `<svg/>`)
	got, err := Site(out, "/p/")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"index.html: #gone (no such id on the page)",
		"index.html: /elsewhere/ (outside /p/)",
		"index.html: /p/a/#nope (no such id)",
		"index.html: /p/missing/ (no such file)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestFeeds: a feed's links must be absolute under the published address
// and lead to a page (and id) of the site; other XML files are not feeds.
func TestFeeds(t *testing.T) {
	out := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(out, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const base = "https://k.github.io/p/"
	write("a/index.html", `<h2 id="x">X</h2>`)
	write("sitemap.xml", `<urlset><url><loc>https://elsewhere/</loc></url></urlset> <x href="/nope">`)
	write("feed/alt.xml", `<feed xmlns="http://www.w3.org/2005/Atom"><link href="https://k.github.io/p/a/"/>
		<entry><link rel="alternate" href="https://k.github.io/p/a/#x"/></entry>
		<entry><link rel="alternate" href="https://k.github.io/p/a/#y"/></entry>
		<entry><link rel="alternate" href="https://k.github.io/p/b/"/></entry>
		<entry><link rel="alternate" href="/p/a/"/></entry></feed>`)
	n, got, err := Feeds(out, base)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"feed/alt.xml: /p/a/ (not under https://k.github.io/p/)",
		"feed/alt.xml: https://k.github.io/p/a/#y (no such id)",
		"feed/alt.xml: https://k.github.io/p/b/ (no such file)",
	}
	if n != 1 || !slices.Equal(got, want) {
		t.Errorf("got %d feeds,\n%q\nwant 1,\n%q", n, got, want)
	}
}
