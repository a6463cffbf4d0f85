package record

import (
	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/money"
)

// Kostra is one file under data/kostra/: key figures from one of SSB's
// KOSTRA tables, for the kommune, its KOSTRA group and the country,
// written by portal import kostra (package kostra) from the table as SSB's
// statistikkbank API gives it. The file is named by the table number.
type Kostra struct {
	Src       Source           `toml:"-"`
	ID        string           `toml:"id"`     // SSB's table number, e.g. "12362"
	Tittel    string           `toml:"tittel"` // SSB's title of the table
	Kilde     string           `toml:"kilde"`  // "Statistisk sentralbyrå"
	URL       string           `toml:"url"`    // the table in SSB's statistikkbank
	Lisens    string           `toml:"lisens"` // "CC BY 4.0"
	LisensURL string           `toml:"lisens_url"`
	Hentet    caldate.Date     `toml:"hentet"`    // the day the table was fetched from SSB
	Oppdatert string           `toml:"oppdatert"` // when SSB last updated the table, as SSB writes it
	Enhet     string           `toml:"enhet"`     // the unit of the figures: "kr" (per innbygger)
	Fast      []KostraFast     `toml:"fast"`      // the table's other dimensions, one category each
	Region    []KostraKode     `toml:"region"`
	Funksjon  []KostraFunksjon `toml:"funksjon"`
	Tall      []KostraTall     `toml:"tall"`
}

// KostraFast is a dimension of the table with one category, such as the
// art (netto driftsutgifter) or the statistikkvariabel (kr per innbygger).
type KostraFast struct {
	Dimensjon string `toml:"dimensjon"` // SSB's dimension id, e.g. "KOKart0000"
	Kode      string `toml:"kode"`
	Navn      string `toml:"navn"`
}

// KostraKode is a region of the table.
type KostraKode struct {
	Kode  string `toml:"kode"`
	Navn  string `toml:"navn"`
	Rolle string `toml:"rolle"` // kommune, kostragruppe or landet
}

// KostraFunksjon is a KOSTRA function of the table.
type KostraFunksjon struct {
	Kode string `toml:"kode"` // three digits
	Navn string `toml:"navn"`
}

// The roles of a KOSTRA table's regions.
const (
	KostraKommune      = "kommune"
	KostraKostragruppe = "kostragruppe"
	KostraLandet       = "landet"
)

// KostraTall is one figure: a region's figure for a function in a year, or
// SSB's mark for why there is none.
type KostraTall struct {
	Region   string       `toml:"region"`
	Funksjon string       `toml:"funksjon"`
	Ar       int          `toml:"ar"`
	Verdi    money.Amount `toml:"verdi"`  // whole kroner
	Status   string       `toml:"status"` // SSB's mark where there is no figure: ".." not yet, "." not applicable, ":" confidential
}

func (k *Kostra) Ident() string { return k.ID }
