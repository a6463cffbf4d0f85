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
	quiet := fs.Bool("q", false, "print only problems")
	fs.Parse(args)
	dataDir := filepath.Join(*root, "data")
	_, diags := build.Check(os.DirFS(dataDir), "data")
	diags.Print(os.Stderr)
	if diags.Errors() > 0 {
		return 1
	}
	if !*quiet {
		fmt.Fprintln(os.Stderr, "data/: no errors")
	}
	return 0
}
