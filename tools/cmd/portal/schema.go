package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/openkommune/portal"
	"github.com/openkommune/portal/tools/schema"
)

// runSchema writes the JSON Schemas of the data files, generated from the
// record types and docs/data-format.md (embedded in the binary), for
// editors built on taplo.
func runSchema(args []string) int {
	fs := flag.NewFlagSet("schema", flag.ExitOnError)
	root := fs.String("root", ".", "project root (the schemas go into ROOT/"+schema.Dir+")")
	out := fs.String("out", "", "directory to write KIND.schema.json into (default ROOT/"+schema.Dir+")")
	quiet := fs.Bool("q", false, "print only problems")
	fs.Parse(args)
	if *out == "" {
		*out = filepath.Join(*root, schema.Dir)
	}
	doc, err := portal.Sources.ReadFile(schema.DocPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, "portal schema:", err)
		return 1
	}
	files, err := schema.Files(doc)
	if err != nil {
		fmt.Fprintln(os.Stderr, "portal schema:", err)
		return 1
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "portal schema:", err)
		return 1
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		p := filepath.Join(*out, name)
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "portal schema:", err)
			return 1
		}
		if !*quiet {
			fmt.Fprintln(os.Stderr, "wrote", p)
		}
	}
	return 0
}
