package record_test

import (
	"testing"

	"github.com/openkommune/portal/tools/record"
)

// TestRevisedForslag: of several forslag stages (a revised forslag or
// tilleggsinnstilling), the last one written is the latest, whatever
// their dates; the site orders them as written, before the innstilling.
func TestRevisedForslag(t *testing.T) {
	o := &record.Okonomiplan{Stadium: []record.Stadium{
		{Type: record.Alternativ, Navn: "Høyre"},
		{Type: record.Forslag, Navn: "Forslag"},
		{Type: record.Forslag, Navn: "Tilleggsinnstilling"},
	}}
	if l := o.Latest(); l == nil || l.Navn != "Tilleggsinnstilling" {
		t.Errorf("Latest = %+v, want the tilleggsinnstilling", l)
	}
	if l := o.LatestForslag(); l == nil || l.Navn != "Tilleggsinnstilling" {
		t.Errorf("LatestForslag = %+v, want the tilleggsinnstilling", l)
	}
	var names []string
	for _, s := range o.Ordered() {
		names = append(names, s.Navn)
	}
	if got := names; len(got) != 3 || got[0] != "Forslag" || got[1] != "Tilleggsinnstilling" || got[2] != "Høyre" {
		t.Errorf("Ordered = %q, want Forslag, Tilleggsinnstilling, Høyre", got)
	}
	o.Stadium = append(o.Stadium, record.Stadium{Type: record.Innstilling})
	if l := o.Latest(); l == nil || l.Type != record.Innstilling {
		t.Errorf("Latest = %+v, want the innstilling", l)
	}
}
