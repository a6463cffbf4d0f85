// Package atomicfile writes a file so that, whatever happens while it is
// written, the file holds either its old content or all of the new.
package atomicfile

import (
	"io/fs"
	"os"
	"path/filepath"
)

// Write writes data to name through a temporary file in the same folder,
// renamed over name when complete; the folder is made if missing, and an
// existing file keeps its permissions (a new one gets 0644).
func Write(name string, data []byte) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".portal-*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(name); err == nil {
		mode = st.Mode().Perm()
	}
	if err := os.Chmod(tmp, mode); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}
