package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/openkommune/portal/tools/atomicfile"
	"github.com/openkommune/portal/tools/build"
	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/export"
)

// runExport writes the site's lists in another format: "portal export
// xlsx" one workbook with a sheet per list, for Excel.
func runExport(args []string) int {
	if len(args) < 1 || args[0] != "xlsx" {
		fmt.Fprintln(os.Stderr, "usage: portal export xlsx [-root DIR] [-data DIR] [-out FILE]")
		return 2
	}
	fs := flag.NewFlagSet("export xlsx", flag.ExitOnError)
	root := fs.String("root", ".", "project root (holds data/)")
	dataDir := fs.String("data", "", "data directory (default ROOT/data)")
	out := fs.String("out", "", "the workbook to write (default KOMMUNENUMMER-lister.xlsx in the current directory)")
	fs.Parse(args[1:])
	if *dataDir == "" {
		*dataDir = filepath.Join(*root, "data")
	}
	if err := build.CheckDataDir(*dataDir); err != nil {
		printErr("portal export", err)
		return 1
	}
	set, diags := build.Check(os.DirFS(*dataDir), filepath.ToSlash(*dataDir))
	diags.Print(os.Stderr)
	if diags.Errors() > 0 {
		fmt.Fprintln(os.Stderr, "portal export: the data has errors; nothing was written")
		return 1
	}
	site := compile.Compile(set)
	data, err := export.Workbook(site)
	if err != nil {
		printErr("portal export", err)
		return 1
	}
	if *out == "" {
		*out = site.Kommune.Kommunenummer + "-lister.xlsx"
	}
	if err := atomicfile.Write(*out, data); err != nil {
		printErr("portal export", err)
		return 1
	}
	fmt.Fprintf(os.Stderr, "wrote %s (%d KB)\n", *out, (len(data)+1023)/1024)
	return 0
}
