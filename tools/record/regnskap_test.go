package record

import (
	"testing"

	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/omradetre"
)

// TestColumnSum: a column's total counts each area once (an underområde
// through its parent's printed row, a parent without a row through its
// underområder), an area twice once, an unknown area at the top level; a
// column no row gives has no sum.
func TestColumnSum(t *testing.T) {
	tree := omradetre.Build([]omradetre.Node{{ID: "oppvekst"}, {ID: "helse"}, {ID: "sykehjem", Overordnet: "helse"}, {ID: "hjemme", Overordnet: "helse"}})
	kr := func(n int64) money.Amount { return money.Amount{Kr: n, Set: true} }
	row := func(id string, n int64) RegnskapOmrade { return RegnskapOmrade{Omrade: id, Regnskap: kr(n)} }
	for _, tc := range []struct {
		name  string
		rows  []RegnskapOmrade
		total int64
		has   bool
	}{
		{"flat", []RegnskapOmrade{row("oppvekst", 10), row("helse", 5)}, 15, true},
		{"parent printed", []RegnskapOmrade{row("oppvekst", 10), row("helse", 7), row("sykehjem", 4), row("hjemme", 2)}, 17, true},
		{"parent computed", []RegnskapOmrade{row("oppvekst", 10), row("sykehjem", 4), row("hjemme", 2)}, 16, true},
		{"area twice", []RegnskapOmrade{row("oppvekst", 10), row("oppvekst", 99)}, 10, true},
		{"unknown area", []RegnskapOmrade{row("oppvekst", 10), row("skole", 3)}, 13, true},
		{"no rows", nil, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &Regnskap{Omrade: tc.rows}
			s := r.ColumnSum(tree, "regnskap")
			if s.Total != tc.total || s.Has != tc.has || !s.OK {
				t.Errorf("total %d has %v ok %v, want %d %v true", s.Total, s.Has, s.OK, tc.total, tc.has)
			}
			if r.ColumnSum(tree, "regulert").Has {
				t.Error("the regulert column has a sum, but no row gives it")
			}
		})
	}
}

// TestProposed: a step is proposed when it cites a stage, even half of one.
func TestProposed(t *testing.T) {
	for _, tc := range []struct {
		r    Rammeendring
		want bool
	}{
		{Rammeendring{Vedtak: "kst-2025-001"}, false},
		{Rammeendring{Okonomiplan: "2026-2029", Stadium: Forslag}, true},
		{Rammeendring{Okonomiplan: "2026-2029"}, true},
		{Rammeendring{Stadium: Innstilling}, true},
	} {
		if got := tc.r.Proposed(); got != tc.want {
			t.Errorf("%+v: Proposed() = %v, want %v", tc.r, got, tc.want)
		}
	}
}
