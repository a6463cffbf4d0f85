package compile

import (
	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/record"
)

// Felt is one given value of a record's declared field (record's `portal`
// tags), handed over generically: the templates show the fields with Side
// in one loop (layouts/_partials/felter.html), the CSV lists and the
// search index take the others by name.
type Felt struct {
	Felt    string `json:"felt"`    // the field's name
	Verdi   string `json:"verdi"`   // as written in the data: a code, a number, YYYY-MM-DD
	Etikett string `json:"etikett"` // the i18n key of its label (catalog.FieldLabel)
	// Kode is the i18n key of an enum code's label (catalog.FieldCode);
	// Tekst is any other value as shown.
	Kode  string `json:"kode,omitempty"`
	Tekst string `json:"tekst,omitempty"`
	Side  bool   `json:"side,omitempty"` // shown on the record's page
}

// felter are the given values of rec's declared fields, in its field order.
func felter(rec any) []Felt {
	out := []Felt{}
	for _, v := range record.DeclaredValues(rec) {
		if v.Value == "" {
			continue
		}
		d := v.Field
		f := Felt{Felt: d.Name, Verdi: v.Value, Etikett: string(catalog.FieldLabel(d.Name)), Side: d.Page}
		switch {
		case d.Codes != nil:
			f.Kode = string(catalog.FieldCode(d.Name, v.Value))
		case d.Kind == record.Date:
			f.Tekst = caldate.MustParse(v.Value).Norwegian()
		default:
			f.Tekst = v.Value
		}
		out = append(out, f)
	}
	return out
}

// Verdi is the value of the declared field name in fs, or "" when not
// given.
func Verdi(fs []Felt, name string) string {
	for _, f := range fs {
		if f.Felt == name {
			return f.Verdi
		}
	}
	return ""
}
