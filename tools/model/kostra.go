package model

// OmradeKostra is an area's KOSTRA figures from one of SSB's tables: for
// each of the area's functions, the kommune's figure per innbygger beside
// its KOSTRA group's and the country's, for the latest years.
type OmradeKostra struct {
	Kilde      KostraKilde      `json:"kilde"`
	Ar         []int            `json:"ar"`       // the latest years with figures, oldest first
	Regioner   []KostraRegion   `json:"regioner"` // kommune, KOSTRA group, country
	Funksjoner []KostraFunksjon `json:"funksjoner"`
}

// KostraKilde is the SSB table every figure cites.
type KostraKilde struct {
	Tabell    string `json:"tabell"`
	Tittel    string `json:"tittel"`
	Kilde     string `json:"kilde"`
	URL       string `json:"url"`
	Lisens    string `json:"lisens"`
	LisensURL string `json:"lisens_url"`
	Hentet    Dato   `json:"hentet"`
	Fil       string `json:"fil"` // the data file, e.g. "kostra/12362.toml"
}

// KostraRegion is one region of the comparison.
type KostraRegion struct {
	Kode  string `json:"kode"`
	Navn  string `json:"navn"`
	Rolle string `json:"rolle"` // kommune, kostragruppe, landet
}

// KostraFunksjon is one function's figures: one row per region, in the
// order of Regioner.
type KostraFunksjon struct {
	Kode  string      `json:"kode"`
	Navn  string      `json:"navn"`
	Rader []KostraRad `json:"rader"`
}

// KostraRad is one region's figures for a function, one per year of Ar.
type KostraRad struct {
	Region string       `json:"region"` // the region's kode
	Tall   []KostraTall `json:"tall"`
}

// KostraTall is one figure: kroner per innbygger, or SSB's mark.
type KostraTall struct {
	Verdi *int64 `json:"verdi"` // nil where SSB has no figure
	Tekst string `json:"tekst"` // "15 320" (money.Format), or SSB's mark ("..") or "–"
}
