package reconcile

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/model"
)

func example(t *testing.T) *model.Site {
	t.Helper()
	set, diags := load.Load(os.DirFS("../../data"), "data")
	check.Check(set, diags)
	if diags.Errors() > 0 {
		t.Fatal("the example data has errors")
	}
	return compile.Compile(set)
}

// TestExampleReconciles: every sum of the example adds up, and every kind
// of check is exercised.
func TestExampleReconciles(t *testing.T) {
	r := Run(example(t))
	if r.Failed > 0 {
		t.Fatal(r.Error())
	}
	kinds := map[string]int{}
	whats := map[string]int{}
	for _, c := range r.Checks {
		kinds[c.Kind]++
		whats[c.What]++
	}
	// Every plan of the example prints its sums: its computed totals are
	// adopted_computed and stage_computed.
	for _, w := range []string{"stated_total", "subtotal_printed", "adopted_computed", "stage_computed", "stage_total", "regulated_computed", "regulated_shown", "regulated_minus_adopted", "area_regulated_minus_adopted", "adjusted_frame", "frame_changes", "spend_total", "deviation",
		"count_vedtak", "count_punkter", "count_punkter_apne", "count_punkter_forsinket", "count_planer", "count_tiltak", "count_prosjekter", "count_prosjekter_aktive",
		"count_prosjekter_over_ramme", "count_sluttregnskap_forfalt", "sum_justert_ramme", "sum_prognose", "driftsrammer",
		"rows_vedtak", "rows_punkter", "rows_punkter_apne", "rows_punkter_forsinket"} {
		if whats[w] == 0 {
			t.Errorf("no %s check in the example (%v)", w, whats)
		}
	}
}

// TestTamperedFiguresFail: a figure changed after compile is caught, with
// the figures in the message.
func TestTamperedFiguresFail(t *testing.T) {
	for _, tc := range []struct {
		name   string
		tamper func(s *model.Site)
		want   string
	}{
		{"adopted total", func(s *model.Site) { planByID(s, "2025-2028").SumVedtatt[1].Kr += 1000 }, "adopted_computed"},
		{"stated total", func(s *model.Site) { planByID(s, "2025-2028").Stadier[0].SumOppgitt[0].Kr -= 1 }, "stated_total"},
		{"regulated total shown", func(s *model.Site) { planByID(s, "2025-2028").SumRegulertVist[0].Kr += 1000 }, "regulated_shown"},
		{"a stage's total", func(s *model.Site) { planByID(s, "2026-2029").Stadier[1].Sum[2].Kr += 1 }, "stage_total"},
		{"regulated frame of an area", func(s *model.Site) { planByID(s, "2025-2028").Rammer[2].Regulert[0].Kr += 500 }, "area_regulated_minus_adopted"},
		{"a regulering", func(s *model.Site) { planByID(s, "2025-2028").Reguleringer[0].Belop.Kr += 1 }, "regulated_minus_adopted"},
		{"adjusted frame", func(s *model.Site) { s.Prosjekter[0].Justert.Kr += 1 }, "adjusted_frame"},
		{"a frame step", func(s *model.Site) { s.Prosjekter[0].Rammehistorikk[1].Ramme.Kr -= 7 }, "step_frame"},
		{"spend", func(s *model.Site) { s.Prosjekter[0].Regnskap[0].Belop.Kr += 3 }, "spend_total"},
		{"deviation", func(s *model.Site) {
			v := *s.Prosjekter[0].AvvikJustert
			v.Kr += 9
			s.Prosjekter[0].AvvikJustert = &v
		}, "deviation"},
		// The home page's figures (also the vedtak list's footer).
		{"home: vedtak", func(s *model.Site) { s.Nokkeltall.Vedtak++ }, "count_vedtak"},
		{"home: points", func(s *model.Site) { s.Nokkeltall.Punkter-- }, "count_punkter"},
		{"home: open points", func(s *model.Site) { s.Nokkeltall.PunkterApne++ }, "count_punkter_apne"},
		{"home: late points", func(s *model.Site) { s.Nokkeltall.PunkterForsinket++ }, "count_punkter_forsinket"},
		{"home: plans", func(s *model.Site) { s.Nokkeltall.Planer++ }, "count_planer"},
		{"home: tiltak", func(s *model.Site) { s.Nokkeltall.Tiltak++ }, "count_tiltak"},
		{"home: projects", func(s *model.Site) { s.Nokkeltall.Prosjekter++ }, "count_prosjekter"},
		{"home: active projects", func(s *model.Site) { s.Nokkeltall.ProsjekterAktive-- }, "count_prosjekter_aktive"},
		{"home: projects over", func(s *model.Site) { s.Nokkeltall.ProsjekterOverRamme++ }, "count_prosjekter_over_ramme"},
		{"home: final accounts overdue", func(s *model.Site) { s.Nokkeltall.SluttregnskapForfalt++ }, "count_sluttregnskap_forfalt"},
		{"home: frames total", func(s *model.Site) { s.Nokkeltall.SumJustertRamme.Kr += 1 }, "sum_justert_ramme"},
		{"home: forecasts total", func(s *model.Site) { s.Nokkeltall.SumPrognose.Kr -= 1 }, "sum_prognose"},
		{"home: driftsrammer", func(s *model.Site) { s.Nokkeltall.Driftsrammer.Kr += 1000 }, "driftsrammer"},
		// A total that wrapped: the home page's total of frames as it
		// would have been after an int64 overflow.
		{"home: wrapped frames total", func(s *model.Site) { s.Nokkeltall.SumJustertRamme.Kr = math.MinInt64 + 5 }, "out of the range"},
		// The vedtak list's rows by year.
		{"year row: vedtak", func(s *model.Site) { s.VedtakAr[0].Antall++ }, "count_vedtak"},
		{"year row: open points", func(s *model.Site) { s.VedtakAr[1].Apne-- }, "count_punkter_apne"},
		{"year row: late points", func(s *model.Site) { s.VedtakAr[0].Forsinket++ }, "rows_punkter_forsinket"},
		{"year row: points", func(s *model.Site) { s.VedtakAr[0].Punkter++ }, "rows_punkter"},
		// A figure behind a total changed: the total no longer agrees.
		{"a project's frame behind the total", func(s *model.Site) {
			for _, p := range s.Prosjekter {
				if p.Fase != "avsluttet" {
					p.Justert.Kr += 5
					return
				}
			}
		}, "sum_justert_ramme"},
		{"a point's status behind the count", func(s *model.Site) {
			for _, v := range s.Vedtak {
				for _, p := range v.Punkter {
					if p.Status == "fullfort" {
						p.Status = "under_arbeid"
						return
					}
				}
			}
		}, "count_punkter_apne"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := example(t)
			tc.tamper(s)
			r := Run(s)
			if r.Failed == 0 {
				t.Fatal("not caught")
			}
			if msg := r.Error(); !strings.Contains(msg, tc.want) || !strings.Contains(msg, "difference") && !strings.Contains(msg, "out of the range") {
				t.Errorf("message %q lacks %q and the difference", msg, tc.want)
			}
		})
	}
}

// TestChecksHaveTexts: the page /kontroll/ names each kind and each check
// in bokmål and nynorsk, and lists each kind.
func TestChecksHaveTexts(t *testing.T) {
	r := Run(example(t))
	page, err := os.ReadFile("../../layouts/kontroll/section.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"nb", "nn"} {
		var m map[string]any
		if _, err := toml.DecodeFile("../../i18n/"+lang+".toml", &m); err != nil {
			t.Fatal(err)
		}
		for _, c := range r.Checks {
			for _, k := range []string{"kontroll_" + c.Kind, "kontroll_" + c.Kind + "_explain", "kontroll_what_" + c.What} {
				if m[k] == nil {
					t.Errorf("%s.toml lacks %s", lang, k)
				}
			}
			if !strings.Contains(string(page), `"`+c.Kind+`"`) {
				t.Errorf("the kontroll page does not list kind %s", c.Kind)
			}
		}
	}
}

// TestPrintedSumsWithinTolerance: the example's forslag of 2026–2029 is
// typed in 1 000 kr with printed sums that differ from its rows by
// rounding, within its toleranse: the check passes and shows the
// difference; a printed sum outside the toleranse fails, and the message
// names the toleranse.
func TestPrintedSumsWithinTolerance(t *testing.T) {
	site := example(t)
	var o *model.Okonomiplan
	for _, p := range site.Okonomiplaner {
		if p.ID == "2026-2029" {
			o = p
		}
	}
	if o == nil || len(o.Stadier) == 0 || o.Stadier[0].Type != "forslag" {
		t.Fatal("the example has no økonomiplan 2026-2029 with a forslag first")
	}
	r := Run(site)
	if r.Failed > 0 {
		t.Fatal(r.Error())
	}
	rounded := 0
	for _, c := range r.Checks {
		if c.Kind == "oppgitt_sum" && c.What == "stated_total" && c.Subject.ID == "2026-2029" && c.Stadium == "forslag" {
			if c.Avrunding == nil || c.Toleranse == nil || c.Toleranse.Kr != 2000 {
				t.Fatalf("check %+v: want the rounding and a toleranse of 2 000 kr", c)
			}
			if c.Avrunding.Kr != c.Shown.Kr-c.Expected.Kr {
				t.Errorf("%d: rounding %d, want printed − computed = %d", c.Ar, c.Avrunding.Kr, c.Shown.Kr-c.Expected.Kr)
			}
			if c.Avrunding.Kr != 0 {
				rounded++
			}
		}
	}
	if rounded == 0 {
		t.Error("no printed sum of the forslag differs by rounding: the example should show one")
	}
	o.Stadier[0].SumOppgitt[0].Kr += 2001 // 1 000 rounding already: now 3 001 off
	r = Run(site)
	if r.Failed != 1 || !strings.Contains(r.Error(), "stated_total") || !strings.Contains(r.Error(), "toleranse of 2\u00a0000\u00a0kr") {
		t.Errorf("a printed sum outside the toleranse: %d failed: %s", r.Failed, r.Error())
	}
}

// TestSubtotalsWithinTolerance: the example's vedtatt 2026–2029 prints
// helse og omsorg and its two underområder in 1 000 kr, rounded: the
// printed subtotal passes within the toleranse and shows the rounding; a
// subtotal outside it fails; the plan's total counts helse og omsorg once.
func TestSubtotalsWithinTolerance(t *testing.T) {
	site := example(t)
	r := Run(site)
	if r.Failed > 0 {
		t.Fatal(r.Error())
	}
	var found *Check
	for i, c := range r.Checks {
		if c.Kind == "underomrader" && c.What == "subtotal_printed" && c.Subject.ID == "2026-2029" && c.Ar == 2026 && c.Stadium == "vedtatt" {
			found = &r.Checks[i]
		}
	}
	if found == nil || found.Avrunding == nil || found.Avrunding.Kr != -2000 || found.Toleranse.Kr != 2000 {
		t.Fatalf("want a printed subtotal of helse og omsorg 2026 off by −2 000 kr within 2 000 kr, got %+v", found)
	}
	var o *model.Okonomiplan
	for _, p := range site.Okonomiplaner {
		if p.ID == "2026-2029" {
			o = p
		}
	}
	st := &o.Stadier[len(o.Stadier)-1]
	for i, l := range st.Rammer {
		if l.Omrade.ID == "sykehjem" {
			st.Rammer[i].Belop[0].Kr += 1 // now 2 001 kr off
		}
	}
	r = Run(site)
	if r.Failed != 1 || !strings.Contains(r.Error(), "subtotal_printed") {
		t.Errorf("a subtotal outside the toleranse: %d failed: %s", r.Failed, r.Error())
	}
}

// TestComputedSubtotal: an area whose figure is only given through its
// underområder gets a computed row that must equal their sum exactly, and
// the total counts each area once.
func TestComputedSubtotal(t *testing.T) {
	sykehjem := model.Ref{ID: "s", Tittel: "S"}
	hjemme := model.Ref{ID: "h", Tittel: "H"}
	helse := model.Ref{ID: "p", Tittel: "P"}
	rows := []row{{helse, amount(100), true}, {sykehjem, amount(60), false}, {hjemme, amount(41), false}}
	parent := map[string]string{"s": "p", "h": "p", "p": ""}
	var got []Check
	underomrader(model.Ref{}, 2026, "vedtatt", parent, rows, amount(5), func(c Check) {
		c.OK = agree(c)
		got = append(got, c)
	})
	if len(got) != 1 || got[0].What != "subtotal_computed" || got[0].OK || got[0].Expected.Kr != 101 {
		t.Errorf("a computed subtotal 1 kr off must fail whatever the toleranse: %+v", got)
	}
}

// plan finds an økonomiplan of the site by id.
func planByID(s *model.Site, id string) *model.Okonomiplan {
	for _, o := range s.Okonomiplaner {
		if o.ID == id {
			return o
		}
	}
	panic("no økonomiplan " + id)
}

// TestShownIsOnThePage: every check that says what the site shows ("vist
// sum") names the figure the økonomiplan page shows, which for a printed
// sum is the printed one, not the sum of the rows (the computed total is
// then checked as "…_computed"); every stage's shown sum of every year is
// reconciled by some check. The example's forslag
// 2026–2029 prints sums that differ from their rows by rounding.
func TestShownIsOnThePage(t *testing.T) {
	site := example(t)
	r := Run(site)
	if r.Failed > 0 {
		t.Fatal(r.Error())
	}
	for _, o := range site.Okonomiplaner {
		for _, s := range o.Stadier {
			for i, ar := range o.Ar {
				if i >= len(s.SumVist) || len(s.Rammer) == 0 {
					continue
				}
				n := 0
				for _, c := range r.Checks {
					if c.Kind == "oppgitt_sum" && c.What != "stage_computed" && c.Subject.ID == o.ID && c.Stadium == s.Type && c.Omrade == s.Navn && c.Ar == ar {
						n++
						if c.Shown.Kr != s.SumVist[i].Kr {
							t.Errorf("%s %s %d %s: shown %s, but the page shows %s", o.ID, s.Type, ar, c.What, c.Shown.Tekst, s.SumVist[i].Tekst)
						}
					}
				}
				if n == 0 {
					t.Errorf("%s %s %d: the shown sum %s is not reconciled", o.ID, s.Type, ar, s.SumVist[i].Tekst)
				}
			}
		}
		for _, c := range r.Checks {
			if c.What == "adopted_total" && c.Subject.ID == o.ID && len(o.SumVist) > 0 {
				if i := c.Ar - o.Ar[0]; c.Shown.Kr != o.SumVist[i].Kr {
					t.Errorf("%s %d adopted_total: shown %s, but the page shows %s", o.ID, c.Ar, c.Shown.Tekst, o.SumVist[i].Tekst)
				}
			}
		}
	}
}
