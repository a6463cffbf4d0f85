package chart

import (
	"cmp"
	"slices"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
)

// omradeYear is an area's frame in one year.
type omradeYear struct {
	ar                int
	vedtatt, regulert int64
}

// omradeYears picks for each year the frame of the plan that is that
// year's budget (model.OmradeRamme.Arsbudsjett, the rule of
// record.Arsbudsjett); the other plans' frames are in the page's table.
func omradeYears(_ *model.Site, o *model.Omrade) []omradeYear {
	byYear := map[int]omradeYear{}
	for _, r := range o.Rammer {
		if r.Arsregnskap != nil && (r.Vedtatt.Tekst == "" || r.Regulert.Tekst == "") {
			continue // a year from an årsregnskap that does not print its budget
		}
		if r.Arsbudsjett {
			byYear[r.Ar] = omradeYear{ar: r.Ar, vedtatt: r.Vedtatt.Kr, regulert: r.Regulert.Kr}
		}
	}
	years := make([]omradeYear, 0, len(byYear))
	for _, y := range byYear {
		years = append(years, y)
	}
	slices.SortFunc(years, func(a, b omradeYear) int { return cmp.Compare(a.ar, b.ar) })
	return years
}

// omradeChart draws an area's netto driftsramme per year as grouped bars:
// the adopted frame (outlined) beside the regulated frame (solid).
func omradeChart(site *model.Site, o *model.Omrade, w *catalog.Text, l layout) (chart, bool) {
	years := omradeYears(site, o)
	if len(years) == 0 {
		return chart{}, false
	}
	var lo, hi, maxAbs int64
	for _, y := range years {
		for _, v := range []int64{y.vedtatt, y.regulert} {
			lo, hi = min(lo, v), max(hi, v)
			maxAbs = max(maxAbs, money.Abs(v))
		}
	}
	u := unitFor(maxAbs)
	sc := niceScale(headroom(u.value(lo), u.value(hi), 0, 0.08))

	// A value label above the tallest bar may reach into the margin between
	// the legend and the plot, so the axis needs no headroom above.
	const (
		legendY = 20.0
		plotTop = 58.0
		plotH   = 200.0
		right   = 12.0
	)
	left := 12 + tickLabelWidth(sc)
	plotBottom := plotTop + plotH
	plotR := l.width - right
	height := plotBottom + 34

	c := newCanvas("omrade/"+o.ID, "omrade", w.T("chart_omrade_title", catalog.Args{"Navn": o.Navn}), height, false, l)
	c.legend(left, legendY, []legendItem{
		{w.T("chart_vedtatt", nil), func(c *canvas, x, y float64) {
			c.rect(x, y, x+legendSwatch, y+legendSwatch, "chart-bar chart-bar--vedtatt", lightStyle...)
		}},
		{w.T("chart_regulert", nil), func(c *canvas, x, y float64) {
			c.rect(x, y, x+legendSwatch, y+legendSwatch, "chart-bar chart-bar--regulert", solidStyle...)
		}},
	})
	yAt := func(v float64) float64 { return sc.at(v, plotBottom, plotTop) }
	c.valueAxis(sc, u, left, plotR, plotTop, plotBottom, yAt)

	group := (plotR - left) / float64(len(years))
	barW := min(group*0.8/2, 64)
	// Values over the bars where each fits its bar, with a margin for a
	// font wider than textWidth's estimate; on a phone the bars are too
	// narrow, and the table under the chart has the figures.
	labels := true
	for _, y := range years {
		for _, v := range []int64{y.vedtatt, y.regulert} {
			if textWidth(u.short(v), smallSize)*1.15 > barW {
				labels = false
			}
		}
	}
	c.start("g", a("class", "chart-bars"))
	for i, y := range years {
		mid := left + group*(float64(i)+0.5)
		x0 := mid - barW
		for j, v := range []int64{y.vedtatt, y.regulert} {
			class, style := "chart-bar chart-bar--vedtatt", lightStyle
			if j == 1 {
				class, style = "chart-bar chart-bar--regulert", solidStyle
			}
			bx := x0 + float64(j)*barW
			c.rect(bx+1, yAt(0), bx+barW-1, yAt(u.value(v)), class, style...)
			if labels {
				ly := yAt(u.value(v)) - 5
				if v < 0 {
					ly = yAt(u.value(v)) + smallSize + 3
				}
				c.text(bx+barW/2, ly, "chart-label chart-value", "middle", u.short(v), "", af("font-size", smallSize))
			}
		}
		c.text(mid, plotBottom+20, "chart-label chart-tick", "middle", itoa(y.ar), "")
	}
	c.end("g")

	return chart{svg: c.done(), summary: omradeSummary(o, years, w)}, true
}

func omradeSummary(o *model.Omrade, years []omradeYear, w *catalog.Text) string {
	first, last := years[0], years[len(years)-1]
	var s string
	if len(years) == 1 {
		s = w.T("chart_sum_omrade_one", catalog.Args{"Navn": o.Navn, "Belop": formatAmount(first.vedtatt), "Ar": first.ar})
	} else {
		s = w.T("chart_sum_omrade", catalog.Args{"Navn": o.Navn, "Forste": formatAmount(first.vedtatt), "ForsteAr": first.ar, "Siste": formatAmount(last.vedtatt), "SisteAr": last.ar})
	}
	changed, most := 0, omradeYear{}
	var mostAbs int64 = -1
	for _, y := range years {
		d := money.MustSub(y.regulert, y.vedtatt)
		if d == 0 {
			continue
		}
		changed++
		if money.Abs(d) > mostAbs {
			mostAbs, most = money.Abs(d), y
		}
	}
	if changed == 0 {
		return s + w.T("chart_sum_omrade_uregulert", nil)
	}
	return s + w.T("chart_sum_omrade_regulert", catalog.Args{"Endret": changed, "Ar": len(years), "Mest": most.ar, "Endring": formatSignedAmount(money.MustSub(most.regulert, most.vedtatt))})
}

// headroom widens lo..hi away from zero by a fraction of its span above
// and below, so that a value is not drawn on the plot's edge or a label
// fits beyond it; it returns the range and 5, the number of intervals to
// aim for.
func headroom(lo, hi, above, below float64) (float64, float64, int) {
	span := hi - lo
	if hi > 0 {
		hi += span * above
	}
	if lo < 0 {
		lo -= span * below
	}
	return lo, hi, 5
}

// tickLabelWidth is the room the widest tick label of a vertical value
// axis needs.
func tickLabelWidth(sc scale) float64 {
	wd := 0.0
	for _, t := range sc.ticks {
		wd = max(wd, textWidth(sc.label(t), smallSize))
	}
	return wd + 6
}

// valueAxis draws horizontal grid lines at the ticks of a vertical value
// axis with their labels at the left, the unit above them, and a solid
// line at zero.
func (c *canvas) valueAxis(sc scale, u unit, left, right, top, bottom float64, yAt func(float64) float64) {
	c.start("g", a("class", "chart-grid"))
	for _, t := range sc.ticks {
		c.line(left, yAt(t), right, yAt(t), "chart-grid-line", gridStyle...)
	}
	c.end("g")
	c.start("g", a("class", "chart-axis"))
	for _, t := range sc.ticks {
		c.text(left-6, yAt(t)+4, "chart-label chart-tick", "end", sc.label(t), "", af("font-size", smallSize))
	}
	c.text(8, top-14, "chart-label chart-unit", "start", u.label, "", af("font-size", smallSize))
	zero := 0.0
	if sc.lo > 0 {
		zero = sc.lo
	} else if sc.hi < 0 {
		zero = sc.hi
	}
	c.line(left, yAt(zero), right, yAt(zero), "chart-axis-line chart-zero", axisStyle...)
	c.end("g")
}
