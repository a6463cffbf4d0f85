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

// base is a data directory with one økonomiplan (2025, frames 300 and
// 200 million kroner, a regulering of +1,4 million) and two projects.
var base = map[string]string{
	"kommune.toml": "navn = \"Testvik\"\nmalform = \"nb\"\n",
	"rammeomrader.toml": `[[omrade]]
id = "oppvekst"
navn = "Oppvekst"
[[omrade]]
id = "helse"
navn = "Helse"
`,
	"vedtak/kst-2024-090.toml": "id = \"kst-2024-090\"\n",
	"vedtak/kst-2025-010.toml": "id = \"kst-2025-010\"\n",
	"okonomiplan/2025-2028.toml": `id = "2025-2028"
vedtatt_i = "kst-2024-090"
forste_ar = 2025
[[ramme]]
omrade = "oppvekst"
belop = [300_000_000, 300_000_000, 300_000_000, 300_000_000]
[[ramme]]
omrade = "helse"
belop = [200_000_000, 200_000_000, 200_000_000, 200_000_000]
[[regulering]]
omrade = "helse"
ar = 2025
belop = 1_400_000
vedtak = "kst-2025-010"
`,
	"prosjekter/skole.toml": `id = "skole"
[[bevilgning]]
ar = 2025
belop = 40_000_000
vedtak = "kst-2024-090"
[[bevilgning]]
ar = 2025
belop = 5_000_000
vedtak = "kst-2025-010"
`,
	"prosjekter/aksjer.toml": `id = "aksjer"
investeringslinje = 3
[[bevilgning]]
ar = 2025
belop = 2_000_000
vedtak = "kst-2024-090"
`,
}

// typed are the typed lines of a 2022 årsregnskap in 1 000 kr, columns
// regnskap, regulert, opprinnelig; the computed lines are added by
// figures.
var typedDrift = map[int][3]int64{
	1: {200_000, 199_000, 198_000}, 2: {250_000, 249_000, 248_000}, 3: {20_000, 20_000, 20_000}, 4: {10_000, 9_000, 9_000},
	6: {470_000, 501_400, 500_000}, 7: {15_000, 15_000, 15_000},
	10: {2_000, 2_000, 2_000}, 11: {100, 100, 100}, 12: {-300, 0, 0}, 13: {9_000, 9_000, 9_000}, 14: {12_000, 12_000, 12_000},
	16: {15_000, 15_000, 15_000},
	18: {1_000, 1_000, 1_000}, 19: {500, 500, 500}, 20: {-400, -400, -400}, 21: {0, 0, 0}, 22: {0, 0, 0}, 23: {0, 0, 0},
}

var typedInv = map[int][3]int64{
	1: {44_000, 45_000, 40_000}, 2: {0, 0, 0}, 3: {2_000, 2_000, 2_000}, 4: {0, 0, 0}, 5: {0, 0, 0},
	7: {8_000, 8_000, 8_000}, 8: {0, 0, 0}, 9: {0, 0, 0}, 10: {0, 0, 0}, 11: {0, 0, 0}, 12: {0, 0, 0}, 13: {30_000, 30_000, 30_000},
	15: {0, 0, 0}, 16: {0, 0, 0}, 17: {0, 0, 0}, 18: {0, 0, 0},
	20: {1_000, 1_000, 1_000}, 21: {0, 0, 0}, 22: {0, 0, 0}, 23: {0, 0, 0}, 24: {0, 0, 0}, 25: {0, 0, 0},
}

// figures completes typed with the computed lines of part p.
func figures(p oversikt.Part, typed map[int][3]int64) map[int][3]int64 {
	ly := oversikt.Layouts["2022"]
	out := map[int][3]int64{}
	for nr, v := range typed {
		out[nr] = v
	}
	for _, l := range ly.Lines[p] {
		if !l.Computed() {
			continue
		}
		var v [3]int64
		for i := range v {
			v[i], _ = oversikt.SumOf(oversikt.Operands(ly, p, l, oversikt.Standard, nil), func(op oversikt.Operand) (int64, bool) { return out[op.Nr][i], true })
		}
		out[l.Nr] = v
	}
	return out
}

func part(name string, f map[int][3]int64, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "[%s]\nlinje = [\n", name)
	for nr := 1; nr <= n; nr++ {
		v := f[nr]
		fmt.Fprintf(&b, "  { nr = %d, belop = [%d, %d, %d] },\n", nr, v[0], v[1], v[2])
	}
	b.WriteString("]\n")
	return b.String()
}

const header = `id = "2025-arsregnskap"
ar = 2025
dokument = "arsregnskap"
oppsett = "2022"
enhet = "1000kr"
toleranse = 2
kolonner = ["regnskap", "regulert", "opprinnelig"]
`

// partB is § 5-4 part B for drift: the areas sum to line 6.
const partB = `omrade = [
  { omrade = "oppvekst", belop = [300000, 300000, 300000] },
  { omrade = "helse", belop = [170000, 201400, 200000] },
]
`

func good() string {
	return header + part("drift", figures(oversikt.Drift, typedDrift), 25) + part("investering", figures(oversikt.Investering, typedInv), 27)
}

// run loads base with the oversikt file text and returns the
// diagnostics of load and oversikt.Check, one per line.
func run(t *testing.T, text string, extra map[string]string) []string {
	t.Helper()
	fsys := fstest.MapFS{}
	for k, v := range base {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	for k, v := range extra {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	fsys["oversikter/2025-arsregnskap.toml"] = &fstest.MapFile{Data: []byte(text)}
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

func TestGoodOversikt(t *testing.T) {
	if errs := run(t, good(), nil); len(errs) > 0 {
		t.Fatalf("errors on a good file:\n%s", strings.Join(errs, "\n"))
	}
}

// lineOf is the 1-based line of the first occurrence of s in text.
func lineOf(text, s string) int {
	i := strings.Index(text, s)
	if i < 0 {
		return 0
	}
	return strings.Count(text[:i], "\n") + 1
}

func TestBadOversikt(t *testing.T) {
	g := good()
	cases := []struct {
		name string
		text string
		at   string // the text whose line the error must be on
		want string
	}{
		{"unknown oppsett", strings.Replace(g, `oppsett = "2022"`, `oppsett = "2019"`, 1), `oppsett =`, `oppsett "2019" is not a layout`},
		{"missing oppsett", strings.Replace(g, "oppsett = \"2022\"\n", "", 1), `id =`, `missing oppsett`},
		{"unknown unit", strings.Replace(g, `enhet = "1000kr"`, `enhet = "mill"`, 1), `enhet =`, `enhet "mill" is not a unit`},
		{"unknown column", strings.Replace(g, `"opprinnelig"]`, `"justert"]`, 1), `kolonner =`, `column "justert" is not one`},
		{"duplicate column", strings.Replace(g, `"opprinnelig"]`, `"regulert"]`, 1), `kolonner =`, `column "regulert" is named twice`},
		{"tolerance out of range", strings.Replace(g, `toleranse = 2`, `toleranse = 5000`, 1), `toleranse =`, `toleranse 5000 is out of range`},
		{"unknown line", strings.Replace(g, "{ nr = 25,", "{ nr = 26,", 1), `{ nr = 26,`, `line 26 is not a line of § 5-4 drift in the 2022 layout`},
		{"missing line", strings.Replace(g, "  { nr = 7, belop = [15000, 15000, 15000] },\n", "", 1), `linje = [`, `line 7 "Avskrivninger" of § 5-4 drift is missing`},
		{"duplicate line", strings.Replace(g, "{ nr = 4,", "{ nr = 3,", 1), `{ nr = 3, belop = [10000`, `line 3 is written twice`},
		{"wrong column count", strings.Replace(g, "{ nr = 2, belop = [250000, 249000, 248000] }", "{ nr = 2, belop = [250000, 249000] }", 1), `{ nr = 2, belop = [250000, 249000] }`, `2 figures, but kolonner names 3 columns`},
		{"computed line off", strings.Replace(g, "{ nr = 5, belop = [480000,", "{ nr = 5, belop = [480003,", 1), `{ nr = 5,`, `line 5 "Sum generelle driftsinntekter", column regnskap: the lines 1 + 2 + 3 + 4 sum to 480`},
		{"decimal figure", strings.Replace(g, "{ nr = 3, belop = [20000,", "{ nr = 3, belop = [20000.5,", 1), `{ nr = 3,`, `is a decimal number`},
		{"huge figure", strings.Replace(g, "{ nr = 21, belop = [0, 0, 0] }", "{ nr = 21, belop = [9000000000000, 0, 0] }", 1), `{ nr = 21, belop = [9000000000000`, `is out of range`},
		{"frames", strings.Replace(g, "{ nr = 6, belop = [470000, 501400, 500000] }", "{ nr = 6, belop = [470000, 501400, 500300] }", 1), `{ nr = 6,`, `column opprinnelig: the rammeområder's vedtatt frames for 2025`},
		{"regulated frames", strings.Replace(g, "{ nr = 6, belop = [470000, 501400, 500000] }", "{ nr = 6, belop = [470000, 501000, 500000] }", 1), `{ nr = 6,`, `column regulert: the rammeområder's regulated frames for 2025`},
		{"projects above line", strings.Replace(g, "{ nr = 3, belop = [2000, 2000, 2000] }", "{ nr = 3, belop = [2000, 2000, 1000] }", 1), `{ nr = 3, belop = [2000, 2000, 1000] }`, `line 3 "Investeringer i aksjer og andeler i selskaper", column opprinnelig: the projects' bevilgninger for 2025 in kst-2024-090 sum to 2`},
		{"all projects", strings.Replace(strings.Replace(g, "[investering]\n", "[investering]\nalle_prosjekter = true\n", 1), "{ nr = 1, belop = [44000, 45000, 40000] }", "{ nr = 1, belop = [44000, 45000, 40003] }", 1), `{ nr = 1, belop = [44000, 45000, 40003] }`, `column opprinnelig: the projects' bevilgninger for 2025 in kst-2024-090 sum to`},
		{"not all projects", strings.Replace(g, "{ nr = 1, belop = [44000, 45000, 40000] }", "{ nr = 1, belop = [44000, 45000, 40002] }", 1), "", ""},
		{"part B sum", strings.Replace(g, "[investering]", partB+"[investering]", 1), "", ""},
		{"part B off", strings.Replace(strings.Replace(g, "[investering]", partB+"[investering]", 1), `{ omrade = "helse", belop = [170000`, `{ omrade = "helse", belop = [170010`, 1), `{ nr = 6,`, `column regnskap: the rammeområder of part B sum to`},
		{"part B area", strings.Replace(strings.Replace(g, "[investering]", partB+"[investering]", 1), `{ omrade = "helse",`, `{ omrade = "eldre",`, 1), `{ omrade = "eldre",`, `rammeområde "eldre" does not exist`},
		{"part B twice", strings.Replace(strings.Replace(g, "[investering]", partB+"[investering]", 1), `{ omrade = "helse",`, `{ omrade = "oppvekst",`, 1), `{ omrade = "oppvekst", belop = [170000`, `rammeområde "oppvekst" is written twice`},
		{"part B in investering", g + "omrade = [{ omrade = \"helse\", belop = [1, 2, 3] }]\n", `omrade = [`, `unknown key "investering.omrade"`},
		{"duplicate document", g, `dokument =`, `arsregnskap 2025 (regnskap) is already in data/oversikter/2025-arsregnskap.toml`},
		{"unknown vedtak", strings.Replace(g, `enhet =`, `vedtak = "kst-2099-001"`+"\nenhet =", 1), `vedtak =`, `vedtak "kst-2099-001" does not exist`},
		{"stage on accounts", strings.Replace(g, `enhet =`, `stadium = "forslag"`+"\nenhet =", 1), `stadium =`, `an årsregnskap has no budget stage`},
		{"alternative stage", strings.Replace(g, `enhet =`, `stadium = "alternativ"`+"\nenhet =", 1), `stadium =`, `stadium: stadium "alternativ" is not one of: forslag, innstilling, vedtatt`},
		{"derived stage", strings.Replace(g, `enhet =`, `stadium = "regulert"`+"\nenhet =", 1), `stadium =`, `stadium: stadium "regulert" is not one of: forslag, innstilling, vedtatt`},
		{"bad link", strings.Replace(g, `enhet =`, `lenke = "www.example.no"`+"\nenhet =", 1), `lenke =`, `lenke "www.example.no" is not a web address`},
		{"unknown fortegn", strings.Replace(g, `enhet =`, `fortegn = "negativ"`+"\nenhet =", 1), `fortegn =`, `fortegn "negativ" is not a sign convention`},
		{"computed line within tolerance", strings.Replace(g, "{ nr = 5, belop = [480000,", "{ nr = 5, belop = [480002,", 1), "", ""},
		{"2020 layout has 23 drift lines", strings.Replace(g, `oppsett = "2022"`, `oppsett = "2020"`, 1), `{ nr = 24,`, `line 24 is not a line of § 5-4 drift in the 2020 layout (lines 1–23)`},
		{"kolonner not a list", strings.Replace(g, `kolonner = ["regnskap", "regulert", "opprinnelig"]`, `kolonner = "regnskap"`, 1), `kolonner =`, `kolonner`},
		{"nr as text", strings.Replace(g, "{ nr = 3,", `{ nr = "3",`, 1), `{ nr = "3",`, `nr`},
		{"linje not a list", strings.Replace(g, "[investering]\nlinje = [", "[investering]\nlinje = 5\nx = [", 1), `linje = 5`, `linje`},
		{"decimal tolerance", strings.Replace(g, `toleranse = 2`, `toleranse = 1.5`, 1), `toleranse =`, `toleranse`},
		{"empty part", strings.Replace(g, "[investering]\nlinje = [", "[investering]\nlinje = []\nx = [", 1), `linje = []`, `line 1 "Investeringer i varige driftsmidler" of § 5-5 investering is missing`},
		{"year out of range", strings.Replace(g, "ar = 2025", "ar = 1999", 1), `ar = 1999`, `ar 1999 is outside`},
		{"no parts", header, `id =`, `no oversikt in the file`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var extra map[string]string
			if tc.name == "duplicate document" {
				extra = map[string]string{"oversikter/2025-b.toml": strings.Replace(tc.text, `"2025-arsregnskap"`, `"2025-b"`, 1)}
			}
			errs := run(t, tc.text, extra)
			if tc.want == "" {
				if len(errs) > 0 {
					t.Errorf("want no error; got:\n%s", strings.Join(errs, "\n"))
				}
				return
			}
			if tc.name == "duplicate document" {
				errs = run(t, tc.text, extra)
				for _, e := range errs {
					if strings.HasPrefix(e, "data/oversikter/2025-b.toml:3:") && strings.Contains(e, tc.want) {
						return
					}
				}
				t.Fatalf("want the duplicate reported at 2025-b.toml:3; got:\n%s", strings.Join(errs, "\n"))
			}
			want := fmt.Sprintf("data/oversikter/2025-arsregnskap.toml:%d:", lineOf(tc.text, tc.at))
			for _, e := range errs {
				if strings.HasPrefix(e, want) && strings.Contains(e, tc.want) {
					return
				}
			}
			t.Errorf("want an error at %s… containing %q; got:\n%s", want, tc.want, strings.Join(errs, "\n"))
		})
	}
}

// TestUnitInMessages: a difference or a toleranse is named in the unit as
// printed ("1 000 kr"), never by its code ("1000kr"), which reads as a
// figure run into the one before it ("−167 924 1000kr").
func TestUnitInMessages(t *testing.T) {
	g := good()
	for name, text := range map[string]string{
		"computed line": strings.Replace(g, "{ nr = 5, belop = [480000,", "{ nr = 5, belop = [480003,", 1),
		"frames":        strings.Replace(g, "{ nr = 6, belop = [470000, 501400, 500000] }", "{ nr = 6, belop = [470000, 501400, 500300] }", 1),
		"part B":        strings.Replace(strings.Replace(g, "[investering]", partB+"[investering]", 1), `{ omrade = "helse", belop = [170000`, `{ omrade = "helse", belop = [170010`, 1),
	} {
		errs := run(t, text, nil)
		if len(errs) == 0 {
			t.Errorf("%s: want an error", name)
		}
		for _, e := range errs {
			if strings.Contains(e, "1000kr") || !strings.Contains(e, "(in 1\u00a0000\u00a0kr)") {
				t.Errorf("%s: want the unit as printed, (in 1 000 kr), not its code: %s", name, e)
			}
		}
	}
}

// The same oversikt printed with income negative passes, frames and
// projects included; printed so without fortegn it fails.
func TestIncomeNegative(t *testing.T) {
	ly := oversikt.Layouts["2022"]
	flip := func(p oversikt.Part, f map[int][3]int64) map[int][3]int64 {
		out := map[int][3]int64{}
		for nr, v := range f {
			l, _ := ly.Line(p, nr)
			k := int64(l.Kind)
			out[nr] = [3]int64{v[0] * k, v[1] * k, v[2] * k}
		}
		return out
	}
	text := header + part("drift", flip(oversikt.Drift, figures(oversikt.Drift, typedDrift)), 25) + part("investering", flip(oversikt.Investering, figures(oversikt.Investering, typedInv)), 27)
	if errs := run(t, strings.Replace(text, `enhet =`, `fortegn = "inntekt_negativ"`+"\nenhet =", 1), nil); len(errs) > 0 {
		t.Fatalf("errors with fortegn = inntekt_negativ:\n%s", strings.Join(errs, "\n"))
	}
	if errs := run(t, text, nil); len(errs) == 0 {
		t.Fatal("no error for income printed negative without fortegn")
	}
}

// A project's investeringslinje must be a § 5-5 line projects belong to,
// and one year's bevilgninger of all projects stay within money.MaxSum.
func TestProjectChecks(t *testing.T) {
	bad := `id = "x"
investeringslinje = 7
[[bevilgning]]
ar = 2030
belop = 9_000_000_000_000
vedtak = "kst-2024-090"
`
	extra := map[string]string{"prosjekter/x.toml": bad}
	for i := range 120 {
		extra[fmt.Sprintf("prosjekter/y%d.toml", i)] = fmt.Sprintf("id = \"y%d\"\n[[bevilgning]]\nar = 2030\nbelop = 9_000_000_000_000\nvedtak = \"kst-2024-090\"\n", i)
	}
	errs := strings.Join(run(t, good(), extra), "\n")
	for _, want := range []string{
		"data/prosjekter/x.toml:2:1: error: investeringslinje: 7 is not a § 5-5 line",
		"error: bevilgning[0].belop: with this amount the projects' bevilgninger for 2030 add up to more than",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("want %q; got:\n%s", want, errs)
		}
	}
}
