package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/openkommune/portal/tools/einnsyn"
	"github.com/openkommune/portal/tools/moter"
)

const importUsage = `usage: portal import moter [-root DIR] [-data DIR] [-innsyn URL] [-n] FILE.jsonld|FILE.xml
       portal import budsjett -guess FILE.xlsx|FILE.csv
       portal import budsjett [-root DIR] [-data DIR] [-n] -mapping MAPPING.toml FILE.xlsx|FILE.csv
       portal import kostra [-root DIR] [-data DIR] [-hentet YYYY-MM-DD] [-n] FILE.json`

// runImport brings in data a kommune already has elsewhere.
func runImport(args []string) int {
	if len(args) < 1 {
		fmt.Fprintln(os.Stderr, importUsage)
		return 2
	}
	switch args[0] {
	case "moter":
		return importMoter(args[1:])
	case "budsjett":
		return importBudsjett(args[1:], os.Stdout, os.Stderr)
	case "kostra":
		return importKostra(args[1:], os.Stdout, os.Stderr)
	}
	fmt.Fprintln(os.Stderr, importUsage)
	return 2
}

// importMoter writes one vedtak file per møtesak with a vedtak from an
// eInnsyn export (JSON-LD or Noark 5 XML), and updates the imported keys of
// those already there.
func importMoter(args []string) int {
	fs := flag.NewFlagSet("import moter", flag.ExitOnError)
	root := fs.String("root", ".", "project root (holds data/)")
	data := fs.String("data", "", "the data directory (default: ROOT/data)")
	innsyn := fs.String("innsyn", "", "the address of a case in the kommune's innsyn, e.g. https://innsyn.eksempelvik.kommune.no/sak/{saksaar2}-{sakssekvensnummer} (default: innsyn_url is left as it is)")
	dry := fs.Bool("n", false, "show what would be written, and write nothing")
	fs.Parse(args)
	if fs.NArg() != 1 {
		fmt.Fprintln(os.Stderr, importUsage)
		return 2
	}
	if *data == "" {
		*data = filepath.Join(*root, "data")
	}
	name := fs.Arg(0)
	src, err := os.ReadFile(name)
	if err != nil {
		fmt.Fprintln(os.Stderr, "portal import moter:", err)
		return 1
	}
	ex, diags := einnsyn.Read(filepath.ToSlash(name), src)
	if diags.Errors() > 0 {
		diags.Print(os.Stderr)
		fmt.Fprintln(os.Stderr, "nothing written")
		return 1
	}
	res, pd := moter.Plan(ex, filepath.ToSlash(name), moter.Options{Data: *data, Prefix: "data", Innsyn: *innsyn})
	diags.Merge(pd)
	diags.Print(os.Stderr)
	if res == nil {
		fmt.Fprintln(os.Stderr, "nothing written")
		return 1
	}
	report(res, ex)
	if *dry {
		fmt.Fprintln(os.Stderr, "-n: nothing written")
		return 0
	}
	if err := res.Apply(); err != nil {
		fmt.Fprintln(os.Stderr, "portal import moter:", err)
		return 1
	}
	return 0
}

// report lists what the import does: the files on stdout, the rest on
// stderr.
func report(res *moter.Result, ex *einnsyn.Export) {
	for _, c := range res.Changes {
		what := "updated"
		if c.New {
			what = "new"
		}
		fmt.Printf("%s (%s)\n", c.Path, what)
	}
	for _, m := range res.NoVedtak {
		fmt.Fprintf(os.Stderr, "no vedtak text: %s %s %q (møtesakstype %s): not written\n", m.Utvalg, m.Saksnummer(), m.Tittel, orDash(m.Type))
	}
	for _, u := range res.Unknown {
		fmt.Fprintf(os.Stderr, "utvalg %q is not listed in data/kommune.toml: its møtesaker %s are not imported; to import them, add\n\n%s\nto data/kommune.toml and run the import again\n", u.Utvalg, strings.Join(u.Saker, ", "), indent(u.Suggestion()))
	}
	fmt.Fprintf(os.Stderr, "%s: %d møtesaker: %d new, %d updated, %d unchanged, %d without vedtak, %d of unknown utvalg\n",
		ex.Format, len(ex.Saker), count(res.Changes, true), count(res.Changes, false), len(res.Unchanged), len(res.NoVedtak), unknownSaker(res))
}

func count(cs []moter.Change, isNew bool) int {
	n := 0
	for _, c := range cs {
		if c.New == isNew {
			n++
		}
	}
	return n
}

func unknownSaker(res *moter.Result) int {
	n := 0
	for _, u := range res.Unknown {
		n += len(u.Saker)
	}
	return n
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n    ") + "\n"
}
