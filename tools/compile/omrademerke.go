package compile

import "github.com/openkommune/portal/tools/record"

// omradeMerke decides, in this one place, how an area is labelled
// wherever the site names it: merke is what stands before the name (its
// nummer as printed in the budget, "" without one), etikett the name
// with it in plain text ("20 Oppvekst barn og unge"), for page titles.
// Templates show merke through layouts/_partials/merke.html.
func omradeMerke(o *record.Omrade) (merke, etikett string) {
	if o.Nummer == "" {
		return "", o.Navn
	}
	return o.Nummer, o.Nummer + " " + o.Navn
}
