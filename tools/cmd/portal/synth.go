package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/openkommune/portal/tools/synth"
)

func runSynth(args []string) int {
	fs := flag.NewFlagSet("synth", flag.ExitOnError)
	out := fs.String("out", "", "directory to write the synthetic data directory into (required)")
	var s synth.Size
	fs.IntVar(&s.Vedtak, "vedtak", 5000, "number of vedtak")
	fs.IntVar(&s.Prosjekter, "prosjekter", 500, "number of investment projects")
	fs.IntVar(&s.Planer, "planer", 20, "number of plans")
	fs.Int64Var(&s.Seed, "seed", 1, "random seed (the same seed gives the same files)")
	fs.Parse(args)
	if *out == "" {
		fmt.Fprintln(os.Stderr, "portal synth: -out is required")
		return 2
	}
	if err := synth.WriteDir(*out, s); err != nil {
		fmt.Fprintln(os.Stderr, "portal synth:", err)
		return 1
	}
	return 0
}
