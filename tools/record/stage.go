package record

import (
	"slices"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/tomlpos"
)

// StadiumType is the stage of a budget figure (the Fiscal Data Package's
// "phase"): proposed by the kommunedirektør, recommended by the
// formannskap, a party's alternative, or adopted by the council. Two more
// stages are derived, never written: regulert (vedtatt plus the
// reguleringer decided so far) and regnskap (the accounts).
type StadiumType string

const (
	Forslag     StadiumType = "forslag"
	Innstilling StadiumType = "innstilling"
	Alternativ  StadiumType = "alternativ"
	Vedtatt     StadiumType = "vedtatt"
	// Derived stages, for downloads and the site.
	Regulert     StadiumType = "regulert"
	RegnskapStad StadiumType = "regnskap"
)

// StadiumTypeValues lists the stages that can be written, in the order a
// budget goes through them (alternatives are voted over with the vedtatt).
var StadiumTypeValues = values(Forslag, Innstilling, Alternativ, Vedtatt)

func (v StadiumType) Problem() string { return enumProblem("type", string(v), StadiumTypeValues) }

// Values returns the allowed codes, StadiumTypeValues (for the JSON Schemas).
func (StadiumType) Values() []string { return StadiumTypeValues }

// Adopted reports whether figures at this stage were adopted by the council.
func (v StadiumType) Adopted() bool { return v == Vedtatt || v == Regulert }

// Rank orders the stages a plan can be "at": forslag < innstilling <
// vedtatt; an alternative is never the stage of a plan (-1).
func (v StadiumType) Rank() int {
	switch v {
	case Forslag:
		return 0
	case Innstilling:
		return 1
	case Vedtatt:
		return 2
	}
	return -1
}

// Stage is one stage of an økonomiplan as written, wherever it is written:
// the top-level keys (the vedtatt stage) or one [[stadium]].
type Stage struct {
	Path string // the key path of its table: "" for the top level, "stadium[2]"
	// VedtakKey is the key that names its vedtak: "vedtatt_i" at the top
	// level, "vedtak" in a [[stadium]].
	VedtakKey string
	Stadium
}

// Key returns the key path of k within the stage's table.
func (s Stage) Key(k string) string { return tomlpos.Join(s.Path, k) }

// TopLevelStage reports whether the top-level keys hold a stage: any of
// vedtatt_i, sum_driftsrammer and [[ramme]] written.
func (o *Okonomiplan) TopLevelStage() bool {
	return o.VedtattI != "" || len(o.SumDriftsrammer) > 0 || len(o.Ramme) > 0
}

// Stages returns every stage of the plan: the top-level vedtatt stage if
// written, then each [[stadium]] in file order.
func (o *Okonomiplan) Stages() []Stage {
	var out []Stage
	if o.TopLevelStage() {
		out = append(out, Stage{VedtakKey: "vedtatt_i", Stadium: Stadium{
			Type: Vedtatt, Vedtak: o.VedtattI, SumDriftsrammer: o.SumDriftsrammer, SumTrykkfeil: o.SumTrykkfeil, Ramme: o.Ramme,
		}})
	}
	for i, s := range o.Stadium {
		out = append(out, Stage{Path: tomlpos.Elem("stadium", i), VedtakKey: "vedtak", Stadium: s})
	}
	return out
}

// Adopted returns the plan's vedtatt stage (the first, if check has
// reported two), or nil for a plan not yet adopted.
func (o *Okonomiplan) Adopted() *Stage {
	for _, s := range o.Stages() {
		if s.Type == Vedtatt {
			return &s
		}
	}
	return nil
}

// Latest returns the stage the plan is at: vedtatt if adopted, else the
// innstilling, else the forslag (of several forslag stages, a revised
// forslag or tilleggsinnstilling, the last one written); nil if it has
// none of them. Dates play no part: a stage's date may be unknown.
func (o *Okonomiplan) Latest() *Stage {
	var best *Stage
	for _, s := range o.Stages() {
		r := s.Type.Rank()
		if r >= 0 && (best == nil || r > best.Type.Rank() || (r == best.Type.Rank() && s.Type == Forslag)) {
			best = &s
		}
	}
	return best
}

// LatestForslag returns the plan's latest forslag stage, the last one
// written, or nil: what "the forslag" means where one figure is wanted.
func (o *Okonomiplan) LatestForslag() *Stage {
	var out *Stage
	for _, s := range o.Stages() {
		if s.Type == Forslag {
			out = &s
		}
	}
	return out
}

// Ordered returns the stages in the order the site shows them: the
// forslag stages (in file order, the first presented first), innstilling,
// the alternatives (in file order), vedtatt.
func (o *Okonomiplan) Ordered() []Stage {
	out := o.Stages()
	order := func(t StadiumType) int {
		switch t {
		case Forslag:
			return 0
		case Innstilling:
			return 1
		case Alternativ:
			return 2
		case Vedtatt:
			return 3
		}
		return 4
	}
	slices.SortStableFunc(out, func(a, b Stage) int { return order(a.Type) - order(b.Type) })
	return out
}

// Scale converts every amount of the plan from its unit (Enhet) to kroner;
// package load calls it once after decoding. Amounts whose value in kroner
// is out of range get a problem (money.Amount.InUnit).
func (o *Okonomiplan) Scale() {
	u := o.Enhet
	scaleAll := func(as []money.Amount) {
		for i := range as {
			as[i] = as[i].InUnit(u)
		}
	}
	scaleRammer := func(rs []Ramme) {
		for i := range rs {
			scaleAll(rs[i].Belop)
		}
	}
	o.Toleranse = o.Toleranse.InUnit(u)
	scaleAll(o.SumDriftsrammer)
	scaleRammer(o.Ramme)
	for i := range o.Stadium {
		st := &o.Stadium[i]
		su := st.unit(u)
		for k := range st.SumDriftsrammer {
			st.SumDriftsrammer[k] = st.SumDriftsrammer[k].InUnit(su)
		}
		for k := range st.Ramme {
			for j := range st.Ramme[k].Belop {
				st.Ramme[k].Belop[j] = st.Ramme[k].Belop[j].InUnit(su)
			}
		}
		for k := range st.SamletRamme {
			st.SamletRamme[k].Belop = st.SamletRamme[k].Belop.InUnit(su)
		}
	}
	for i := range o.Regulering {
		o.Regulering[i].Belop = o.Regulering[i].Belop.InUnit(u)
	}
	for i := range o.Regnskap {
		o.Regnskap[i].Regnskap = o.Regnskap[i].Regnskap.InUnit(u)
		o.Regnskap[i].Prognose = o.Regnskap[i].Prognose.InUnit(u)
	}
}

// Date returns the date of a stage: a forslag's dato, or the meeting date of
// its vedtak (zero if unknown).
func (s Stage) Date(ix *Index) caldate.Date {
	if v := ix.Vedtak[s.Vedtak]; v != nil {
		return v.Motedato
	}
	return s.Dato
}

// Misprint reports whether the stage's printed sum for plan year index j
// is listed in sum_trykkfeil as a known misprint in the source.
func (s Stage) Misprint(forsteAr, j int) bool {
	return slices.Contains(s.SumTrykkfeil, forsteAr+j)
}
