package reconcile

import (
	"fmt"

	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/oversikt"
)

// The checks of the bevilgningsoversikter (§ 5-4, § 5-5), recomputed from
// the page model's printed figures (in kroner) and the statutory layouts.
// A printed sum is checked within the oversikt's rounding tolerance
// (Check.Toleranse), and /kontroll/ shows the difference:
//
//   - oversikt_sum: each computed line of each column against the sum of
//     its printed parts (and the page's "beregnet" against that sum,
//     exactly);
//   - oversikt_omrader: § 5-4 part B against line "Sum bevilgninger
//     drift, netto";
//   - oversikt_rammer: that line in a budget column against the
//     rammeområder's adopted (or regulated) frames for the year in the
//     økonomiplan that holds them, for an adopted oversikt;
//   - oversikt_prosjekter: each § 5-5 line projects belong to against the
//     projects' bevilgninger for the year: at most the line (Hoyst), or
//     equal to it where the oversikt says every project is in the data.
func oversikter(site *compile.Site, add func(Check)) {
	for _, o := range site.Oversikter {
		ly := oversikt.Layouts[o.Oppsett]
		if ly == nil {
			continue
		}
		subject := compile.Ref{ID: o.ID, Path: o.Path, Tittel: o.Tittel}
		f := oversikt.Fortegn(o.Fortegn)
		tol := o.Toleranse
		for _, p := range oversikt.Parts {
			d := part(o, p)
			if d == nil {
				continue
			}
			byNr := map[int]*compile.Oversiktslinje{}
			for i := range d.Linjer {
				byNr[d.Linjer[i].Nr] = &d.Linjer[i]
			}
			for _, l := range ly.Lines[p] {
				line := byNr[l.Nr]
				if !l.Computed() || line == nil {
					continue
				}
				for i, col := range o.Kolonner {
					var sum int64
					for _, term := range l.Parts {
						part := byNr[term.Nr]
						if part == nil || i >= len(part.Belop) {
							sum = money.MaxSum + 1 // a part is missing: fails
							break
						}
						sum = add2(sum, int64(ly.Coefficient(p, l, term, f))*part.Belop[i].Kr)
					}
					detail := fmt.Sprintf("%s %d %s", p, l.Nr, line.Navn)
					add(Check{Kind: "oversikt_sum", Subject: subject, Ar: col.Ar, Detalj: detail, Kolonne: column(col), What: string(p) + "_sum", Expected: amount(sum), Shown: at(line.Belop, i), Toleranse: &tol})
					if shown := at(line.Beregnet, i); shown.Kr != sum {
						add(Check{Kind: "oversikt_sum", Subject: subject, Ar: col.Ar, Detalj: detail, Kolonne: column(col), What: "computed_shown", Expected: amount(sum), Shown: shown})
					}
				}
			}
		}
		if o.Drift != nil {
			sumLine := lineNr(o.Drift, ly.SumDrift)
			l6, _ := ly.Line(oversikt.Drift, ly.SumDrift)
			if sumLine != nil && len(o.Drift.Omrader) > 0 {
				for i, col := range o.Kolonner {
					var sum int64
					for _, a := range o.Drift.Omrader {
						sum = add2(sum, at(a.Belop, i).Kr)
					}
					add(Check{Kind: "oversikt_omrader", Subject: subject, Ar: col.Ar, Kolonne: column(col), What: "part_b", Expected: amount(sum), Shown: at(sumLine.Belop, i), Toleranse: &tol})
				}
			}
			if sumLine != nil {
				for i, col := range o.Kolonner {
					total, plan, ok := frames(site, o, col)
					if !ok {
						continue
					}
					shown := amount(int64(oversikt.ToStandard(l6, f)) * at(sumLine.Belop, i).Kr)
					add(Check{Kind: "oversikt_rammer", Subject: subject, Ar: col.Ar, Detalj: plan, Kolonne: column(col), What: "frames_" + col.Type, Expected: amount(total), Shown: shown, Toleranse: &tol})
				}
			}
		}
		if o.Investering != nil {
			for _, nr := range ly.ProjectLines {
				line := lineNr(o.Investering, nr)
				l, _ := ly.Line(oversikt.Investering, nr)
				if line == nil {
					continue
				}
				for i, col := range o.Kolonner {
					sum, ok := projects(site, o, col, nr)
					if !ok {
						continue
					}
					shown := amount(int64(oversikt.ToStandard(l, f)) * at(line.Belop, i).Kr)
					what := "projects_at_most"
					if o.Investering.AlleProsjekter {
						what = "projects_equal"
					}
					add(Check{Kind: "oversikt_prosjekter", Subject: subject, Ar: col.Ar, Detalj: fmt.Sprintf("%d %s", nr, line.Navn), Kolonne: column(col), What: what,
						Expected: amount(sum), Shown: shown, Toleranse: &tol, Hoyst: !o.Investering.AlleProsjekter})
				}
			}
		}
	}
}

func part(o *compile.Oversikt, p oversikt.Part) *compile.Oversikts {
	if p == oversikt.Drift {
		return o.Drift
	}
	return o.Investering
}

func lineNr(d *compile.Oversikts, nr int) *compile.Oversiktslinje {
	for i := range d.Linjer {
		if d.Linjer[i].Nr == nr {
			return &d.Linjer[i]
		}
	}
	return nil
}

// at is figure i, or an out-of-range figure that fails its check.
func at(figs []compile.Kr, i int) compile.Kr {
	if i < len(figs) {
		return figs[i]
	}
	return amount(money.MaxSum + 1)
}

func add2(a, b int64) int64 { return sum(a, b) }

// plan finds the økonomiplan a budget column of year y is printed from:
// for the plan years of an økonomiplan document the plan beginning in its
// year, else the plan whose first year is y; only for an adopted
// oversikt (or an årsregnskap).
func plan(site *compile.Site, o *compile.Oversikt, y int) (*compile.Okonomiplan, int) {
	if o.Stadium != "regnskap" && o.Stadium != "vedtatt" {
		return nil, 0
	}
	first := y
	if o.Dokument == "okonomiplan" && y >= o.Ar {
		first = o.Ar
	}
	for _, p := range site.Okonomiplaner {
		if len(p.Ar) > 0 && p.Ar[0] == first {
			return p, y - first
		}
	}
	return nil, 0
}

// frames sums the rammeområder's frames for a budget column: adopted, or
// regulated for a regulert column.
func frames(site *compile.Site, o *compile.Oversikt, col compile.Kolonne) (int64, string, bool) {
	if col.Type != "vedtatt" && col.Type != "regulert" {
		return 0, "", false
	}
	p, i := plan(site, o, col.Ar)
	if p == nil || len(p.Rammer) == 0 {
		return 0, "", false
	}
	var total int64
	for _, r := range p.Rammer {
		figs := r.Vedtatt
		if col.Type == "regulert" {
			figs = r.Regulert
		}
		if i >= len(figs) {
			return 0, "", false
		}
		total = sum(total, figs[i].Kr)
	}
	return total, p.Tittel, true
}

// projects sums the projects' bevilgninger on § 5-5 line nr for a budget
// column: all of the year's for regulert, those of the adopting vedtak
// otherwise.
func projects(site *compile.Site, o *compile.Oversikt, col compile.Kolonne, nr int) (int64, bool) {
	if col.Type != "vedtatt" && col.Type != "regulert" {
		return 0, false
	}
	vedtak := ""
	if col.Type == "vedtatt" {
		switch p, _ := plan(site, o, col.Ar); {
		case o.Dokument != "arsregnskap" && col.Ar >= o.Ar && o.Vedtak != nil:
			vedtak = o.Vedtak.ID
		case p != nil && p.Vedtatt != nil:
			vedtak = p.Vedtatt.ID
		default:
			return 0, false
		}
	}
	var total int64
	for _, p := range site.Prosjekter {
		if p.Investeringslinje != nr {
			continue
		}
		for _, b := range p.Bevilgninger {
			if b.Ar == col.Ar && (vedtak == "" || b.Vedtak.ID == vedtak) {
				total = sum(total, b.Belop.Kr)
			}
		}
	}
	return total, true
}

// column is a copy of an oversikt's column for a check: the site names it
// in its language ("Rekneskap 2023"), never by its code.
func column(col compile.Kolonne) *compile.Kolonne { return &col }
