package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"testing/fstest"
	"time"

	"github.com/openkommune/portal/tools/atomicfile"
	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/diag"
	"github.com/openkommune/portal/tools/jsonstat"
	"github.com/openkommune/portal/tools/kostra"
	"github.com/openkommune/portal/tools/load"
)

const kostraUsage = `usage: portal import kostra [-root DIR] [-data DIR] [-hentet YYYY-MM-DD] [-n] FILE.json`

// importKostra writes data/kostra/TABELL.toml from a KOSTRA table saved
// from SSB's statistikkbank as JSON-stat 2.0, after checking that the data
// passes check with it; on any problem it writes nothing.
func importKostra(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("import kostra", flag.ContinueOnError)
	fset.SetOutput(stderr)
	root := fset.String("root", ".", "project root (holds data/)")
	data := fset.String("data", "", "the data directory (default: ROOT/data)")
	hentet := fset.String("hentet", "", "the day the file was fetched from SSB (default: the day the file was last modified)")
	dry := fset.Bool("n", false, "show what would be written, and write nothing")
	if err := fset.Parse(args); err != nil || fset.NArg() != 1 {
		fmt.Fprintln(stderr, kostraUsage)
		return 2
	}
	if *data == "" {
		*data = filepath.Join(*root, "data")
	}
	name := fset.Arg(0)
	shown := filepath.ToSlash(name)
	src, err := os.ReadFile(name)
	if err != nil {
		fmt.Fprintln(stderr, "portal import kostra:", err)
		return 1
	}
	day, err := fetchDay(name, *hentet)
	if err != nil {
		fmt.Fprintln(stderr, "portal import kostra:", err)
		return 2
	}
	file, out, diags := planKostra(shown, src, *data, day)
	diags.Print(stderr)
	if diags.Errors() > 0 {
		fmt.Fprintln(stderr, "nothing written")
		return 1
	}
	target := filepath.Join(*data, "kostra", path.Base(file))
	old, err := os.ReadFile(target)
	switch {
	case err == nil && bytes.Equal(old, out):
		fmt.Fprintf(stderr, "%s: unchanged\n", file)
		return 0
	case *dry:
		fmt.Fprintf(stdout, "%s (%s)\n", file, newOrUpdated(err))
		fmt.Fprintln(stderr, "-n: nothing written")
		return 0
	}
	if err := atomicfile.Write(target, out); err != nil {
		fmt.Fprintln(stderr, "portal import kostra:", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s (%s)\n", file, newOrUpdated(err))
	return 0
}

func newOrUpdated(readErr error) string {
	if errors.Is(readErr, fs.ErrNotExist) {
		return "new"
	}
	return "updated"
}

// fetchDay is the -hentet date, or the day the file was saved.
func fetchDay(name, flagValue string) (caldate.Date, error) {
	if flagValue != "" {
		d, err := caldate.Parse(flagValue)
		if err != nil {
			return d, fmt.Errorf("-hentet %q: write the date as YYYY-MM-DD", flagValue)
		}
		return d, nil
	}
	st, err := os.Stat(name)
	if err != nil {
		return caldate.Date{}, err
	}
	t := st.ModTime().In(time.Local)
	return caldate.New(t.Year(), t.Month(), t.Day()), nil
}

// planKostra reads the table, makes the data file and checks the data
// directory with it; it returns the file's repo-relative path and bytes.
func planKostra(name string, src []byte, dataDir string, day caldate.Date) (string, []byte, *diag.List) {
	diags := &diag.List{}
	ds, err := jsonstat.Parse(name, src)
	if err != nil {
		var je *jsonstat.Error
		if !errors.As(err, &je) {
			diags.Errorf(name, 1, 1, "%v", err)
			return "", nil, diags
		}
		for _, p := range je.Problems {
			diags.Errorf(name, p.Line, p.Col, "%s", p.Message)
		}
		return "", nil, diags
	}
	set, _ := load.Load(os.DirFS(dataDir), "data")
	if set.Kommune == nil || set.Kommune.Kommunenummer == "" {
		diags.Errorf("data/kommune.toml", 1, 1, "no kommunenummer: the import needs it to find the kommune's figures; add kommunenummer = \"4601\" (run portal check)")
		return "", nil, diags
	}
	k, cd := kostra.FromDataset(name, src, ds, kostra.Options{Kommunenummer: set.Kommune.Kommunenummer, Hentet: day})
	diags.Merge(cd)
	if k == nil {
		return "", nil, diags
	}
	out := kostra.Format(k)
	file := "data/kostra/" + k.ID + ".toml"
	withFile, err := overlayFile(dataDir, "kostra/"+k.ID+".toml", out)
	if err != nil {
		diags.Errorf("data", 1, 1, "cannot read the data directory: %v", err)
		return "", nil, diags
	}
	after, ad := load.Load(withFile, "data")
	check.Check(after, ad)
	for _, d := range ad.Sorted() {
		if d.Severity == diag.Error {
			diags.Add(d)
		}
	}
	if n := ad.Errors(); n > 0 {
		diags.Errorf(name, 1, 1, "with %s the data has %d error(s) (listed above), so nothing is written: fix them (portal check shows those already there) and import again", file, n)
	}
	return file, out, diags
}

// overlayFile is the data directory as it will be with one more file.
func overlayFile(dir, rel string, data []byte) (fs.FS, error) {
	m := fstest.MapFS{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		r, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		m[filepath.ToSlash(r)] = &fstest.MapFile{Data: b, Mode: 0o644}
		return err
	})
	m[rel] = &fstest.MapFile{Data: data, Mode: 0o644}
	return m, err
}
