package reconcile

import (
	"strconv"

	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
)

// count is a number of things with its text (no unit).
func count(n int) model.Kr { return model.Kr{Kr: int64(n), Tekst: money.Format(int64(n))} }

// closed are the statuses of a vedtakspunkt that is no longer open.
var closed = map[string]bool{"fullfort": true, "utgar": true}

// forside checks every figure on the home page (model.Nokkeltall, also
// the vedtak list's footer) against the records it counts or sums.
func forside(site *model.Site, add func(Check)) {
	n := site.Nokkeltall
	subject := model.Ref{ID: "forside", Path: "", Tittel: site.Kommune.Navn}
	check := func(what string, expected, shown model.Kr) {
		add(Check{Kind: "forside", Subject: subject, What: what, Expected: expected, Shown: shown})
	}
	counted := func(what string, expected, shown int) {
		add(Check{Kind: "forside", Subject: subject, What: what, Expected: count(expected), Shown: count(shown), Antall: true})
	}

	var punkter, apne, forsinket int
	for _, v := range site.Vedtak {
		for _, p := range v.Punkter {
			punkter++
			if !closed[p.Status] {
				apne++
			}
			if p.Forsinket {
				forsinket++
			}
		}
	}
	counted("count_vedtak", len(site.Vedtak), n.Vedtak)
	counted("count_punkter", punkter, n.Punkter)
	counted("count_punkter_apne", apne, n.PunkterApne)
	counted("count_punkter_forsinket", forsinket, n.PunkterForsinket)

	tiltak := 0
	for _, p := range site.Planer {
		tiltak += len(p.Tiltak)
	}
	counted("count_planer", len(site.Planer), n.Planer)
	counted("count_tiltak", tiltak, n.Tiltak)

	var aktive, over, forfalt int
	var ramme, prognose int64
	for _, p := range site.Prosjekter {
		// Over its frame: a forecast above a frame (a project without a
		// frame yet has nothing to be over).
		if p.Prognose != nil && p.Justert.Kr > 0 && p.Prognose.Kr > p.Justert.Kr {
			over++
		}
		if p.SluttregnskapForfalt {
			forfalt++
		}
		if p.Fase == "avsluttet" {
			continue
		}
		aktive++
		ramme = sum(ramme, p.Justert.Kr)
		if p.Prognose != nil {
			prognose = sum(prognose, p.Prognose.Kr)
		} else {
			prognose = sum(prognose, p.Justert.Kr)
		}
	}
	counted("count_prosjekter", len(site.Prosjekter), n.Prosjekter)
	counted("count_prosjekter_aktive", aktive, n.ProsjekterAktive)
	counted("count_prosjekter_over_ramme", over, n.ProsjekterOverRamme)
	counted("count_sluttregnskap_forfalt", forfalt, n.SluttregnskapForfalt)
	check("sum_justert_ramme", amount(ramme), n.SumJustertRamme)
	check("sum_prognose", amount(prognose), n.SumPrognose)

	// The regulated driftsrammer of the year, from the areas' lines of the
	// newest adopted økonomiplan covering it (and its printed sum).
	var driftsrammer int64
	parent := parents(site)
	for _, o := range site.Okonomiplaner {
		if o.Vedtatt == nil || len(o.SumRegulertVist) < len(o.Ar) {
			continue // a plan not adopted, or adopted as a total only: never a figure of the home page
		}
		for i, y := range o.Ar {
			if y != n.DriftsrammeAr {
				continue
			}
			driftsrammer = 0
			var vedtatt int64
			for _, line := range o.Rammer {
				if i < len(line.Regulert) && i < len(line.Vedtatt) && top(parent, line.Omrade.ID) {
					driftsrammer = sum(driftsrammer, line.Regulert[i].Kr)
					vedtatt = sum(vedtatt, line.Vedtatt[i].Kr)
				}
			}
			// A printed adopted sum is what the plan shows: the figure is
			// it plus the reguleringer, never the sum of the rounded rows.
			// A printed sum that is a known misprint is not carried on.
			if i < len(o.SumOppgitt) && (i >= len(o.SumTrykkfeil) || !o.SumTrykkfeil[i]) {
				driftsrammer = sum(driftsrammer, diff(o.SumOppgitt[i].Kr, vedtatt))
			}
		}
	}
	if n.Driftsrammer != nil {
		check("driftsrammer", amount(driftsrammer), *n.Driftsrammer)
	}
}

// vedtakAr checks the vedtak list's table by year: each row against the
// vedtak of its year, and the rows together against the footer (the home
// page's figures, checked by forside).
func vedtakAr(site *model.Site, add func(Check)) {
	type row struct{ antall, punkter, apne, forsinket int }
	perYear := map[int]*row{}
	for _, v := range site.Vedtak {
		r := perYear[v.Ar]
		if r == nil {
			r = &row{}
			perYear[v.Ar] = r
		}
		r.antall++
		for _, p := range v.Punkter {
			r.punkter++
			if !closed[p.Status] {
				r.apne++
			}
			if p.Forsinket {
				r.forsinket++
			}
		}
	}
	var rows row
	seen := map[int]bool{}
	for _, y := range site.VedtakAr {
		subject := model.Ref{ID: "vedtak-" + itoa(y.Ar), Path: y.Path, Tittel: "Vedtak"} // shown with the year
		want := perYear[y.Ar]
		if want == nil || seen[y.Ar] {
			want = &row{} // a year shown without vedtak, or twice
		}
		seen[y.Ar] = true
		for _, c := range []struct {
			what          string
			expected, got int
		}{
			{"count_vedtak", want.antall, y.Antall},
			{"count_punkter", want.punkter, y.Punkter},
			{"count_punkter_apne", want.apne, y.Apne},
			{"count_punkter_forsinket", want.forsinket, y.Forsinket},
		} {
			add(Check{Kind: "vedtak_ar", Subject: subject, Ar: y.Ar, What: c.what, Expected: count(c.expected), Shown: count(c.got), Antall: true})
		}
		rows.antall += y.Antall
		rows.punkter += y.Punkter
		rows.apne += y.Apne
		rows.forsinket += y.Forsinket
	}
	n := site.Nokkeltall
	subject := model.Ref{ID: "vedtak", Path: "vedtak/", Tittel: "Vedtak"}
	for _, c := range []struct {
		what          string
		expected, got int
	}{
		{"rows_vedtak", rows.antall, n.Vedtak},
		{"rows_punkter", rows.punkter, n.Punkter},
		{"rows_punkter_apne", rows.apne, n.PunkterApne},
		{"rows_punkter_forsinket", rows.forsinket, n.PunkterForsinket},
	} {
		add(Check{Kind: "vedtak_ar", Subject: subject, What: c.what, Expected: count(c.expected), Shown: count(c.got), Antall: true})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
