package money

import (
	"fmt"
	"math"
	"strconv"
)

// Unit is the unit a printed table's amounts are in: whole kroner or
// thousands of kroner ("1 000 kr", the usual unit of a handlings- og
// økonomiplan). Amounts are typed as printed and converted to kroner once,
// exactly, with InUnit; the site shows kroner and names the unit.
type Unit string

const (
	UnitKr     Unit = "kr"     // whole kroner (the default)
	UnitTusen  Unit = "1000kr" // thousands of kroner
	unitFactor      = 1000
)

// UnitValues lists the units as written in the data.
var UnitValues = []string{string(UnitKr), string(UnitTusen)}

// Factor is how many kroner one of the unit is: 1 for kroner (and for
// "", the default), 1000 for 1000kr, 0 for a unit that is not one of
// UnitValues.
func (u Unit) Factor() int64 {
	switch u {
	case "", UnitKr:
		return 1
	case UnitTusen:
		return unitFactor
	}
	return 0
}

// Problem says why u is not a unit, or "".
func (u Unit) Problem() string {
	if u.Factor() == 0 {
		return fmt.Sprintf("enhet %q is not one of: kr, 1000kr (write enhet = \"1000kr\" for a table printed in 1 000 kr)", string(u))
	}
	return ""
}

// Values returns the allowed codes (for the JSON Schemas).
func (Unit) Values() []string { return UnitValues }

// Scale returns n·factor and whether it is exact and within ±Max, the
// range of an amount. It never wraps: n is bounded before multiplying.
func Scale(n, factor int64) (int64, bool) {
	if factor <= 0 {
		return 0, false
	}
	if n > Max/factor || n < -Max/factor {
		return 0, false
	}
	return n * factor, true
}

// InUnit returns a typed in unit u, converted to kroner. An amount that was
// not written, or that already has a problem, is returned as it is; one
// whose value in kroner leaves ±Max gets a problem that says both figures.
// With a unit that is not valid (u.Problem()), a is returned unchanged:
// the unit is reported where it is written.
func (a Amount) InUnit(u Unit) Amount {
	f := u.Factor()
	if f > 1 && a.decimal != nil {
		a.problem = decimalIn(*a.decimal, u, f)
		return a
	}
	if f <= 1 || !a.Set || a.problem != "" {
		return a
	}
	kr, ok := Scale(a.Kr, f)
	if !ok {
		a.problem = fmt.Sprintf("amount %s in %s is out of range: in kroner it is above %s kr; check the number of digits (amounts in 1 000 kr are typed without the last three zeros)", Format(a.Kr), u.Label(), Format(Max))
		return a
	}
	a.Kr = kr
	return a
}

// Label is the unit as printed in a table heading: "kr" or "1 000 kr".
func (u Unit) Label() string {
	if u == UnitTusen {
		return "1\u00a0000\u00a0kr"
	}
	return "kr"
}

// decimalIn says why decimal v cannot be an amount in unit u (factor f):
// the table's figures are typed as printed, whole in its unit; a figure
// the source gives in kroner belongs in a file in kroner.
func decimalIn(v float64, u Unit, f int64) string {
	msg := fmt.Sprintf("amount %s is a decimal number, but the amounts in this file are in %s (enhet): type each figure as the table prints it, whole, e.g. %s",
		strconv.FormatFloat(v, 'f', -1, 64), u.Label(), underscored(int64(math.Round(v))))
	if kr := math.Round(v * float64(f)); math.Abs(kr) < Max {
		msg += fmt.Sprintf("; a figure the source gives in whole kroner (%s) belongs in a file with enhet = \"kr\"", FormatKr(int64(kr)))
	}
	return msg
}
