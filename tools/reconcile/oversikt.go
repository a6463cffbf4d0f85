package reconcile

import (
	"fmt"

	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/oversikt"
)

// The checks of the bevilgningsoversikter (§ 5-4, § 5-5), recomputed from
// the page model's printed figures (in kroner) and the statutory layouts.
// A printed sum is checked within the oversikt's rounding tolerance
// (Check.Toleranse), and /kontroll/ shows the difference:
//
//   - oversikt_sum: each computed line of each column against the sum of
//     its printed parts, the extra lines printed as parts of it included,
//     and each line detailed by extra lines against their sum (and the
//     page's "beregnet" against that sum, exactly);
//   - oversikt_omrader: § 5-4 part B against line "Sum bevilgninger
//     drift, netto";
//   - oversikt_rammer: that line in a budget column against the
//     rammeområder's frames for the year at the column's stage
//     (forslag, innstilling, vedtatt; regulated for regulert) in the
//     økonomiplan that budgets the year: the stage's printed total
//     where it states one, else its computed one;
//   - oversikt_prosjekter: each § 5-5 line projects belong to against the
//     projects' bevilgninger for the year: at most the line (Hoyst), or
//     equal to it where the oversikt says every project is in the data.
func oversikter(site *model.Site, add func(Check)) {
	for _, o := range site.Oversikter {
		ly := oversikt.Layouts[o.Oppsett]
		if ly == nil {
			continue
		}
		subject := model.Ref{ID: o.ID, Path: o.Path, Tittel: o.Tittel}
		f := oversikt.Fortegn(o.Fortegn)
		tol := o.Toleranse
		for _, p := range oversikt.Parts {
			d := part(o, p)
			if d == nil {
				continue
			}
			byNr := map[int]*model.Oversiktslinje{}
			extras := map[int][]*model.Oversiktslinje{} // by the line they belong to
			for i := range d.Linjer {
				if x := &d.Linjer[i]; x.Ekstra {
					extras[x.InngarI] = append(extras[x.InngarI], x)
				} else {
					byNr[x.Nr] = x
				}
			}
			for _, l := range ly.Lines[p] {
				line := byNr[l.Nr]
				if (!l.Computed() && len(extras[l.Nr]) == 0) || line == nil {
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
					// The extra lines printed as parts of the line (or
					// as its detail): added, or subtracted where a sum
					// line of the standard print says so.
					for _, x := range extras[l.Nr] {
						v := at(x.Belop, i).Kr
						if x.TrekkesFra && l.Computed() {
							v = -v
						}
						sum = add2(sum, v)
					}
					detail := fmt.Sprintf("%s %d %s", p, l.Nr, line.Navn)
					add(Check{Kind: "oversikt_sum", Subject: subject, Ar: col.Ar, Detalj: detail, Kolonne: kolonne(col), What: string(p) + "_sum", Expected: amount(sum), Shown: at(line.Belop, i), Toleranse: &tol})
					if shown := at(line.Beregnet, i); shown.Kr != sum {
						add(Check{Kind: "oversikt_sum", Subject: subject, Ar: col.Ar, Detalj: detail, Kolonne: kolonne(col), What: "computed_shown", Expected: amount(sum), Shown: shown})
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
					add(Check{Kind: "oversikt_omrader", Subject: subject, Ar: col.Ar, Kolonne: kolonne(col), What: "part_b", Expected: amount(sum), Shown: at(sumLine.Belop, i), Toleranse: &tol})
				}
			}
			if sumLine != nil {
				for i, col := range o.Kolonner {
					total, plan, stage, ok := frames(site, o, col)
					if !ok {
						continue
					}
					shown := amount(int64(oversikt.ToStandard(l6, f)) * at(sumLine.Belop, i).Kr)
					add(Check{Kind: "oversikt_rammer", Subject: subject, Ar: col.Ar, Detalj: plan, Kolonne: kolonne(col), What: "frames_" + col.Type, Stadium: stage, Expected: amount(total), Shown: shown, Toleranse: &tol})
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
					add(Check{Kind: "oversikt_prosjekter", Subject: subject, Ar: col.Ar, Detalj: fmt.Sprintf("%d %s", nr, line.Navn), Kolonne: kolonne(col), What: what,
						Expected: amount(sum), Shown: shown, Toleranse: &tol, Hoyst: !o.Investering.AlleProsjekter})
				}
			}
		}
	}
}

func part(o *model.Oversikt, p oversikt.Part) *model.Oversikts {
	if p == oversikt.Drift {
		return o.Drift
	}
	return o.Investering
}

func lineNr(d *model.Oversikts, nr int) *model.Oversiktslinje {
	for i := range d.Linjer {
		if d.Linjer[i].Nr == nr {
			return &d.Linjer[i]
		}
	}
	return nil
}

// at is figure i, or an out-of-range figure that fails its check.
func at(figs []model.Kr, i int) model.Kr {
	if i < len(figs) {
		return figs[i]
	}
	return amount(money.MaxSum + 1)
}

func add2(a, b int64) int64 { return sum(a, b) }

// plan finds the økonomiplan a budget column of year y is printed from:
// for the plan years of an økonomiplan document the plan beginning in its
// year, else the plan whose first year is y.
func plan(site *model.Site, o *model.Oversikt, y int) (*model.Okonomiplan, int) {
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

// frames is the total of the frames a budget column's line 6 must equal,
// the title of their plan and their stage: the printed (else computed)
// total of the plan's stage of the column's type, or the regulated total
// for a regulert column.
func frames(site *model.Site, o *model.Oversikt, col model.Kolonne) (int64, string, string, bool) {
	stage := col.Type
	switch col.Type {
	case "forslag", "innstilling", "vedtatt":
	case "regulert":
		stage = "vedtatt"
	default:
		return 0, "", "", false
	}
	p, i := plan(site, o, col.Ar)
	if p == nil {
		return 0, "", "", false
	}
	if col.Type == "regulert" {
		if i >= len(p.SumRegulert) || len(p.Rammer) == 0 {
			return 0, "", "", false
		}
		return p.SumRegulert[i].Kr, p.Tittel, stage, true
	}
	for _, st := range p.Stadier {
		if st.Type == stage && i < len(st.SumVist) && len(st.Rammer) > 0 {
			return st.SumVist[i].Kr, p.Tittel, stage, true
		}
	}
	return 0, "", "", false
}

// projects sums the projects' bevilgninger on § 5-5 line nr for a budget
// column: all of the year's for regulert, those of the adopting vedtak
// otherwise.
func projects(site *model.Site, o *model.Oversikt, col model.Kolonne, nr int) (int64, bool) {
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

// kolonne is a copy of an oversikt's column for a check: the site names it
// in its language ("Rekneskap 2023"), never by its code.
func kolonne(col model.Kolonne) *model.Kolonne { return &col }
