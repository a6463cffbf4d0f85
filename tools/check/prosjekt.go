package check

import (
	"strings"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/tomlpos"
)

// prosjekt checks an investment project, one rule per function.
func (c *checker) prosjekt(p *record.Prosjekt) {
	c.prosjektFields(p)
	c.prosjektNummer(p)
	c.kostnadsramme(p)
	c.bevilgning(p)
	c.prosjektRegnskap(p)
	c.statusrapporter(p)
	c.handover(p)
	c.finalAccount(p)
}

// prosjektFields checks the fields every project has and the references
// to its area and the plans' tiltak.
func (c *checker) prosjektFields(p *record.Prosjekt) {
	s := p.Src
	c.required(s, "navn", p.Navn, `"Nordbyen skole – nybygg"`)
	c.unknownFields(s, prosjektUnknown(p), []optionalField{
		{"nummer", p.Nummer, func() {
			c.required(s, "nummer", p.Nummer, `"4120" (or ukjent = ["nummer"] if the source does not give it)`)
		}},
		{"ansvarlig", p.Ansvarlig, func() {
			c.required(s, "ansvarlig", p.Ansvarlig, `"Eiendom" (or ukjent = ["ansvarlig"] if the source does not give it)`)
		}},
		{"omrade", p.Omrade, func() {
			if p.Omrade == "" {
				c.errorf(s, "omrade", "missing: name the rammeområde the project belongs to, e.g. omrade = \"oppvekst\" (or ukjent = [\"omrade\"] if the source does not give it)")
			}
			c.omradeRef(s, "omrade", p.Omrade)
		}},
	})
	if p.Fase == "" {
		c.errorf(s, "fase", "missing: add fase = one of %s", strings.Join(record.ProsjektFaseValues, ", "))
	}
	c.year(s, "start_ar", p.StartAr, false)
	for i, ref := range p.Tiltak {
		c.tiltakRef(s, tomlpos.Elem("tiltak", i), ref)
	}
}

// prosjektNummer reports a prosjektnummer already used by a project
// checked before this one.
func (c *checker) prosjektNummer(p *record.Prosjekt) {
	if p.Nummer == "" {
		return
	}
	first := c.nummer[p.Nummer]
	if first == nil {
		c.nummer[p.Nummer] = p
		return
	}
	if first.ID != p.ID {
		c.errorf(p.Src, "nummer", "prosjektnummer %q is also used by %s: each project has its own number", p.Nummer, first.Src.Path)
	}
}

// bevilgning checks the appropriations. A year's appropriation may be
// regulated by more lines, down as well as up, but it cannot add up to
// less than nothing, and no vedtak appropriates money for a year already
// over.
func (c *checker) bevilgning(p *record.Prosjekt) {
	s := p.Src
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
				c.errorf(s, path+".belop", "the appropriations for %d add up to %s here: a line may reduce the year's appropriation (a negative amount), but not below 0 kr", b.Ar, money.FormatKr(sum))
			}
		}
		if v := c.vedtakRef(s, path+".vedtak", b.Vedtak, true); v != nil && b.Ar != 0 && v.Motedato.Y > b.Ar {
			c.errorf(s, path+".vedtak", "vedtak %s (%s) cannot appropriate money for %d, a year already over", v.ID, v.Motedato, b.Ar)
		}
	}
}

// prosjektRegnskap checks the spend per year: one amount per year, and
// none for a year after the reference date.
func (c *checker) prosjektRegnskap(p *record.Prosjekt) {
	s := p.Src
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
		c.yearRef(s, path+".rapport", r.Rapport, r.Ar)
	}
}

// statusrapporter checks the status reports: one per period, each for a
// period already over, oldest first, each with a forecast above 0 kr and
// a risk.
func (c *checker) statusrapporter(p *record.Prosjekt) {
	s := p.Src
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
		c.reportPeriod(p, i)
		c.periodRef(s, path+".rapport", r.Rapport, r.Ar, r.Periode)
		c.statusFase(p, i)
		if !r.Prognose.Set {
			c.errorf(s, path+".prognose", "missing: add the forecast final cost, e.g. prognose = 142_000_000")
		} else if r.Prognose.Kr <= 0 && r.Prognose.Problem() == "" {
			c.errorf(s, path+".prognose", "a forecast final cost must be above 0 kr: write what the whole project is now expected to cost, e.g. prognose = 150_500_000")
		}
		if r.Risiko == "" {
			c.errorf(s, path+".risiko", "missing: add risiko = \"gronn\", \"gul\" or \"rod\"")
		}
	}
}

// reportPeriod checks that status report i is for a period that is over
// and not older than the report above it.
func (c *checker) reportPeriod(p *record.Prosjekt, i int) {
	r := p.Statusrapport[i]
	end, ok := periodEnd(r.Ar, r.Periode)
	if !ok {
		return
	}
	path := tomlpos.Elem("statusrapport", i)
	if !c.ref.IsZero() && end.After(c.ref) {
		c.errorf(p.Src, path+".periode", "the period %s %d ends after the reference date %s: report it when the period is over", r.Periode, r.Ar, c.ref)
	}
	if i == 0 {
		return
	}
	prev := p.Statusrapport[i-1]
	if prevEnd, ok := periodEnd(prev.Ar, prev.Periode); ok && end.Before(prevEnd) {
		c.errorf(p.Src, path, "this report (%s %d) is older than the one above it: list status reports oldest first", r.Periode, r.Ar)
	}
}

// periodEnd returns the last day of a reporting period, and false if the
// year or the period is missing or not valid.
func periodEnd(ar int, periode record.Periode) (caldate.Date, bool) {
	if ar == 0 || periode == "" || periode.Problem() != "" {
		return caldate.Date{}, false
	}
	return periode.End(ar), true
}

// handover checks that the handover date and the stage agree: a project
// handed over (overtatt or avsluttet) has the date, a project with the
// date is in one of those stages, and the date is not in the future.
func (c *checker) handover(p *record.Prosjekt) {
	s := p.Src
	done := p.Fase.HandedOver()
	switch {
	case done && p.Overtatt.IsZero() && p.Overtatt.Problem() == "":
		c.errorf(s, "overtatt", "a project in fase %q needs the handover date: add overtatt = YYYY-MM-DD", p.Fase)
	case !done && !p.Overtatt.IsZero() && p.Fase.Problem() == "" && p.Fase != "":
		c.errorf(s, "fase", "the project was handed over (overtatt = %s) but fase is %q: set fase = \"overtatt\" or \"avsluttet\"", p.Overtatt, p.Fase)
	}
	if !p.Overtatt.IsZero() && !c.ref.IsZero() && p.Overtatt.After(c.ref) {
		c.errorf(s, "overtatt", "handover %s is after the reference date %s: write the expected date in a status report instead", p.Overtatt, c.ref)
	}
}

// finalAccount checks that the sluttregnskap and the stage agree, and the
// sluttregnskap itself: a cost above 0 kr, adopted after the handover.
func (c *checker) finalAccount(p *record.Prosjekt) {
	s := p.Src
	switch {
	case p.Fase == record.Avsluttet && p.Sluttregnskap == nil:
		c.errorf(s, "fase", "an avsluttet project needs its final account: add [sluttregnskap] with belop and vedtak")
	case p.Sluttregnskap != nil && p.Fase != record.Avsluttet && p.Fase.Problem() == "" && p.Fase != "":
		c.errorf(s, "fase", "the project has a sluttregnskap but fase is %q: set fase = \"avsluttet\"", p.Fase)
	}
	sr := p.Sluttregnskap
	if sr == nil {
		return
	}
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

// kostnadsramme checks the frame history: one original frame first, then
// increases and reductions in the order they were decided, adding up to
// the stated frame.
func (c *checker) kostnadsramme(p *record.Prosjekt) {
	if len(p.Kostnadsramme) == 0 {
		c.noKostnadsramme(p)
		return
	}
	total, inRange, signs := c.rammeSteps(p)
	if inRange { // out of range is reported by sums
		c.rammeTotal(p, total, signs)
	}
}

// noKostnadsramme reports a project without a frame history that needs
// one: from forprosjekt on the council has set a frame, and a stated
// frame is the sum of its history.
func (c *checker) noKostnadsramme(p *record.Prosjekt) {
	s := p.Src
	if p.Fase.Index() >= record.Forprosjekt.Index() {
		c.errorf(s, "kostnadsramme", "missing: from forprosjekt on a project has a kostnadsramme; add [[kostnadsramme]] type = \"opprinnelig\" with belop and vedtak")
	}
	if p.JustertKostnadsramme.Set {
		c.errorf(s, "justert_kostnadsramme", "a stated frame needs its history: add the [[kostnadsramme]] steps it is the sum of")
	}
}

// rammeSteps checks each step of the frame history and returns their sum,
// whether the sum is in range, and whether every step has the sign of its
// type.
func (c *checker) rammeSteps(p *record.Prosjekt) (total int64, inRange, signs bool) {
	inRange, signs = true, true
	var prev *record.Vedtak
	proposed := -1 // the first step only proposed
	for i, r := range p.Kostnadsramme {
		path := tomlpos.Elem("kostnadsramme", i)
		c.rammeType(p.Src, path, i, r.Type)
		if !r.Belop.Set {
			c.errorf(p.Src, path+".belop", "missing: add the amount in kroner")
		} else if r.Belop.Problem() == "" {
			signs = c.rammeSign(p.Src, path, r) && signs
			if !r.Proposed() { // the adopted frame leaves out proposals
				var ok bool
				total, ok = money.Add(total, r.Belop.Kr)
				inRange = inRange && ok
			}
		}
		if r.Proposed() {
			c.proposedStep(p.Src, path, r)
			if proposed < 0 {
				proposed = i
			}
			continue
		}
		if proposed >= 0 {
			c.errorf(p.Src, path, "a step decided by a vedtak after kostnadsramme[%d], which is only proposed: list the proposed steps last (they are not part of the adopted frame), or cite the vedtak that adopted the proposal", proposed)
		}
		v := c.vedtakRef(p.Src, path+".vedtak", r.Vedtak, true)
		if v != nil && prev != nil && v.Motedato.Before(prev.Motedato) {
			c.errorf(p.Src, path+".vedtak", "vedtak %s (%s) is older than the step above it (%s): list the steps in the order they were decided", v.ID, v.Motedato, prev.Motedato)
		}
		if v != nil {
			prev = v
		}
	}
	return total, inRange, signs
}

// rammeType checks that step i of the frame history is the original frame
// if and only if it is the first.
func (c *checker) rammeType(s record.Source, path string, i int, t record.RammeType) {
	switch {
	case t == "":
		c.errorf(s, path+".type", "missing: add type = \"opprinnelig\", \"tillegg\" or \"reduksjon\"")
	case i == 0 && t != record.Opprinnelig && t.Problem() == "":
		c.errorf(s, path+".type", "the first step of a kostnadsramme is the original frame: set type = \"opprinnelig\"")
	case i > 0 && t == record.Opprinnelig:
		c.errorf(s, path+".type", "only the first step is the original frame: use type = \"tillegg\" or \"reduksjon\"")
	}
}

// rammeSign reports a step whose amount has the wrong sign for its type,
// and returns whether the sign is right.
func (c *checker) rammeSign(s record.Source, path string, r record.Rammeendring) bool {
	switch {
	case r.Type == record.Opprinnelig && r.Belop.Kr <= 0:
		c.errorf(s, path+".belop", "the original frame (opprinnelig) must be above 0 kr: write the frame the council set, e.g. belop = 18_000_000")
	case r.Type == record.Tillegg && r.Belop.Kr <= 0:
		c.errorf(s, path+".belop", "a tillegg is a positive amount; for a cut use type = \"reduksjon\" with a negative amount")
	case r.Type == record.Reduksjon && r.Belop.Kr >= 0:
		c.errorf(s, path+".belop", "a reduksjon is written as a negative amount, e.g. belop = -5_000_000")
	default:
		return true
	}
	return false
}

// rammeTotal checks the sum of the frame history: not negative, equal to
// the stated frame, and not below the kommune's threshold for an
// investment project.
func (c *checker) rammeTotal(p *record.Prosjekt, total int64, signs bool) {
	s := p.Src
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
