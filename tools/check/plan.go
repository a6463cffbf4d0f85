package check

import (
	"strings"

	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/tomlpos"
)

// plan checks a plan, one rule per function.
func (c *checker) plan(p *record.Plan) {
	c.planFields(p)
	c.satsingsomrader(p)
	tiltak := map[string]bool{}
	for i := range p.Tiltak {
		c.planTiltak(p, i, tiltak)
	}
	c.planFaser(p)
}

// planFields checks the fields every plan has: type, title, period,
// status and the vedtak that adopted it, and its place under an
// overordnet plan.
func (c *checker) planFields(p *record.Plan) {
	s := p.Src
	if p.Type == "" {
		c.errorf(s, "type", "missing: add type = one of %s", strings.Join(record.PlanTypeValues, ", "))
	}
	c.required(s, "tittel", p.Tittel, `"Boligplan 2024–2030"`)
	c.year(s, "fra_ar", p.FraAr, true)
	c.year(s, "til_ar", p.TilAr, true)
	if p.FraAr != 0 && p.TilAr != 0 && p.TilAr < p.FraAr {
		c.errorf(s, "til_ar", "the period ends (%d) before it starts (%d)", p.TilAr, p.FraAr)
	}
	if p.Status == "" {
		c.errorf(s, "status", "missing: add status = one of %s", strings.Join(record.PlanStatusValues, ", "))
	}
	if v := c.vedtakRef(s, "vedtatt_i", p.VedtattI, p.Status.Adopted()); v != nil && p.Status == record.PlanUnderArbeid {
		c.errorf(s, "status", "the plan cites the vedtak that adopted it (%s) but has status under_arbeid: set status = \"vedtatt\"", v.ID)
	}
	if p.Overordnet != "" {
		c.planRef(s, "overordnet", p.Overordnet)
		c.planCycle(p)
	}
}

// satsingsomrader checks the satsingsområder and their mål: ids unique
// within the plan, bærekraftsmål 1 to 17 listed once each.
func (c *checker) satsingsomrader(p *record.Plan) {
	s := p.Src
	sat := map[string]bool{}
	mal := map[string]bool{}
	for i, so := range p.Satsingsomrade {
		path := tomlpos.Elem("satsingsomrade", i)
		c.id(s, path+".id", so.ID)
		if sat[so.ID] {
			c.errorf(s, path+".id", "satsingsområde %q is defined twice in this plan", so.ID)
		}
		sat[so.ID] = true
		c.required(s, path+".navn", so.Navn, `"Godt liv for alle"`)
		c.barekraftsmal(s, path, so.Barekraftsmal)
		for j, m := range so.Mal {
			mp := tomlpos.Elem(path+".mal", j)
			c.id(s, mp+".id", m.ID)
			if mal[m.ID] {
				c.errorf(s, mp+".id", "mål %q is defined twice in this plan: mål ids are unique within a plan", m.ID)
			}
			mal[m.ID] = true
			c.required(s, mp+".tekst", m.Tekst, `"Flere barn går i barnehage"`)
		}
	}
}

// barekraftsmal checks a satsingsområde's list of FN's bærekraftsmål.
func (c *checker) barekraftsmal(s record.Source, path string, goals []int) {
	seen := map[int]bool{}
	for j, n := range goals {
		bp := tomlpos.Elem(path+".barekraftsmal", j)
		if n < 1 || n > 17 {
			c.errorf(s, bp, "%d is not one of FN's 17 bærekraftsmål: use the goal's number, 1 to 17", n)
		}
		if seen[n] {
			c.errorf(s, bp, "bærekraftsmål %d is listed twice", n)
		}
		seen[n] = true
	}
}

// planTiltak checks tiltak i of the plan: an id unique within the plan
// (seen holds the ids of the tiltak before it), its fields, and its
// references.
func (c *checker) planTiltak(p *record.Plan, i int, seen map[string]bool) {
	s := p.Src
	t := p.Tiltak[i]
	path := tomlpos.Elem("tiltak", i)
	c.id(s, path+".id", t.ID)
	if seen[t.ID] {
		c.errorf(s, path+".id", "tiltak %q is defined twice in this plan", t.ID)
	}
	seen[t.ID] = true
	c.required(s, path+".tittel", t.Tittel, `"Utrede behovet for utleieboliger"`)
	if t.Fase == "" {
		c.errorf(s, path+".fase", "missing: add fase = one of %s", strings.Join(record.TiltakFaseValues, ", "))
	}
	if t.Status == "" {
		c.errorf(s, path+".status", "missing: add status = one of %s", strings.Join(record.StatusValues, ", "))
	}
	if t.Status == record.Utgar && strings.TrimSpace(t.Begrunnelse) == "" {
		c.errorf(s, path+".begrunnelse", "a dropped tiltak (utgar) needs its reason: add begrunnelse = \"...\" and the vedtak in vedtak = [...]")
	}
	if t.Status == record.Utgar && len(t.Vedtak) == 0 {
		c.errorf(s, path+".status", "a tiltak is dropped (utgar) only by a vedtak: cite it in vedtak = [\"...\"]")
	}
	for j, ref := range t.Mal {
		c.malRef(p, tomlpos.Elem(path+".mal", j), ref)
	}
	for j, id := range t.Rammeomrader {
		c.omradeRef(s, tomlpos.Elem(path+".rammeomrader", j), id)
	}
	for j, id := range t.Prosjekter {
		c.prosjektRef(s, tomlpos.Elem(path+".prosjekter", j), id)
	}
	for j, id := range t.Vedtak {
		c.vedtakRef(s, tomlpos.Elem(path+".vedtak", j), id, true)
	}
	c.tiltakRapporter(s, path, t)
}

// malRef reports a tiltak's reference to a mål that does not exist.
func (c *checker) malRef(p *record.Plan, path, ref string) {
	mplan, _, m := c.ix.Mal(p, ref)
	switch {
	case m != nil:
	case mplan != nil && mplan.Src.Pos.RejectedUnder("satsingsomrade"):
		// A list load reported as unusable.
	case mplan == nil:
		c.errorf(p.Src, path, "mål %q: the plan does not exist (write plan-id/mål-id, or a mål id of this plan)", ref)
	default:
		c.errorf(p.Src, path, "mål %q does not exist in plan %s", ref, load.Plain(mplan.ID))
	}
}

// planFaser checks the plan's phases: numbered once each, each ending
// after it starts, checkpoints met by the reference date.
func (c *checker) planFaser(p *record.Plan) {
	s := p.Src
	nrs := map[int]bool{}
	for i, f := range p.Fase {
		path := tomlpos.Elem("fase", i)
		if f.Nr <= 0 || nrs[f.Nr] {
			c.errorf(s, path+".nr", "number the phases 1, 2, 3 … once each")
		}
		nrs[f.Nr] = true
		c.required(s, path+".navn", f.Navn, `"Gjennomføring av tiltak"`)
		if !f.Fra.IsZero() && !f.Til.IsZero() && f.Til.Before(f.Fra) {
			c.errorf(s, path+".til", "the phase ends (%s) before it starts (%s)", f.Til, f.Fra)
		}
		for j, sp := range f.Sjekkpunkt {
			spPath := tomlpos.Elem(path+".sjekkpunkt", j)
			c.required(s, spPath+".tekst", sp.Tekst, `"Etablert tydelig mandat"`)
			if !sp.Dato.IsZero() && !c.ref.IsZero() && sp.Dato.After(c.ref) {
				c.errorf(s, spPath+".dato", "a checkpoint met on %s is after the reference date %s", sp.Dato, c.ref)
			}
		}
	}
}

// planCycle reports a plan whose chain of overordnet plans comes back to it.
func (c *checker) planCycle(p *record.Plan) {
	seen := map[string]bool{p.ID: true}
	chain := []string{load.Plain(p.ID)}
	for cur := c.ix.Planer[p.Overordnet]; cur != nil; cur = c.ix.Planer[cur.Overordnet] {
		chain = append(chain, load.Plain(cur.ID))
		if seen[cur.ID] {
			if cur.ID == p.ID {
				c.errorf(p.Src, "overordnet", "plans cite each other in a circle (%s): a plan's overordnet plan must be above it", strings.Join(chain, " → "))
			}
			return
		}
		seen[cur.ID] = true
	}
}
