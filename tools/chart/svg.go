package chart

import (
	"cmp"
	"encoding/xml"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Geometry shared by the charts. Every chart is drawn twice: 640 units
// wide, and 288 units wide for a phone (layout); the page scales each to
// its column (width="100%") and shows the one drawn for the column's width,
// and its height follows from the viewBox. Text is at least 12 units high,
// and a chart is never shown narrower than it is drawn, so text is never
// below 12 CSS px on the screen.
const (
	width     = 640.0 // the wide layout
	fontSize  = 13.0  // labels, legend
	smallSize = 12.0  // tick labels, values in the plot
)

// layout is the width a chart is drawn for. The narrow one fits the
// narrowest phone's column (320 px less the page's margins of 2 × 16 px);
// the page shows it below a column of 640 px (static/css/portal.css).
type layout struct {
	width  float64
	narrow bool
}

var (
	wide   = layout{width: width}
	narrow = layout{width: 288, narrow: true}
)

// num formats a coordinate with at most one decimal: "12.5", "40".
func num(v float64) string {
	v = math.Round(v*10) / 10
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// esc escapes text for XML character data and attribute values.
func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// slug turns a chart key into an id fragment: "prosjekt/nordbyen-skole" →
// "prosjekt-nordbyen-skole". Anything but a–z and 0–9 becomes one hyphen.
func slug(key string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(key) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(c)
			continue
		}
		dash = true
	}
	return b.String()
}

// canvas builds one SVG element as text.
type canvas struct {
	b      strings.Builder
	id     string // "chart-<slug of key>" ("chart-smal-…" narrow), the prefix of every id inside
	height float64
	width  float64 // the layout's
}

// attr is one attribute; its value is escaped when written.
type attr struct{ name, value string }

func a(name, value string) attr { return attr{name, value} }

func af(name string, v float64) attr { return attr{name, num(v)} }

// el writes an empty element.
func (c *canvas) el(name string, attrs ...attr) {
	c.open(name, attrs...)
	c.b.WriteString("/>\n")
}

// start writes a start tag.
func (c *canvas) start(name string, attrs ...attr) {
	c.open(name, attrs...)
	c.b.WriteString(">\n")
}

func (c *canvas) open(name string, attrs ...attr) {
	c.b.WriteString("<" + name)
	for _, at := range attrs {
		if at.value == "" {
			continue // an optional attribute left out
		}
		c.b.WriteString(" " + at.name + `="` + esc(at.value) + `"`)
	}
}

// end writes an end tag.
func (c *canvas) end(name string) { c.b.WriteString("</" + name + ">\n") }

// text writes a text element; s is escaped. If full is not s (a truncated
// label), the full text goes in a <title> child so that it shows on hover.
func (c *canvas) text(x, y float64, class, anchor, s, full string, attrs ...attr) {
	c.open("text", append([]attr{af("x", x), af("y", y), a("class", class), a("text-anchor", anchor)}, attrs...)...)
	c.b.WriteString(">")
	if full != "" && full != s {
		c.b.WriteString("<title>" + esc(full) + "</title>")
	}
	c.b.WriteString(esc(s) + "</text>\n")
}

// line writes a line.
func (c *canvas) line(x1, y1, x2, y2 float64, class string, attrs ...attr) {
	c.el("line", append([]attr{af("x1", x1), af("y1", y1), af("x2", x2), af("y2", y2), a("class", class)}, attrs...)...)
}

// rect writes a rectangle with a non-negative size whichever way x1..x2
// and y1..y2 run.
func (c *canvas) rect(x1, y1, x2, y2 float64, class string, attrs ...attr) {
	x, w := math.Min(x1, x2), math.Abs(x2-x1)
	y, h := math.Min(y1, y2), math.Abs(y2-y1)
	c.el("rect", append([]attr{af("x", x), af("y", y), af("width", w), af("height", h), a("class", class)}, attrs...)...)
}

// points writes a list of points for a polyline.
func points(xy [][2]float64) string {
	var b strings.Builder
	for i, p := range xy {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(num(p[0]) + "," + num(p[1]))
	}
	return b.String()
}

// Fallback presentation: the stylesheet themes the classes, but without it
// (print, a feed reader) these keep every chart legible in the text colour.
var (
	gridStyle  = []attr{a("stroke", "currentColor"), a("stroke-opacity", "0.15"), a("stroke-width", "1")}
	axisStyle  = []attr{a("stroke", "currentColor"), a("stroke-width", "1")}
	solidStyle = []attr{a("fill", "currentColor"), a("fill-opacity", "0.6")}
	lightStyle = []attr{a("fill", "currentColor"), a("fill-opacity", "0.15"), a("stroke", "currentColor"), a("stroke-width", "1")}
	mutedText  = []attr{a("fill-opacity", "0.8")}
)

const legendSwatch = 14.0

func (c *canvas) titleID() string { return c.id + "-title" }
func (c *canvas) hatchID() string { return c.id + "-hatch" }

// hatched is the fallback presentation of a hatched shape.
func (c *canvas) hatched() []attr {
	return []attr{a("fill", "url(#"+c.hatchID()+")"), a("stroke", "currentColor"), a("stroke-width", "1")}
}

// newCanvas starts an SVG for key with its title. kind names the chart
// ("omrade", "reguleringer", "prosjekt", "portefolje") for the root class.
func newCanvas(key, kind, title string, height float64, hatch bool, l layout) *canvas {
	c := &canvas{id: "chart-" + slug(key), height: height, width: l.width}
	class := "chart chart--" + kind
	if l.narrow {
		c.id = "chart-smal-" + slug(key)
		class += " chart--smal"
	}
	c.start("svg",
		a("xmlns", "http://www.w3.org/2000/svg"),
		a("viewBox", "0 0 "+num(l.width)+" "+num(height)),
		a("width", "100%"),
		a("role", "img"),
		a("aria-labelledby", c.titleID()),
		a("class", class),
		a("font-family", "system-ui, -apple-system, Segoe UI, Roboto, sans-serif"),
		a("font-size", num(fontSize)),
		a("fill", "currentColor"),
	)
	c.b.WriteString(`<title id="` + esc(c.titleID()) + `">` + esc(title) + "</title>\n")
	if hatch {
		c.start("defs")
		c.start("pattern", a("id", c.hatchID()), a("class", "chart-pattern"), a("patternUnits", "userSpaceOnUse"),
			a("width", "6"), a("height", "6"), a("patternTransform", "rotate(45)"))
		c.el("rect", a("width", "6"), a("height", "6"), a("fill", "currentColor"), a("fill-opacity", "0.12"))
		c.el("line", a("class", "chart-hatch"), a("x1", "0"), a("y1", "0"), a("x2", "0"), a("y2", "6"),
			a("stroke", "currentColor"), a("stroke-width", "2.5"))
		c.end("pattern")
		c.end("defs")
	}
	return c
}

// done closes the SVG and returns it.
func (c *canvas) done() string {
	c.end("svg")
	return c.b.String()
}

// legendItem is one entry of a legend: a swatch drawn by draw at (x, y)
// (the swatch's top left, legendSwatch square) and a label.
type legendItem struct {
	label string
	draw  func(c *canvas, x, y float64)
}

// legendLayout places items in rows from x0, wrapping at the right edge
// (right, less a margin); it returns each item's x and row.
func legendLayout(x0, right float64, items []legendItem) (xs []float64, rows []int) {
	x, row := x0, 0
	for _, it := range items {
		w := legendSwatch + 6 + textWidth(it.label, fontSize)
		if x > x0 && x+w > right-8 {
			x, row = x0, row+1
		}
		xs, rows = append(xs, x), append(rows, row)
		x += w + 18
	}
	return xs, rows
}

const legendRow = 20.0

// legendHeight is how much lower than one row the legend ends.
func legendHeight(x0, right float64, items []legendItem) float64 {
	_, rows := legendLayout(x0, right, items)
	if len(rows) == 0 {
		return 0
	}
	return float64(rows[len(rows)-1]) * legendRow
}

// legend draws items in rows from x0 with the first baseline at y.
func (c *canvas) legend(x0, y float64, items []legendItem) {
	xs, rows := legendLayout(x0, c.width, items)
	c.start("g", a("class", "chart-legend"))
	for i, it := range items {
		yy := y + float64(rows[i])*legendRow
		it.draw(c, xs[i], yy-legendSwatch+2)
		c.text(xs[i]+legendSwatch+6, yy, "chart-label", "start", it.label, "")
	}
	c.end("g")
}

// Line series: the frame solid and heavy, the forecast dashed; their
// markers differ in shape and fill as well.
var (
	rammeStyle    = []attr{a("stroke", "currentColor"), a("stroke-width", "2.5")}
	prognoseStyle = []attr{a("stroke", "currentColor"), a("stroke-width", "2"), a("stroke-dasharray", "6 4")}
)

// square draws a frame marker: a filled square.
func (c *canvas) square(x, y float64) {
	c.rect(x-3.5, y-3.5, x+3.5, y+3.5, "chart-marker chart-marker--ramme", a("fill", "currentColor"))
}

// circle draws a forecast marker: a hollow circle.
func (c *canvas) circle(x, y float64) {
	c.el("circle", af("cx", x), af("cy", y), a("r", "4"), a("class", "chart-marker chart-marker--prognose"),
		a("fill", "none"), a("stroke", "currentColor"), a("stroke-width", "2"))
}

// steps turns points into a step line that holds each value until the
// next point and the last value to xEnd.
func steps(pts []point, xAt func(int) float64, yKr func(int64) float64, xEnd float64) [][2]float64 {
	var out [][2]float64
	for i, p := range pts {
		x, y := xAt(p.day), yKr(p.kr)
		if i > 0 {
			out = append(out, [2]float64{x, yKr(pts[i-1].kr)})
		}
		out = append(out, [2]float64{x, y})
	}
	out = slices.CompactFunc(out, func(p, q [2]float64) bool { return num(p[0]) == num(q[0]) && num(p[1]) == num(q[1]) })
	if len(out) > 0 && out[len(out)-1][0] < xEnd {
		out = append(out, [2]float64{xEnd, out[len(out)-1][1]})
	}
	return out
}

// directLabel is a two-line label at the right end of a series.
type directLabel struct {
	y     float64 // the series' last value
	lines [2]string
	class string
}

// spread places labels wanted at ys at least gap apart and as close to
// where they are wanted as it can: overlapping labels form a cluster
// centred on the mean of their wishes. The result keeps the order of ys.
func spread(ys []float64, gap, top, bottom float64) []float64 {
	order := make([]int, len(ys))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(ys[i], ys[j]) })
	type cluster struct {
		first, n int // into order
		y        float64
	}
	var cs []cluster
	for k, i := range order {
		cs = append(cs, cluster{k, 1, ys[i]})
		// Merge while the last cluster overlaps the one before it.
		for len(cs) > 1 {
			p, q := cs[len(cs)-2], cs[len(cs)-1]
			if p.y+float64(p.n)*gap <= q.y {
				break
			}
			n := p.n + q.n
			sum := 0.0
			for _, j := range order[p.first : p.first+n] {
				sum += ys[j]
			}
			cs = append(cs[:len(cs)-2], cluster{p.first, n, sum/float64(n) - float64(n-1)*gap/2})
		}
	}
	out := make([]float64, len(ys))
	for _, c := range cs {
		for k, i := range order[c.first : c.first+c.n] {
			out[i] = c.y + float64(k)*gap
		}
	}
	// Keep the whole column inside top..bottom.
	if len(order) > 0 {
		if d := top - out[order[0]]; d > 0 {
			for i := range out {
				out[i] += d
			}
		}
		if d := out[order[len(order)-1]] - bottom; d > 0 {
			for i := range out {
				out[i] -= d
			}
		}
	}
	return out
}

// directLabels writes labels at x, each centred on its series' last value
// where they do not overlap, spread apart where they would; a short leader
// from xLine points at the series from a label that had to move.
func (c *canvas) directLabels(xLine, x, top, bottom float64, labels []directLabel) {
	want := make([]float64, len(labels))
	for i, l := range labels {
		want[i] = l.y
	}
	ys := spread(want, 32, top+12, bottom-16)
	for i, l := range labels {
		c.start("g", a("class", l.class))
		if d := ys[i] - l.y; d > 3 || d < -3 {
			c.line(xLine, l.y, x-3, ys[i]+1, "chart-leader", a("stroke", "currentColor"), a("stroke-width", "1"))
		}
		c.text(x, ys[i]+3, "chart-label", "start", l.lines[0], "", a("font-weight", "bold"))
		c.text(x, ys[i]+18, "chart-label chart-value", "start", l.lines[1], "", af("font-size", smallSize))
		c.end("g")
	}
}
