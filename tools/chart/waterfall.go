package chart

import (
	"fmt"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
)

// regulatedYears lists the plan years with at least one regulering, in
// plan order.
func regulatedYears(o *model.Okonomiplan) []int {
	var years []int
	for _, y := range o.Ar {
		for _, r := range o.Reguleringer {
			if r.Ar == y {
				years = append(years, y)
				break
			}
		}
	}
	return years
}

// waterfallChart draws the chain of reguleringer in one plan year as a
// horizontal waterfall: the adopted sum of all frames, one floating bar per
// regulering in the order they were decided, and the regulated sum. The
// changes are small beside the sum, so the value axis starts near the
// lowest running total rather than at zero; the start and end bars are
// drawn broken and a note says so.
func waterfallChart(o *model.Okonomiplan, year int, w *catalog.Text, l layout) chart {
	idx := 0
	for i, y := range o.Ar {
		if y == year {
			idx = i
		}
	}
	var start int64
	if idx < len(o.SumVedtatt) {
		start = o.SumVedtatt[idx].Kr
	}
	var regs []model.Reguleringssteg
	vedtak := map[string]bool{}
	for _, r := range o.Reguleringer {
		if r.Ar == year {
			regs = append(regs, r)
			vedtak[r.Vedtak.ID] = true
		}
	}
	// running[i] is the sum before regulering i; running[len] the end.
	running := []int64{start}
	for _, r := range regs {
		running = append(running, money.MustAdd(running[len(running)-1], r.Belop.Kr))
	}
	end := running[len(running)-1]

	lo, hi, maxAbs := running[0], running[0], int64(0)
	for _, v := range running {
		lo, hi = min(lo, v), max(hi, v)
		maxAbs = max(maxAbs, money.Abs(v))
	}
	u := unitFor(maxAbs)
	span := u.value(money.MustSub(hi, lo))
	if span == 0 {
		span = max(u.value(maxAbs)*0.02, 1)
	}
	axisLo, axisHi := u.value(lo)-span*0.25, u.value(hi)+span*0.1
	broken := axisLo > 0
	if !broken {
		axisLo = min(0, u.value(lo))
		axisHi = max(0, axisHi)
	}
	const (
		legendY = 20.0
		barH    = 14.0
	)
	// Wide: the label left of its bar, the amount right of the plot.
	// Narrow: the label and the amount on a line of their own above the
	// bar, which has the whole width.
	top, rowH, labelW, valueW := 40.0, 24.0, 250.0, 112.0
	plotL := labelW + 12
	plotR := l.width - valueW - 12
	labelX, labelAnchor, barTop, ticks := labelW, "end", (rowH-barH)/2, 4
	if l.narrow {
		top, rowH = 48, 40
		plotL, plotR = 28, l.width-28 // room for half a tick label
		labelW = l.width - 24 - valueW
		labelX, labelAnchor, barTop, ticks = 12, "start", 20, 3
	}
	sc := niceScale(axisLo, axisHi, ticks)
	broken = sc.lo > 0
	rows := len(regs) + 2
	plotBottom := top + rowH*float64(rows)
	height := plotBottom + 44
	if broken {
		height += 18
	}
	xAt := func(kr int64) float64 { return sc.at(u.value(kr), plotL, plotR) }
	rowY := func(i int) float64 { return top + rowH*float64(i) + barTop }
	// The baseline of a row's label and amount.
	textY := func(y float64) float64 {
		if l.narrow {
			return y - 6
		}
		return y + barH - 2
	}

	key := fmt.Sprintf("okonomiplan/%s/reguleringer/%d", o.ID, year)
	c := newCanvas(key, "reguleringer", w.T("chart_waterfall_title", catalog.Args{"Ar": year}), height, true, l)
	c.legend(plotL, legendY, []legendItem{
		{w.T("chart_increase", nil), func(c *canvas, x, y float64) {
			c.rect(x, y, x+legendSwatch, y+legendSwatch, "chart-bar chart-bar--opp", solidStyle...)
		}},
		{w.T("chart_decrease", nil), func(c *canvas, x, y float64) {
			c.rect(x, y, x+legendSwatch, y+legendSwatch, "chart-bar chart-bar--ned", c.hatched()...)
		}},
	})

	// Grid and ticks along the bottom.
	c.start("g", a("class", "chart-grid"))
	for _, t := range sc.ticks {
		x := sc.at(t, plotL, plotR)
		c.line(x, top, x, plotBottom, "chart-grid-line", gridStyle...)
	}
	c.end("g")
	c.start("g", a("class", "chart-axis"))
	c.line(plotL, plotBottom, plotR, plotBottom, "chart-axis-line", axisStyle...)
	for _, t := range sc.ticks {
		c.text(sc.at(t, plotL, plotR), plotBottom+16, "chart-label chart-tick", "middle", sc.label(t), "", af("font-size", smallSize))
	}
	c.text(plotR, plotBottom+34, "chart-label chart-unit", "end", u.label, "", af("font-size", smallSize))
	if broken {
		c.text(plotL, plotBottom+52, "chart-label chart-note", "start", w.T("chart_axis_not_zero", nil), "", append([]attr{af("font-size", smallSize)}, mutedText...)...)
	}
	c.end("g")

	maxChars := charsFor(labelW, fontSize)
	total := func(i int, label string, v int64) {
		y := rowY(i)
		c.start("g", a("class", "chart-step chart-step--sum"))
		c.text(labelX, textY(y), "chart-label", labelAnchor, truncate(label, maxChars), label, a("font-weight", "bold"))
		if broken && xAt(v)-plotL > 24 {
			// A gap with slanted edges near the axis: the bar is cut.
			gap := plotL + 8
			c.rect(plotL, y, gap, y+barH, "chart-bar chart-bar--sum", solidStyle...)
			c.rect(gap+6, y, xAt(v), y+barH, "chart-bar chart-bar--sum", solidStyle...)
			c.line(gap-2, y+barH+2, gap+2, y-2, "chart-break", axisStyle...)
			c.line(gap+4, y+barH+2, gap+8, y-2, "chart-break", axisStyle...)
		} else {
			base := xAt(0)
			if broken {
				base = plotL // too short to show the cut
			}
			c.rect(base, y, xAt(v), y+barH, "chart-bar chart-bar--sum", solidStyle...)
		}
		c.text(l.width-12, textY(y), "chart-label chart-value", "end", formatAmount(v), "", a("font-weight", "bold"))
		c.end("g")
	}

	total(0, w.T("chart_start_bar", catalog.Args{"Ar": year}), start)
	for i, r := range regs {
		before, after := running[i], running[i+1]
		y := rowY(i + 1)
		// The connector from the previous bar's end.
		c.line(xAt(before), y-(rowH-barH), xAt(before), y, "chart-connector", append([]attr{a("stroke-dasharray", "2 2")}, axisStyle...)...)
		class, style := "chart-step chart-step--opp", solidStyle
		barClass := "chart-bar chart-bar--opp"
		if r.Belop.Kr < 0 {
			class, style = "chart-step chart-step--ned", c.hatched()
			barClass = "chart-bar chart-bar--ned"
		}
		c.start("g", a("class", class))
		merke := r.Vedtak.Merke
		label := r.Omrade.Tittel + " · " + merke
		short := truncate(r.Omrade.Tittel, maxChars-len([]rune(merke))-3) + " · " + merke
		if l.narrow {
			// The area alone: the vedtak is in the title and the table.
			short = truncate(r.Omrade.Tittel, maxChars)
		}
		c.text(labelX, textY(y), "chart-label", labelAnchor, short, label)
		x1, x2 := xAt(before), xAt(after)
		if d := x2 - x1; d > -1.5 && d < 1.5 {
			// Draw the smallest change at least 1.5 units wide, centred.
			mid := (x1 + x2) / 2
			x1, x2 = mid-0.75, mid+0.75
		}
		c.rect(x1, y, x2, y+barH, barClass, style...)
		c.text(l.width-12, textY(y), "chart-label chart-value", "end", formatSignedAmount(r.Belop.Kr), "")
		c.end("g")
	}
	last := rowY(rows - 1)
	c.line(xAt(end), last-(rowH-barH), xAt(end), last, "chart-connector", append([]attr{a("stroke-dasharray", "2 2")}, axisStyle...)...)
	total(rows-1, w.T("chart_end_bar", catalog.Args{"Ar": year}), end)

	summary := w.T("chart_sum_waterfall", catalog.Args{"Ar": year, "Vedtatt": formatAmount(start), "Regulert": formatAmount(end),
		"Reguleringer": count(w, len(regs), "chart_regulering"), "Vedtak": count(w, len(vedtak), "chart_vedtak")})
	return chart{svg: c.done(), summary: summary}
}
