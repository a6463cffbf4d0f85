package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/sheet"
)

const budsjettUsage = `usage: portal import budsjett -guess FILE.xlsx|FILE.csv
       portal import budsjett [-root DIR] [-data DIR] [-n] -mapping MAPPING.toml FILE.xlsx|FILE.csv`

// importBudsjett reads a budget table from a spreadsheet. With -guess it
// proposes a mapping from the header row (written to standard output, for
// the kommune to check and keep); with -mapping it takes the table out as
// the mapping says and writes the stage into data/okonomiplan/ID.toml
// (package planimport) when the mapping names the plan (okonomiplan = ID),
// else shows every figure in whole kroner with its cell. Every problem is
// shown with its sheet!cell, and on any nothing is written.
func importBudsjett(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import budsjett", flag.ContinueOnError)
	fs.SetOutput(stderr)
	guess := fs.Bool("guess", false, "propose a mapping from the sheet's header row")
	mapping := fs.String("mapping", "", "the mapping file (TOML) that says where the figures are")
	root := fs.String("root", ".", "project root (holds data/)")
	data := fs.String("data", "", "the data directory (default: ROOT/data)")
	dry := fs.Bool("n", false, "show what would be written, and write nothing")
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 || *guess == (*mapping != "") {
		fmt.Fprintln(stderr, budsjettUsage)
		return 2
	}
	g, err := sheet.Read(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "portal import budsjett:", err)
		return 1
	}
	if *guess {
		m, err := sheet.Guess(g)
		if err != nil {
			fmt.Fprintln(stderr, "portal import budsjett:", err)
			return 1
		}
		stdout.Write(m.TOML())
		return 0
	}
	src, err := os.ReadFile(*mapping)
	if err != nil {
		fmt.Fprintln(stderr, "portal import budsjett:", err)
		return 1
	}
	m, probs := sheet.DecodeMapping(*mapping, src)
	var t *sheet.Table
	if len(probs) == 0 {
		t, probs = sheet.Extract(g, m)
	}
	if len(probs) > 0 {
		printSheetProblems(stderr, probs, "nothing was read")
		return 1
	}
	if m.Plan == "" {
		printTable(stdout, t)
		fmt.Fprintf(stderr, "%s: to write the figures into data/okonomiplan/ID.toml, add okonomiplan = \"ID\" to the mapping\n", *mapping)
		return 0
	}
	if *data == "" {
		*data = filepath.Join(*root, "data")
	}
	return writePlan(t, m, *data, *dry, stdout, stderr)
}

// printTable shows the table as read: each area's figures in whole kroner
// with the cell they came from.
func printTable(w io.Writer, t *sheet.Table) {
	fmt.Fprintf(w, "%s, sheet %s, written in %s: %d rows, %d year columns\n", t.File, t.Sheet, t.Unit, len(t.Rows), len(t.Years))
	for _, r := range t.Rows {
		name := r.Code + " " + r.Name
		if r.SubArea != "" {
			name += " / " + r.SubArea
		}
		fmt.Fprintf(w, "%s %s\n", r.Pos, name)
		for i, a := range r.Amounts {
			y := t.Years[i]
			if a.Set {
				fmt.Fprintf(w, "  %d %s: %s (%s)\n", y.Year, y.Stage, money.FormatKr(a.Kr), a.Pos)
			} else {
				fmt.Fprintf(w, "  %d %s: – (%s)\n", y.Year, y.Stage, a.Pos)
			}
		}
	}
}
