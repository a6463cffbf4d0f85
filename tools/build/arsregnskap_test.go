package build_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestArsregnskapYears builds a kommune with an årsregnskap for a year no
// økonomiplan covers and one for a plan year
// (testdata/stages/arsregnskap.txtar) with the real Hugo: the area page's
// year table has 2023 from the årsregnskap (linked, its budget column not
// printed said so) before the plans' years, and the 2025 accounts on the
// plan's row; the økonomiplan section shows the printed sum beside the
// rows' sum; /kontroll/ reconciles it; arsregnskap.csv has each row with
// its source file.
func TestArsregnskapYears(t *testing.T) {
	data := writeData(t, "../../testdata/base.txtar", "../../testdata/stages/arsregnskap.txtar")
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, data, out, "https://example.github.io/portal/"); err != nil {
		t.Fatal(err)
	}
	kr := func(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") + "\u00a0kr" }
	page := read(t, filepath.Join(out, "rammeomrader/oppvekst/index.html"))
	table := page[strings.Index(page, `id="rammer-tabell"`):]
	table = table[:strings.Index(table, "</table>")]
	rows := strings.Split(table, "<tr>")
	var y2023, y2025 string
	for _, r := range rows {
		switch {
		case strings.Contains(r, ">2023<"):
			y2023 = r
		case strings.Contains(r, ">2025<") && strings.Contains(r, "årsbudsjettet"):
			y2025 = r
		}
	}
	for _, want := range []string{`href="/portal/okonomiplan/#arsregnskap-2023"`, "fra årsregnskapet", "ikke oppgitt", kr("124 000 000"), kr("123 456 000")} {
		if !strings.Contains(y2023, want) {
			t.Errorf("the 2023 row of the year table lacks %q:\n%s", want, y2023)
		}
	}
	if !strings.Contains(y2025, kr("201 234 567")) {
		t.Errorf("the 2025 budget row does not show the accounts from regnskap/2025.toml:\n%s", y2025)
	}
	if strings.Index(table, ">2023<") > strings.Index(table, ">2025<") {
		t.Error("2023 is not first in the year table")
	}
	assertContains(t, out, "okonomiplan/index.html", `id="arsregnskap-2023"`, kr("188 889 000"), kr("188 888 000"), kr("1 000"), "Kilde: tabeller i 1\u00a0000\u00a0kr", `href="https://example.org/arsregnskap-2023.pdf"`)
	assertContains(t, out, "kontroll/index.html", `id="kontroll-arsregnskap"`, kr("188 889 000"), kr("188 888 000"))
	assertContains(t, out, "data/arsregnskap.csv", "2023,oppvekst,", "123456000,124000000,,regnskap,regnskap/2023.toml,1000kr", "2025,oppvekst,", "201234567,200000000,200000000,regnskap,regnskap/2025.toml,kr")
}
