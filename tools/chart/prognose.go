package chart

import (
	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
)

// prognoseChart draws a project's forecast history (model.Prognosepunkt):
// at each report it has a status report for, one band on the x axis
// labelled by the report, the frame decided by the report's date as a
// solid line with square markers and the forecast as a dashed line with
// round markers. Reports where the forecast is over the frame get a
// hatched bar between the two, so the overrun does not rely on colour.
func prognoseChart(p *model.Prosjekt, w *catalog.Text, l layout) (chart, bool) {
	h := p.Prognosehistorikk
	if len(h) == 0 {
		return chart{}, false
	}
	var lo, hi, maxAbs int64
	for _, pt := range h {
		for _, v := range []int64{pt.Prognose.Kr, pt.Ramme.Kr} {
			lo, hi, maxAbs = min(lo, v), max(hi, v), max(maxAbs, money.Abs(v))
		}
	}
	u := unitFor(maxAbs)
	sc := niceScale(headroom(u.value(lo), u.value(hi), 0.04, 0.04))
	const (
		legendY = 20.0
		plotTop = 78.0
		plotH   = 220.0
		right   = 124.0
	)
	left := 12 + tickLabelWidth(sc)
	plotR := l.width - right
	plotBottom := plotTop + plotH
	band := (plotR - left) / float64(len(h))
	xAt := func(i int) float64 { return left + band*(float64(i)+0.5) }
	yAt := func(v float64) float64 { return sc.at(v, plotBottom, plotTop) }
	yKr := func(kr int64) float64 { return yAt(u.value(kr)) }

	items := []legendItem{
		{w.T("chart_ramme_ved_rapport", nil), func(c *canvas, x, y float64) {
			c.line(x-2, y+legendSwatch/2, x+legendSwatch+2, y+legendSwatch/2, "chart-line chart-line--ramme", rammeStyle...)
			c.square(x+legendSwatch/2, y+legendSwatch/2)
		}},
		{w.T("chart_prognose", nil), func(c *canvas, x, y float64) {
			c.line(x-2, y+legendSwatch/2, x+legendSwatch+2, y+legendSwatch/2, "chart-line chart-line--prognose", prognoseStyle...)
			c.circle(x+legendSwatch/2, y+legendSwatch/2)
		}},
	}
	over := false
	for _, pt := range h {
		over = over || pt.Over
	}
	if over {
		items = append(items, legendItem{w.T("chart_over_ramme", nil), func(c *canvas, x, y float64) {
			c.rect(x, y, x+legendSwatch, y+legendSwatch, "chart-bar chart-bar--over", c.hatched()...)
		}})
	}
	shift := legendHeight(left, l.width, items)
	height := plotBottom + shift + 32
	c := newCanvas("prognose/"+p.ID, "prognose", w.T("chart_prognose_title", catalog.Args{"Navn": p.Navn}), height, over, l)
	c.legend(left, legendY, items)
	if shift > 0 {
		c.start("g", a("transform", "translate(0 "+num(shift)+")"))
	}
	c.valueAxis(sc, u, left, plotR, plotTop, plotBottom, yAt)

	// One band per report; labels thinned out where bands are narrow.
	every := 1
	for band*float64(every) < 64 {
		every++
	}
	c.start("g", a("class", "chart-axis chart-axis--x"))
	for i, pt := range h {
		if i%every == 0 {
			c.text(xAt(i), plotBottom+18, "chart-label chart-tick", "middle", truncate(pt.Kort, charsFor(band*float64(every), smallSize)), pt.Rapport.Tittel, af("font-size", smallSize))
		}
	}
	c.end("g")

	if over {
		barW := min(band*0.4, 28)
		c.start("g", a("class", "chart-bars"))
		for i, pt := range h {
			if pt.Over {
				c.rect(xAt(i)-barW/2, yKr(pt.Prognose.Kr), xAt(i)+barW/2, yKr(pt.Ramme.Kr), "chart-bar chart-bar--over", c.hatched()...)
			}
		}
		c.end("g")
	}
	line := func(class string, style []attr, get func(model.Prognosepunkt) int64, mark func(x, y float64)) {
		xy := make([][2]float64, len(h))
		for i, pt := range h {
			xy[i] = [2]float64{xAt(i), yKr(get(pt))}
		}
		c.start("g", a("class", "chart-series chart-series--"+class))
		attrs := append([]attr{a("points", points(xy)), a("class", "chart-line chart-line--"+class), a("fill", "none")}, style...)
		c.el("polyline", attrs...)
		for _, p := range xy {
			mark(p[0], p[1])
		}
		c.end("g")
	}
	line("ramme", rammeStyle, func(pt model.Prognosepunkt) int64 { return pt.Ramme.Kr }, c.square)
	line("prognose", prognoseStyle, func(pt model.Prognosepunkt) int64 { return pt.Prognose.Kr }, c.circle)
	last := h[len(h)-1]
	c.directLabels(plotR, plotR+8, plotTop, plotBottom+20, []directLabel{
		{y: yKr(last.Ramme.Kr), lines: [2]string{w.T("chart_ramme_short", nil), formatAmount(last.Ramme.Kr)}, class: "chart-direct chart-direct--ramme"},
		{y: yKr(last.Prognose.Kr), lines: [2]string{w.T("chart_prognose", nil), formatAmount(last.Prognose.Kr)}, class: "chart-direct chart-direct--prognose"},
	})
	if shift > 0 {
		c.end("g")
	}
	return chart{svg: c.done(), summary: prognoseSummary(p, w)}, true
}

// prognoseSummary says in one sentence how the forecast moved from the
// first report to the last, and since when the project has been over its
// frame.
func prognoseSummary(p *model.Prosjekt, w *catalog.Text) string {
	h := p.Prognosehistorikk
	first, last := h[0], h[len(h)-1]
	args := catalog.Args{"Fra": formatAmount(first.Prognose.Kr), "Forste": first.Rapport.Tittel, "Til": formatAmount(last.Prognose.Kr), "Siste": last.Rapport.Tittel}
	key := catalog.Key("chart_sum_prognosehistorikk")
	if len(h) == 1 {
		key = "chart_sum_prognosehistorikk_en"
	}
	if p.OverSiden != nil {
		args["Rapport"] = p.OverSiden.Tittel
		key = "chart_sum_prognosehistorikk_over"
		if len(h) == 1 {
			key = "chart_sum_prognosehistorikk_en_over"
		}
	}
	return w.T(key, args)
}
