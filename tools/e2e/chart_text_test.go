package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// chartText measures every text of every chart on the page: its rendered
// font size in CSS px, and the text elements whose boxes overlap.
const chartText = `(() => {
	const out = {small: [], overlap: []};
	for (const svg of document.querySelectorAll('svg.chart')) {
		if (svg.getBoundingClientRect().width === 0) continue; // a variant not shown at this width
		const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim() !== '');
		const boxes = texts.map(t => t.getBoundingClientRect());
		texts.forEach((t, i) => {
			const size = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a;
			if (size < 11.95) out.small.push(svg.id + ': ' + JSON.stringify(t.textContent) + ' ' + size.toFixed(1) + ' px');
			for (let j = 0; j < i; j++) {
				const a = boxes[i], b = boxes[j];
				const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
				const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
				if (dx > 1 && dy > 2) out.overlap.push(svg.id + ': ' + JSON.stringify(texts[j].textContent) + ' / ' + JSON.stringify(t.textContent));
			}
		});
	}
	return out;
})()`

type chartTextResult struct {
	Small   []string `json:"small"`
	Overlap []string `json:"overlap"`
}

// TestChartText loads every page with a chart at 320, 390 and 1280 CSS px
// and measures the text of each chart as drawn on the screen: no text is
// below 12 px, and no two labels overlap.
func TestChartText(t *testing.T) {
	site := buildSite(t, "../../data")
	srv := serve(t, site)
	p := newPage(t)
	// Every page with a chart, found in the built files: charts differ by
	// their data (long names, values close together, an area with
	// underområder), not only by template.
	withCharts, _ := chartPages(t, site)
	if len(withCharts) < 3 {
		t.Fatalf("only %q have charts; the test needs the area, plan and project pages", withCharts)
	}
	for _, width := range []int64{320, 390, 1280} {
		do(t, p, chromedp.EmulateViewport(width, 800))
		for _, path := range withCharts {
			do(t, p, chromedp.Navigate(srv.URL+basePath+path))
			r := eval[chartTextResult](t, p, chartText)
			if len(r.Small) > 0 {
				t.Errorf("%s at %d px: chart text below 12 px: %s", path, width, strings.Join(first(r.Small, 5), "; "))
			}
			if len(r.Overlap) > 0 {
				t.Errorf("%s at %d px: chart labels overlap: %s", path, width, strings.Join(first(r.Overlap, 5), "; "))
			}
		}
	}
}

func first(s []string, n int) []string {
	if len(s) > n {
		return append(s[:n:n], fmt.Sprintf("… %d more", len(s)-n))
	}
	return s
}
