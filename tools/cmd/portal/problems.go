package main

import (
	"fmt"
	"io"

	"github.com/openkommune/portal/tools/sheet"
)

// printSheetProblems prints a spreadsheet's problems the way check and the
// other importers print diagnostics (package diag): one a line, as
// "place: error: what is wrong: what to do" (the place a Sheet!cell or
// mapping.toml:line:col), then the count and that nothing was taken.
func printSheetProblems(w io.Writer, probs []sheet.Problem, nothing string) {
	for _, p := range probs {
		fmt.Fprintf(w, "%s: error: %s\n", p.Pos, p.Message)
	}
	fmt.Fprintf(w, "%d error(s), 0 warning(s)\n%s\n", len(probs), nothing)
}
