package model

import (
	"github.com/openkommune/portal/tools/theme"
)

// Site is everything the site shows.
type Site struct {
	Kommune       Kommune        `json:"kommune"`
	Nokkeltall    Nokkeltall     `json:"nokkeltall"`
	Vedtak        []*Vedtak      `json:"vedtak"`
	VedtakAr      []VedtakAr     `json:"vedtak_ar"` // the years with vedtak, newest first
	Planer        []*Plan        `json:"planer"`
	Okonomiplaner []*Okonomiplan `json:"okonomiplaner"`
	Omrader       []*Omrade      `json:"omrader"`
	Omradetre     Omradetre      `json:"omradetre"` // the list page's tree of areas with frames (omradeliste.go)
	Prosjekter    []*Prosjekt    `json:"prosjekter"`
	Oversikter    []*Oversikt    `json:"oversikter"`  // the § 5-4/§ 5-5 bevilgningsoversikter (oversikt.go)
	Investering   Investering    `json:"investering"` // the projects' bevilgninger per year and area (investering.go)
	Rapporter     []*Rapport     `json:"rapporter"`   // newest first (rapport.go)
	Arsregnskap   []*Arsregnskap `json:"arsregnskap"` // data/regnskap/, newest first (arsregnskap.go)
}

// Ref links to another page.
type Ref struct {
	ID     string `json:"id"`
	Path   string `json:"sti"` // relative to the site root, e.g. "vedtak/kst-2025-014/"
	Tittel string `json:"tittel"`
	Dato   string `json:"dato,omitempty"`
	Merke  string `json:"merke,omitempty"` // a short label, e.g. "KST 014/25"
}

// Kr is an amount with its text.
type Kr struct {
	Kr    int64  `json:"kr"`
	Tekst string `json:"tekst"` // in full: "142 000 000 kr" (money.FormatKr)
	Mill  string `json:"mill"`  // compact, for dense tables: "142,0 mill. kr" (money.FormatMill)
}

// Pct is a percentage rounded to one decimal, with its text ("12,5 %").
type Pct struct {
	Verdi float64 `json:"verdi"`
	Tekst string  `json:"tekst"`
}

// Dato is a calendar date with its text ("14. mars 2025").
type Dato struct {
	ISO   string `json:"iso"`
	Tekst string `json:"tekst"`
}

// Kommune is the kommune's identity and rules.
type Kommune struct {
	Navn                      string   `json:"navn"`
	Kommunenummer             string   `json:"kommunenummer"`
	Malform                   string   `json:"malform"`
	Fiktiv                    bool     `json:"fiktiv"`
	Referansedato             Dato     `json:"referansedato"`
	Vurdert                   Dato     `json:"vurdert"` // the date deadlines are judged at (≥ referansedato)
	Nettsted                  string   `json:"nettsted"`
	InnsynURL                 string   `json:"innsyn_url"`
	Tilgjengelighet           string   `json:"tilgjengelighetserklaring_url"`
	Lisens                    string   `json:"lisens"`
	LisensURL                 string   `json:"lisens_url"`
	SluttregnskapGrense       Kr       `json:"sluttregnskap_grense"`
	SluttregnskapFristManeder int      `json:"sluttregnskap_frist_maneder"`
	OverskridelseVarsel       Pct      `json:"overskridelse_varsel"`
	Utvalg                    []Utvalg `json:"utvalg"`
	// Kommunestyret is the council's name mid-sentence, from its utvalg's
	// navn with a lower-case first letter: "kommunestyret", "bystyret".
	Kommunestyret string `json:"kommunestyret"`
	// Farge is the kommune's colour and Tema the Designsystemet accent
	// tokens derived from it (package theme).
	Farge string        `json:"farge"`
	Tema  []theme.Token `json:"tema"`
	// Logo is the logo's path on the site ("logo-<hash>.svg"), empty for none.
	Logo string `json:"logo"`
	// Versjon is the build's version (history.go); nil without git history.
	Versjon *Versjon `json:"versjon"`
	// Partier are the parties a vote may name (votering.go).
	Partier []PartiNavn `json:"partier"`
}

// Utvalg is a political body and how many vedtak it has.
type Utvalg struct {
	Kode   string `json:"kode"`
	Navn   string `json:"navn"`
	Antall int    `json:"antall"`
}

// Nokkeltall are the key figures on the home page.
type Nokkeltall struct {
	Vedtak               int `json:"vedtak"`
	Punkter              int `json:"punkter"`
	PunkterApne          int `json:"punkter_apne"`
	PunkterForsinket     int `json:"punkter_forsinket"`
	Prosjekter           int `json:"prosjekter"`
	ProsjekterAktive     int `json:"prosjekter_aktive"`
	ProsjekterOverRamme  int `json:"prosjekter_over_ramme"`
	SluttregnskapForfalt int `json:"sluttregnskap_forfalt"`
	SumJustertRamme      Kr  `json:"sum_justert_ramme"` // active projects
	SumPrognose          Kr  `json:"sum_prognose"`      // active projects
	DriftsrammeAr        int `json:"driftsramme_ar"`
	Driftsrammer         *Kr `json:"driftsrammer"` // regulated, in DriftsrammeAr; nil without an økonomiplan
	Planer               int `json:"planer"`
	Tiltak               int `json:"tiltak"`
}

// Vedtak is one decision page.
type Vedtak struct {
	ID         string       `json:"id"`
	Path       string       `json:"sti"`
	Utvalg     Utvalg       `json:"utvalg"`
	Merke      string       `json:"merke"` // "KST 014/25"
	Dato       Dato         `json:"dato"`
	Ar         int          `json:"ar"`
	Saksnummer string       `json:"saksnummer"`
	Arkivsak   string       `json:"arkivsak"`
	Tittel     string       `json:"tittel"`
	Tekst      string       `json:"tekst"`  // Markdown
	Utdrag     string       `json:"utdrag"` // the first sentence in plain text (markdown.Sentence): the page's description
	InnsynURL  string       `json:"innsyn_url"`
	Punkter    []*Punkt     `json:"punkter"`
	Apne       int          `json:"apne"`
	Forsinket  int          `json:"forsinket"`
	Planer     []Ref        `json:"planer"`
	Omrader    []Ref        `json:"omrader"`
	Prosjekter []Ref        `json:"prosjekter"`
	Penger     []Pengelinje `json:"penger"`
	Omtalt     []Ref        `json:"omtalt"` // vedtak whose follow-up cites this one
	Kilde      string       `json:"kilde"`  // the data file
	Historikk               // the data file's last change and history (history.go)
	Forslag    []Forslag    `json:"forslag"`    // the proposals voted over (votering.go)
	Voteringer []Votering   `json:"voteringer"` // the votes on the whole vedtak
}

// VedtakAr is one year of vedtak: its list page and counts, so that the
// list pages need not go through every vedtak.
type VedtakAr struct {
	Ar        int    `json:"ar"`
	Path      string `json:"sti"` // "vedtak/2026/"
	Antall    int    `json:"antall"`
	Punkter   int    `json:"punkter"`
	Apne      int    `json:"apne"`
	Forsinket int    `json:"forsinket"`
	// Fra is where the year starts in Site.Vedtak (newest first): the
	// year's vedtak are vedtak[fra : fra+antall].
	Fra int `json:"fra"`
	// Utvalg are the utvalg with vedtak that year, in kommune.toml's
	// order, with their number of vedtak that year.
	Utvalg []Utvalg `json:"utvalg"`
}

// Punkt is one vedtakspunkt with its derived status.
type Punkt struct {
	Nr         int          `json:"nr"`
	Tekst      string       `json:"tekst"`              // as written (Markdown), for downloads and search
	TekstMD    string       `json:"tekst_md,omitempty"` // markdown.Escape(Tekst) when that differs: what the page renders
	Ansvarlig  string       `json:"ansvarlig"`
	Frist      *Dato        `json:"frist"`
	Status     string       `json:"status"`
	StatusDato *Dato        `json:"status_dato"`
	Forsinket  bool         `json:"forsinket"`
	Oppfolging []Oppfolging `json:"oppfolging"`
	Voteringer []Votering   `json:"voteringer"` // the votes on this point alone
}

// Oppfolging is one follow-up entry.
type Oppfolging struct {
	Dato        Dato   `json:"dato"`
	Status      string `json:"status"`
	Tekst       string `json:"tekst"`
	RapportertI string `json:"rapportert_i"` // the cited report's title, or the free text from before reports were records
	Rapport     *Ref   `json:"rapport"`
	Vedtak      *Ref   `json:"vedtak"`
}

// Pengelinje is money a vedtak moved, as recorded where the money lives.
type Pengelinje struct {
	Type  string `json:"type"` // regulering, kostnadsramme_<type>, bevilgning, sluttregnskap
	Til   Ref    `json:"til"`  // the area or project
	Ar    int    `json:"ar,omitempty"`
	Belop Kr     `json:"belop"`
	Tekst string `json:"tekst"`
}

// Plan is one plan page.
type Plan struct {
	ID              string           `json:"id"`
	Path            string           `json:"sti"`
	Type            string           `json:"type"`
	Tittel          string           `json:"tittel"`
	Beskrivelse     string           `json:"beskrivelse"`
	Utdrag          string           `json:"utdrag"` // the first sentence in plain text (markdown.Sentence): the page's description
	FraAr           int              `json:"fra_ar"`
	TilAr           int              `json:"til_ar"`
	Status          string           `json:"status"`
	Vedtatt         *Ref             `json:"vedtatt"`
	Overordnet      *Ref             `json:"overordnet"`
	Underordnede    []Ref            `json:"underordnede"`
	Okonomiplaner   []Ref            `json:"okonomiplaner"`
	Satsingsomrader []Satsingsomrade `json:"satsingsomrader"`
	Tiltak          []*Tiltak        `json:"tiltak"`
	TiltakPerFase   []Telling        `json:"tiltak_per_fase"`
	TiltakPerStatus []Telling        `json:"tiltak_per_status"`
	Faser           []Fase           `json:"faser"`
	Vedtak          []Ref            `json:"vedtak"`
	Kilde           string           `json:"kilde"`
	KildeURL        string           `json:"kilde_url"` // the data file in the kommune's repository, or ""
	Endringer       *Endringssett    `json:"endringer"` // its tiltak's changes at the latest report (rapport.go)
	Historikk                        // the data file's last change and history (history.go)
}

// Telling counts records with one value of a code.
type Telling struct {
	Kode   string `json:"kode"`
	Antall int    `json:"antall"`
}

// Satsingsomrade is a focus area with goals and the measures serving them.
type Satsingsomrade struct {
	ID            string `json:"id"`
	Navn          string `json:"navn"`
	Beskrivelse   string `json:"beskrivelse"`
	Barekraftsmal []int  `json:"barekraftsmal"`
	Mal           []Mal  `json:"mal"`
}

// Mal is a goal and the tiltak (in any plan) that cite it.
type Mal struct {
	ID     string `json:"id"`
	Tekst  string `json:"tekst"`
	Tiltak []Ref  `json:"tiltak"`
}

// Tiltak is one measure.
type Tiltak struct {
	ID          string `json:"id"`
	Anchor      string `json:"anker"` // "tiltak-<id>" on the plan page
	Tittel      string `json:"tittel"`
	Beskrivelse string `json:"beskrivelse"`
	Ansvarlig   string `json:"ansvarlig"`
	Fase        string `json:"fase"`
	Status      string `json:"status"`
	Begrunnelse string `json:"begrunnelse"`
	Mal         []Ref  `json:"mal"`
	Omrader     []Ref  `json:"omrader"`
	Prosjekter  []Ref  `json:"prosjekter"`
	Vedtak      []Ref  `json:"vedtak"`
}

// Fase is a plan phase with its checkpoints.
type Fase struct {
	Nr         int          `json:"nr"`
	Navn       string       `json:"navn"`
	Fra        *Dato        `json:"fra"`
	Til        *Dato        `json:"til"`
	Sjekkpunkt []Sjekkpunkt `json:"sjekkpunkt"`
	Oppfylt    int          `json:"oppfylt"`
}

// Sjekkpunkt is one checkpoint.
type Sjekkpunkt struct {
	Tekst   string `json:"tekst"`
	Oppfylt bool   `json:"oppfylt"`
	Dato    *Dato  `json:"dato"`
}

// Okonomiplan is one økonomiplan page.
type Okonomiplan struct {
	ID      string `json:"id"`
	Path    string `json:"sti"`
	Tittel  string `json:"tittel"`
	Plan    *Ref   `json:"plan"`
	Vedtatt *Ref   `json:"vedtatt"` // nil for a plan not adopted
	// Stadium is the stage the plan is at: "vedtatt", or for a plan not yet
	// adopted its latest stage ("innstilling", "forslag"); never "vedtatt"
	// without a vedtatt stage. The site labels every figure by it.
	Stadium string `json:"stadium"`
	// Enhet is the unit the source's tables are printed in ("kr",
	// "1000kr"): the site shows kroner and names the source's unit.
	Enhet     string `json:"enhet"`
	Toleranse *Kr    `json:"toleranse"` // per stated sum; nil when none is declared
	// Stadier are the stages in the order the site shows them (forslag,
	// innstilling, alternatives, vedtatt), and Sammenligning the stages
	// side by side per year and area.
	Stadier       []Stadium    `json:"stadier"`
	Sammenligning []StadieAr   `json:"sammenligning"`
	Ar            []int        `json:"ar"`
	Rammer        []Rammelinje `json:"rammer"`
	SumVedtatt    []Kr         `json:"sum_vedtatt"`
	SumRegulert   []Kr         `json:"sum_regulert"`
	SumOppgitt    []Kr         `json:"sum_oppgitt"` // the sums written in the data (sum_driftsrammer), if any
	SumVist       []Kr         `json:"sum_vist"`    // the adopted total shown: the printed sum where stated, else the computed one
	// SumTrykkfeil marks, per year, an adopted printed sum that is a known
	// misprint in the source (sum_trykkfeil): shown as printed with a note
	// giving SumVedtatt, never carried into the regulated total.
	SumTrykkfeil []bool `json:"sum_trykkfeil"`
	// Samlet is, for a plan adopted as a total only (samlet_ramme, no
	// frame per area), the adopted total of each year (nil where the
	// source gives none); empty otherwise.
	Samlet []*Kr `json:"samlet"`
	// SumRegulertVist is the regulated total shown (the plan's table, the
	// home page): SumVist plus the year's reguleringer, so a printed sum's
	// rounding is kept and never shown as a change; SumRegulert where no
	// adopted sum is shown.
	SumRegulertVist []Kr              `json:"sum_regulert_vist"`
	Reguleringer    []Reguleringssteg `json:"reguleringer"`
	Regnskap        []Regnskapslinje  `json:"regnskap"`
	Kilde           string            `json:"kilde"`
	KildeURL        string            `json:"kilde_url"` // the data file in the kommune's repository, or ""
	Historikk                         // the data file's last change and history (history.go)
}

// Stadium is one stage of an økonomiplan with its frames.
type Stadium struct {
	Type string `json:"type"` // forslag, innstilling, alternativ, vedtatt
	Navn string `json:"navn"` // an alternative's party or group
	Dato *Dato  `json:"dato"` // the forslag's date, or the vedtak's meeting date
	// DatoUkjent is true when the source gives no date (ukjent = ["dato"]).
	DatoUkjent bool   `json:"dato_ukjent"`
	Dokument   string `json:"dokument"`
	Vedtak     *Ref   `json:"vedtak"`
	// Forslag is the anchor of the stage's proposal on its vedtak's page
	// ("forslag-h-frp-budsjett"), where its vote is; "" if none is named.
	Forslag string `json:"forslag"`
	// Anker is the stage's anchor on the plan page ("stadium-forslag",
	// "stadium-alternativ-2").
	Anker string `json:"anker"`
	// Mot is the type of the stage its figures are compared with (see
	// StadieCelle), "" for none.
	Mot    string        `json:"mot"`
	Rammer []StadieRamme `json:"rammer"`
	Sum    []Kr          `json:"sum"` // computed from the rammer
	// SumOppgitt is the printed sum per year where the data states one,
	// and Avrunding its difference from Sum (printed − computed): the
	// rounding of a table in 1 000 kr, within the plan's toleranse.
	SumOppgitt []Kr `json:"sum_oppgitt"`
	Avrunding  []Kr `json:"avrunding"`
	SumVist    []Kr `json:"sum_vist"` // the printed sum where stated, else the computed one
	// Trykkfeil marks, per year of SumOppgitt, a printed sum that is a
	// known misprint in the source (sum_trykkfeil).
	Trykkfeil []bool `json:"trykkfeil"`
	// Samlet is the stage's stated total per year where the source gives
	// one without area frames (samlet_ramme), nil for a year it does not;
	// UtenRammer is true when the stage has no frame per area at all.
	Samlet     []*Kr `json:"samlet"`
	UtenRammer bool  `json:"uten_rammer"`
	// Enhet is the unit of this stage's source where it differs from the
	// plan's ("kr" for a vedtak's total in whole kroner); "" otherwise.
	Enhet string `json:"enhet"`
}

// StadieRamme is one area's frames at one stage, per plan year.
type StadieRamme struct {
	Omrade Ref  `json:"omrade"`
	Belop  []Kr `json:"belop"`
	Niva
}

// StadieAr is one plan year with the stages side by side: a row per area,
// a cell per stage (in Okonomiplan.Stadier's order).
type StadieAr struct {
	Ar    int           `json:"ar"`
	Rader []StadieRad   `json:"rader"`
	Sum   []StadieCelle `json:"sum"`
}

// StadieRad is one area's figures at each stage of one year.
type StadieRad struct {
	Omrade Ref           `json:"omrade"`
	Celler []StadieCelle `json:"celler"`
	Niva                 // the area's place in the tree, as in the first stage that gives it
}

// StadieCelle is one figure at one stage, against the stage it follows
// (innstilling against forslag, vedtatt against innstilling, an
// alternative against the innstilling, or the forslag without one).
type StadieCelle struct {
	Belop   *Kr  `json:"belop"`   // nil: the stage gives no figure for the area
	Endring *Kr  `json:"endring"` // signed change against the stage it follows; nil if none
	Endret  bool `json:"endret"`
	// Linjer is, for a printed sum that is a known misprint in the source
	// (sum_trykkfeil), the sum of its rows, shown in a note; nil otherwise.
	Linjer *Kr `json:"linjer"`
}

// Rammelinje is one area's frames over the plan years.
type Rammelinje struct {
	Omrade   Ref  `json:"omrade"`
	Vedtatt  []Kr `json:"vedtatt"`
	Regulert []Kr `json:"regulert"`
	Endring  []Kr `json:"endring"`
	Niva
}

// Niva places a row of frames in the area tree (package omradetre): its
// depth (0 for the top level, the rows that make the total), its parent,
// and whether its figures are computed from its underområder because the
// source gives none for the area itself.
type Niva struct {
	Niva       int    `json:"niva"`
	Overordnet string `json:"overordnet"` // the parent area's id, "" at the top
	Beregnet   bool   `json:"beregnet"`
}

// Reguleringssteg is one regulering with the frame before and after it.
type Reguleringssteg struct {
	Omrade Ref    `json:"omrade"`
	Ar     int    `json:"ar"`
	Belop  Kr     `json:"belop"`
	For    Kr     `json:"for"`
	Etter  Kr     `json:"etter"`
	Vedtak Ref    `json:"vedtak"`
	Tekst  string `json:"tekst"`
}

// Regnskapslinje is an area's accounts at one period against its frame.
type Regnskapslinje struct {
	Omrade   Ref    `json:"omrade"`
	Ar       int    `json:"ar"`
	Periode  string `json:"periode"`
	Regnskap Kr     `json:"regnskap"`
	Prognose *Kr    `json:"prognose"`
	Ramme    Kr     `json:"ramme"` // regulated frame as of the period end
	Avvik    *Kr    `json:"avvik"` // prognose (or årsregnskap) minus frame
	// Kilde is the årsregnskap file the line is from (arsregnskap.go);
	// nil for a line of an økonomiplan's [[regnskap]].
	Kilde *Ref `json:"kilde"`
}

// Omrade is one budget area page.
type Omrade struct {
	ID          string        `json:"id"`
	Path        string        `json:"sti"`
	Navn        string        `json:"navn"`
	Merke       string        `json:"merke"`   // shown before the name: its nummer as printed in the budget, "" without one
	Etikett     string        `json:"etikett"` // the name with its merke, plain text: "20 Oppvekst" (the page's title)
	Beskrivelse string        `json:"beskrivelse"`
	Utdrag      string        `json:"utdrag"` // the first sentence in plain text (markdown.Sentence): the page's description
	Ansvarlig   string        `json:"ansvarlig"`
	Kostra      []string      `json:"kostra"`
	KostraTall  *OmradeKostra `json:"kostra_tall"` // the functions' figures from SSB (kostra.go); nil without a table
	// Overordnet is the area this one is part of; Underomrader its parts.
	Overordnet   *Ref             `json:"overordnet"`
	Underomrader []Ref            `json:"underomrader"`
	Rammer       []OmradeRamme    `json:"rammer"`
	Regnskap     []Regnskapslinje `json:"regnskap"`
	Prosjekter   []Ref            `json:"prosjekter"`
	Tiltak       []Ref            `json:"tiltak"`
	Vedtak       []Ref            `json:"vedtak"`
	Endringer    *Endringssett    `json:"endringer"` // its own and its projects' changes at the latest report (rapport.go)
	Historikk                     // rammeomrader.toml's last change and history (history.go)
}

// Omradetre is the rammeområder page: the areas as a tree, each with its
// frame in the first year of one stage of one økonomiplan; a parent's
// frame is its own where the stage gives one, else its underområder's sum.
type Omradetre struct {
	Okonomiplan *Ref          `json:"okonomiplan"` // the plan the frames are from; nil without one
	Stadium     string        `json:"stadium"`     // its stage: vedtatt, innstilling or forslag
	Ar          int           `json:"ar"`
	Omrader     []*Omradenode `json:"omrader"` // the top-level areas
	Sum         *Kr           `json:"sum"`     // the top-level frames added; nil without frames
}

// Omradenode is one area in Omradetre with its underområder.
type Omradenode struct {
	Omrade    Ref      `json:"omrade"`
	Ansvarlig string   `json:"ansvarlig"`
	Kostra    []string `json:"kostra"`
	Ramme     *Kr      `json:"ramme"` // nil: the stage gives no frame here or below
	// Rest is the stated frame minus its underområder's sum when they do
	// not add up to it (positive: not given to any underområde).
	Rest         *Kr           `json:"rest"`
	Underomrader []*Omradenode `json:"underomrader"`
	Niva
}

// OmradeRamme is an area's frame in one year of one økonomiplan, from the
// adopted amount through each regulering.
type OmradeRamme struct {
	Okonomiplan Ref `json:"okonomiplan"`
	Ar          int `json:"ar"`
	// Arsbudsjett is true for the plan that is the year's budget
	// (record.Arsbudsjett): its frame is the one regulated and accounted
	// for; the other plans' frames for the year show how it moved.
	Arsbudsjett bool   `json:"arsbudsjett"`
	Vedtatt     Kr     `json:"vedtatt"`
	Regulert    Kr     `json:"regulert"`
	Steg        []Steg `json:"steg"`
	// Arsregnskap is set for a year from data/regnskap/ that no
	// økonomiplan is the budget of, or whose budget has no frame for the
	// area (arsregnskap.go): Okonomiplan is then empty, and
	// Vedtatt and Regulert are the printed budget columns, with Tekst ""
	// when the document does not print them.
	Arsregnskap *Ref `json:"arsregnskap"`
}

// Steg is one step in a frame's history.
type Steg struct {
	Type   string `json:"type"` // vedtatt, regulering; or opprinnelig, tillegg, reduksjon
	Dato   Dato   `json:"dato"`
	Belop  Kr     `json:"belop"`
	Ramme  Kr     `json:"ramme"` // the frame after this step
	Vedtak Ref    `json:"vedtak"`
	Tekst  string `json:"tekst"`
}

// Prosjekt is one investment project page with its derived figures.
type Prosjekt struct {
	ID          string `json:"id"`
	Path        string `json:"sti"`
	Nummer      string `json:"nummer"`
	Navn        string `json:"navn"`
	Omrade      Ref    `json:"omrade"`
	Ansvarlig   string `json:"ansvarlig"`
	Beskrivelse string `json:"beskrivelse"`
	Utdrag      string `json:"utdrag"` // the first sentence in plain text (markdown.Sentence): the page's description
	Sted        string `json:"sted"`
	Fase        string `json:"fase"`
	FaseNr      int    `json:"fase_nr"`
	Felter      []Felt `json:"felter"` // the declared fields given (felt.go)
	StartAr     int    `json:"start_ar"`
	Opprinnelig Kr     `json:"opprinnelig"`
	Justert     Kr     `json:"justert"`
	Tillegg     Kr     `json:"tillegg"` // justert − opprinnelig
	// Rammevekst is justert − opprinnelig with its sign ("+30 000 000 kr",
	// "−2 000 000 kr", "0 kr") and RammevekstPct the same against the
	// original frame ("+30,0 %"); both nil when no frame is decided.
	Rammevekst           *Kr             `json:"rammevekst"`
	RammevekstPct        *Pct            `json:"rammevekst_pct"`
	AntallTillegg        int             `json:"antall_tillegg"`
	Rammehistorikk       []Steg          `json:"rammehistorikk"`
	Prognose             *Kr             `json:"prognose"`
	PrognoseKilde        string          `json:"prognose_kilde"` // "t2 2026", "sluttregnskap"
	AvvikJustert         *Kr             `json:"avvik_justert"`
	AvvikJustertPct      *Pct            `json:"avvik_justert_pct"`
	AvvikOpprinnelig     *Kr             `json:"avvik_opprinnelig"`
	AvvikOpprinneligPct  *Pct            `json:"avvik_opprinnelig_pct"`
	OverRamme            bool            `json:"over_ramme"`
	Varsel               bool            `json:"varsel"` // over the frame by more than the kommune's threshold
	Regnskap             []Arsbelop      `json:"regnskap"`
	RegnskapSum          *Kr             `json:"regnskap_sum"` // nil when no spend is reported: "not reported", never 0
	AndelBrukt           *Pct            `json:"andel_brukt"`
	Bevilgninger         []Bevilgning    `json:"bevilgninger"`
	Investeringslinje    int             `json:"investeringslinje"` // the § 5-5 line its bevilgninger belong to
	PlanlagtFerdig       *Dato           `json:"planlagt_ferdig"`
	ForventetFerdig      *Dato           `json:"forventet_ferdig"`
	Overtatt             *Dato           `json:"overtatt"`
	ForsinkelseMnd       int             `json:"forsinkelse_mnd"`
	Statusrapporter      []Statusrapport `json:"statusrapporter"`
	Risiko               string          `json:"risiko"`
	Sluttregnskap        *Sluttregnskap  `json:"sluttregnskap"`
	SluttregnskapFrist   *Dato           `json:"sluttregnskap_frist"`
	SluttregnskapForfalt bool            `json:"sluttregnskap_forfalt"`
	Tiltak               []Ref           `json:"tiltak"`
	Vedtak               []Ref           `json:"vedtak"`
	Kilde                string          `json:"kilde"`
	KildeURL             string          `json:"kilde_url"` // the data file in the kommune's repository, or ""
	// Report history (rapport.go): the forecast and frame at each report,
	// the report since which the project has been over its frame (nil
	// when it is not), the vedtak that changed its frame after the
	// original, and its changes at the latest report.
	Prognosehistorikk []Prognosepunkt `json:"prognosehistorikk"`
	OverSiden         *Ref            `json:"over_siden"`
	Tilleggsvedtak    []Ref           `json:"tilleggsvedtak"`
	Endringer         *Endringssett   `json:"endringer"`
	Historikk                         // the data file's last change and history (history.go)

	// Foreslatt are the kostnadsramme steps only proposed in a budget
	// stage, and ForeslattRamme the frame if they are adopted (nil
	// without); neither is in the adopted figures above (forslag.go).
	Foreslatt      []Forslagssteg `json:"foreslatt"`
	ForeslattRamme *Kr            `json:"foreslatt_ramme"`
}

// Arsbelop is an amount for one year.
type Arsbelop struct {
	Ar    int `json:"ar"`
	Belop Kr  `json:"belop"`
}

// Bevilgning is a yearly appropriation with its vedtak.
type Bevilgning struct {
	Ar     int `json:"ar"`
	Belop  Kr  `json:"belop"`
	Vedtak Ref `json:"vedtak"`
}

// Statusrapport is one status report.
type Statusrapport struct {
	Ar              int    `json:"ar"`
	Periode         string `json:"periode"`
	Dato            Dato   `json:"dato"`
	Prognose        Kr     `json:"prognose"`
	ForventetFerdig *Dato  `json:"forventet_ferdig"`
	Risiko          string `json:"risiko"`
	Kommentar       string `json:"kommentar"`
}

// Sluttregnskap is the final account with its deviation.
type Sluttregnskap struct {
	Belop     Kr     `json:"belop"`
	Vedtak    Ref    `json:"vedtak"`
	Vurdering string `json:"vurdering"`
	Avvik     Kr     `json:"avvik"` // against the adjusted frame
}
