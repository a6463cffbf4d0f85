package chart

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/model"
)

// ramme is an area's budget frame in year ar, vedtatt = regulert unless
// regulert is given.
func ramme(ar int, kroner ...int64) model.OmradeRamme {
	r := model.OmradeRamme{Okonomiplan: model.Ref{ID: "p"}, Ar: ar, Arsbudsjett: true, Vedtatt: kr(kroner[0]), Regulert: kr(kroner[0])}
	if len(kroner) > 1 {
		r.Regulert = kr(kroner[1])
	}
	return r
}

func area(id, navn, parent string, children []string, rammer ...model.OmradeRamme) *model.Omrade {
	o := &model.Omrade{ID: id, Navn: navn, Rammer: rammer}
	if parent != "" {
		o.Overordnet = &model.Ref{ID: parent}
	}
	for _, ch := range children {
		o.Underomrader = append(o.Underomrader, model.Ref{ID: ch})
	}
	return o
}

// treeSite has a parent budgeted as a whole in 2024 and in two parts from
// 2025 (one part negative in 2025, a rest of +5 mill. kr regulated for
// the whole area; −2 000 kr of rounding in 2026), a parent with six parts
// (more than the styles), one whose parts have no frames, and a hostile
// name.
func treeSite(malform string) *model.Site {
	site := &model.Site{Kommune: model.Kommune{Malform: malform}}
	site.Omrader = []*model.Omrade{
		area("helse", "Helse", "", []string{"sykehjem", "hjemme"},
			ramme(2024, 100_000_000), ramme(2025, 50_000_000, 55_000_000), ramme(2026, 100_000_000)),
		area("sykehjem", "Sykehjem", "helse", nil, ramme(2025, 60_000_000), ramme(2026, 70_001_000)),
		area("hjemme", `<script>&"Hjemme`, "helse", nil, ramme(2025, -10_000_000), ramme(2026, 30_001_000)),
		area("mange", "Mange", "", []string{"m1", "m2", "m3", "m4", "m5", "m6"}, ramme(2026, 6_000_000)),
		area("m1", "Del 1", "mange", nil, ramme(2026, 1_000_000)),
		area("m2", "Del 2", "mange", nil, ramme(2026, 1_000_000)),
		area("m3", "Del 3", "mange", nil, ramme(2026, 1_000_000)),
		area("m4", "Del 4", "mange", nil, ramme(2026, 1_000_000)),
		area("m5", "Del 5", "mange", nil, ramme(2026, 1_000_000)),
		area("m6", "Del 6", "mange", nil, ramme(2026, 1_000_000)),
		area("tom", "Uten tall", "", []string{"t1"}, ramme(2026, 3_000_000)),
		area("t1", "Del uten tall", "tom", nil),
	}
	return site
}

var segRe = regexp.MustCompile(`<rect [^>]*class="chart-seg (chart-seg--[a-z0-9]+)"([^>]*)/>`)

// TestUnderomrader draws the hand-made tree: a chart for each parent with
// parts that have frames; parts stacked to the parent's frame, the rest
// named; styles that tell six parts apart without colour; the table.
func TestUnderomrader(t *testing.T) {
	site := treeSite("nb")
	charts, sums, tables, narrowSVG := All(site), Summaries(site), Tables(site), Narrow(site)
	for _, k := range []string{"underomrader/helse", "underomrader/mange"} {
		if charts[k] == "" || narrowSVG[k] == "" || tables[k] == nil {
			t.Fatalf("%s: no chart, narrow chart or table", k)
		}
		checkSVG(t, k, charts[k])
		checkSVG(t, k, narrowSVG[k])
	}
	for _, k := range []string{"underomrader/tom", "underomrader/sykehjem", "underomrader/m1"} {
		if _, ok := charts[k]; ok {
			t.Errorf("%s: a chart for an area without parts with frames", k)
		}
	}
	for k := range tables {
		if !strings.HasPrefix(k, "underomrader/") {
			t.Errorf("%s has a table of its own; only charts without one on the page have", k)
		}
	}

	helse := charts["underomrader/helse"]
	if strings.Contains(helse, "<script>") || !strings.Contains(helse, "&lt;script&gt;&amp;&#34;Hjemme") {
		t.Errorf("the hostile name is not escaped:\n%s", helse)
	}
	// 2024: the rest alone; 2025: two parts and a rest; 2026: two parts and
	// a rest of −2 000 kr.
	segs := segRe.FindAllStringSubmatch(helse, -1)
	var classes []string
	for _, m := range segs {
		if strings.Contains(m[0], `width="14"`) {
			continue // a legend swatch
		}
		classes = append(classes, m[1])
	}
	want := []string{"chart-seg--rest", "chart-seg--0", "chart-seg--1", "chart-seg--rest", "chart-seg--0", "chart-seg--1", "chart-seg--rest"}
	if strings.Join(classes, " ") != strings.Join(want, " ") {
		t.Errorf("segments %q, want %q", classes, want)
	}
	if !strings.Contains(helse, ">Ikke fordelt på underområder</text>") {
		t.Error("the rest is not named in the legend")
	}
	// The negative part goes below zero: the axis has a negative tick.
	if !strings.Contains(helse, ">−") {
		t.Errorf("no negative tick for a negative part:\n%s", helse)
	}
	// The bar's value is the parent's frame, regulated.
	for _, v := range []string{">100,0</text>", ">55,0</text>"} {
		if !strings.Contains(helse, v) {
			t.Errorf("helse lacks the total %s", v)
		}
	}

	got := strings.ReplaceAll(sums["underomrader/helse"], "\u00a0", " ")
	wantSum := `Regulert netto driftsramme for Helse er 100,0 mill. kr i 2026: Sykehjem 70,0 mill. kr, <script>&"Hjemme 30,0 mill. kr og −2 000 kr ikke fordelt på underområder; rammen er ikke fordelt på underområder i 2024.`
	if got != wantSum {
		t.Errorf("summary:\n got %s\nwant %s", got, wantSum)
	}
	if got, want := strings.ReplaceAll(sums["underomrader/mange"], "\u00a0", " "), "Regulert netto driftsramme for Mange er 6,0 mill. kr i 2026: Del 1 1,0 mill. kr, Del 2 1,0 mill. kr, Del 3 1,0 mill. kr, Del 4 1,0 mill. kr, Del 5 1,0 mill. kr og Del 6 1,0 mill. kr."; got != want {
		t.Errorf("summary:\n got %s\nwant %s", got, want)
	}

	tb := tables["underomrader/helse"]
	if strings.Join(tb.Head, "|") != `År|Sykehjem|<script>&"Hjemme|Ikke fordelt på underområder|Helse` {
		t.Errorf("head %q", tb.Head)
	}
	var rows []string
	for _, r := range tb.Rows {
		rows = append(rows, strings.ReplaceAll(r.Head+": "+strings.Join(r.Cells, " | "), "\u00a0", " "))
	}
	wantRows := []string{
		"2024: – | – | 100 000 000 kr | 100 000 000 kr",
		"2025: 60 000 000 kr | −10 000 000 kr | 5 000 000 kr | 55 000 000 kr",
		"2026: 70 001 000 kr | 30 001 000 kr | −2 000 kr | 100 000 000 kr",
	}
	if strings.Join(rows, "\n") != strings.Join(wantRows, "\n") {
		t.Errorf("rows:\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(wantRows, "\n"))
	}

	// Six parts: five styles, the sixth as the first; each style differs
	// from the others in its fill, and every segment is outlined.
	mange := charts["underomrader/mange"]
	style := map[string]string{}
	for _, m := range segRe.FindAllStringSubmatch(mange, -1) {
		if !strings.Contains(m[2], `stroke="currentColor"`) {
			t.Errorf("segment without an outline: %s", m[0])
		}
		fill := regexp.MustCompile(`fill="[^"]*"( fill-opacity="[^"]*")?`).FindString(m[2])
		if prev, ok := style[m[1]]; ok && prev != fill {
			t.Errorf("%s drawn both as %s and %s", m[1], prev, fill)
		}
		style[m[1]] = fill
	}
	seen := map[string]string{}
	for class, fill := range style {
		if o, ok := seen[fill]; ok {
			t.Errorf("%s and %s look alike: %s", o, class, fill)
		}
		seen[fill] = class
	}
	if len(style) != segmentStyles {
		t.Errorf("%d styles for six parts, want %d", len(style), segmentStyles)
	}
	if strings.Contains(mange, "chart-seg--rest") {
		t.Error("a rest drawn where the parts add up")
	}
}

// TestUnderomraderNynorsk: the chart's words in nynorsk.
func TestUnderomraderNynorsk(t *testing.T) {
	site := treeSite("nn")
	s, sum := All(site)["underomrader/helse"], Summaries(site)["underomrader/helse"]
	if !strings.Contains(s, ">Ikkje fordelt på underområde</text>") || !strings.Contains(s, "fordelt på underområde – Helse</title>") {
		t.Errorf("not nynorsk:\n%s", s)
	}
	if !strings.Contains(sum, "ramma er ikkje fordelt på underområde i 2024.") {
		t.Errorf("summary not nynorsk: %s", sum)
	}
	if h := Tables(site)["underomrader/helse"].Head; h[3] != "Ikkje fordelt på underområde" {
		t.Errorf("table head %q", h)
	}
}

// TestUnderomraderExample: in the example every year's parts add up to
// the parent's regulated frame in the chart's table, and the overview
// charts of a plan count the top level only.
func TestUnderomraderExample(t *testing.T) {
	site := example(t)
	tables := Tables(site)
	parse := func(s string) int64 {
		if s == "–" {
			return 0
		}
		s = strings.NewReplacer("\u00a0", "", " kr", "", "kr", "", "−", "-").Replace(s)
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("cell %q: %v", s, err)
		}
		return n
	}
	parents := 0
	for _, o := range site.Omrader {
		if len(o.Underomrader) == 0 {
			continue
		}
		parents++
		tb := tables["underomrader/"+o.ID]
		if tb == nil {
			t.Fatalf("%s: no table", o.ID)
		}
		for _, r := range tb.Rows {
			var sum int64
			for _, c := range r.Cells[:len(r.Cells)-1] {
				sum += parse(c)
			}
			if total := parse(r.Cells[len(r.Cells)-1]); sum != total {
				t.Errorf("%s %s: parts add up to %d, the frame is %d", o.ID, r.Head, sum, total)
			}
		}
	}
	if parents == 0 {
		t.Fatal("the example has no area with underområder")
	}
	// The waterfall of a plan starts at the sum of the top-level frames:
	// an underområde is inside its parent's frame and not counted twice.
	for _, p := range site.Okonomiplaner {
		for i, y := range p.Ar {
			var top, all int64
			for _, r := range p.Rammer {
				if i < len(r.Vedtatt) {
					all += r.Vedtatt[i].Kr
					if r.Niva.Niva == 0 {
						top += r.Vedtatt[i].Kr
					}
				}
			}
			s, ok := All(site)["okonomiplan/"+p.ID+"/reguleringer/"+itoa(y)]
			if !ok {
				continue
			}
			if !strings.Contains(s, ">"+formatAmount(top)+"</text>") {
				t.Errorf("%s %d: the waterfall does not start at the top level's sum %s", p.ID, y, formatAmount(top))
			}
			if all != top && strings.Contains(s, ">"+formatAmount(all)+"</text>") {
				t.Errorf("%s %d: the waterfall counts underområder twice (%s)", p.ID, y, formatAmount(all))
			}
		}
	}
}

// TestRammer: a plan's overview draws its top-level areas only, says at a
// parent's row how many underområder its bar includes, and sums the top
// level.
func TestRammer(t *testing.T) {
	line := func(id, navn string, niva int, parent string, v int64) model.Rammelinje {
		return model.Rammelinje{Omrade: model.Ref{ID: id, Tittel: navn}, Vedtatt: []model.Kr{kr(v)}, Regulert: []model.Kr{kr(v)},
			Niva: model.Niva{Niva: niva, Overordnet: parent}}
	}
	plan := &model.Okonomiplan{ID: "x", Ar: []int{2026}, Vedtatt: &model.Ref{ID: "v"},
		SumVedtatt: []model.Kr{kr(150_000_000)}, SumRegulert: []model.Kr{kr(150_000_000)},
		Rammer: []model.Rammelinje{
			line("helse", "Helse", 0, "", 100_000_000),
			line("sykehjem", "Sykehjem", 1, "helse", 60_000_000),
			line("hjemme", "Hjemme", 1, "helse", 40_000_000),
			line("kultur", "Kultur", 0, "", 70_000_000),
			line("felles", "Fellesinntekter", 0, "", -20_000_000),
		}}
	site := &model.Site{Kommune: model.Kommune{Malform: "nb"}, Okonomiplaner: []*model.Okonomiplan{plan, {ID: "forslag", Ar: []int{2027}}}}
	charts, sums := All(site), Summaries(site)
	if _, ok := charts["okonomiplan/forslag/rammer"]; ok {
		t.Error("a plan without frames has an overview")
	}
	for _, s := range []string{charts["okonomiplan/x/rammer"], Narrow(site)["okonomiplan/x/rammer"]} {
		checkSVG(t, "okonomiplan/x/rammer", s)
		if n := strings.Count(s, `<g class="chart-row`); n != 3 {
			t.Errorf("%d rows, want the 3 top-level areas", n)
		}
		if strings.Contains(s, "Sykehjem") || strings.Contains(s, "Hjemme") {
			t.Error("an underområde has a row of its own")
		}
		if !strings.Contains(s, `<g class="chart-row chart-row--delt">`) || !strings.Contains(s, ">2 underområder</text>") {
			t.Errorf("the parent's row does not say it has 2 underområder:\n%s", s)
		}
		if !strings.Contains(s, ">−20,0</text>") {
			t.Error("the negative frame lacks its value")
		}
	}
	want := "De regulerte netto driftsrammene for 2026 er 150,0 mill. kr fordelt på 3 rammeområder; størst er Helse med 100,0 mill. kr; et område som er delt i underområder, har én søyle med summen av dem."
	if got := strings.ReplaceAll(sums["okonomiplan/x/rammer"], "\u00a0", " "); got != want {
		t.Errorf("summary:\n got %s\nwant %s", got, want)
	}
}

// TestDraw: Draw has every chart of All with its narrow drawing, summary
// and table, drawn in one pass.
func TestDraw(t *testing.T) {
	site := example(t)
	drawn, all, narrowSVG, sums, tables := Draw(site), All(site), Narrow(site), Summaries(site), Tables(site)
	if len(drawn) != len(all) {
		t.Fatalf("%d drawn, %d in All", len(drawn), len(all))
	}
	for k, d := range drawn {
		if d.SVG != all[k] || d.Narrow != narrowSVG[k] || d.Summary != sums[k] || d.Table != nil && tables[k] == nil {
			t.Errorf("%s: Draw differs from All, Narrow, Summaries or Tables", k)
		}
	}
}
