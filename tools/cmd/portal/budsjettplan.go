package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/openkommune/portal/tools/atomicfile"
	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/diag"
	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/planimport"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/sheet"
)

// writePlan writes the table's stage into data/okonomiplan/ID.toml after
// checking the whole data directory with the new file in place; on any
// problem it writes nothing.
func writePlan(t *sheet.Table, m *sheet.Mapping, dataDir string, dry bool, stdout, stderr io.Writer) int {
	rel := "okonomiplan/" + m.Plan + ".toml"
	file := "data/" + rel
	target := filepath.Join(dataDir, filepath.FromSlash(rel))
	old, err := os.ReadFile(target)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintln(stderr, "portal import budsjett:", err)
		return 1
	}
	set, _ := load.Load(os.DirFS(dataDir), "data")
	var areas []record.Omrade
	if set.Omrader != nil {
		areas = set.Omrader.Omrade
	}
	out, probs := planimport.Apply(planimport.Input{Table: t, Mapping: m, Areas: areas, File: file, Src: old})
	if len(probs) > 0 {
		printSheetProblems(stderr, probs, "nothing written")
		return 1
	}
	if diags := checkWith(dataDir, rel, out); diags.Errors() > 0 {
		diags.Print(stderr)
		fmt.Fprintf(stderr, "with the imported %s the data has %d error(s) (listed above), so nothing is written: fix them (portal check shows those already there) and import again\n", file, diags.Errors())
		return 1
	}
	switch {
	case err == nil && bytes.Equal(old, out):
		fmt.Fprintf(stderr, "%s: unchanged\n", file)
		return 0
	case dry:
		fmt.Fprintf(stdout, "%s (%s, %s)\n", file, newOrUpdated(err), m.Stage)
		fmt.Fprintln(stderr, "-n: nothing written")
		return 0
	}
	if err := atomicfile.Write(target, out); err != nil {
		fmt.Fprintln(stderr, "portal import budsjett:", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s (%s, %s)\n", file, newOrUpdated(err), m.Stage)
	return 0
}

// checkWith checks the data directory as it would be with rel holding
// data, and returns its errors.
func checkWith(dataDir, rel string, data []byte) *diag.List {
	errs := &diag.List{}
	withFile, err := overlayFile(dataDir, rel, data)
	if err != nil {
		errs.Errorf("data", 1, 1, "cannot read the data directory: %v", err)
		return errs
	}
	after, ad := load.Load(withFile, "data")
	check.Check(after, ad)
	for _, d := range ad.Sorted() {
		if d.Severity == diag.Error {
			errs.Add(d)
		}
	}
	return errs
}
