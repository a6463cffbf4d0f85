package chart

import (
	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
)

// rammeRow is one top-level area's frame in a plan's first year.
type rammeRow struct {
	navn  string
	kr    int64
	under int // how many underområder the frame includes (rows one level down)
}

// rammeSet is what a plan's overview draws: the regulated frames of an
// adopted plan, or, while it is not adopted, the frames of the stage it is
// at (stage "forslag" or "innstilling"; "" for the regulated frames).
type rammeSet struct {
	rows  []rammeRow
	sum   int64
	stage string
}

// rammeRows are the plan's top-level rows (Niva 0: what the council votes
// on and what the sum counts) in the plan's order, with the number of
// underområder of each; an underområde is never a row of its own. A plan
// not adopted has no regulated frames: its rows are its latest stage's.
func rammeRows(o *model.Okonomiplan) rammeSet {
	var set rammeSet
	if len(o.Rammer) > 0 {
		set.rows = topRows(o.Rammer, func(r model.Rammelinje) (model.Ref, model.Niva, []model.Kr) {
			return r.Omrade, r.Niva, r.Regulert
		})
		if len(o.SumRegulert) > 0 {
			set.sum = o.SumRegulert[0].Kr
		}
		return set
	}
	st := latestStage(o)
	if st == nil {
		return set
	}
	set.stage = st.Type
	set.rows = topRows(st.Rammer, func(r model.StadieRamme) (model.Ref, model.Niva, []model.Kr) {
		return r.Omrade, r.Niva, r.Belop
	})
	if len(st.SumVist) > 0 {
		set.sum = st.SumVist[0].Kr
	}
	return set
}

// topRows makes a row of each top-level area among rows that has a figure
// for the plan's first year, counting the underområder directly under it;
// of reads a row's area, place in the tree and figures per year.
func topRows[T any](rows []T, of func(T) (model.Ref, model.Niva, []model.Kr)) []rammeRow {
	var out []rammeRow
	for _, r := range rows {
		area, niva, kr := of(r)
		if niva.Niva != 0 || len(kr) == 0 {
			continue
		}
		row := rammeRow{navn: area.Tittel, kr: kr[0].Kr}
		for _, s := range rows {
			if _, n, _ := of(s); n.Overordnet == area.ID && n.Niva == 1 {
				row.under++
			}
		}
		out = append(out, row)
	}
	return out
}

// latestStage is the stage a plan not adopted is at (Okonomiplan.Stadium:
// the innstilling, else the forslag), nil for an adopted plan or one
// without such a stage; an alternative is never a plan's stage.
func latestStage(o *model.Okonomiplan) *model.Stadium {
	if o.Stadium != "forslag" && o.Stadium != "innstilling" {
		return nil
	}
	for i := range o.Stadier {
		if o.Stadier[i].Type == o.Stadium {
			return &o.Stadier[i]
		}
	}
	return nil
}

// rammerChart draws the plan's top-level areas' regulated frames in its
// first year (the year it is the budget of) as horizontal bars in the
// plan's order, each with its amount; an area split into underområder
// says so at its row ("2 underområder"), as its bar is their sum and the
// page links their breakdown. A plan not adopted has its latest stage's
// frames drawn instead, the title and summary naming that stage.
func rammerChart(o *model.Okonomiplan, w *catalog.Text, l layout) (chart, bool) {
	set := rammeRows(o)
	rows := set.rows
	if len(rows) == 0 || len(o.Ar) == 0 {
		return chart{}, false
	}
	var lo, hi, maxAbs int64
	for _, r := range rows {
		lo, hi = min(lo, r.kr), max(hi, r.kr)
		maxAbs = max(maxAbs, money.Abs(r.kr))
	}
	u := unitFor(maxAbs)
	const barH = 14.0
	// Wide: the name left of its bar, the amount and the underområder
	// right of the plot. Narrow: the name on a line of its own above the
	// bar with the underområder at its end, the amount right of the bar.
	rowH, nameW, valueX, markerX := 24.0, 226.0, 520.0, 528.0
	plotL, plotR := nameW+12, valueX-56
	barTop, ticks := (rowH-barH)/2, 5
	nameX, nameAnchor, markerAnchor := nameW, "end", "start"
	if l.narrow {
		rowH, valueX, markerX = 42, l.width-8, l.width-8
		plotL, plotR = 28, valueX-50
		barTop, ticks = 20, 3
		nameX, nameAnchor, markerAnchor = 8, "start", "end"
	}
	sc := niceScale(u.value(lo), u.value(hi), ticks)
	top := 12.0
	plotBottom := top + rowH*float64(len(rows))
	height := plotBottom + 44
	xAt := func(v float64) float64 { return sc.at(v, plotL, plotR) }
	year := o.Ar[0]

	title := w.T("chart_rammer_title", catalog.Args{"Ar": year})
	bar := "chart-bar chart-bar--regulert"
	if set.stage != "" {
		title = w.T("chart_rammer_stadium_title", catalog.Args{"Ar": year, "Stadium": w.T(stageIn(set.stage), nil)})
		bar = "chart-bar chart-bar--stadium"
	}
	c := newCanvas("okonomiplan/"+o.ID+"/rammer", "rammer", title, height, false, l)
	c.start("g", a("class", "chart-grid"))
	for _, t := range sc.ticks {
		c.line(xAt(t), top, xAt(t), plotBottom, "chart-grid-line", gridStyle...)
	}
	c.end("g")
	c.start("g", a("class", "chart-axis"))
	c.line(plotL, plotBottom, plotR, plotBottom, "chart-axis-line", axisStyle...)
	for _, t := range sc.ticks {
		c.text(xAt(t), plotBottom+16, "chart-label chart-tick", "middle", sc.label(t), "", af("font-size", smallSize))
	}
	c.text((plotL+plotR)/2, plotBottom+36, "chart-label chart-unit", "middle", u.label, "", af("font-size", smallSize))
	c.end("g")

	for i, r := range rows {
		y := top + rowH*float64(i) + barTop
		nameY := y + barH - 2
		if l.narrow {
			nameY = y - 6
		}
		marker := ""
		if r.under > 0 {
			marker = count(w, r.under, "chart_underomrade")
		}
		room := nameW
		if l.narrow {
			room = l.width - 16
			if marker != "" {
				room -= textWidth(marker, smallSize) + 8
			}
			room *= 0.9 // a font wider than textWidth's estimate
		}
		class := "chart-row"
		if r.under > 0 {
			class += " chart-row--delt"
		}
		c.start("g", a("class", class))
		c.text(nameX, nameY, "chart-label chart-name", nameAnchor, truncate(r.navn, charsFor(room, fontSize)), r.navn)
		if r.kr != 0 {
			c.rect(xAt(0), y, xAt(u.value(r.kr)), y+barH, bar, solidStyle...)
		}
		c.text(valueX, y+barH-2, "chart-label chart-value", "end", u.short(r.kr), "", af("font-size", smallSize))
		if marker != "" {
			c.text(markerX, nameY, "chart-label chart-delt", markerAnchor, marker, "", af("font-size", smallSize))
		}
		c.end("g")
	}
	c.line(xAt(0), top-4, xAt(0), plotBottom, "chart-zero", axisStyle...)
	return chart{svg: c.done(), summary: rammerSummary(o, set, w)}, true
}

// stageIn names a stage as the overview's title and summary say it ("i
// kommunedirektørens forslag"): never as adopted.
func stageIn(stage string) catalog.Key {
	if stage == "innstilling" {
		return "chart_rammer_i_innstilling"
	}
	return "chart_rammer_i_forslag"
}

// rammerSummary gives the sum of the top-level frames and the largest,
// naming the stage of a plan not adopted.
func rammerSummary(o *model.Okonomiplan, set rammeSet, w *catalog.Text) string {
	rows := set.rows
	big := rows[0]
	for _, r := range rows[1:] {
		if r.kr > big.kr {
			big = r
		}
	}
	args := catalog.Args{"Ar": o.Ar[0], "Sum": formatAmount(set.sum), "Omrader": count(w, len(rows), "chart_rammeomrade"), "Navn": big.navn, "Belop": formatAmount(big.kr)}
	s := w.T("chart_sum_rammer", args)
	if set.stage != "" {
		args["Stadium"] = w.T(stageIn(set.stage), nil)
		s = w.T("chart_sum_rammer_stadium", args)
	}
	for _, r := range rows {
		if r.under > 0 {
			return s + w.T("chart_sum_rammer_delt", nil)
		}
	}
	return s + "."
}
