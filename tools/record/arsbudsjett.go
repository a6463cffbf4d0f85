package record

// Arsbudsjett is the rule that ties a budget year to one økonomiplan
// across rolling plans: year Y's budget is the newest adopted plan whose
// first year is Y (the plan adopted as "økonomiplan Y–Y+3 og årsbudsjett
// Y"); for a year no adopted plan starts with, the adopted plan with the
// latest first year that covers it. Every regulering and regnskap of year
// Y belongs to that budget, whichever plan's file it is typed in, so that
// the regulated frame and the accounts of a year are one series.
type Arsbudsjett struct {
	Owner map[int]*Okonomiplan
	// Clashes lists plans that start with the same year as an earlier
	// adopted plan (in file order): the year's budget would be ambiguous.
	Clashes []*Okonomiplan
}

// Arsbudsjetter applies the rule to the set's adopted økonomiplaner.
func (s *Set) Arsbudsjetter() Arsbudsjett {
	a := Arsbudsjett{Owner: map[int]*Okonomiplan{}}
	first := map[int]*Okonomiplan{}
	for _, o := range s.Okonomiplan {
		if o.Adopted() == nil || o.ForsteAr == 0 {
			continue
		}
		if first[o.ForsteAr] != nil {
			a.Clashes = append(a.Clashes, o)
			continue
		}
		first[o.ForsteAr] = o
	}
	for _, o := range first {
		for y := o.ForsteAr; y < o.ForsteAr+PlanYears; y++ {
			if starts := first[y]; starts != nil {
				a.Owner[y] = starts
				continue
			}
			if cur := a.Owner[y]; cur == nil || cur.ForsteAr < o.ForsteAr {
				a.Owner[y] = o
			}
		}
	}
	return a
}

// FirstOf returns the plan the set's Arsbudsjett gives year y by its
// first-year rule, nil if no adopted plan starts with y.
func (a Arsbudsjett) FirstOf(y int) *Okonomiplan {
	if o := a.Owner[y]; o != nil && o.ForsteAr == y {
		return o
	}
	return nil
}
