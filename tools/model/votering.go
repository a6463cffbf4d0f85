package model

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
