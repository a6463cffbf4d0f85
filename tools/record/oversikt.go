package record

import "github.com/openkommune/portal/tools/money"

// Oversikt is one file under data/oversikter/: the statutory
// bevilgningsoversikter (§ 5-4 drift, § 5-5 investering) of one document
// and year, typed as printed. Package oversikt owns the line layouts and
// checks the figures against them.
type Oversikt struct {
	Src      Source           `toml:"-"`
	ID       string           `toml:"id"`
	Ar       int              `toml:"ar"`
	Dokument OversiktDokument `toml:"dokument"`
	// Stadium is the budget stage of a budget document's oversikt: one of
	// the stages an økonomiplan is written at, but never an alternative
	// (the tag restricts the enum; package load reports any other).
	Stadium StadiumType `toml:"stadium" enum:"forslag,innstilling,vedtatt"`
	Oppsett string      `toml:"oppsett"` // a layout code of package oversikt: "2022", "2020"
	Vedtak  string      `toml:"vedtak"`
	Lenke   string      `toml:"lenke"`   // the published document
	Enhet   string      `toml:"enhet"`   // "kr" or "1000kr"
	Fortegn string      `toml:"fortegn"` // a sign convention of package oversikt
	// Toleranse is how far, in the unit, a printed computed line may be
	// from the sum of its printed parts (rounding per row).
	Toleranse   int64                `toml:"toleranse"`
	Kolonner    []string             `toml:"kolonner"`
	Drift       *OversiktDrift       `toml:"drift"`
	Investering *OversiktInvestering `toml:"investering"`
}

// Ident returns the oversikt's id.
func (o *Oversikt) Ident() string { return o.ID }

// OversiktDrift is § 5-4, the bevilgningsoversikt drift.
type OversiktDrift struct {
	Linje []OversiktLinje `toml:"linje"` // part A
	// Omrade is part B, the netto driftsramme per rammeområde.
	Omrade []OversiktOmrade `toml:"omrade"`
	Ekstra []OversiktEkstra `toml:"ekstra"` // lines printed beyond the statutory ones
}

// OversiktInvestering is § 5-5, the bevilgningsoversikt investering.
type OversiktInvestering struct {
	Linje []OversiktLinje `toml:"linje"` // part 1
	// AlleProsjekter says that every project and purpose of part 2 is in
	// data/prosjekter/: then the projects' bevilgninger must equal their
	// lines, not just fit within them.
	AlleProsjekter bool             `toml:"alle_prosjekter"`
	Ekstra         []OversiktEkstra `toml:"ekstra"` // lines printed beyond the statutory ones
}

// OversiktEkstra is a line a kommune prints beyond the statutory ones
// ("Bruk av tidligere års mindreforbruk", a fund line split in two), as
// printed: its name, the statutory line it belongs to (a sum line it is a
// part of, or a typed line it details) and where it is printed. Package
// oversikt checks it and counts it in its line's sum.
type OversiktEkstra struct {
	Navn    string `toml:"navn"`
	InngarI int    `toml:"inngar_i"`
	// Etter is the statutory line it is printed after; 0 for the
	// default (after the line it details, or before the sum line it is a
	// part of).
	Etter int `toml:"etter"`
	// TrekkesFra: the sum line subtracts it (standard print only, as line
	// 9 subtracts line 8).
	TrekkesFra bool           `toml:"trekkes_fra"`
	Belop      []money.Amount `toml:"belop"`
}

// OversiktLinje is one statutory line with a figure per column.
type OversiktLinje struct {
	Nr    int            `toml:"nr"`
	Belop []money.Amount `toml:"belop"`
}

// OversiktOmrade is one rammeområde's figures in part B.
type OversiktOmrade struct {
	Omrade string         `toml:"omrade"`
	Belop  []money.Amount `toml:"belop"`
}

// OversiktDokument is the document an oversikt is printed in.
type OversiktDokument string

const (
	DokArsregnskap OversiktDokument = "arsregnskap"
	DokArsbudsjett OversiktDokument = "arsbudsjett"
	DokOkonomiplan OversiktDokument = "okonomiplan"
)

// OversiktDokumentValues lists the documents.
var OversiktDokumentValues = values(DokArsregnskap, DokArsbudsjett, DokOkonomiplan)

func (v OversiktDokument) Problem() string {
	return enumProblem("dokument", string(v), OversiktDokumentValues)
}

// Values returns the allowed codes (for the JSON Schemas).
func (OversiktDokument) Values() []string { return OversiktDokumentValues }
