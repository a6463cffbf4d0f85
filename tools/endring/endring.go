// Package endring owns what changed between two consecutive reports (package
// record's Rapport): for each report, the changes since the report before
// it, and for each project its state at every report (forecast, frame,
// overrun) from which "over its frame since" is read.
//
// It works on the records as checked (record.Set), in whole kroner, and
// knows nothing of pages or text: package compile turns its changes into
// the site model, package export into CSV, package feed into Atom.
//
// The rules, one per kind of change, between a report R and the report P
// before it (reports ordered by date, then id):
//
//   - a project's state at R is its status report citing R; it is compared
//     with its latest status report citing a report before R;
//   - the frame at a report is the sum of the kostnadsramme steps whose
//     vedtak met on or before the report's date; a project is over its
//     frame when its forecast is above that frame;
//   - a vedtakspunkt's status at a date is the status of its latest
//     follow-up dated on or before it (ikke_startet before any); it exists
//     from its vedtak's meeting; it is late when its due date is before
//     the date and its status is not closed;
//   - a tiltak's fase at R is its rapportering entry citing R, compared
//     with its latest entry citing a report before R;
//   - an area's forecast at R is its accounts line citing R, compared with
//     its latest line citing a report before R.
//
// Changes are sorted by their size in kroner, largest first (changes
// without kroner last), then by kind and subject, so the order is total and
// the output deterministic.
package endring

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
)

// Kind is the kind of a change.
type Kind string

const (
	OverskridelseNy    Kind = "overskridelse_ny"    // the forecast went above the frame
	OverskridelseSlutt Kind = "overskridelse_slutt" // the forecast came back within the frame
	Prognose           Kind = "prognose"            // a project's forecast changed
	Fase               Kind = "fase"                // a project's stage changed
	Ferdig             Kind = "ferdig"              // a project's expected completion moved
	Risiko             Kind = "risiko"              // a project's risk changed
	PunktFullfort      Kind = "punkt_fullfort"      // a vedtakspunkt was completed
	PunktNytt          Kind = "punkt_nytt"          // a vedtakspunkt was decided
	PunktForsinket     Kind = "punkt_forsinket"     // a vedtakspunkt became late
	TiltakFase         Kind = "tiltak_fase"         // a plan's tiltak changed phase
	OmradePrognose     Kind = "omrade_prognose"     // an area's forecast for the year changed
)

// Kinds lists the kinds in the order the site explains them; it breaks ties
// in the sort.
var Kinds = []Kind{OverskridelseNy, OverskridelseSlutt, Prognose, OmradePrognose, Fase, Ferdig, Risiko, PunktFullfort, PunktNytt, PunktForsinket, TiltakFase}

// What a change is about.
const (
	OmProsjekt = "prosjekt"
	OmVedtak   = "vedtak"
	OmPlan     = "plan"
	OmOmrade   = "omrade"
)

// Change is one change between two reports, with the numbers behind it.
type Change struct {
	Kind Kind
	Om   string // OmProsjekt, OmVedtak, OmPlan or OmOmrade
	ID   string // the project, vedtak, plan or area id
	Del  string // the point number within a vedtak, the tiltak id within a plan; "" otherwise
	// Fra and Til are the forecast before and after (Prognose,
	// OmradePrognose, the overrun kinds), Endring is Til − Fra; HarBelop
	// says they are set.
	Fra, Til, Endring int64
	HarBelop          bool
	// Ramme is the frame at the report and Over the forecast above it
	// (negative: below) for the overrun kinds.
	Ramme, Over int64
	// FraKode and TilKode are the codes before and after (Fase, Risiko,
	// TiltakFase, PunktFullfort's status before).
	FraKode, TilKode string
	// FraDato and TilDato are the expected completion before and after
	// (Ferdig), Maneder the months it moved; Frist is a point's due date.
	FraDato, TilDato caldate.Date
	Maneder          int
	Frist            caldate.Date
	// Ar is the budget year of an area's forecast.
	Ar int
}

// Size is the change's size in kroner for sorting: the overrun for the
// overrun kinds, the change of forecast for the others that have one, 0
// for changes without kroner.
func (c Change) Size() int64 {
	switch {
	case c.Kind == OverskridelseNy || c.Kind == OverskridelseSlutt:
		return money.Abs(c.Over)
	case c.HarBelop:
		return money.Abs(c.Endring)
	}
	return 0
}

// Report is one report with the report before it and what changed since.
type Report struct {
	Rapport   *record.Rapport
	Forrige   *record.Rapport // nil for the first report
	Endringer []Change
}

// Ordered returns the reports by date, then id.
func Ordered(s *record.Set) []*record.Rapport {
	out := slices.Clone(s.Rapporter)
	slices.SortFunc(out, func(a, b *record.Rapport) int {
		return cmp.Or(a.Dato.Compare(b.Dato), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// Compute returns every report, oldest first, with its changes.
func Compute(s *record.Set) []Report {
	ix := s.Index()
	reports := Ordered(s)
	order := map[string]int{}
	for i, r := range reports {
		order[r.ID] = i
	}
	out := make([]Report, len(reports))
	for i, r := range reports {
		out[i].Rapport = r
		if i == 0 {
			continue
		}
		prev := reports[i-1]
		out[i].Forrige = prev
		var ch []Change
		for _, p := range s.Prosjekter {
			ch = append(ch, prosjekt(p, ix, order, i, r)...)
		}
		for _, v := range s.Vedtak {
			ch = append(ch, punkter(v, prev.Dato, r.Dato)...)
		}
		for _, p := range s.Planer {
			ch = append(ch, tiltak(p, order, i)...)
		}
		for _, o := range s.Okonomiplan {
			ch = append(ch, omrader(o, order, i)...)
		}
		Sort(ch)
		out[i].Endringer = ch
	}
	return out
}

// Sort orders changes by size in kroner, largest first, then by kind (in
// the order of Kinds) and subject.
func Sort(ch []Change) {
	slices.SortStableFunc(ch, func(a, b Change) int {
		return cmp.Or(
			cmp.Compare(b.Size(), a.Size()),
			cmp.Compare(slices.Index(Kinds, a.Kind), slices.Index(Kinds, b.Kind)),
			cmp.Compare(a.Om, b.Om), cmp.Compare(a.ID, b.ID),
			cmp.Compare(delKey(a.Del), delKey(b.Del)), cmp.Compare(a.Del, b.Del),
			cmp.Compare(a.Ar, b.Ar))
	})
}

// delKey sorts point numbers as numbers.
func delKey(d string) int {
	n, err := strconv.Atoi(d)
	if err != nil {
		return -1
	}
	return n
}

// at returns the index of the entry citing report i, and of the latest
// entry citing a report before i; -1 for none. cites gives the report id
// an entry cites.
func at(n int, cites func(int) string, order map[string]int, i int) (cur, prev int) {
	cur, prev = -1, -1
	best := -1
	for j := range n {
		o, ok := order[cites(j)]
		switch {
		case !ok:
		case o == i:
			cur = j
		case o < i && o > best:
			best, prev = o, j
		}
	}
	return cur, prev
}
