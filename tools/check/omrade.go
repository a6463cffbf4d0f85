package check

import (
	"strings"

	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/omradetre"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/tomlpos"
)

// overordnet checks the areas' hierarchy: every parent is an area, and no
// area is its own ancestor (each cycle is reported once, at the first of
// its areas in the file, naming the whole chain).
func (c *checker) overordnet(r *record.Rammeomrader) {
	s := r.Src
	index := map[string]int{}
	for i, o := range r.Omrade {
		if _, dup := index[o.ID]; !dup && o.ID != "" {
			index[o.ID] = i
		}
	}
	for i, o := range r.Omrade {
		if o.Overordnet == "" {
			continue
		}
		if _, ok := index[o.Overordnet]; !ok {
			c.errorf(s, tomlpos.Elem("omrade", i)+".overordnet", "rammeområde %s does not exist: overordnet is the id of the area this one is part of, listed in this file (or remove overordnet for a top-level area)", load.QuoteShort(o.Overordnet))
		}
	}
	for _, cy := range omradetre.Cycles(r.Nodes()) {
		quoted := make([]string, len(cy))
		for i, id := range cy {
			quoted[i] = load.QuoteShort(id)
		}
		c.errorf(s, tomlpos.Elem("omrade", index[cy[0]])+".overordnet", "the areas' overordnet go round in a circle: %s; an area cannot be part of itself: remove overordnet from the top-level area of this chain", strings.Join(quoted, " → "))
	}
}

// omradeSums checks, for one stage and plan year, each parent area whose
// figure is stated in the stage against the sum of its children's figures
// (stated or themselves summed), within the plan's toleranse. given maps
// the area to the [[ramme]] index it is stated at.
func (c *checker) omradeSums(o *record.Okonomiplan, st record.Stage, j int, given map[string]int64, at map[string]int) {
	tol := tolerance(o)
	sums := c.tree.Sums(given, money.Add)
	for _, id := range sortedKeys(at) {
		sm := sums[id]
		if !sm.HasStated || !sm.HasComputed || sm.Overflow {
			continue
		}
		d, ok := money.Sub(sm.Stated, sm.Computed)
		if !ok || money.Abs(d) <= tol {
			continue
		}
		path := tomlpos.Elem(tomlpos.Elem(st.Key("ramme"), at[id])+".belop", j)
		c.errorf(o.Src, path, "the ramme of %s for %d is %s but its underområder (%s) add up to %s: the difference %s is more than the toleranse of %s: correct the figure or the underområder as printed",
			load.QuoteShort(id), o.ForsteAr+j, c.asPrinted(o, sm.Stated), strings.Join(c.tree.Children(id), ", "), c.asPrinted(o, sm.Computed), c.asPrinted(o, d), c.asPrinted(o, tol))
	}
}

// covered reports whether area id has a figure in the stage: its own, a
// parent's or a sub-area's.
func (c *checker) covered(id string, has map[string]bool) bool {
	if has[id] {
		return true
	}
	for _, a := range c.tree.Ancestors(id) {
		if has[a] {
			return true
		}
	}
	for k := range has {
		if c.tree.Under(k, id) {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	// by the index in the stage, so errors come in file order
	for i := 1; i < len(keys); i++ {
		for k := i; k > 0 && m[keys[k]] < m[keys[k-1]]; k-- {
			keys[k], keys[k-1] = keys[k-1], keys[k]
		}
	}
	return keys
}

// arsbudsjett checks the rule that ties each year to one budget
// (record.Arsbudsjett): two adopted plans starting with the same year make
// the year's budget ambiguous; a regulering typed in one plan's file for a
// year whose budget is another plan belongs to that plan, so it must come
// after that plan was adopted.
func (c *checker) arsbudsjett() {
	ab := c.set.Arsbudsjetter()
	for _, o := range ab.Clashes {
		first := ab.FirstOf(o.ForsteAr)
		if first == nil {
			continue
		}
		pos := first.Src.At("forste_ar")
		c.errorf(o.Src, "forste_ar", "two adopted økonomiplaner start with %d (this one and %s, %s:%d:%d): the årsbudsjett %d would be ambiguous; an økonomiplan revised for the same years replaces the earlier one: keep one file per first year (its stages go in [[stadium]])",
			o.ForsteAr, first.ID, first.Src.Path, pos.Line, pos.Col, o.ForsteAr)
	}
	for _, o := range c.set.Okonomiplan {
		for i, r := range o.Regulering {
			owner := ab.Owner[r.Ar]
			if owner == nil || owner == o {
				continue
			}
			st, v := owner.Adopted(), c.ix.Vedtak[r.Vedtak]
			if st == nil {
				continue
			}
			has := map[string]bool{}
			for _, rm := range st.Ramme {
				has[rm.Omrade] = true
			}
			if c.ix.Omrader[r.Omrade] != nil && !c.covered(r.Omrade, has) {
				c.errorf(o.Src, tomlpos.Elem("regulering", i)+".omrade", "%d is the årsbudsjett of økonomiplan %s, so this regulering belongs to it, but that plan has no ramme for rammeområde %q (or an area above or below it): add the ramme there, or correct the year or the area",
					r.Ar, owner.ID, r.Omrade)
			}
			if v == nil {
				continue
			}
			if adopted := c.ix.Vedtak[st.Vedtak]; adopted != nil && v.Motedato.Before(adopted.Motedato) {
				c.errorf(o.Src, tomlpos.Elem("regulering", i)+".ar", "%d is the årsbudsjett of økonomiplan %s (adopted in %s, %s), so this regulering belongs to it, but vedtak %s (%s) is older: a regulering comes after the budget it changes; check the year",
					r.Ar, owner.ID, adopted.ID, adopted.Motedato, v.ID, v.Motedato)
			}
		}
	}
}
