// Package snapshot owns the git tags that mark published builds, so that
// "the figures as published on date D" can be found and cited later: one
// tag per published commit, named after the commit's date
// (data-2026-12-07, the date of the build's version), with -2, -3 … for
// a second or third commit published the same day. A rebuild of a commit
// that already has a data- tag (the daily rebuild, a rerun) makes no new
// tag.
//
// Plan only reads the repository, so a dry run and a test need no
// network and no GitHub; Create adds the tag to the local repository, and
// the Pages workflow pushes it and attaches the data package to a release.
package snapshot

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/history"
)

// Prefix begins every snapshot tag.
const Prefix = "data-"

// Tag is the tag a build of HEAD gets.
type Tag struct {
	Name   string
	New    bool // false when HEAD already has a snapshot tag (Name is that tag)
	Commit string
	Date   caldate.Date // the commit's date, as in the build's version
}

// Name returns the tag for a commit dated date: the commit's own snapshot
// tag if it has one (onHead, the tags pointing at it; the first in sort
// order), else Prefix+date, or with the first free suffix -2, -3 … among
// the existing tags.
func Name(date caldate.Date, onHead []string, existing map[string]bool) (string, bool) {
	best := ""
	for _, t := range onHead {
		if isSnapshot(t) && (best == "" || t < best) {
			best = t
		}
	}
	if best != "" {
		return best, false
	}
	base := Prefix + date.String()
	name := base
	for n := 2; existing[name]; n++ {
		name = base + "-" + strconv.Itoa(n)
	}
	return name, true
}

// isSnapshot reports whether a tag is a snapshot tag: data-YYYY-MM-DD with
// an optional -N.
func isSnapshot(tag string) bool {
	rest, ok := strings.CutPrefix(tag, Prefix)
	if !ok || len(rest) < len("2006-01-02") {
		return false
	}
	if _, err := caldate.Parse(rest[:10]); err != nil {
		return false
	}
	suffix := rest[10:]
	if suffix == "" {
		return true
	}
	n, err := strconv.Atoi(strings.TrimPrefix(suffix, "-"))
	return strings.HasPrefix(suffix, "-") && err == nil && n >= 2
}

// Plan works out the tag for HEAD of the repository holding dir.
func Plan(dir string) (Tag, error) {
	repo, err := open(dir)
	if err != nil {
		return Tag{}, err
	}
	ref, err := repo.Head()
	if err != nil {
		return Tag{}, fmt.Errorf("snapshot: HEAD: %w", err)
	}
	c, err := repo.CommitObject(ref.Hash())
	if err != nil {
		return Tag{}, fmt.Errorf("snapshot: HEAD: %w", err)
	}
	w := c.Committer.When
	date := caldate.New(w.Year(), w.Month(), w.Day())
	existing := map[string]bool{}
	var onHead []string
	tags, err := repo.Tags()
	if err != nil {
		return Tag{}, fmt.Errorf("snapshot: tags: %w", err)
	}
	err = tags.ForEach(func(r *plumbing.Reference) error {
		name := r.Name().Short()
		existing[name] = true
		target := r.Hash()
		if obj, err := repo.TagObject(target); err == nil {
			target = obj.Target // an annotated tag
		}
		if target == c.Hash {
			onHead = append(onHead, name)
		}
		return nil
	})
	if err != nil {
		return Tag{}, fmt.Errorf("snapshot: tags: %w", err)
	}
	name, isNew := Name(date, onHead, existing)
	return Tag{Name: name, New: isNew, Commit: c.Hash.String(), Date: date}, nil
}

// Create adds t to the repository holding dir as a lightweight tag on its
// commit; a tag that is not new is left as it is.
func Create(dir string, t Tag) error {
	if !t.New {
		return nil
	}
	repo, err := open(dir)
	if err != nil {
		return err
	}
	if _, err := repo.CreateTag(t.Name, plumbing.NewHash(t.Commit), nil); err != nil {
		return fmt.Errorf("snapshot: tag %s: %w", t.Name, err)
	}
	return nil
}

func open(dir string) (*git.Repository, error) {
	repo, err := git.PlainOpenWithOptions(dir, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if errors.Is(err, git.ErrRepositoryNotExists) {
		return nil, fmt.Errorf("snapshot: %s is not in a git repository", dir)
	}
	if err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	if shallow, err := repo.Storer.Shallow(); err == nil && len(shallow) > 0 {
		return nil, fmt.Errorf("snapshot: %s is a shallow clone: its tags and history are incomplete; check out with fetch-depth: 0", dir)
	}
	return repo, nil
}

// Version is the build version of a tag's commit, as compile writes it.
func (t Tag) Version() string {
	return t.Date.String() + "-" + history.Commit{Hash: t.Commit}.Short()
}
