package feed

import (
	"strconv"
	"strings"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/endring"
	"github.com/openkommune/portal/tools/model"
)

const (
	rapportPath = "feed/rapporter.xml"
	rapportPage = "rapporter/"
	// maxLargest is how many of a report's largest changes in kroner its
	// entry names.
	maxLargest = 3
)

// rapportFeed is an entry per report summarising what changed since the
// report before it: the count of each kind of change and the largest in
// kroner.
func (g *gen) rapportFeed() *atomFeed {
	k := g.site.Kommune
	var es []entry
	for _, r := range g.site.Rapporter {
		es = append(es, g.rapportEntry(r))
	}
	return g.feed("feed/rapporter", rapportPath, rapportPage,
		g.w.T("feed_rapport_title", catalog.Args{"Kommune": k.Navn}),
		g.w.T("feed_rapport_subtitle", nil), es)
}

func (g *gen) rapportEntry(r *model.Rapport) entry {
	var s strings.Builder
	switch {
	case r.Forrige == nil:
		s.WriteString(g.w.T("feed_rapport_first", nil))
	case len(r.Endringer) == 0:
		s.WriteString(g.w.T("feed_rapport_none", catalog.Args{"Forrige": r.Forrige.Tittel}))
	default:
		var counts []string
		for _, t := range r.Antall {
			counts = append(counts, g.w.T(endringKey(t.Kode), nil)+": "+strconv.Itoa(t.Antall))
		}
		s.WriteString(g.w.T("feed_rapport_counts", catalog.Args{"Forrige": r.Forrige.Tittel, "Antall": strings.Join(counts, "; ")}))
		var largest []string
		for _, e := range r.Endringer {
			if e.Storrelse == 0 || len(largest) == maxLargest {
				break
			}
			largest = append(largest, g.endringText(e))
		}
		if len(largest) > 0 {
			s.WriteString(" " + g.w.T("feed_rapport_largest", catalog.Args{"Liste": strings.Join(largest, "; ")}))
		}
	}
	if r.Vedtak != nil {
		s.WriteString(" " + g.w.T("feed_rapport_treated", catalog.Args{"Vedtak": g.ref(*r.Vedtak)}))
	}
	e := entry{date: g.dateOr(r.Dato.ISO)}
	e.ID = g.tag + "rapport/" + r.ID
	e.Title = plain(r.Tittel)
	e.Updated = timestamp(e.date)
	e.Links = []atomLink{g.alternate(r.Path)}
	e.Summary = plain(s.String())
	return e
}

// endringText is one change with kroner in words: "Nordbyen skole:
// prognose endret +8 000 000 kr (+2,5 %)".
func (g *gen) endringText(e model.Endring) string {
	t := e.Om.Tittel + ": " + strings.ToLower(g.w.T(endringKey(e.Type), nil))
	switch {
	case e.Over != nil && e.Over.Kr > 0:
		t += " " + g.w.T("feed_rapport_over", catalog.Args{"Over": e.Over.Tekst})
	case e.Endring != nil:
		t += " " + e.Endring.Tekst
		if e.Prosent != nil {
			t += " (" + e.Prosent.Tekst + ")"
		}
	}
	return t
}

// endringKey is the catalogue's name of a kind of change (endring.Kind).
func endringKey(kind string) catalog.Key {
	switch endring.Kind(kind) {
	case endring.OverskridelseNy:
		return "endring_overskridelse_ny"
	case endring.OverskridelseSlutt:
		return "endring_overskridelse_slutt"
	case endring.Prognose:
		return "endring_prognose"
	case endring.OmradePrognose:
		return "endring_omrade_prognose"
	case endring.Fase:
		return "endring_fase"
	case endring.Ferdig:
		return "endring_ferdig"
	case endring.Risiko:
		return "endring_risiko"
	case endring.PunktFullfort:
		return "endring_punkt_fullfort"
	case endring.PunktNytt:
		return "endring_punkt_nytt"
	case endring.PunktForsinket:
		return "endring_punkt_forsinket"
	}
	return "endring_tiltak_fase"
}
