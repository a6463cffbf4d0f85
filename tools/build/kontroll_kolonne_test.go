package build_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestKontrollColumnsInWords builds a nynorsk kommune with an årsregnskap's
// § 5-5 oversikt (testdata/real/stavanger-arsregnskap-2020-investering)
// with the real Hugo: /kontroll/ names each oversikt column in the site's
// language ("Rekneskap 2020"), never by its code ("regnskap",
// "opprinnelig", "regnskap_i_fjor").
func TestKontrollColumnsInWords(t *testing.T) {
	data := writeData(t, "../../testdata/real/stavanger-arsregnskap-2020-investering.txtar")
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, data, out, "/"); err != nil {
		t.Fatal(err)
	}
	page := strings.ReplaceAll(read(t, filepath.Join(out, "kontroll/index.html")), "\u00a0", " ")
	if !strings.Contains(page, "Rekneskap 2020") {
		t.Error("/kontroll/ does not name the column Rekneskap 2020")
	}
	code := regexp.MustCompile(`[,:] (regnskap|regulert|opprinnelig|regnskap_i_fjor|regnskap_i_forfjor|budsjett|budsjett_i_fjor)(</td>| –)`)
	if m := code.FindString(page); m != "" {
		t.Errorf("/kontroll/ names a column by its code: %q", m)
	}
}
