package oversikt

import (
	"fmt"
	"strings"

	"github.com/openkommune/portal/tools/record"
)

// Extra lines. A kommune may print lines beyond the statutory ones: a
// further part of a sum line ("Bruk av tidligere års mindreforbruk" among
// the disposisjoner, part of line 24), or the detail of a typed line
// ("Overføring til investering" split by purpose). Each is written as
// record.OversiktEkstra with the statutory line it belongs to (inngar_i):
//
//   - belonging to a computed line, it is one more part of that line's
//     sum: added, or subtracted (trekkes_fra) in the standard print; in
//     the other prints every sum is plain, so it is added;
//   - belonging to a typed line, the extras of that line are its detail
//     and must sum to it.
//
// The statutory lines stay fixed and are all written; an extra line is
// printed where the file says (etter), by default after the line it
// details or just before the sum line it is a part of.

// MaxExtra bounds the extra lines of a part: with the statutory lines, a
// sum line then has at most 77 parts, each within ±money.Max kroner, so
// every sum and difference the site derives stays within money.MaxSum.
const MaxExtra = 50

// Operand is one part of a sum: a statutory line (Nr, Extra −1) or an
// extra line (Extra, its index in the part's ekstra), with its
// coefficient.
type Operand struct {
	Nr    int
	Extra int
	Coef  int
}

// Operands returns the parts of statutory line l of part p in print f,
// extras included: a computed line's statutory parts (Coefficient) and the
// extra lines that are parts of it; a typed line's extra lines (its
// detail, each added); nil for a typed line without extras.
func Operands(ly *Layout, p Part, l Line, f Fortegn, extras []record.OversiktEkstra) []Operand {
	var ops []Operand
	for _, term := range l.Parts {
		ops = append(ops, Operand{Nr: term.Nr, Extra: -1, Coef: ly.Coefficient(p, l, term, f)})
	}
	for i, e := range extras {
		if e.InngarI != l.Nr {
			continue
		}
		coef := 1
		if l.Computed() && e.TrekkesFra && (f == Standard || f == "") {
			coef = -1
		}
		ops = append(ops, Operand{Extra: i, Coef: coef})
	}
	return ops
}

// SumOf adds up ops; fig gives an operand's figure and whether there is
// one. It reports false if one is missing. The figures are within
// ±money.Max·1000 and a part has at most a few dozen lines, so the sum
// cannot wrap.
func SumOf(ops []Operand, fig func(Operand) (int64, bool)) (int64, bool) {
	var sum int64
	for _, op := range ops {
		v, ok := fig(op)
		if !ok {
			return 0, false
		}
		sum += int64(op.Coef) * v
	}
	return sum, true
}

// FormulaOf writes ops as "18 + 19 + «Bruk av tidligere års
// mindreforbruk» + 23": a statutory line by its number, an extra line by
// its name.
func FormulaOf(ops []Operand, extras []record.OversiktEkstra) string {
	var b strings.Builder
	for i, op := range ops {
		switch {
		case i == 0 && op.Coef < 0:
			b.WriteString("−")
		case i > 0 && op.Coef < 0:
			b.WriteString(" − ")
		case i > 0:
			b.WriteString(" + ")
		}
		if op.Extra >= 0 && op.Extra < len(extras) {
			fmt.Fprintf(&b, "«%s»", strings.TrimSpace(extras[op.Extra].Navn))
		} else {
			fmt.Fprintf(&b, "%d", op.Nr)
		}
	}
	return b.String()
}

// Place is the statutory line extra line e is printed after: its etter,
// else the line it details (a typed line), else the line before the sum
// line it is a part of.
func Place(ly *Layout, p Part, e record.OversiktEkstra) int {
	if e.Etter != 0 {
		return e.Etter
	}
	if l, ok := ly.Line(p, e.InngarI); ok && l.Computed() {
		return e.InngarI - 1
	}
	return e.InngarI
}

// Row is one printed row of a part: a statutory line (Nr, Extra −1) or an
// extra line (Extra, its index in the part's ekstra).
type Row struct {
	Nr    int
	Extra int
}

// Rows lays out part p as printed: the layout's lines in order, each
// followed by the extra lines printed after it, in file order. Extra lines
// placed after no line of the layout (check reports them) come last.
func Rows(ly *Layout, p Part, extras []record.OversiktEkstra) []Row {
	after := map[int][]int{}
	for i, e := range extras {
		after[Place(ly, p, e)] = append(after[Place(ly, p, e)], i)
	}
	var rows []Row
	placed := map[int]bool{}
	for _, l := range ly.Lines[p] {
		rows = append(rows, Row{Nr: l.Nr, Extra: -1})
		for _, i := range after[l.Nr] {
			rows = append(rows, Row{Extra: i})
			placed[i] = true
		}
	}
	for i := range extras {
		if !placed[i] {
			rows = append(rows, Row{Extra: i})
		}
	}
	return rows
}

// PartExtras is the extra lines of part p of o as written.
func PartExtras(o *record.Oversikt, p Part) []record.OversiktEkstra {
	switch {
	case p == Drift && o.Drift != nil:
		return o.Drift.Ekstra
	case p == Investering && o.Investering != nil:
		return o.Investering.Ekstra
	}
	return nil
}
