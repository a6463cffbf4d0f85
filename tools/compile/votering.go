package compile

import (
	"github.com/openkommune/portal/tools/record"
)

// Votes (docs/data-format.md, "Votes"): a vedtak's proposals and each vote
// on it or on one of its points, with the counts per party split into the
// side for and the side against, as the vedtak page shows them.

// Forslag is one proposal a vedtak was decided over.
type Forslag struct {
	ID        string      `json:"id"`
	Anchor    string      `json:"anker"` // "forslag-<id>" on the vedtak page
	Type      string      `json:"type"`
	Tittel    string      `json:"tittel"`
	FremmetAv string      `json:"fremmet_av"`
	Partier   []PartiNavn `json:"partier"`
	Tekst     string      `json:"tekst"`              // as written (Markdown), for downloads
	TekstMD   string      `json:"tekst_md,omitempty"` // markdown.Escape(Tekst) when that differs
	// Votering is the id of the vote it was voted over in (as forslag or
	// as alternativ), "" if none: an alternative budget links its vote.
	Votering string `json:"votering"`
}

// PartiNavn is a party by its code and name.
type PartiNavn struct {
	Kode string `json:"kode"`
	Navn string `json:"navn"`
}

// Votering is one vote.
type Votering struct {
	// ID is the vote's key within its vedtak: "votering-1", or
	// "punkt-3-votering-1" for a point's; it is the vote's place on the
	// vedtak page.
	ID         string        `json:"id"`
	Punkt      int           `json:"punkt,omitempty"` // the point's nr, 0 for the whole vedtak
	Forslag    *ForslagRef   `json:"forslag"`         // nil: the vedtak (or point) as adopted
	Alternativ *ForslagRef   `json:"alternativ"`
	Enstemmig  bool          `json:"enstemmig"`
	Resultat   string        `json:"resultat"` // vedtatt or falt
	HarTall    bool          `json:"har_tall"` // counts per party are given
	For        int           `json:"for"`
	Mot        int           `json:"mot"`
	Fravarende int           `json:"fravarende"`
	Medlemmer  int           `json:"medlemmer"` // the utvalg's seats, 0 if not given
	Parti      []PartiTall   `json:"parti"`     // every party as written
	ForSide    []PartiStemme `json:"for_side"`  // parties with votes for, most first
	MotSide    []PartiStemme `json:"mot_side"`  // parties with votes against, most first
}

// ForslagRef names a proposal of the same vedtak.
type ForslagRef struct {
	ID     string `json:"id"`
	Anchor string `json:"anker"`
	Tittel string `json:"tittel"`
	Type   string `json:"type"`
}

// PartiTall is one party's votes in a vote.
type PartiTall struct {
	Kode    string   `json:"kode"`
	Navn    string   `json:"navn"`
	For     int      `json:"for"`
	Mot     int      `json:"mot"`
	ForNavn []string `json:"for_navn"`
	MotNavn []string `json:"mot_navn"`
}

// PartiStemme is one party's votes on one side of a vote.
type PartiStemme struct {
	Kode   string   `json:"kode"`
	Navn   string   `json:"navn"`
	Antall int      `json:"antall"`
	Navner []string `json:"navn_liste"` // the members' names, if given
}

func forslagAnchor(id string) string { return "forslag-" + id }

// forslag compiles a vedtak's proposals.
func (c *compiler) forslag(rv *record.Vedtak) []Forslag {
	out := []Forslag{}
	for _, f := range rv.Forslag {
		cf := Forslag{ID: f.ID, Anchor: forslagAnchor(f.ID), Type: string(f.Type), Tittel: f.Tittel,
			FremmetAv: f.FremmetAv, Partier: []PartiNavn{}, Tekst: f.Tekst, TekstMD: escapedIfChanged(f.Tekst)}
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

func (c *compiler) partiNavn(kode string) PartiNavn {
	n := PartiNavn{Kode: kode, Navn: kode}
	if p := c.ix.Parti[kode]; p != nil {
		n.Navn = p.Navn
	}
	return n
}

// voteringer compiles the votes vs of vedtak rv; punkt is the point's nr
// or 0 for the vedtak's own.
func (c *compiler) voteringer(rv *record.Vedtak, punkt int, vs []record.Votering) []Votering {
	out := []Votering{}
	prefix := "votering-"
	if punkt > 0 {
		prefix = "punkt-" + itoa(punkt) + "-votering-"
	}
	for i := range vs {
		rvo := &vs[i]
		f, m := rvo.Sum()
		vo := Votering{
			ID: prefix + itoa(i+1), Punkt: punkt,
			Forslag: forslagRef(rv, rvo.Forslag), Alternativ: forslagRef(rv, rvo.Alternativ),
			Enstemmig: rvo.Enstemmig, Resultat: string(rvo.Outcome()), HarTall: len(rvo.Parti) > 0,
			For: f, Mot: m, Fravarende: rvo.Fravarende,
			Parti: []PartiTall{}, ForSide: []PartiStemme{}, MotSide: []PartiStemme{},
		}
		if u := c.ix.Utvalg[rv.Utvalg]; u != nil {
			vo.Medlemmer = u.Medlemmer
		}
		for _, p := range rvo.Parti {
			n := c.partiNavn(p.Parti)
			vo.Parti = append(vo.Parti, PartiTall{Kode: n.Kode, Navn: n.Navn, For: p.For, Mot: p.Mot, ForNavn: nonNil(p.ForNavn), MotNavn: nonNil(p.MotNavn)})
			if p.For > 0 {
				vo.ForSide = append(vo.ForSide, PartiStemme{Kode: n.Kode, Navn: n.Navn, Antall: p.For, Navner: nonNil(p.ForNavn)})
			}
			if p.Mot > 0 {
				vo.MotSide = append(vo.MotSide, PartiStemme{Kode: n.Kode, Navn: n.Navn, Antall: p.Mot, Navner: nonNil(p.MotNavn)})
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
func sortSide(s []PartiStemme) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].Antall > s[j-1].Antall; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func forslagRef(rv *record.Vedtak, id string) *ForslagRef {
	if id == "" {
		return nil
	}
	for _, f := range rv.Forslag {
		if f.ID == id {
			return &ForslagRef{ID: id, Anchor: forslagAnchor(id), Tittel: f.Tittel, Type: string(f.Type)}
		}
	}
	return &ForslagRef{ID: id, Anchor: forslagAnchor(id), Tittel: id}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
