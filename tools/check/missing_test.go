package check_test

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/diag"
	"github.com/openkommune/portal/tools/load"
)

// exampleFS reads the example data directory into memory.
func exampleFS(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("../../data"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile("../../data/" + p)
		fsys[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

// loadCheckCompile runs the stages portal build runs before Hugo, turning
// a panic into an error.
func loadCheckCompile(fsys fs.FS) (diags *diag.List, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	set, diags := load.Load(fsys, "data")
	check.Check(set, diags)
	if diags.Errors() == 0 {
		compile.Compile(set)
	}
	return diags, nil
}

// TestMissingOrUnreadableFile removes each file of the example in turn, and
// puts a directory where a required file and one file of each folder was
// (a file that cannot be read): either gives diagnostics or a site, never a
// panic; and a missing required file, or an unreadable one, is an error
// that names it.
func TestMissingOrUnreadableFile(t *testing.T) {
	example := exampleFS(t)
	required := map[string]bool{"kommune.toml": true, "rammeomrader.toml": true}
	folders := map[string]bool{}
	for _, name := range slices.Sorted(maps.Keys(example)) {
		hows := []string{"missing"}
		if folder, _ := path.Split(name); required[name] || !folders[folder] {
			folders[folder] = true
			hows = append(hows, "unreadable")
		}
		for _, how := range hows {
			fsys := fstest.MapFS{}
			for k, v := range example {
				fsys[k] = v
			}
			delete(fsys, name)
			if how == "unreadable" {
				fsys[name+"/x"] = &fstest.MapFile{Data: []byte("x")}
				fsys[name] = &fstest.MapFile{Mode: fs.ModeDir | 0o755}
			}
			diags, err := loadCheckCompile(fsys)
			if err != nil {
				t.Errorf("%s %s: %v", how, name, err)
				continue
			}
			got := format(diags)
			if (required[name] || how == "unreadable") && (diags.Errors() == 0 || !strings.Contains(got, "data/"+name)) {
				t.Errorf("%s %s: no error that names it:\n%s", how, name, got)
			}
		}
	}
}
