package reconcile

import (
	"github.com/openkommune/portal/tools/model"
)

// parents maps each area to its parent's id ("" at the top), from the
// areas the site publishes, not from the rows' own Niva.
func parents(site *model.Site) map[string]string {
	p := map[string]string{}
	for _, a := range site.Omrader {
		if a.Overordnet != nil {
			p[a.ID] = a.Overordnet.ID
		} else {
			p[a.ID] = ""
		}
	}
	return p
}

// top reports whether the area is at the top level: a row that counts in
// the total. An area the site does not list counts too.
func top(parent map[string]string, id string) bool {
	return parent[id] == ""
}

// row is one area's figure in one year for the underomrader check.
type row struct {
	omrade   model.Ref
	belop    model.Kr
	beregnet bool
}

// underomrader checks, for one stage and year, each area with sub-area rows
// against the sum of those rows: exactly when the area's figure is
// computed, within the plan's toleranse when it is printed (with the
// rounding difference).
func underomrader(subject model.Ref, ar int, stadium string, parent map[string]string, rows []row, tol model.Kr, add func(Check)) {
	children := map[string][]row{}
	for _, r := range rows {
		if p := parent[r.omrade.ID]; p != "" {
			children[p] = append(children[p], r)
		}
	}
	for _, r := range rows {
		ch := children[r.omrade.ID]
		if len(ch) == 0 {
			continue
		}
		var parts int64
		for _, c := range ch {
			parts = sum(parts, c.belop.Kr)
		}
		c := Check{Kind: "underomrader", Subject: subject, Ar: ar, Stadium: stadium, Omrade: r.omrade.Tittel, What: "subtotal_computed", Expected: amount(parts), Shown: r.belop}
		if !r.beregnet {
			t, d := tol, amount(diff(r.belop.Kr, parts))
			c.What, c.Toleranse, c.Avrunding = "subtotal_printed", &t, &d
		}
		add(c)
	}
}

// omradeSums runs underomrader over every stage of every økonomiplan and
// the adopted frames.
func omradeSums(site *model.Site, add func(Check)) {
	parent := parents(site)
	for _, o := range site.Okonomiplaner {
		subject := model.Ref{ID: o.ID, Path: o.Path, Tittel: o.Tittel}
		tol := amount(0)
		if o.Toleranse != nil {
			tol = *o.Toleranse
		}
		for i, ar := range o.Ar {
			for _, s := range o.Stadier {
				var rows []row
				for _, l := range s.Rammer {
					if i < len(l.Belop) {
						rows = append(rows, row{l.Omrade, l.Belop[i], l.Beregnet})
					}
				}
				underomrader(subject, ar, s.Type, parent, rows, tol, add)
			}
		}
	}
}
