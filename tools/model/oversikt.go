package model

// Oversikt is one page of statutory bevilgningsoversikter (§ 5-4 drift,
// § 5-5 investering) for a year and document, with every figure as
// printed, in kroner.
type Oversikt struct {
	ID       string `json:"id"`
	Path     string `json:"sti"`    // "oversikter/2025-arsregnskap/"
	Tittel   string `json:"tittel"` // "Bevilgningsoversikter – årsregnskap 2025"
	Ar       int    `json:"ar"`
	Dokument string `json:"dokument"` // arsregnskap, arsbudsjett, okonomiplan
	// Stadium is the stage of the figures: regnskap for an årsregnskap,
	// else forslag, innstilling or vedtatt. Only vedtatt is adopted.
	Stadium string `json:"stadium"`
	Oppsett string `json:"oppsett"` // "2022", "2020"
	Enhet   string `json:"enhet"`   // the source's unit: "1000kr" or "kr"
	Fortegn string `json:"fortegn"` // standard, inntekt_negativ, utgift_negativ
	// Toleranse is the rounding a printed sum may differ by, in kroner,
	// and ToleranseTrykt the same in the source's unit.
	Toleranse      Kr         `json:"toleranse"`
	ToleranseTrykt int64      `json:"toleranse_trykt"`
	Kolonner       []Kolonne  `json:"kolonner"`
	Vedtak         *Ref       `json:"vedtak"`
	Lenke          string     `json:"lenke"`
	Drift          *Oversikts `json:"drift"`       // nil if the file has no § 5-4
	Investering    *Oversikts `json:"investering"` // nil if the file has no § 5-5
	Kilde          string     `json:"kilde"`
	KildeURL       string     `json:"kilde_url"`
}

// Kolonne is one column of an oversikt.
type Kolonne struct {
	Kode string `json:"kode"` // regnskap, regulert, opprinnelig, regnskap_i_fjor, regnskap_i_forfjor, budsjett, budsjett_i_fjor, or a plan year
	Ar   int    `json:"ar"`
	Type string `json:"type"` // regnskap, forslag, innstilling, vedtatt, regulert, budsjett (last year's, not reconciled)
	// Rammer is, for a budget column of an oversikt with § 5-4, the
	// økonomiplan whose frames at the column's stage (RammerStadium:
	// forslag, innstilling or vedtatt; vedtatt plus the reguleringer for
	// regulert) line "Sum bevilgninger drift, netto" is compared with;
	// nil when none is. UtenRammer marks a budget column that no
	// økonomiplan in the data budgets: compared with nothing, as
	// /kontroll/ says.
	Rammer        *Ref   `json:"rammer"`
	RammerStadium string `json:"rammer_stadium"`
	UtenRammer    bool   `json:"uten_rammer"`
}

// Oversikts is one of the two oversikter of a page.
type Oversikts struct {
	Linjer []Oversiktslinje `json:"linjer"`
	// Omrader is § 5-4 part B as printed (drift only).
	Omrader []OversiktOmrade `json:"omrader"`
	// AlleProsjekter: the projects' bevilgninger must equal their lines
	// (investering only).
	AlleProsjekter bool `json:"alle_prosjekter"`
}

// Oversiktslinje is one printed line: a statutory line, or an extra line
// the kommune prints beyond them (Ekstra), in the order printed.
type Oversiktslinje struct {
	Nr   int    `json:"nr"`   // the statutory line's number; 0 for an extra line
	Navn string `json:"navn"` // in the kommune's målform; an extra line's as printed
	// Ekstra marks an extra line, InngarI the statutory line it belongs
	// to (a sum line it is a part of, or the line it details) and
	// TrekkesFra that the sum subtracts it (standard print).
	Ekstra     bool `json:"ekstra"`
	InngarI    int  `json:"inngar_i"`
	TrekkesFra bool `json:"trekkes_fra"`
	// Formel is, for a computed line or a line detailed by extra lines,
	// its parts as printed: "1 + 2 + 3 + 4", an extra line by its name
	// in «»; else "".
	Formel string `json:"formel"`
	// Belop are the printed figures in kroner, one per column, and Trykt
	// the same as printed, in the source's unit.
	Belop []Kr    `json:"belop"`
	Trykt []int64 `json:"trykt"`
	// Beregnet is, for a computed line, the sum of its printed parts per
	// column, and Avrunding the printed figure minus it (the rounding);
	// both empty for a typed line.
	Beregnet  []Kr `json:"beregnet"`
	Avrunding []Kr `json:"avrunding"`
}

// OversiktOmrade is one rammeområde of § 5-4 part B.
type OversiktOmrade struct {
	Omrade Ref     `json:"omrade"`
	Belop  []Kr    `json:"belop"`
	Trykt  []int64 `json:"trykt"`
}
