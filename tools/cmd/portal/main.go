// Command portal validates a kommune's data, compiles it and builds the
// transparency portal with Hugo.
//
//	portal check   validate data/ and print every problem
//	portal build   check, compile and build the site into public/
//	portal serve   build and preview on localhost, rebuilding on change
//	portal synth   write a synthetic kommune of any size (for benchmarks)
//
// Run "portal <command> -h" for the flags of each.
package main

import (
	"fmt"
	"os"
)

var commands = map[string]func(args []string) int{
	"check": runCheck,
	"build": runBuild,
	"serve": runServe,
	"synth": runSynth,
}

func main() {
	if len(os.Args) < 2 || commands[os.Args[1]] == nil {
		fmt.Fprintln(os.Stderr, "usage: portal check|build|serve|synth [flags]")
		os.Exit(2)
	}
	os.Exit(commands[os.Args[1]](os.Args[2:]))
}
