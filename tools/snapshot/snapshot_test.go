package snapshot

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/openkommune/portal/tools/caldate"
)

func TestName(t *testing.T) {
	day := caldate.New(2026, 12, 7)
	for _, tc := range []struct {
		name     string
		onHead   []string
		existing []string
		want     string
		isNew    bool
	}{
		{"first build of the day", nil, []string{"data-2026-12-06"}, "data-2026-12-07", true},
		{"second commit the same day", nil, []string{"data-2026-12-07"}, "data-2026-12-07-2", true},
		{"third", nil, []string{"data-2026-12-07", "data-2026-12-07-2"}, "data-2026-12-07-3", true},
		{"rebuild of a tagged commit", []string{"data-2026-12-07-2"}, []string{"data-2026-12-07", "data-2026-12-07-2"}, "data-2026-12-07-2", false},
		{"two tags on HEAD: the first", []string{"data-2026-12-08", "data-2026-12-07"}, nil, "data-2026-12-07", false},
		{"other tags on HEAD do not count", []string{"v1.0", "data-final", "data-2026-12-07-1", "data-2026-13-01"}, nil, "data-2026-12-07", true},
	} {
		existing := map[string]bool{}
		for _, e := range tc.existing {
			existing[e] = true
		}
		if got, isNew := Name(day, tc.onHead, existing); got != tc.want || isNew != tc.isNew {
			t.Errorf("%s: Name = %q, %v; want %q, %v", tc.name, got, isNew, tc.want, tc.isNew)
		}
	}
}

func commit(t *testing.T, dir string, wt *git.Worktree, when, file string) plumbing.Hash {
	t.Helper()
	os.WriteFile(filepath.Join(dir, file), []byte(when), 0o644)
	wt.Add(file)
	at, _ := time.Parse(time.RFC3339, when)
	sig := &object.Signature{Name: "T", Email: "t@example.org", When: at}
	h, err := wt.Commit(when, &git.CommitOptions{Author: sig, Committer: sig})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestPlanAndCreate walks through the Pages workflow's tagging in a
// temporary repository: a new commit gets data-DATE, its rebuild gets no
// new tag, a second commit that day gets -2, and an annotated tag on HEAD
// counts as its snapshot.
func TestPlanAndCreate(t *testing.T) {
	dir := t.TempDir()
	r, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, _ := r.Worktree()
	// 23:30 in Norway on 7 December is 8 December nowhere that matters:
	// the date is the committer's own, as in the version.
	first := commit(t, dir, wt, "2026-12-07T23:30:00+01:00", "a.toml")
	r.CreateTag("v1", first, nil) // not a snapshot tag

	plan := func() Tag {
		t.Helper()
		tag, err := Plan(filepath.Join(dir))
		if err != nil {
			t.Fatal(err)
		}
		return tag
	}
	tag := plan()
	if tag.Name != "data-2026-12-07" || !tag.New || tag.Commit != first.String() || tag.Version() != "2026-12-07-"+first.String()[:7] {
		t.Fatalf("first build: %+v", tag)
	}
	if err := Create(dir, tag); err != nil {
		t.Fatal(err)
	}
	if again := plan(); again.Name != "data-2026-12-07" || again.New {
		t.Errorf("rebuild of the tagged commit: %+v", again)
	}
	second := commit(t, dir, wt, "2026-12-07T10:00:00+01:00", "b.toml")
	tag = plan()
	if tag.Name != "data-2026-12-07-2" || !tag.New || tag.Commit != second.String() {
		t.Errorf("second commit of the day: %+v", tag)
	}
	// Tagged by hand with an annotated tag: that is its snapshot.
	sig := &object.Signature{Name: "T", Email: "t@example.org", When: time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)}
	if _, err := r.CreateTag("data-2026-12-07-2", second, &git.CreateTagOptions{Tagger: sig, Message: "by hand"}); err != nil {
		t.Fatal(err)
	}
	if tag := plan(); tag.Name != "data-2026-12-07-2" || tag.New {
		t.Errorf("annotated tag on HEAD: %+v", tag)
	}
}

func TestPlanRefuses(t *testing.T) {
	if _, err := Plan(t.TempDir()); err == nil || !strings.Contains(err.Error(), "not in a git repository") {
		t.Errorf("outside git: %v", err)
	}
	src := t.TempDir()
	r, _ := git.PlainInit(src, false)
	wt, _ := r.Worktree()
	commit(t, src, wt, "2026-12-06T10:00:00Z", "a.toml")
	commit(t, src, wt, "2026-12-07T10:00:00Z", "a.toml")
	clone := t.TempDir()
	if _, err := git.PlainClone(clone, false, &git.CloneOptions{URL: src, Depth: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := Plan(clone); err == nil || !strings.Contains(err.Error(), "shallow") {
		t.Errorf("shallow clone: %v", err)
	}
}
