package history

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/openkommune/portal/tools/cputime"
)

// repo is a git repository in a temporary directory with a data/ folder.
type repo struct {
	t   testing.TB
	dir string
	r   *git.Repository
	wt  *git.Worktree
}

func newRepo(t testing.TB) *repo {
	t.Helper()
	dir := t.TempDir()
	r, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, err := r.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	return &repo{t: t, dir: dir, r: r, wt: wt}
}

// commit writes files (path → content; "" removes it) and commits them at
// when.
func (g *repo) commit(when string, files map[string]string) plumbing.Hash {
	g.t.Helper()
	for p, content := range files {
		full := filepath.Join(g.dir, p)
		if content == "" {
			if _, err := g.wt.Remove(p); err != nil {
				g.t.Fatal(err)
			}
			continue
		}
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			g.t.Fatal(err)
		}
		if _, err := g.wt.Add(p); err != nil {
			g.t.Fatal(err)
		}
	}
	at, err := time.Parse(time.RFC3339, when)
	if err != nil {
		g.t.Fatal(err)
	}
	sig := &object.Signature{Name: "Test", Email: "test@example.org", When: at}
	h, err := g.wt.Commit("change "+when, &git.CommitOptions{Author: sig, Committer: sig, AllowEmptyCommits: true})
	if err != nil {
		g.t.Fatal(err)
	}
	return h
}

func dates(l *Log) map[string]string {
	out := map[string]string{}
	for p, c := range l.Files {
		out[p] = c.Date.String()
	}
	return out
}

func TestRead(t *testing.T) {
	g := newRepo(t)
	g.commit("2025-01-10T10:00:00+01:00", map[string]string{"data/kommune.toml": "a", "data/vedtak/v1.toml": "1", "README.md": "r"})
	g.commit("2025-02-11T10:00:00+01:00", map[string]string{"data/vedtak/v2.toml": "2", "README.md": "r2"})
	g.commit("2025-03-12T10:00:00+01:00", map[string]string{"README.md": "r3"}) // outside data/
	// Late in the evening in Norway is the next day in UTC: the date is
	// the committer's own.
	last := g.commit("2025-04-13T23:30:00+02:00", map[string]string{"data/vedtak/v1.toml": "1b", "data/gone.toml": "x"})
	g.commit("2025-05-14T10:00:00+02:00", map[string]string{"data/gone.toml": ""})

	l, err := Read(filepath.Join(g.dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"kommune.toml":   "2025-01-10",
		"vedtak/v1.toml": "2025-04-13",
		"vedtak/v2.toml": "2025-02-11",
	}
	if got := dates(l); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("dates %v, want %v", got, want)
	}
	if c, _ := l.File("vedtak/v1.toml"); c.Hash != last.String() {
		t.Errorf("v1's commit %s, want %s", c.Hash, last)
	}
	if l.Head == nil || l.Head.Date.String() != "2025-05-14" || len(l.Head.Short()) != ShortLen || l.Shallow {
		t.Errorf("head %+v, shallow %v", l.Head, l.Shallow)
	}
}

// TestMerge: a file changed on a branch takes the branch's commit, not
// the merge's; a file changed in the merge itself takes the merge's.
func TestMerge(t *testing.T) {
	g := newRepo(t)
	base := g.commit("2025-01-01T12:00:00Z", map[string]string{"data/a.toml": "a", "data/b.toml": "b", "data/c.toml": "c"})
	side := g.commit("2025-02-01T12:00:00Z", map[string]string{"data/b.toml": "b2"})
	// Back to base, change a on main, then merge side and change c in the merge.
	if err := g.wt.Checkout(&git.CheckoutOptions{Hash: base, Force: true}); err != nil {
		t.Fatal(err)
	}
	main := g.commit("2025-03-01T12:00:00Z", map[string]string{"data/a.toml": "a2"})
	mainCommit, _ := g.r.CommitObject(main)
	os.WriteFile(filepath.Join(g.dir, "data/b.toml"), []byte("b2"), 0o644)
	os.WriteFile(filepath.Join(g.dir, "data/c.toml"), []byte("c-merged"), 0o644)
	g.wt.Add("data/b.toml")
	g.wt.Add("data/c.toml")
	at, _ := time.Parse(time.RFC3339, "2025-04-01T12:00:00Z")
	sig := &object.Signature{Name: "T", Email: "t@example.org", When: at}
	if _, err := g.wt.Commit("merge", &git.CommitOptions{Author: sig, Committer: sig, Parents: []plumbing.Hash{mainCommit.Hash, side}}); err != nil {
		t.Fatal(err)
	}
	l, err := Read(filepath.Join(g.dir, "data"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a.toml": "2025-03-01", "b.toml": "2025-02-01", "c.toml": "2025-04-01"}
	if got := dates(l); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("dates %v, want %v", got, want)
	}
}

// TestNoHistory: a data folder outside git, in a repository without
// commits, or outside the repository's work tree has no history, and that
// is not an error.
func TestNoHistory(t *testing.T) {
	plain := t.TempDir()
	empty := newRepo(t)
	os.MkdirAll(filepath.Join(empty.dir, "data"), 0o755)
	for name, dir := range map[string]string{"not a repository": plain, "no commit": filepath.Join(empty.dir, "data")} {
		l, err := Read(dir)
		if err != nil || l.Head != nil || l.Files != nil {
			t.Errorf("%s: %+v, %v", name, l, err)
		}
		if _, ok := l.File("kommune.toml"); ok {
			t.Errorf("%s: a file has a date", name)
		}
	}
}

// TestShallow: a shallow clone knows its HEAD but dates no file.
func TestShallow(t *testing.T) {
	g := newRepo(t)
	g.commit("2025-01-01T12:00:00Z", map[string]string{"data/a.toml": "a"})
	g.commit("2025-02-01T12:00:00Z", map[string]string{"data/b.toml": "b"})
	clone := t.TempDir()
	_, err := git.PlainClone(clone, false, &git.CloneOptions{URL: g.dir, Depth: 1})
	if err != nil {
		t.Fatal(err)
	}
	l, err := Read(filepath.Join(clone, "data"))
	if err != nil {
		t.Fatal(err)
	}
	if !l.Shallow || l.Files != nil || l.Head == nil || l.Head.Date.String() != "2025-02-01" {
		t.Errorf("shallow clone: %+v", l)
	}
}

// BenchmarkRead dates 3 000 files changed over 600 commits (a kommune's
// decade: one commit per council meeting or report, each touching five
// files). The repository is made by git fast-import, which is quick where
// go-git's work tree is not.
func BenchmarkRead(b *testing.B) {
	const files, commits = 3000, 600
	git, err := exec.LookPath("git")
	if err != nil {
		b.Skip("no git command to build the repository with")
	}
	dir := b.TempDir()
	var stream bytes.Buffer
	name := func(i int) string { return fmt.Sprintf("data/vedtak/%d/v%04d.toml", i%10, i) }
	blob := func(path, content string) {
		fmt.Fprintf(&stream, "M 100644 inline %s\ndata %d\n%s\n", path, len(content), content)
	}
	when := time.Date(2016, 1, 1, 12, 0, 0, 0, time.UTC)
	for c := 0; c <= commits; c++ {
		msg := fmt.Sprint("commit ", c)
		fmt.Fprintf(&stream, "commit refs/heads/main\ncommitter T <t@example.org> %d +0000\ndata %d\n%s\n", when.AddDate(0, 0, 5*c).Unix(), len(msg), msg)
		if c == 0 {
			for i := range files {
				blob(name(i), fmt.Sprint(i))
			}
			continue
		}
		for k := range 5 {
			i := (c*7 + k*613) % files
			blob(name(i), fmt.Sprint(i, "-", c))
		}
	}
	for _, args := range [][]string{{"init", "-q", "-b", "main", dir}, {"-C", dir, "fast-import", "--quiet"}, {"-C", dir, "checkout", "-q", "main"}} {
		cmd := exec.Command(git, args...)
		if args[2] == "fast-import" {
			cmd.Stdin = &stream
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	b.ResetTimer()
	cpu := cputime.Used()
	for range b.N {
		l, err := Read(filepath.Join(dir, "data"))
		if err != nil || len(l.Files) != files {
			b.Fatalf("%d files, %v", len(l.Files), err)
		}
	}
	b.ReportMetric(float64((cputime.Used()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}
