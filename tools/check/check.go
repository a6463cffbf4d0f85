// Package check decides whether a loaded data directory is right as a whole:
// required fields are there, every reference resolves, ids are unique,
// stated totals equal the sum of their parts, every figure the site derives
// stays within money.MaxSum (sums.go), and dates are in order.
//
// It reports into a diag.List, every problem with the position of the key it
// concerns and what to do about it, and never stops at the first problem.
// The form of each file (syntax, unknown keys, value types) was already
// checked by package load.
package check

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/diag"
	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/omradetre"
	"github.com/openkommune/portal/tools/oversikt"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/theme"
	"github.com/openkommune/portal/tools/tomlpos"
)

// Check validates s and adds what it finds to diags.
func Check(s *record.Set, diags *diag.List) {
	c := &checker{set: s, ix: s.Index(), tree: s.Omrader.Tree(), diags: diags, saker: map[string]*record.Vedtak{}, nummer: map[string]*record.Prosjekt{}}
	if s.Kommune != nil {
		c.ref = s.Kommune.Referansedato
		c.kommune(s.Kommune)
	}
	if s.Omrader != nil {
		c.omrader(s.Omrader)
	}
	c.uniqueIDs()
	periods := map[string]*record.Rapport{}
	for _, r := range s.Rapporter {
		c.rapport(r, periods)
	}
	for _, v := range s.Vedtak {
		c.vedtak(v)
	}
	for _, p := range s.Planer {
		c.plan(p)
	}
	for _, o := range s.Okonomiplan {
		c.okonomiplan(o)
	}
	c.arsbudsjett()
	for _, p := range s.Prosjekter {
		c.prosjekt(p)
	}
	for _, k := range s.Kostra {
		c.kostraTable(k)
	}
	c.kostraFunctions()
	for _, r := range s.Regnskap {
		c.regnskapFile(r)
	}
	c.sums()
	oversikt.Check(s, diags)
}

type checker struct {
	set   *record.Set
	ix    *record.Index
	tree  *omradetre.Tree // the areas' hierarchy (omrade.go)
	diags *diag.List
	ref   caldate.Date // the kommune's reference date; zero if missing
	// saker maps utvalg, year and saksnummer to the first vedtak with them.
	saker map[string]*record.Vedtak
	// nummer maps a prosjektnummer to the first project with it.
	nummer map[string]*record.Prosjekt
}

// errorf reports an error at the key path of src, unless load has already
// reported the value there (or the whole file) as unusable.
func (c *checker) errorf(src record.Source, path, format string, args ...any) {
	if src.Pos.Rejected(path) {
		return
	}
	pos := src.At(path)
	msg := fmt.Sprintf(format, args...)
	if path != "" {
		msg = path + ": " + msg
	}
	c.diags.Errorf(src.Path, pos.Line, pos.Col, "%s", msg)
}

func (c *checker) warnf(src record.Source, path, format string, args ...any) {
	if src.Pos.Rejected(path) {
		return
	}
	pos := src.At(path)
	msg := fmt.Sprintf(format, args...)
	if path != "" {
		msg = path + ": " + msg
	}
	c.diags.Warnf(src.Path, pos.Line, pos.Col, "%s", msg)
}

// required reports an empty string field.
func (c *checker) required(src record.Source, path, value, example string) {
	if strings.TrimSpace(value) == "" {
		c.errorf(src, path, "missing: add %s = %s", lastKey(path), example)
	}
}

// requiredDate reports a missing date; a date with a problem was reported by load.
func (c *checker) requiredDate(src record.Source, path string, d caldate.Date) {
	if d.IsZero() && d.Problem() == "" {
		c.errorf(src, path, "missing date: add %s = YYYY-MM-DD", lastKey(path))
	}
}

func lastKey(path string) string {
	if i := strings.LastIndexAny(path, ".]"); i >= 0 && path[i] == '.' {
		return path[i+1:]
	}
	return path
}

// year reports a year outside what a kommune record can mean.
func (c *checker) year(src record.Source, path string, y int, required bool) {
	switch {
	case y == 0 && required:
		c.errorf(src, path, "missing year: add %s = 2025", lastKey(path))
	case y != 0 && (y < load.MinYear || y > load.MaxYear):
		c.errorf(src, path, "year %d is not plausible: write a four-digit year such as 2025", y)
	}
}

// url reports a link that is not an absolute http(s) address.
// farge checks the kommune's colour: a colour, and dark enough for white
// text on it and for links in it (package theme).
func (c *checker) farge(src record.Source, raw string) {
	if raw == "" {
		return
	}
	col, err := theme.Parse(raw)
	if err != nil {
		c.errorf(src, "farge", "%v", err)
		return
	}
	if !theme.Fits(col) {
		c.errorf(src, "farge", "%s is too light: white text on it and links in it need a contrast of %.1f:1 (WCAG 2.1 AA); it has %.1f:1 against white. Use a darker shade, e.g. farge = %q",
			raw, theme.MinContrast, theme.Contrast(col, theme.White), theme.Suggest(col).Hex())
	}
}

func (c *checker) url(src record.Source, path, raw string) {
	if raw == "" {
		return
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		c.errorf(src, path, "%q is not a web address: write a full address starting with https://", raw)
	}
}

// folderURL checks a web address that file paths are appended to: a full
// address without a query or fragment, which would swallow the path.
func (c *checker) folderURL(src record.Source, path, raw string) {
	if raw == "" {
		return
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		c.url(src, path, raw)
	} else if u.RawQuery != "" || u.Fragment != "" || u.ForceQuery || strings.HasSuffix(raw, "#") {
		c.errorf(src, path, "%q has a ? or # part: write the address of the data folder only, e.g. \"https://github.com/eksempelvik/portal/blob/main/data/\"", raw)
	}
}

// unreadable reports whether a record's file could not be read at all: load
// has said why, and a reference to it is not checked further (it is kept,
// named by its file name, so that it is not reported as missing).
func unreadable(src record.Source) bool { return src.Pos.Rejected("") }

// validRef reports a reference that cannot be an id at all, such as
// "../x" or "vedtak/kst-2025-014".
func (c *checker) validRef(src record.Source, path, id, kind, example string) bool {
	if load.ValidID(id) {
		return true
	}
	c.errorf(src, path, "%s is not a %s id: ids are lower-case letters a–z, digits and hyphens, as in the file name without .toml, e.g. %s = %q", load.QuoteShort(id), kind, lastKey(path), example)
	return false
}

func (c *checker) vedtakRef(src record.Source, path, id string, required bool) *record.Vedtak {
	if id == "" {
		if required {
			c.errorf(src, path, "missing: name the vedtak that decided this, e.g. %s = \"kst-2025-014\"", lastKey(path))
		}
		return nil
	}
	if !c.validRef(src, path, id, "vedtak", "kst-2025-014") {
		return nil
	}
	v := c.ix.Vedtak[id]
	if v == nil {
		c.errorf(src, path, "vedtak %q does not exist: add data/vedtak/%s.toml or correct the id", id, id)
		return nil
	}
	if unreadable(v.Src) {
		return nil
	}
	return v
}

func (c *checker) omradeRef(src record.Source, path, id string) {
	if id != "" && c.ix.Omrader[id] == nil && (c.set.Omrader == nil || !c.set.Omrader.Src.Pos.RejectedUnder("omrade")) {
		c.errorf(src, path, "rammeområde %s does not exist: add it to data/rammeomrader.toml or use one of its ids", load.QuoteShort(id))
	}
}

func (c *checker) prosjektRef(src record.Source, path, id string) {
	if !c.validRef(src, path, id, "prosjekt", "nordbyen-skole") {
		return
	}
	if c.ix.Prosjekter[id] == nil {
		c.errorf(src, path, "prosjekt %q does not exist: add data/prosjekter/%s.toml or correct the id", id, id)
	}
}

func (c *checker) planRef(src record.Source, path, id string) *record.Plan {
	if !c.validRef(src, path, id, "plan", "boligplan-2024-2030") {
		return nil
	}
	p := c.ix.Planer[id]
	if p == nil {
		c.errorf(src, path, "plan %q does not exist: add data/planer/%s.toml or correct the id", id, id)
		return nil
	}
	if unreadable(p.Src) {
		return nil
	}
	return p
}

func (c *checker) tiltakRef(src record.Source, path, ref string) {
	p, t := c.ix.Tiltak(ref)
	switch {
	case !strings.Contains(ref, "/"):
		c.errorf(src, path, "tiltak %q: write it as plan-id/tiltak-id, e.g. \"boligplan-2024-2030/t3\"", ref)
	case p == nil:
		c.errorf(src, path, "tiltak %q: the plan does not exist", ref)
	case t == nil && !p.Src.Pos.RejectedUnder("tiltak"):
		c.errorf(src, path, "tiltak %q: the plan %s has no tiltak with that id", ref, load.Plain(p.ID))
	}
}

func (c *checker) kommune(k *record.Kommune) {
	s := k.Src
	c.required(s, "navn", k.Navn, `"Eksempelvik kommune"`)
	if k.Kommunenummer == "" {
		c.errorf(s, "kommunenummer", "missing: add kommunenummer = \"4601\" (four digits, as SSB lists it)")
	} else if len(k.Kommunenummer) != 4 || strings.Trim(k.Kommunenummer, "0123456789") != "" {
		c.errorf(s, "kommunenummer", "%q is not a kommunenummer: write the four digits in quotes, e.g. \"4601\"", k.Kommunenummer)
	}
	if k.Malform == "" {
		c.errorf(s, "malform", "missing: add malform = \"nb\" (bokmål) or \"nn\" (nynorsk)")
	}
	c.requiredDate(s, "referansedato", k.Referansedato)
	c.url(s, "nettsted", k.Nettsted)
	c.url(s, "innsyn_url", k.InnsynURL)
	c.folderURL(s, "kilde_url", k.KildeURL)
	c.url(s, "tilgjengelighetserklaring_url", k.Tilgjengelighet)
	c.url(s, "lisens_url", k.LisensURL)
	c.required(s, "lisens", k.Lisens, `"NLOD 2.0"`)
	c.farge(s, k.Farge)
	r := k.Regler
	for _, a := range []struct {
		path, example string
		kr            int64
	}{{"regler.investering_minstebelop", "100_000", r.InvesteringMinstebelop.Kr}, {"regler.sluttregnskap_grense", "1_000_000", r.SluttregnskapGrense.Kr}} {
		if a.kr < 0 {
			c.errorf(s, a.path, "a threshold cannot be negative: write 0 kr or more, e.g. %s = %s", lastKey(a.path), a.example)
		}
	}
	if r.SluttregnskapFristManeder < 0 || r.SluttregnskapFristManeder > 60 {
		c.errorf(s, "regler.sluttregnskap_frist_maneder", "%d months is not a plausible deadline: the økonomireglement usually says 6", r.SluttregnskapFristManeder)
	}
	if r.OverskridelseVarselProsent < 0 || r.OverskridelseVarselProsent > 100 {
		c.errorf(s, "regler.overskridelse_varsel_prosent", "%v %% is not a plausible threshold: write a percentage between 0 and 100", r.OverskridelseVarselProsent)
	}
	if len(k.Utvalg) == 0 {
		c.errorf(s, "utvalg", "missing: list the utvalg whose vedtak are published, e.g. [[utvalg]] kode = \"KST\" navn = \"Kommunestyret\"")
	}
	first := map[string]int{}
	for i, u := range k.Utvalg {
		p := tomlpos.Elem("utvalg", i)
		c.required(s, p+".kode", u.Kode, `"KST"`)
		c.required(s, p+".navn", u.Navn, `"Kommunestyret"`)
		if j, dup := first[u.Kode]; dup && u.Kode != "" {
			c.errorf(s, p+".kode", "utvalg %q is listed twice (also utvalg[%d]): remove one", u.Kode, j)
		} else {
			first[u.Kode] = i
		}
	}
	c.kommunestyre(k, first)
	c.partier(k)
}

// kommunestyre checks that the council is one of the listed utvalg: the
// site names the council by that utvalg's navn ("bystyret vedtok").
func (c *checker) kommunestyre(k *record.Kommune, utvalg map[string]int) {
	if len(k.Utvalg) == 0 || k.Src.Pos.RejectedUnder("utvalg") {
		return
	}
	if _, ok := utvalg[k.KommunestyreKode()]; ok {
		return
	}
	if k.Kommunestyre == "" {
		c.errorf(k.Src, "utvalg", "no utvalg has kode %q, so the site does not know which utvalg is the council: write kommunestyre = \"BST\" (the council's kode) at the top of kommune.toml", record.DefaultKommunestyre)
		return
	}
	c.errorf(k.Src, "kommunestyre", "%q is not the kode of a listed utvalg: add [[utvalg]] kode = %q navn = \"Bystyret\", or write the council's kode", k.Kommunestyre, k.Kommunestyre)
}

func (c *checker) omrader(r *record.Rammeomrader) {
	s := r.Src
	first := map[string]int{}
	for i, o := range r.Omrade {
		p := tomlpos.Elem("omrade", i)
		c.id(s, p+".id", o.ID)
		c.required(s, p+".navn", o.Navn, `"Oppvekst"`)
		if j, dup := first[o.ID]; dup && o.ID != "" {
			pos := s.At(tomlpos.Elem("omrade", j))
			c.errorf(s, p+".id", "rammeområde %q is defined twice (first at line %d): give each area its own id", o.ID, pos.Line)
		} else {
			first[o.ID] = i
		}
		for j, k := range o.Kostra {
			if len(k) != 3 || strings.Trim(k, "0123456789") != "" {
				c.errorf(s, tomlpos.Elem(p+".kostra", j), "%q is not a KOSTRA function: write three digits in quotes, e.g. \"202\"", k)
			}
		}
	}
	c.overordnet(r)
	c.omradeNummer(r)
}

// id checks an id inside a file (a satsingsområde, a tiltak, an area).
func (c *checker) id(s record.Source, path, id string) {
	switch {
	case id == "":
		c.errorf(s, path, "missing id: add id = \"...\" (lower-case letters, digits and hyphens)")
	case !load.ValidID(id):
		c.errorf(s, path, "id %s is not valid: use lower-case letters a–z, digits and hyphens (it becomes part of a web address)", load.QuoteShort(id))
	}
}

// uniqueIDs reports two files of one kind claiming the same id.
func (c *checker) uniqueIDs() {
	type rec struct {
		id  string
		src record.Source
	}
	kinds := map[string][]rec{}
	for _, v := range c.set.Vedtak {
		kinds["vedtak"] = append(kinds["vedtak"], rec{v.ID, v.Src})
	}
	for _, p := range c.set.Planer {
		kinds["plan"] = append(kinds["plan"], rec{p.ID, p.Src})
	}
	for _, o := range c.set.Okonomiplan {
		kinds["økonomiplan"] = append(kinds["økonomiplan"], rec{o.ID, o.Src})
	}
	for _, p := range c.set.Prosjekter {
		kinds["prosjekt"] = append(kinds["prosjekt"], rec{p.ID, p.Src})
	}
	for _, r := range c.set.Rapporter {
		kinds["rapport"] = append(kinds["rapport"], rec{r.ID, r.Src})
	}
	for _, kind := range []string{"vedtak", "plan", "økonomiplan", "prosjekt", "rapport"} {
		first := map[string]record.Source{}
		for _, r := range kinds[kind] {
			if r.id == "" {
				continue
			}
			if f, dup := first[r.id]; dup {
				pos := f.At("id")
				c.errorf(r.src, "id", "duplicate id: %s %q is also %s:%d:%d; each %s needs its own id", kind, r.id, f.Path, pos.Line, pos.Col, kind)
				continue
			}
			first[r.id] = r.src
		}
	}
}
