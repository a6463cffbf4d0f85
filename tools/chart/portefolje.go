package chart

import (
	"cmp"
	"slices"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/model"
)

// portefoljeChart draws every project with a forecast as a horizontal bar
// from 0 to its deviation from the adjusted frame in per cent, largest
// first, with a solid line at 0 and a dashed line at the kommune's alert
// threshold. An overrun's bar is hatched and its row says "▲ over ramme":
// never colour alone.
func portefoljeChart(site *model.Site, w *catalog.Text, l layout) (chart, bool) {
	var rows []*model.Prosjekt
	for _, p := range site.Prosjekter {
		if p.AvvikJustertPct != nil {
			rows = append(rows, p)
		}
	}
	if len(rows) == 0 {
		return chart{}, false
	}
	slices.SortStableFunc(rows, func(a, b *model.Prosjekt) int {
		return cmp.Or(cmp.Compare(b.AvvikJustertPct.Verdi, a.AvvikJustertPct.Verdi), cmp.Compare(a.Navn, b.Navn), cmp.Compare(a.ID, b.ID))
	})
	threshold := site.Kommune.OverskridelseVarsel.Verdi
	lo, hi := min(0, threshold), max(0, threshold)
	for _, p := range rows {
		lo, hi = min(lo, p.AvvikJustertPct.Verdi), max(hi, p.AvvikJustertPct.Verdi)
	}
	const (
		legendY = 20.0
		barH    = 14.0
	)
	// Wide: the name left of its bar, the value and the over-marker right
	// of the plot. Narrow: the name on a line of its own above the bar, the
	// marker at that line's end, the value right of the bar.
	rowH, nameW, valueX, markerX := 24.0, 226.0, 530.0, 537.0
	plotL, plotR := nameW+12, valueX-64
	barTop, ticks := (rowH-barH)/2, 5
	nameX, nameAnchor, nameRoom, overRoom := nameW, "end", nameW, nameW
	if l.narrow {
		rowH, valueX, markerX = 42, l.width-8, l.width-8
		plotL, plotR = 28, valueX-58 // room for half a tick label
		barTop, ticks = 20, 3
		nameX, nameAnchor = 8, "start"
		// Names are cut a tenth short of the room: the real font may be
		// wider than textWidth's estimate.
		nameRoom = (l.width - 16) * 0.9
		overRoom = (l.width - 16 - textWidth(w.T("chart_over_marker", nil), smallSize) - 6) * 0.9
	}
	legendX := plotL
	if l.narrow {
		legendX = 8
	}
	legend := []legendItem{
		{w.T("chart_over_legend", nil), func(c *canvas, x, y float64) {
			c.rect(x, y, x+legendSwatch, y+legendSwatch, "chart-bar chart-over", c.hatched()...)
		}},
		{w.T("chart_within_legend", nil), func(c *canvas, x, y float64) {
			c.rect(x, y, x+legendSwatch, y+legendSwatch, "chart-bar chart-bar--avvik", solidStyle...)
		}},
	}
	// The threshold's label sits above the plot, below the legend's rows.
	top := 62 + legendHeight(legendX, l.width, legend)
	sc := niceScale(lo, hi, ticks)
	plotBottom := top + rowH*float64(len(rows))
	height := plotBottom + 48
	xAt := func(v float64) float64 { return sc.at(v, plotL, plotR) }

	c := newCanvas("portefolje", "portefolje", w.T("chart_portefolje_title", nil), height, true, l)
	c.legend(legendX, legendY, legend)

	c.start("g", a("class", "chart-grid"))
	for _, t := range sc.ticks {
		c.line(xAt(t), top, xAt(t), plotBottom, "chart-grid-line", gridStyle...)
	}
	c.end("g")
	c.start("g", a("class", "chart-axis"))
	c.line(plotL, plotBottom, plotR, plotBottom, "chart-axis-line", axisStyle...)
	for _, t := range sc.ticks {
		c.text(xAt(t), plotBottom+16, "chart-label chart-tick", "middle", formatNumber(t, sc.decimals)+nbsp+"%", "", af("font-size", smallSize))
	}
	c.text((plotL+plotR)/2, plotBottom+36, "chart-label chart-axis-title", "middle", w.T("chart_avvik_axis", nil), "", af("font-size", smallSize))
	c.end("g")

	for i, p := range rows {
		y := top + rowH*float64(i) + barTop
		nameY, markerAnchor := y+barH-2, "start"
		if l.narrow {
			nameY, markerAnchor = y-6, "end"
		}
		v := p.AvvikJustertPct.Verdi
		class, barClass, style := "chart-row", "chart-bar chart-bar--avvik", solidStyle
		if p.OverRamme {
			class, barClass, style = "chart-row chart-row--over", "chart-bar chart-bar--avvik chart-over", c.hatched()
		}
		if p.Varsel {
			class += " chart-row--varsel"
		}
		c.start("g", a("class", class))
		room := nameRoom
		if p.OverRamme {
			room = overRoom
		}
		name := truncate(p.Navn, charsFor(room, fontSize))
		c.text(nameX, nameY, "chart-label chart-name", nameAnchor, name, p.Navn)
		if v != 0 {
			c.rect(xAt(0), y, xAt(v), y+barH, barClass, style...)
		}
		c.text(valueX, y+barH-2, "chart-label chart-value", "end", formatPct(v), "")
		if p.OverRamme {
			c.text(markerX, nameY, "chart-label chart-over-marker", markerAnchor, w.T("chart_over_marker", nil), "", a("font-weight", "bold"), af("font-size", smallSize))
		}
		c.end("g")
	}

	// The zero line and the threshold over the bars.
	c.line(xAt(0), top-4, xAt(0), plotBottom, "chart-zero", axisStyle...)
	tx := xAt(threshold)
	c.start("g", a("class", "chart-threshold"))
	c.line(tx, top-4, tx, plotBottom, "chart-threshold-line", append([]attr{a("stroke-dasharray", "5 3")}, axisStyle...)...)
	// The threshold as written (5,04 %), as the page and the feed show it.
	label := w.T("chart_threshold", catalog.Args{"Terskel": thresholdText(site.Kommune.OverskridelseVarsel)})
	lx, anchor := tx, "middle"
	if half := textWidth(label, smallSize) / 2; tx+half > l.width-8 {
		lx, anchor = tx, "end"
	} else if tx-half < plotL {
		lx, anchor = tx, "start"
	}
	c.text(lx, top-10, "chart-label", anchor, label, "", af("font-size", smallSize))
	c.end("g")

	return chart{svg: c.done(), summary: portefoljeSummary(rows, thresholdText(site.Kommune.OverskridelseVarsel), w)}, true
}

func portefoljeSummary(rows []*model.Prosjekt, threshold string, w *catalog.Text) string {
	over, varsel := 0, 0
	for _, p := range rows {
		if p.OverRamme {
			over++
		}
		if p.Varsel {
			varsel++
		}
	}
	if over == 0 {
		return w.T("chart_sum_portefolje_ingen", catalog.Args{"Prosjekter": count(w, len(rows), "chart_prosjekt")})
	}
	top := rows[0]
	return w.T("chart_sum_portefolje", catalog.Args{"Over": over, "Prosjekter": count(w, len(rows), "chart_prosjekt"), "Varsel": varsel, "Terskel": threshold, "Navn": top.Navn, "Avvik": formatPct(top.AvvikJustertPct.Verdi)})
}

// thresholdText is the alert threshold as the model writes it (as written
// in the data: 5,04 %), or its value with one decimal if it has no text.
func thresholdText(p model.Pct) string {
	if p.Tekst != "" {
		return p.Tekst
	}
	return unsignedPct(p.Verdi)
}
