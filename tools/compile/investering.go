package compile

import (
	"slices"

	"github.com/openkommune/portal/tools/money"
)

// Investering is the investment projects' yearly bevilgninger (the årlige
// bevilgninger § 5-5 binds) summed per year and per rammeområde.
type Investering struct {
	Ar      []int               `json:"ar"`      // the years with a bevilgning, oldest first
	Omrader []InvesteringOmrade `json:"omrader"` // the areas with a bevilgning, in the areas' order
	Sum     []Kr                `json:"sum"`     // all areas, per year
}

// InvesteringOmrade is one area's bevilgninger per year.
type InvesteringOmrade struct {
	Omrade Ref `json:"omrade"`
	// Belop is the sum per year of Investering.Ar; nil (shown as not
	// reported, empty in CSV) for a year none of its projects has a
	// bevilgning.
	Belop      []*Kr `json:"belop"`
	Prosjekter int   `json:"prosjekter"` // how many of its projects have a bevilgning
}

// compileInvestering sums the projects' bevilgninger; it runs after
// compileProsjekter.
func (c *compiler) compileInvestering() {
	inv := Investering{Ar: []int{}, Omrader: []InvesteringOmrade{}, Sum: []Kr{}}
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
	byArea := map[string]*InvesteringOmrade{}
	for _, p := range c.site.Prosjekter {
		if len(p.Bevilgninger) == 0 {
			continue
		}
		a := byArea[p.Omrade.ID]
		if a == nil {
			a = &InvesteringOmrade{Omrade: p.Omrade, Belop: make([]*Kr, len(inv.Ar))}
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
