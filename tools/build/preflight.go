package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// preflight reports, before any stage runs, every reason the build cannot
// run with o: a root that is not the portal's, a missing data directory,
// an output directory the build may not replace (checkOut). o has its
// defaults.
func (o Options) preflight() error {
	return errors.Join(checkRoot(o.Root), CheckDataDir(o.DataDir), checkOut(o))
}

// checkRoot reports what root lacks of the portal repository: config.toml
// (Hugo's configuration), go.mod (which pins Hugo and builds the search
// engine) and the directories Hugo reads (hugoSources).
//
// These are not embedded in the portal binary: the build runs the Go
// toolchain on the repository's go.mod (to run the pinned Hugo and to
// compile the search engine to WebAssembly), so it needs the repository
// anyway; and a kommune's fork changes layouts/, content/ and static/,
// which a copy inside the binary would silently override.
func checkRoot(root string) error {
	var errs []error
	for _, f := range []struct{ name, why string }{
		{"config.toml", ""},
		{"go.mod", " (it pins the Hugo and Go tools the build runs)"},
	} {
		if info, err := os.Stat(filepath.Join(root, f.name)); err != nil || !info.Mode().IsRegular() {
			errs = append(errs, fmt.Errorf("no %s in %s%s: run portal from the portal repository's root, or pass -root DIR", f.name, root, f.why))
		}
	}
	for _, d := range hugoSources {
		if info, err := os.Stat(filepath.Join(root, d)); err != nil || !info.IsDir() {
			errs = append(errs, fmt.Errorf("no %s/ in %s (Hugo reads the site's templates, pages, text and assets from the repository): run portal from the portal repository's root, or pass -root DIR", d, root))
		}
	}
	return errors.Join(errs...)
}

// CheckDataDir reports why dir cannot be the data directory: it is
// missing, not a directory or cannot be read.
func CheckDataDir(dir string) error {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("no data directory at %s: run portal from the portal repository's root, or pass -root DIR or -data DIR", dir)
	case err != nil:
		return fmt.Errorf("cannot read the data directory %s: %v", dir, err)
	case !info.IsDir():
		return fmt.Errorf("the data directory %s is a file: -data must be the directory with kommune.toml, vedtak/, …", dir)
	}
	f, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("cannot read the data directory %s: %v", dir, err)
	}
	return f.Close()
}
