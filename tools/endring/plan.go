package endring

import "github.com/openkommune/portal/tools/record"

// tiltak returns the tiltak of a plan whose phase changed at report i.
func tiltak(p *record.Plan, order map[string]int, i int) []Change {
	var out []Change
	for _, t := range p.Tiltak {
		h := t.Rapportering
		cur, prev := at(len(h), func(j int) string { return h[j].Rapport }, order, i)
		if cur < 0 || prev < 0 || h[cur].Fase == h[prev].Fase {
			continue
		}
		out = append(out, Change{Kind: TiltakFase, Om: OmPlan, ID: p.ID, Del: t.ID, FraKode: string(h[prev].Fase), TilKode: string(h[cur].Fase)})
	}
	return out
}

// omrader returns the areas of an økonomiplan whose forecast for a year
// changed at report i, compared with their latest earlier forecast for the
// same year. Lines are grouped by area and year in one pass, in the order
// first written.
func omrader(o *record.Okonomiplan, order map[string]int, i int) []Change {
	type key struct {
		omrade string
		ar     int
	}
	groups := map[key][]int{}
	var keys []key
	for j, l := range o.Regnskap {
		if !l.Prognose.Set {
			continue
		}
		k := key{l.Omrade, l.Ar}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], j)
	}
	var out []Change
	for _, k := range keys {
		idx := groups[k]
		cur, prev := at(len(idx), func(j int) string { return o.Regnskap[idx[j]].Rapport }, order, i)
		if cur < 0 || prev < 0 {
			continue
		}
		a, b := o.Regnskap[idx[prev]].Prognose.Kr, o.Regnskap[idx[cur]].Prognose.Kr
		if a != b {
			out = append(out, Change{Kind: OmradePrognose, Om: OmOmrade, ID: k.omrade, Ar: k.ar, Fra: a, Til: b, Endring: b - a, HarBelop: true})
		}
	}
	return out
}
