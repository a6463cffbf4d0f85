package searchindex

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/openkommune/portal/tools/search"
)

// TestCitizenQueries types what citizens type into the search box over the
// example kommune: numbers, case numbers as the site prints them, dates,
// lone punctuation, broken syntax. Each gives hits, no hits, or one of the
// Norwegian messages (never an engine's error), and the ones that name a
// record find it first.
func TestCitizenQueries(t *testing.T) {
	c := client(t, exampleIndex(t))
	// Every document is a result, but a vedtak's points are one with it.
	all := 0
	for _, d := range Docs(exampleSite(t)) {
		if d.Result.Type != "vedtakspunkt" {
			all++
		}
	}
	const (
		hits   = -1 // some hits
		none   = 0  // no hits
		any    = -2 // hits or none
		allDoc = -3 // every document, points grouped
	)
	cases := []struct {
		q      string
		total  int    // hits, none, any, allDoc or an exact count
		first  string // URL of the first hit, if not ""
		year   string // the first hit's date is in this year (or this day)
		code   string // the error's code
		notice string // the notice's code
	}{
		// Numbers search as text, and a year also as the year.
		{q: "2025", total: hits, year: "2025"},
		{q: "4120", total: any},
		{q: "1. tertial", total: hits},
		{q: "økonomiplan 2025", total: hits, first: "planer/handlings-og-okonomiplan-2025-2028/"},
		{q: "aar:2025", total: hits},
		{q: "-2025", total: hits},
		{q: "2025^2", total: hits},
		// Case numbers as printed on the site, arkivsak numbers, dates.
		{q: "KST 068/26", total: hits, first: "vedtak/kst-2026-068/"},
		{q: "4120", total: hits, first: "prosjekter/nordbyen-skole/"},
		{q: "prosjekt 4120", total: hits, first: "prosjekter/nordbyen-skole/"},
		{q: "068/26", total: hits, first: "vedtak/kst-2026-068/"},
		{q: "kst 068/26.", total: hits, first: "vedtak/kst-2026-068/"},
		{q: "(068/26)", total: hits, first: "vedtak/kst-2026-068/"},
		{q: "23/1760", total: hits, first: "vedtak/kst-"},
		{q: "25/1290", total: hits, first: "vedtak/fsk-2026-007/"},
		{q: "17.09.2026", total: hits, year: "2026-09-17"},
		{q: "2026-09-17", total: hits, year: "2026-09-17"},
		{q: "12.03.2026", total: any},
		{q: "2026-03-12", total: any},
		{q: "31.02.2026", total: any},
		// Punctuation alone.
		{q: "?", total: any}, {q: "!!!", total: none}, {q: "-", total: none}, {q: "+", total: none},
		{q: ":", total: none}, {q: `"`, total: none}, {q: "*", total: any}, {q: "~", total: none},
		{q: "^", total: none}, {q: `\`, total: none}, {q: "()", total: none}, {q: "[]", total: none},
		{q: "{}", total: none}, {q: "&&", total: none}, {q: "||", total: none}, {q: "/", total: none},
		{q: "+-", total: none}, {q: "--", total: none}, {q: "::", total: none}, {q: `""`, total: none},
		// Broken syntax is searched as words, with a notice.
		{q: `"skole`, total: hits, notice: "syntax"},
		{q: `skole"`, total: hits},
		{q: `"nordbyen skole`, total: hits, notice: "syntax"},
		{q: "(skole", total: hits},
		{q: "skole)", total: hits},
		{q: "tittel:", total: any, notice: "syntax"},
		{q: "skole tittel:", total: hits, notice: "syntax"},
		{q: "skole:", total: hits, notice: "syntax"},
		{q: "12:00 skole", total: hits, notice: "syntax"},
		{q: "Merk: skole", total: hits, notice: "unknown_field"},
		{q: "fylke:skole", total: hits, notice: "unknown_field"},
		{q: "skole~5", total: hits},
		{q: "skole~-1", total: hits},
		{q: "/[/", total: none},
		{q: "/[/ skole", total: hits, notice: "syntax"},
		{q: "skole^", total: hits},
		{q: "skole^x", total: hits, notice: "syntax"},
		{q: "dato:>\"neste uke\"", total: any, notice: "syntax"},
		// Empty.
		{q: "", total: allDoc}, {q: "   ", total: allDoc}, {q: "\t\n", total: allDoc},
		// Errors the visitor can fix.
		{q: "avvik_prosent:mye", code: "not_number"},
		{q: "tittel:>20", code: "not_number_field"},
		{q: "avvik_prosent:>\"2025-01-01\"", code: "not_date_field"},
		{q: "dato:forrige-uke", code: "bad_date"},
		// A year a date field cannot hold (1678–2261) is no date.
		{q: "dato:2924-02-07", code: "bad_date"},
		{q: "frist:2924", total: none}, // the year field frist_aar: a word, not a range
		{q: "dato:>=2924", code: "bad_date"},
		{q: "frist:<1677", code: "bad_date"},
		{q: "dato:2261-12-31", total: none},
		{q: "dato:>=1678 dato:<=2261", total: any},
		{q: strings.Repeat("ø", search.MaxQueryRunes+1), code: "too_long"},
		{q: strings.Repeat("skole ", 20000), code: "too_long"},
		{q: strings.Repeat("x", 100000), code: "too_long"},
		{q: `"` + strings.Repeat("(", 100000), code: "too_long"},
		{q: strings.Repeat("a ", search.MaxQueryWords+1), code: "too_many_words"},
		{q: strings.Repeat("a ", search.MaxQueryWords), total: any},
		{q: strings.Repeat("skol* ", search.MaxQueryPatterns+1), code: "too_many_patterns"},
		{q: "*e* s?ole skole~ /sk.*/ vei~2", code: "too_many_patterns"},
		{q: strings.Repeat("skol* ", search.MaxQueryPatterns), total: hits},
	}
	for _, tc := range cases {
		start := time.Now()
		r, err := c.Search(search.Request{Query: tc.q, Size: 5})
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%.40q took %v", tc.q, d)
		}
		if r == nil {
			t.Errorf("%.40q: %v", tc.q, err)
			continue
		}
		name := tc.q
		if len(name) > 40 {
			name = name[:40] + "…"
		}
		if r.Error != "" {
			if r.Code == "" || !slices.Contains(search.MessageCodes, r.Code) {
				t.Errorf("%q: an engine error for the visitor: %q", name, r.Error)
			} else if r.Code != tc.code {
				t.Errorf("%q: message %s (%s), want %q", name, r.Code, r.Error, tc.code)
			}
			continue
		}
		if tc.code != "" {
			t.Errorf("%q: %d hits, want the message %s", name, r.Total, tc.code)
			continue
		}
		notice := ""
		if r.Notice != nil {
			notice = r.Notice.Code
		}
		if notice != tc.notice {
			t.Errorf("%q: notice %q, want %q", name, notice, tc.notice)
		}
		switch {
		case tc.total == hits && r.Total == 0, tc.total == allDoc && r.Total != all, tc.total >= 0 && r.Total != tc.total:
			t.Errorf("%q: %d hits (want %d; %d is all)", name, r.Total, tc.total, all)
		}
		if tc.first != "" && (len(r.Hits) == 0 || !strings.HasPrefix(r.Hits[0].URL, tc.first)) {
			t.Errorf("%q: first hits %q, want %s…", name, titlesURLs(r), tc.first)
		}
		if tc.year != "" && (len(r.Hits) == 0 || !strings.HasPrefix(r.Hits[0].Date, tc.year)) {
			t.Errorf("%q: first hits %q, want one of %s", name, titlesURLs(r), tc.year)
		}
	}
}

func titlesURLs(r *search.Response) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.URL+" "+h.Date)
	}
	return out
}
