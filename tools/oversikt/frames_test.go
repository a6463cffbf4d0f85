package oversikt_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/openkommune/portal/tools/diag"
	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/oversikt"
)

// stages is a data directory whose økonomiplan 2026–2029 is at the stages
// forslag (with a printed sum 1 000 kr off its rows) and innstilling (with
// an underområde whose figure is inside its parent's), not adopted.
var stages = map[string]string{
	"kommune.toml": "navn = \"Testvik\"\nmalform = \"nb\"\n",
	"rammeomrader.toml": `[[omrade]]
id = "oppvekst"
navn = "Oppvekst"
[[omrade]]
id = "helse"
navn = "Helse"
[[omrade]]
id = "sykehjem"
navn = "Sykehjem"
overordnet = "helse"
`,
	"vedtak/fsk-2025-061.toml": "id = \"fsk-2025-061\"\n",
	"okonomiplan/2026-2029.toml": `id = "2026-2029"
forste_ar = 2026
[[stadium]]
type = "forslag"
dato = 2025-10-28
dokument = "https://example.no/forslag.pdf"
sum_driftsrammer = [500_001_000, 502_000_000, 504_000_000, 506_000_000]
ramme = [
  { omrade = "oppvekst", belop = [300_000_000, 301_000_000, 302_000_000, 303_000_000] },
  { omrade = "helse",    belop = [200_000_000, 201_000_000, 202_000_000, 203_000_000] },
]
[[stadium]]
type = "innstilling"
vedtak = "fsk-2025-061"
ramme = [
  { omrade = "oppvekst", belop = [300_000_000, 301_000_000, 302_000_000, 303_000_000] },
  { omrade = "helse",    belop = [205_000_000, 206_000_000, 207_000_000, 208_000_000] },
  { omrade = "sykehjem", belop = [120_000_000, 121_000_000, 122_000_000, 123_000_000] },
]
`,
}

// planOversikt is an økonomiplan's § 5-4 at stage (none if ""), columns
// 2026–2028 in whole kroner, with line 6 as given.
func planOversikt(stadium string, line6 [3]int64) string {
	typed := map[int][3]int64{}
	for nr, v := range typedDrift {
		typed[nr] = v
	}
	typed[6] = line6
	head := "id = \"x\"\nar = 2026\ndokument = \"okonomiplan\"\noppsett = \"2022\"\nenhet = \"kr\"\n"
	if stadium != "" {
		head += fmt.Sprintf("stadium = %q\n", stadium)
	}
	head += "kolonner = [\"2026\", \"2027\", \"2028\"]\n"
	return head + part("drift", figures(oversikt.Drift, typed), 25)
}

func runStages(t *testing.T, text string, plan string) []string {
	t.Helper()
	fsys := fstest.MapFS{}
	for k, v := range stages {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	if plan != "" {
		fsys["okonomiplan/2026-2029.toml"] = &fstest.MapFile{Data: []byte(plan)}
	}
	fsys["oversikter/x.toml"] = &fstest.MapFile{Data: []byte(text)}
	set, diags := load.Load(fsys, "data")
	oversikt.Check(set, diags)
	var out []string
	for _, d := range diags.Sorted() {
		if d.Severity == diag.Error {
			out = append(out, d.String())
		}
	}
	return out
}

// Line 6 of a forslag or innstilling oversikt is compared with the frames
// of that stage: the printed sum where the stage states one, else its
// top-level areas (an underområde counted once); a stage the plan lacks
// is an error at stadium or at the column.
func TestStageFrames(t *testing.T) {
	forslag := [3]int64{500_001_000, 502_000_000, 504_000_000}
	innstilling := [3]int64{505_000_000, 507_000_000, 509_000_000}
	cases := []struct {
		name, text, plan string
		at, want         string // the text whose line the error is on, and the error; "" for none
	}{
		{"forslag agrees with the forslag's printed sum", planOversikt("forslag", forslag), "", "", ""},
		{"forslag off in one year", planOversikt("forslag", [3]int64{500_001_000, 502_300_000, 504_000_000}), "", "{ nr = 6,",
			`line 6 "Sum bevilgninger drift, netto", column 2027: the rammeområder's forslag frames for 2027 in data/okonomiplan/2026-2029.toml come to`},
		{"forslag against the rows, not the printed sum", planOversikt("forslag", [3]int64{500_000_000, 502_000_000, 504_000_000}), "", "{ nr = 6,", `column 2026: the rammeområder's forslag frames for 2026`},
		{"innstilling counts an underområde once", planOversikt("innstilling", innstilling), "", "", ""},
		{"innstilling compared with the innstilling, not the forslag", planOversikt("innstilling", forslag), "", "{ nr = 6,", `column 2026: the rammeområder's innstilling frames for 2026`},
		{"vedtatt without a vedtatt stage", planOversikt("", innstilling), "", "kolonner =",
			`column 2026 (2026) is at the stage vedtatt, but data/okonomiplan/2026-2029.toml has no vedtatt stage to compare line 6`},
		{"written stage the plan lacks", planOversikt("innstilling", innstilling), strings.Replace(stages["okonomiplan/2026-2029.toml"], `type = "innstilling"`, `type = "alternativ"`+"\nnavn = \"H\"", 1), "stadium =",
			`has no innstilling stage to compare line 6`},
		{"no plan budgets the years", strings.Replace(planOversikt("forslag", forslag), "ar = 2026", "ar = 2030", 1), "", "", ""},
		{"forslag with a vedtak", strings.Replace(planOversikt("forslag", forslag), "enhet =", "vedtak = \"fsk-2025-061\"\nenhet =", 1), "", "vedtak =", `a forslag is the kommunedirektør's proposal, not adopted by a vedtak`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			text := tc.text
			if tc.name == "no plan budgets the years" {
				text = strings.ReplaceAll(text, `"2026", "2027", "2028"`, `"2030", "2031", "2032"`)
			}
			errs := runStages(t, text, tc.plan)
			if tc.want == "" {
				if len(errs) > 0 {
					t.Fatalf("want no error; got:\n%s", strings.Join(errs, "\n"))
				}
				return
			}
			want := fmt.Sprintf("data/oversikter/x.toml:%d:", lineOf(text, tc.at))
			for _, e := range errs {
				if strings.HasPrefix(e, want) && strings.Contains(e, tc.want) {
					return
				}
			}
			t.Errorf("want an error at %s… containing %q; got:\n%s", want, tc.want, strings.Join(errs, "\n"))
		})
	}
}

// A budget document's own columns carry the oversikt's stage, never
// vedtatt for a forslag.
func TestOversiktColumnStage(t *testing.T) {
	set, _ := load.Load(fstest.MapFS{
		"kommune.toml":      {Data: []byte(stages["kommune.toml"])},
		"oversikter/x.toml": {Data: []byte(planOversikt("forslag", [3]int64{}))},
	}, "data")
	o := set.Oversikter[0]
	for code, want := range map[string]oversikt.ColumnKind{"2026": oversikt.KindForslag, "budsjett_i_fjor": oversikt.KindBudsjett, "regnskap_i_fjor": oversikt.KindRegnskap} {
		col, err := oversikt.OversiktColumn(o, code)
		if err != nil || col.Kind != want {
			t.Errorf("%s: %+v, %v; want kind %s", code, col, err, want)
		}
	}
}
