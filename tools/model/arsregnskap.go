package model

// Arsregnskap is one year's accounts per rammeområde from
// data/regnskap/YEAR.toml (record.Regnskap), with the budget columns the
// document prints; it is shown on the økonomiplan section page (its own
// section, Path), on the area pages' year tables and on /kontroll/.
type Arsregnskap struct {
	Ar        int    `json:"ar"`
	Anker     string `json:"anker"` // "arsregnskap-2023", the section's id
	Path      string `json:"sti"`   // "okonomiplan/#arsregnskap-2023"
	Tittel    string `json:"tittel"`
	Dokument  string `json:"dokument"`
	Lenke     string `json:"lenke"`
	Vedtak    *Ref   `json:"vedtak"`
	Enhet     string `json:"enhet"` // the unit of the source: "kr" or "1000kr" (money.Unit)
	Toleranse Kr     `json:"toleranse"`
	// Arsbudsjett is the økonomiplan whose budget year this is
	// (record.Arsbudsjett); nil for a year before the first plan.
	Arsbudsjett *Ref             `json:"arsbudsjett"`
	Rader       []ArsregnskapRad `json:"rader"`  // in the area tree's order
	Summer      []ArsregnskapSum `json:"summer"` // per column given
	Ukjent      []string         `json:"ukjent"` // the columns the source does not print
	Kilde       string           `json:"kilde"`
	KildeURL    string           `json:"kilde_url"`
}

// ArsregnskapRad is one area's row; a parent area without a printed row
// gets a computed one (Beregnet).
type ArsregnskapRad struct {
	Omrade      Ref    `json:"omrade"`
	Niva        int    `json:"niva"`       // 0 at the top level (the rows that make the total)
	Overordnet  string `json:"overordnet"` // the parent area's id, "" at the top
	Beregnet    bool   `json:"beregnet"`   // no printed row: the underområder's sum
	Regnskap    Kr     `json:"regnskap"`
	Regulert    *Kr    `json:"regulert"`    // nil when not printed
	Opprinnelig *Kr    `json:"opprinnelig"` // nil when not printed
	Avvik       *Kr    `json:"avvik"`       // regnskap − regulert, nil without regulert
}

// ArsregnskapSum is one column's total: the top-level rows' sum and the
// printed sum with the rounding difference.
type ArsregnskapSum struct {
	Kolonne   string `json:"kolonne"` // regnskap, regulert, opprinnelig
	Beregnet  Kr     `json:"beregnet"`
	Oppgitt   *Kr    `json:"oppgitt"`   // nil when no sum is typed
	Avrunding *Kr    `json:"avrunding"` // oppgitt − beregnet
}
