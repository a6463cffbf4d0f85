package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestVotesNbNn builds a kommune whose budget vedtak has an alternative
// vote with counts and names, a unanimous point and a tie decided by the
// chair (testdata/bad/accept-votering.txtar), in bokmål and in nynorsk,
// and reads the votes off the vedtak page and the downloads.
func TestVotesNbNn(t *testing.T) {
	for _, tc := range []struct {
		malform string
		wants   []string
	}{
		{"nb", []string{
			`<h2 id="votering">Votering</h2>`,
			`<div class="votering" id="votering-1">`,
			`data-color="success">Vedtatt</span> <strong class="num">15–9</strong> <span class="muted">(1 fraværende)</span>`,
			`Votering over <a href="#forslag-innstilling">Formannskapets innstilling</a> mot <a href="#forslag-h-budsjett">Høyres alternative budsjett</a>`,
			`<dt>For Høyres alternative budsjett</dt>`,
			`<abbr title="Høyre">H</abbr> 9`,
			`<summary>Hvem stemte hva</summary>`,
			// The alternative budget links to the vote it fell in.
			`<li id="forslag-h-budsjett"><strong>Høyres alternative budsjett</strong> <span class="muted">(alternativt forslag, fremmet av Kari Nordmann (H), <abbr title="Høyre">H</abbr>)</span> <a href="#votering-1">Se voteringen</a>`,
			`<li id="forslag-endring-1"><strong>Endringsforslag om skolestruktur</strong> <span class="muted">(endringsforslag, <abbr title="Arbeiderpartiet">Ap</abbr>)</span> <a href="#punkt-2-votering-1">Se voteringen</a>`,
			`<div class="votering" id="punkt-1-votering-1">`,
			`Vedtatt</span> enstemmig`,
			// The tie, decided by the chair's casting vote.
			`<div class="votering" id="punkt-2-votering-1">`,
			`<strong class="num">12–12</strong>`,
		}},
		{"nn", []string{
			`<h2 id="votering">Votering</h2>`,
			`data-color="success">Vedteke</span> <strong class="num">15–9</strong> <span class="muted">(1 fråverande)</span>`,
			`<h3>Framlegg</h3>`,
			`(alternativt framlegg, fremja av Kari Nordmann (H)`,
			`Vedteke</span> samrøystes`,
			`<a href="#votering-1">Sjå voteringa</a>`,
			`<summary>Kven røysta kva</summary>`,
		}},
	} {
		t.Run(tc.malform, func(t *testing.T) {
			data := writeData(t, "../../testdata/base.txtar", "../../testdata/bad/accept-votering.txtar")
			k := filepath.Join(data, "kommune.toml")
			if err := os.WriteFile(k, []byte(strings.Replace(read(t, k), `malform = "nb"`, `malform = "`+tc.malform+`"`, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "public")
			if err := buildSite(t, data, out, "/"); err != nil {
				t.Fatal(err)
			}
			assertContains(t, out, "vedtak/kst-2024-090/index.html", tc.wants...)
			assertContains(t, out, "data/voteringer.csv", "kst-2024-090/votering-1/H,kst-2024-090,,votering-1,2024-12-12,innstilling,")
			assertContains(t, out, "data/voteringer-popolo.json", `"alternativ_motion_id": "kst-2024-090/h-budsjett"`)
			assertContains(t, out, "data/datapackage.json", `"path": "voteringer-popolo.json"`)
		})
	}
}
