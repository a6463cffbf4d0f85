package feed

import (
	"strconv"
	"strings"
	"testing"
)

// TestRapportFeed: one entry per report of the example, newest first,
// dated by the report, each summarising its changes: the count of each
// kind, the largest three in kroner with their amounts, and the vedtak that
// treated it; the first report says it has nothing to compare with.
func TestRapportFeed(t *testing.T) {
	site := example(t)
	base := "https://eksempelvik.github.io/portal/"
	f, idx := files(t, site, base)
	if idx.Rapporter != "feed/rapporter.xml" {
		t.Fatalf("index names %q for the reports' feed", idx.Rapporter)
	}
	feed := parse(t, "rapporter", f["feed/rapporter.xml"])
	if len(feed.Entries) != len(site.Rapporter) || len(site.Rapporter) < 2 {
		t.Fatalf("%d entries for %d reports", len(feed.Entries), len(site.Rapporter))
	}
	for i, r := range site.Rapporter { // newest first, as the feed
		e := feed.Entries[i]
		if e.alternate() != base+r.Path || e.Title[0].Text != r.Tittel || e.Updated[0] != timestamp(r.Dato.ISO) {
			t.Errorf("entry %d: %s %q %s, want %s %q %s", i, e.alternate(), e.Title[0].Text, e.Updated[0], base+r.Path, r.Tittel, timestamp(r.Dato.ISO))
		}
		sum := strings.ReplaceAll(e.Summary[0].Text, "\u00a0", " ")
		switch {
		case r.Forrige == nil:
			if !strings.Contains(sum, "første rapporten") {
				t.Errorf("%s: summary %q", r.ID, sum)
			}
		case len(r.Endringer) > 0:
			if !strings.Contains(sum, "Endringer siden "+r.Forrige.Tittel+": ") {
				t.Errorf("%s: summary %q does not count the changes since %s", r.ID, sum, r.Forrige.Tittel)
			}
			for _, c := range r.Antall {
				if !strings.Contains(sum, ": "+strconv.Itoa(c.Antall)) {
					t.Errorf("%s: summary %q lacks the count %d of %s", r.ID, sum, c.Antall, c.Kode)
				}
			}
			if first := r.Endringer[0]; first.Storrelse > 0 && !strings.Contains(sum, "Størst i kroner: "+first.Om.Tittel+":") {
				t.Errorf("%s: summary %q does not start the largest with %s", r.ID, sum, first.Om.Tittel)
			}
		}
		if r.Vedtak != nil && !strings.Contains(sum, "Behandlet i "+r.Vedtak.Merke) {
			t.Errorf("%s: summary %q does not name the vedtak that treated it", r.ID, sum)
		}
	}
	// The example's 2. tertial 2026: the area Fellesposter's forecast fell
	// by 29.6 mill. kr (73.6 %), the largest change.
	if sum := strings.ReplaceAll(feed.Entries[0].Summary[0].Text, "\u00a0", " "); !strings.Contains(sum, "Fellesposter: prognose for rammeområdet endret −29 600 000 kr (−73,6 %)") {
		t.Errorf("2026-t2: summary %q", sum)
	}
}
