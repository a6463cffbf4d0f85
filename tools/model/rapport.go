package model

// Rapport is one report's page: the report and what changed since the
// report before it (package endring), largest change in kroner first.
type Rapport struct {
	ID        string    `json:"id"`
	Path      string    `json:"sti"` // "rapporter/<id>/"
	Tittel    string    `json:"tittel"`
	Type      string    `json:"type"`
	Ar        int       `json:"ar"`
	Tertial   int       `json:"tertial"`
	Dato      Dato      `json:"dato"`
	Vedtak    *Ref      `json:"vedtak"` // the vedtak that treated it; nil until treated
	URL       string    `json:"url"`
	Forrige   *Ref      `json:"forrige"`
	Neste     *Ref      `json:"neste"`
	Endringer []Endring `json:"endringer"`
	Antall    []Telling `json:"antall"` // changes per kind, in the order of endring.Kinds, kinds with none left out
	Kilde     string    `json:"kilde"`
	KildeURL  string    `json:"kilde_url"`
}

// Endring is one change between two reports with the numbers behind it.
// Which fields are set depends on Type (an endring.Kind).
type Endring struct {
	Type string `json:"type"`
	// Om is the page of what changed: a project, a vedtak (at the
	// point), a plan (at the tiltak) or an area; Del names the point or
	// the tiltak.
	Om      Ref    `json:"om"`
	Del     string `json:"del"`
	Rapport Ref    `json:"rapport"` // the report it was found in
	Forrige Ref    `json:"forrige"` // the report it is compared with
	// Fra and Til are the forecast before and after, Endring the signed
	// difference and Prosent it against Fra.
	Fra     *Kr  `json:"fra"`
	Til     *Kr  `json:"til"`
	Endring *Kr  `json:"endring"`
	Prosent *Pct `json:"prosent"`
	// Ramme is the frame at the report and Over the forecast's distance
	// above it (negative: below), for the overrun kinds.
	Ramme   *Kr    `json:"ramme"`
	Over    *Kr    `json:"over"`
	FraKode string `json:"fra_kode"`
	TilKode string `json:"til_kode"`
	FraDato *Dato  `json:"fra_dato"`
	TilDato *Dato  `json:"til_dato"`
	Maneder int    `json:"maneder"`
	Frist   *Dato  `json:"frist"`
	Ar      int    `json:"ar"`
	// Storrelse is the size in kroner the list is sorted by.
	Storrelse int64 `json:"storrelse"`
}

// Endringssett is a record page's section "since the previous report":
// the latest report, the one before it, and this record's changes.
type Endringssett struct {
	Rapport Ref       `json:"rapport"`
	Forrige Ref       `json:"forrige"`
	Liste   []Endring `json:"liste"`
}

// Prognosepunkt is a project's forecast and frame at one report.
type Prognosepunkt struct {
	Rapport  Ref    `json:"rapport"`
	Kort     string `json:"kort"` // the report's short name for a chart's axis: "2. t. 2026"
	Prognose Kr     `json:"prognose"`
	Ramme    Kr     `json:"ramme"`
	Avvik    Kr     `json:"avvik"` // prognose − ramme
	Over     bool   `json:"over"`
}
