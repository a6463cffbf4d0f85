package endring

import (
	"strconv"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/record"
)

// PunktStatus is a vedtakspunkt's status at date d: the status of its
// latest follow-up dated on or before d, ikke_startet before any.
func PunktStatus(p record.Vedtakspunkt, d caldate.Date) record.Status {
	st := record.IkkeStartet
	for _, o := range p.Oppfolging {
		if !o.Dato.After(d) {
			st = o.Status
		}
	}
	return st
}

// Late reports whether a point is late at date d: due before d and not
// closed by then.
func Late(p record.Vedtakspunkt, d caldate.Date) bool {
	return !p.Frist.IsZero() && p.Frist.Before(d) && !PunktStatus(p, d).Closed()
}

// punkter returns the changes of a vedtak's points between the dates of
// two reports: points decided after from, completed, or late at to and not
// at from.
func punkter(v *record.Vedtak, from, to caldate.Date) []Change {
	if v.Motedato.IsZero() || v.Motedato.After(to) {
		return nil
	}
	existed := !v.Motedato.After(from)
	var out []Change
	for _, p := range v.Punkt {
		c := Change{Om: OmVedtak, ID: v.ID, Del: strconv.Itoa(p.Nr), Frist: p.Frist}
		before, after := PunktStatus(p, from), PunktStatus(p, to)
		if !existed {
			c.Kind = PunktNytt
			out = append(out, c)
		}
		if after == record.Fullfort && (before != record.Fullfort || !existed) {
			c.Kind, c.FraKode, c.TilKode = PunktFullfort, string(before), string(after)
			out = append(out, c)
		}
		if Late(p, to) && (!existed || !Late(p, from)) {
			c.Kind, c.FraKode, c.TilKode = PunktForsinket, "", string(after)
			out = append(out, c)
		}
	}
	return out
}
