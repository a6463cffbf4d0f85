package compile

import (
	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/record"
)

// felter are the given values of rec's declared fields, in its field order.
func felter(rec any) []model.Felt {
	out := []model.Felt{}
	for _, v := range record.DeclaredValues(rec) {
		if v.Value == "" {
			continue
		}
		d := v.Field
		f := model.Felt{Felt: d.Name, Verdi: v.Value, Etikett: string(catalog.FieldLabel(d.Name)), Side: d.Page}
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
func Verdi(fs []model.Felt, name string) string {
	for _, f := range fs {
		if f.Felt == name {
			return f.Verdi
		}
	}
	return ""
}
