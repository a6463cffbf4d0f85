package check

import (
	"fmt"
	"strconv"

	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/tomlpos"
)

// vedtak checks a vedtak, one rule per function.
func (c *checker) vedtak(v *record.Vedtak) {
	c.vedtakFields(v)
	c.saksnummer(v)
	c.vedtakRefs(v)
	nrs := map[int]bool{}
	for i := range v.Punkt {
		c.punkt(v, i, nrs)
	}
	c.voteringer(v)
	// A vedtak with no points must at least have its text.
	if len(v.Punkt) == 0 {
		c.required(v.Src, "tekst", v.Tekst, `"""Saken tas til orientering."""`)
	}
}

// vedtakFields checks the fields every vedtak has: a listed utvalg, a
// meeting date not after the reference date, a saksnummer and a title.
func (c *checker) vedtakFields(v *record.Vedtak) {
	s := v.Src
	c.required(s, "utvalg", v.Utvalg, `"KST"`)
	if k := c.set.Kommune; v.Utvalg != "" && c.ix.Utvalg[v.Utvalg] == nil && k != nil && !k.Src.Pos.RejectedUnder("utvalg") {
		c.errorf(s, "utvalg", "utvalg %q is not listed in kommune.toml: add it there as [[utvalg]] or use one of its codes", v.Utvalg)
	}
	c.requiredDate(s, "motedato", v.Motedato)
	if !v.Motedato.IsZero() && !c.ref.IsZero() && v.Motedato.After(c.ref) {
		c.errorf(s, "motedato", "the meeting (%s) is after the kommune's reference date (%s): move referansedato in kommune.toml forward", v.Motedato, c.ref)
	}
	c.unknownFields(s, vedtakUnknown(v), []optionalField{
		{"saksnummer", v.Saksnummer, func() {
			c.required(s, "saksnummer", v.Saksnummer, `"014/25" (or ukjent = ["saksnummer"] for a historic vedtak whose sak the source does not give)`)
		}},
	})
	c.required(s, "tittel", v.Tittel, `"Budsjettregulering 1. tertial 2025"`)
	c.url(s, "innsyn_url", v.InnsynURL)
}

// saksnummer reports a saksnummer an utvalg already used in the same year
// (for a vedtak checked before this one).
func (c *checker) saksnummer(v *record.Vedtak) {
	if v.Saksnummer == "" || v.Motedato.IsZero() {
		return
	}
	key := fmt.Sprintf("%s %d %s", v.Utvalg, v.Motedato.Y, v.Saksnummer)
	if first := c.saker[key]; first != nil {
		c.errorf(v.Src, "saksnummer", "%s sak %s in %d is also %s: each sak of an utvalg has its own number in a year", load.Plain(v.Utvalg), load.Plain(v.Saksnummer), v.Motedato.Y, first.Src.Path)
	} else {
		c.saker[key] = v
	}
}

// vedtakRefs checks the plans, areas and projects the vedtak concerns.
func (c *checker) vedtakRefs(v *record.Vedtak) {
	s := v.Src
	for i, id := range v.Planer {
		c.planRef(s, tomlpos.Elem("planer", i), id)
	}
	for i, id := range v.Rammeomrader {
		c.omradeRef(s, tomlpos.Elem("rammeomrader", i), id)
	}
	for i, id := range v.Prosjekter {
		c.prosjektRef(s, tomlpos.Elem("prosjekter", i), id)
	}
}

// punkt checks point i of the vedtak: numbered once each, in order (nrs
// holds the numbers of the points before it), with its text, due no
// earlier than the meeting, and its follow-up log.
func (c *checker) punkt(v *record.Vedtak, i int, nrs map[int]bool) {
	s := v.Src
	p := v.Punkt[i]
	path := tomlpos.Elem("punkt", i)
	switch {
	case p.Nr <= 0:
		c.errorf(s, path+".nr", "missing or not positive: number the points 1, 2, 3 … as in the vedtak")
	case nrs[p.Nr]:
		c.errorf(s, path+".nr", "point %d is numbered twice: give each point its own number", p.Nr)
	case i > 0 && p.Nr < v.Punkt[i-1].Nr:
		c.errorf(s, path+".nr", "point %d comes after point %d: list the points in order", p.Nr, v.Punkt[i-1].Nr)
	}
	nrs[p.Nr] = true
	c.required(s, path+".tekst", p.Tekst, `"Kommunedirektøren bes …"`)
	if !p.Frist.IsZero() && !v.Motedato.IsZero() && p.Frist.Before(v.Motedato) {
		c.errorf(s, path+".frist", "the due date %s is before the meeting %s: a point cannot be due before it was decided", p.Frist, v.Motedato)
	}
	c.oppfolging(v, path, p)
}

func (c *checker) oppfolging(v *record.Vedtak, path string, p record.Vedtakspunkt) {
	s := v.Src
	for j, o := range p.Oppfolging {
		op := tomlpos.Elem(path+".oppfolging", j)
		c.requiredDate(s, op+".dato", o.Dato)
		if o.Status == "" {
			c.errorf(s, op+".status", "missing: add status = one of ikke_startet, under_arbeid, fullfort, utgar")
		}
		c.required(s, op+".tekst", o.Tekst, `"Utredningen er startet …"`)
		if !o.Dato.IsZero() {
			if !v.Motedato.IsZero() && o.Dato.Before(v.Motedato) {
				c.errorf(s, op+".dato", "follow-up dated %s is before the meeting %s", o.Dato, v.Motedato)
			}
			if !c.ref.IsZero() && o.Dato.After(c.ref) {
				c.errorf(s, op+".dato", "follow-up dated %s is after the reference date %s: move referansedato in kommune.toml forward", o.Dato, c.ref)
			}
			if j > 0 && !p.Oppfolging[j-1].Dato.IsZero() && o.Dato.Before(p.Oppfolging[j-1].Dato) {
				c.errorf(s, op+".dato", "follow-up dated %s comes after one dated %s: list the log oldest first", o.Dato, p.Oppfolging[j-1].Dato)
			}
		}
		// A point is dropped (utgar) only by a new vedtak, which must be cited.
		if cited := c.vedtakRef(s, op+".vedtak", o.Vedtak, o.Status == record.Utgar); cited != nil && !o.Dato.IsZero() && cited.Motedato.After(o.Dato) {
			c.errorf(s, op+".vedtak", "vedtak %s (%s) is after this follow-up (%s): a follow-up can only cite a sak already treated", cited.ID, cited.Motedato, o.Dato)
		}
		c.oppfolgingRapport(s, op, o)
	}
}

func yearOr(y int) string {
	if y == 0 {
		return "2025"
	}
	return strconv.Itoa(y)
}
