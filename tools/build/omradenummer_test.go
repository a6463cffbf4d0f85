package build_test

import (
	"path/filepath"
	"testing"
)

// TestOmradeNummerShown builds areas with the numbers printed before them
// in the budget (testdata/bad/accept-omrade-nummer.txtar) and reads the
// number before the name on the area's page (heading and title), on the
// rammeområder page, in the økonomiplan's table and in rammer.csv; an
// area without a number shows its name alone.
func TestOmradeNummerShown(t *testing.T) {
	data := writeData(t, "../../testdata/base.txtar", "../../testdata/bad/accept-omrade-nummer.txtar")
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, data, out, "/"); err != nil {
		t.Fatal(err)
	}
	assertContains(t, out, "rammeomrader/oppvekst/index.html",
		`<h1><span class="merke">20</span> Oppvekst barn og unge</h1>`,
		`<title>20 Oppvekst barn og unge`,
		`<a href="/rammeomrader/skole/"><span class="merke">20.1</span> Skole</a>`)
	assertContains(t, out, "rammeomrader/skole/index.html",
		`<h1><span class="merke">20.1</span> Skole</h1>`,
		`<a href="/rammeomrader/oppvekst/"><span class="merke">20</span> Oppvekst barn og unge</a>`)
	assertContains(t, out, "rammeomrader/helse/index.html", `<h1>Helse og omsorg</h1>`)
	assertContains(t, out, "rammeomrader/index.html",
		`<a href="/rammeomrader/oppvekst/"><span class="merke">20</span> Oppvekst barn og unge</a>`,
		`<a href="/rammeomrader/skole/"><span class="merke">20.1</span> Skole</a>`,
		`<a href="/rammeomrader/helse/">Helse og omsorg</a>`)
	assertContains(t, out, "okonomiplan/2025-2028/index.html",
		`<a href="/rammeomrader/oppvekst/"><span class="merke">20</span> Oppvekst barn og unge</a>`)
	assertContains(t, out, "data/rammer.csv",
		"okonomiplan,omrade,omrade_navn,omrade_nummer,overordnet,",
		"2025-2028,oppvekst,Oppvekst barn og unge,20,,0,",
		"2025-2028,helse,Helse og omsorg,,,0,")
	assertContains(t, out, "data/rammer.schema.json", `"name": "omrade_nummer"`)
}
