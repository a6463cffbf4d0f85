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
// same year.
func omrader(o *record.Okonomiplan, order map[string]int, i int) []Change {
	var out []Change
	type key struct {
		omrade string
		ar     int
	}
	seen := map[key]bool{}
	for _, line := range o.Regnskap {
		k := key{line.Omrade, line.Ar}
		if seen[k] {
			continue
		}
		seen[k] = true
		var idx []int
		for j, l := range o.Regnskap {
			if l.Omrade == k.omrade && l.Ar == k.ar && l.Prognose.Set {
				idx = append(idx, j)
			}
		}
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
