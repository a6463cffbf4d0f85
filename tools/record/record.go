// Package record owns the Go types of the data files a kommune's staff edit
// in data/, one type per kind of file, with the TOML key of every field.
//
// The types say what can be written, not whether it is right: decoding is
// strict about keys (load reports unknown keys) and tolerant about values
// (an amount written as 12.5 or a date written as "2025-03-14" decodes with a
// problem attached), and package check says whether the whole is right.
// docs/data-format.md documents every field for the staff; keep the two in
// step.
package record

import (
	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/omradetre"
	"github.com/openkommune/portal/tools/tomlpos"
)

// Source is where a record was read from.
type Source struct {
	Path string         // as diagnostics name it, e.g. "data/vedtak/2025/kst-2025-001.toml"
	File string         // within the data directory, e.g. "vedtak/2025/kst-2025-001.toml": what the site shows, never a machine path
	Pos  *tomlpos.Index // positions of its keys
}

// At returns the position of a key path in the record's file.
func (s Source) At(path string) tomlpos.Pos {
	if s.Pos == nil {
		return tomlpos.Pos{Line: 1, Col: 1}
	}
	return s.Pos.Lookup(path)
}

// Set is every record of one data directory.
type Set struct {
	Kommune     *Kommune
	Omrader     *Rammeomrader
	Vedtak      []*Vedtak
	Planer      []*Plan
	Okonomiplan []*Okonomiplan
	Prosjekter  []*Prosjekt
	Kostra      []*Kostra   // data/kostra/: SSB's KOSTRA tables (kostra.go)
	Oversikter  []*Oversikt // data/oversikter/: the § 5-4 and § 5-5 bevilgningsoversikter
	Rapporter   []*Rapport
	Regnskap    []*Regnskap // data/regnskap/: årsregnskap per rammeområde, one year per file (regnskap.go)
}

// Kommune is data/kommune.toml: who the kommune is and its own rules.
type Kommune struct {
	Src             Source       `toml:"-"`
	Navn            string       `toml:"navn"`
	Kommunenummer   string       `toml:"kommunenummer"`
	Malform         Malform      `toml:"malform"`
	Fiktiv          bool         `toml:"fiktiv"`
	Referansedato   caldate.Date `toml:"referansedato"`
	Nettsted        string       `toml:"nettsted"`
	InnsynURL       string       `toml:"innsyn_url"`
	KildeURL        string       `toml:"kilde_url"` // the data folder in the kommune's repository
	Tilgjengelighet string       `toml:"tilgjengelighetserklaring_url"`
	Lisens          string       `toml:"lisens"`
	LisensURL       string       `toml:"lisens_url"`
	Farge           string       `toml:"farge"` // "#rrggbb"; see package theme
	Logo            string       `toml:"logo"`  // file name of an SVG or PNG in data/
	Regler          Regler       `toml:"regler"`
	// Kommunestyre is the kode of the utvalg that is the council (its
	// navn, "Bystyret", is how the site names the council); "" means "KST".
	Kommunestyre string `toml:"kommunestyre"`
	// LogoData is the logo file's content, read by package load.
	LogoData []byte   `toml:"-"`
	Utvalg   []Utvalg `toml:"utvalg"`
	// Parti lists the parties a vote's counts may name (votering.go).
	Parti []Parti `toml:"parti"`
}

// Regler are the kommune's own thresholds from its økonomireglement.
type Regler struct {
	InvesteringMinstebelop     money.Amount `toml:"investering_minstebelop"`
	SluttregnskapGrense        money.Amount `toml:"sluttregnskap_grense"`
	SluttregnskapFristManeder  int          `toml:"sluttregnskap_frist_maneder"`
	OverskridelseVarselProsent float64      `toml:"overskridelse_varsel_prosent"`
}

// DefaultKommunestyre is the council's utvalg kode when kommune.toml does
// not name one.
const DefaultKommunestyre = "KST"

// KommunestyreKode is the kode of the council's utvalg.
func (k *Kommune) KommunestyreKode() string {
	if k.Kommunestyre == "" {
		return DefaultKommunestyre
	}
	return k.Kommunestyre
}

// Utvalg is a political body whose vedtak are published.
type Utvalg struct {
	Kode string `toml:"kode"`
	Navn string `toml:"navn"`
	// Medlemmer is the number of seats, if given: a vote's counts must
	// then add up to it.
	Medlemmer int `toml:"medlemmer"`
}

// Rammeomrader is data/rammeomrader.toml: the budget areas the council
// has chosen for netto driftsrammer.
type Rammeomrader struct {
	Src    Source   `toml:"-"`
	Omrade []Omrade `toml:"omrade"`
}

// Omrade is one rammeområde.
type Omrade struct {
	ID          string   `toml:"id"`
	Nummer      string   `toml:"nummer"` // optional: the number printed before the area in the budget, "20", "1.2" (check.omradeNummer)
	Navn        string   `toml:"navn"`
	Beskrivelse string   `toml:"beskrivelse" text:"inline"` // short Markdown, rendered (package markdown)
	Ansvarlig   string   `toml:"ansvarlig"`
	Kostra      []string `toml:"kostra"`
	Overordnet  string   `toml:"overordnet"` // the parent area's id; "" at the top level (package omradetre)
}

// Tree is the areas' hierarchy (overordnet), empty for a set without
// rammeomrader.toml.
func (r *Rammeomrader) Tree() *omradetre.Tree {
	return omradetre.Build(r.Nodes())
}

// Nodes are the areas with their parents, in file order.
func (r *Rammeomrader) Nodes() []omradetre.Node {
	if r == nil {
		return nil
	}
	nodes := make([]omradetre.Node, len(r.Omrade))
	for i, o := range r.Omrade {
		nodes[i] = omradetre.Node{ID: o.ID, Overordnet: o.Overordnet}
	}
	return nodes
}

// Vedtak is one file under data/vedtak/: one decision of one utvalg.
type Vedtak struct {
	Src          Source         `toml:"-"`
	ID           string         `toml:"id"`
	Utvalg       string         `toml:"utvalg"`
	Motedato     caldate.Date   `toml:"motedato"`
	Saksnummer   string         `toml:"saksnummer"`
	Arkivsak     string         `toml:"arkivsak"`
	Tittel       string         `toml:"tittel"`
	Tekst        string         `toml:"tekst" text:"markdown"` // see package markdown
	InnsynURL    string         `toml:"innsyn_url"`
	Planer       []string       `toml:"planer"`
	Rammeomrader []string       `toml:"rammeomrader"`
	Prosjekter   []string       `toml:"prosjekter"`
	Punkt        []Vedtakspunkt `toml:"punkt"`
	// Ukjent lists the fields the public source does not give (ukjent.go).
	Ukjent   []VedtakUkjent `toml:"ukjent"`
	Forslag  []Proposal     `toml:"forslag"`  // the proposals voted over (votering.go)
	Votering []Votering     `toml:"votering"` // the votes on the whole vedtak
}

// Vedtakspunkt is one numbered point of a vedtak, followed up on its own.
type Vedtakspunkt struct {
	Nr         int          `toml:"nr"`
	Tekst      string       `toml:"tekst" text:"inline"` // short Markdown, rendered (package markdown)
	Ansvarlig  string       `toml:"ansvarlig"`
	Frist      caldate.Date `toml:"frist"`
	Oppfolging []Oppfolging `toml:"oppfolging"`
	Votering   []Votering   `toml:"votering"` // the votes on this point alone
}

// Oppfolging is one dated entry in a point's follow-up log.
type Oppfolging struct {
	Dato        caldate.Date `toml:"dato"`
	Status      Status       `toml:"status"`
	Tekst       string       `toml:"tekst"`
	RapportertI string       `toml:"rapportert_i"` // free text from before reports were records; see Rapport
	Rapport     string       `toml:"rapport"`
	Vedtak      string       `toml:"vedtak"`
}

// Plan is one file under data/planer/.
type Plan struct {
	Src            Source           `toml:"-"`
	ID             string           `toml:"id"`
	Type           PlanType         `toml:"type"`
	Tittel         string           `toml:"tittel"`
	Beskrivelse    string           `toml:"beskrivelse" text:"inline"` // short Markdown, rendered (package markdown)
	FraAr          int              `toml:"fra_ar"`
	TilAr          int              `toml:"til_ar"`
	Status         PlanStatus       `toml:"status"`
	VedtattI       string           `toml:"vedtatt_i"`
	Overordnet     string           `toml:"overordnet"`
	Satsingsomrade []Satsingsomrade `toml:"satsingsomrade"`
	Tiltak         []Tiltak         `toml:"tiltak"`
	Fase           []Fase           `toml:"fase"`
}

// Satsingsomrade is a focus area of a plan with its goals.
type Satsingsomrade struct {
	ID            string `toml:"id"`
	Navn          string `toml:"navn"`
	Beskrivelse   string `toml:"beskrivelse" text:"inline"` // short Markdown, rendered (package markdown)
	Barekraftsmal []int  `toml:"barekraftsmal"`
	Mal           []Mal  `toml:"mal"`
}

// Mal is one goal under a satsingsområde.
type Mal struct {
	ID    string `toml:"id"`
	Tekst string `toml:"tekst"`
}

// Tiltak is one measure of a plan.
type Tiltak struct {
	ID           string     `toml:"id"`
	Tittel       string     `toml:"tittel"`
	Beskrivelse  string     `toml:"beskrivelse" text:"inline"` // short Markdown, rendered (package markdown)
	Ansvarlig    string     `toml:"ansvarlig"`
	Fase         TiltakFase `toml:"fase"`
	Status       Status     `toml:"status"`
	Begrunnelse  string     `toml:"begrunnelse"`
	Mal          []string   `toml:"mal"`
	Rammeomrader []string   `toml:"rammeomrader"`
	Prosjekter   []string   `toml:"prosjekter"`
	Vedtak       []string   `toml:"vedtak"`
	// Rapport is the report that gave the current fase and status.
	Rapport      string               `toml:"rapport"`
	Rapportering []TiltakRapportering `toml:"rapportering"`
}

// TiltakRapportering is a tiltak's fase and status as one report gave them.
type TiltakRapportering struct {
	Rapport string     `toml:"rapport"`
	Fase    TiltakFase `toml:"fase"`
	Status  Status     `toml:"status"`
}

// Fase is a phase of a plan or programme (for instance a temaplan carried
// out in stages), with the checkpoints met along the way.
type Fase struct {
	Nr         int          `toml:"nr"`
	Navn       string       `toml:"navn"`
	Fra        caldate.Date `toml:"fra"`
	Til        caldate.Date `toml:"til"`
	Sjekkpunkt []Sjekkpunkt `toml:"sjekkpunkt"`
}

// Sjekkpunkt is one checkpoint of a phase.
type Sjekkpunkt struct {
	Tekst   string       `toml:"tekst"`
	Oppfylt bool         `toml:"oppfylt"`
	Dato    caldate.Date `toml:"dato"`
}

// Okonomiplan is one file under data/okonomiplan/: the netto driftsrammer of
// one 4-year økonomiplan at each stage it was published in (stage.go), with
// the reguleringer and accounts of its adopted stage.
//
// The top-level vedtatt_i, sum_driftsrammer and [[ramme]] are the vedtatt
// stage; [[stadium]] adds the others. Every amount in the file is typed in
// Enhet (as printed) and converted to kroner by package load.
type Okonomiplan struct {
	Src             Source         `toml:"-"`
	ID              string         `toml:"id"`
	Tittel          string         `toml:"tittel"`
	Plan            string         `toml:"plan"`
	VedtattI        string         `toml:"vedtatt_i"`
	ForsteAr        int            `toml:"forste_ar"`
	Enhet           money.Unit     `toml:"enhet"`
	Toleranse       money.Amount   `toml:"toleranse"` // per stated sum, in kroner once loaded
	SumDriftsrammer []money.Amount `toml:"sum_driftsrammer"`
	// SumTrykkfeil lists the years whose printed sum_driftsrammer is a
	// known misprint in the source (trykkfeil.go).
	SumTrykkfeil []int            `toml:"sum_trykkfeil"`
	Ramme        []Ramme          `toml:"ramme"`
	Stadium      []Stadium        `toml:"stadium"`
	Regulering   []Regulering     `toml:"regulering"`
	Regnskap     []Driftsregnskap `toml:"regnskap"`
}

// Stadium is one stage of an økonomiplan other than the top-level vedtatt
// one: the kommunedirektør's forslag, the formannskap's innstilling, a
// party's alternative budget, or (instead of the top-level keys) the
// vedtatt budget.
type Stadium struct {
	Type     StadiumType  `toml:"type"`
	Navn     string       `toml:"navn"`     // an alternative's party or group
	Dato     caldate.Date `toml:"dato"`     // a forslag's date
	Dokument string       `toml:"dokument"` // a forslag's (or any stage's) document
	Vedtak   string       `toml:"vedtak"`
	// Forslag is the id of the proposal in the vedtak's [[forslag]] that
	// this stage is (an alternativ's or the innstilling's), so the plan
	// links the budget to its vote.
	Forslag         string         `toml:"forslag"`
	SumDriftsrammer []money.Amount `toml:"sum_driftsrammer"`
	SumTrykkfeil    []int          `toml:"sum_trykkfeil"` // years whose printed sum is a known misprint
	// SamletRamme is the stage's total for a year where the source gives
	// no frame per area (a vedtak adopting only "samla netto ramme"), and
	// Enhet the unit of this stage's amounts where it differs from the
	// file's (samlet.go).
	SamletRamme []SamletRamme `toml:"samlet_ramme"`
	Enhet       money.Unit    `toml:"enhet"`
	Ramme       []Ramme       `toml:"ramme"`
	// Ukjent lists the fields the public source does not give (ukjent.go).
	Ukjent []StadiumUkjent `toml:"ukjent"`
}

// Ramme is the adopted netto driftsramme of one area for each plan year.
type Ramme struct {
	Omrade string         `toml:"omrade"`
	Belop  []money.Amount `toml:"belop"`
}

// Regulering is one budget regulation of one area's frame in one year.
type Regulering struct {
	Omrade string       `toml:"omrade"`
	Ar     int          `toml:"ar"`
	Belop  money.Amount `toml:"belop"`
	Vedtak string       `toml:"vedtak"`
	Tekst  string       `toml:"tekst"`
}

// Driftsregnskap is one area's accounts and forecast at one reporting period.
type Driftsregnskap struct {
	Omrade   string       `toml:"omrade"`
	Ar       int          `toml:"ar"`
	Periode  Periode      `toml:"periode"`
	Regnskap money.Amount `toml:"regnskap"`
	Prognose money.Amount `toml:"prognose"`
	Rapport  string       `toml:"rapport"`
}

// Prosjekt is one file under data/prosjekter/: one investment project.
type Prosjekt struct {
	Src                  Source         `toml:"-"`
	ID                   string         `toml:"id"`
	Nummer               string         `toml:"nummer"`
	Navn                 string         `toml:"navn"`
	Omrade               string         `toml:"omrade"`
	Ansvarlig            string         `toml:"ansvarlig"`
	Beskrivelse          string         `toml:"beskrivelse" text:"inline"` // short Markdown, rendered (package markdown)
	Sted                 string         `toml:"sted"`
	Fase                 ProsjektFase   `toml:"fase"`
	Entreprise           Entreprise     `toml:"entreprise" portal:"page,csv,facet"` // optional
	Klimakrav            Klimakrav      `toml:"klimakrav" portal:"page,csv,facet"`  // optional
	StartAr              int            `toml:"start_ar"`
	PlanlagtFerdig       caldate.Date   `toml:"planlagt_ferdig"`
	Overtatt             caldate.Date   `toml:"overtatt"`
	Tiltak               []string       `toml:"tiltak"`
	JustertKostnadsramme money.Amount   `toml:"justert_kostnadsramme"`
	Kostnadsramme        []Rammeendring `toml:"kostnadsramme"`
	Bevilgning           []Bevilgning   `toml:"bevilgning"`
	// Investeringslinje is the § 5-5 line its bevilgninger belong to
	// (package oversikt); 0 means line 1, Investeringer i varige
	// driftsmidler.
	Investeringslinje int             `toml:"investeringslinje"`
	Regnskap          []Arsregnskap   `toml:"regnskap"`
	Statusrapport     []Statusrapport `toml:"statusrapport"`
	Sluttregnskap     *Sluttregnskap  `toml:"sluttregnskap"`
	// Ukjent lists the fields the public source does not give (ukjent.go).
	Ukjent []ProsjektUkjent `toml:"ukjent"`
}

// Rammeendring is one step in a project's kostnadsramme history: decided
// by a vedtak, or only proposed in a budget stage (Okonomiplan and
// Stadium, a forslag or an innstilling; see Proposed).
type Rammeendring struct {
	Type        RammeType    `toml:"type"`
	Belop       money.Amount `toml:"belop"`
	Vedtak      string       `toml:"vedtak"`
	Okonomiplan string       `toml:"okonomiplan"` // the økonomiplan whose stage proposed it
	Stadium     StadiumType  `toml:"stadium"`     // that stage: forslag or innstilling
	Tekst       string       `toml:"tekst"`
}

// Proposed reports whether the step cites a budget stage instead of a
// vedtak: a frame proposed, not decided, which the adopted kostnadsramme
// leaves out.
func (r Rammeendring) Proposed() bool { return r.Okonomiplan != "" || r.Stadium != "" }

// Stage returns the stage of plan o of type t (the first), nil if it has
// none.
func (o *Okonomiplan) Stage(t StadiumType) *Stage {
	for _, s := range o.Stages() {
		if s.Type == t {
			return &s
		}
	}
	return nil
}

// Bevilgning is a project's appropriation in one year's budget.
type Bevilgning struct {
	Ar     int          `toml:"ar"`
	Belop  money.Amount `toml:"belop"`
	Vedtak string       `toml:"vedtak"`
}

// Arsregnskap is what a project spent in one year.
type Arsregnskap struct {
	Ar      int          `toml:"ar"`
	Belop   money.Amount `toml:"belop"`
	Rapport string       `toml:"rapport"`
}

// Statusrapport is a project's status at one reporting period.
type Statusrapport struct {
	Ar              int          `toml:"ar"`
	Periode         Periode      `toml:"periode"`
	Prognose        money.Amount `toml:"prognose"`
	ForventetFerdig caldate.Date `toml:"forventet_ferdig"`
	Risiko          Risiko       `toml:"risiko"`
	Kommentar       string       `toml:"kommentar"`
	Rapport         string       `toml:"rapport"`
	Fase            ProsjektFase `toml:"fase"` // the stage at this report; optional
}

// Sluttregnskap is a project's final account as put before the council.
type Sluttregnskap struct {
	Belop     money.Amount `toml:"belop"`
	Vedtak    string       `toml:"vedtak"`
	Vurdering string       `toml:"vurdering"`
}

// PlanYears is the length of an økonomiplan (kommuneloven § 14-4).
const PlanYears = 4
