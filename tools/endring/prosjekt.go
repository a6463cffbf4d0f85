package endring

import (
	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
)

// State is a project's state at one report.
type State struct {
	Rapport  *record.Rapport
	Status   record.Statusrapport
	Prognose int64
	Ramme    int64 // the frame decided by the report's date
	Over     bool  // the forecast is above that frame
}

// Frame returns a project's kostnadsramme as decided by date d: the sum of
// the steps whose vedtak met on or before d.
func Frame(p *record.Prosjekt, ix *record.Index, d caldate.Date) int64 {
	var sum int64
	for _, s := range p.Kostnadsramme {
		if v := ix.Vedtak[s.Vedtak]; v != nil && !v.Motedato.After(d) {
			sum = money.MustAdd(sum, s.Belop.Kr)
		}
	}
	return sum
}

// History returns a project's state at each report it has a status report
// for, in report order (reports as Ordered returns them).
func History(p *record.Prosjekt, ix *record.Index, reports []*record.Rapport) []State {
	var out []State
	for _, r := range reports {
		for _, s := range p.Statusrapport {
			if s.Rapport == r.ID {
				out = append(out, state(p, ix, r, s))
				break
			}
		}
	}
	return out
}

func state(p *record.Prosjekt, ix *record.Index, r *record.Rapport, s record.Statusrapport) State {
	frame := Frame(p, ix, r.Dato)
	return State{Rapport: r, Status: s, Prognose: s.Prognose.Kr, Ramme: frame, Over: frame > 0 && s.Prognose.Kr > frame}
}

// OverSince returns the report since which a project has been over its
// frame without a break, from its history; nil if it is not over at its
// latest report.
func OverSince(h []State) *record.Rapport {
	var since *record.Rapport
	for _, s := range h {
		switch {
		case !s.Over:
			since = nil
		case since == nil:
			since = s.Rapport
		}
	}
	return since
}

// prosjekt returns the changes of one project at report i (r).
func prosjekt(p *record.Prosjekt, ix *record.Index, order map[string]int, i int, r *record.Rapport) []Change {
	cur, prev := at(len(p.Statusrapport), func(j int) string { return p.Statusrapport[j].Rapport }, order, i)
	if cur < 0 || prev < 0 {
		return nil
	}
	a, b := p.Statusrapport[prev], p.Statusrapport[cur]
	before, after := state(p, ix, ix.Rapporter[a.Rapport], a), state(p, ix, r, b)
	base := Change{Om: OmProsjekt, ID: p.ID}
	var out []Change
	withKr := func(k Kind) Change {
		c := base
		c.Kind, c.Fra, c.Til, c.Endring, c.HarBelop = k, before.Prognose, after.Prognose, after.Prognose-before.Prognose, true
		c.Ramme, c.Over = after.Ramme, after.Prognose-after.Ramme
		return c
	}
	switch {
	case after.Over && !before.Over:
		out = append(out, withKr(OverskridelseNy))
	case before.Over && !after.Over:
		out = append(out, withKr(OverskridelseSlutt))
	}
	if before.Prognose != after.Prognose {
		out = append(out, withKr(Prognose))
	}
	if a.Fase != "" && b.Fase != "" && a.Fase != b.Fase {
		c := base
		c.Kind, c.FraKode, c.TilKode = Fase, string(a.Fase), string(b.Fase)
		out = append(out, c)
	}
	if !a.ForventetFerdig.IsZero() && !b.ForventetFerdig.IsZero() && a.ForventetFerdig != b.ForventetFerdig {
		c := base
		c.Kind, c.FraDato, c.TilDato, c.Maneder = Ferdig, a.ForventetFerdig, b.ForventetFerdig, a.ForventetFerdig.MonthsUntil(b.ForventetFerdig)
		out = append(out, c)
	}
	if a.Risiko != "" && b.Risiko != "" && a.Risiko != b.Risiko {
		c := base
		c.Kind, c.FraKode, c.TilKode = Risiko, string(a.Risiko), string(b.Risiko)
		out = append(out, c)
	}
	return out
}
