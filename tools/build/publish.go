package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// publish puts the staged site in place of out and removes the previous
// site; stage is the staging directory that holds staged.
//
// Where the OS can exchange two directories atomically (Linux
// renameat2 RENAME_EXCHANGE), out always names a whole site, the old or
// the new: a reader never finds it missing or half-written. Elsewhere (or
// on a file system without the exchange) the old site is renamed aside and
// the new one into its place: out is missing for the instant between the
// two renames, and on failure the old site is renamed back, never deleted.
// Before the previous tree is removed it must prove again to be a site the
// build made (isSite), so a directory put at out during the build is put
// back and kept, and nothing is published.
func publish(staged, out, stage string) error {
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		if err := renameNoReplace(staged, out); err != nil {
			return fmt.Errorf("publishing the new site: %w", err)
		}
		return nil
	}
	swapped, err := renameExchange(staged, out)
	if err != nil {
		return fmt.Errorf("publishing the new site: %w", err)
	}
	if !swapped {
		return publishByRenames(staged, out, filepath.Join(stage, "old"))
	}
	// The previous site is now at staged.
	if err := isSite(staged); err != nil {
		if _, backErr := renameExchange(staged, out); backErr != nil {
			return &keptError{path: staged, out: out, err: backErr}
		}
		return fmt.Errorf("%s was replaced during the build and now %v: it was left as it was, and nothing was published", out, err)
	}
	os.RemoveAll(staged)
	return nil
}

// publishByRenames is publish where the OS cannot exchange directories:
// the previous site is renamed to old, checked, and the new one renamed
// into place; any failure renames the previous site back.
func publishByRenames(staged, out, old string) error {
	if err := os.Rename(out, old); err != nil {
		return fmt.Errorf("moving the previous site aside: %w", err)
	}
	if err := isSite(old); err != nil {
		if backErr := os.Rename(old, out); backErr != nil {
			return &keptError{path: old, out: out, err: backErr}
		}
		return fmt.Errorf("%s was replaced during the build and now %v: it was left as it was, and nothing was published", out, err)
	}
	if err := os.Rename(staged, out); err != nil {
		if backErr := os.Rename(old, out); backErr != nil {
			return &keptError{path: old, out: out, err: backErr}
		}
		return fmt.Errorf("publishing the new site: %w", err)
	}
	os.RemoveAll(old)
	return nil
}

// renameExchange swaps the directories a and b; swapped is false, with no
// error, where the OS or the file system cannot (see exchange_*.go). A
// variable so that a test can take the fallback.
var renameExchange = exchange

// keptError is a failed publish whose previous out could not be moved
// back: it is at path, and the staging directory is kept.
type keptError struct {
	path, out string
	err       error
}

func (e *keptError) Error() string {
	return fmt.Sprintf("publishing failed, and moving the previous %s back failed too (%v): it is at %s; move it back by hand", e.out, e.err, e.path)
}

// keepName marks a staging directory that holds a kept tree (keptError),
// so that no later build removes it as stale.
const keepName = "KEPT-READ-ME.txt"

// keepStage marks the staging directory dir as kept.
func keepStage(dir string, e *keptError) {
	os.WriteFile(filepath.Join(dir, keepName), []byte(e.Error()+"\n"), 0o644)
}
