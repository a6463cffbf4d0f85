package sitedata

import (
	"cmp"

	"github.com/openkommune/portal/tools/catalog"
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

// The i18n keys below are catalog.Key constants, so that the catalogue's
// test sees them used; the templates show them with i18n of the value.

// fieldLabels are the i18n keys of the names of the engine's own fields
// the search page shows as facets; a field a record declares has its own
// (declaredLabels).
var fieldLabels = map[string]catalog.Key{
	"type": "kind", "aar": "year", "utvalg": "search_body", "rammeomrade": "budget_area", "status": "status",
	"fase": "phase", "plan": "plan", "avvik_prosent": "deviation_pct", "kostnadsramme": "frame_adjusted",
}

// rangeInputs are the range fields' inputs (search.RangeFields): the
// input's short name, its scale, and the keys of its unit and label.
var rangeInputs = map[string]struct {
	kort           string
	skala          float64
	enhet, etikett catalog.Key
}{
	"avvik_prosent": {"avvik", 1, "search_unit_percent", "search_deviation_min"},
	"kostnadsramme": {"ramme", 1_000_000, "search_unit_million_kr", "search_frame_min"},
}

// sortLabels are the i18n keys of the sort orders (search.SortFields).
var sortLabels = map[string]catalog.Key{"dato": "search_sort_date", "avvik_prosent": "search_sort_deviation", "kostnadsramme": "search_sort_frame"}

// docTypeLabels are the i18n keys of the search documents' types
// (search.DocTypes).
var docTypeLabels = map[string]catalog.Key{
	"vedtak": "stype_vedtak", "vedtakspunkt": "stype_vedtakspunkt", "plan": "stype_plan",
	"tiltak": "stype_tiltak", "rammeomrade": "stype_rammeomrade", "prosjekt": "stype_prosjekt",
}

// SokMeta returns s with the search page's metadata, from package search
// (the fields, facets, ranges and sort orders) and package record (the
// codes of status and fase).
func SokMeta(s Sok) Sok {
	s.Fasetter = search.FacetFields()
	s.Intervaller, s.Sortering = nil, nil
	felt := map[string]string{}
	declared := declaredLabels()
	for _, f := range search.FacetFields() {
		felt[f] = string(cmp.Or(fieldLabels[f], declared[f]))
	}
	for _, f := range RangeFields() {
		in := rangeInputs[f]
		s.Intervaller = append(s.Intervaller, Intervall{Felt: f, Kort: in.kort, Skala: in.skala, Enhet: string(in.enhet), Etikett: string(in.etikett)})
		felt[f] = string(fieldLabels[f])
	}
	for _, f := range SortFields() {
		s.Sortering = append(s.Sortering, Sortering{Felt: f, Etikett: string(cmp.Or(sortLabels[f], declared[f]))})
	}
	types := map[string]string{}
	for _, t := range search.DocTypes {
		types[t] = string(docTypeLabels[t])
	}
	s.Etiketter = map[string]map[string]string{
		"felt":   felt,
		"type":   types,
		"status": codes(record.StatusValues, "status_", codes(record.PlanStatusValues, "planstatus_", nil)),
		"fase":   codes(record.ProsjektFaseValues, "fase_", codes(record.TiltakFaseValues, "tiltakfase_", nil)),
	}
	for name, labels := range declaredCodes() {
		s.Etiketter[name] = labels
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

// declaredLabels are the i18n keys of the labels of the search fields the
// records declare (record.DeclaredFields; catalog.FieldLabel).
func declaredLabels() map[string]catalog.Key {
	out := map[string]catalog.Key{}
	for _, r := range record.DeclaringRecords {
		for _, d := range record.DeclaredFields(r.Type) {
			if d.Search {
				out[d.Name] = catalog.FieldLabel(d.Name)
			}
		}
	}
	return out
}

// declaredCodes are the i18n keys of the codes of the facets the records
// declare with an enum type, by field (catalog.FieldCode).
func declaredCodes() map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, r := range record.DeclaringRecords {
		for _, d := range record.DeclaredFields(r.Type) {
			if !d.Facet || d.Codes == nil {
				continue
			}
			labels := map[string]string{}
			for _, c := range d.Codes {
				labels[c] = string(catalog.FieldCode(d.Name, c))
			}
			out[d.Name] = labels
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
