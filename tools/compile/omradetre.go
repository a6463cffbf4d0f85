package compile

import (
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/omradetre"
	"github.com/openkommune/portal/tools/record"
)

// treeRow is a stage's [[ramme]] or, for an area whose figure the source
// gives only through its underområder, the computed subtotal.
type treeRow struct {
	record.Ramme
	model.Niva
}

// treeRammer orders a stage's rammer as the area tree (each top-level area
// followed by its underområder, depth first) and adds a computed row for
// each area without a row of its own whose underområder have one. Rows of
// areas not in the tree (check reports them) come last, at the top level.
func (c *compiler) treeRammer(rammer []record.Ramme) []treeRow {
	tree := c.tree
	byArea := map[string]record.Ramme{}
	for _, r := range rammer {
		if _, dup := byArea[r.Omrade]; !dup {
			byArea[r.Omrade] = r
		}
	}
	perYear := make([]map[string]omradetre.Sum, record.PlanYears)
	for j := range perYear {
		given := map[string]int64{}
		for id, r := range byArea {
			if j < len(r.Belop) {
				given[id] = r.Belop[j].Kr
			}
		}
		perYear[j] = tree.Sums(given, money.Add)
	}
	var out []treeRow
	placed := map[string]bool{}
	var visit func(id string, depth int)
	visit = func(id string, depth int) {
		n := model.Niva{Niva: depth, Overordnet: tree.Parent(id)}
		if r, ok := byArea[id]; ok {
			out = append(out, treeRow{r, n})
			placed[id] = true
		} else if _, has := perYear[0][id].Value(); has {
			r := record.Ramme{Omrade: id}
			for j := range perYear {
				v, _ := perYear[j][id].Value()
				r.Belop = append(r.Belop, money.Amount{Kr: v, Set: true})
			}
			n.Beregnet = true
			out = append(out, treeRow{r, n})
		}
		for _, ch := range tree.Children(id) {
			visit(ch, depth+1)
		}
	}
	for _, id := range tree.Top() {
		visit(id, 0)
	}
	for _, r := range rammer {
		if !placed[r.Omrade] {
			placed[r.Omrade] = true
			out = append(out, treeRow{r, model.Niva{}})
		}
	}
	return out
}
