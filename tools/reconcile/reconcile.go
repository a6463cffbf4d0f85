// Package reconcile owns the integrity checks of the published numbers:
// sums that must agree, recomputed from the compiled site model on their
// own, independently of how package compile derived each figure. The build
// fails when one disagrees (with the figures), and the site publishes every
// check with its figures on the page /kontroll/, so a reader can see that
// the numbers add up and how.
//
// The checks:
//
//   - ramme_sum: in each økonomiplan and year, the rammeområder's adopted
//     frames sum to the total the site shows.
//   - oppgitt_sum: in each økonomiplan, stage (forslag, innstilling,
//     alternativ, vedtatt) and year, the stage's frames sum to its
//     computed total, and to the printed total (sum_driftsrammer) if the
//     data states one, within the plan's toleranse: a table printed in
//     1 000 kr rounds each row, so its printed sum may differ from the sum
//     of its rows by a few thousand kroner. The site shows the printed sum;
//     this check shows the computed sum and the rounding difference. A
//     printed sum marked as a misprint in the source (sum_trykkfeil) is
//     listed with its difference and passes.
//   - underomrader: in each økonomiplan, stage and year, an area with
//     underområder (overordnet, package omradetre) against the sum of their
//     rows: a computed subtotal exactly, a printed one within the plan's
//     toleranse, with the rounding difference. The totals above count the
//     top-level areas only, so a sub-area is never counted twice.
//   - regulert_sum: the regulated frames sum to the regulated total; where
//     the adopted sum is printed, the regulated total shown is the printed
//     sum plus the year's reguleringer.
//   - reguleringer: the reguleringer of a year sum to the difference
//     between the regulated and the adopted budget, in total and per area.
//   - prosjekt_ramme: each project's justert kostnadsramme equals its
//     opprinnelig plus its tilleggsbevilgninger (minus reductions), step by
//     step through the frame's history.
//   - prosjekt_avvik: each project's avvik equals prognose minus justert
//     ramme, and its regnskap total the sum of its years.
//   - forside: every figure on the home page (nokkeltall.go), counted or
//     summed again from the vedtak, plans, projects and økonomiplaner.
//   - vedtak_ar: the vedtak list's table by year: each year's row against
//     that year's vedtak, and the rows against the table's total (footer).
//   - arsregnskap: the årsregnskap files of data/regnskap/
//     (arsregnskap.go): each column's rows against its total and its
//     printed sum, each parent area against its underområder, within the
//     file's toleranse.
//   - oversikt_sum, oversikt_omrader, oversikt_rammer, oversikt_prosjekter:
//     the bevilgningsoversikter (oversikt.go), within their rounding
//     tolerance.
//
// Sums are added with money.Add: a sum that leaves ±money.MaxSum stays
// out of range and fails its check, as does a figure shown out of range,
// so that a wrapped number can never pass as reconciled.
package reconcile

import (
	"fmt"
	"strings"

	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
)

// Check is one reconciliation: two figures that must be equal.
type Check struct {
	Kind     string    `json:"type"`    // ramme_sum, regulert_sum, reguleringer, prosjekt_ramme, prosjekt_avvik, forside, vedtak_ar
	Subject  model.Ref `json:"gjelder"` // the økonomiplan or project
	Ar       int       `json:"ar,omitempty"`
	Omrade   string    `json:"omrade,omitempty"` // an area's name, for a per-area check
	What     string    `json:"hva"`              // which figures, as a code for the templates
	Expected model.Kr  `json:"forventet"`        // what the parts sum to
	Shown    model.Kr  `json:"vist"`             // the figure stated or shown
	Antall   bool      `json:"antall,omitempty"` // the figures are counts, not kroner
	// Stadium is the budget stage of the figures (oppgitt_sum), Toleranse
	// how much a printed sum may differ from its parts (nil: not at all)
	// and Avrunding the difference shown − expected when a toleranse
	// applies.
	Stadium   string    `json:"stadium,omitempty"`
	Toleranse *model.Kr `json:"toleranse,omitempty"`
	Avrunding *model.Kr `json:"avrunding,omitempty"`
	OK        bool      `json:"ok"`
	// Detalj names the line of an oversikt check, and Kolonne its column
	// (the site names the column in its language from the code and year).
	Detalj  string         `json:"detalj,omitempty"`
	Kolonne *model.Kolonne `json:"kolonne,omitempty"`
	// Hoyst: the parts' sum may be at most the stated figure (plus the
	// tolerance), not equal to it: a line that holds the parts and more.
	Hoyst bool `json:"hoyst,omitempty"`
	// Avvik is the stated figure minus the parts' sum.
	Avvik model.Kr `json:"avvik"`
	// Trykkfeil: the stated figure is a known misprint in the source
	// (sum_trykkfeil), shown as printed with the sum of its parts; the
	// check lists the difference and passes.
	Trykkfeil bool `json:"trykkfeil,omitempty"`
}

// Report is every check.
type Report struct {
	Checks []Check `json:"kontroller"`
	Failed int     `json:"feilet"`
}

// Error describes the failed checks with their figures.
func (r *Report) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d of %d reconciliation checks failed:", r.Failed, len(r.Checks))
	for _, c := range r.Checks {
		if !c.OK {
			fmt.Fprintf(&b, "\n  %s %s", c.Kind, c.Subject.ID)
			if c.Ar != 0 {
				fmt.Fprintf(&b, " %d", c.Ar)
			}
			if c.Omrade != "" {
				fmt.Fprintf(&b, " (%s)", c.Omrade)
			}
			if !money.InRange(c.Expected.Kr) || !money.InRange(c.Shown.Kr) {
				fmt.Fprintf(&b, ": %s: the parts sum to %s and %s is stated: out of the range ±%s",
					c.What, c.Expected.Tekst, c.Shown.Tekst, money.FormatKr(money.MaxSum))
				continue
			}
			d := amount(diff(c.Shown.Kr, c.Expected.Kr)).Tekst
			if c.Antall {
				d = money.Format(diff(c.Shown.Kr, c.Expected.Kr))
			}
			if c.Stadium != "" {
				fmt.Fprintf(&b, " [%s]", c.Stadium)
			}
			fmt.Fprintf(&b, ": %s: the parts sum to %s, but %s is stated (difference %s",
				c.What, c.Expected.Tekst, c.Shown.Tekst, d)
			if c.Toleranse != nil {
				fmt.Fprintf(&b, ", more than the toleranse of %s", c.Toleranse.Tekst)
			}
			b.WriteString(")")
		}
	}
	return b.String()
}

// Run checks every sum in the site.
func Run(site *model.Site) *Report {
	r := &Report{Checks: []Check{}}
	add := func(c Check) {
		c.OK = agree(c)
		c.Avvik = amount(diff(c.Shown.Kr, c.Expected.Kr))
		if !c.OK {
			r.Failed++
		}
		r.Checks = append(r.Checks, c)
	}
	parent := parents(site)
	for _, o := range site.Okonomiplaner {
		subject := model.Ref{ID: o.ID, Path: o.Path, Tittel: o.Tittel}
		for i, ar := range o.Ar {
			var vedtatt, regulert int64
			for _, line := range o.Rammer {
				if !top(parent, line.Omrade.ID) {
					continue // inside its parent's figure
				}
				if i < len(line.Vedtatt) {
					vedtatt = sum(vedtatt, line.Vedtatt[i].Kr)
				}
				if i < len(line.Regulert) {
					regulert = sum(regulert, line.Regulert[i].Kr)
				}
			}
			if i < len(o.SumVedtatt) {
				add(Check{Kind: "ramme_sum", Subject: subject, Ar: ar, What: shownOrComputed("adopted", i, o.SumOppgitt), Expected: amount(vedtatt), Shown: o.SumVedtatt[i]})
			}
			if i < len(o.SumRegulert) {
				add(Check{Kind: "regulert_sum", Subject: subject, Ar: ar, What: shownOrComputed("regulated", i, o.SumOppgitt), Expected: amount(regulert), Shown: o.SumRegulert[i]})
			}
			// The reguleringer of the year, in total and per area.
			var regs int64
			perArea := map[string]int64{}
			for _, g := range o.Reguleringer {
				if g.Ar == ar {
					regs = sum(regs, g.Belop.Kr)
					// A regulering of an underområde changes each area above it.
					for id, seen := g.Omrade.ID, map[string]bool{}; id != "" && !seen[id]; id = parent[id] {
						seen[id] = true
						perArea[id] = sum(perArea[id], g.Belop.Kr)
					}
				}
			}
			// Where the adopted sum is printed, the regulated total shown is
			// the printed sum plus the year's reguleringer.
			// A printed sum that is a known misprint (sum_trykkfeil) is not
			// carried on: the regulated total shown is the frames' own.
			if i < len(o.SumOppgitt) && i < len(o.SumRegulertVist) {
				if i < len(o.SumTrykkfeil) && o.SumTrykkfeil[i] {
					add(Check{Kind: "regulert_sum", Subject: subject, Ar: ar, What: "regulated_shown_misprint", Expected: amount(regulert), Shown: o.SumRegulertVist[i]})
				} else {
					add(Check{Kind: "regulert_sum", Subject: subject, Ar: ar, What: "regulated_shown", Expected: amount(sum(o.SumOppgitt[i].Kr, regs)), Shown: o.SumRegulertVist[i]})
				}
			}
			if i < len(o.SumVedtatt) && i < len(o.SumRegulert) {
				add(Check{Kind: "reguleringer", Subject: subject, Ar: ar, What: "regulated_minus_adopted", Expected: amount(regs), Shown: amount(diff(o.SumRegulert[i].Kr, o.SumVedtatt[i].Kr))})
			}
			for _, line := range o.Rammer {
				if i < len(line.Vedtatt) && i < len(line.Regulert) && (perArea[line.Omrade.ID] != 0 || line.Regulert[i].Kr != line.Vedtatt[i].Kr) {
					add(Check{Kind: "reguleringer", Subject: subject, Ar: ar, Omrade: line.Omrade.Tittel, What: "area_regulated_minus_adopted", Expected: amount(perArea[line.Omrade.ID]), Shown: amount(diff(line.Regulert[i].Kr, line.Vedtatt[i].Kr))})
				}
			}
		}
	}
	for _, o := range site.Okonomiplaner {
		stadier(o, parent, add)
	}
	omradeSums(site, add)
	for _, p := range site.Prosjekter {
		subject := model.Ref{ID: p.ID, Path: p.Path, Tittel: p.Navn}
		if len(p.Rammehistorikk) > 0 {
			var frame, extra int64
			for i, s := range p.Rammehistorikk {
				if i == 0 {
					frame = s.Belop.Kr
				} else {
					frame = sum(frame, s.Belop.Kr)
					extra = sum(extra, s.Belop.Kr)
				}
				if s.Ramme.Kr != frame {
					add(Check{Kind: "prosjekt_ramme", Subject: subject, What: "step_frame", Expected: amount(frame), Shown: s.Ramme})
				}
			}
			add(Check{Kind: "prosjekt_ramme", Subject: subject, What: "adjusted_frame", Expected: amount(sum(p.Opprinnelig.Kr, extra)), Shown: p.Justert})
			add(Check{Kind: "prosjekt_ramme", Subject: subject, What: "frame_changes", Expected: amount(extra), Shown: p.Tillegg})
		}
		var spent int64
		for _, a := range p.Regnskap {
			spent = sum(spent, a.Belop.Kr)
		}
		if p.RegnskapSum != nil {
			add(Check{Kind: "prosjekt_avvik", Subject: subject, What: "spend_total", Expected: amount(spent), Shown: *p.RegnskapSum})
		}
		if p.Prognose != nil && p.AvvikJustert != nil {
			add(Check{Kind: "prosjekt_avvik", Subject: subject, What: "deviation", Expected: amount(diff(p.Prognose.Kr, p.Justert.Kr)), Shown: *p.AvvikJustert})
		}
	}
	forside(site, add)
	vedtakAr(site, add)
	oversikter(site, add)
	arsregnskap(site, add)
	return r
}

// agree decides a check: the figures equal, or within its tolerance, or
// (Hoyst) the parts' sum at most the stated figure plus the tolerance;
// never for a figure out of range.
func agree(c Check) bool {
	if !money.InRange(c.Expected.Kr) || !money.InRange(c.Shown.Kr) {
		return false
	}
	var tol int64
	if c.Toleranse != nil {
		tol = c.Toleranse.Kr
	}
	if c.Trykkfeil {
		return true
	}
	d := diff(c.Shown.Kr, c.Expected.Kr)
	if c.Hoyst {
		return d >= -tol
	}
	return money.Abs(d) <= tol
}

// stadier checks each stage's sums: its frames against its computed total,
// and against its printed total within the plan's toleranse.
func stadier(o *model.Okonomiplan, parent map[string]string, add func(Check)) {
	subject := model.Ref{ID: o.ID, Path: o.Path, Tittel: o.Tittel}
	tol := amount(0)
	if o.Toleranse != nil {
		tol = *o.Toleranse
	}
	for _, s := range o.Stadier {
		for i, ar := range o.Ar {
			var parts int64
			for _, line := range s.Rammer {
				if i < len(line.Belop) && top(parent, line.Omrade.ID) {
					parts = sum(parts, line.Belop[i].Kr)
				}
			}
			if i < len(s.Sum) {
				add(Check{Kind: "oppgitt_sum", Subject: subject, Ar: ar, Stadium: s.Type, Omrade: s.Navn, What: shownOrComputed("stage", i, s.SumOppgitt), Expected: amount(parts), Shown: s.Sum[i]})
			}
			if i < len(s.SumOppgitt) {
				d := amount(diff(s.SumOppgitt[i].Kr, parts))
				t := tol
				c := Check{Kind: "oppgitt_sum", Subject: subject, Ar: ar, Stadium: s.Type, Omrade: s.Navn, What: "stated_total", Expected: amount(parts), Shown: s.SumOppgitt[i], Toleranse: &t, Avrunding: &d}
				if i < len(s.Trykkfeil) && s.Trykkfeil[i] {
					// A known misprint in the source: listed with its
					// difference, not failed (check has said it is no rounding).
					c.What, c.Trykkfeil, c.Toleranse, c.Avrunding = "stated_total_misprint", true, nil, nil
				}
				add(c)
			}
		}
	}
}

// shownOrComputed names the check of a computed total (prefix "adopted" or
// "stage") for year i: "…_total" (against the sum the page shows) where no
// sum is printed, and "…_computed" where one is: the page then shows the
// printed sum, which the stated_total check reconciles with its rounding,
// and the computed total (the chart's, the downloads') must not be called
// the one shown.
func shownOrComputed(prefix string, i int, printed []model.Kr) string {
	if i < len(printed) {
		return prefix + "_computed"
	}
	return prefix + "_total"
}

// amount is an amount with the site's text for it.
func amount(n int64) model.Kr {
	return model.Kr{Kr: n, Tekst: money.FormatKr(n), Mill: money.FormatMill(n)}
}

// sum and diff are money.Add and money.Sub without the flag: a result out
// of range stays out of range, and Run fails the check it goes into.
func sum(a, b int64) int64 {
	s, _ := money.Add(a, b)
	return s
}

func diff(a, b int64) int64 {
	d, _ := money.Sub(a, b)
	return d
}
