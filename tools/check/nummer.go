package check

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/tomlpos"
)

// MaxOmradeNummer is the longest area number accepted, in characters:
// printed budgets use "20", "1.2", "A3" or "1.2.10", never a sentence.
const MaxOmradeNummer = 12

// omradeNummer checks each area's optional nummer (the number printed in
// front of it in the budget): not empty when given, no spaces around it,
// short, made of letters and digits with a single ".", "-" or "/" between
// them, and unique among all the areas of the file at any level, as in a
// printed budget (a second use names the first's position).
func (c *checker) omradeNummer(r *record.Rammeomrader) {
	s := r.Src
	first := map[string]int{}
	for i, o := range r.Omrade {
		path := tomlpos.Elem("omrade", i) + ".nummer"
		if o.Nummer == "" {
			if s.Pos != nil && s.Pos.Has(path) {
				c.errorf(s, path, "nummer is empty: write the number printed before the area in the budget, e.g. nummer = \"20\", or remove the line")
			}
			continue
		}
		if msg := nummerProblem(o.Nummer); msg != "" {
			c.errorf(s, path, "nummer %s %s", load.QuoteShort(o.Nummer), msg)
			continue
		}
		if j, dup := first[o.Nummer]; dup {
			pos := s.At(tomlpos.Elem("omrade", j) + ".nummer")
			c.errorf(s, path, "nummer %q is also the number of rammeområde %s (%s:%d:%d): each area has its own number, as in the printed budget",
				o.Nummer, load.QuoteShort(r.Omrade[j].ID), s.Path, pos.Line, pos.Col)
			continue
		}
		first[o.Nummer] = i
	}
}

// nummerProblem says what is wrong with an area number, "" if nothing.
func nummerProblem(n string) string {
	if strings.TrimSpace(n) != n {
		return "has spaces before or after it: remove them"
	}
	if l := utf8.RuneCountInString(n); l > MaxOmradeNummer {
		return fmt.Sprintf("is %d characters long: an area number is at most %d (as printed, e.g. \"20\" or \"1.2\")", l, MaxOmradeNummer)
	}
	prevSep := true // no separator first
	for _, ch := range n {
		switch {
		case ch >= '0' && ch <= '9', ch >= 'A' && ch <= 'Z', ch >= 'a' && ch <= 'z', strings.ContainsRune("ÆØÅæøå", ch):
			prevSep = false
		case ch == '.' || ch == '-' || ch == '/':
			if prevSep {
				return "has a separator at its start or two in a row: write it as printed, e.g. \"1.2\""
			}
			prevSep = true
		default:
			return fmt.Sprintf("contains %q: an area number is letters and digits, parts separated by \".\", \"-\" or \"/\", e.g. \"20\", \"1.2\" or \"A3\"", ch)
		}
	}
	if prevSep {
		return "ends with a separator: write it as printed, e.g. \"1.2\""
	}
	return ""
}
