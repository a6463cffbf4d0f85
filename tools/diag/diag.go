// Package diag owns the diagnostics the tools print about data files.
//
// Every diagnostic names a repo-relative file, a 1-based line and column, a
// severity and a message that says what is wrong and what to do:
//
//	data/prosjekter/nordbyen-skole.toml:14:1: error: kostnadsramme[1].vedtak "kst-2024-099" does not exist: add data/vedtak/…/kst-2024-099.toml or fix the id
//
// Diagnostics are collected, never fail-fast, and printed sorted by file and
// position so that the output is the same from run to run.
package diag

import (
	"cmp"
	"fmt"
	"io"
	"slices"
)

// Severity tells whether a diagnostic stops the build.
type Severity int

const (
	Error   Severity = iota // the data is wrong; check and build fail
	Warning                 // the data is allowed but probably not meant
	Info                    // the data says something on purpose worth knowing (a field stated unknown)
)

func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Info:
		return "info"
	}
	return "error"
}

// Diagnostic is one problem at one place.
type Diagnostic struct {
	Path      string // repo-relative, slash-separated
	Line, Col int
	Severity  Severity
	Message   string
}

func (d Diagnostic) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", d.Path, d.Line, d.Col, d.Severity, d.Message)
}

// List collects diagnostics.
type List struct {
	items []Diagnostic
}

// Add appends a diagnostic.
func (l *List) Add(d Diagnostic) { l.items = append(l.items, d) }

// Errorf adds an error at path:line:col.
func (l *List) Errorf(path string, line, col int, format string, args ...any) {
	l.Add(Diagnostic{path, line, col, Error, fmt.Sprintf(format, args...)})
}

// Infof adds information at path:line:col: not a problem, and not counted
// as an error or a warning.
func (l *List) Infof(path string, line, col int, format string, args ...any) {
	l.Add(Diagnostic{path, line, col, Info, fmt.Sprintf(format, args...)})
}

// Warnf adds a warning at path:line:col.
func (l *List) Warnf(path string, line, col int, format string, args ...any) {
	l.Add(Diagnostic{path, line, col, Warning, fmt.Sprintf(format, args...)})
}

// Merge appends all of other.
func (l *List) Merge(other *List) { l.items = append(l.items, other.items...) }

// Sorted returns the diagnostics sorted by path, line, column and message,
// without exact duplicates.
func (l *List) Sorted() []Diagnostic {
	out := slices.Clone(l.items)
	slices.SortStableFunc(out, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return slices.Compact(out)
}

// Errors counts the distinct diagnostics of severity Error.
func (l *List) Errors() int { return l.count(Error) }

func (l *List) count(s Severity) int {
	n := 0
	for _, d := range l.Sorted() {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// Len counts the distinct diagnostics.
func (l *List) Len() int { return len(l.Sorted()) }

// Print writes the sorted diagnostics, one per line, and a summary line if
// there are any.
func (l *List) Print(w io.Writer) {
	ds := l.Sorted()
	for _, d := range ds {
		fmt.Fprintln(w, d)
	}
	if len(ds) > 0 {
		errs, infos := l.Errors(), l.count(Info)
		fmt.Fprintf(w, "%d error(s), %d warning(s)", errs, len(ds)-errs-infos)
		if infos > 0 {
			fmt.Fprintf(w, ", %d info", infos)
		}
		fmt.Fprintln(w)
	}
}
