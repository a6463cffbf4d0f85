package compile

import (
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/omradetre"
	"github.com/openkommune/portal/tools/record"
)

// compileOmradetre builds the rammeområder page's tree (Omradetre): every
// area under its parent, with its frame in the first year of the newest
// adopted økonomiplan, or of the newest plan's latest stage when none is
// adopted. The total adds the top-level areas only, so no frame is counted
// twice.
func (c *compiler) compileOmradetre() {
	t := model.Omradetre{Omrader: []*model.Omradenode{}}
	ro, st := c.listStage()
	var sums map[string]omradetre.Sum
	if st != nil {
		ref := c.okonomiplanRef(ro)
		t.Okonomiplan, t.Stadium, t.Ar = &ref, string(st.Type), ro.ForsteAr
		given := map[string]int64{}
		for _, r := range st.Ramme {
			if _, dup := given[r.Omrade]; !dup && len(r.Belop) > 0 {
				given[r.Omrade] = r.Belop[0].Kr
			}
		}
		sums = c.tree.Sums(given, money.Add)
		if total, ok := c.tree.Total(sums, money.Add); ok && len(given) > 0 {
			t.Sum = krPtr(total)
		}
	}
	for _, id := range c.tree.Top() {
		t.Omrader = append(t.Omrader, c.omradenode(id, 0, sums))
	}
	c.site.Omradetre = t
}

// listStage picks the stage the list page shows: the vedtatt stage of the
// newest adopted plan, else the latest stage of the newest plan.
func (c *compiler) listStage() (*record.Okonomiplan, *record.Stage) {
	var newest, adopted *record.Okonomiplan
	for _, p := range c.set.Okonomiplan {
		if p.Latest() != nil && (newest == nil || p.ForsteAr > newest.ForsteAr) {
			newest = p
		}
		if p.Adopted() != nil && (adopted == nil || p.ForsteAr > adopted.ForsteAr) {
			adopted = p
		}
	}
	switch {
	case adopted != nil:
		return adopted, adopted.Adopted()
	case newest != nil:
		return newest, newest.Latest()
	}
	return nil, nil
}

// omradenode is one area with its underområder, depth first.
func (c *compiler) omradenode(id string, depth int, sums map[string]omradetre.Sum) *model.Omradenode {
	n := &model.Omradenode{Omrade: c.omradeRef(id), Underomrader: []*model.Omradenode{}, Kostra: []string{},
		Niva: model.Niva{Niva: depth, Overordnet: c.tree.Parent(id)}}
	if o := c.omrader[id]; o != nil {
		n.Ansvarlig, n.Kostra = o.Ansvarlig, o.Kostra
	}
	s := sums[id]
	if v, ok := s.Value(); ok && !s.Overflow {
		n.Ramme = krPtr(v)
		n.Beregnet = !s.HasStated
		if s.HasStated && s.HasComputed && s.Stated != s.Computed {
			if rest, ok := money.Sub(s.Stated, s.Computed); ok {
				n.Rest = krPtr(rest)
			}
		}
	}
	for _, ch := range c.tree.Children(id) {
		n.Underomrader = append(n.Underomrader, c.omradenode(ch, depth+1, sums))
	}
	return n
}
