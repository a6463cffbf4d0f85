// Command portal validates a kommune's data, compiles it and builds the
// transparency portal with Hugo.
//
//	portal check   validate data/ and print every problem
//	portal build   check, compile and build the site into public/
//	portal serve   build and preview on localhost, rebuilding on change
//	portal synth   write a synthetic kommune of any size (for benchmarks)
//	portal new     start a new vedtak or prosjekt file from its record type
//	portal schema  write the data files' JSON Schemas into schemas/ (for editors)
//	portal import  bring in møtedata from eInnsyn (portal import moter FILE),
//	               KOSTRA figures from SSB (portal import kostra FILE)
//	portal export  write every list as one workbook (portal export xlsx)
//	portal tag     tag the published build of HEAD (data-YYYY-MM-DD; -dry-run)
//
// Run "portal <command> -h" for the flags of each.
package main

import (
	"fmt"
	"os"

	"github.com/openkommune/portal/tools/catalog"
)

var commands = map[string]func(args []string) int{
	"check":  runCheck,
	"build":  runBuild,
	"serve":  runServe,
	"synth":  runSynth,
	"new":    runNew,
	"schema": runSchema,
	"import": runImport,
	"export": runExport,
	"tag":    runTag,
}

func main() { os.Exit(run(os.Args[1:])) }

func run(args []string) int {
	if len(args) < 1 || commands[args[0]] == nil {
		fmt.Fprintln(os.Stderr, "usage: portal check|build|serve|synth|new|schema|import|export|tag [flags]")
		return 2
	}
	// The UI texts Go writes are read from the embedded i18n/ files: a
	// broken file stops every command here, with each problem's place.
	if err := catalog.Check(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return commands[args[0]](args[1:])
}
