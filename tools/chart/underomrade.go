package chart

import (
	"slices"
	"strconv"
	"strings"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
)

// A parent area's frame broken down into its underområder: one stacked bar
// per year of the parent's chart (omradeYears: the regulated frame of the
// plan that is the year's budget), a segment per underområde in file
// order, and a segment for what the underområder do not account for (a
// year budgeted for the area as a whole, a regulering of the whole area,
// rounding in a printed table). The segments add up to the parent's frame,
// which is the bar's height and the value above it.

// delomrade is one segment of the stack: an underområde, or the rest.
type delomrade struct {
	navn   string
	values []int64 // per year of fordeling.years
	has    []bool  // whether the underområde has a frame that year
	rest   bool
}

// fordeling is a parent area's frames per year with the parts.
type fordeling struct {
	years []omradeYear
	parts []delomrade // the underområder, then the rest when any year has one
}

// fordelingOf finds the parts of o's regulated frame per year; ok is false
// when o has no underområder or none of them has a frame in a year the
// parent's chart shows.
func fordelingOf(site *model.Site, o *model.Omrade) (fordeling, bool) {
	years := omradeYears(site, o)
	if len(o.Underomrader) == 0 || len(years) == 0 {
		return fordeling{}, false
	}
	byID := map[string]*model.Omrade{}
	for _, a := range site.Omrader {
		byID[a.ID] = a
	}
	f := fordeling{years: years}
	rest := delomrade{values: make([]int64, len(years)), has: make([]bool, len(years)), rest: true}
	for i, y := range years {
		rest.values[i] = y.regulert
	}
	found := false
	for _, ref := range o.Underomrader {
		ch := byID[ref.ID]
		if ch == nil {
			continue
		}
		d := delomrade{navn: ch.Navn, values: make([]int64, len(years)), has: make([]bool, len(years))}
		for i, y := range years {
			for _, r := range ch.Rammer {
				if r.Arsbudsjett && r.Ar == y.ar {
					d.values[i], d.has[i] = r.Regulert.Kr, true
					rest.values[i] = money.MustSub(rest.values[i], r.Regulert.Kr)
					found = true
				}
			}
		}
		f.parts = append(f.parts, d)
	}
	if !found {
		return fordeling{}, false
	}
	for i, v := range rest.values {
		rest.has[i] = v != 0
	}
	if slices.Contains(rest.has, true) {
		f.parts = append(f.parts, rest)
	}
	return f, true
}

// segmentStyles tell the underområder apart without colour: a solid fill,
// diagonal hatching, a light fill, dots, horizontal lines; the sixth
// underområde starts the list again. Every segment is outlined, so two
// next to each other are told apart by the line between them as well. The
// rest is outlined with a dashed line and not filled.
const segmentStyles = 5

// segmentAttrs is the fallback presentation of segment i (-1: the rest).
func (c *canvas) segmentAttrs(i int) []attr {
	outline := []attr{a("stroke", "currentColor"), a("stroke-width", "1")}
	switch {
	case i < 0:
		return append([]attr{a("fill", "none")}, append(outline, a("stroke-dasharray", "4 3"))...)
	case i%segmentStyles == 0:
		return append([]attr{a("fill", "currentColor"), a("fill-opacity", "0.7")}, outline...)
	case i%segmentStyles == 2:
		return append([]attr{a("fill", "currentColor"), a("fill-opacity", "0.15")}, outline...)
	}
	return append([]attr{a("fill", "url(#"+c.patternID(i%segmentStyles)+")")}, outline...)
}

func (c *canvas) patternID(style int) string { return c.id + "-monster-" + itoa(style) }

// segmentPatterns writes the patterns of the first n segment styles that
// need one (1: hatching, 3: dots, 4: lines).
func (c *canvas) segmentPatterns(n int) {
	used := func(s int) bool { return n > s }
	if !used(1) {
		return
	}
	c.start("defs")
	pattern := func(style int, rotate string, draw func()) {
		c.start("pattern", a("id", c.patternID(style)), a("class", "chart-pattern chart-seg-pattern"), a("patternUnits", "userSpaceOnUse"),
			a("width", "6"), a("height", "6"), a("patternTransform", rotate))
		c.el("rect", a("width", "6"), a("height", "6"), a("fill", "currentColor"), a("fill-opacity", "0.08"))
		draw()
		c.end("pattern")
	}
	pattern(1, "rotate(45)", func() {
		c.el("line", a("class", "chart-seg-stroke"), a("x1", "0"), a("y1", "0"), a("x2", "0"), a("y2", "6"), a("stroke", "currentColor"), a("stroke-width", "2.5"))
	})
	if used(3) {
		pattern(3, "rotate(0)", func() {
			c.el("circle", a("class", "chart-seg-dot"), a("cx", "3"), a("cy", "3"), a("r", "1.5"), a("fill", "currentColor"))
		})
	}
	if used(4) {
		pattern(4, "rotate(0)", func() {
			c.el("line", a("class", "chart-seg-stroke"), a("x1", "0"), a("y1", "3"), a("x2", "6"), a("y2", "3"), a("stroke", "currentColor"), a("stroke-width", "2"))
		})
	}
	c.end("defs")
}

func segmentClass(d delomrade, i int) string {
	if d.rest {
		return "chart-seg chart-seg--rest"
	}
	return "chart-seg chart-seg--" + itoa(i%segmentStyles)
}

// underomradeChart draws o's frame per year as stacked bars of its
// underområder. Positive parts stack up from zero and negative ones down,
// each in file order, the rest last.
func underomradeChart(site *model.Site, o *model.Omrade, w *catalog.Text, l layout) (chart, bool) {
	f, ok := fordelingOf(site, o)
	if !ok {
		return chart{}, false
	}
	var lo, hi, maxAbs int64
	for i, y := range f.years {
		var pos, neg int64
		for _, d := range f.parts {
			if v := d.values[i]; v > 0 {
				pos = money.MustAdd(pos, v)
			} else {
				neg = money.MustAdd(neg, v)
			}
		}
		lo, hi = min(lo, neg, y.regulert), max(hi, pos, y.regulert)
		maxAbs = max(maxAbs, money.Abs(pos), money.Abs(neg))
	}
	u := unitFor(maxAbs)
	sc := niceScale(headroom(u.value(lo), u.value(hi), 0, 0.08))

	key := "underomrader/" + o.ID
	restLabel := w.T("chart_ikke_fordelt", nil)
	var items []legendItem
	for i, d := range f.parts {
		label, style := d.navn, i
		if d.rest {
			label, style = restLabel, -1
		}
		class := segmentClass(d, i)
		items = append(items, legendItem{truncate(label, charsFor(l.width-60, fontSize)), func(c *canvas, x, y float64) {
			c.rect(x, y, x+legendSwatch, y+legendSwatch, class, c.segmentAttrs(style)...)
		}})
	}
	const (
		legendY = 20.0
		plotH   = 200.0
		right   = 12.0
	)
	left := 12 + tickLabelWidth(sc)
	plotTop := legendY + legendHeight(left, l.width, items) + 38
	plotBottom := plotTop + plotH
	plotR := l.width - right
	height := plotBottom + 34

	c := newCanvas(key, "underomrader", w.T("chart_underomrader_title", catalog.Args{"Navn": o.Navn}), height, false, l)
	c.segmentPatterns(len(f.parts))
	c.legend(left, legendY, items)
	yAt := func(v float64) float64 { return sc.at(v, plotBottom, plotTop) }
	c.valueAxis(sc, u, left, plotR, plotTop, plotBottom, yAt)

	group := (plotR - left) / float64(len(f.years))
	barW := min(group*0.6, 72)
	labels := true
	for _, y := range f.years {
		if textWidth(u.short(y.regulert), smallSize)*1.15 > group*0.95 {
			labels = false
		}
	}
	for i, y := range f.years {
		mid := left + group*(float64(i)+0.5)
		c.start("g", a("class", "chart-bars chart-stack"))
		var pos, neg int64
		for j, d := range f.parts {
			v := d.values[i]
			if !d.has[i] || v == 0 {
				continue
			}
			base := &pos
			if v < 0 {
				base = &neg
			}
			from := *base
			*base = money.MustAdd(*base, v)
			style := j
			if d.rest {
				style = -1
			}
			c.rect(mid-barW/2, yAt(u.value(from)), mid+barW/2, yAt(u.value(*base)), segmentClass(d, j), c.segmentAttrs(style)...)
		}
		if labels {
			ly := yAt(u.value(pos)) - 5
			if y.regulert < 0 {
				ly = yAt(u.value(neg)) + smallSize + 3
			}
			c.text(mid, ly, "chart-label chart-value", "middle", u.short(y.regulert), "", af("font-size", smallSize))
		}
		c.text(mid, plotBottom+20, "chart-label chart-tick", "middle", itoa(y.ar), "")
		c.end("g")
	}
	return chart{svg: c.done(), summary: underomradeSummary(o, f, w), table: underomradeTable(o, f, w)}, true
}

// underomradeSummary says the newest year's frame and its parts, and the
// years the frame is not broken down in when others are.
func underomradeSummary(o *model.Omrade, f fordeling, w *catalog.Text) string {
	last := len(f.years) - 1
	var parts []string
	for _, d := range f.parts {
		if !d.has[last] {
			continue
		}
		if d.rest {
			parts = append(parts, w.T("chart_sum_underomrader_rest", catalog.Args{"Belop": formatAmount(d.values[last])}))
			continue
		}
		parts = append(parts, w.T("chart_sum_underomrader_del", catalog.Args{"Navn": d.navn, "Belop": formatAmount(d.values[last])}))
	}
	s := w.T("chart_sum_underomrader", catalog.Args{"Navn": o.Navn, "Belop": formatAmount(f.years[last].regulert), "Ar": f.years[last].ar, "Deler": joinList(parts, w)})
	var whole []string // the years no underområde has a figure for
	for i, y := range f.years {
		split := false
		for _, d := range f.parts {
			split = split || (!d.rest && d.has[i])
		}
		if !split {
			whole = append(whole, strconv.Itoa(y.ar))
		}
	}
	if len(whole) > 0 && len(whole) < len(f.years) {
		return s + w.T("chart_sum_underomrader_uten", catalog.Args{"Ar": joinList(whole, w)})
	}
	return s + "."
}

// joinList writes "a", "a og b", "a, b og c".
func joinList(parts []string, w *catalog.Text) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " " + w.T("chart_og", nil) + " " + parts[len(parts)-1]
}

// underomradeTable is the chart as a table: a row per year, a column per
// part and the area's frame last; "–" where an underområde has no frame.
func underomradeTable(o *model.Omrade, f fordeling, w *catalog.Text) *Table {
	t := &Table{
		Caption: w.T("chart_underomrader_caption", catalog.Args{"Navn": o.Navn}),
		Head:    []string{w.T("chart_ar", nil)},
	}
	for _, d := range f.parts {
		if d.rest {
			t.Head = append(t.Head, w.T("chart_ikke_fordelt", nil))
		} else {
			t.Head = append(t.Head, d.navn)
		}
	}
	t.Head = append(t.Head, o.Navn)
	for i, y := range f.years {
		row := TableRow{Head: itoa(y.ar)}
		for _, d := range f.parts {
			if d.has[i] {
				row.Cells = append(row.Cells, money.FormatKr(d.values[i]))
			} else {
				row.Cells = append(row.Cells, "–")
			}
		}
		row.Cells = append(row.Cells, money.FormatKr(y.regulert))
		t.Rows = append(t.Rows, row)
	}
	return t
}
