package endring

import (
	"fmt"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
)

func d(s string) caldate.Date { return caldate.MustParse(s) }

func rap(id string, ar, tertial int, dato string) *record.Rapport {
	typ := record.Tertialrapport
	if tertial == 0 {
		typ = record.Arsrapport
	}
	return &record.Rapport{ID: id, Type: typ, Ar: ar, Tertial: tertial, Dato: d(dato)}
}

func status(rapport string, prognose int64, ferdig string, risiko record.Risiko, fase record.ProsjektFase) record.Statusrapport {
	s := record.Statusrapport{Rapport: rapport, Prognose: money.Kroner(prognose), Risiko: risiko, Fase: fase}
	if ferdig != "" {
		s.ForventetFerdig = d(ferdig)
	}
	return s
}

// base is two tertials and an årsrapport, and the vedtak frames cite.
func base() *record.Set {
	return &record.Set{
		Rapporter: []*record.Rapport{rap("2026-t2", 2026, 2, "2026-09-20"), rap("2026-t1", 2026, 1, "2026-05-20"), rap("arsrapport-2025", 2025, 0, "2026-03-01")},
		Vedtak: []*record.Vedtak{
			{ID: "v-ramme", Motedato: d("2024-12-12")},
			{ID: "v-tillegg", Motedato: d("2026-06-18")},
		},
	}
}

func frame(steps ...any) []record.Rammeendring {
	var out []record.Rammeendring
	for i := 0; i < len(steps); i += 2 {
		out = append(out, record.Rammeendring{Belop: money.Kroner(int64(steps[i].(int))), Vedtak: steps[i+1].(string)})
	}
	return out
}

// line writes a change with its numbers, for comparing.
func line(c Change) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s/%s", c.Kind, c.Om, c.ID)
	if c.Del != "" {
		fmt.Fprintf(&b, "/%s", c.Del)
	}
	if c.HarBelop {
		fmt.Fprintf(&b, " %d→%d (%+d)", c.Fra, c.Til, c.Endring)
	}
	if c.Kind == OverskridelseNy || c.Kind == OverskridelseSlutt {
		fmt.Fprintf(&b, " ramme %d over %+d", c.Ramme, c.Over)
	}
	if c.FraKode != "" || c.TilKode != "" {
		fmt.Fprintf(&b, " %s→%s", c.FraKode, c.TilKode)
	}
	if c.Kind == Ferdig {
		fmt.Fprintf(&b, " %s→%s %+d mnd", c.FraDato, c.TilDato, c.Maneder)
	}
	if c.Ar != 0 {
		fmt.Fprintf(&b, " år %d", c.Ar)
	}
	return b.String()
}

func changesAt(t *testing.T, s *record.Set, id string) []string {
	t.Helper()
	for _, r := range Compute(s) {
		if r.Rapport.ID == id {
			var out []string
			for _, c := range r.Endringer {
				out = append(out, line(c))
			}
			return out
		}
	}
	t.Fatalf("no report %s", id)
	return nil
}

func TestChanges(t *testing.T) {
	for _, tc := range []struct {
		name   string
		add    func(s *record.Set)
		report string
		want   []string
	}{
		{"a forecast crossing the frame", func(s *record.Set) {
			s.Prosjekter = append(s.Prosjekter, &record.Prosjekt{ID: "skole", Kostnadsramme: frame(100_000_000, "v-ramme"),
				Statusrapport: []record.Statusrapport{status("2026-t1", 98_000_000, "", "gronn", ""), status("2026-t2", 104_500_000, "", "gul", "")}})
		}, "2026-t2", []string{
			"prognose prosjekt/skole 98000000→104500000 (+6500000)",
			"overskridelse_ny prosjekt/skole 98000000→104500000 (+6500000) ramme 100000000 over +4500000",
			"risiko prosjekt/skole gronn→gul",
		}},
		{"a frame raised between the reports ends the overrun with the same forecast", func(s *record.Set) {
			s.Prosjekter = append(s.Prosjekter, &record.Prosjekt{ID: "hall", Kostnadsramme: frame(50_000_000, "v-ramme", 5_000_000, "v-tillegg"),
				Statusrapport: []record.Statusrapport{status("2026-t1", 53_000_000, "", "", ""), status("2026-t2", 53_000_000, "", "", "")}})
		}, "2026-t2", []string{
			"overskridelse_slutt prosjekt/hall 53000000→53000000 (+0) ramme 55000000 over -2000000",
		}},
		{"stage, completion and a fall in forecast", func(s *record.Set) {
			s.Prosjekter = append(s.Prosjekter, &record.Prosjekt{ID: "vei", Kostnadsramme: frame(20_000_000, "v-ramme"),
				Statusrapport: []record.Statusrapport{status("arsrapport-2025", 19_000_000, "2026-08-15", "gul", "forprosjekt"), status("2026-t1", 18_250_000, "2027-02-15", "gul", "bygging")}})
		}, "2026-t1", []string{
			"prognose prosjekt/vei 19000000→18250000 (-750000)",
			"fase prosjekt/vei forprosjekt→bygging",
			"ferdig prosjekt/vei 2026-08-15→2027-02-15 +6 mnd",
		}},
		{"compared with the project's latest earlier report when it skipped one", func(s *record.Set) {
			s.Prosjekter = append(s.Prosjekter, &record.Prosjekt{ID: "bro", Kostnadsramme: frame(10_000_000, "v-ramme"),
				Statusrapport: []record.Statusrapport{status("arsrapport-2025", 9_000_000, "", "", ""), status("2026-t2", 9_500_000, "", "", "")}})
		}, "2026-t2", []string{"prognose prosjekt/bro 9000000→9500000 (+500000)"}},
		{"no change without a previous status report", func(s *record.Set) {
			s.Prosjekter = append(s.Prosjekter, &record.Prosjekt{ID: "ny", Kostnadsramme: frame(10_000_000, "v-ramme"),
				Statusrapport: []record.Statusrapport{status("2026-t2", 19_500_000, "", "rod", "")}})
		}, "2026-t2", nil},
		{"points new, completed and newly late", func(s *record.Set) {
			s.Vedtak = append(s.Vedtak,
				&record.Vedtak{ID: "kst-1", Motedato: d("2026-01-15"), Punkt: []record.Vedtakspunkt{
					{Nr: 1, Frist: d("2026-06-30")}, // late at t2, on time at t1
					{Nr: 2, Frist: d("2026-06-30"), Oppfolging: []record.Oppfolging{{Dato: d("2026-06-01"), Status: record.Fullfort}}},
					{Nr: 3, Frist: d("2026-03-01")}, // late already at t1
					{Nr: 10, Oppfolging: []record.Oppfolging{{Dato: d("2026-09-01"), Status: record.Utgar}}},
				}},
				&record.Vedtak{ID: "kst-2", Motedato: d("2026-06-18"), Punkt: []record.Vedtakspunkt{
					{Nr: 1, Frist: d("2026-09-01")}, // new and late at once
					{Nr: 2, Oppfolging: []record.Oppfolging{{Dato: d("2026-09-10"), Status: record.Fullfort}}},
				}},
				&record.Vedtak{ID: "kst-3", Motedato: d("2026-10-01"), Punkt: []record.Vedtakspunkt{{Nr: 1}}}, // after the report
			)
		}, "2026-t2", []string{
			"punkt_fullfort vedtak/kst-1/2 ikke_startet→fullfort",
			"punkt_fullfort vedtak/kst-2/2 ikke_startet→fullfort",
			"punkt_nytt vedtak/kst-2/1",
			"punkt_nytt vedtak/kst-2/2",
			"punkt_forsinket vedtak/kst-1/1 →ikke_startet",
			"punkt_forsinket vedtak/kst-2/1 →ikke_startet",
		}},
		{"a tiltak's phase", func(s *record.Set) {
			s.Planer = append(s.Planer, &record.Plan{ID: "plan", Tiltak: []record.Tiltak{
				{ID: "t1", Rapportering: []record.TiltakRapportering{{Rapport: "2026-t1", Fase: "okonomiplan"}, {Rapport: "2026-t2", Fase: "gjennomforing"}}},
				{ID: "t2", Rapportering: []record.TiltakRapportering{{Rapport: "2026-t1", Fase: "okonomiplan", Status: "ikke_startet"}, {Rapport: "2026-t2", Fase: "okonomiplan", Status: "under_arbeid"}}},
			}})
		}, "2026-t2", []string{"tiltak_fase plan/plan/t1 okonomiplan→gjennomforing"}},
		{"an area's forecast for the year, by size", func(s *record.Set) {
			s.Okonomiplan = append(s.Okonomiplan, &record.Okonomiplan{ID: "op", Regnskap: []record.Driftsregnskap{
				{Omrade: "helse", Ar: 2026, Prognose: money.Kroner(100_000_000), Rapport: "2026-t1"},
				{Omrade: "oppvekst", Ar: 2026, Prognose: money.Kroner(200_000_000), Rapport: "2026-t1"},
				{Omrade: "helse", Ar: 2026, Prognose: money.Kroner(101_000_000), Rapport: "2026-t2"},
				{Omrade: "oppvekst", Ar: 2026, Prognose: money.Kroner(196_000_000), Rapport: "2026-t2"},
				{Omrade: "teknisk", Ar: 2026, Regnskap: money.Kroner(1), Rapport: "2026-t2"},
			}})
		}, "2026-t2", []string{
			"omrade_prognose omrade/oppvekst 200000000→196000000 (-4000000) år 2026",
			"omrade_prognose omrade/helse 100000000→101000000 (+1000000) år 2026",
		}},
		{"the first report has nothing to compare with", func(s *record.Set) {
			s.Prosjekter = append(s.Prosjekter, &record.Prosjekt{ID: "skole", Kostnadsramme: frame(100_000_000, "v-ramme"),
				Statusrapport: []record.Statusrapport{status("arsrapport-2025", 198_000_000, "", "rod", "")}})
		}, "arsrapport-2025", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := base()
			tc.add(s)
			got := changesAt(t, s, tc.report)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestSortBySize(t *testing.T) {
	ch := []Change{
		{Kind: Risiko, Om: OmProsjekt, ID: "a"},
		{Kind: Prognose, Om: OmProsjekt, ID: "b", Endring: -3, HarBelop: true},
		{Kind: OverskridelseNy, Om: OmProsjekt, ID: "c", Endring: 1, Over: 2, HarBelop: true},
		{Kind: Prognose, Om: OmProsjekt, ID: "a", Endring: 5, HarBelop: true},
		{Kind: PunktNytt, Om: OmVedtak, ID: "v", Del: "10"},
		{Kind: PunktNytt, Om: OmVedtak, ID: "v", Del: "9"},
	}
	Sort(ch)
	var got []string
	for _, c := range ch {
		got = append(got, string(c.Kind)+" "+c.ID+c.Del)
	}
	want := "prognose a|prognose b|overskridelse_ny c|risiko a|punkt_nytt v9|punkt_nytt v10"
	if strings.Join(got, "|") != want {
		t.Errorf("got %s, want %s", strings.Join(got, "|"), want)
	}
}

func TestOverSince(t *testing.T) {
	s := base()
	p := &record.Prosjekt{ID: "skole", Kostnadsramme: frame(100, "v-ramme", 20, "v-tillegg"),
		Statusrapport: []record.Statusrapport{status("arsrapport-2025", 101, "", "", ""), status("2026-t1", 110, "", "", ""), status("2026-t2", 125, "", "", "")}}
	h := History(p, s.Index(), Ordered(s))
	var got []string
	for _, st := range h {
		got = append(got, fmt.Sprintf("%s %d/%d %v", st.Rapport.ID, st.Prognose, st.Ramme, st.Over))
	}
	if want := "arsrapport-2025 101/100 true|2026-t1 110/100 true|2026-t2 125/120 true"; strings.Join(got, "|") != want {
		t.Errorf("history %s, want %s", strings.Join(got, "|"), want)
	}
	if r := OverSince(h); r == nil || r.ID != "arsrapport-2025" {
		t.Errorf("over since %v, want arsrapport-2025", r)
	}
	// Within the frame at t1: over again only since t2.
	p.Statusrapport[1].Prognose = money.Kroner(95)
	if r := OverSince(History(p, s.Index(), Ordered(s))); r == nil || r.ID != "2026-t2" {
		t.Errorf("over since %v after a break, want 2026-t2", r)
	}
	p.Statusrapport[2].Prognose = money.Kroner(120)
	if r := OverSince(History(p, s.Index(), Ordered(s))); r != nil {
		t.Errorf("over since %v, want nil: 120 is the frame, not above it", r.ID)
	}
}
