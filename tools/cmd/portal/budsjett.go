package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/sheet"
)

const budsjettUsage = `usage: portal import budsjett -guess FILE.xlsx|FILE.csv
       portal import budsjett -mapping MAPPING.toml FILE.xlsx|FILE.csv`

// importBudsjett reads a budget table from a spreadsheet. With -guess it
// proposes a mapping from the header row (written to standard output, for
// the kommune to check and keep); with -mapping it takes the table out as
// the mapping says and shows every figure in whole kroner with its cell,
// or every problem with its sheet!cell. Writing the figures into the
// økonomiplan files waits for budget stages in the data format
// (docs/design/budget.md): until then this checks a sheet and its mapping.
func importBudsjett(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import budsjett", flag.ContinueOnError)
	fs.SetOutput(stderr)
	guess := fs.Bool("guess", false, "propose a mapping from the sheet's header row")
	mapping := fs.String("mapping", "", "the mapping file (TOML) that says where the figures are")
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
		printSheetProblems(stderr, probs)
		return 1
	}
	printTable(stdout, t)
	return 0
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
