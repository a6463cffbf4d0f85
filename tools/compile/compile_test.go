package compile_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/synth"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files")

// set loads the base data with extra files laid over it and fails the test
// if the result does not check.
func set(t *testing.T, extra map[string]string) *record.Set {
	t.Helper()
	a, err := txtar.ParseFile("../../testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	for name, data := range extra {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	s, diags := load.Load(fsys, "data")
	check.Check(s, diags)
	if diags.Errors() > 0 {
		var b strings.Builder
		diags.Print(&b)
		t.Fatalf("test data does not check:\n%s", b.String())
	}
	return s
}

func TestGolden(t *testing.T) {
	site := compile.Compile(set(t, nil))
	got, err := json.MarshalIndent(site, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	const golden = "testdata/base.golden.json"
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("compiled model differs from %s; re-run with -update and review the diff", golden)
	}
}

// project is a project file in the base data's terms: frames decided by
// kst-2024-090 (2024-12-12) and kst-2025-030 (2025-06-12); the reference
// date is 2026-10-31 and the alert threshold 5 %.
const projectHead = `
id = "p"
nummer = "9000"
navn = "Prosjekt"
omrade = "oppvekst"
ansvarlig = "Eiendom"
planlagt_ferdig = 2025-10-01
`

func TestProjectFigures(t *testing.T) {
	for _, tc := range []struct {
		name string
		toml string
		// want
		justert, tillegg, avvik  int64
		avvikPct, avvikOppPct    float64
		hasForecast, over, alert bool
		delay                    int
		sluttForfalt             bool
		andel                    float64
	}{
		{
			name: "on budget",
			toml: `fase = "bygging"
[[kostnadsramme]]
type = "opprinnelig"
belop = 100_000_000
vedtak = "kst-2024-090"
[[regnskap]]
ar = 2025
belop = 25_000_000
[[statusrapport]]
ar = 2026
periode = "t2"
prognose = 100_000_000
forventet_ferdig = 2025-10-01
risiko = "gronn"`,
			justert: 100_000_000, avvik: 0, avvikPct: 0, avvikOppPct: 0, hasForecast: true, andel: 25,
		},
		{
			name: "raised frame and still over by 6 %",
			toml: `fase = "bygging"
[[kostnadsramme]]
type = "opprinnelig"
belop = 130_000_000
vedtak = "kst-2024-090"
[[kostnadsramme]]
type = "tillegg"
belop = 20_000_000
vedtak = "kst-2025-030"
[[statusrapport]]
ar = 2026
periode = "t1"
prognose = 140_000_000
forventet_ferdig = 2026-02-01
risiko = "gul"
[[statusrapport]]
ar = 2026
periode = "t2"
prognose = 159_000_000
forventet_ferdig = 2026-04-20
risiko = "rod"`,
			justert: 150_000_000, tillegg: 20_000_000, avvik: 9_000_000, avvikPct: 6, avvikOppPct: 22.3,
			hasForecast: true, over: true, alert: true, delay: 7,
		},
		{
			name: "over but under the alert threshold",
			toml: `fase = "bygging"
[[kostnadsramme]]
type = "opprinnelig"
belop = 200_000_000
vedtak = "kst-2024-090"
[[statusrapport]]
ar = 2026
periode = "t2"
prognose = 209_000_000
risiko = "gul"`,
			justert: 200_000_000, avvik: 9_000_000, avvikPct: 4.5, avvikOppPct: 4.5, hasForecast: true, over: true,
		},
		{
			name: "reduced frame, under budget",
			toml: `fase = "bygging"
[[kostnadsramme]]
type = "opprinnelig"
belop = 50_000_000
vedtak = "kst-2024-090"
[[kostnadsramme]]
type = "reduksjon"
belop = -10_000_000
vedtak = "kst-2025-030"
[[statusrapport]]
ar = 2025
periode = "t2"
prognose = 38_000_000
risiko = "gronn"`,
			justert: 40_000_000, tillegg: -10_000_000, avvik: -2_000_000, avvikPct: -5, avvikOppPct: -24, hasForecast: true,
		},
		{
			name: "handed over seven months ago, no sluttregnskap",
			toml: `fase = "overtatt"
overtatt = 2026-03-15
[[kostnadsramme]]
type = "opprinnelig"
belop = 8_000_000
vedtak = "kst-2024-090"
[[regnskap]]
ar = 2025
belop = 4_000_000
[[regnskap]]
ar = 2026
belop = 4_400_000`,
			justert: 8_000_000, delay: 5, sluttForfalt: true, andel: 105,
		},
		{
			name: "handed over five months ago: not yet overdue",
			toml: `fase = "overtatt"
overtatt = 2026-06-01
[[kostnadsramme]]
type = "opprinnelig"
belop = 8_000_000
vedtak = "kst-2024-090"`,
			justert: 8_000_000, delay: 8,
		},
		{
			name: "no forecast yet",
			toml: `fase = "forprosjekt"
[[kostnadsramme]]
type = "opprinnelig"
belop = 3_000_000
vedtak = "kst-2025-030"`,
			justert: 3_000_000,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := compile.Compile(set(t, map[string]string{"prosjekter/p.toml": projectHead + tc.toml}))
			var p *model.Prosjekt
			for _, x := range site.Prosjekter {
				if x.ID == "p" {
					p = x
				}
			}
			if p.Justert.Kr != tc.justert || p.Tillegg.Kr != tc.tillegg {
				t.Errorf("justert %d, tillegg %d; want %d, %d", p.Justert.Kr, p.Tillegg.Kr, tc.justert, tc.tillegg)
			}
			if (p.Prognose != nil) != tc.hasForecast {
				t.Fatalf("prognose %v, want present=%v", p.Prognose, tc.hasForecast)
			}
			if tc.hasForecast {
				if p.AvvikJustert.Kr != tc.avvik || p.AvvikJustertPct.Verdi != tc.avvikPct || p.AvvikOpprinneligPct.Verdi != tc.avvikOppPct {
					t.Errorf("avvik %d (%v %%, %v %% against original); want %d (%v %%, %v %%)",
						p.AvvikJustert.Kr, p.AvvikJustertPct.Verdi, p.AvvikOpprinneligPct.Verdi, tc.avvik, tc.avvikPct, tc.avvikOppPct)
				}
			} else if p.AvvikJustert != nil {
				t.Errorf("avvik %v without a forecast", p.AvvikJustert)
			}
			if p.OverRamme != tc.over || p.Varsel != tc.alert {
				t.Errorf("over %v, alert %v; want %v, %v", p.OverRamme, p.Varsel, tc.over, tc.alert)
			}
			if p.ForsinkelseMnd != tc.delay {
				t.Errorf("delay %d months, want %d", p.ForsinkelseMnd, tc.delay)
			}
			if p.SluttregnskapForfalt != tc.sluttForfalt {
				t.Errorf("sluttregnskap overdue %v, want %v", p.SluttregnskapForfalt, tc.sluttForfalt)
			}
			if tc.andel != 0 && (p.AndelBrukt == nil || p.AndelBrukt.Verdi != tc.andel) {
				t.Errorf("andel brukt %v, want %v", p.AndelBrukt, tc.andel)
			}
		})
	}
}

func TestForsinket(t *testing.T) {
	ref := caldate.MustParse("2026-10-31")
	for _, tc := range []struct {
		frist  string
		status record.Status
		want   bool
	}{
		{"2026-10-30", record.UnderArbeid, true},
		{"2026-10-30", record.IkkeStartet, true},
		{"2026-10-31", record.UnderArbeid, false}, // due today is not late
		{"2026-11-30", record.UnderArbeid, false},
		{"2025-01-01", record.Fullfort, false},
		{"2025-01-01", record.Utgar, false},
		{"", record.UnderArbeid, false}, // no due date
	} {
		var frist caldate.Date
		if tc.frist != "" {
			frist = caldate.MustParse(tc.frist)
		}
		if got := compile.Forsinket(frist, tc.status, ref); got != tc.want {
			t.Errorf("Forsinket(%s, %s) = %v, want %v", tc.frist, tc.status, got, tc.want)
		}
	}
}

func TestBudgetChain(t *testing.T) {
	site := compile.Compile(set(t, nil))
	o := site.Okonomiplaner[0]
	if got := o.SumVedtatt[0].Kr; got != 300_000_000 {
		t.Errorf("sum vedtatt 2025 = %d", got)
	}
	if got := o.SumRegulert[0].Kr; got != 302_500_000 {
		t.Errorf("sum regulert 2025 = %d, want 302 500 000 after the 2.5 MNOK regulering", got)
	}
	var helse *model.Omrade
	for _, a := range site.Omrader {
		if a.ID == "helse" {
			helse = a
		}
	}
	r := helse.Rammer[0]
	if r.Ar != 2025 || len(r.Steg) != 2 || r.Steg[1].Ramme.Kr != 102_500_000 || r.Steg[1].Vedtak.ID != "kst-2025-030" {
		t.Errorf("helse 2025 chain = %+v", r)
	}
	// The t1 2025 accounts are judged against the frame as regulated by
	// the end of April: the June regulering is not in it yet.
	if got := helse.Regnskap[0]; got.Ramme.Kr != 100_000_000 || got.Avvik.Kr != 4_000_000 {
		t.Errorf("helse t1 2025: ramme %d, avvik %d; want 100 000 000 and 4 000 000", got.Ramme.Kr, got.Avvik.Kr)
	}
	// The vedtak that regulated shows the money it moved.
	for _, v := range site.Vedtak {
		if v.ID == "kst-2025-030" {
			if len(v.Penger) != 2 {
				t.Errorf("kst-2025-030 moved %d amounts, want 2 (a regulering and a tilleggsbevilgning): %+v", len(v.Penger), v.Penger)
			}
		}
	}
}

func TestFormatPct(t *testing.T) {
	for v, want := range map[float64]string{0: "0,0\u00a0%", 12.5: "12,5\u00a0%", -3: "−3,0\u00a0%", 100: "100,0\u00a0%"} {
		if got := compile.FormatPct(v); got != want {
			t.Errorf("FormatPct(%v) = %q, want %q", v, got, want)
		}
	}
}

// TestCompileAsOf: a later date judges deadlines later; the reported
// statuses and everything else stay those of the data.
func TestCompileAsOf(t *testing.T) {
	s, diags := load.Load(os.DirFS("../../data"), "data")
	check.Check(s, diags)
	if diags.Errors() > 0 {
		t.Fatal("the example data has errors")
	}
	ref := s.Kommune.Referansedato
	base := compile.Compile(s)
	for _, d := range []caldate.Date{{}, ref, caldate.New(ref.Y-1, ref.M, ref.D)} {
		if got := compile.CompileAsOf(s, d); !reflect.DeepEqual(got, base) {
			t.Errorf("CompileAsOf(%v) differs from Compile", d)
		}
	}
	later := caldate.New(ref.Y+10, ref.M, ref.D)
	l := compile.CompileAsOf(s, later)
	if l.Kommune.Vurdert.ISO != later.String() || l.Kommune.Referansedato != base.Kommune.Referansedato {
		t.Errorf("vurdert %v, referansedato %v", l.Kommune.Vurdert, l.Kommune.Referansedato)
	}
	open, late := 0, 0
	for _, v := range l.Vedtak {
		for _, p := range v.Punkter {
			if p.Frist != nil && p.Status != "fullfort" && p.Status != "utgar" {
				open++
				if !p.Forsinket {
					t.Errorf("%s punkt %d (frist %s, %s) is not late ten years on", v.ID, p.Nr, p.Frist.ISO, p.Status)
				}
			}
			if p.Forsinket {
				late++
			}
		}
	}
	if open == 0 || l.Nokkeltall.PunkterForsinket != late || late <= base.Nokkeltall.PunkterForsinket {
		t.Errorf("open points with a frist %d; late %d (was %d); key figure %d", open, late, base.Nokkeltall.PunkterForsinket, l.Nokkeltall.PunkterForsinket)
	}
}

// TestVedtakAr: each year's summary counts exactly the vedtak of that year,
// which lie at vedtak[fra:fra+antall], per utvalg in kommune.toml's order.
func TestVedtakAr(t *testing.T) {
	s, diags := load.Load(synth.FS(synth.Size{Vedtak: 900, Prosjekter: 20, Planer: 3, Seed: 2, Years: 4}), "data")
	check.Check(s, diags)
	if diags.Errors() > 0 {
		t.Fatal("synthetic data does not check")
	}
	site := compile.Compile(s)
	if len(site.VedtakAr) != 4 {
		t.Fatalf("%d years, want 4", len(site.VedtakAr))
	}
	total := 0
	for i, y := range site.VedtakAr {
		if i > 0 && y.Ar >= site.VedtakAr[i-1].Ar {
			t.Errorf("year %d after %d: want newest first", y.Ar, site.VedtakAr[i-1].Ar)
		}
		if y.Fra != total || y.Path != fmt.Sprintf("vedtak/%d/", y.Ar) {
			t.Errorf("%d: fra %d, path %q", y.Ar, y.Fra, y.Path)
		}
		total += y.Antall
		perUtvalg := map[string]int{}
		punkter, apne, sent := 0, 0, 0
		for _, v := range site.Vedtak[y.Fra : y.Fra+y.Antall] {
			if v.Ar != y.Ar {
				t.Fatalf("%d: vedtak %s of %d in the year's range", y.Ar, v.ID, v.Ar)
			}
			perUtvalg[v.Utvalg.Kode]++
			punkter += len(v.Punkter)
			apne += v.Apne
			sent += v.Forsinket
		}
		if punkter != y.Punkter || apne != y.Apne || sent != y.Forsinket {
			t.Errorf("%d: %d/%d/%d points, open, late; counted %d/%d/%d", y.Ar, y.Punkter, y.Apne, y.Forsinket, punkter, apne, sent)
		}
		var order []string
		for _, u := range y.Utvalg {
			order = append(order, u.Kode)
			if perUtvalg[u.Kode] != u.Antall {
				t.Errorf("%d %s: %d vedtak, counted %d", y.Ar, u.Kode, u.Antall, perUtvalg[u.Kode])
			}
		}
		if want := []string{"KST", "FSK", "HOK", "HHS", "HTM"}; !reflect.DeepEqual(order, want) {
			t.Errorf("%d: utvalg %v, want %v", y.Ar, order, want)
		}
	}
	if total != len(site.Vedtak) {
		t.Errorf("the years count %d vedtak of %d", total, len(site.Vedtak))
	}
}

// TestFrameGrowthAndUnreported: a project's frame growth against its
// original frame is derived with its sign whether or not a forecast exists,
// and a spend never reported stays unreported (nil), never 0 kr.
func TestFrameGrowthAndUnreported(t *testing.T) {
	frames := func(steps ...string) string {
		s := ""
		for i, b := range steps {
			typ, v := "opprinnelig", "kst-2024-090"
			if i > 0 {
				typ, v = "tillegg", "kst-2025-030"
				if strings.HasPrefix(b, "-") {
					typ = "reduksjon"
				}
			}
			s += fmt.Sprintf("[[kostnadsramme]]\ntype = %q\nbelop = %s\nvedtak = %q\n", typ, b, v)
		}
		return s
	}
	for _, tc := range []struct {
		name, toml        string
		vekst, vekstPct   string // "" for none
		spent, spentShare string // "" for not reported
	}{
		{"raised by 30 % without a forecast", "fase = \"bygging\"\n" + frames("130_000_000", "39_000_000"),
			"+39\u00a0000\u00a0000\u00a0kr", "+30,0\u00a0%", "", ""},
		{"reduced", "fase = \"bygging\"\n" + frames("50_000_000", "-10_000_000") + "[[regnskap]]\nar = 2025\nbelop = 0\n",
			"−10\u00a0000\u00a0000\u00a0kr", "−20,0\u00a0%", "0\u00a0kr", "0,0\u00a0%"},
		{"unchanged", "fase = \"bygging\"\n" + frames("8_000_000") + "[[regnskap]]\nar = 2025\nbelop = 2_000_000\n",
			"0\u00a0kr", "0,0\u00a0%", "2\u00a0000\u00a0000\u00a0kr", "25,0\u00a0%"},
		{"no frame decided", "fase = \"behovsutredning\"\n", "", "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := compile.Compile(set(t, map[string]string{"prosjekter/p.toml": projectHead + tc.toml}))
			var p *model.Prosjekt
			for _, x := range site.Prosjekter {
				if x.ID == "p" {
					p = x
				}
			}
			text := func(k *model.Kr) string {
				if k == nil {
					return ""
				}
				return k.Tekst
			}
			pct := func(k *model.Pct) string {
				if k == nil {
					return ""
				}
				return k.Tekst
			}
			if got := text(p.Rammevekst); got != tc.vekst {
				t.Errorf("rammevekst %q, want %q", got, tc.vekst)
			}
			if got := pct(p.RammevekstPct); got != tc.vekstPct {
				t.Errorf("rammevekst %q, want %q", got, tc.vekstPct)
			}
			if got := text(p.RegnskapSum); got != tc.spent {
				t.Errorf("regnskap sum %q, want %q", got, tc.spent)
			}
			if got := pct(p.AndelBrukt); got != tc.spentShare {
				t.Errorf("andel brukt %q, want %q", got, tc.spentShare)
			}
		})
	}
}

// TestInvestering: the projects' bevilgninger are summed per year and
// area; a year an area has none is nil (not reported), never 0.
func TestInvestering(t *testing.T) {
	set, diags := load.Load(os.DirFS("../../data"), "data")
	if diags.Errors() > 0 {
		t.Fatal("the example data has errors")
	}
	site := compile.Compile(set)
	inv := site.Investering
	if len(inv.Ar) == 0 || len(inv.Sum) != len(inv.Ar) {
		t.Fatalf("investering: years %v, sums %v", inv.Ar, inv.Sum)
	}
	want := map[int]int64{}
	for _, p := range set.Prosjekter {
		for _, b := range p.Bevilgning {
			want[b.Ar] += b.Belop.Kr
		}
	}
	sawNil := false
	for i, y := range inv.Ar {
		if inv.Sum[i].Kr != want[y] {
			t.Errorf("%d: sum %d, want %d", y, inv.Sum[i].Kr, want[y])
		}
		var areas int64
		for _, a := range inv.Omrader {
			if a.Belop[i] == nil {
				sawNil = true
				continue
			}
			areas += a.Belop[i].Kr
		}
		if areas != want[y] {
			t.Errorf("%d: areas sum to %d, want %d", y, areas, want[y])
		}
	}
	if !sawNil {
		t.Error("no area without a bevilgning in some year: the example should show one as not reported")
	}
}
