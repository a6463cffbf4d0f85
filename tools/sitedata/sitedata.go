// Package sitedata owns every file the Hugo templates and the browser read
// from the build: the contract between Go and what visitors see. Package
// compile derives the site model and hands it over; reconcile, export,
// feed, chart and the search index hand over their reports and indexes;
// this package writes them all, with one writer and one naming rule, into
// two trees Hugo mounts (Mounts):
//
//   - data/portal/<key>.json, one file per field of Data, read by the
//     templates as hugo.Data.portal.<key>. Hugo loads every data file
//     before it renders, so this tree holds what the list pages and the
//     content adapters need, and no file here grows with the text of the
//     records: the vedtak are here as a list of rows (VedtakRad).
//   - assets/portal/<kind>/<file>.json, the records of Records, sorted by
//     id, 64 KiB to a file (RecordFileSize), each file an object from id
//     to the record's JSON as a string; the record's row names its file (the
//     vedtak's "fil", VedtakRad), and the record's page alone reads it
//     (resources.Get | transform.Unmarshal, in
//     layouts/_partials/data/record.html). Hugo reads such a file when a
//     page renders and keeps it in a cache it trims, so the records need
//     not be in memory at once: at 100 000 vedtak that takes 2 GB off
//     Hugo's peak. Not one file per record: creating 100 000 files cost
//     the compile stage 10–50 s (docs/scale.md).
//
// The types of the site model are declared in package model, which
// compile fills and export, feed and reconcile read (so they cannot live
// here: this package imports those); Data names them, and their JSON keys
// follow the rule below.
//
// # Naming rule
//
// Every key in these files is a Norwegian (bokmål) word or words, written
// in lower-case ASCII (æ → ae, ø → o, å → a) joined by "_": "tittel",
// "sum_justert_ramme", "vedtak_ar". Loanwords Norwegian writes as they are
// (status, type, logo, feeds) and names of formats and standards (csv,
// json, svg, iso, url, wasm_exec) are kept. Lower case because Hugo
// lower-cases page params; one language so that a template's author need
// not guess. TestNamingRule enforces the rule on every key of the contract.
//
// # The contract
//
// Data and Records, with the Go types they hold, declare every key the
// templates may read. The contract test (contract_test.go) walks layouts/
// and content/ and fails on a path under hugo.Data.portal, a list or
// record name, or a key read off such a value, that these types do not
// declare; layouts/_partials/data/*.html fail the build (errorf) on a file
// or record that is missing. Codes (status, fase, type) are written as
// codes: the templates turn them into bokmål or nynorsk through i18n.
//
// The output depends only on its input, so the same data gives
// byte-identical files.
package sitedata

import (
	"github.com/openkommune/portal/tools/chart"
	"github.com/openkommune/portal/tools/export"
	"github.com/openkommune/portal/tools/feed"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/reconcile"
)

// Data is every file of the data mount: the field's JSON key is the file's
// name (data/portal/<key>.json) and the template's path
// (hugo.Data.portal.<key>).
type Data struct {
	Kommune       model.Kommune        `json:"kommune"`
	Nokkeltall    model.Nokkeltall     `json:"nokkeltall"`
	Vedtak        []VedtakRad          `json:"vedtak"`     // newest first; each record is in Records
	Oppfolging    []PunktRad           `json:"oppfolging"` // the open points, late first (oppfolging.go)
	VedtakAr      []model.VedtakAr     `json:"vedtak_ar"`  // the years with vedtak, newest first
	Planer        []*model.Plan        `json:"planer"`
	Okonomiplaner []*model.Okonomiplan `json:"okonomiplaner"`
	Omrader       []*model.Omrade      `json:"omrader"`
	Omradetre     model.Omradetre      `json:"omradetre"` // the rammeområder page's tree with frames
	Prosjekter    []*model.Prosjekt    `json:"prosjekter"`
	Oversikter    []*model.Oversikt    `json:"oversikter"`   // the § 5-4/§ 5-5 bevilgningsoversikter
	Investering   model.Investering    `json:"investering"`  // the projects' bevilgninger per year and area
	Rapporter     []*model.Rapport     `json:"rapporter"`    // newest first, with what changed since the report before
	Arsregnskap   []*model.Arsregnskap `json:"arsregnskap"`  // data/regnskap/: the årsregnskap per rammeområde, newest first
	Kontroll      reconcile.Report     `json:"kontroll"`     // the reconciliation, shown on /kontroll/
	Nedlastinger  export.Index         `json:"nedlastinger"` // the downloads
	Feeds         feed.Index           `json:"feeds"`
	Diagram       map[string]Chart     `json:"diagram"` // chart key → chart
	Sok           Sok                  `json:"sok"`     // what the pages need to load search

	// OppfolgingValg are the choices of the follow-up overview's filters
	// (oppfolging.go).
	OppfolgingValg OppfolgingValg `json:"oppfolging_valg"`
}

// Records are the files of the assets mount: the field's JSON key is the
// folder (assets/portal/<key>/<file>.json, each file an object from id to
// record, written by writeRecords), read by the record's page through the
// partial data/record.html, given the kind, the id and the file its row
// names.
type Records struct {
	Vedtak model.Vedtak `json:"vedtak"`
}

// VedtakRad is one vedtak in the list the list pages and the content
// adapter read: what a row of a vedtak table shows, not the record.
type VedtakRad struct {
	ID        string     `json:"id"`
	Path      string     `json:"sti"`
	Tittel    string     `json:"tittel"`
	Merke     string     `json:"merke"` // "KST 014/25"
	Dato      model.Dato `json:"dato"`
	Utvalg    string     `json:"utvalg"`  // the utvalg's code
	Punkter   int        `json:"punkter"` // how many points
	Apne      int        `json:"apne"`
	Forsinket int        `json:"forsinket"`
	// Fil is the file of Records that holds the record:
	// assets/portal/vedtak/<fil>.json ("0042").
	Fil string `json:"fil"`
}

// Chart is one chart: the SVG and its one-sentence summary
// (hugo.Data.portal.diagram.<key>).
type Chart struct {
	SVG   string `json:"svg"`
	Smal  string `json:"smal"` // the same chart drawn for a phone's width
	Tekst string `json:"tekst"`
	// Tabell is the chart's figures as a table, for a chart whose page has
	// no other table of them (chart.Tables); nil for the others.
	Tabell *chart.Table `json:"tabell"`
}

// Sok is what the pages need to load search: the site-relative paths of
// the index's head, the engine and Go's wasm_exec.js, the fields, and the
// search page's metadata (sok.go): the facets, ranges and sort orders the
// engine offers and the i18n keys of the codes it counts.
type Sok struct {
	Hode        string      `json:"hode"`      // "search/hp-….gz": the head with the first pieces
	Motor       string      `json:"motor"`     // "search/engine-….wasm"
	WasmExec    string      `json:"wasm_exec"` // "search/wasm_exec-….js"
	Dokumenter  int         `json:"dokumenter"`
	Felt        []Sokefelt  `json:"felt"`
	Fasetter    []string    `json:"fasetter"`    // the facet fields, in order
	Intervaller []Intervall `json:"intervaller"` // the number fields offered as ranges, in order
	Sortering   []Sortering `json:"sortering"`   // the sort orders besides relevance, in order
	// Etiketter are the i18n keys of the names the search page shows:
	// "felt" → field → key, and facet → code → key for the facets with
	// fixed codes (type, status, fase).
	Etiketter map[string]map[string]string `json:"etiketter"`
}

// Sokefelt is one field a query may name.
type Sokefelt struct {
	Navn string `json:"navn"`
	Type string `json:"type"` // text, keyword, number, date
}

// rad is a vedtak's row in the list.
func rad(v *model.Vedtak, fil string) VedtakRad {
	return VedtakRad{ID: v.ID, Path: v.Path, Tittel: v.Tittel, Merke: v.Merke, Dato: v.Dato, Utvalg: v.Utvalg.Kode,
		Punkter: len(v.Punkter), Apne: v.Apne, Forsinket: v.Forsinket, Fil: fil}
}
