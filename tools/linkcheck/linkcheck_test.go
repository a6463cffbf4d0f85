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
