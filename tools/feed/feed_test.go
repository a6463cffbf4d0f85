package feed

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/synth"
)

// Atom as a reader sees it: every element must be in the Atom namespace.
type rFeed struct {
	XMLName  xml.Name  `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string    `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID       []string  `xml:"http://www.w3.org/2005/Atom id"`
	Title    []rText   `xml:"http://www.w3.org/2005/Atom title"`
	Subtitle []rText   `xml:"http://www.w3.org/2005/Atom subtitle"`
	Updated  []string  `xml:"http://www.w3.org/2005/Atom updated"`
	Authors  []rPerson `xml:"http://www.w3.org/2005/Atom author"`
	Links    []rLink   `xml:"http://www.w3.org/2005/Atom link"`
	Entries  []rEntry  `xml:"http://www.w3.org/2005/Atom entry"`
}

type rText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

type rPerson struct {
	Name string `xml:"http://www.w3.org/2005/Atom name"`
}

type rLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Href string `xml:"href,attr"`
}

type rEntry struct {
	ID       []string  `xml:"http://www.w3.org/2005/Atom id"`
	Title    []rText   `xml:"http://www.w3.org/2005/Atom title"`
	Updated  []string  `xml:"http://www.w3.org/2005/Atom updated"`
	Authors  []rPerson `xml:"http://www.w3.org/2005/Atom author"`
	Links    []rLink   `xml:"http://www.w3.org/2005/Atom link"`
	Summary  []rText   `xml:"http://www.w3.org/2005/Atom summary"`
	Content  []rText   `xml:"http://www.w3.org/2005/Atom content"`
	Category []struct {
		Term string `xml:"term,attr"`
	} `xml:"http://www.w3.org/2005/Atom category"`
}

func (e rEntry) alternate() string {
	for _, l := range e.Links {
		if l.Rel == "alternate" || l.Rel == "" {
			return l.Href
		}
	}
	return ""
}

func compileFS(tb testing.TB, fsys fs.FS) *model.Site {
	tb.Helper()
	set, diags := load.Load(fsys, "data")
	check.Check(set, diags)
	if diags.Errors() > 0 {
		var b strings.Builder
		diags.Print(&b)
		tb.Fatalf("data does not check:\n%s", b.String())
	}
	return compile.Compile(set)
}

func example(tb testing.TB) *model.Site { return compileFS(tb, os.DirFS("../../data")) }

func files(tb testing.TB, site *model.Site, base string) (map[string][]byte, Index) {
	tb.Helper()
	f, idx, err := Files(site, base)
	if err != nil {
		tb.Fatal(err)
	}
	return f, idx
}

// pages is every page path in the site model.
func pages(site *model.Site) map[string]bool {
	p := map[string]bool{"": true, "vedtak/": true, "overskridelser/": true, "prosjekter/": true, "planer/": true, "okonomiplan/": true, "rammeomrader/": true, "rapporter/": true}
	for _, x := range site.Rapporter {
		p[x.Path] = true
	}
	for _, v := range site.Vedtak {
		p[v.Path] = true
	}
	for _, x := range site.Prosjekter {
		p[x.Path] = true
	}
	for _, x := range site.Planer {
		p[x.Path] = true
	}
	for _, x := range site.Omrader {
		p[x.Path] = true
	}
	for _, x := range site.Okonomiplaner {
		p[x.Path] = true
	}
	return p
}

// parse checks that data is well-formed XML and reads it as Atom.
func parse(t *testing.T, name string, data []byte) rFeed {
	t.Helper()
	if !bytes.HasPrefix(data, []byte(`<?xml version="1.0" encoding="UTF-8"?>`)) {
		t.Errorf("%s: no XML declaration with UTF-8", name)
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s is not well-formed: %v", name, err)
		}
	}
	var f rFeed
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return f
}

// checkFeed checks what RFC 4287 requires and what the portal promises:
// ids, titles, updated in RFC 3339, an author, self and alternate links,
// entries newest first with unique ids, links to pages that exist, and
// absolute hrefs under an absolute base.
func checkFeed(t *testing.T, name string, data []byte, site *model.Site, base string) rFeed {
	t.Helper()
	f := parse(t, name, data)
	one := func(what string, n int) {
		if n != 1 {
			t.Errorf("%s: %d %s, want 1", name, n, what)
		}
	}
	one("feed id", len(f.ID))
	one("feed title", len(f.Title))
	one("feed updated", len(f.Updated))
	if len(f.ID) == 1 && !strings.HasPrefix(f.ID[0], "tag:") {
		t.Errorf("%s: feed id %q is not a tag URI", name, f.ID[0])
	}
	if f.Lang != site.Kommune.Malform {
		t.Errorf("%s: xml:lang %q, want %q", name, f.Lang, site.Kommune.Malform)
	}
	if len(f.Authors) == 0 || f.Authors[0].Name != site.Kommune.Navn {
		t.Errorf("%s: feed author %+v, want %q", name, f.Authors, site.Kommune.Navn)
	}
	ps := pages(site)
	abs := strings.Contains(base, "://")
	prefix := base
	if prefix == "" {
		prefix = "/"
	}
	checkHref := func(where, href string) {
		if !strings.HasPrefix(href, prefix) {
			t.Errorf("%s: %s href %q is not under %q", name, where, href, prefix)
		}
		u, err := url.Parse(href)
		if err != nil {
			t.Errorf("%s: %s href %q: %v", name, where, href, err)
		}
		if abs && !u.IsAbs() {
			t.Errorf("%s: %s href %q is not absolute", name, where, href)
		}
	}
	checkPage := func(where, href string) {
		checkHref(where, href)
		p, _, _ := strings.Cut(strings.TrimPrefix(href, prefix), "#")
		if !ps[p] {
			t.Errorf("%s: %s link %q is not a page of the site", name, where, href)
		}
	}
	var self, alt int
	for _, l := range f.Links {
		switch l.Rel {
		case "self":
			self++
			checkHref("self", l.Href)
			if want := prefix + strings.TrimPrefix(name, "/"); l.Href != want {
				t.Errorf("%s: self link %q, want %q", name, l.Href, want)
			}
			if l.Type != "application/atom+xml" {
				t.Errorf("%s: self link type %q", name, l.Type)
			}
		case "alternate":
			alt++
			checkPage("feed alternate", l.Href)
		}
	}
	one("self link", self)
	one("alternate link", alt)

	var prev time.Time
	ids := map[string]bool{}
	for i, e := range f.Entries {
		one("entry id", len(e.ID))
		one("entry title", len(e.Title))
		one("entry updated", len(e.Updated))
		if len(e.ID) != 1 || len(e.Updated) != 1 || len(e.Title) != 1 {
			continue
		}
		if ids[e.ID[0]] {
			t.Errorf("%s: entry id %s twice", name, e.ID[0])
		}
		ids[e.ID[0]] = true
		if !strings.HasPrefix(e.ID[0], "tag:") {
			t.Errorf("%s: entry id %q is not a tag URI", name, e.ID[0])
		}
		if strings.TrimSpace(e.Title[0].Text) == "" {
			t.Errorf("%s: entry %s has an empty title", name, e.ID[0])
		}
		if len(e.Summary) != 1 || strings.TrimSpace(e.Summary[0].Text) == "" {
			t.Errorf("%s: entry %s has no summary", name, e.ID[0])
		}
		u, err := time.Parse(time.RFC3339, e.Updated[0])
		if err != nil {
			t.Errorf("%s: entry %s updated %q is not RFC 3339: %v", name, e.ID[0], e.Updated[0], err)
		}
		if i > 0 && u.After(prev) {
			t.Errorf("%s: entry %s (%s) is newer than the one above it: not newest first", name, e.ID[0], e.Updated[0])
		}
		prev = u
		if e.alternate() == "" {
			t.Errorf("%s: entry %s has no alternate link", name, e.ID[0])
		}
		for _, l := range e.Links {
			checkPage("entry "+l.Rel, l.Href)
		}
	}
	// Feed updated: the newest entry's, else the reference date.
	if len(f.Updated) == 1 {
		if _, err := time.Parse(time.RFC3339, f.Updated[0]); err != nil {
			t.Errorf("%s: feed updated %q is not RFC 3339", name, f.Updated[0])
		}
		want := timestamp(site.Kommune.Referansedato.ISO)
		if len(f.Entries) > 0 && len(f.Entries[0].Updated) == 1 {
			want = f.Entries[0].Updated[0]
		}
		if f.Updated[0] != want {
			t.Errorf("%s: feed updated %s, want %s", name, f.Updated[0], want)
		}
	}
	return f
}

func checkAll(t *testing.T, site *model.Site, base string) (map[string][]byte, Index) {
	t.Helper()
	f, idx := files(t, site, base)
	if len(f) != 3+len(site.Prosjekter) {
		t.Errorf("%d feeds, want %d", len(f), 3+len(site.Prosjekter))
	}
	ids := map[string]string{}
	for _, p := range slices.Sorted(maps.Keys(f)) {
		if !strings.HasPrefix(p, "feed/") || !strings.HasSuffix(p, ".xml") {
			t.Errorf("%s is not feed/….xml", p)
		}
		feed := checkFeed(t, p, f[p], site, base)
		// Entry ids are unique across all feeds.
		for _, e := range feed.Entries {
			if len(e.ID) == 1 {
				if other, dup := ids[e.ID[0]]; dup {
					t.Errorf("entry id %s is in %s and %s", e.ID[0], other, p)
				}
				ids[e.ID[0]] = p
			}
		}
	}
	for _, p := range []string{idx.Vedtak, idx.Varsler} {
		if _, ok := f[p]; !ok {
			t.Errorf("index names %s, not a feed", p)
		}
	}
	for _, p := range site.Prosjekter {
		if _, ok := f[idx.Prosjekter[p.ID]]; !ok {
			t.Errorf("project %s: index names %q, not a feed", p.ID, idx.Prosjekter[p.ID])
		}
	}
	return f, idx
}

func TestExample(t *testing.T) {
	site := example(t)
	for _, base := range []string{"https://eksempelvik.github.io/portal/", "/", "/portal/", ""} {
		t.Run(base, func(t *testing.T) {
			f, idx := checkAll(t, site, base)
			if idx.Vedtak != "feed/vedtak.xml" || idx.Varsler != "feed/overskridelser.xml" || idx.Prosjekter["nordbyen-skole"] != "feed/prosjekter/nordbyen-skole.xml" {
				t.Errorf("index %+v", idx)
			}
			if b, err := json.Marshal(idx); err != nil || !bytes.Contains(b, []byte(`"varsler":"feed/overskridelser.xml"`)) {
				t.Errorf("index JSON %s, %v", b, err)
			}
			_ = f
		})
	}
}

// TestVedtakFeed checks that the feed has the 50 newest vedtak.
func TestVedtakFeed(t *testing.T) {
	site := example(t)
	f, _ := files(t, site, "https://eksempelvik.github.io/portal/")
	feed := parse(t, "vedtak", f["feed/vedtak.xml"])
	if len(site.Vedtak) <= 50 {
		t.Fatalf("the example has %d vedtak; the test needs more than 50", len(site.Vedtak))
	}
	if len(feed.Entries) != 50 {
		t.Fatalf("%d entries, want 50", len(feed.Entries))
	}
	// site.Vedtak is newest first, then by id.
	for i, e := range feed.Entries {
		v := site.Vedtak[i]
		if want := "https://eksempelvik.github.io/portal/" + v.Path; e.alternate() != want {
			t.Errorf("entry %d links %s, want %s", i, e.alternate(), want)
		}
		if want := "tag:www.eksempelvik.kommune.no,2025:vedtak/" + v.ID; e.ID[0] != want {
			t.Errorf("entry %d id %s, want %s", i, e.ID[0], want)
		}
		if !strings.HasPrefix(e.Title[0].Text, v.Merke+": ") || !strings.Contains(e.Title[0].Text, v.Tittel) {
			t.Errorf("entry %d title %q", i, e.Title[0].Text)
		}
		if !strings.HasPrefix(e.Updated[0], v.Dato.ISO+"T00:00:00+0") {
			t.Errorf("entry %d updated %s, want %s at midnight", i, e.Updated[0], v.Dato.ISO)
		}
	}
	sum := feed.Entries[0].Summary[0].Text
	if !strings.Contains(sum, "vedtakspunkter") || !strings.Contains(sum, "åpne") {
		t.Errorf("first summary %q lacks the point counts", sum)
	}
	for _, e := range feed.Entries {
		if strings.Contains(e.Summary[0].Text, " 1 åpne") {
			t.Errorf("%s: %q: want the singular 1 åpent", e.ID[0], e.Summary[0].Text)
		}
	}
	if len(feed.Entries[0].Category) != 1 || feed.Entries[0].Category[0].Term != site.Vedtak[0].Utvalg.Kode {
		t.Errorf("first entry category %+v", feed.Entries[0].Category)
	}
}

// TestVarselFeed checks that the alert feed has exactly the projects over
// the threshold, each stating its figures.
func TestVarselFeed(t *testing.T) {
	site := example(t)
	base := "https://eksempelvik.github.io/portal/"
	f, _ := files(t, site, base)
	feed := parse(t, "varsler", f["feed/overskridelser.xml"])
	var want, got []string
	for _, p := range site.Prosjekter {
		if p.Varsel {
			want = append(want, base+p.Path)
		}
	}
	if len(want) == 0 {
		t.Fatal("the example has no project over the threshold")
	}
	for _, e := range feed.Entries {
		got = append(got, e.alternate())
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("alerts for %v, want %v", got, want)
	}
	// Alerts of the same date: the largest deviation first.
	lastDate, lastPct := "", 0.0
	for _, e := range feed.Entries {
		for _, x := range site.Prosjekter {
			if base+x.Path == e.alternate() {
				if e.Updated[0] == lastDate && x.AvvikJustertPct.Verdi > lastPct {
					t.Errorf("%s (%v %%) is below a smaller deviation of the same date", x.ID, x.AvvikJustertPct.Verdi)
				}
				lastDate, lastPct = e.Updated[0], x.AvvikJustertPct.Verdi
			}
		}
	}
	for _, e := range feed.Entries {
		var p *model.Prosjekt
		for _, x := range site.Prosjekter {
			if base+x.Path == e.alternate() {
				p = x
			}
		}
		if p == nil {
			continue
		}
		sum := e.Summary[0].Text
		for _, s := range []string{p.Prognose.Tekst, p.Justert.Tekst, p.AvvikJustertPct.Tekst, strings.TrimPrefix(p.AvvikJustert.Tekst, "+"), site.Kommune.OverskridelseVarsel.Tekst} {
			if !strings.Contains(sum, s) {
				t.Errorf("%s: summary %q lacks %q", p.ID, sum, s)
			}
		}
		// Updated is the date of the report that gave the forecast.
		var date string
		if p.PrognoseKilde == "sluttregnskap" {
			date = p.Sluttregnskap.Vedtak.Dato
			if !strings.Contains(sum, "sluttregnskap") {
				t.Errorf("%s: summary %q does not name the sluttregnskap", p.ID, sum)
			}
		} else {
			s := p.Statusrapporter[len(p.Statusrapporter)-1]
			date = s.Dato.ISO
			if !strings.Contains(sum, "statusrapport") {
				t.Errorf("%s: summary %q does not name the status report", p.ID, sum)
			}
		}
		if !strings.HasPrefix(e.Updated[0], date) {
			t.Errorf("%s: updated %s, want the forecast's date %s", p.ID, e.Updated[0], date)
		}
	}
}

// TestProsjektFeed checks one project's feed entry by entry.
func TestProsjektFeed(t *testing.T) {
	site := example(t)
	f, _ := files(t, site, "/")
	var p *model.Prosjekt
	for _, x := range site.Prosjekter {
		if x.ID == "nordbyen-skole" {
			p = x
		}
	}
	feed := parse(t, "nordbyen", f["feed/prosjekter/nordbyen-skole.xml"])
	want := len(p.Rammehistorikk) + len(p.Bevilgninger) + len(p.Statusrapporter)
	if p.Sluttregnskap != nil {
		want++
	}
	if len(feed.Entries) != want {
		t.Errorf("%d entries, want %d", len(feed.Entries), want)
	}
	byID := map[string]rEntry{}
	for _, e := range feed.Entries {
		byID[strings.TrimPrefix(e.ID[0], "tag:www.eksempelvik.kommune.no,2025:")] = e
	}
	for id, parts := range map[string][]string{
		"prosjekt/nordbyen-skole/status/2026-t2": {"2. tertial 2026", "334\u00a0000\u00a0000\u00a0kr", "Middels risiko (gul)", "15. desember 2027"},
		"prosjekt/nordbyen-skole/ramme/1":        {"Opprinnelig kostnadsramme", "285\u00a0000\u00a0000\u00a0kr", "KST"},
		"prosjekt/nordbyen-skole/ramme/4":        {"Tilleggsbevilgning", "17\u00a0500\u00a0000\u00a0kr", "326\u00a0000\u00a0000\u00a0kr"},
		"prosjekt/nordbyen-skole/bevilgning/4":   {"2025", "−22\u00a0000\u00a0000\u00a0kr"},
	} {
		e, ok := byID[id]
		if !ok {
			t.Errorf("no entry %s", id)
			continue
		}
		text := e.Title[0].Text + " " + e.Summary[0].Text
		for _, s := range parts {
			if !strings.Contains(text, s) {
				t.Errorf("%s: %q lacks %q", id, text, s)
			}
		}
	}
	if e := byID["prosjekt/nordbyen-skole/status/2026-t2"]; len(e.Updated) == 0 || e.Updated[0] != "2026-08-31T00:00:00+02:00" {
		t.Errorf("status t2 2026 updated %v, want 2026-08-31T00:00:00+02:00", e.Updated)
	}
	if e := byID["prosjekt/nordbyen-skole/ramme/4"]; len(e.Links) < 2 || e.Links[1].Rel != "related" || !strings.HasPrefix(e.Links[1].Href, "/vedtak/") {
		t.Errorf("ramme/4 links %+v, want a related link to the vedtak", e.Links)
	}
	// A project with a sluttregnskap has an entry for it.
	found := false
	for _, x := range site.Prosjekter {
		if x.Sluttregnskap == nil {
			continue
		}
		found = true
		feed := parse(t, x.ID, f["feed/prosjekter/"+x.ID+".xml"])
		if len(feed.Entries) == 0 || !strings.HasSuffix(feed.Entries[0].ID[0], "prosjekt/"+x.ID+"/sluttregnskap") {
			t.Errorf("%s: newest entry is not the sluttregnskap", x.ID)
		}
	}
	if !found {
		t.Error("the example has no project with a sluttregnskap")
	}
}

func TestNynorsk(t *testing.T) {
	site := example(t)
	site.Kommune.Malform = "nn"
	f, _ := checkAll(t, site, "https://eksempelvik.github.io/portal/")
	for path, words := range map[string][]string{
		"feed/vedtak.xml":                    {`xml:lang="nn"`, "Dei 50 nyaste vedtaka", "vedtakspunkt", "opne"},
		"feed/overskridelser.xml":            {"Overskridingar over varslingsgrensa", "Varslingsgrensa til kommunen"},
		"feed/prosjekter/nordbyen-skole.xml": {"endringar", "Tilleggsløyving", "Venta ferdig", "Vedteke i", "Løyving for", "Opphavleg kostnadsramme vedteken"},
	} {
		data, ok := f[path]
		if !ok {
			t.Errorf("no %s", path)
			continue
		}
		for _, w := range words {
			if !bytes.Contains(data, []byte(w)) {
				t.Errorf("%s: no %q in nynorsk", path, w)
			}
		}
		// The portal's own words, not the data's (which is the kommune's text).
		for _, w := range []string{": endringer<", "Tilleggsbevilgning på", "Forventet ferdig:", "De 50 nyeste", "Vedtatt i ", "Bevilgning for", "Kommunens varslingsgrense", " åpne"} {
			if bytes.Contains(data, []byte(w)) {
				t.Errorf("%s: bokmål %q in nynorsk", path, w)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	base := "https://eksempelvik.github.io/portal/"
	a, ia := files(t, example(t), base)
	b, ib := files(t, example(t), base)
	if !maps.EqualFunc(a, b, bytes.Equal) {
		t.Error("two runs give different feeds")
	}
	if !maps.Equal(ia.Prosjekter, ib.Prosjekter) || ia.Vedtak != ib.Vedtak || ia.Varsler != ib.Varsler {
		t.Error("two runs give different indexes")
	}
}

// TestNoEntries checks a feed without entries: valid, updated on the
// reference date.
func TestNoEntries(t *testing.T) {
	site := example(t)
	for _, p := range site.Prosjekter {
		p.Varsel = false
	}
	f, _ := files(t, site, "/")
	feed := checkFeed(t, "feed/overskridelser.xml", f["feed/overskridelser.xml"], site, "/")
	if len(feed.Entries) != 0 || feed.Updated[0] != "2026-10-31T00:00:00+01:00" {
		t.Errorf("%d entries, updated %v", len(feed.Entries), feed.Updated)
	}
}

func TestSynthetic(t *testing.T) {
	if testing.Short() {
		t.Skip("synthetic kommune")
	}
	site := compileFS(t, synth.FS(synth.Size{Vedtak: 400, Prosjekter: 40, Planer: 5, Seed: 3}))
	checkAll(t, site, "https://example.org/")
}

func TestBaseURL(t *testing.T) {
	for _, tc := range []struct{ base, want, err string }{
		{"https://owner.github.io/repo/", "https://owner.github.io/repo/vedtak/", ""},
		{"https://owner.github.io/repo", "https://owner.github.io/repo/vedtak/", ""},
		{"http://localhost:1313/", "http://localhost:1313/vedtak/", ""},
		{"/", "/vedtak/", ""},
		{"", "/vedtak/", ""},
		{"/portal", "/portal/vedtak/", ""},
		{"portal/", "/portal/vedtak/", ""},
		{"ftp://host/", "", "want an http(s) URL"},
		{"https:///x/", "", "want an http(s) URL"},
		{"//host/x/", "", "want an http(s) URL"},
		{"https://host/?q=1", "", "without user, query or fragment"},
		{"https://h/%zz", "", "invalid URL escape"},
	} {
		l, err := newLinker(tc.base)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: error %v, want %q", tc.base, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tc.base, err)
			continue
		}
		if got := l.href("vedtak/"); got != tc.want {
			t.Errorf("%q: href %q, want %q", tc.base, got, tc.want)
		}
	}
	if _, _, err := Files(example(t), "ftp://x/"); err == nil {
		t.Error("Files accepted an ftp base URL")
	}
}

func TestTagPrefix(t *testing.T) {
	abs, _ := newLinker("https://Owner.github.io/repo/")
	rel, _ := newLinker("/")
	for _, tc := range []struct {
		nettsted string
		l        linker
		want     string
	}{
		{"https://www.eksempelvik.kommune.no/", rel, "tag:www.eksempelvik.kommune.no,2025:"},
		{"https://WWW.Eksempelvik.kommune.no:443/x", rel, "tag:www.eksempelvik.kommune.no,2025:"},
		{"", abs, "tag:owner.github.io,2025:"},
		{"", rel, "tag:kommune.invalid,2025:"},
	} {
		if got := tagPrefix(tc.nettsted, tc.l); got != tc.want {
			t.Errorf("tagPrefix(%q) = %q, want %q", tc.nettsted, got, tc.want)
		}
	}
}

func TestTimestamp(t *testing.T) {
	for iso, want := range map[string]string{
		"2025-03-13": "2025-03-13T00:00:00+01:00",
		"2025-03-30": "2025-03-30T00:00:00+01:00", // summer time starts at 02:00 that day
		"2025-03-31": "2025-03-31T00:00:00+02:00",
		"2025-10-26": "2025-10-26T00:00:00+02:00", // ends at 03:00 that day
		"2025-10-27": "2025-10-27T00:00:00+01:00",
		"2026-08-31": "2026-08-31T00:00:00+02:00",
		"2026-12-31": "2026-12-31T00:00:00+01:00",
		"1990-09-30": "1990-09-30T00:00:00+02:00", // September end before 1996
		"1990-10-01": "1990-10-01T00:00:00+01:00",
		"":           "1970-01-01T00:00:00Z",
		"2025-02-30": "1970-01-01T00:00:00Z",
	} {
		if got := timestamp(iso); got != want {
			t.Errorf("timestamp(%q) = %s, want %s", iso, got, want)
		}
	}
	// Against the time zone database, where the machine has one.
	oslo, err := time.LoadLocation("Europe/Oslo")
	if err != nil {
		t.Skipf("no time zone database: %v", err)
	}
	for d := time.Date(1981, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2040; d = d.AddDate(0, 0, 1) {
		want := time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, oslo).Format(time.RFC3339)
		if got := timestamp(d.Format(time.DateOnly)); got != want {
			t.Fatalf("timestamp(%s) = %s, the time zone database says %s", d.Format(time.DateOnly), got, want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	for _, tc := range []struct {
		md   string
		n    int
		want string
	}{
		{"", 10, ""},
		{"Kort tekst.", 20, "Kort tekst."},
		{"# Overskrift\n\nKommunestyret **vedtar** [planen](https://x/).\n\n- punkt en\n- punkt to", 200, "Overskrift Kommunestyret vedtar planen. punkt en punkt to"},
		{"Kommunestyret ber kommunedirektøren utrede skolestrukturen i Nordbyen.", 40, "Kommunestyret ber kommunedirektøren…"},
		{"ÆØÅæøå ÆØÅæøå ÆØÅæøå", 10, "ÆØÅæøå…"},
		{"Ordutenmellomromsomerlangt", 10, "Ordutenmel…"},
	} {
		if got := excerpt(tc.md, tc.n); got != tc.want {
			t.Errorf("excerpt(%q, %d) = %q, want %q", tc.md, tc.n, got, tc.want)
		}
	}
}

// TestEscaping checks that text with markup characters stays text.
func TestEscaping(t *testing.T) {
	site := example(t)
	site.Vedtak[0].Tittel = `Ny <skole> & "park" – 'x' ]]>`
	site.Kommune.Navn = "A & B <kommune>"
	f, _ := files(t, site, "/")
	feed := parse(t, "vedtak", f["feed/vedtak.xml"])
	if got := feed.Entries[0].Title[0].Text; !strings.HasSuffix(got, site.Vedtak[0].Tittel) {
		t.Errorf("title %q", got)
	}
	if feed.Authors[0].Name != "A & B <kommune>" {
		t.Errorf("author %q", feed.Authors[0].Name)
	}
}

func BenchmarkFiles(b *testing.B) {
	site := compileFS(b, synth.FS(synth.Size{Vedtak: 5000, Prosjekter: 500, Planer: 20, Seed: 1}))
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := Files(site, "https://example.org/portal/"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDocs checks that docs/downloads.md names every feed.
func TestDocs(t *testing.T) {
	doc, err := os.ReadFile("../../docs/downloads.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{vedtakPath, varselPath, "feed/prosjekter/<id>.xml", "The 50 newest vedtak", tagDate + ":"} {
		if !bytes.Contains(doc, []byte(s)) {
			t.Errorf("docs/downloads.md does not mention %q", s)
		}
	}
}
