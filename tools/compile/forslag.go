package compile

import (
	"strconv"

	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
)

// forslagssteg compiles a proposed step; frame is the frame with it.
func (c *compiler) forslagssteg(s record.Rammeendring, frame int64) model.Forslagssteg {
	f := model.Forslagssteg{Type: string(s.Type), Belop: kr(s.Belop.Kr), Ramme: kr(frame), Stadium: string(s.Stadium), Okonomiplan: model.Ref{ID: s.Okonomiplan}, Tekst: s.Tekst}
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
func (c *compiler) proposedFrame(p *model.Prosjekt, rp *record.Prosjekt, adopted int64) {
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
