package record

import (
	"time"

	"github.com/openkommune/portal/tools/caldate"
)

// Rapport is one file under data/rapporter/: a report put before the
// council (a tertialrapport, an årsrapport or årsregnskap, another status
// report), cited by id from project status reports, follow-up log entries,
// plan tiltak status and accounts. See docs/data-format.md.
type Rapport struct {
	Src     Source       `toml:"-"`
	ID      string       `toml:"id"`
	Type    RapportType  `toml:"type"`
	Tittel  string       `toml:"tittel"`
	Ar      int          `toml:"ar"`
	Tertial int          `toml:"tertial"`
	Dato    caldate.Date `toml:"dato"`
	Vedtak  string       `toml:"vedtak"`
	URL     string       `toml:"url"`
}

func (r *Rapport) Ident() string { return r.ID }

// RapportType is the kind of report.
type RapportType string

const (
	Tertialrapport RapportType = "tertialrapport"
	Arsrapport     RapportType = "arsrapport"
	ArsregnskapRap RapportType = "arsregnskap"
	AnnenRapport   RapportType = "annen"
)

// RapportTypeValues lists the kinds of report.
var RapportTypeValues = values(Tertialrapport, Arsrapport, ArsregnskapRap, AnnenRapport)

func (v RapportType) Problem() string { return enumProblem("type", string(v), RapportTypeValues) }

// Values returns the allowed codes, RapportTypeValues (for the JSON Schemas).
func (RapportType) Values() []string { return RapportTypeValues }

// MaxTertial is the highest tertial a tertialrapport covers: the third
// tertial is reported in the årsrapport and årsregnskap.
const MaxTertial = 2

// Periode is the reporting period the report covers, as project status
// reports and area accounts name it: t1, t2 or arsregnskap; "" for a
// report of another kind or with a tertial out of range.
func (r *Rapport) Periode() Periode {
	switch r.Type {
	case Tertialrapport:
		switch r.Tertial {
		case 1:
			return PeriodeT1
		case 2:
			return PeriodeT2
		}
	case Arsrapport, ArsregnskapRap:
		return PeriodeArsregnskap
	}
	return ""
}

// PeriodEnd is the last day of the period the report covers; for a report
// of another kind, the last day of its year. Zero without a year.
func (r *Rapport) PeriodEnd() caldate.Date {
	if r.Ar == 0 {
		return caldate.Date{}
	}
	if p := r.Periode(); p != "" {
		return p.End(r.Ar)
	}
	if r.Type == AnnenRapport {
		return caldate.New(r.Ar, time.January, 1)
	}
	return caldate.Date{}
}
