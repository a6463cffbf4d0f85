package compile

import (
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/record"
)

// Votes (docs/data-format.md, "Votes"): a vedtak's proposals and each vote
// on it or on one of its points, with the counts per party split into the
// side for and the side against, as the vedtak page shows them.

func forslagAnchor(id string) string { return "forslag-" + id }

// forslag compiles a vedtak's proposals.
func (c *compiler) forslag(rv *record.Vedtak) []model.Forslag {
	out := []model.Forslag{}
	for _, f := range rv.Forslag {
		cf := model.Forslag{ID: f.ID, Anchor: forslagAnchor(f.ID), Type: string(f.Type), Tittel: f.Tittel,
			FremmetAv: f.FremmetAv, Partier: []model.PartiNavn{}, Tekst: f.Tekst, TekstMD: escapedIfChanged(f.Tekst)}
		for _, p := range f.Partier {
			cf.Partier = append(cf.Partier, c.partiNavn(p))
		}
		cf.Votering = votedIn(rv, f.ID)
		out = append(out, cf)
	}
	return out
}

// votedIn is the id of the vote of rv that names proposal id, or "".
func votedIn(rv *record.Vedtak, id string) string {
	names := func(vs []record.Votering) int {
		for i, v := range vs {
			if v.Forslag == id || v.Alternativ == id {
				return i + 1
			}
		}
		return 0
	}
	if i := names(rv.Votering); i > 0 {
		return "votering-" + itoa(i)
	}
	for _, p := range rv.Punkt {
		if i := names(p.Votering); i > 0 {
			return "punkt-" + itoa(p.Nr) + "-votering-" + itoa(i)
		}
	}
	return ""
}

func (c *compiler) partiNavn(kode string) model.PartiNavn {
	n := model.PartiNavn{Kode: kode, Navn: kode}
	if p := c.ix.Parti[kode]; p != nil {
		n.Navn = p.Navn
	}
	return n
}

// voteringer compiles the votes vs of vedtak rv; punkt is the point's nr
// or 0 for the vedtak's own.
func (c *compiler) voteringer(rv *record.Vedtak, punkt int, vs []record.Votering) []model.Votering {
	out := []model.Votering{}
	prefix := "votering-"
	if punkt > 0 {
		prefix = "punkt-" + itoa(punkt) + "-votering-"
	}
	for i := range vs {
		rvo := &vs[i]
		f, m := rvo.Sum()
		vo := model.Votering{
			ID: prefix + itoa(i+1), Punkt: punkt,
			Forslag: forslagRef(rv, rvo.Forslag), Alternativ: forslagRef(rv, rvo.Alternativ),
			Enstemmig: rvo.Enstemmig, Resultat: string(rvo.Outcome()), HarTall: len(rvo.Parti) > 0,
			For: f, Mot: m, Fravarende: rvo.Fravarende,
			Parti: []model.PartiTall{}, ForSide: []model.PartiStemme{}, MotSide: []model.PartiStemme{},
		}
		if u := c.ix.Utvalg[rv.Utvalg]; u != nil {
			vo.Medlemmer = u.Medlemmer
		}
		for _, p := range rvo.Parti {
			n := c.partiNavn(p.Parti)
			vo.Parti = append(vo.Parti, model.PartiTall{Kode: n.Kode, Navn: n.Navn, For: p.For, Mot: p.Mot, ForNavn: nonNil(p.ForNavn), MotNavn: nonNil(p.MotNavn)})
			if p.For > 0 {
				vo.ForSide = append(vo.ForSide, model.PartiStemme{Kode: n.Kode, Navn: n.Navn, Antall: p.For, Navner: nonNil(p.ForNavn)})
			}
			if p.Mot > 0 {
				vo.MotSide = append(vo.MotSide, model.PartiStemme{Kode: n.Kode, Navn: n.Navn, Antall: p.Mot, Navner: nonNil(p.MotNavn)})
			}
		}
		sortSide(vo.ForSide)
		sortSide(vo.MotSide)
		out = append(out, vo)
	}
	return out
}

// sortSide orders one side's parties by votes, most first; ties keep the
// order written.
func sortSide(s []model.PartiStemme) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].Antall > s[j-1].Antall; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func forslagRef(rv *record.Vedtak, id string) *model.ForslagRef {
	if id == "" {
		return nil
	}
	for _, f := range rv.Forslag {
		if f.ID == id {
			return &model.ForslagRef{ID: id, Anchor: forslagAnchor(id), Tittel: f.Tittel, Type: string(f.Type)}
		}
	}
	return &model.ForslagRef{ID: id, Anchor: forslagAnchor(id), Tittel: id}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
