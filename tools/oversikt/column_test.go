package oversikt

import (
	"testing"

	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
)

func TestToKr(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		unit string
		want int64
		ok   bool
	}{
		{1_863_501, "1000kr", 1_863_501_000, true},
		{-91_757, "1000kr", -91_757_000, true},
		{money.Max / 1000, "1000kr", money.Max / 1000 * 1000, true},
		{money.Max/1000 + 1, "1000kr", 0, false},
		{-money.Max/1000 - 1, "1000kr", 0, false},
		{money.Max, "kr", money.Max, true},
		{5, "mill", 0, false},
	} {
		got, ok := ToKr(tc.n, tc.unit)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ToKr(%d, %q) = %d, %v; want %d, %v", tc.n, tc.unit, got, ok, tc.want, tc.ok)
		}
	}
}

func TestParseColumn(t *testing.T) {
	for _, tc := range []struct {
		d    record.OversiktDokument
		code string
		year int
		kind ColumnKind
		ok   bool
	}{
		{record.DokArsregnskap, "regnskap", 2025, KindRegnskap, true},
		{record.DokArsregnskap, "regnskap_i_fjor", 2024, KindRegnskap, true},
		{record.DokArsregnskap, "opprinnelig", 2025, KindVedtatt, true},
		{record.DokArsregnskap, "regulert", 2025, KindRegulert, true},
		{record.DokArsregnskap, "budsjett", 0, "", false},
		{record.DokArsbudsjett, "budsjett", 2025, KindVedtatt, true},
		{record.DokArsbudsjett, "budsjett_i_fjor", 2024, KindBudsjett, true},
		{record.DokOkonomiplan, "2028", 2028, KindVedtatt, true},
		{record.DokOkonomiplan, "2029", 0, "", false}, // after the plan's 4 years
		{record.DokOkonomiplan, "2024", 0, "", false}, // before it
		{record.DokOkonomiplan, "02026", 0, "", false},
		{record.DokOkonomiplan, "+2026", 0, "", false},
		{record.DokOkonomiplan, "budsjett_i_fjor", 2024, KindBudsjett, true},
		// A budget is made in the autumn before its year: the newest
		// closed accounts it can print are those of two years before.
		{record.DokOkonomiplan, "regnskap_i_forfjor", 2023, KindRegnskap, true},
		{record.DokArsbudsjett, "regnskap_i_forfjor", 2023, KindRegnskap, true},
		{record.DokArsregnskap, "regnskap_i_forfjor", 0, "", false},
	} {
		c, err := ParseColumn(tc.d, 2025, tc.code)
		if (err == nil) != tc.ok || tc.ok && (c.Year != tc.year || c.Kind != tc.kind) {
			t.Errorf("%s %q: %+v, %v", tc.d, tc.code, c, err)
		}
	}
}
