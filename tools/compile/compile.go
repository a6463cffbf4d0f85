// Package compile turns a checked record.Set into the site model (package
// model, which declares its types): every figure a reader needs, computed
// once here and tested, and every link in both directions. It reads only
// valid data (run package check first) and
// never reads the clock: "overdue" and "late" are judged against the
// kommune's reference date, so the same data always gives the same site.
//
// # Derived figures
//
// Investment projects (see prosjekt.go): opprinnelig and justert
// kostnadsramme, the sum of tilleggsbevilgninger, the current prognose (the
// sluttregnskap if there is one, else the latest status report), avvik in
// kroner and per cent against both frames, share of the frame spent,
// expected completion and delay in months against the first planned date,
// the overrun flag (prognose above the adjusted frame) and the alert flag
// (above it by more than the kommune's threshold), and whether the
// sluttregnskap is overdue by the kommune's own rule.
//
// Budget (see okonomi.go): each area's frame per year after each
// regulering, with every step linked to its vedtak; sums per year.
//
// Money: every sum and difference of amounts goes through package money's
// MustAdd and MustSub. Package check refuses data whose figures could
// leave ±money.MaxSum, so they cannot fail on checked data; on unchecked
// data that would overflow, Compile panics (money.OutOfRange) rather than
// publish a wrapped number.
//
// Follow-up (see vedtak.go): each point's status is the status of its
// latest follow-up entry (ikke_startet if none); a point is late
// (forsinket) when its due date is before the reference date and its
// status is neither fullfort nor utgar.
package compile

import (
	"cmp"
	"crypto/sha256"
	"fmt"
	"github.com/openkommune/portal/tools/omradetre"
	"net/url"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/theme"
)

// Compile builds the site model from s, judging deadlines at the kommune's
// reference date.
func Compile(s *record.Set) *model.Site { return CompileAsOf(s, caldate.Date{}) }

// CompileAsOf builds the site model from s, judging deadlines ("forsinket",
// "sluttregnskap på overtid") at asOf if it is after the kommune's reference
// date: the published site then stays current between council meetings
// while the reported statuses stay those of the reference date. The same
// data and date always give the same model.
func CompileAsOf(s *record.Set, asOf caldate.Date) *model.Site {
	return CompileWith(s, Options{AsOf: asOf})
}

func compileAsOf(s *record.Set, asOf caldate.Date) *model.Site {
	ref := s.Kommune.Referansedato
	if asOf.After(ref) {
		ref = asOf
	}
	c := &compiler{
		set:     s,
		ix:      s.Index(),
		tree:    s.Omrader.Tree(),
		ref:     ref,
		vedtak:  map[string]*model.Vedtak{},
		omrader: map[string]*model.Omrade{},
		planer:  map[string]*model.Plan{},
		links:   map[string]*linkSet{},
		site:    &model.Site{},
	}
	c.kommune()
	c.compileVedtak()
	c.compileOmrader()
	c.compileKostra()
	c.compilePlaner()
	c.compileOkonomiplaner()
	c.compileArsregnskap()
	c.compileOmradetre()
	c.compileProsjekter()
	c.compileOversikter()
	c.compileInvestering()
	c.compileRapporter()
	c.resolveLinks()
	c.nokkeltall()
	return c.site
}

type compiler struct {
	set     *record.Set
	ix      *record.Index
	tree    *omradetre.Tree // the areas' hierarchy
	ref     caldate.Date
	site    *model.Site
	vedtak  map[string]*model.Vedtak
	omrader map[string]*model.Omrade
	planer  map[string]*model.Plan
	// links collects cross-references found anywhere, keyed by the page
	// that shows them ("vedtak/<id>/prosjekter", "prosjekt/<id>/vedtak"…).
	links map[string]*linkSet
	// varsel is the kommune's alert threshold as written.
	varsel money.Percent
}

// linkSet is an ordered set of links.
type linkSet struct {
	refs map[string]model.Ref
}

func (c *compiler) link(key string, r model.Ref) {
	ls := c.links[key]
	if ls == nil {
		ls = &linkSet{refs: map[string]model.Ref{}}
		c.links[key] = ls
	}
	ls.refs[r.Path] = r
}

// linked returns the links under key, oldest first for dated links and
// by title otherwise.
func (c *compiler) linked(key string) []model.Ref {
	ls := c.links[key]
	if ls == nil {
		return []model.Ref{}
	}
	out := make([]model.Ref, 0, len(ls.refs))
	for _, r := range ls.refs {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b model.Ref) int {
		return cmp.Or(cmp.Compare(a.Dato, b.Dato), cmp.Compare(a.Tittel, b.Tittel), cmp.Compare(a.Path, b.Path))
	})
	return out
}

func (c *compiler) kommune() {
	k := c.set.Kommune
	r := k.Regler
	grense := r.SluttregnskapGrense.Kr
	if !r.SluttregnskapGrense.Set {
		grense = DefaultSluttregnskapGrense
	}
	frist := r.SluttregnskapFristManeder
	if frist == 0 {
		frist = DefaultSluttregnskapFristManeder
	}
	c.site.Kommune = model.Kommune{
		Utvalg:                    []model.Utvalg{},
		Partier:                   []model.PartiNavn{},
		Navn:                      k.Navn,
		Kommunenummer:             k.Kommunenummer,
		Malform:                   string(k.Malform),
		Fiktiv:                    k.Fiktiv,
		Referansedato:             dato(k.Referansedato),
		Vurdert:                   dato(c.ref),
		Nettsted:                  k.Nettsted,
		InnsynURL:                 k.InnsynURL,
		Tilgjengelighet:           k.Tilgjengelighet,
		Lisens:                    k.Lisens,
		LisensURL:                 k.LisensURL,
		SluttregnskapGrense:       kr(grense),
		SluttregnskapFristManeder: frist,
	}
	c.varsel = money.PercentOf(r.OverskridelseVarselProsent)
	// The threshold is shown as written (5,04 %), not rounded to the one
	// decimal of the percentages compared with it.
	c.site.Kommune.OverskridelseVarsel = model.Pct{Verdi: c.varsel.Float(), Tekst: c.varsel.Text()}
	farge := theme.Default
	if col, err := theme.Parse(k.Farge); err == nil {
		farge = col.Hex()
	}
	col, _ := theme.Parse(farge)
	c.site.Kommune.Farge = farge
	c.site.Kommune.Tema = theme.Scale(col)
	if len(k.LogoData) > 0 {
		sum := sha256.Sum256(k.LogoData)
		c.site.Kommune.Logo = fmt.Sprintf("logo-%x%s", sum[:6], strings.ToLower(path.Ext(k.Logo)))
	}
	for _, p := range k.Parti {
		c.site.Kommune.Partier = append(c.site.Kommune.Partier, model.PartiNavn{Kode: p.Kode, Navn: p.Navn})
	}
	for _, u := range k.Utvalg {
		c.site.Kommune.Utvalg = append(c.site.Kommune.Utvalg, model.Utvalg{Kode: u.Kode, Navn: u.Navn})
	}
	if u := c.ix.Utvalg[k.KommunestyreKode()]; u != nil {
		c.site.Kommune.Kommunestyret = midSentence(u.Navn)
	}
}

// midSentence is a name as written mid-sentence: its first letter in
// lower case ("Bystyret" → "bystyret").
func midSentence(s string) string {
	if s == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// Defaults for rules a kommune has not written in [regler]: a typical
// økonomireglement's threshold and deadline for a project's final account.
const (
	DefaultSluttregnskapGrense       = 1_000_000
	DefaultSluttregnskapFristManeder = 6
)

func (c *compiler) vedtakRef(id string) model.Ref {
	v := c.ix.Vedtak[id]
	if v == nil {
		return model.Ref{ID: id}
	}
	return model.Ref{ID: id, Path: "vedtak/" + id + "/", Tittel: v.Tittel, Dato: v.Motedato.String(), Merke: merke(v)}
}

func (c *compiler) vedtakRefPtr(id string) *model.Ref {
	if id == "" {
		return nil
	}
	r := c.vedtakRef(id)
	return &r
}

// kildeURL is a data file's web address in the kommune's repository
// (kommune.toml: kilde_url, a folder) with each part of its path
// percent-encoded, or "" when none is configured.
func (c *compiler) kildeURL(file string) string { return kildeURLOf(c.set.Kommune.KildeURL, file) }

// kildeURLOf is file's address under the folder base, or "" without one.
func kildeURLOf(base, file string) string {
	if base == "" {
		return ""
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	parts := strings.Split(file, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return base + strings.Join(parts, "/")
}

// merke is the vedtak's short label, "KST 014/25", or the utvalg alone for
// a vedtak whose saksnummer the source does not give.
func merke(v *record.Vedtak) string { return strings.TrimSpace(v.Utvalg + " " + v.Saksnummer) }

func (c *compiler) omradeRef(id string) model.Ref {
	o := c.ix.Omrader[id]
	if o == nil {
		return model.Ref{ID: id}
	}
	merke, _ := omradeMerke(o)
	return model.Ref{ID: id, Path: "rammeomrader/" + id + "/", Tittel: o.Navn, Merke: merke}
}

func (c *compiler) prosjektRef(id string) model.Ref {
	p := c.ix.Prosjekter[id]
	if p == nil {
		return model.Ref{ID: id}
	}
	return model.Ref{ID: id, Path: "prosjekter/" + id + "/", Tittel: p.Navn, Merke: p.Nummer}
}

func (c *compiler) planRef(id string) model.Ref {
	p := c.ix.Planer[id]
	if p == nil {
		return model.Ref{ID: id}
	}
	return model.Ref{ID: id, Path: "planer/" + id + "/", Tittel: p.Tittel}
}

func (c *compiler) tiltakRef(p *record.Plan, t *record.Tiltak) model.Ref {
	return model.Ref{ID: p.ID + "/" + t.ID, Path: "planer/" + p.ID + "/#tiltak-" + t.ID, Tittel: t.Tittel, Merke: p.Tittel}
}

func (c *compiler) okonomiplanRef(o *record.Okonomiplan) model.Ref {
	return model.Ref{ID: o.ID, Path: "okonomiplan/" + o.ID + "/", Tittel: c.okonomiplanTittel(o)}
}

// okonomiplanTittel is the title as written, or the catalogue's
// "Økonomiplan 2025–2028".
func (c *compiler) okonomiplanTittel(o *record.Okonomiplan) string {
	if o.Tittel != "" {
		return o.Tittel
	}
	w := catalog.Must(string(c.set.Kommune.Malform))
	return w.T("okonomiplan_title", catalog.Args{"Fra": o.ForsteAr, "Til": o.ForsteAr + record.PlanYears - 1})
}

// resolveLinks fills every page's link lists from what was collected.
func (c *compiler) resolveLinks() {
	for _, v := range c.site.Vedtak {
		v.Planer = c.linked("vedtak/" + v.ID + "/planer")
		v.Omrader = c.linked("vedtak/" + v.ID + "/omrader")
		v.Prosjekter = c.linked("vedtak/" + v.ID + "/prosjekter")
		v.Omtalt = c.linked("vedtak/" + v.ID + "/omtalt")
	}
	for _, p := range c.site.Planer {
		p.Vedtak = c.linked("plan/" + p.ID + "/vedtak")
		p.Underordnede = c.linked("plan/" + p.ID + "/underordnede")
		p.Okonomiplaner = c.linked("plan/" + p.ID + "/okonomiplaner")
		for i := range p.Satsingsomrader {
			for j := range p.Satsingsomrader[i].Mal {
				m := &p.Satsingsomrader[i].Mal[j]
				m.Tiltak = c.linked("mal/" + p.ID + "/" + m.ID)
			}
		}
	}
	for _, o := range c.site.Omrader {
		o.Prosjekter = c.linked("omrade/" + o.ID + "/prosjekter")
		o.Tiltak = c.linked("omrade/" + o.ID + "/tiltak")
		o.Vedtak = c.linked("omrade/" + o.ID + "/vedtak")
	}
	for _, p := range c.site.Prosjekter {
		p.Vedtak = c.linked("prosjekt/" + p.ID + "/vedtak")
		p.Tiltak = c.linked("prosjekt/" + p.ID + "/tiltak")
	}
}

func (c *compiler) nokkeltall() {
	n := &c.site.Nokkeltall
	n.Vedtak = len(c.site.Vedtak)
	for _, v := range c.site.Vedtak {
		n.Punkter += len(v.Punkter)
		n.PunkterApne += v.Apne
		n.PunkterForsinket += v.Forsinket
	}
	var ramme, prognose int64
	n.Prosjekter = len(c.site.Prosjekter)
	for _, p := range c.site.Prosjekter {
		if p.OverRamme {
			n.ProsjekterOverRamme++
		}
		if p.SluttregnskapForfalt {
			n.SluttregnskapForfalt++
		}
		if p.Fase != "avsluttet" {
			n.ProsjekterAktive++
			ramme = money.MustAdd(ramme, p.Justert.Kr)
			if p.Prognose != nil {
				prognose = money.MustAdd(prognose, p.Prognose.Kr)
			} else {
				prognose = money.MustAdd(prognose, p.Justert.Kr)
			}
		}
	}
	n.SumJustertRamme = kr(ramme)
	n.SumPrognose = kr(prognose)
	n.Planer = len(c.site.Planer)
	for _, p := range c.site.Planer {
		n.Tiltak += len(p.Tiltak)
	}
	n.DriftsrammeAr, n.Driftsrammer = c.driftsrammer()
}

// driftsrammer returns the budget year the home page shows and its sum of
// regulated frames, from the newest økonomiplan that covers it: the year
// of the reference date, or when no plan covers it the nearest covered
// year before it, or else the first covered year after it (a plan adopted
// for the coming years). A plan not adopted (a forslag, an innstilling) is
// never taken. With no adopted økonomiplan it returns 0, nil: the home
// page then leaves the figure out rather than show it empty.
func (c *compiler) driftsrammer() (int, *model.Kr) {
	ref := c.set.Kommune.Referansedato.Y
	year, found := 0, false
	better := func(y int) bool {
		switch {
		case !found:
			return true
		case year <= ref && y <= ref:
			return y > year
		case year > ref && y > ref:
			return y < year
		}
		return y <= ref
	}
	var sum *model.Kr
	for _, o := range c.site.Okonomiplaner {
		if o.Vedtatt == nil || len(o.SumRegulertVist) < len(o.Ar) {
			continue // not adopted: the home page shows adopted figures only
		}
		for i, y := range o.Ar {
			if y == year || better(y) {
				year, found = y, true
				s := o.SumRegulertVist[i] // as the plan's table shows it
				sum = &s
			}
		}
	}
	return year, sum
}
