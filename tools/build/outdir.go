package build

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// The output directory belongs to the user: the build replaces it whole
// only if it is empty, missing, or a site the build made itself, which it
// proves by the marker file every build writes into the site's root.
const (
	markerName = ".portal-site"
	markerText = "This directory is a site built by `portal build` (github.com/openkommune/portal).\n" +
		"The next build replaces it whole: keep no other files here.\n"
)

// writeMarker marks dir as a site the build made.
func writeMarker(dir string) error {
	return os.WriteFile(filepath.Join(dir, markerName), []byte(markerText), 0o644)
}

// input is a path the build reads, which the output directory must stay
// clear of.
type input struct {
	what string
	path string
	// holdsOut: the output may lie inside it (public/ inside the root),
	// though it may still not be it or contain it.
	holdsOut bool
}

// inputs are the paths the build reads: the root, the data and the
// directories Hugo reads the site's sources from.
func inputs(o Options) []input {
	in := []input{
		{"project root", o.Root, true},
		{"data directory", o.DataDir, false},
	}
	for _, d := range hugoSources {
		in = append(in, input{"Hugo source directory", filepath.Join(o.Root, d), false})
	}
	return in
}

// hugoSources are the directories of the root that Hugo reads.
var hugoSources = []string{"content", "layouts", "static", "i18n"}

// checkOut reports why the build may not replace o.Out, or nil if it may:
// o.Out must be missing, an empty directory or a site the build made (it
// holds the marker), must not be a symbolic link or a file, and must not
// be, hold or lie inside the data or a source (real paths are compared,
// so symbolic links and ".." in any of them change nothing). o has its
// defaults (absolute paths).
func checkOut(o Options) error {
	out := o.Out
	info, err := os.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		info = nil
	case err != nil:
		return fmt.Errorf("-out %s: %v", out, err)
	case info.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("-out %s is a symbolic link: the build replaces -out whole, so give the real directory it points to, or a new one", out)
	case !info.IsDir():
		return fmt.Errorf("-out %s is a file, not a directory: give a new directory for the site, e.g. %s", out, filepath.Join(o.Root, "public"))
	}
	realOut, err := realPath(out)
	if err != nil {
		return fmt.Errorf("-out %s: %v", out, err)
	}
	for _, in := range inputs(o) {
		realIn, err := realPath(in.path)
		if err != nil {
			continue // an input that cannot be resolved cannot be hit either
		}
		switch {
		case within(realOut, realIn) && within(realIn, realOut):
			return fmt.Errorf("-out %s is the %s: the build replaces -out whole; give a directory of its own, e.g. %s", out, in.what, filepath.Join(o.Root, "public"))
		case within(realIn, realOut):
			return fmt.Errorf("-out %s contains the %s %s: the build replaces -out whole; give a directory of its own, e.g. %s", out, in.what, in.path, filepath.Join(o.Root, "public"))
		case !in.holdsOut && within(realOut, realIn):
			return fmt.Errorf("-out %s lies inside the %s %s: the build would write into what it reads; give a directory outside it, e.g. %s", out, in.what, in.path, filepath.Join(o.Root, "public"))
		}
	}
	if info == nil {
		return nil
	}
	if err := isSite(out); err != nil {
		return fmt.Errorf("-out %s %v, so the build will not replace it: give a new or empty directory; if it is a site built by an older portal (before the marker), delete it by hand once", out, err)
	}
	return nil
}

// isSite reports why the directory dir is not one the build may replace:
// neither empty nor holding the marker.
func isSite(dir string) error {
	info, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return errors.New("is not a directory")
	}
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	names, err := f.Readdirnames(1)
	f.Close()
	if errors.Is(err, io.EOF) || (err == nil && len(names) == 0) {
		return nil // empty
	}
	m, err := os.Lstat(filepath.Join(dir, markerName))
	if err != nil || !m.Mode().IsRegular() {
		return fmt.Errorf("is not a site built by portal (it has no %s file)", markerName)
	}
	if m.Size() != int64(len(markerText)) || !bytes.Equal(readSmall(filepath.Join(dir, markerName)), []byte(markerText)) {
		return fmt.Errorf("is not a site built by portal (its %s file is not the portal's)", markerName)
	}
	return nil
}

// readSmall reads the marker-sized start of the file at p.
func readSmall(p string) []byte {
	f, err := os.Open(p)
	if err != nil {
		return nil
	}
	defer f.Close()
	b, _ := io.ReadAll(io.LimitReader(f, int64(len(markerText))+1))
	return b
}

// realPath resolves every symbolic link in the absolute, clean path p; the
// part of p that does not exist yet is kept as it is.
func realPath(p string) (string, error) {
	var rest []string
	for {
		r, err := filepath.EvalSymlinks(p)
		if err == nil {
			return filepath.Join(append([]string{r}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(p)
		if parent == p {
			return filepath.Join(append([]string{p}, rest...)...), nil
		}
		rest = append([]string{filepath.Base(p)}, rest...)
		p = parent
	}
}

// within tells whether the real path a is b or lies inside it, by name or
// by being the same directory as b or one inside it (a bind mount, a
// case-insensitive file system).
func within(a, b string) bool {
	bi, bErr := os.Stat(b)
	for p := a; ; p = filepath.Dir(p) {
		if p == b {
			return true
		}
		if bErr == nil {
			if pi, err := os.Stat(p); err == nil && os.SameFile(pi, bi) {
				return true
			}
		}
		if filepath.Dir(p) == p {
			return false
		}
	}
}
