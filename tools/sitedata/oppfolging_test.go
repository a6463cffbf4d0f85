package sitedata_test

import (
	"os"
	"reflect"
	"testing"

	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/sitedata"
)

// TestOppfolging: the overview holds every open point and no other, as
// many as the key figures count, the late first and then by due date; on
// the example kommune, which has open points late and not.
func TestOppfolging(t *testing.T) {
	set, diags := load.Load(os.DirFS("../../data"), "data")
	check.Check(set, diags)
	if diags.Errors() > 0 {
		t.Fatal("the example data does not check: run portal check")
	}
	s := compile.Compile(set)
	rows := sitedata.Oppfolging(s)
	if len(rows) != s.Nokkeltall.PunkterApne {
		t.Errorf("%d rows, want the %d open points", len(rows), s.Nokkeltall.PunkterApne)
	}
	late := 0
	for i, r := range rows {
		if r.Status == "fullfort" || r.Status == "utgar" {
			t.Errorf("row %d (%s #%d) is closed: %s", i, r.Vedtak, r.Nr, r.Status)
		}
		if r.Forsinket {
			late++
			if i > 0 && !rows[i-1].Forsinket {
				t.Errorf("late point %s #%d after a point that is not late", r.Vedtak, r.Nr)
			}
		}
		if i > 0 && r.Forsinket == rows[i-1].Forsinket && r.Frist != nil && (rows[i-1].Frist == nil || rows[i-1].Frist.ISO > r.Frist.ISO) {
			t.Errorf("%s #%d (due %s) after %s #%d (due %v)", r.Vedtak, r.Nr, r.Frist.ISO, rows[i-1].Vedtak, rows[i-1].Nr, rows[i-1].Frist)
		}
		if r.Path == "" || r.Utvalg == "" || r.Utdrag == "" {
			t.Errorf("row %d lacks its page, utvalg or text: %+v", i, r)
		}
	}
	if late != s.Nokkeltall.PunkterForsinket {
		t.Errorf("%d late rows, want %d", late, s.Nokkeltall.PunkterForsinket)
	}
	if late == 0 || late == len(rows) {
		t.Errorf("the test kommune has %d late of %d open points; the order is not tested", late, len(rows))
	}
	if got := sitedata.Oppfolging(&model.Site{}); got == nil || len(got) != 0 {
		t.Errorf("no vedtak: %#v, want an empty list", got)
	}
}

// TestValg: the filters' choices are every utvalg and ansvarlig of the
// rows once, sorted, and no empty ansvarlig; empty lists, not null, when
// there are no rows.
func TestValg(t *testing.T) {
	rows := []sitedata.PunktRad{
		{Utvalg: "KST", Ansvarlig: "Rådmann"},
		{Utvalg: "FSK", Ansvarlig: ""},
		{Utvalg: "KST", Ansvarlig: "Kommunalsjef oppvekst"},
		{Utvalg: "HOK", Ansvarlig: "Rådmann"},
		{Utvalg: "FSK", Ansvarlig: "Kommunalsjef oppvekst"},
	}
	got := sitedata.Valg(rows)
	want := sitedata.OppfolgingValg{Utvalg: []string{"FSK", "HOK", "KST"}, Ansvarlige: []string{"Kommunalsjef oppvekst", "Rådmann"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v\nwant %#v", got, want)
	}
	if got := sitedata.Valg(nil); got.Utvalg == nil || got.Ansvarlige == nil || len(got.Utvalg)+len(got.Ansvarlige) != 0 {
		t.Errorf("no rows: %#v, want empty lists", got)
	}
}
