package chart

import (
	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
)

// The KOSTRA chart is drawn for a phone's column: 340 units wide, so that
// in a 390 px window (a column of about 358 px) its text is at least the
// 12 px the charts promise; the stylesheet keeps it narrow on a wide
// screen (.chart--kostra).
const (
	kostraWidth = 340.0
	kostraBar   = 15.0 // one region's bar
	kostraGap   = 3.0  // between a function's bars
	kostraLabel = 20.0 // the function's name above its bars
	kostraAfter = 14.0 // after a function's bars
)

// kostraStyles are the fallback presentations of the kommune's, the
// group's and the country's bars, in the order of the regions' roles.
var kostraStyles = map[string][]attr{
	"kommune":      solidStyle,
	"kostragruppe": lightStyle,
	"landet":       {a("fill", "none"), a("stroke", "currentColor"), a("stroke-width", "1"), a("stroke-dasharray", "3 2")},
}

// kostraChart draws an area's KOSTRA figures in the latest year as
// horizontal bars: for each function, the kommune's figure per innbygger
// above its KOSTRA group's and the country's, each labelled with its
// value.
func kostraChart(o *model.Omrade, w *catalog.Text, l layout) (chart, bool) {
	k := o.KostraTall
	if k == nil || len(k.Ar) == 0 || len(k.Funksjoner) == 0 {
		return chart{}, false
	}
	last := len(k.Ar) - 1
	var lo, hi int64
	for _, f := range k.Funksjoner {
		for _, r := range f.Rader {
			if v := r.Tall[last].Verdi; v != nil {
				lo, hi = min(lo, *v), max(hi, *v)
			}
		}
	}
	// The value labels go beyond the bars' ends: leave room for the widest
	// on each side of zero.
	room := func(v int64) float64 { return textWidth(money.Format(v)+" kr", smallSize) + 8 }
	left, right := 8.0, l.width-8
	plotL, plotR := left, right-room(hi)
	if lo < 0 {
		plotL += room(lo)
	}
	xAt := func(v int64) float64 {
		if hi == lo {
			return plotL
		}
		return plotL + (plotR-plotL)*float64(v-lo)/float64(hi-lo)
	}

	legendTop := 8.0
	legendH := float64(len(k.Regioner)) * legendRow
	top := legendTop + legendH + 16
	group := kostraLabel + float64(len(k.Regioner))*(kostraBar+kostraGap) + kostraAfter
	height := top + float64(len(k.Funksjoner))*group
	c := newCanvas("kostra/"+o.ID, "kostra", w.T("chart_kostra_title", catalog.Args{"Navn": o.Navn, "Ar": k.Ar[last]}), height, false, l)

	c.start("g", a("class", "chart-legend"))
	for i, r := range k.Regioner {
		y := legendTop + float64(i)*legendRow
		c.rect(left, y, left+legendSwatch, y+legendSwatch, "chart-bar chart-bar--"+r.Rolle, kostraStyles[r.Rolle]...)
		c.text(left+legendSwatch+6, y+legendSwatch-2, "chart-label", "start", truncate(r.Navn, charsFor(right-left-legendSwatch-6, fontSize)), r.Navn)
	}
	c.end("g")

	c.start("g", a("class", "chart-bars"))
	for i, f := range k.Funksjoner {
		y := top + float64(i)*group
		name := f.Kode + " " + f.Navn
		c.text(left, y+kostraLabel-6, "chart-label chart-tick", "start", truncate(name, charsFor(right-left, fontSize)), name)
		for j, r := range f.Rader {
			role := k.Regioner[j].Rolle
			by := y + kostraLabel + float64(j)*(kostraBar+kostraGap)
			t := r.Tall[last]
			if t.Verdi == nil {
				c.text(xAt(0)+4, by+kostraBar-3, "chart-label chart-value", "start", t.Tekst, "", af("font-size", smallSize))
				continue
			}
			v := *t.Verdi
			c.rect(xAt(0), by, xAt(v), by+kostraBar, "chart-bar chart-bar--"+role, kostraStyles[role]...)
			label := money.Format(v) + " kr"
			if v < 0 {
				c.text(xAt(v)-4, by+kostraBar-3, "chart-label chart-value", "end", label, "", af("font-size", smallSize))
			} else {
				c.text(xAt(v)+4, by+kostraBar-3, "chart-label chart-value", "start", label, "", af("font-size", smallSize))
			}
		}
	}
	c.end("g")
	c.line(xAt(0), top, xAt(0), height-kostraAfter, "chart-axis-line chart-zero", axisStyle...)
	return chart{svg: c.done(), summary: kostraSummary(o, w)}, true
}

// kostraSummary says in a sentence how the kommune's figures in the latest
// year compare with the first region it is compared with (its group, or
// else the country).
func kostraSummary(o *model.Omrade, w *catalog.Text) string {
	k := o.KostraTall
	last := len(k.Ar) - 1
	other := -1
	for i, r := range k.Regioner {
		if r.Rolle != "kommune" && other < 0 {
			other = i
		}
	}
	kommune := 0
	for i, r := range k.Regioner {
		if r.Rolle == "kommune" {
			kommune = i
		}
	}
	if other < 0 {
		return w.T("chart_sum_kostra_alene", catalog.Args{"Navn": o.Navn, "Ar": k.Ar[last], "Antall": len(k.Funksjoner)})
	}
	over, compared := 0, 0
	for _, f := range k.Funksjoner {
		a, b := f.Rader[kommune].Tall[last].Verdi, f.Rader[other].Tall[last].Verdi
		if a == nil || b == nil {
			continue
		}
		compared++
		if *a > *b {
			over++
		}
	}
	return w.T("chart_sum_kostra", catalog.Args{
		"Navn": o.Navn, "Ar": k.Ar[last], "Kommune": k.Regioner[kommune].Navn, "Sammenlign": k.Regioner[other].Navn,
		"Over": over, "Antall": compared,
	})
}
