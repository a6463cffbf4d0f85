package compile

import (
	"slices"

	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
)

// compileInvestering sums the projects' bevilgninger; it runs after
// compileProsjekter.
func (c *compiler) compileInvestering() {
	inv := model.Investering{Ar: []int{}, Omrader: []model.InvesteringOmrade{}, Sum: []model.Kr{}}
	for _, p := range c.site.Prosjekter {
		for _, b := range p.Bevilgninger {
			if !slices.Contains(inv.Ar, b.Ar) {
				inv.Ar = append(inv.Ar, b.Ar)
			}
		}
	}
	slices.Sort(inv.Ar)
	sums := make([]int64, len(inv.Ar))
	// Areas in the order of rammeomrader.toml, then any other (unknown) last.
	var order []string
	if c.set.Omrader != nil {
		for _, a := range c.set.Omrader.Omrade {
			order = append(order, a.ID)
		}
	}
	byArea := map[string]*model.InvesteringOmrade{}
	for _, p := range c.site.Prosjekter {
		if len(p.Bevilgninger) == 0 {
			continue
		}
		a := byArea[p.Omrade.ID]
		if a == nil {
			a = &model.InvesteringOmrade{Omrade: p.Omrade, Belop: make([]*model.Kr, len(inv.Ar))}
			byArea[p.Omrade.ID] = a
			if !slices.Contains(order, p.Omrade.ID) {
				order = append(order, p.Omrade.ID)
			}
		}
		a.Prosjekter++
		for _, b := range p.Bevilgninger {
			i := slices.Index(inv.Ar, b.Ar)
			var prev int64
			if a.Belop[i] != nil {
				prev = a.Belop[i].Kr
			}
			a.Belop[i] = krPtr(money.MustAdd(prev, b.Belop.Kr))
			sums[i] = money.MustAdd(sums[i], b.Belop.Kr)
		}
	}
	for _, id := range order {
		if a := byArea[id]; a != nil {
			inv.Omrader = append(inv.Omrader, *a)
		}
	}
	for _, s := range sums {
		inv.Sum = append(inv.Sum, kr(s))
	}
	c.site.Investering = inv
}
