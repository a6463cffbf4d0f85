package chart

import (
	"math"
	"time"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
)

// day is a calendar date as days since 1970-01-01, or false if s is not
// an ISO date.
func day(s string) (int, bool) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, false
	}
	return int(t.Unix() / 86400), true
}

func yearStart(y int) int { return int(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Unix() / 86400) }

// point is a value at a day.
type point struct {
	day int
	kr  int64
}

// prosjektSeries is what the project chart draws.
type prosjektSeries struct {
	ramme    []point // each step of the kostnadsramme: the frame after it
	prognose []point // each status report's forecast, then the sluttregnskap
	slutt    bool    // the last prognose point is the sluttregnskap
	spend    []point // cumulative spend at each year's end (day = the year's first day)
	y0, y1   int     // the first and last year on the time axis
}

func prosjektData(p *model.Prosjekt) (prosjektSeries, bool) {
	var s prosjektSeries
	first, last := 0, 0
	see := func(y int) {
		if y == 0 {
			return
		}
		if first == 0 || y < first {
			first = y
		}
		if y > last {
			last = y
		}
	}
	yearOf := func(d int) int { return time.Unix(int64(d)*86400, 0).UTC().Year() }

	prev, known := 0, false
	for _, st := range p.Rammehistorikk {
		d, ok := day(st.Dato.ISO)
		switch {
		case ok:
			prev, known = d, true
		case known:
			d = prev // an undated step takes the date before it
		case p.StartAr > 0:
			d, known, prev = yearStart(p.StartAr), true, yearStart(p.StartAr)
		default:
			continue
		}
		s.ramme = appendInTime(s.ramme, point{d, st.Ramme.Kr})
		see(yearOf(d))
	}
	for _, r := range p.Statusrapporter {
		if d, ok := day(r.Dato.ISO); ok {
			s.prognose = appendInTime(s.prognose, point{d, r.Prognose.Kr})
			see(yearOf(d))
		}
	}
	if sr := p.Sluttregnskap; sr != nil {
		d, ok := day(sr.Vedtak.Dato)
		if !ok && len(s.prognose) > 0 {
			d, ok = s.prognose[len(s.prognose)-1].day, true
		}
		if ok {
			s.prognose = appendInTime(s.prognose, point{d, sr.Belop.Kr})
			s.slutt = true
			see(yearOf(d))
		}
	}
	var sum int64
	for _, r := range p.Regnskap {
		sum = money.MustAdd(sum, r.Belop.Kr)
		s.spend = append(s.spend, point{yearStart(r.Ar), sum})
		see(r.Ar)
	}
	see(p.StartAr)
	if len(s.ramme) == 0 && len(s.prognose) == 0 && len(s.spend) == 0 {
		return s, false
	}
	s.y0, s.y1 = first, last
	return s, true
}

// appendInTime appends pt to a series in the model's order, moved no
// earlier than the point before it, so that a step line never runs back.
func appendInTime(series []point, pt point) []point {
	if n := len(series); n > 0 {
		pt.day = max(pt.day, series[n-1].day)
	}
	return append(series, pt)
}

// prosjektChart draws a project's kostnadsramme as a solid step line with
// square markers at each vedtak, the forecast from each status report as a
// dashed step line with hollow round markers, and the cumulative spend at
// each year's end as light bars, over a time axis in years.
func prosjektChart(p *model.Prosjekt, w *catalog.Text, l layout) (chart, bool) {
	s, ok := prosjektData(p)
	if !ok {
		return chart{}, false
	}
	var lo, hi, maxAbs int64
	for _, series := range [][]point{s.ramme, s.prognose, s.spend} {
		for _, pt := range series {
			lo, hi = min(lo, pt.kr), max(hi, pt.kr)
			maxAbs = max(maxAbs, money.Abs(pt.kr))
		}
	}
	u := unitFor(maxAbs)
	sc := niceScale(headroom(u.value(lo), u.value(hi), 0.04, 0.04))

	const (
		legendY = 20.0
		plotTop = 78.0
		plotH   = 220.0
	)
	// The direct labels at the lines' ends need 124 units; on a phone the
	// legend names the lines and the table gives the figures.
	right := 124.0
	if l.narrow {
		right = 12
	}
	left := 12 + tickLabelWidth(sc)
	plotR := l.width - right
	plotBottom := plotTop + plotH

	dayLo, dayHi := yearStart(s.y0), yearStart(s.y1+1)
	xAt := func(d int) float64 {
		return left + float64(d-dayLo)/float64(dayHi-dayLo)*(plotR-left)
	}
	yAt := func(v float64) float64 { return sc.at(v, plotBottom, plotTop) }
	yKr := func(kr int64) float64 { return yAt(u.value(kr)) }

	var items []legendItem
	if len(s.ramme) > 0 {
		items = append(items, legendItem{w.T("chart_ramme", nil), func(c *canvas, x, y float64) {
			c.line(x-2, y+legendSwatch/2, x+legendSwatch+2, y+legendSwatch/2, "chart-line chart-line--ramme", rammeStyle...)
			c.square(x+legendSwatch/2, y+legendSwatch/2)
		}})
	}
	if len(s.prognose) > 0 {
		items = append(items, legendItem{w.T("chart_prognose", nil), func(c *canvas, x, y float64) {
			c.line(x-2, y+legendSwatch/2, x+legendSwatch+2, y+legendSwatch/2, "chart-line chart-line--prognose", prognoseStyle...)
			c.circle(x+legendSwatch/2, y+legendSwatch/2)
		}})
	}
	if len(s.spend) > 0 {
		items = append(items, legendItem{w.T("chart_regnskap_akk", nil), func(c *canvas, x, y float64) {
			c.rect(x, y, x+legendSwatch, y+legendSwatch, "chart-bar chart-bar--regnskap", lightStyle...)
		}})
	}
	shift := legendHeight(left, l.width, items) // more than one row pushes the plot down
	height := plotBottom + shift + 32

	c := newCanvas("prosjekt/"+p.ID, "prosjekt", w.T("chart_prosjekt_title", catalog.Args{"Navn": p.Navn}), height, false, l)
	c.legend(left, legendY, items)
	if shift > 0 {
		c.start("g", a("transform", "translate(0 "+num(shift)+")"))
	}
	c.valueAxis(sc, u, left, plotR, plotTop, plotBottom, yAt)

	// Years: a faint line at each 1 January, the year centred in its band.
	years := s.y1 - s.y0 + 1
	band := (plotR - left) / float64(years)
	every := 1
	for band*float64(every) < 40 {
		every++
	}
	c.start("g", a("class", "chart-axis chart-axis--x"))
	for y := s.y0; y <= s.y1+1; y++ {
		x := xAt(yearStart(y))
		c.line(x, plotTop, x, plotBottom, "chart-grid-line", gridStyle...)
		if y <= s.y1 && (y-s.y0)%every == 0 {
			c.text(x+band/2, plotBottom+18, "chart-label chart-tick", "middle", itoa(y), "", af("font-size", smallSize))
		}
	}
	c.end("g")

	if len(s.spend) > 0 {
		barW := min(band*0.5, 44)
		c.start("g", a("class", "chart-bars"))
		for _, pt := range s.spend {
			mid := xAt(pt.day) + band/2
			c.rect(mid-barW/2, yKr(0), mid+barW/2, yKr(pt.kr), "chart-bar chart-bar--regnskap", lightStyle...)
		}
		c.end("g")
	}

	var labels []directLabel
	if len(s.ramme) > 0 {
		c.start("g", a("class", "chart-series chart-series--ramme"))
		c.el("polyline", a("points", points(steps(s.ramme, xAt, yKr, plotR))), a("class", "chart-line chart-line--ramme"), a("fill", "none"), rammeStyle[0], rammeStyle[1])
		for _, pt := range s.ramme {
			c.square(xAt(pt.day), yKr(pt.kr))
		}
		c.end("g")
		v := s.ramme[len(s.ramme)-1].kr
		labels = append(labels, directLabel{y: yKr(v), lines: [2]string{w.T("chart_ramme_short", nil), formatAmount(v)}, class: "chart-direct chart-direct--ramme"})
	}
	if len(s.prognose) > 0 {
		c.start("g", a("class", "chart-series chart-series--prognose"))
		c.el("polyline", a("points", points(steps(s.prognose, xAt, yKr, plotR))), a("class", "chart-line chart-line--prognose"), a("fill", "none"), prognoseStyle[0], prognoseStyle[1], prognoseStyle[2])
		for _, pt := range s.prognose {
			c.circle(xAt(pt.day), yKr(pt.kr))
		}
		c.end("g")
		v := s.prognose[len(s.prognose)-1].kr
		name := w.T("chart_prognose", nil)
		if s.slutt {
			name = w.T("chart_sluttregnskap", nil)
		}
		labels = append(labels, directLabel{y: yKr(v), lines: [2]string{name, formatAmount(v)}, class: "chart-direct chart-direct--prognose"})
	}
	if !l.narrow {
		c.directLabels(plotR, plotR+8, plotTop, plotBottom+20, labels)
	}
	if shift > 0 {
		c.end("g")
	}
	return chart{svg: c.done(), summary: prosjektSummary(p, s, w)}, true
}

// prosjektSummary says how the frame moved, where the forecast stands
// against it and how much is spent.
func prosjektSummary(p *model.Prosjekt, s prosjektSeries, w *catalog.Text) string {
	changes := max(len(p.Rammehistorikk)-1, 0)
	from, to := p.Opprinnelig.Kr, p.Justert.Kr
	var out string
	switch {
	case len(p.Rammehistorikk) == 0:
		out = w.T("chart_sum_ingen_ramme", nil)
	case changes == 0:
		out = w.T("chart_sum_ramme_uendret", catalog.Args{"Til": formatAmount(to)})
	case to > from:
		out = w.T("chart_sum_ramme_okt", catalog.Args{"Fra": formatAmount(from), "Til": formatAmount(to), "Vedtak": count(w, changes, "chart_vedtak")})
	case to < from:
		out = w.T("chart_sum_ramme_redusert", catalog.Args{"Fra": formatAmount(from), "Til": formatAmount(to), "Vedtak": count(w, changes, "chart_vedtak")})
	default:
		out = w.T("chart_sum_ramme_endret", catalog.Args{"Vedtak": count(w, changes, "chart_vedtak"), "Til": formatAmount(to)})
	}
	var plain, over, under, lik catalog.Key = "chart_sum_prognose", "chart_sum_prognose_over", "chart_sum_prognose_under", "chart_sum_prognose_lik"
	if p.Sluttregnskap != nil {
		plain, over, under, lik = "chart_sum_slutt", "chart_sum_slutt_over", "chart_sum_slutt_under", "chart_sum_slutt_lik"
	}
	switch f := p.Prognose; {
	case f == nil:
		out += w.T("chart_sum_ingen_prognose", nil)
	case p.AvvikJustertPct == nil:
		out += w.T(plain, catalog.Args{"Belop": formatAmount(f.Kr)})
	case f.Kr == to:
		out += w.T(lik, catalog.Args{"Belop": formatAmount(f.Kr)})
	case f.Kr > to:
		out += w.T(over, catalog.Args{"Belop": formatAmount(f.Kr), "Avvik": unsignedPct(p.AvvikJustertPct.Verdi)})
	default:
		out += w.T(under, catalog.Args{"Belop": formatAmount(f.Kr), "Avvik": unsignedPct(p.AvvikJustertPct.Verdi)})
	}
	if len(s.spend) == 0 || p.RegnskapSum == nil {
		return out + w.T("chart_sum_ikke_brukt", nil)
	}
	return out + w.T("chart_sum_brukt", catalog.Args{"Belop": formatAmount(p.RegnskapSum.Kr)})
}

// unsignedPct writes the size of a percentage: "5,6 %".
func unsignedPct(v float64) string {
	if v < 0 {
		v = -v
	}
	return formatTenths(int64(math.Round(v*10))) + nbsp + "%"
}
