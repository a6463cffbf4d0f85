// Package chart owns the portal's charts: accessible SVG drawn at build
// time from the site model; no chart library in the browser.
//
// Every chart is a picture of a table that the page shows next to it: an
// inline <svg role="img"> labelled by a short <title>, with a one-sentence
// summary in the kommune's målform for the page to print beside it. Shapes
// and text carry CSS classes for the site's stylesheet to theme, and
// presentation attributes in currentColor and greys so that a chart is
// legible without it. The same site always gives the same bytes.
//
// Charts are drawn from a compiled and reconciled model, whose figures are
// within ±money.MaxSum: the sums a chart adds itself (a running total, a
// span) use money.MustAdd and MustSub, and the axes (ticks.go) end for any
// range.
//
// See docs/charts.md for what each chart shows and the classes.
package chart

import (
	"fmt"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/model"
)

// A chart is produced only where there is something to draw:
//
//	omrade/<id>                          an area with frames in an økonomiplan
//	underomrader/<id>                    an area whose underområder have frames (underomrade.go)
//	kostra/<id>                          an area with KOSTRA figures (kostra.go)
//	okonomiplan/<id>/rammer              a plan with frames: its top-level frames in its first year, regulated or at its latest stage (rammer.go)
//	okonomiplan/<id>/reguleringer/<year> a plan year with at least one regulering
//	prosjekt/<id>                        a project with a kostnadsramme, spend or forecast
//	prognose/<id>                        a project with a status report citing a report (prognose.go)
//	portefolje                           at least one project with a forecast
type chart struct {
	svg     string
	narrow  string // the same chart drawn for a phone
	summary string
	table   *Table // the figures drawn, for charts whose page has no table of them
}

// Table is a chart's figures as a table, for the page to show beside a
// chart whose figures no other table on the page has: a row per category
// of the chart, a column per series. Cells are written out ("283 401 000
// kr", "–" for none); the page escapes them.
type Table struct {
	Caption string     `json:"tittel"`
	Head    []string   `json:"kolonner"` // the first is the rows' heading
	Rows    []TableRow `json:"rader"`
}

// TableRow is one row: its heading and a cell per column after the first.
type TableRow struct {
	Head  string   `json:"navn"`
	Cells []string `json:"celler"`
}

// Drawn is one chart with everything its page shows: the SVG for a wide
// column and for a phone's, the one-sentence summary, and the chart's own
// table where the page has no other table of its figures.
type Drawn struct {
	SVG     string
	Narrow  string
	Summary string
	Table   *Table
}

// Draw draws every chart of the site once, by key; All, Narrow, Summaries
// and Tables are its parts.
func Draw(site *model.Site) map[string]Drawn {
	out := map[string]Drawn{}
	for k, c := range build(site) {
		out[k] = Drawn{SVG: c.svg, Narrow: c.narrow, Summary: c.summary, Table: c.table}
	}
	return out
}

// All returns every chart of the site by key, each a complete inline
// <svg> element.
func All(site *model.Site) map[string]string {
	out := map[string]string{}
	for k, c := range build(site) {
		out[k] = c.svg
	}
	return out
}

// Narrow returns every chart of the site drawn for a phone's width, by
// the same keys as All.
func Narrow(site *model.Site) map[string]string {
	out := map[string]string{}
	for k, c := range build(site) {
		out[k] = c.narrow
	}
	return out
}

// Summaries returns a one-sentence plain-text summary of every chart by
// the same keys as All, in the kommune's målform. The text is not escaped:
// the page's template escapes it.
func Summaries(site *model.Site) map[string]string {
	out := map[string]string{}
	for k, c := range build(site) {
		out[k] = c.summary
	}
	return out
}

// Tables returns the table of every chart that has one of its own, by
// the chart's key.
func Tables(site *model.Site) map[string]*Table {
	out := map[string]*Table{}
	for k, c := range build(site) {
		if c.table != nil {
			out[k] = c.table
		}
	}
	return out
}

func build(site *model.Site) map[string]chart {
	w := catalog.Must(site.Kommune.Malform)
	out := map[string]chart{}
	for _, o := range site.Omrader {
		if c, ok := omradeChart(site, o, w, wide); ok {
			n, _ := omradeChart(site, o, w, narrow)
			c.narrow = n.svg
			out["omrade/"+o.ID] = c
		}
		if c, ok := underomradeChart(site, o, w, wide); ok {
			n, _ := underomradeChart(site, o, w, narrow)
			c.narrow = n.svg
			out["underomrader/"+o.ID] = c
		}
		if c, ok := kostraChart(o, w, layout{width: kostraWidth}); ok {
			n, _ := kostraChart(o, w, narrow)
			c.narrow = n.svg
			out["kostra/"+o.ID] = c
		}
	}
	for _, o := range site.Okonomiplaner {
		if c, ok := rammerChart(o, w, wide); ok {
			n, _ := rammerChart(o, w, narrow)
			c.narrow = n.svg
			out["okonomiplan/"+o.ID+"/rammer"] = c
		}
		for _, year := range regulatedYears(o) {
			c := waterfallChart(o, year, w, wide)
			c.narrow = waterfallChart(o, year, w, narrow).svg
			out[fmt.Sprintf("okonomiplan/%s/reguleringer/%d", o.ID, year)] = c
		}
	}
	for _, p := range site.Prosjekter {
		if c, ok := prosjektChart(p, w, wide); ok {
			n, _ := prosjektChart(p, w, narrow)
			c.narrow = n.svg
			out["prosjekt/"+p.ID] = c
		}
		if c, ok := prognoseChart(p, w, wide); ok {
			n, _ := prognoseChart(p, w, narrow)
			c.narrow = n.svg
			out["prognose/"+p.ID] = c
		}
	}
	if c, ok := portefoljeChart(site, w, wide); ok {
		n, _ := portefoljeChart(site, w, narrow)
		c.narrow = n.svg
		out["portefolje"] = c
	}
	return out
}
