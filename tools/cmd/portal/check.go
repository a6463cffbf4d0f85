package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/openkommune/portal/tools/build"
)

func runCheck(args []string) int {
	fs := flag.NewFlagSet("check", flag.ExitOnError)
	root := fs.String("root", ".", "project root (holds data/)")
	dataDir := fs.String("data", "", "data directory (default ROOT/data)")
	quiet := fs.Bool("q", false, "print only problems")
	fs.Parse(args)
	if *dataDir == "" {
		*dataDir = filepath.Join(*root, "data")
	}
	abs, err := filepath.Abs(*dataDir)
	if err == nil {
		err = build.CheckDataDir(abs)
	}
	if err != nil {
		printErr("portal check", err)
		return 1
	}
	shown := filepath.ToSlash(*dataDir)
	if rel, err := filepath.Rel(*root, *dataDir); err == nil && filepath.IsLocal(rel) {
		shown = filepath.ToSlash(rel)
	}
	_, diags := build.Check(os.DirFS(*dataDir), shown)
	diags.Print(os.Stderr)
	if diags.Errors() > 0 {
		return 1
	}
	if !*quiet {
		fmt.Fprintf(os.Stderr, "%s/: no errors\n", shown)
	}
	return 0
}
