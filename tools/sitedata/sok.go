package sitedata

import (
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/search"
)

// Intervall is a number field offered as preset ranges, with the input
// for its lower bound: Kort names the input (search-<kort>-min), Skala is
// what a number typed there is multiplied by (1 000 000 for millions of
// kroner), Enhet the i18n key of the unit a range is shown in, and
// Etikett the i18n key of its label.
type Intervall struct {
	Felt    string  `json:"felt"`
	Kort    string  `json:"kort"`
	Skala   float64 `json:"skala"`
	Enhet   string  `json:"enhet"`
	Etikett string  `json:"etikett"`
}

// Sortering is a sort order: the field, newest or largest first, and the
// i18n key of its name.
type Sortering struct {
	Felt    string `json:"felt"`
	Etikett string `json:"etikett"`
}

// fieldLabels are the i18n keys of the names of the fields the search page
// shows as facets.
var fieldLabels = map[string]string{
	"type": "kind", "aar": "year", "utvalg": "search_body", "rammeomrade": "budget_area", "status": "status",
	"fase": "phase", "plan": "plan", "avvik_prosent": "deviation_pct", "kostnadsramme": "frame_adjusted",
}

// rangeInputs are the range fields' inputs (search.RangeFields).
var rangeInputs = map[string]Intervall{
	"avvik_prosent": {Kort: "avvik", Skala: 1, Enhet: "search_unit_percent", Etikett: "search_deviation_min"},
	"kostnadsramme": {Kort: "ramme", Skala: 1_000_000, Enhet: "search_unit_million_kr", Etikett: "search_frame_min"},
}

// sortLabels are the i18n keys of the sort orders (search.SortFields).
var sortLabels = map[string]string{"dato": "search_sort_date", "avvik_prosent": "search_sort_deviation", "kostnadsramme": "search_sort_frame"}

// SokMeta returns s with the search page's metadata, from package search
// (the fields, facets, ranges and sort orders) and package record (the
// codes of status and fase).
func SokMeta(s Sok) Sok {
	s.Fasetter = search.FacetFields()
	s.Intervaller, s.Sortering = nil, nil
	felt := map[string]string{}
	for _, f := range search.FacetFields() {
		felt[f] = fieldLabels[f]
	}
	for _, f := range RangeFields() {
		in := rangeInputs[f]
		in.Felt = f
		s.Intervaller = append(s.Intervaller, in)
		felt[f] = fieldLabels[f]
	}
	for _, f := range SortFields() {
		s.Sortering = append(s.Sortering, Sortering{Felt: f, Etikett: sortLabels[f]})
	}
	s.Etiketter = map[string]map[string]string{
		"felt":   felt,
		"type":   codes(search.DocTypes, "stype_", nil),
		"status": codes(record.StatusValues, "status_", codes(record.PlanStatusValues, "planstatus_", nil)),
		"fase":   codes(record.ProsjektFaseValues, "fase_", codes(record.TiltakFaseValues, "tiltakfase_", nil)),
	}
	// The statuses package searchindex gives beside the records' own.
	s.Etiketter["status"]["forsinket"] = "points_late"
	s.Etiketter["status"]["over_ramme"] = "over_frame"
	return s
}

// RangeFields are the number fields the engine offers as preset ranges
// (search.RangeFacets), in the order of search.Fields, which is the
// engine's.
func RangeFields() []string {
	var out []string
	for _, f := range search.Fields {
		if _, ok := search.RangeFacets[f.Name]; ok {
			out = append(out, f.Name)
		}
	}
	return out
}

// SortFields are the fields offered as sort orders, in order.
func SortFields() []string {
	var out []string
	for _, f := range search.Fields {
		if f.Sort {
			out = append(out, f.Name)
		}
	}
	return out
}

// codes maps each code to prefix+code, over the codes of base (the first
// list's key wins where both have a code).
func codes(values []string, prefix string, base map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range base {
		out[k] = v
	}
	for _, v := range values {
		out[v] = prefix + v
	}
	return out
}
