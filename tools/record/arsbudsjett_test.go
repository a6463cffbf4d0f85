package record

import "testing"

func adoptedPlan(id string, first int) *Okonomiplan {
	return &Okonomiplan{ID: id, ForsteAr: first, VedtattI: "kst-" + id}
}

// TestArsbudsjetter: each year's budget is the adopted plan that starts
// with it, else the newest adopted plan covering it; a second plan
// starting with the same year is a clash; a plan not adopted owns nothing.
func TestArsbudsjetter(t *testing.T) {
	p24, p25, p26 := adoptedPlan("2024-2027", 2024), adoptedPlan("2025-2028", 2025), adoptedPlan("2026-2029", 2026)
	forslag := &Okonomiplan{ID: "2027-2030", ForsteAr: 2027, Stadium: []Stadium{{Type: Forslag}}}
	twin := adoptedPlan("2025-2028-b", 2025)
	s := &Set{Okonomiplan: []*Okonomiplan{p26, p24, p25, forslag, twin}}
	ab := s.Arsbudsjetter()
	for y, want := range map[int]*Okonomiplan{2024: p24, 2025: p25, 2026: p26, 2027: p26, 2028: p26, 2029: p26} {
		if got := ab.Owner[y]; got != want {
			t.Errorf("%d: owner %v, want %s", y, got, want.ID)
		}
	}
	if ab.Owner[2030] != nil {
		t.Error("2030 is only in a forslag: no budget")
	}
	if len(ab.Clashes) != 1 || ab.Clashes[0] != twin {
		t.Errorf("clashes %v, want the second plan starting 2025", ab.Clashes)
	}
}
