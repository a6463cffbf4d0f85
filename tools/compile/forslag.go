package compile

import (
	"strconv"

	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
)

// Forslagssteg is a step of a project's kostnadsramme only proposed in a
// budget stage (record.Rammeendring.Proposed): the kommunedirektør's
// forslag or the formannskap's innstilling to an økonomiplan. It is never
// part of the adopted frame (Prosjekt.Justert and the frame growth); the
// project page shows it apart, as proposed.
type Forslagssteg struct {
	Type    string `json:"type"`    // opprinnelig, tillegg, reduksjon
	Belop   Kr     `json:"belop"`   // the frame (opprinnelig) or the change
	Ramme   Kr     `json:"ramme"`   // the frame if the steps proposed up to this one are adopted
	Stadium string `json:"stadium"` // forslag or innstilling
	// Okonomiplan links to the stage on the økonomiplan's page; Arene is
	// its years ("2026–2029") for the sentence that names it.
	Okonomiplan Ref    `json:"okonomiplan"`
	Arene       string `json:"arene"`
	Dato        *Dato  `json:"dato"` // the stage's date, nil if unknown
	Tekst       string `json:"tekst"`
}

// forslagssteg compiles a proposed step; frame is the frame with it.
func (c *compiler) forslagssteg(s record.Rammeendring, frame int64) Forslagssteg {
	f := Forslagssteg{Type: string(s.Type), Belop: kr(s.Belop.Kr), Ramme: kr(frame), Stadium: string(s.Stadium), Okonomiplan: Ref{ID: s.Okonomiplan}, Tekst: s.Tekst}
	o := c.ix.Okonomiplan[s.Okonomiplan]
	if o == nil {
		return f
	}
	f.Okonomiplan = c.okonomiplanRef(o)
	f.Okonomiplan.Path += "#stadium-" + string(s.Stadium) + "-" + strconv.Itoa(o.ForsteAr)
	f.Arene = strconv.Itoa(o.ForsteAr) + "–" + strconv.Itoa(o.ForsteAr+record.PlanYears-1)
	if st := o.Stage(s.Stadium); st != nil {
		if d := st.Date(c.ix); !d.IsZero() {
			f.Dato = datoPtr(d)
		}
	}
	return f
}

// proposedFrame adds the proposed steps to the adopted frame, in order.
func (c *compiler) proposedFrame(p *Prosjekt, rp *record.Prosjekt, adopted int64) {
	frame := adopted
	for _, s := range rp.Kostnadsramme {
		if !s.Proposed() {
			continue
		}
		frame = money.MustAdd(frame, s.Belop.Kr)
		p.Foreslatt = append(p.Foreslatt, c.forslagssteg(s, frame))
	}
	if len(p.Foreslatt) > 0 {
		p.ForeslattRamme = krPtr(frame)
	}
}
