//go:build !linux

package build

import "os"

// exchange cannot swap two directories in one step here: publish renames
// the previous site aside and the new one into place.
func exchange(a, b string) (swapped bool, err error) { return false, nil }

// renameNoReplace renames the directory a to b; a rename of a directory
// never replaces anything but an empty directory.
func renameNoReplace(a, b string) error { return os.Rename(a, b) }
