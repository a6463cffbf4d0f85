package record

// The proposals a vedtak was decided over and how each vote went
// (docs/data-format.md, "Votes"). A vedtak lists its proposals once, as
// [[forslag]]; a vote ([[votering]] on the vedtak, or [[punkt.votering]]
// on one point) names the proposal it was over by its id.

// Parti is a party (or list) with seats in the kommune's utvalg, listed in
// kommune.toml so that a vote's counts name parties the site knows.
type Parti struct {
	Kode string `toml:"kode"` // short name as the kommune writes it: "Ap", "H", "SV"
	Navn string `toml:"navn"`
}

// Proposal is one proposal a vedtak was decided over: the innstilling, an
// alternative proposal (such as a party group's alternative budget), or a
// change or addition to the innstilling.
type Proposal struct {
	ID        string      `toml:"id"` // unique within the vedtak; with the vedtak's id a stable key ("kst-2024-098/h-frp-budsjett")
	Type      ForslagType `toml:"type"`
	Tittel    string      `toml:"tittel"`
	FremmetAv string      `toml:"fremmet_av"` // who put it forward, as the protocol names them
	Partier   []string    `toml:"partier"`    // the parties behind it, by kode
	Tekst     string      `toml:"tekst" text:"inline"`
}

// Votering is one vote: over a proposal, or in an alternative vote between
// two proposals, decided unanimously or with counts per party.
type Votering struct {
	// Forslag is the id of the proposal voted over; "" is the vedtak (or
	// point) as adopted.
	Forslag string `toml:"forslag"`
	// Alternativ, in an alternative vote (alternativ votering), is the
	// proposal the votes against Forslag were cast for.
	Alternativ string `toml:"alternativ"`
	Enstemmig  bool   `toml:"enstemmig"`
	// Resultat is needed only on a tie (the chair's casting vote) or for
	// a unanimous rejection; otherwise it follows from the counts.
	Resultat   Resultat       `toml:"resultat"`
	Fravarende int            `toml:"fravarende"` // seats with no one present (no vara met)
	Parti      []PartiStemmer `toml:"parti"`
}

// PartiStemmer is how one party's members voted.
type PartiStemmer struct {
	Parti   string   `toml:"parti"`
	For     int      `toml:"for"`
	Mot     int      `toml:"mot"`
	ForNavn []string `toml:"for_navn"`
	MotNavn []string `toml:"mot_navn"`
}

// ForslagType is the kind of proposal.
type ForslagType string

const (
	InnstillingForslag ForslagType = "innstilling"
	Alternativforslag  ForslagType = "alternativ"
	Endringsforslag    ForslagType = "endring"
	Tilleggsforslag    ForslagType = "tillegg"
)

// ForslagTypeValues lists the kinds of proposal.
var ForslagTypeValues = values(InnstillingForslag, Alternativforslag, Endringsforslag, Tilleggsforslag)

func (v ForslagType) Problem() string { return enumProblem("type", string(v), ForslagTypeValues) }

// Values returns the allowed codes, ForslagTypeValues (for the JSON Schemas).
func (ForslagType) Values() []string { return ForslagTypeValues }

// Resultat is the outcome of a vote.
type Resultat string

const (
	ResultatVedtatt Resultat = "vedtatt"
	ResultatFalt    Resultat = "falt"
)

// ResultatValues lists the outcomes: adopted, or fell.
var ResultatValues = values(ResultatVedtatt, ResultatFalt)

func (v Resultat) Problem() string { return enumProblem("resultat", string(v), ResultatValues) }

// Values returns the allowed codes, ResultatValues (for the JSON Schemas).
func (Resultat) Values() []string { return ResultatValues }

// MaxMedlemmer bounds an utvalg's size and a vote's counts: the largest
// Norwegian council (Oslo bystyre) has 59 members.
const MaxMedlemmer = 999

// Sum returns the votes for and against over the vote's parties.
func (v *Votering) Sum() (forVotes, mot int) {
	for _, p := range v.Parti {
		forVotes += max(p.For, 0)
		mot += max(p.Mot, 0)
	}
	return forVotes, mot
}

// Outcome is the vote's result: as written, or from the counts (more for
// than against adopts; a unanimous vote without counts adopts). It is ""
// on a tie with no resultat written.
func (v *Votering) Outcome() Resultat {
	if v.Resultat != "" {
		return v.Resultat
	}
	f, m := v.Sum()
	switch {
	case f > m:
		return ResultatVedtatt
	case m > f:
		return ResultatFalt
	case v.Enstemmig:
		return ResultatVedtatt
	}
	return ""
}
