package check

import (
	"fmt"
	"strings"

	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/tomlpos"
)

// The årsregnskap files, data/regnskap/YEAR.toml (record.Regnskap): the
// accounts per rammeområde of a closed year, with the budget columns the
// document prints. One rule per function; the figures are reconciled as
// a plan's are (a stated sum within toleranse of its rows, a parent area
// within toleranse of its underområder), and a year's accounts have one
// source: an [[regnskap]] periode = "arsregnskap" in an økonomiplan for
// the same area and year must agree, and one of the two is to go.

// regnskapFile checks one årsregnskap file.
func (c *checker) regnskapFile(r *record.Regnskap) {
	s := r.Src
	if unreadable(s) {
		return
	}
	c.regnskapYear(r)
	c.required(s, "dokument", r.Dokument, `"Årsregnskap 2023"`)
	c.url(s, "lenke", r.Lenke)
	if r.Toleranse.Set && r.Toleranse.Problem() == "" && r.Toleranse.Kr < 0 {
		c.errorf(s, "toleranse", "a tolerance cannot be negative: write how much each printed sum may differ from its rows, e.g. toleranse = 2 (in the file's enhet)")
	}
	c.unknownFields(s, ukjentStrings(r.Ukjent), []optionalField{
		{key: "vedtak", value: r.Vedtak, require: func() { c.regnskapVedtak(r) }},
	})
	for _, col := range record.RegnskapKolonner[1:] {
		c.regnskapUnknownColumn(r, col)
	}
	c.regnskapRows(r)
	for _, col := range record.RegnskapKolonner {
		c.regnskapColumn(r, col)
	}
	c.regnskapBudget(r)
	c.regnskapTerms(r)
}

func ukjentStrings(u []record.RegnskapUkjent) []string {
	out := make([]string, len(u))
	for i, v := range u {
		out[i] = string(v)
	}
	return out
}

// given returns the key path of the first figure of column col (a
// row's or the stated sum), "" if the file gives none.
func given(r *record.Regnskap, col record.RegnskapKolonne) string {
	for i, o := range r.Omrade {
		if o.Figure(col.Key).Set {
			return tomlpos.Elem("omrade", i) + "." + col.Key
		}
	}
	if r.Sum(col.Key).Set {
		return col.Sum
	}
	return ""
}

// regnskapUnknownColumn checks a budget column against ukjent: listed, it
// has no figures (information); not listed, it has them (a warning
// without).
func (c *checker) regnskapUnknownColumn(r *record.Regnskap, col record.RegnskapKolonne) {
	at := given(r, col)
	for i, u := range r.Ukjent {
		if string(u) != col.Key {
			continue
		}
		if at != "" {
			c.errorf(r.Src, at, "%s has figures and is listed in ukjent (ukjent[%d]): remove %q from ukjent now that the document gives the column, or remove its figures", col.Key, i, col.Key)
		} else {
			c.infof(r.Src, tomlpos.Elem("ukjent", i), "the %s budget is not given by the source (ukjent): the site shows \"ikke oppgitt\"", col.Key)
		}
		return
	}
	if at == "" && len(r.Omrade) > 0 {
		c.warnf(r.Src, "omrade", "no row gives %s: the printed regnskapsskjema has a column for the %s budsjett; type it in each [[omrade]], or write ukjent = [%q] if the document does not print it", col.Key, col.Key, col.Key)
	}
}

// regnskapYear checks that the year is closed by the reference date.
func (c *checker) regnskapYear(r *record.Regnskap) {
	c.year(r.Src, "ar", r.Ar, true)
	if end, ok := periodEnd(r.Ar, "arsregnskap"); ok && !c.ref.IsZero() && !end.Before(c.ref) {
		c.errorf(r.Src, "ar", "the year %d has not ended by the reference date %s: an årsregnskap is typed once the year is closed (the accounts so far go in the økonomiplan's [[regnskap]] with periode \"t1\" or \"t2\")", r.Ar, c.ref)
	}
}

// regnskapVedtak checks the council's vedtak of the accounts: it exists
// and is after the year. It is optional.
func (c *checker) regnskapVedtak(r *record.Regnskap) {
	v := c.vedtakRef(r.Src, "vedtak", r.Vedtak, false)
	if v != nil && r.Ar != 0 && v.Motedato.Y <= r.Ar {
		c.errorf(r.Src, "vedtak", "vedtak %s (%s) is not after %d: the council decides the årsregnskap of %d in the following year; correct the vedtak or the year", v.ID, v.Motedato, r.Ar, r.Ar)
	}
}

// regnskapRows checks the [[omrade]] rows: at least one, each a known
// area once, with its regnskap; a budget column given in some rows is
// given in all; and every area of rammeomrader.toml has a figure.
func (c *checker) regnskapRows(r *record.Regnskap) {
	s := r.Src
	if len(r.Omrade) == 0 {
		c.errorf(s, "omrade", "missing: add one row per rammeområde as printed, e.g. [[omrade]] omrade = \"oppvekst\" regnskap = 612_345")
		return
	}
	seen := map[string]int{}
	has := map[string]bool{}
	for i, o := range r.Omrade {
		path := tomlpos.Elem("omrade", i)
		switch {
		case o.Omrade == "":
			c.errorf(s, path+".omrade", "missing: name the rammeområde, e.g. omrade = \"oppvekst\"")
		case c.ix.Omrader[o.Omrade] == nil:
			c.omradeUnknown(s, path+".omrade", o.Omrade)
		}
		if j, dup := seen[o.Omrade]; dup && o.Omrade != "" {
			c.errorf(s, path+".omrade", "rammeområde %s has two rows (also omrade[%d]): keep one row per area", load.QuoteShort(o.Omrade), j)
		} else {
			seen[o.Omrade] = i
		}
		has[o.Omrade] = true
		if !o.Regnskap.Set {
			c.errorf(s, path+".regnskap", "missing: add regnskap = the year's net accounts of the area, as printed")
		}
	}
	for _, col := range record.RegnskapKolonner[1:] {
		if !r.ColumnSum(c.tree, col.Key).Has || r.Unknown(col.Key) {
			continue
		}
		for i, o := range r.Omrade {
			if !o.Figure(col.Key).Set {
				c.errorf(s, tomlpos.Elem("omrade", i), "no %s: other rows give the %s budget; give it in every row (0 for a dash), or in none", col.Key, col.Key)
			}
		}
	}
	if c.set.Omrader == nil {
		return
	}
	for _, a := range c.set.Omrader.Omrade {
		if a.ID != "" && !c.covered(a.ID, has) {
			c.warnf(s, "omrade", "rammeområde %q has no row in the årsregnskap %d: add [[omrade]] omrade = %q with its figures", a.ID, r.Ar, a.ID)
		}
	}
}

// omradeUnknown reports an area that is not in rammeomrader.toml, with
// the nearest id or the list of ids.
func (c *checker) omradeUnknown(s record.Source, path, id string) {
	if c.set.Omrader == nil || c.set.Omrader.Src.Pos.RejectedUnder("omrade") {
		return
	}
	var known []string
	for _, a := range c.set.Omrader.Omrade {
		if a.ID != "" {
			known = append(known, a.ID)
		}
	}
	c.errorf(s, path, "rammeområde %s is not in data/rammeomrader.toml%s", load.QuoteShort(id), load.Suggest(id, known, "its areas are"))
}

// regnskapColumn checks one column: its stated sum against the top-level
// areas' sum, each parent area against its underområder, both within
// toleranse.
func (c *checker) regnskapColumn(r *record.Regnskap, col record.RegnskapKolonne) {
	s := r.Src
	sum := r.ColumnSum(c.tree, col.Key)
	tol := regnskapTolerance(r)
	stated := r.Sum(col.Key)
	if stated.Set && stated.Problem() == "" && !sum.Has && len(r.Omrade) > 0 {
		c.errorf(s, col.Sum, "a stated sum, but no row gives %s: type the column's figures in each [[omrade]], or remove %s", col.Key, col.Sum)
	}
	if !sum.OK || !sum.Has {
		return
	}
	if stated.Set && stated.Problem() == "" {
		if d, ok := money.Sub(stated.Kr, sum.Total); ok && money.Abs(d) > tol {
			c.errorf(s, col.Sum, "the stated sum is %s but the rows add up to %s: the difference %s is more than the toleranse of %s: a figure was typed wrong (compare each row with the printed table), or, if the table rounds each row, set toleranse",
				c.regnskapPrinted(r, stated.Kr), c.regnskapPrinted(r, sum.Total), c.regnskapPrinted(r, d), c.regnskapPrinted(r, tol))
		}
	}
	for i, o := range r.Omrade {
		sm := sum.Areas[o.Omrade]
		if !sm.HasStated || !sm.HasComputed || sm.Overflow || !o.Figure(col.Key).Set {
			continue
		}
		if d, ok := money.Sub(sm.Stated, sm.Computed); ok && money.Abs(d) > tol {
			c.errorf(s, tomlpos.Elem("omrade", i)+"."+col.Key, "%s of %s is %s but its underområder (%s) add up to %s: the difference %s is more than the toleranse of %s: correct the figure or the underområder as printed",
				col.Key, load.QuoteShort(o.Omrade), c.regnskapPrinted(r, sm.Stated), strings.Join(c.tree.Children(o.Omrade), ", "), c.regnskapPrinted(r, sm.Computed), c.regnskapPrinted(r, d), c.regnskapPrinted(r, tol))
		}
	}
}

// regnskapTolerance is the file's toleranse in kroner, 0 if not valid.
func regnskapTolerance(r *record.Regnskap) int64 {
	if !r.Toleranse.Set || r.Toleranse.Problem() != "" || r.Toleranse.Kr < 0 {
		return 0
	}
	return r.Toleranse.Kr
}

// regnskapPrinted writes kr in kroner, and for a file in 1 000 kr also as
// typed.
func (c *checker) regnskapPrinted(r *record.Regnskap, kr int64) string {
	f := r.Enhet.Factor()
	if f <= 1 || kr%f != 0 {
		return money.FormatKr(kr)
	}
	return fmt.Sprintf("%s (%s in %s)", money.FormatKr(kr), money.Format(kr/f), r.Enhet.Label())
}

// regnskapTerms bounds each column with its stated sum (sums.go).
func (c *checker) regnskapTerms(r *record.Regnskap) {
	for _, col := range record.RegnskapKolonner {
		var terms []term
		for i, o := range r.Omrade {
			terms = append(terms, term{tomlpos.Elem("omrade", i) + "." + col.Key, o.Figure(col.Key)})
		}
		terms = append(terms, term{col.Sum, r.Sum(col.Key)})
		c.bounded(r.Src, "the "+col.Key+" figures and their stated sum of this årsregnskap", terms)
	}
}
