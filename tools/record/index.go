package record

// Index finds records by id. Where two records claim the same id (an error
// that package check reports), the first in file order wins.
type Index struct {
	Vedtak      map[string]*Vedtak
	Planer      map[string]*Plan
	Okonomiplan map[string]*Okonomiplan
	Prosjekter  map[string]*Prosjekt
	Rapporter   map[string]*Rapport
	Omrader     map[string]*Omrade
	Utvalg      map[string]*Utvalg
	Parti       map[string]*Parti
}

// Index builds the lookup tables of s.
func (s *Set) Index() *Index {
	ix := &Index{
		Vedtak:      byID(s.Vedtak),
		Planer:      byID(s.Planer),
		Okonomiplan: byID(s.Okonomiplan),
		Prosjekter:  byID(s.Prosjekter),
		Rapporter:   byID(s.Rapporter),
		Omrader:     map[string]*Omrade{},
		Utvalg:      map[string]*Utvalg{},
		Parti:       map[string]*Parti{},
	}
	if s.Omrader != nil {
		for i := range s.Omrader.Omrade {
			o := &s.Omrader.Omrade[i]
			if _, ok := ix.Omrader[o.ID]; !ok {
				ix.Omrader[o.ID] = o
			}
		}
	}
	if s.Kommune != nil {
		for i := range s.Kommune.Utvalg {
			u := &s.Kommune.Utvalg[i]
			if _, ok := ix.Utvalg[u.Kode]; !ok {
				ix.Utvalg[u.Kode] = u
			}
		}
		for i := range s.Kommune.Parti {
			p := &s.Kommune.Parti[i]
			if _, ok := ix.Parti[p.Kode]; !ok {
				ix.Parti[p.Kode] = p
			}
		}
	}
	return ix
}

// Tiltak finds a plan's measure by "plan-id/tiltak-id".
func (ix *Index) Tiltak(ref string) (*Plan, *Tiltak) {
	planID, tiltakID, ok := cutRef(ref)
	if !ok {
		return nil, nil
	}
	p := ix.Planer[planID]
	if p == nil {
		return nil, nil
	}
	for i := range p.Tiltak {
		if p.Tiltak[i].ID == tiltakID {
			return p, &p.Tiltak[i]
		}
	}
	return p, nil
}

// Mal finds a goal by "mal-id" within plan from, or by "plan-id/mal-id".
func (ix *Index) Mal(from *Plan, ref string) (*Plan, *Satsingsomrade, *Mal) {
	p := from
	malID := ref
	if planID, id, ok := cutRef(ref); ok {
		p, malID = ix.Planer[planID], id
	}
	if p == nil {
		return nil, nil, nil
	}
	for i := range p.Satsingsomrade {
		s := &p.Satsingsomrade[i]
		for j := range s.Mal {
			if s.Mal[j].ID == malID {
				return p, s, &s.Mal[j]
			}
		}
	}
	return p, nil, nil
}

func cutRef(ref string) (string, string, bool) {
	for i := 0; i < len(ref); i++ {
		if ref[i] == '/' {
			return ref[:i], ref[i+1:], true
		}
	}
	return "", "", false
}

// Identified is a record kept one per file and named by its id.
type Identified interface{ Ident() string }

func (v *Vedtak) Ident() string      { return v.ID }
func (p *Plan) Ident() string        { return p.ID }
func (o *Okonomiplan) Ident() string { return o.ID }
func (p *Prosjekt) Ident() string    { return p.ID }

// byID maps ids to records; the first of a duplicate id wins.
func byID[P Identified](list []P) map[string]P {
	m := make(map[string]P, len(list))
	for _, r := range list {
		if _, ok := m[r.Ident()]; !ok {
			m[r.Ident()] = r
		}
	}
	return m
}
