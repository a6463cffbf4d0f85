package chart

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestNarrow: every chart of the example kommune is drawn for a phone as
// well, 288 units wide, with ids of its own (both drawings are on the
// page), no text smaller than 12 units, and every text's anchor inside
// the drawing.
func TestNarrow(t *testing.T) {
	site := example(t)
	all, narrowSVG := All(site), Narrow(site)
	if len(narrowSVG) != len(all) {
		t.Fatalf("%d narrow charts for %d charts", len(narrowSVG), len(all))
	}
	textRe := regexp.MustCompile(`<text x="([-0-9.]+)"[^>]*?(?: font-size="([0-9.]+)")?[^>]*>`)
	idRe := regexp.MustCompile(` id="([^"]+)"`)
	for _, k := range sortedKeys(all) {
		n := narrowSVG[k]
		if !strings.Contains(n, `viewBox="0 0 288 `) || !strings.Contains(n, "chart--smal") {
			t.Errorf("%s: the narrow chart is not 288 units wide: %.120s", k, n)
		}
		wideIDs := map[string]bool{}
		for _, m := range idRe.FindAllStringSubmatch(all[k], -1) {
			wideIDs[m[1]] = true
		}
		for _, m := range idRe.FindAllStringSubmatch(n, -1) {
			if wideIDs[m[1]] {
				t.Errorf("%s: id %q in both drawings", k, m[1])
			}
		}
		for _, m := range textRe.FindAllStringSubmatch(n, -1) {
			x, _ := strconv.ParseFloat(m[1], 64)
			if x < 0 || x > 288 {
				t.Errorf("%s: text at x=%v outside the drawing: %s", k, x, m[0])
			}
			if m[2] != "" {
				if size, _ := strconv.ParseFloat(m[2], 64); size < 12 {
					t.Errorf("%s: text of %v units: %s", k, size, m[0])
				}
			}
		}
	}
}
