package compile

import (
	"reflect"
	"testing"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/record"
)

// TestFelter: a record's declared fields reach the page model generically,
// given ones only, an enum as its code with the key of its label, other
// values as shown.
func TestFelter(t *testing.T) {
	type rec struct {
		A record.Entreprise `toml:"a" portal:"page,facet"`
		B int               `toml:"b" portal:"csv"`
		C caldate.Date      `toml:"c" portal:"page"`
		D string            `toml:"d" portal:"page"`
		E string            `toml:"e" portal:"page"`
	}
	got := felter(&rec{A: record.Samspillsentreprise, B: 12, C: caldate.New(2026, 3, 1), D: "Torget 1"})
	want := []model.Felt{
		{Felt: "a", Verdi: "samspillsentreprise", Etikett: "a", Kode: "a_samspillsentreprise", Side: true},
		{Felt: "b", Verdi: "12", Etikett: "b", Tekst: "12"},
		{Felt: "c", Verdi: "2026-03-01", Etikett: "c", Tekst: caldate.New(2026, 3, 1).Norwegian(), Side: true},
		{Felt: "d", Verdi: "Torget 1", Etikett: "d", Tekst: "Torget 1", Side: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if v := Verdi(got, "b"); v != "12" {
		t.Errorf("Verdi b = %q", v)
	}
	if v := Verdi(got, "e"); v != "" {
		t.Errorf("Verdi e (not given) = %q", v)
	}
	if got := felter(&rec{}); got == nil || len(got) != 0 {
		t.Errorf("no field given: got %#v, want an empty list (JSON [])", got)
	}
}
