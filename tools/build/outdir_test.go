package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// outFixture makes a project root with data and Hugo sources, a site the
// build made, an empty directory, a user's directory, a file and symbolic
// links, and returns the directory holding them.
func outFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	write := func(rel, text string) {
		p := filepath.Join(dir, rel)
		must(os.MkdirAll(filepath.Dir(p), 0o755))
		must(os.WriteFile(p, []byte(text), 0o644))
	}
	write("root/config.toml", "")
	write("root/go.mod", "module x\n")
	write("root/data/kommune.toml", "navn = \"x\"\n")
	for _, d := range hugoSources {
		write("root/"+d+"/x", "")
	}
	write("bare/config.toml", "")
	write("bare/go.mod", "module x\n")
	write("root/public/index.html", "old site")
	write("root/public/"+markerName, markerText)
	must(os.Mkdir(filepath.Join(dir, "empty"), 0o755))
	write("notes/todo.txt", "uncommitted work")
	write("forged/todo.txt", "uncommitted work")
	write("forged/"+markerName, "not the portal's text")
	write("markerdir/"+markerName+"/x", "")
	write("file", "a file")
	must(os.Symlink(filepath.Join(dir, "root", "public"), filepath.Join(dir, "sitelink")))
	must(os.Symlink(filepath.Join(dir, "root", "data"), filepath.Join(dir, "datalink")))
	must(os.Symlink(filepath.Join(dir, "root"), filepath.Join(dir, "rootlink")))
	return dir
}

func TestCheckOut(t *testing.T) {
	dir := outFixture(t)
	p := func(rel string) string { return filepath.Join(dir, rel) }
	for _, c := range []struct {
		name      string
		root      string // default root
		data      string // default root/data
		out, want string // want "" for allowed
	}{
		{"default public/, a site the build made", "", "", "", ""},
		{"a new directory", "", "", p("new/site"), ""},
		{"an empty directory", "", "", p("empty"), ""},
		{"a site reached through a symlinked parent", "", "", p("rootlink/public"), ""},
		{"the root", "", "", p("root"), "is the project root"},
		{"a directory holding the root", "", "", dir, "contains the project root"},
		{"the file system's root", "", "", "/", "contains the project root"},
		{"the data directory", "", "", p("root/data"), "is the data directory"},
		{"the data directory by ..", "", "", p("root/public") + "/../data", "is the data directory"},
		{"the data directory given through a symlink", "", p("datalink"), p("root/data"), "is the data directory"},
		{"the root given through a symlink", p("rootlink"), "", p("root"), "is the project root"},
		{"a directory holding the data", "", p("root/public/data"), p("root/public"), "contains the data directory"},
		{"inside the data", "", "", p("root/data/public"), "lies inside the data directory"},
		{"inside the data through a symlinked parent", "", "", p("datalink/public"), "lies inside the data directory"},
		{"inside the data by ..", "", "", p("root/public") + "/../data/public", "lies inside the data directory"},
		{"a Hugo source", "", "", p("root/static"), "is the Hugo source directory"},
		{"inside a Hugo source", "", "", p("root/layouts/site"), "lies inside the Hugo source directory"},
		{"a user's directory", "", "", p("notes"), "is not a site built by portal (it has no .portal-site file)"},
		{"a forged marker", "", "", p("forged"), "its .portal-site file is not the portal's"},
		{"a marker that is a directory", "", "", p("markerdir"), "it has no .portal-site file"},
		{"a plain file", "", "", p("file"), "is a file, not a directory"},
		{"a symlink to a site", "", "", p("sitelink"), "is a symbolic link"},
		{"a symlink to the data", "", "", p("datalink"), "is a symbolic link"},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := c.root
			if root == "" {
				root = p("root")
			}
			o := Options{Root: root, DataDir: c.data, Out: c.out}.withDefaults()
			err := checkOut(o)
			switch {
			case c.want == "" && err != nil:
				t.Errorf("checkOut(-out %s) = %v, want it allowed", c.out, err)
			case c.want != "" && err == nil:
				t.Errorf("checkOut(-out %s) allowed it, want %q", c.out, c.want)
			case c.want != "" && !strings.Contains(err.Error(), c.want):
				t.Errorf("checkOut(-out %s) = %v, want %q", c.out, err, c.want)
			}
		})
	}
	// Checking changes nothing.
	for _, f := range []string{"notes/todo.txt", "forged/todo.txt", "root/data/kommune.toml", "root/public/index.html", "file"} {
		if _, err := os.Stat(p(f)); err != nil {
			t.Error(err)
		}
	}
}

func TestPreflight(t *testing.T) {
	dir := outFixture(t)
	for _, c := range []struct {
		name string
		o    Options
		want []string
	}{
		{"no config.toml, no go.mod", Options{Root: dir, DataDir: filepath.Join(dir, "root/data"), Out: filepath.Join(dir, "site")},
			[]string{"no config.toml in " + dir + ": run portal from the portal repository's root, or pass -root DIR", "no go.mod in " + dir}},
		{"no Hugo sources", Options{Root: filepath.Join(dir, "bare"), DataDir: filepath.Join(dir, "root/data"), Out: filepath.Join(dir, "site")},
			[]string{"no layouts/ in " + filepath.Join(dir, "bare") + " (Hugo reads", "no content/ in", "no static/ in", "no i18n/ in"}},
		{"no data", Options{Root: filepath.Join(dir, "root"), DataDir: filepath.Join(dir, "nodata")},
			[]string{"no data directory at " + filepath.Join(dir, "nodata")}},
		{"data is a file", Options{Root: filepath.Join(dir, "root"), DataDir: filepath.Join(dir, "file")},
			[]string{"the data directory " + filepath.Join(dir, "file") + " is a file"}},
		{"every problem at once", Options{Root: dir, DataDir: filepath.Join(dir, "nodata"), Out: filepath.Join(dir, "notes")},
			[]string{"no config.toml", "no go.mod", "no data directory", "is not a site built by portal"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.o.withDefaults().preflight()
			if err == nil {
				t.Fatal("preflight passed")
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("preflight = %v\nwant %q", err, w)
				}
			}
		})
	}
	if err := (Options{Root: filepath.Join(dir, "root")}).withDefaults().preflight(); err != nil {
		t.Errorf("preflight of a good root: %v", err)
	}
}
