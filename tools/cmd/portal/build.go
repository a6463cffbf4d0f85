package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/openkommune/portal/tools/build"
	"github.com/openkommune/portal/tools/caldate"
)

func buildFlags(name string, args []string) (*flag.FlagSet, *build.Options) {
	fs := flag.NewFlagSet(name, flag.ExitOnError)
	o := &build.Options{}
	fs.StringVar(&o.Root, "root", ".", "project root (config.toml, data/, layouts/, content/, static/)")
	fs.StringVar(&o.DataDir, "data", "", "data directory (default ROOT/data)")
	fs.StringVar(&o.Out, "out", "", "output directory (default ROOT/public)")
	fs.StringVar(&o.BaseURL, "baseurl", "/", "the URL the site is served from, e.g. https://owner.github.io/repo/")
	quiet := fs.Bool("q", false, "quiet: print only problems")
	fs.Func("dato", "judge deadlines at this date `YYYY-MM-DD` if it is after the data's referansedato (the Pages workflow passes today's date)", func(v string) error {
		d, err := caldate.Parse(v)
		if err == nil && d.Problem() != "" {
			err = errors.New(d.Problem())
		}
		o.AsOf = d
		return err
	})
	fs.Parse(args)
	o.Log = os.Stderr
	if *quiet {
		o.Log = io.Discard
	}
	return fs, o
}

func runBuild(args []string) int {
	_, o := buildFlags("build", args)
	if err := build.Build(context.Background(), *o); err != nil {
		if !errors.Is(err, build.ErrInvalidData) {
			printErr("portal build", err)
		} else {
			fmt.Fprintln(os.Stderr, "portal build:", err, "(the previous site, if any, is unchanged)")
		}
		return 1
	}
	return 0
}

// printErr prints err after the command's name, each of several joined
// errors on a line of its own.
func printErr(cmd string, err error) {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			printErr(cmd, e)
		}
		return
	}
	fmt.Fprintf(os.Stderr, "%s: %v\n", cmd, err)
}
