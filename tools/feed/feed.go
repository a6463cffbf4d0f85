// Package feed owns the portal's Atom feeds (RFC 4287): the newest vedtak,
// every change to each investment project, a summary of each report (what
// changed since the report before it, rapport.go), and alerts for projects whose
// forecast passes their adjusted frame by more than the kommune's
// threshold: the projects with Prosjekt.Varsel, decided once by
// compile.Varsel on exact kroner, with the threshold as written.
//
// Every date in a feed comes from the data (a meeting date, the end of a
// reporting period), written as midnight in Norwegian time, so the same
// site gives byte-identical feeds. Ids are tag URIs (RFC 4151) under the
// host of the kommune's website and stay the same from build to build, so
// a feed reader shows an entry once.
package feed

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/model"
)

// Index lists the feeds, as site-relative paths.
type Index struct {
	Vedtak     string            `json:"vedtak"`     // "feed/vedtak.xml"
	Varsler    string            `json:"varsler"`    // "feed/overskridelser.xml"
	Prosjekter map[string]string `json:"prosjekter"` // project id → "feed/prosjekter/<id>.xml"
	Rapporter  string            `json:"rapporter"`  // "feed/rapporter.xml": an entry per report (rapport.go)
}

// Paths of the feeds and of the pages they are the feeds of.
const (
	vedtakPath  = "feed/vedtak.xml"
	varselPath  = "feed/overskridelser.xml"
	vedtakPage  = "vedtak/"
	varselPage  = "overskridelser/"
	maxVedtak   = 50
	tagDate     = "2025" // the date in every tag URI; never change it, or every id changes
	atomNS      = "http://www.w3.org/2005/Atom"
	atomType    = "application/atom+xml"
	htmlType    = "text/html"
	excerptSize = 280 // runes of a vedtak's text in its summary
)

func prosjektPath(id string) string { return "feed/prosjekter/" + id + ".xml" }

// Files returns every feed as site-relative path → file bytes, and the
// index the templates use to link them. baseURL is what the site is built
// for: an absolute URL ("https://owner.github.io/repo/") makes every link
// absolute; a path ("/", "/portal/") makes them paths under it.
func Files(site *model.Site, baseURL string) (map[string][]byte, Index, error) {
	links, err := newLinker(baseURL)
	if err != nil {
		return nil, Index{}, err
	}
	w, err := catalog.For(site.Kommune.Malform)
	if err != nil {
		return nil, Index{}, err
	}
	g := &gen{site: site, w: w, links: links, tag: tagPrefix(site.Kommune.Nettsted, links)}
	files := map[string][]byte{}
	idx := Index{Vedtak: vedtakPath, Varsler: varselPath, Prosjekter: map[string]string{}, Rapporter: rapportPath}
	add := func(path string, f *atomFeed) error {
		b, err := marshal(f)
		if err != nil {
			return fmt.Errorf("feed: %s: %w", path, err)
		}
		files[path] = b
		return nil
	}
	if err := add(vedtakPath, g.vedtakFeed()); err != nil {
		return nil, Index{}, err
	}
	if err := add(varselPath, g.varselFeed()); err != nil {
		return nil, Index{}, err
	}
	if err := add(rapportPath, g.rapportFeed()); err != nil {
		return nil, Index{}, err
	}
	for _, p := range site.Prosjekter {
		path := prosjektPath(p.ID)
		if err := add(path, g.prosjektFeed(p)); err != nil {
			return nil, Index{}, err
		}
		idx.Prosjekter[p.ID] = path
	}
	return files, idx, nil
}

func marshal(f *atomFeed) ([]byte, error) {
	b, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, err
	}
	out := append([]byte(xml.Header), b...)
	return append(out, '\n'), nil
}

// linker makes hrefs from site-relative paths.
type linker struct {
	base string // ends with "/": "https://host/repo/" or "/repo/"
	abs  bool
	host string // the host when abs
}

func newLinker(baseURL string) (linker, error) {
	if baseURL == "" {
		baseURL = "/"
	}
	u, err := url.Parse(baseURL)
	if err != nil {
		return linker{}, fmt.Errorf("feed: base URL %q: %w", baseURL, err)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return linker{}, fmt.Errorf("feed: base URL %q: want a URL without user, query or fragment", baseURL)
	}
	p := u.EscapedPath()
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	switch {
	case u.Scheme == "" && u.Host == "":
		return linker{base: p}, nil
	case (u.Scheme == "http" || u.Scheme == "https") && u.Host != "":
		return linker{base: u.Scheme + "://" + u.Host + p, abs: true, host: u.Hostname()}, nil
	}
	return linker{}, fmt.Errorf("feed: base URL %q: want an http(s) URL with a host, or a path such as /portal/", baseURL)
}

// href is the link to a site-relative path ("vedtak/kst-2025-014/").
func (l linker) href(path string) string { return l.base + strings.TrimPrefix(path, "/") }

// tagPrefix is the start of every id: "tag:<host>,2025:". The host is the
// kommune's website's, else the site's, else a reserved name made from
// nothing but the data (the feeds still validate; set nettsted).
func tagPrefix(nettsted string, l linker) string {
	host := ""
	if u, err := url.Parse(nettsted); err == nil {
		host = u.Hostname()
	}
	if host == "" {
		host = l.host
	}
	if host == "" {
		host = "kommune.invalid"
	}
	return "tag:" + strings.ToLower(host) + "," + tagDate + ":"
}

// Atom elements, in the order written.
type atomFeed struct {
	XMLName   xml.Name       `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string         `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	ID        string         `xml:"id"`
	Title     atomText       `xml:"title"`
	Subtitle  *atomText      `xml:"subtitle,omitempty"`
	Updated   string         `xml:"updated"`
	Author    atomPerson     `xml:"author"`
	Links     []atomLink     `xml:"link"`
	Rights    *atomText      `xml:"rights,omitempty"`
	Generator *atomGenerator `xml:"generator,omitempty"`
	Entries   []atomEntry    `xml:"entry"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

func plain(s string) atomText { return atomText{Type: "text", Text: s} }

type atomPerson struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomLink struct {
	Rel   string `xml:"rel,attr"`
	Type  string `xml:"type,attr,omitempty"`
	Href  string `xml:"href,attr"`
	Title string `xml:"title,attr,omitempty"`
}

type atomGenerator struct {
	Text string `xml:",chardata"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      atomText       `xml:"title"`
	Updated    string         `xml:"updated"`
	Links      []atomLink     `xml:"link"`
	Categories []atomCategory `xml:"category"`
	Summary    atomText       `xml:"summary"`
}

// entry is an entry with the date and order it sorts by.
type entry struct {
	atomEntry
	date string // ISO date
	seq  int    // larger is newer among entries of the same date
}

// sortNewest sorts entries newest first: by date, then seq, then id.
func sortNewest(es []entry) {
	slices.SortFunc(es, func(a, b entry) int {
		return cmp.Or(cmp.Compare(b.date, a.date), cmp.Compare(b.seq, a.seq), cmp.Compare(a.ID, b.ID))
	})
}

// gen holds what every feed needs.
type gen struct {
	site  *model.Site
	w     *catalog.Text // the text catalogue in the kommune's målform
	links linker
	tag   string
}

// feed makes a feed of entries (sorted here) with its self and alternate
// links; updated is the newest entry's date, or the reference date.
func (g *gen) feed(id, path, page string, title, subtitle string, es []entry) *atomFeed {
	k := g.site.Kommune
	sortNewest(es)
	updated := k.Referansedato.ISO
	if len(es) > 0 {
		updated = es[0].date
	}
	f := &atomFeed{
		Lang:    g.w.Lang(),
		ID:      g.tag + id,
		Title:   plain(title),
		Updated: timestamp(updated),
		Author:  atomPerson{Name: k.Navn, URI: k.Nettsted},
		Links: []atomLink{
			{Rel: "self", Type: atomType, Href: g.links.href(path)},
			{Rel: "alternate", Type: htmlType, Href: g.links.href(page)},
		},
		Generator: &atomGenerator{Text: g.w.T("portal_name", nil)},
		Entries:   []atomEntry{},
	}
	if subtitle != "" {
		s := plain(subtitle)
		f.Subtitle = &s
	}
	if k.Lisens != "" {
		r := g.w.T("feed_rights", catalog.Args{"Lisens": k.Lisens})
		if k.LisensURL != "" {
			r += " (" + k.LisensURL + ")"
		}
		r += "."
		x := plain(r)
		f.Rights = &x
	}
	for _, e := range es {
		f.Entries = append(f.Entries, e.atomEntry)
	}
	return f
}

func (g *gen) alternate(path string) atomLink {
	return atomLink{Rel: "alternate", Type: htmlType, Href: g.links.href(path)}
}

// related links to a vedtak's page, if the reference has one.
func (g *gen) related(r model.Ref) []atomLink {
	if r.Path == "" {
		return nil
	}
	return []atomLink{{Rel: "related", Type: htmlType, Href: g.links.href(r.Path), Title: strings.TrimSpace(r.Merke + " " + r.Tittel)}}
}
