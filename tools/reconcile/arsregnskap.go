package reconcile

import "github.com/openkommune/portal/tools/model"

// arsregnskap checks each årsregnskap from data/regnskap/ (kind
// arsregnskap): per column, the top-level rows against the total the site
// shows, and against the printed sum within the file's toleranse (the
// rounding difference shown); each printed parent row against the sum of
// its underområder, within the toleranse.
func arsregnskap(site *model.Site, add func(Check)) {
	for _, a := range site.Arsregnskap {
		subject := model.Ref{ID: a.Anker, Path: a.Path, Tittel: a.Tittel}
		tol := a.Toleranse
		for _, s := range a.Summer {
			var parts int64
			for _, r := range a.Rader {
				if r.Niva == 0 {
					if v := column(r, s.Kolonne); v != nil {
						parts = sum(parts, v.Kr)
					}
				}
			}
			add(Check{Kind: "arsregnskap", Subject: subject, Ar: a.Ar, What: "arsregnskap_total_" + s.Kolonne, Expected: amount(parts), Shown: s.Beregnet})
			if s.Oppgitt != nil {
				d, t := amount(diff(s.Oppgitt.Kr, parts)), tol
				add(Check{Kind: "arsregnskap", Subject: subject, Ar: a.Ar, What: "arsregnskap_printed_" + s.Kolonne, Expected: amount(parts), Shown: *s.Oppgitt, Toleranse: &t, Avrunding: &d})
			}
		}
		for _, p := range a.Rader {
			for _, col := range []string{"regnskap", "regulert", "opprinnelig"} {
				shown := column(p, col)
				if shown == nil {
					continue
				}
				var parts int64
				children := false
				for _, r := range a.Rader {
					if v := column(r, col); r.Overordnet == p.Omrade.ID && v != nil {
						parts, children = sum(parts, v.Kr), true
					}
				}
				if !children {
					continue
				}
				c := Check{Kind: "arsregnskap", Subject: subject, Ar: a.Ar, Omrade: p.Omrade.Tittel, What: "arsregnskap_subtotal_" + col, Expected: amount(parts), Shown: *shown}
				if !p.Beregnet {
					d, t := amount(diff(shown.Kr, parts)), tol
					c.Toleranse, c.Avrunding = &t, &d
				}
				add(c)
			}
		}
	}
}

// column is a row's figure in column col, nil if not printed.
func column(r model.ArsregnskapRad, col string) *model.Kr {
	switch col {
	case "regnskap":
		return &r.Regnskap
	case "regulert":
		return r.Regulert
	case "opprinnelig":
		return r.Opprinnelig
	}
	return nil
}
