package check

import (
	"strings"

	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/tomlpos"
)

func (c *checker) prosjekt(p *record.Prosjekt) {
	s := p.Src
	c.required(s, "nummer", p.Nummer, `"4120"`)
	c.required(s, "navn", p.Navn, `"Nordbyen skole – nybygg"`)
	c.required(s, "ansvarlig", p.Ansvarlig, `"Eiendom"`)
	if p.Omrade == "" {
		c.errorf(s, "omrade", "missing: name the rammeområde the project belongs to, e.g. omrade = \"oppvekst\"")
	}
	c.omradeRef(s, "omrade", p.Omrade)
	if p.Fase == "" {
		c.errorf(s, "fase", "missing: add fase = one of %s", strings.Join(record.ProsjektFaseValues, ", "))
	}
	c.year(s, "start_ar", p.StartAr, false)
	for i, ref := range p.Tiltak {
		c.tiltakRef(s, tomlpos.Elem("tiltak", i), ref)
	}
	for _, other := range c.set.Prosjekter {
		if other == p {
			break
		}
		if other.Nummer == p.Nummer && p.Nummer != "" && other.ID != p.ID {
			c.errorf(s, "nummer", "prosjektnummer %q is also used by %s: each project has its own number", p.Nummer, other.Src.Path)
			break
		}
	}
	c.kostnadsramme(p)

	// A year's appropriation may be regulated by more lines, down as well
	// as up, but it cannot add up to less than nothing.
	perYear := map[int]int64{}
	for i, b := range p.Bevilgning {
		path := tomlpos.Elem("bevilgning", i)
		c.year(s, path+".ar", b.Ar, true)
		if !b.Belop.Set {
			c.errorf(s, path+".belop", "missing: add the appropriation in kroner")
		} else if b.Belop.Problem() == "" {
			before := perYear[b.Ar]
			sum, ok := money.Add(before, b.Belop.Kr) // out of range: reported by sums
			perYear[b.Ar] = sum
			if ok && sum < 0 && before >= 0 {
				c.errorf(s, path+".belop", "the appropriations for %d add up to %s here: a line may reduce the year's appropriation (a negative amount), but not below 0 kr", b.Ar, money.FormatKr(perYear[b.Ar]))
			}
		}
		if v := c.vedtakRef(s, path+".vedtak", b.Vedtak, true); v != nil && b.Ar != 0 && v.Motedato.Y > b.Ar {
			c.errorf(s, path+".vedtak", "vedtak %s (%s) cannot appropriate money for %d, a year already over", v.ID, v.Motedato, b.Ar)
		}
	}
	years := map[int]bool{}
	for i, r := range p.Regnskap {
		path := tomlpos.Elem("regnskap", i)
		c.year(s, path+".ar", r.Ar, true)
		if years[r.Ar] {
			c.errorf(s, path+".ar", "regnskap for %d is written twice: keep one amount per year", r.Ar)
		}
		years[r.Ar] = true
		if !c.ref.IsZero() && r.Ar > c.ref.Y {
			c.errorf(s, path+".ar", "regnskap for %d is after the reference date %s: spend cannot be reported for a year that has not started", r.Ar, c.ref)
		}
		if !r.Belop.Set {
			c.errorf(s, path+".belop", "missing: add what was spent that year in kroner")
		}
	}
	type key struct {
		ar      int
		periode record.Periode
	}
	reports := map[key]bool{}
	for i, r := range p.Statusrapport {
		path := tomlpos.Elem("statusrapport", i)
		c.year(s, path+".ar", r.Ar, true)
		if r.Periode == "" {
			c.errorf(s, path+".periode", "missing: add periode = \"t1\", \"t2\" or \"arsregnskap\"")
		}
		k := key{r.Ar, r.Periode}
		if reports[k] {
			c.errorf(s, path, "a status report for %s %d is written twice", load.Plain(string(r.Periode)), r.Ar)
		}
		reports[k] = true
		if r.Ar != 0 && r.Periode.Problem() == "" && r.Periode != "" {
			end := r.Periode.End(r.Ar)
			if !c.ref.IsZero() && end.After(c.ref) {
				c.errorf(s, path+".periode", "the period %s %d ends after the reference date %s: report it when the period is over", r.Periode, r.Ar, c.ref)
			}
			if i > 0 {
				prev := p.Statusrapport[i-1]
				if prev.Periode.Problem() == "" && prev.Ar != 0 && prev.Periode != "" && end.Before(prev.Periode.End(prev.Ar)) {
					c.errorf(s, path, "this report (%s %d) is older than the one above it: list status reports oldest first", r.Periode, r.Ar)
				}
			}
		}
		if !r.Prognose.Set {
			c.errorf(s, path+".prognose", "missing: add the forecast final cost, e.g. prognose = 142_000_000")
		} else if r.Prognose.Kr <= 0 && r.Prognose.Problem() == "" {
			c.errorf(s, path+".prognose", "a forecast final cost must be above 0 kr: write what the whole project is now expected to cost, e.g. prognose = 150_500_000")
		}
		if r.Risiko == "" {
			c.errorf(s, path+".risiko", "missing: add risiko = \"gronn\", \"gul\" or \"rod\"")
		}
	}

	done := p.Fase == "overtatt" || p.Fase == "avsluttet"
	switch {
	case done && p.Overtatt.IsZero() && p.Overtatt.Problem() == "":
		c.errorf(s, "overtatt", "a project in fase %q needs the handover date: add overtatt = YYYY-MM-DD", p.Fase)
	case !done && !p.Overtatt.IsZero() && p.Fase.Problem() == "" && p.Fase != "":
		c.errorf(s, "fase", "the project was handed over (overtatt = %s) but fase is %q: set fase = \"overtatt\" or \"avsluttet\"", p.Overtatt, p.Fase)
	}
	if !p.Overtatt.IsZero() && !c.ref.IsZero() && p.Overtatt.After(c.ref) {
		c.errorf(s, "overtatt", "handover %s is after the reference date %s: write the expected date in a status report instead", p.Overtatt, c.ref)
	}
	switch {
	case p.Fase == "avsluttet" && p.Sluttregnskap == nil:
		c.errorf(s, "fase", "an avsluttet project needs its final account: add [sluttregnskap] with belop and vedtak")
	case p.Sluttregnskap != nil && p.Fase != "avsluttet" && p.Fase.Problem() == "" && p.Fase != "":
		c.errorf(s, "fase", "the project has a sluttregnskap but fase is %q: set fase = \"avsluttet\"", p.Fase)
	}
	if sr := p.Sluttregnskap; sr != nil {
		if !sr.Belop.Set {
			c.errorf(s, "sluttregnskap.belop", "missing: add the final cost in kroner")
		} else if sr.Belop.Kr <= 0 && sr.Belop.Problem() == "" {
			c.errorf(s, "sluttregnskap.belop", "a final cost must be above 0 kr: write what the project cost in all, e.g. belop = 17_450_000")
		}
		v := c.vedtakRef(s, "sluttregnskap.vedtak", sr.Vedtak, true)
		if v != nil && !p.Overtatt.IsZero() && !v.Motedato.After(p.Overtatt) {
			c.errorf(s, "sluttregnskap.vedtak", "the sluttregnskap was adopted %s, not after the handover %s: a final account comes after completion", v.Motedato, p.Overtatt)
		}
	}
}

// kostnadsramme checks the frame history: one original frame first, then
// increases and reductions in the order they were decided.
func (c *checker) kostnadsramme(p *record.Prosjekt) {
	s := p.Src
	if len(p.Kostnadsramme) == 0 {
		if p.Fase.Index() >= 1 { // from forprosjekt on, the council has set a frame
			c.errorf(s, "kostnadsramme", "missing: from forprosjekt on a project has a kostnadsramme; add [[kostnadsramme]] type = \"opprinnelig\" with belop and vedtak")
		}
		if p.JustertKostnadsramme.Set {
			c.errorf(s, "justert_kostnadsramme", "a stated frame needs its history: add the [[kostnadsramme]] steps it is the sum of")
		}
		return
	}
	var total int64
	inRange := true // the steps' sum; out of range is reported by sums
	var prev *record.Vedtak
	signs := true // every step has the sign of its type
	for i, r := range p.Kostnadsramme {
		path := tomlpos.Elem("kostnadsramme", i)
		switch {
		case r.Type == "":
			c.errorf(s, path+".type", "missing: add type = \"opprinnelig\", \"tillegg\" or \"reduksjon\"")
		case i == 0 && r.Type != record.Opprinnelig && r.Type.Problem() == "":
			c.errorf(s, path+".type", "the first step of a kostnadsramme is the original frame: set type = \"opprinnelig\"")
		case i > 0 && r.Type == record.Opprinnelig:
			c.errorf(s, path+".type", "only the first step is the original frame: use type = \"tillegg\" or \"reduksjon\"")
		}
		if !r.Belop.Set {
			c.errorf(s, path+".belop", "missing: add the amount in kroner")
		} else if r.Belop.Problem() == "" {
			switch {
			case r.Type == record.Opprinnelig && r.Belop.Kr <= 0:
				c.errorf(s, path+".belop", "the original frame (opprinnelig) must be above 0 kr: write the frame the council set, e.g. belop = 18_000_000")
				signs = false
			case r.Type == record.Tillegg && r.Belop.Kr <= 0:
				c.errorf(s, path+".belop", "a tillegg is a positive amount; for a cut use type = \"reduksjon\" with a negative amount")
				signs = false
			case r.Type == record.Reduksjon && r.Belop.Kr >= 0:
				c.errorf(s, path+".belop", "a reduksjon is written as a negative amount, e.g. belop = -5_000_000")
				signs = false
			}
			var ok bool
			total, ok = money.Add(total, r.Belop.Kr)
			inRange = inRange && ok
		}
		v := c.vedtakRef(s, path+".vedtak", r.Vedtak, true)
		if v != nil && prev != nil && v.Motedato.Before(prev.Motedato) {
			c.errorf(s, path+".vedtak", "vedtak %s (%s) is older than the step above it (%s): list the steps in the order they were decided", v.ID, v.Motedato, prev.Motedato)
		}
		if v != nil {
			prev = v
		}
	}
	if !inRange {
		return
	}
	if total < 0 && signs {
		c.errorf(s, "kostnadsramme", "the steps add up to %s: a frame cannot be negative", money.FormatKr(total))
	}
	if j := p.JustertKostnadsramme; j.Set && j.Problem() == "" && j.Kr != total {
		c.errorf(s, "justert_kostnadsramme", "the stated frame is %s but the kostnadsramme steps add up to %s (difference %s): correct the sum or the steps",
			money.FormatKr(j.Kr), money.FormatKr(total), money.FormatKr(j.Kr-total))
	}
	if k := c.set.Kommune; k != nil && k.Regler.InvesteringMinstebelop.Kr > 0 && total > 0 && total < k.Regler.InvesteringMinstebelop.Kr {
		c.warnf(s, "kostnadsramme", "the frame %s is below the kommune's threshold for an investment project (%s)", money.FormatKr(total), money.FormatKr(k.Regler.InvesteringMinstebelop.Kr))
	}
}
