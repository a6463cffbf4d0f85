package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildOversikter builds a small kommune with a page of each kind of
// bevilgningsoversikt (an årsregnskap in the 2022 layout with a rounded
// sum, one in the 2020 layout printed with income negative, an
// økonomiplan at the stage forslag) with the real Hugo, in bokmål and
// nynorsk, and checks what each page says.
func TestBuildOversikter(t *testing.T) {
	nbsp := "\u00a0"
	for _, lang := range []string{"nb", "nn"} {
		t.Run(lang, func(t *testing.T) {
			data := writeData(t, "../../testdata/base.txtar", "testdata/oversikter.txtar")
			if lang == "nn" {
				k := filepath.Join(data, "kommune.toml")
				if err := os.WriteFile(k, []byte(strings.Replace(read(t, k), `malform = "nb"`, `malform = "nn"`, 1)), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out := filepath.Join(t.TempDir(), "public")
			if err := buildSite(t, data, out, "/"); err != nil {
				t.Fatal(err)
			}
			w := map[string]map[string]string{
				"nb": {"title25": "<h1>Bevilgningsoversikter – årsregnskap 2025</h1>", "line6": "Sum bevilgninger drift, netto",
					"line19_2020": "Netto avsetninger til eller bruk av bundne driftsfond", "forslag": "kommunedirektørens forslag, ikke vedtatt",
					"stage": "<dd>regnskap</dd>", "col": "Opprinnelig budsjett 2025", "section": "<h1>Bevilgningsoversikter</h1>", "inv": "Investeringsbevilgninger per år og rammeområde"},
				"nn": {"title25": "<h1>Løyvingsoversikter – årsrekneskap 2025</h1>", "line6": "Sum løyvingar drift, netto",
					"line19_2020": "Netto avsetningar til eller bruk av bundne driftsfond", "forslag": "kommunedirektøren sitt framlegg, ikkje vedteke",
					"stage": "<dd>regnskap</dd>", "col": "Opphavleg budsjett 2025", "section": "<h1>Løyvingsoversikter</h1>", "inv": "Investeringsløyvingar per år og rammeområde"},
			}[lang]
			// The årsregnskap 2025: figures in kroner from 1 000 kr, the
			// printed sum with the sum of its lines and the rounding.
			assertContains(t, out, "oversikter/2025-arsregnskap/index.html", w["title25"], w["line6"], w["col"],
				"298"+nbsp+"000"+nbsp+"000"+nbsp+"kr", "329"+nbsp+"001"+nbsp+"000"+nbsp+"kr", "329"+nbsp+"000"+nbsp+"000"+nbsp+"kr", "1"+nbsp+"000"+nbsp+"kr",
				`href="/data/oversikter.csv"`, `class="ds-table oversikt-table"`)
			// The extra line is printed where the document prints it,
			// between lines 22 and 23, without a number, and counted in
			// line 24's sum.
			p2025 := read(t, filepath.Join(out, "oversikter/2025-arsregnskap/index.html"))
			i22, iX, i23 := strings.Index(p2025, `<td class="num">22</td>`), strings.Index(p2025, `<tr class="extra-line"><td class="extra-nr"></td><th scope="row">Bruk av tidligere års mindreforbruk`), strings.Index(p2025, `<td class="num">23</td>`)
			if i22 < 0 || iX < i22 || i23 < iX {
				t.Errorf("2025-arsregnskap: the extra line is not between lines 22 and 23 (at %d, %d, %d)", i22, iX, i23)
			}
			if !strings.Contains(p2025, "«Bruk av tidligere års mindreforbruk»)") {
				t.Errorf("2025-arsregnskap: line 24's formula lacks the extra line")
			}
			// The 2020 layout has its own fund lines and 23 drift lines;
			// income printed negative is shown as printed.
			p2021 := read(t, filepath.Join(out, "oversikter/2021-arsregnskap/index.html"))
			for _, want := range []string{w["line19_2020"], "−225" + nbsp + "000" + nbsp + "000" + nbsp + "kr"} {
				if !strings.Contains(p2021, want) {
					t.Errorf("2021-arsregnskap lacks %q", want)
				}
			}
			if strings.Count(p2021, `<td class="num">24</td>`) != 0 || strings.Count(p2021, `<td class="num">23</td>`) != 1 {
				t.Errorf("2021-arsregnskap: want line 23 once and no line 24 in the 2020 layout (drift)")
			}
			// A forslag is never labelled adopted.
			forslag := read(t, filepath.Join(out, "oversikter/2026-okonomiplan-forslag/index.html"))
			if !strings.Contains(forslag, w["forslag"]) || !strings.Contains(forslag, `data-color="warning"`) {
				t.Errorf("the forslag page does not say it is not adopted")
			}
			for _, bad := range []string{"<dd>vedtatt", "<dd>vedteke"} {
				if strings.Contains(forslag, bad) {
					t.Errorf("the forslag page labels it adopted: %q", bad)
				}
			}
			// The section lists the oversikter, the downloads and the
			// projects' bevilgninger per year; the økonomi section links it.
			assertContains(t, out, "oversikter/index.html", w["section"], w["inv"], `href="/oversikter/2025-arsregnskap/"`,
				`href="/data/bevilgninger.csv"`, `href="/data/bevilgninger_per_ar.csv"`, "45"+nbsp+"000"+nbsp+"000"+nbsp+"kr", "8"+nbsp+"000"+nbsp+"000"+nbsp+"kr",
				`<span class="not-reported">– `)
			// A year an area has no bevilgning in is empty in the CSV, never 0.
			perAr := read(t, filepath.Join(out, "data/bevilgninger_per_ar.csv"))
			if !strings.Contains(perAr, "2025,helse,") || strings.Contains(perAr, "2025,helse,Helse og omsorg,0") || !strings.Contains(perAr, "2025,oppvekst,Oppvekst,45000000") {
				t.Errorf("bevilgninger_per_ar.csv:\n%s", perAr)
			}
			assertContains(t, out, "okonomiplan/index.html", `href="/oversikter/"`, `href="/oversikter/2021-arsregnskap/"`)
			// /kontroll/ shows the oversikter's checks with the rounding.
			assertContains(t, out, "kontroll/index.html", `id="kontroll-oversikt_sum"`, `id="kontroll-oversikt_rammer"`, `id="kontroll-oversikt_prosjekter"`, "± 2"+nbsp+"000"+nbsp+"kr")
			// Budget columns no økonomiplan in the data budgets are listed
			// as compared with nothing.
			assertContains(t, out, "kontroll/index.html", `id="kontroll-oversikt-uten-rammer"`, `href="/oversikter/2026-okonomiplan-forslag/"`)
			// The CSV has the printed figure and its kroner.
			csv := read(t, filepath.Join(out, "data/oversikter.csv"))
			// The extra line is a row of its own, in its place, with the
			// line it belongs to; a forslag's columns are typed forslag.
			if !strings.Contains(csv, "2025-arsregnskap,arsregnskap,regnskap,2022,drift,23,,true,24,Bruk av tidligere års mindreforbruk,regnskap,2025,regnskap,-1000000,-1000,") {
				t.Errorf("oversikter.csv lacks the extra line as row 23 of drift")
			}
			if !strings.Contains(csv, `2026-okonomiplan-forslag,okonomiplan,forslag,2022,drift,6,6,false,,"`+w["line6"]+`",2026,2026,forslag,`) {
				t.Errorf("oversikter.csv: the forslag's columns are not typed forslag")
			}
			if !strings.Contains(csv, "2025-arsregnskap,arsregnskap,regnskap,2022,drift,5,") || !strings.Contains(csv, ",329001000,329001,1000kr,standard,329000000,1000,") {
				t.Errorf("oversikter.csv lacks line 5 of 2025 with its printed figure, sum and rounding:\n%s", csv[:min(len(csv), 600)])
			}
			// Frame growth with its sign without a forecast, and figures
			// never reported shown as such, never as 0.
			notReported := map[string]string{"nb": "ikke rapportert", "nn": "ikkje rapportert"}[lang]
			assertContains(t, out, "prosjekter/c-hall/index.html", "&#43;6"+nbsp+"000"+nbsp+"000"+nbsp+"kr", "&#43;30,0"+nbsp+"%",
				`<span class="not-reported">– `+notReported+`</span>`)
			hall := read(t, filepath.Join(out, "prosjekter/c-hall/index.html"))
			if strings.Contains(hall, ">0"+nbsp+"kr<") {
				t.Errorf("c-hall shows 0 kr for a figure never reported")
			}
			checkLinks(t, out, "/")
			checkNoTemplateLeaks(t, out)
		})
	}
}
