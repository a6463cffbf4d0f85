package kostra_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/diag"
	"github.com/openkommune/portal/tools/jsonstat"
	"github.com/openkommune/portal/tools/kostra"
	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/record"
)

var opt = kostra.Options{Kommunenummer: "9999", Hentet: caldate.New(2026, 11, 20)}

func read(t testing.TB, name string) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "kostra", name))
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// convert reads a fixture as portal import kostra does; the diagnostics
// hold the reader's problems or the converter's.
func convert(t testing.TB, name string, src []byte) (*record.Kostra, *diag.List) {
	t.Helper()
	ds, err := jsonstat.Parse(name, src)
	if err != nil {
		l := &diag.List{}
		for _, p := range err.(*jsonstat.Error).Problems {
			l.Errorf(name, p.Line, p.Col, "%s", p.Message)
		}
		return nil, l
	}
	return kostra.FromDataset(name, src, ds, opt)
}

// TestSavedTable imports the saved table and reads the file back with
// package load: the same record, and the same bytes when written again.
func TestSavedTable(t *testing.T) {
	k, diags := convert(t, "kostra-12362.json", read(t, "kostra-12362.json"))
	if k == nil {
		t.Fatalf("no record: %v", diags.Sorted())
	}
	if k.ID != "12362" || k.URL != "https://www.ssb.no/statbank/table/12362" || k.Lisens != "CC BY 4.0" || k.Hentet.String() != "2026-11-20" || k.Oppdatert != "2025-06-16T06:00:00Z" {
		t.Errorf("facts %q %q %q %v %q", k.ID, k.URL, k.Lisens, k.Hentet, k.Oppdatert)
	}
	var roles []string
	for _, r := range k.Region {
		roles = append(roles, r.Kode+"="+r.Rolle)
	}
	if got := strings.Join(roles, " "); got != "9999=kommune EKG13=kostragruppe EAKUO=landet" {
		t.Errorf("regions %s", got)
	}
	if len(k.Funksjon) != 56 || len(k.Fast) != 2 || k.Fast[0].Kode != "AGD2" || k.Fast[1].Navn != "Beløp per innbygger (kr)" {
		t.Errorf("%d functions, fixed %+v", len(k.Funksjon), k.Fast)
	}
	if len(k.Tall) != 3*56*5 {
		t.Errorf("%d figures, want one per region, function and year", len(k.Tall))
	}
	find := func(region, fn string, year int) record.KostraTall {
		for _, f := range k.Tall {
			if f.Region == region && f.Funksjon == fn && f.Ar == year {
				return f
			}
		}
		t.Fatalf("no figure %s %s %d", region, fn, year)
		return record.KostraTall{}
	}
	if f := find("9999", "258", 2024); f.Verdi.Set || f.Status != ".." {
		t.Errorf("9999 258 2024 = %+v, want no figure with status ..", f)
	}
	if f := find("EAKUO", "202", 2024); !f.Verdi.Set || f.Verdi.Kr <= 0 {
		t.Errorf("EAKUO 202 2024 = %+v", f)
	}

	out := kostra.Format(k)
	set, ld := load.Load(fstest.MapFS{"kostra/12362.toml": {Data: out}}, "data")
	for _, d := range ld.Sorted() {
		if strings.HasPrefix(d.Path, "data/kostra/") {
			t.Errorf("the written file does not load: %s", d)
		}
	}
	if len(set.Kostra) != 1 {
		t.Fatalf("%d tables loaded", len(set.Kostra))
	}
	if again := kostra.Format(set.Kostra[0]); !bytes.Equal(again, out) {
		t.Errorf("written, read and written again differs")
	}
}

// TestOrderOfSSB: the same table with its regions and years in another
// order gives the same file.
func TestOrderOfSSB(t *testing.T) {
	a, da := convert(t, "small-12362.json", read(t, "small-12362.json"))
	b, db := convert(t, "small-12362-reordered.json", read(t, "small-12362-reordered.json"))
	if a == nil || b == nil {
		t.Fatal(da.Sorted(), db.Sorted())
	}
	if fa, fb := kostra.Format(a), kostra.Format(b); !bytes.Equal(fa, fb) {
		t.Errorf("reordered table gives another file:\n%s\n---\n%s", fa, fb)
	}
	if a.Tall[1].Region != "9999" || a.Tall[1].Ar != 2024 || a.Tall[1].Verdi.Kr != 9900 {
		t.Errorf("second figure %+v, want 9999 201 2024 = 9900", a.Tall[1])
	}
}

// TestBad wants each bad table refused with the place and what to do.
func TestBad(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{"bad-missing-dimension.json", "bad-missing-dimension.json:18:9: error: the table has no dimension for a KOSTRA function (SSB's KOKfunksjon0000): fetch the table again with it"},
		{"bad-size.json", "bad-size.json:107:12: error: value has 7 entries but the sizes give 8"},
		{"bad-function.json", `bad-function.json:51:11: error: "FG2" (Grunnskole (funksjonsgruppe)) is not a KOSTRA function: a function is three digits`},
		{"bad-value.json", `bad-value.json:111:5: error: a value is "15 800", want a number or null`},
		{"bad-region.json", "bad-region.json:33:29: error: the table has no figures for the kommune 9999 (kommunenummer in kommune.toml): fetch it with region 9999"},
		{"bad-decimal.json", "bad-decimal.json:109:5: error: the figure 9900.5 for region 9999, function 201, 2024 is not whole kroner"},
		{"bad-art.json", `bad-art.json:59:19: error: dimension "KOKart0000" has 2 categories (AGD2, AG2): the import takes one figure per region, function and year`},
	} {
		k, diags := convert(t, tc.file, read(t, tc.file))
		var got []string
		for _, d := range diags.Sorted() {
			got = append(got, d.String())
		}
		if k != nil || !strings.Contains(strings.Join(got, "\n"), tc.want) {
			t.Errorf("%s: record %v, got\n%s\nwant\n%s", tc.file, k != nil, strings.Join(got, "\n"), tc.want)
		}
	}
}

// TestOneDimensionTwice: a role that names the function dimension as the
// regions is refused, not read as a table of one dimension.
func TestOneDimensionTwice(t *testing.T) {
	src := bytes.Replace(read(t, "small-12362.json"), []byte(`"geo": [
      "KOKkommuneregion0000"`), []byte(`"geo": [
      "KOKfunksjon0000"`), 1)
	k, diags := convert(t, "twice.json", src)
	got := fmt.Sprint(diags.Sorted())
	if k != nil || !strings.Contains(got, "the same dimension is used for two of region, KOSTRA function and year") {
		t.Errorf("record %v, problems %s", k != nil, got)
	}
}
