package chart

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/model"
)

func kr(n int64) model.Kr { return model.Kr{Kr: n} }

func krp(n int64) *model.Kr { k := kr(n); return &k }

func pct(part, whole int64) *model.Pct {
	return &model.Pct{Verdi: float64(roundDiv(part*1000, whole)) / 10}
}

func dato(iso string) model.Dato { return model.Dato{ISO: iso} }

// prosjekt builds a project the way compile does: frame steps as (date,
// amount), spend per year from startAr, and forecasts as (date, amount).
func prosjekt(id, navn string, startAr int, frame [][2]any, spend []int64, forecasts [][2]any) *model.Prosjekt {
	p := &model.Prosjekt{ID: id, Navn: navn, StartAr: startAr}
	var sum int64
	for i, f := range frame {
		b := f[1].(int64)
		sum += b
		typ := "tillegg"
		if i == 0 {
			typ, p.Opprinnelig = "opprinnelig", kr(b)
		} else if b < 0 {
			typ = "reduksjon"
		}
		p.Rammehistorikk = append(p.Rammehistorikk, model.Steg{Type: typ, Dato: dato(f[0].(string)), Belop: kr(b), Ramme: kr(sum)})
	}
	p.Justert = kr(sum)
	var spent int64
	for i, s := range spend {
		spent += s
		p.Regnskap = append(p.Regnskap, model.Arsbelop{Ar: startAr + i, Belop: kr(s)})
	}
	if len(spend) > 0 {
		p.RegnskapSum = krp(spent)
	}
	for _, f := range forecasts {
		p.Statusrapporter = append(p.Statusrapporter, model.Statusrapport{Dato: dato(f[0].(string)), Prognose: kr(f[1].(int64))})
	}
	if n := len(forecasts); n > 0 {
		p.Prognose = krp(forecasts[n-1][1].(int64))
	}
	if p.Prognose != nil && sum > 0 {
		p.AvvikJustert = krp(p.Prognose.Kr - sum)
		p.AvvikJustertPct = pct(p.Prognose.Kr-sum, sum)
		p.OverRamme = p.Prognose.Kr > sum
		p.Varsel = p.OverRamme && p.AvvikJustertPct.Verdi > 5
	}
	return p
}

// edgeSite is a small kommune with the awkward cases.
func edgeSite(malform string) *model.Site {
	site := &model.Site{Kommune: model.Kommune{Malform: malform, OverskridelseVarsel: model.Pct{Verdi: 5}}}
	site.Prosjekter = []*model.Prosjekt{
		// A frame of 120 raised to 142 by 2 vedtak, forecast 150.
		prosjekt("skole", "Skole", 2024, [][2]any{{"2024-02-01", int64(120_000_000)}, {"2024-09-01", int64(10_000_000)}, {"2025-06-01", int64(12_000_000)}},
			[]int64{30_000_000, 80_000_000}, [][2]any{{"2024-12-31", int64(130_000_000)}, {"2025-08-31", int64(150_000_000)}}),
		// No forecast, no spend, one year.
		prosjekt("ny", "Nytt prosjekt", 2026, [][2]any{{"2026-03-01", int64(800_000)}}, nil, nil),
		// Nothing to draw.
		{ID: "tom", Navn: "Tomt", Rammehistorikk: []model.Steg{}},
		// No frame yet, a first estimate and some spend.
		prosjekt("utredning", "Utredning", 2026, nil, []int64{262_500}, [][2]any{{"2026-08-31", int64(95_000_000)}}),
		// Spend back (negative), a reduction, under the frame.
		prosjekt("retur", "Retur", 2023, [][2]any{{"2023-01-10", int64(5_000_000)}, {"2024-05-05", int64(-1_000_000)}},
			[]int64{2_000_000, -300_000, 1_000_000}, [][2]any{{"2025-04-30", int64(3_500_000)}}),
		// A name far too long for any label.
		prosjekt("lang", strings.Repeat("Svært langt prosjektnavn ", 6), 2025, [][2]any{{"2025-01-01", int64(10_000_000)}},
			[]int64{1_000_000}, [][2]any{{"2025-08-31", int64(10_000_000)}}),
	}
	slutt := prosjekt("ferdig", "Ferdig", 2022, [][2]any{{"2022-03-01", int64(40_000_000)}}, []int64{10_000_000, 28_000_000}, [][2]any{{"2023-08-31", int64(39_000_000)}})
	slutt.Sluttregnskap = &model.Sluttregnskap{Belop: kr(38_000_000), Vedtak: model.Ref{Dato: "2024-06-15"}}
	slutt.Prognose = krp(38_000_000)
	slutt.AvvikJustertPct = pct(-2_000_000, 40_000_000)
	site.Prosjekter = append(site.Prosjekter, slutt)
	// A sluttregnskap dated before the last status report.
	early := prosjekt("tidlig", "Tidlig", 2024, [][2]any{{"2024-01-15", int64(2_000_000)}}, []int64{1_900_000}, [][2]any{{"2024-08-31", int64(1_950_000)}})
	early.Sluttregnskap = &model.Sluttregnskap{Belop: kr(1_900_000), Vedtak: model.Ref{Dato: "2024-06-01"}}
	site.Prosjekter = append(site.Prosjekter, early)

	site.Omrader = []*model.Omrade{
		{ID: "felles", Navn: "Fellesinntekter", Rammer: []model.OmradeRamme{
			{Okonomiplan: model.Ref{ID: "a"}, Ar: 2024, Arsbudsjett: true, Vedtatt: kr(-50_000_000), Regulert: kr(-52_000_000)},
			{Okonomiplan: model.Ref{ID: "a"}, Ar: 2025, Vedtatt: kr(-51_000_000), Regulert: kr(-51_000_000)},
			// The newer plan is the budget of 2025: the older one's frame is
			// not drawn.
			{Okonomiplan: model.Ref{ID: "b"}, Ar: 2025, Arsbudsjett: true, Vedtatt: kr(-49_000_000), Regulert: kr(-49_000_000)},
			{Okonomiplan: model.Ref{ID: "b"}, Ar: 2026, Arsbudsjett: true, Vedtatt: kr(-48_000_000), Regulert: kr(-48_000_000)},
		}},
		{ID: "ingen", Navn: "Uten rammer", Rammer: []model.OmradeRamme{}},
	}
	site.Okonomiplaner = []*model.Okonomiplan{
		{ID: "a", Ar: []int{2024, 2025}, SumVedtatt: []model.Kr{kr(100_000_000), kr(101_000_000)}, SumRegulert: []model.Kr{kr(98_000_000), kr(101_000_000)},
			Reguleringer: []model.Reguleringssteg{
				{Omrade: model.Ref{Tittel: "Fellesinntekter"}, Ar: 2024, Belop: kr(-2_000_000), Vedtak: model.Ref{ID: "v1", Merke: "KST 001/24"}},
			}},
		{ID: "b", Ar: []int{2025, 2026}, SumVedtatt: []model.Kr{kr(0), kr(0)}, SumRegulert: []model.Kr{kr(0), kr(0)}, Reguleringer: []model.Reguleringssteg{}},
	}
	return site
}

func TestEdgeCases(t *testing.T) {
	site := edgeSite("nb")
	charts, sums := All(site), Summaries(site)
	if *dump != "" {
		os.MkdirAll(*dump, 0o755)
		for k, s := range charts {
			os.WriteFile(filepath.Join(*dump, "edge-"+slug(k)+".svg"), []byte(s), 0o644)
		}
	}
	want := []string{"okonomiplan/a/reguleringer/2024", "omrade/felles", "portefolje", "prosjekt/ferdig", "prosjekt/lang", "prosjekt/ny", "prosjekt/retur", "prosjekt/skole", "prosjekt/tidlig", "prosjekt/utredning"}
	if got := sortedKeys(charts); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("keys %q, want %q", got, want)
	}
	ids := map[string]string{}
	for _, k := range sortedKeys(charts) {
		forwardLines(t, k, charts[k])
		for _, id := range checkSVG(t, k, charts[k]).ids {
			if o, ok := ids[id]; ok {
				t.Errorf("id %q in %s and %s", id, o, k)
			}
			ids[id] = k
		}
	}
	for key, want := range map[string]string{
		"prosjekt/skole":                  "Kostnadsrammen økte fra 120,0 mill. kr til 142,0 mill. kr i 2 vedtak; prognosen er 150,0 mill. kr, 5,6 % over rammen, og 110,0 mill. kr er brukt.",
		"prosjekt/ny":                     "Kostnadsrammen er 800 000 kr og er ikke endret; det er ikke rapportert noen prognose, og ingenting er regnskapsført.",
		"prosjekt/retur":                  "Kostnadsrammen ble redusert fra 5,0 mill. kr til 4,0 mill. kr i 1 vedtak; prognosen er 3,5 mill. kr, 12,5 % under rammen, og 2,7 mill. kr er brukt.",
		"prosjekt/ferdig":                 "Kostnadsrammen er 40,0 mill. kr og er ikke endret; sluttregnskapet er 38,0 mill. kr, 5,0 % under rammen, og 38,0 mill. kr er brukt.",
		"omrade/felles":                   "Vedtatt netto driftsramme for Fellesinntekter er −50,0 mill. kr i 2024 og −48,0 mill. kr i 2026; reguleringer endret rammen i 1 av 3 år, mest i 2024 (−2,0 mill. kr).",
		"okonomiplan/a/reguleringer/2024": "Sum netto driftsrammer for 2024 gikk fra 100,0 mill. kr vedtatt til 98,0 mill. kr regulert gjennom 1 regulering i 1 vedtak.",
		"portefolje":                      "1 av 5 prosjekter med prognose ligger over justert kostnadsramme, 1 av dem mer enn varslingsgrensen på 5,0 %; størst avvik har Skole med +5,6 %.",
	} {
		if got := strings.ReplaceAll(sums[key], "\u00a0", " "); got != want {
			t.Errorf("%s summary:\n got %s\nwant %s", key, got, want)
		}
	}

	// The newest plan's figures for 2025: three groups, −49 in 2025.
	if s := charts["omrade/felles"]; strings.Count(s, `class="chart-bar chart-bar--regulert"`) != 3+1 || !strings.Contains(s, ">−49,0</text>") || strings.Contains(s, ">−51,0</text>") {
		t.Errorf("omrade/felles does not draw the newest plan per year:\n%s", s)
	}
	// A one-year project without forecast or spend has just its frame.
	if s := charts["prosjekt/ny"]; strings.Contains(s, "chart-line--prognose") || strings.Contains(s, "chart-bar--regnskap") || !strings.Contains(s, "chart-line--ramme") || !strings.Contains(s, ">2026</text>") {
		t.Errorf("prosjekt/ny:\n%s", s)
	}
	// Negative cumulative spend stays inside the plot, and the axis has 0.
	if s := charts["prosjekt/retur"]; !strings.Contains(s, ">0</text>") {
		t.Errorf("prosjekt/retur has no zero tick:\n%s", s)
	}
	// The final account is the forecast line's last point and label.
	if s := charts["prosjekt/ferdig"]; !strings.Contains(s, ">Sluttregnskap</text>") {
		t.Errorf("prosjekt/ferdig lacks the sluttregnskap label:\n%s", s)
	}
	// A long name is cut with … in the SVG; the full name is kept in a
	// <title> for hover.
	long := site.Prosjekter[5].Navn
	port := charts["portefolje"]
	if !strings.Contains(port, "…</text>") || !strings.Contains(port, "<title>"+long+"</title>") {
		t.Errorf("the long name is not truncated with its full text kept:\n%s", port)
	}
	// Negative bars in the portfolio lie left of zero.
	if !strings.Contains(port, ">−12,5\u00a0%</text>") {
		t.Errorf("the portfolio lacks the negative deviation:\n%s", port)
	}
}

func TestNynorsk(t *testing.T) {
	site := edgeSite("nn")
	charts, sums := All(site), Summaries(site)
	for key, words := range map[string][]string{
		"omrade/felles":                   {">Vedteke</text>", ">Regulert</text>"},
		"okonomiplan/a/reguleringer/2024": {"Reguleringar av netto driftsrammer i 2024", ">Vedteken sum 2024</text>", ">Auke</text>", ">Reduksjon</text>"},
		"prosjekt/skole":                  {"Kostnadsramme, prognose og rekneskap", ">Rekneskap, akkumulert</text>", ">Prognose</text>", ">Ramme</text>"},
		"prosjekt/ferdig":                 {">Sluttrekneskap</text>"},
		"portefolje":                      {">▲ over ramma</text>", ">Innanfor ramma</text>", "Varslingsgrense 5,0"},
	} {
		for _, w := range words {
			if !strings.Contains(charts[key], w) {
				t.Errorf("%s lacks %q", key, w)
			}
		}
	}
	for key, want := range map[string]string{
		"prosjekt/skole":                  "Kostnadsramma auka frå 120,0 mill. kr til 142,0 mill. kr i 2 vedtak; prognosen er 150,0 mill. kr, 5,6 % over ramma, og 110,0 mill. kr er brukt.",
		"prosjekt/ny":                     "Kostnadsramma er 800 000 kr og er ikkje endra; det er ikkje rapportert nokon prognose, og ingenting er rekneskapsført.",
		"prosjekt/ferdig":                 "Kostnadsramma er 40,0 mill. kr og er ikkje endra; sluttrekneskapen er 38,0 mill. kr, 5,0 % under ramma, og 38,0 mill. kr er brukt.",
		"prosjekt/utredning":              "Prosjektet har inga kostnadsramme enno; prognosen er 95,0 mill. kr, og 262 500 kr er brukt.",
		"okonomiplan/a/reguleringer/2024": "Sum netto driftsrammer for 2024 gjekk frå 100,0 mill. kr vedteke til 98,0 mill. kr regulert gjennom 1 regulering i 1 vedtak.",
		"portefolje":                      "1 av 5 prosjekt med prognose ligg over justert kostnadsramme, 1 av dei meir enn varslingsgrensa på 5,0 %; størst avvik har Skole med +5,6 %.",
	} {
		if got := strings.ReplaceAll(sums[key], "\u00a0", " "); got != want {
			t.Errorf("%s summary:\n got %s\nwant %s", key, got, want)
		}
	}
	for key, s := range charts {
		for _, nbWord := range []string{"Vedtatt", "Økning", "Regnskap", "Innenfor", "ikke"} {
			if strings.Contains(s, nbWord) {
				t.Errorf("nynorsk %s contains the bokmål %q", key, nbWord)
			}
		}
	}
}

// TestHostileText puts markup in every text that comes from data.
func TestHostileText(t *testing.T) {
	const evil = `<script>&"'</script>`
	site := example(t)
	site.Prosjekter[0].Navn = evil
	site.Prosjekter[1].Navn = evil + strings.Repeat("x", 60) // truncated, with the full name in a <title>
	site.Omrader[0].Navn = evil
	for _, o := range site.Omrader {
		if o.Overordnet != nil {
			o.Navn = evil // a part in its parent's breakdown
		}
	}
	for _, o := range site.Okonomiplaner {
		if len(o.Rammer) > 0 {
			o.Rammer[0].Omrade.Tittel = evil // a row of the plan's overview
		}
	}
	for i := range site.Okonomiplaner[0].Reguleringer {
		site.Okonomiplaner[0].Reguleringer[i].Omrade.Tittel = evil
		site.Okonomiplaner[0].Reguleringer[i].Vedtak.Merke = evil
	}
	charts, sums := All(site), Summaries(site)
	touched := 0
	for _, k := range sortedKeys(charts) {
		s := charts[k]
		info := checkSVG(t, k, s)
		if strings.Contains(s, "<script") || strings.Contains(s, `&"`) {
			t.Errorf("%s: data text is not escaped", k)
		}
		for _, txt := range info.texts {
			if strings.Contains(txt, "<script>") {
				touched++
			}
		}
		if strings.Contains(s, "&lt;script&gt;&amp;&#34;&#39;") {
			touched++
		}
	}
	if touched == 0 {
		t.Error("the hostile text is not in any chart")
	}
	for _, k := range sortedKeys(charts) {
		if (strings.HasPrefix(k, "underomrader/") || strings.HasSuffix(k, "/rammer")) && !strings.Contains(charts[k], "&lt;script&gt;&amp;&#34;&#39;") {
			t.Errorf("%s does not draw the hostile name as text", k)
		}
	}
	// The summaries are plain text for the template to escape.
	if !strings.Contains(sums["omrade/"+site.Omrader[0].ID], evil) {
		t.Errorf("the area summary does not carry the name as plain text: %s", sums["omrade/"+site.Omrader[0].ID])
	}
}

// forwardLines fails if a polyline in s runs back in x: a step line over
// time must not.
func forwardLines(t *testing.T, key, s string) {
	t.Helper()
	for _, part := range strings.Split(s, `<polyline points="`)[1:] {
		prev := -1.0
		for _, xy := range strings.Fields(part[:strings.IndexByte(part, '"')]) {
			x, err := strconv.ParseFloat(xy[:strings.IndexByte(xy, ',')], 64)
			if err != nil {
				t.Fatalf("%s: point %q: %v", key, xy, err)
			}
			if x < prev {
				t.Errorf("%s: a line runs back from x=%v to %v", key, prev, x)
			}
			prev = x
		}
	}
}
