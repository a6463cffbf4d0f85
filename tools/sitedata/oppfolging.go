package sitedata

import (
	"cmp"
	"slices"

	"github.com/openkommune/portal/tools/markdown"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/record"
)

// PunktRad is one open vedtakspunkt (status neither fullfort nor utgar) in
// the follow-up overview, /oppfolging/ (hugo.Data.portal.oppfolging): what
// its row shows and what its filters read. The point's text is cut to its
// first sentence, so that the file grows with the number of open points,
// not with their text.
type PunktRad struct {
	Vedtak    string      `json:"vedtak"` // the vedtak's id
	Path      string      `json:"sti"`    // the vedtak's page; the point is #punkt-<nr> on it
	Merke     string      `json:"merke"`  // "KST 014/25"
	Tittel    string      `json:"tittel"` // the vedtak's title
	Dato      model.Dato  `json:"dato"`   // the vedtak's date
	Utvalg    string      `json:"utvalg"` // the utvalg's code
	Nr        int         `json:"nr"`
	Utdrag    string      `json:"utdrag"` // the point's first sentence, plain text
	Ansvarlig string      `json:"ansvarlig"`
	Frist     *model.Dato `json:"frist"`
	Status    string      `json:"status"`
	Forsinket bool        `json:"forsinket"`
}

// utdragPunkt is the longest first sentence of a point in the overview.
const utdragPunkt = 200

// Oppfolging lists the open points of every vedtak: the late first, then
// by due date (the earliest first, those without one last), then by the
// vedtak's date (the oldest first), its id and the point's number.
func Oppfolging(s *model.Site) []PunktRad {
	rows := []PunktRad{}
	for _, v := range s.Vedtak {
		for _, p := range v.Punkter {
			if record.Status(p.Status).Closed() {
				continue
			}
			rows = append(rows, PunktRad{Vedtak: v.ID, Path: v.Path, Merke: v.Merke, Tittel: v.Tittel, Dato: v.Dato,
				Utvalg: v.Utvalg.Kode, Nr: p.Nr, Utdrag: markdown.Sentence(p.Tekst, utdragPunkt),
				Ansvarlig: p.Ansvarlig, Frist: p.Frist, Status: p.Status, Forsinket: p.Forsinket})
		}
	}
	slices.SortStableFunc(rows, func(a, b PunktRad) int {
		return cmp.Or(
			-cmpBool(a.Forsinket, b.Forsinket),
			cmpFrist(a.Frist, b.Frist),
			cmp.Compare(a.Dato.ISO, b.Dato.ISO),
			cmp.Compare(a.Vedtak, b.Vedtak),
			cmp.Compare(a.Nr, b.Nr))
	})
	return rows
}

// OppfolgingValg are the choices of the overview's filters: the utvalg
// and the ansvarlige that have open points, each once
// (hugo.Data.portal.oppfolging_valg). Go collects them so that the page
// need not go through every row to find them (at 100 000 vedtak there are
// some 40 000 rows, and a template can only collect by copying its list
// on every row: docs/scale.md).
type OppfolgingValg struct {
	Utvalg     []string `json:"utvalg"`     // codes, sorted
	Ansvarlige []string `json:"ansvarlige"` // sorted; the page sorts them for its language
}

// Valg are the filter choices of the rows: every utvalg and every
// ansvarlig (but none) once.
func Valg(rows []PunktRad) OppfolgingValg {
	v := OppfolgingValg{Utvalg: []string{}, Ansvarlige: []string{}}
	for _, r := range rows {
		v.Utvalg = append(v.Utvalg, r.Utvalg)
		if r.Ansvarlig != "" {
			v.Ansvarlige = append(v.Ansvarlige, r.Ansvarlig)
		}
	}
	slices.Sort(v.Utvalg)
	slices.Sort(v.Ansvarlige)
	v.Utvalg, v.Ansvarlige = slices.Compact(v.Utvalg), slices.Compact(v.Ansvarlige)
	return v
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// cmpFrist orders due dates, the earliest first and none last.
func cmpFrist(a, b *model.Dato) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	}
	return cmp.Compare(a.ISO, b.ISO)
}
