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
// (Hugo's configuration) and go.mod (which pins Hugo and builds the search
// engine).
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
