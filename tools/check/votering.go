package check

import (
	"strings"

	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/tomlpos"
)

// Votes (docs/data-format.md, "Votes"): the parties in kommune.toml, the
// size of each utvalg, and each vedtak's proposals and votes.

// partier checks kommune.toml's [[parti]] and the utvalg sizes.
func (c *checker) partier(k *record.Kommune) {
	s := k.Src
	first := map[string]int{}
	for i, p := range k.Parti {
		path := tomlpos.Elem("parti", i)
		c.required(s, path+".kode", p.Kode, `"Ap"`)
		c.required(s, path+".navn", p.Navn, `"Arbeiderpartiet"`)
		if j, dup := first[p.Kode]; dup && p.Kode != "" {
			c.errorf(s, path+".kode", "parti %s is listed twice (also parti[%d]): remove one", load.QuoteShort(p.Kode), j)
		} else {
			first[p.Kode] = i
		}
	}
	for i, u := range k.Utvalg {
		if u.Medlemmer < 0 || u.Medlemmer > record.MaxMedlemmer {
			c.errorf(s, tomlpos.Elem("utvalg", i)+".medlemmer", "%d members is not plausible: write the number of seats, e.g. medlemmer = 35, or leave it out", u.Medlemmer)
		}
	}
}

// voteringer checks a vedtak's proposals and every vote on it or on its
// points. A proposal is voted over once: voted names the vote that first
// named each.
func (c *checker) voteringer(v *record.Vedtak) {
	s := v.Src
	forslag := map[string]int{}
	for i, f := range v.Forslag {
		path := tomlpos.Elem("forslag", i)
		c.id(s, path+".id", f.ID)
		if j, dup := forslag[f.ID]; dup && f.ID != "" {
			c.errorf(s, path+".id", "proposal %s is defined twice (also forslag[%d]): give each proposal its own id", load.QuoteShort(f.ID), j)
		} else if f.ID != "" {
			forslag[f.ID] = i
		}
		if f.Type == "" {
			c.errorf(s, path+".type", "missing: add type = one of %s", strings.Join(record.ForslagTypeValues, ", "))
		}
		c.required(s, path+".tittel", f.Tittel, `"Høyres alternative budsjett"`)
		seen := map[string]bool{}
		for j, p := range f.Partier {
			pp := tomlpos.Elem(path+".partier", j)
			if c.partiRef(s, pp, p) && seen[p] {
				c.errorf(s, pp, "parti %s is named twice: name each party once", load.QuoteShort(p))
			}
			seen[p] = true
		}
	}
	voted := map[string]string{}
	for i := range v.Votering {
		c.votering(v, tomlpos.Elem("votering", i), &v.Votering[i], forslag, voted)
	}
	for i, p := range v.Punkt {
		for j := range p.Votering {
			c.votering(v, tomlpos.Elem(tomlpos.Elem("punkt", i)+".votering", j), &v.Punkt[i].Votering[j], forslag, voted)
		}
	}
	for i, f := range v.Forslag {
		if _, ok := voted[f.ID]; !ok && load.ValidID(f.ID) && len(v.Votering)+punktVoteringer(v) > 0 {
			c.warnf(s, tomlpos.Elem("forslag", i)+".id", "proposal %s is not voted over: name it in a [[votering]] as forslag = %q or alternativ = %q", load.QuoteShort(f.ID), f.ID, f.ID)
		}
	}
}

func punktVoteringer(v *record.Vedtak) int {
	n := 0
	for _, p := range v.Punkt {
		n += len(p.Votering)
	}
	return n
}

// votering checks one vote at path.
func (c *checker) votering(v *record.Vedtak, path string, vo *record.Votering, forslag map[string]int, voted map[string]string) {
	s := v.Src
	for _, ref := range []struct{ key, id string }{{"forslag", vo.Forslag}, {"alternativ", vo.Alternativ}} {
		if ref.id == "" {
			continue
		}
		kp := path + "." + ref.key
		if _, ok := forslag[ref.id]; !ok {
			c.errorf(s, kp, "proposal %s is not listed in this vedtak: add [[forslag]] id = %q, or use one of its ids", load.QuoteShort(ref.id), ref.id)
			continue
		}
		if first, twice := voted[ref.id]; twice {
			pos := s.At(first)
			c.errorf(s, kp, "proposal %s is voted over twice (also %s at line %d): a proposal is voted over once; write the second vote's proposal as its own [[forslag]]", load.QuoteShort(ref.id), first, pos.Line)
			continue
		}
		voted[ref.id] = kp
	}
	if vo.Alternativ != "" && vo.Alternativ == vo.Forslag {
		c.errorf(s, path+".alternativ", "an alternative vote is between two proposals: alternativ must name another proposal than forslag")
	}
	if vo.Alternativ != "" && vo.Forslag == "" {
		c.errorf(s, path+".forslag", "missing: an alternative vote names both proposals, e.g. forslag = \"innstilling\"")
	}
	if vo.Fravarende < 0 || vo.Fravarende > record.MaxMedlemmer {
		c.errorf(s, path+".fravarende", "%d is not a number of absent seats: write 0 or more", vo.Fravarende)
	}
	if !vo.Enstemmig && len(vo.Parti) == 0 {
		c.errorf(s, path, "say how it was decided: write enstemmig = true, or the votes per party as [[%s.parti]] parti = \"Ap\" for = 12 mot = 0", tomlpos.StripIndices(path))
		return
	}
	// The sums mean something only when every count does.
	if c.partiStemmer(s, path, vo) && !s.Pos.RejectedUnder(path) {
		c.voteringSum(v, path, vo)
	}
}

// partiStemmer checks the counts of each party: a listed party, once, with
// counts that are not negative and names as many as the counts. It reports
// whether every count is a plausible number.
func (c *checker) partiStemmer(s record.Source, path string, vo *record.Votering) bool {
	ok := true
	seen := map[string]int{}
	for i, p := range vo.Parti {
		pp := tomlpos.Elem(path+".parti", i)
		if p.Parti == "" {
			c.errorf(s, pp+".parti", "missing: add parti = \"Ap\" (a kode listed as [[parti]] in kommune.toml)")
		} else if c.partiRef(s, pp+".parti", p.Parti) {
			if j, dup := seen[p.Parti]; dup {
				c.errorf(s, pp+".parti", "parti %s is counted twice in this vote (also parti[%d]): give each party's for and mot once", load.QuoteShort(p.Parti), j)
			} else {
				seen[p.Parti] = i
			}
		}
		for _, n := range []struct {
			key   string
			count int
			names []string
		}{{"for", p.For, p.ForNavn}, {"mot", p.Mot, p.MotNavn}} {
			switch {
			case n.count < 0:
				ok = false
				c.errorf(s, pp+"."+n.key, "%d votes: a count cannot be negative", n.count)
			case n.count > record.MaxMedlemmer:
				ok = false
				c.errorf(s, pp+"."+n.key, "%d votes is not plausible: write the number of members who voted %s", n.count, n.key)
			case len(n.names) > 0 && len(n.names) != n.count:
				c.errorf(s, pp+"."+n.key+"_navn", "%d names for %s = %d: name every member who voted %s, or leave %s_navn out", len(n.names), n.key, n.count, n.key, n.key)
			}
		}
	}
	return ok
}

// voteringSum checks the counts as a whole: unanimous means no one voted
// the other way, the outcome must follow from the counts, and with the
// utvalg's size known every seat is counted.
func (c *checker) voteringSum(v *record.Vedtak, path string, vo *record.Votering) {
	s := v.Src
	f, m := vo.Sum()
	if vo.Enstemmig && f > 0 && m > 0 {
		c.errorf(s, path+".enstemmig", "a unanimous vote with %d for and %d against: remove enstemmig = true, or correct the counts", f, m)
	}
	switch {
	case vo.Resultat == record.ResultatVedtatt && m > f:
		c.errorf(s, path+".resultat", "vedtatt with %d for and %d against: a proposal with more votes against falls; correct resultat or the counts", f, m)
	case vo.Resultat == record.ResultatFalt && f > m:
		c.errorf(s, path+".resultat", "falt with %d for and %d against: a proposal with more votes for is adopted; correct resultat or the counts", f, m)
	case vo.Outcome() == "" && len(vo.Parti) > 0:
		c.errorf(s, path, "a tie, %d for and %d against: write resultat = \"vedtatt\" or \"falt\" as the chair's casting vote decided (kommuneloven § 11-9)", f, m)
	}
	u := c.ix.Utvalg[v.Utvalg]
	if u == nil || u.Medlemmer == 0 || len(vo.Parti) == 0 {
		return
	}
	if total := f + m + max(vo.Fravarende, 0); total != u.Medlemmer {
		c.errorf(s, path, "%d for, %d against and %d absent make %d, but %s has %d members (kommune.toml): correct the counts, or write fravarende = the seats with no one present", f, m, max(vo.Fravarende, 0), total, load.Plain(u.Kode), u.Medlemmer)
	}
}

// partiRef reports a party that kommune.toml does not list.
func (c *checker) partiRef(s record.Source, path, kode string) bool {
	if c.ix.Parti[kode] != nil {
		return true
	}
	if k := c.set.Kommune; k != nil && k.Src.Pos.RejectedUnder("parti") {
		return false
	}
	c.errorf(s, path, "parti %s is not listed in kommune.toml: add [[parti]] kode = %q navn = \"…\" there, or use one of its codes", load.QuoteShort(kode), kode)
	return false
}
