package record

import (
	"strconv"

	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/omradetre"
)

// Regnskap is one file data/regnskap/YEAR.toml: the årsregnskap of one
// year per rammeområde as printed (regnskapsskjema 1B/2B, "bevilgninger
// drift per rammeområde"), with the original and regulated budget where
// the document prints them. It serves the years no økonomiplan in
// data/okonomiplan/ covers (regnskap i fjor, the years before the portal
// started) and the accounts of any closed year, so that an area's series
// reaches back without invented plans. Every amount is typed in Enhet and
// converted to kroner by package load (Scale).
type Regnskap struct {
	Src      Source     `toml:"-"`
	Ar       int        `toml:"ar"`
	Dokument string     `toml:"dokument"` // the document's title as printed
	Lenke    string     `toml:"lenke"`    // the published document (https://)
	Vedtak   string     `toml:"vedtak"`   // the council's vedtak of the årsregnskap; optional
	Enhet    money.Unit `toml:"enhet"`
	// Toleranse is how far each stated sum may be from the sum of its
	// rows (rounding per row), in kroner once loaded.
	Toleranse      money.Amount     `toml:"toleranse"`
	SumRegnskap    money.Amount     `toml:"sum_regnskap"`
	SumRegulert    money.Amount     `toml:"sum_regulert"`
	SumOpprinnelig money.Amount     `toml:"sum_opprinnelig"`
	Omrade         []RegnskapOmrade `toml:"omrade"`
	// Ukjent lists the columns the document does not print (ukjent.go).
	Ukjent []RegnskapUkjent `toml:"ukjent"`
}

// RegnskapOmrade is one rammeområde's row of an årsregnskap.
type RegnskapOmrade struct {
	Omrade      string       `toml:"omrade"`
	Regnskap    money.Amount `toml:"regnskap"`
	Regulert    money.Amount `toml:"regulert"`
	Opprinnelig money.Amount `toml:"opprinnelig"`
}

// Ident is the file's name: its year.
func (r *Regnskap) Ident() string { return strconv.Itoa(r.Ar) }

// RegnskapUkjent names a column of an årsregnskap the source does not
// print.
type RegnskapUkjent string

// RegnskapUkjentValues lists the columns that may be unknown.
var RegnskapUkjentValues = []string{"opprinnelig", "regulert", "vedtak"}

func (v RegnskapUkjent) Problem() string {
	return enumProblem("ukjent field", string(v), RegnskapUkjentValues)
}

// Values returns the allowed codes (for the JSON Schemas).
func (RegnskapUkjent) Values() []string { return RegnskapUkjentValues }

// Unknown reports whether the file lists field as unknown.
func (r *Regnskap) Unknown(field string) bool {
	for _, u := range r.Ukjent {
		if string(u) == field {
			return true
		}
	}
	return false
}

// Scale converts every amount from Enhet to kroner; package load calls it
// once after decoding.
func (r *Regnskap) Scale() {
	u := r.Enhet
	r.Toleranse = r.Toleranse.InUnit(u)
	r.SumRegnskap = r.SumRegnskap.InUnit(u)
	r.SumRegulert = r.SumRegulert.InUnit(u)
	r.SumOpprinnelig = r.SumOpprinnelig.InUnit(u)
	for i := range r.Omrade {
		o := &r.Omrade[i]
		o.Regnskap = o.Regnskap.InUnit(u)
		o.Regulert = o.Regulert.InUnit(u)
		o.Opprinnelig = o.Opprinnelig.InUnit(u)
	}
}

// RegnskapKolonne is one of the printed columns of an årsregnskap.
type RegnskapKolonne struct {
	Key string // "regnskap", "regulert", "opprinnelig": the row's key
	Sum string // the stated sum's key
}

// RegnskapKolonner are the columns, in the order of a printed skjema.
var RegnskapKolonner = []RegnskapKolonne{
	{"regnskap", "sum_regnskap"},
	{"regulert", "sum_regulert"},
	{"opprinnelig", "sum_opprinnelig"},
}

// Figure returns the row's amount in column key.
func (o RegnskapOmrade) Figure(key string) money.Amount {
	switch key {
	case "regnskap":
		return o.Regnskap
	case "regulert":
		return o.Regulert
	case "opprinnelig":
		return o.Opprinnelig
	}
	return money.Amount{}
}

// Sum returns the stated sum of column key.
func (r *Regnskap) Sum(key string) money.Amount {
	switch key {
	case "regnskap":
		return r.SumRegnskap
	case "regulert":
		return r.SumRegulert
	case "opprinnelig":
		return r.SumOpprinnelig
	}
	return money.Amount{}
}

// RegnskapSum is one column of an årsregnskap added up over the area tree.
type RegnskapSum struct {
	Given map[string]int64         // the rows' figures by area (the first row of an area)
	Areas map[string]omradetre.Sum // every area's figure, stated or computed
	Total int64                    // the top-level areas' sum: the sum the document prints
	// Has is false when no row gives the column; OK is false when a row's
	// figure is not valid or the total is out of range.
	Has, OK bool
}

// ColumnSum adds up column key of the rows over tree.
func (r *Regnskap) ColumnSum(tree *omradetre.Tree, key string) RegnskapSum {
	s := RegnskapSum{Given: map[string]int64{}, OK: true}
	for _, o := range r.Omrade {
		a := o.Figure(key)
		if !a.Set {
			continue
		}
		s.Has = true
		if a.Problem() != "" {
			s.OK = false
			continue
		}
		if _, dup := s.Given[o.Omrade]; !dup {
			s.Given[o.Omrade] = a.Kr
		}
	}
	s.Areas = tree.Sums(s.Given, money.Add)
	// The total counts each row once: a row whose parent (or grandparent
	// …) has a row of its own is inside that row's figure. An area the
	// tree does not know (an error of check) counts at the top level.
	counted := map[string]bool{}
	for _, o := range r.Omrade {
		v, given := s.Given[o.Omrade]
		if !given || counted[o.Omrade] || inside(tree, o.Omrade, s.Given) {
			continue
		}
		counted[o.Omrade] = true
		var ok bool
		if s.Total, ok = money.Add(s.Total, v); !ok {
			s.OK = false
		}
	}
	return s
}

// inside reports whether an ancestor of area id has a figure in given.
func inside(tree *omradetre.Tree, id string, given map[string]int64) bool {
	for _, a := range tree.Ancestors(id) {
		if _, ok := given[a]; ok {
			return true
		}
	}
	return false
}
