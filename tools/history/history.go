// Package history owns what git's own history says about the data
// directory: the commit the data was built from (the version a citation
// names) and, for each data file, the last commit that changed it.
//
// It reads the repository with go-git, never the files' timestamps (which
// a checkout sets to the time of the checkout), so the same commit always
// gives the same dates. The files' dates come from one walk of the log,
// newest commit first, that compares each commit's data folder with its
// parents' and stops once every file present at HEAD is dated: the cost
// grows with the number of commits walked and the files they changed, not
// with the number of files times the number of commits.
//
// A data directory outside a git repository, or a repository without a
// commit, has no history (Log.Head is nil). A shallow clone knows HEAD but
// not when older files last changed (Log.Files is nil), since its oldest
// commit would seem to add every file.
package history

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/storage/filesystem"
	"github.com/openkommune/portal/tools/caldate"
)

// Commit is one commit as a citation names it.
type Commit struct {
	Hash string       // the full hash
	Date caldate.Date // the commit's date, in the committer's own time zone
}

// ShortLen is the length of a short commit id.
const ShortLen = 7

// Short is the commit's short id.
func (c Commit) Short() string { return c.Hash[:min(ShortLen, len(c.Hash))] }

// Log is the history of one data directory.
type Log struct {
	// Head is the commit checked out, nil without history.
	Head *Commit
	// Shallow is true for a shallow clone: Files is then nil.
	Shallow bool
	// Files maps each file under the data directory at HEAD, by its
	// slash-separated path within it ("vedtak/2025/kst-2025-014.toml"),
	// to the last commit that changed it.
	Files map[string]Commit
}

// File returns the last change of a data file, if known.
func (l *Log) File(rel string) (Commit, bool) {
	if l == nil || l.Files == nil {
		return Commit{}, false
	}
	c, ok := l.Files[rel]
	return c, ok
}

// Read reads the history of dataDir from the git repository that holds
// it. No repository, no commit, or a data directory outside the work
// tree is no history, not an error.
func Read(dataDir string) (*Log, error) {
	repo, err := git.PlainOpenWithOptions(dataDir, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if errors.Is(err, git.ErrRepositoryNotExists) {
		return &Log{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	prefix, ok, err := prefixOf(repo, dataDir)
	if err != nil || !ok {
		return &Log{}, err
	}
	ref, err := repo.Head()
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return &Log{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("history: HEAD: %w", err)
	}
	head, err := repo.CommitObject(ref.Hash())
	if err != nil {
		return nil, fmt.Errorf("history: HEAD: %w", err)
	}
	l := &Log{Head: commitOf(head)}
	if shallow, err := repo.Storer.Shallow(); err != nil {
		return nil, fmt.Errorf("history: %w", err)
	} else if len(shallow) > 0 {
		l.Shallow = true
		return l, nil
	}
	if l.Files, err = walkFast(repo, head, prefix); err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	return l, nil
}

// walkFast walks with the pack files kept open: go-git otherwise opens a
// pack file for each object it reads, which dominates a long walk.
func walkFast(repo *git.Repository, head *object.Commit, prefix string) (map[string]Commit, error) {
	fsStore, ok := repo.Storer.(*filesystem.Storage)
	if !ok {
		return walk(repo, head, prefix)
	}
	st := filesystem.NewStorageWithOptions(fsStore.Filesystem(), cache.NewObjectLRUDefault(), filesystem.Options{KeepDescriptors: true})
	defer st.Close()
	fast, err := git.Open(st, nil)
	if err != nil {
		return nil, err
	}
	if head, err = fast.CommitObject(head.Hash); err != nil {
		return nil, err
	}
	return walk(fast, head, prefix)
}

func commitOf(c *object.Commit) *Commit {
	w := c.Committer.When
	return &Commit{Hash: c.Hash.String(), Date: caldate.New(w.Year(), w.Month(), w.Day())}
}

// prefixOf is the data directory's slash path within the work tree ("" at
// its root); ok is false when it lies outside it.
func prefixOf(repo *git.Repository, dataDir string) (string, bool, error) {
	wt, err := repo.Worktree()
	if errors.Is(err, git.ErrIsBareRepository) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("history: %w", err)
	}
	root, err := filepath.EvalSymlinks(wt.Filesystem.Root())
	if err != nil {
		return "", false, fmt.Errorf("history: %w", err)
	}
	dir, err := filepath.Abs(dataDir)
	if err == nil {
		dir, err = filepath.EvalSymlinks(dir)
	}
	if err != nil {
		return "", false, fmt.Errorf("history: %w", err)
	}
	rel, err := filepath.Rel(root, dir)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false, nil
	}
	if rel == "." {
		return "", true, nil
	}
	return filepath.ToSlash(rel), true, nil
}

// dataTree is the tree of the data folder in commit c, nil if it has none.
func dataTree(c *object.Commit, prefix string) (*object.Tree, error) {
	t, err := c.Tree()
	if err != nil || prefix == "" {
		return t, err
	}
	sub, err := t.Tree(prefix)
	if errors.Is(err, object.ErrDirectoryNotFound) {
		return nil, nil
	}
	return sub, err
}

// walk dates every file of the data folder at head: newest commit first,
// a file takes the date of the first commit found to change it.
func walk(repo *git.Repository, head *object.Commit, prefix string) (map[string]Commit, error) {
	files := map[string]Commit{}
	top, err := dataTree(head, prefix)
	if err != nil || top == nil {
		return files, err
	}
	pending := map[string]plumbing.Hash{} // path → blob at HEAD
	err = top.Files().ForEach(func(f *object.File) error {
		pending[f.Name] = f.Hash
		return nil
	})
	if err != nil {
		return nil, err
	}
	tc := &trees{repo: repo, m: map[plumbing.Hash]*object.Tree{}}
	iter, err := repo.Log(&git.LogOptions{From: head.Hash, Order: git.LogOrderCommitterTime})
	if err != nil {
		return nil, err
	}
	defer iter.Close()
	err = iter.ForEach(func(c *object.Commit) error {
		changed, err := tc.changedFiles(c, prefix, pending)
		if err != nil {
			return err
		}
		for _, p := range changed {
			files[p] = *commitOf(c)
			delete(pending, p)
		}
		if len(pending) == 0 {
			return storer.ErrStop
		}
		return nil
	})
	return files, err
}

// changedFiles lists the pending files that commit c changed: that differ
// from its first parent and, for a merge, from every other parent too (a
// file taken unchanged from one side was changed on that side, which the
// walk reaches later).
func (tc *trees) changedFiles(c *object.Commit, prefix string, pending map[string]plumbing.Hash) ([]string, error) {
	tree, err := dataTree(c, prefix)
	if err != nil || tree == nil {
		return nil, err
	}
	var parents []*object.Tree // nil for a parent without the data folder
	err = c.Parents().ForEach(func(p *object.Commit) error {
		t, err := dataTree(p, prefix)
		if err != nil {
			return err
		}
		parents = append(parents, t)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(parents) == 0 {
		// The first commit: it added every file it holds.
		var out []string
		for p := range pending {
			if _, err := tree.FindEntry(p); err == nil {
				out = append(out, p)
			}
		}
		return out, nil
	}
	first := parents[0]
	if first != nil && first.Hash == tree.Hash {
		return nil, nil
	}
	var out []string
	err = tc.changed(first, tree, "", func(p string, h plumbing.Hash) {
		if _, ok := pending[p]; ok && !fromOtherParent(parents[1:], p, h) {
			out = append(out, p)
		}
	})
	return out, err
}

// changed calls fn for each file of tree b that is not in tree a with the
// same content, below the path dir. Subtrees with the same hash are
// skipped without being read: a commit that changed a few files costs the
// folders on their paths, not the whole data folder.
func (tc *trees) changed(a, b *object.Tree, dir string, fn func(path string, h plumbing.Hash)) error {
	old := map[string]object.TreeEntry{}
	if a != nil {
		for _, e := range a.Entries {
			old[e.Name] = e
		}
	}
	for _, e := range b.Entries {
		p := e.Name
		if dir != "" {
			p = dir + "/" + e.Name
		}
		prev, had := old[e.Name]
		if had && prev.Hash == e.Hash && prev.Mode == e.Mode {
			continue
		}
		if e.Mode != filemode.Dir {
			fn(p, e.Hash)
			continue
		}
		sub, err := tc.get(e.Hash)
		if err != nil {
			return err
		}
		var prevSub *object.Tree
		if had && prev.Mode == filemode.Dir {
			if prevSub, err = tc.get(prev.Hash); err != nil {
				return err
			}
		}
		if err := tc.changed(prevSub, sub, p, fn); err != nil {
			return err
		}
	}
	return nil
}

// fromOtherParent reports whether one of a merge's other parents has the
// file at path with the same content.
func fromOtherParent(others []*object.Tree, path string, h plumbing.Hash) bool {
	for _, t := range others {
		if t == nil {
			continue
		}
		if e, err := t.FindEntry(path); err == nil && e.Hash == h {
			return true
		}
	}
	return false
}

// trees keeps the folders decoded lately: a commit's folders are its
// child's parent folders, read again one step later in the walk.
type trees struct {
	repo *git.Repository
	m    map[plumbing.Hash]*object.Tree
}

// maxTrees bounds the cache; it is emptied when full.
const maxTrees = 4096

func (tc *trees) get(h plumbing.Hash) (*object.Tree, error) {
	if t := tc.m[h]; t != nil {
		return t, nil
	}
	t, err := tc.repo.TreeObject(h)
	if err != nil {
		return nil, err
	}
	if len(tc.m) >= maxTrees {
		clear(tc.m)
	}
	tc.m[h] = t
	return t, nil
}
