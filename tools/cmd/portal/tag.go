package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/openkommune/portal/tools/snapshot"
)

// runTag works out the snapshot tag of a build of HEAD (package snapshot:
// data-YYYY-MM-DD after the commit's date, -2 … for another commit that
// day, none new when HEAD is tagged already) and, without -dry-run,
// creates it in the local repository. It prints the result as GitHub
// Actions step outputs, for the Pages workflow to push the tag and make
// its release:
//
//	tag=data-2026-12-07
//	ny=true
//	versjon=2026-12-07-97fedb8
func runTag(args []string) int {
	fs := flag.NewFlagSet("tag", flag.ExitOnError)
	dir := fs.String("repo", ".", "a directory inside the git repository")
	dry := fs.Bool("dry-run", false, "print the tag a build of HEAD gets without creating it")
	fs.Parse(args)
	t, err := snapshot.Plan(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "portal tag:", err)
		return 1
	}
	if !*dry {
		if err := snapshot.Create(*dir, t); err != nil {
			fmt.Fprintln(os.Stderr, "portal tag:", err)
			return 1
		}
	}
	fmt.Printf("tag=%s\nny=%t\nversjon=%s\n", t.Name, t.New, t.Version())
	return 0
}
