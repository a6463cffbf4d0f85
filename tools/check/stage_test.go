package check_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/openkommune/portal/tools/diag"
	"github.com/openkommune/portal/tools/record"
)

// TestUkjentIsInformation: fields listed as unknown are reported as
// information, never as errors or warnings, so check exits 0.
func TestUkjentIsInformation(t *testing.T) {
	base := readArchive(t, "../../testdata/base.txtar")
	_, diags := run(dataFS(base, readArchive(t, "../../testdata/bad/ukjent-info.txtar")))
	if diags.Errors() != 0 {
		t.Fatalf("%d errors:\n%s", diags.Errors(), format(diags))
	}
	infos := 0
	for _, d := range diags.Sorted() {
		if d.Severity != diag.Info {
			t.Errorf("not information: %s", d)
		}
		infos++
	}
	if infos != 4 {
		t.Errorf("%d infos, want 4 (nummer, ansvarlig, omrade, saksnummer):\n%s", infos, format(diags))
	}
}

// TestAmountsInThousands: a plan typed in 1 000 kr is read as exact kroner,
// its toleranse too.
func TestAmountsInThousands(t *testing.T) {
	base := readArchive(t, "../../testdata/base.txtar")
	set, diags := run(dataFS(base, readArchive(t, "../../testdata/bad/accept-sum-within-tolerance.txtar")))
	if diags.Len() != 0 {
		t.Fatalf("diagnostics:\n%s", format(diags))
	}
	var o *record.Okonomiplan
	for _, p := range set.Okonomiplan {
		if p.ID == "2026-2029" {
			o = p
		}
	}
	if o == nil {
		t.Fatal("no plan 2026-2029")
	}
	st := o.Stadium[0]
	if got := st.Ramme[0].Belop[0].Kr; got != 200_300_000 {
		t.Errorf("ramme: %d kr, want 200 300 000", got)
	}
	if got := st.SumDriftsrammer[1].Kr; got != 302_998_000 {
		t.Errorf("sum: %d kr, want 302 998 000", got)
	}
	if o.Toleranse.Kr != 3000 {
		t.Errorf("toleranse: %d kr, want 3 000", o.Toleranse.Kr)
	}
	if o.Adopted() != nil || o.Latest() == nil || o.Latest().Type != record.Forslag {
		t.Errorf("a forslag-only plan: adopted %v, latest %v", o.Adopted(), o.Latest())
	}
}

// TestStatedSumInRange: a stage's printed sum counts with its rows in the
// range of the figures the site derives, so that the rounding difference
// (printed − computed) can never leave it: 100 rows near the largest amount
// and a printed sum of the opposite sign are refused at the printed sum.
func TestStatedSumInRange(t *testing.T) {
	base := readArchive(t, "../../testdata/base.txtar")
	fsys := dataFS(base)
	var areas, rows strings.Builder
	areas.WriteString("[[omrade]]\nid = \"oppvekst\"\nnavn = \"Oppvekst\"\n\n[[omrade]]\nid = \"helse\"\nnavn = \"Helse\"\n")
	for i := 1; i <= 100; i++ {
		fmt.Fprintf(&areas, "\n[[omrade]]\nid = \"a%d\"\nnavn = \"A%d\"\n", i, i)
		fmt.Fprintf(&rows, "  { omrade = \"a%d\", belop = [9_999_999_999_999, 1, 1, 1] },\n", i)
	}
	fsys["rammeomrader.toml"] = &fstest.MapFile{Data: []byte(areas.String())}
	fsys["okonomiplan/2026-2029.toml"] = &fstest.MapFile{Data: []byte(`id = "2026-2029"
forste_ar = 2026

[[stadium]]
type = "forslag"
dato = 2025-10-28
dokument = "https://example.org/forslag.pdf"
sum_driftsrammer = [-9_999_999_999_999, 100, 100, 100]
ramme = [
` + rows.String() + "]\n")}
	_, diags := run(fsys)
	var at []string
	for _, d := range diags.Sorted() {
		if d.Severity == diag.Error && d.Path == "data/okonomiplan/2026-2029.toml" {
			at = append(at, d.Message)
		}
	}
	if len(at) != 1 || !strings.HasPrefix(at[0], "stadium[0].sum_driftsrammer[0]: with this amount the rammer and the stated sum of this stage in 2026 add up to more than") {
		t.Errorf("errors in the plan: %q", at)
	}
}
