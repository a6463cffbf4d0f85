package build_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// emptyFigureRE matches a figure rendered without its value: an empty
// <strong> (the home page's key figures) or figure cell (class "num"). A
// figure never reported is a dash and a word, never a blank.
var emptyFigureRE = regexp.MustCompile(`<strong[^>]*>\s*</strong>|<td class="num[^"]*"[^>]*>\s*</td>`)

// checkNoEmptyFigures fails for every built page with an empty figure.
func checkNoEmptyFigures(t *testing.T, out string) {
	t.Helper()
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		page := read(t, p)
		for _, m := range emptyFigureRE.FindAllStringIndex(page, 3) {
			rel, _ := filepath.Rel(out, p)
			t.Errorf("%s renders a figure empty: …%s…", rel, page[max(0, m[0]-120):m[1]])
		}
		return nil
	})
}

// rewrite replaces old by new in the data file rel, which must hold old.
func rewrite(t *testing.T, data, rel, old, new string) {
	t.Helper()
	p := filepath.Join(data, rel)
	s := read(t, p)
	if !strings.Contains(s, old) {
		t.Fatalf("%s does not hold %q", rel, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(s, old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestNoEmptyFigures builds the example kommune, and the small kommune with
// a reference date before its økonomiplan's first year, and finds no page
// with a figure rendered empty.
func TestNoEmptyFigures(t *testing.T) {
	if testing.Short() {
		t.Skip("builds sites")
	}
	t.Run("example", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "public")
		if err := buildSite(t, filepath.Join(root, "data"), out, "/"); err != nil {
			t.Fatal(err)
		}
		checkNoEmptyFigures(t, out)
		// A project with neither frame nor spend says so in words.
		assertContains(t, out, "prosjekter/brannstasjon/index.html", "– ikke rapportert")
	})
	t.Run("reference date before the plan", func(t *testing.T) {
		data := writeData(t, "../../testdata/base.txtar")
		// The only økonomiplan starts the year after the reference date
		// (2026-10-31): adopted in the autumn for the coming years.
		if err := os.Remove(filepath.Join(data, "okonomiplan", "2025-2028.toml")); err != nil {
			t.Fatal(err)
		}
		plan := `id = "2027-2030"
vedtatt_i = "kst-2025-030"
forste_ar = 2027
sum_driftsrammer = [300_000_000, 303_000_000, 306_000_000, 309_000_000]

[[ramme]]
omrade = "oppvekst"
belop = [200_000_000, 202_000_000, 204_000_000, 206_000_000]

[[ramme]]
omrade = "helse"
belop = [100_000_000, 101_000_000, 102_000_000, 103_000_000]
`
		if err := os.WriteFile(filepath.Join(data, "okonomiplan", "2027-2030.toml"), []byte(plan), 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "public")
		if err := buildSite(t, data, out, "/"); err != nil {
			t.Fatal(err)
		}
		checkNoEmptyFigures(t, out)
		// The home page shows the first year the plan covers.
		assertContains(t, out, "index.html", "i netto driftsrammer 2027",
			"De 2 siste vedtakene") // not "De ti siste" with two vedtak

		// Frame growth against the original frame, signed, in kroner and
		// per cent (html/template writes + as &#43;).
		nbsp := "\u00a0"
		assertContains(t, out, "prosjekter/nordbyen-skole/index.html", "&#43;12"+nbsp+"000"+nbsp+"000"+nbsp+"kr", "&#43;9,2"+nbsp+"%")
	})
}

// TestCouncilName: a kommune whose council is a bystyre is never said to
// have a kommunestyre; the name comes from its utvalg in kommune.toml.
func TestCouncilName(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site")
	}
	data := writeData(t, "../../testdata/base.txtar")
	rewrite(t, data, "kommune.toml", `navn = "Kommunestyret"`, `navn = "Bystyret"`)
	rewrite(t, data, "vedtak/2024/kst-2024-090.toml", "Kommunestyret vedtar", "Bystyret vedtar")
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, data, out, "/"); err != nil {
		t.Fatal(err)
	}
	assertContains(t, out, "index.html", "hva bystyret og utvalgene har vedtatt")
	assertContains(t, out, "feed/vedtak.xml", "vedtakene i bystyret og utvalgene")
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		// The data's schemas describe the format for any kommune ("the
		// utvalg's name, e.g. Kommunestyret"); pages and feeds name this
		// kommune's council.
		if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".json") && strings.Contains(strings.ToLower(read(t, p)), "kommunestyre") {
			rel, _ := filepath.Rel(out, p)
			t.Errorf("%s names a kommunestyre, but this kommune has a bystyre", rel)
		}
		return err
	})
}
