package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// commitAll commits every file under dir (a git work tree) at when.
func commitAll(t *testing.T, wt *git.Worktree, when string) string {
	t.Helper()
	if err := wt.AddGlob("."); err != nil {
		t.Fatal(err)
	}
	at, err := time.Parse(time.RFC3339, when)
	if err != nil {
		t.Fatal(err)
	}
	sig := &object.Signature{Name: "Test", Email: "test@example.org", When: at}
	h, err := wt.Commit("data "+when, &git.CommitOptions{Author: sig, Committer: sig})
	if err != nil {
		t.Fatal(err)
	}
	return h.String()
}

// TestHistoryAndVersion builds the small kommune from a git repository:
// each record page says when its file last changed (by the commit, not
// the file's time) and links its history, the footer and datapackage.json
// carry the version, the "Siter" block cites it, and two builds of the
// same commit are byte-identical even when the files' times differ. The
// same data outside git builds too, without dates or version.
func TestHistoryAndVersion(t *testing.T) {
	data := writeData(t, "../../testdata/base.txtar")
	repoDir := filepath.Dir(data)
	r, err := git.PlainInit(repoDir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, _ := r.Worktree()
	commitAll(t, wt, "2026-10-01T09:00:00+02:00")
	v := filepath.Join(data, "vedtak/2024/kst-2024-090.toml")
	if err := os.WriteFile(v, []byte(strings.Replace(read(t, v), "saksnummer = ", "arkivsak = \"24/1\"\nsaksnummer = ", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	head := commitAll(t, wt, "2026-11-03T22:30:00+01:00")

	a := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, data, a, "https://example.org/portal/"); err != nil {
		t.Fatal(err)
	}
	version := "2026-11-03-" + head[:7]
	assertContains(t, a, "vedtak/kst-2024-090/index.html",
		`Sist endret <time datetime="2026-11-03">3. november 2026</time> <span class="muted">(endring <code>`+head[:7]+`</code>)</span>.`,
		`<a href="https://git.example.org/testvik/portal/commits/branch/main/data/vedtak/2024/kst-2024-090.toml">Se endringshistorikken til datafila</a>`,
		`<h2 id="siter">Siter</h2>`,
		`Testvik kommune: «Handlings- og økonomiplan 2025–2028 og årsbudsjett 2025». Versjon `+version+`, <time datetime="2026-11-03">3. november 2026</time>.`,
		`<span class="siter-url">https://example.org/portal/vedtak/kst-2024-090/</span>`,
		`Versjon: <a href="https://git.example.org/testvik/portal/commit/`+head+`" class="versjon">`+version+`</a>.`)
	// A file not changed since the first commit has that commit's date.
	assertContains(t, a, "prosjekter/nordbyen-skole/index.html", `Sist endret <time datetime="2026-10-01">1. oktober 2026</time>`, `Versjon `+version)
	assertContains(t, a, "planer/samfunnsdel/index.html", `Sist endret <time datetime="2026-10-01">`)
	assertContains(t, a, "okonomiplan/2025-2028/index.html", `Sist endret <time datetime="2026-10-01">`)
	assertContains(t, a, "rammeomrader/oppvekst/index.html", `Sist endret <time datetime="2026-10-01">`,
		`<a href="https://git.example.org/testvik/portal/commits/branch/main/data/rammeomrader.toml">`, `Testvik kommune: «Oppvekst».`)
	assertContains(t, a, "data/datapackage.json", `"version": "`+version+`"`)

	// The same commit with every file's time changed builds the same site.
	later := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	filepath.WalkDir(data, func(p string, d os.DirEntry, err error) error {
		if err == nil {
			os.Chtimes(p, later, later)
		}
		return err
	})
	b := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, data, b, "https://example.org/portal/"); err != nil {
		t.Fatal(err)
	}
	if sa, sb := snapshot(t, a), snapshot(t, b); sa != sb {
		t.Errorf("two builds of the same commit differ:\n%s", firstDiff(sa, sb))
	}

	// Outside git: no date, no version, still the history link and a
	// citation by the reference date.
	plain := writeData(t, "../../testdata/base.txtar")
	c := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, plain, c, "/"); err != nil {
		t.Fatal(err)
	}
	page := read(t, filepath.Join(c, "vedtak/kst-2024-090/index.html"))
	if strings.Contains(page, "Sist endret") || strings.Contains(page, "Versjon") {
		t.Error("a build outside git shows a date of change or a version")
	}
	assertContains(t, c, "vedtak/kst-2024-090/index.html", "Se endringshistorikken til datafila", `Status per <time datetime="2026-10-31">`)
	if strings.Contains(read(t, filepath.Join(c, "data/datapackage.json")), `"version"`) {
		t.Error("datapackage.json has a version without git")
	}
}
