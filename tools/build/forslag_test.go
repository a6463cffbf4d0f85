package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProposedFrameNeverAdopted builds a kommune with a project whose
// tillegg was only proposed in the forslag to økonomiplan 2026–2029
// (testdata/stages/proposed-frame.txtar), in bokmål and nynorsk, and reads
// every page and download: wherever the proposed step's figures appear,
// nothing near them says adopted; the project page names the stage that
// proposed it and links there; the adopted frame leaves it out.
func TestProposedFrameNeverAdopted(t *testing.T) {
	nbsp := "\u00a0"
	for _, tc := range []struct{ malform, says string }{
		{"nb", "Foreslått av kommunedirektøren i forslag til økonomiplan 2026–2029"},
		{"nn", "Føreslått av kommunedirektøren i framlegg til økonomiplan 2026–2029"},
	} {
		t.Run(tc.malform, func(t *testing.T) {
			data := writeData(t, "../../testdata/base.txtar", "../../testdata/stages/forslag-only.txtar", "../../testdata/stages/proposed-frame.txtar")
			k := filepath.Join(data, "kommune.toml")
			if err := os.WriteFile(k, []byte(strings.Replace(read(t, k), `malform = "nb"`, `malform = "`+tc.malform+`"`, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "public")
			if err := buildSite(t, data, out, "https://example.github.io/portal/"); err != nil {
				t.Fatal(err)
			}
			var figures []string
			for _, n := range []string{"4 444 444", "24 444 444"} {
				figures = append(figures, strings.ReplaceAll(n, " ", nbsp)+nbsp+"kr", strings.ReplaceAll(n, " ", ""))
			}
			found := figuresNeverAdopted(t, out, figures, "the proposed")
			page := filepath.FromSlash("prosjekter/hall/index.html")
			if !found[page] {
				t.Fatalf("the project page does not show the proposed step (found in %v)", found)
			}
			assertContains(t, out, "prosjekter/hall/index.html",
				tc.says,
				`href="/portal/okonomiplan/2026-2029/#stadium-forslag-2026"`,
				"20"+nbsp+"000"+nbsp+"000"+nbsp+"kr", // the adjusted frame: the adopted one
			)
			// The adjusted frame and the frame growth never count the proposal.
			html := read(t, filepath.Join(out, page))
			if strings.Contains(html, "+4"+nbsp+"444"+nbsp+"444") {
				t.Error("the frame growth counts the proposed tillegg")
			}
		})
	}
}
