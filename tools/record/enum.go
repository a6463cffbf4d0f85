package record

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/openkommune/portal/tools/caldate"
)

// An enum is a string with a fixed set of values. Each enum type has a
// Problem method that says what is wrong with a written value; an empty
// value has no problem here (whether it is required is checked elsewhere).
// Its Values method lists the allowed values for package schema.

func enumProblem(what, v string, values []string) string {
	if v == "" || slices.Contains(values, v) {
		return ""
	}
	return fmt.Sprintf("%s %q is not one of: %s", what, v, strings.Join(values, ", "))
}

// values lists an enum's constants as the strings written in the data.
func values[E ~string](vs ...E) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// Malform is the kommune's written form of Norwegian.
type Malform string

const (
	Bokmal  Malform = "nb"
	Nynorsk Malform = "nn"
)

// MalformValues lists the written forms: bokmål and nynorsk.
var MalformValues = values(Bokmal, Nynorsk)

func (v Malform) Problem() string { return enumProblem("malform", string(v), MalformValues) }

// Values returns the allowed codes, MalformValues (for the JSON Schemas).
func (Malform) Values() []string { return MalformValues }

// Status is the follow-up status of a vedtakspunkt or a tiltak. "Late" is
// not a status: it is derived from the due date and the reference date.
type Status string

const (
	IkkeStartet Status = "ikke_startet"
	UnderArbeid Status = "under_arbeid"
	Fullfort    Status = "fullfort"
	Utgar       Status = "utgar"
)

// StatusValues lists the statuses in their natural order.
var StatusValues = values(IkkeStartet, UnderArbeid, Fullfort, Utgar)

func (v Status) Problem() string { return enumProblem("status", string(v), StatusValues) }

// Values returns the allowed codes, StatusValues (for the JSON Schemas).
func (Status) Values() []string { return StatusValues }

// Closed reports whether the status needs no more work.
func (v Status) Closed() bool { return v == Fullfort || v == Utgar }

// PlanType is the kind of plan in the plan system.
type PlanType string

const (
	Planstrategi           PlanType = "planstrategi"
	Samfunnsdel            PlanType = "samfunnsdel"
	Arealdel               PlanType = "arealdel"
	Kommunedelplan         PlanType = "kommunedelplan"
	Temaplan               PlanType = "temaplan"
	HandlingsOgOkonomiplan PlanType = "handlings_og_okonomiplan"
)

// PlanTypeValues lists the plan types, from the longest horizon down.
var PlanTypeValues = values(Planstrategi, Samfunnsdel, Arealdel, Kommunedelplan, Temaplan, HandlingsOgOkonomiplan)

func (v PlanType) Problem() string { return enumProblem("type", string(v), PlanTypeValues) }

// Values returns the allowed codes, PlanTypeValues (for the JSON Schemas).
func (PlanType) Values() []string { return PlanTypeValues }

// PlanStatus is where a plan is in its life.
type PlanStatus string

const (
	PlanUnderArbeid PlanStatus = "under_arbeid"
	PlanVedtatt     PlanStatus = "vedtatt"
	PlanErstattet   PlanStatus = "erstattet"
)

// PlanStatusValues lists plan statuses.
var PlanStatusValues = values(PlanUnderArbeid, PlanVedtatt, PlanErstattet)

// Adopted reports whether the plan was adopted by a vedtak (it may since
// have been replaced).
func (v PlanStatus) Adopted() bool { return v == PlanVedtatt || v == PlanErstattet }

func (v PlanStatus) Problem() string { return enumProblem("status", string(v), PlanStatusValues) }

// Values returns the allowed codes, PlanStatusValues (for the JSON Schemas).
func (PlanStatus) Values() []string { return PlanStatusValues }

// TiltakFase is the phase of a plan's tiltak: planned in the økonomiplan,
// being carried out, or being evaluated.
type TiltakFase string

const (
	TiltakOkonomiplan   TiltakFase = "okonomiplan"
	TiltakGjennomforing TiltakFase = "gjennomforing"
	TiltakEvaluering    TiltakFase = "evaluering"
)

// TiltakFaseValues lists the three phases in order.
var TiltakFaseValues = values(TiltakOkonomiplan, TiltakGjennomforing, TiltakEvaluering)

func (v TiltakFase) Problem() string { return enumProblem("fase", string(v), TiltakFaseValues) }

// Values returns the allowed codes, TiltakFaseValues (for the JSON Schemas).
func (TiltakFase) Values() []string { return TiltakFaseValues }

// ProsjektFase is an investment project's stage, from the study of the
// need to the adopted final account.
type ProsjektFase string

const (
	Behovsutredning ProsjektFase = "behovsutredning"
	Forprosjekt     ProsjektFase = "forprosjekt"
	Detaljprosjekt  ProsjektFase = "detaljprosjekt"
	Bygging         ProsjektFase = "bygging"
	Overtatt        ProsjektFase = "overtatt"
	Avsluttet       ProsjektFase = "avsluttet"
)

// ProsjektFaseValues lists the stages in order.
var ProsjektFaseValues = values(Behovsutredning, Forprosjekt, Detaljprosjekt, Bygging, Overtatt, Avsluttet)

// HandedOver reports whether the building was handed over: the stage is
// overtatt or avsluttet.
func (v ProsjektFase) HandedOver() bool { return v == Overtatt || v == Avsluttet }

func (v ProsjektFase) Problem() string { return enumProblem("fase", string(v), ProsjektFaseValues) }

// Values returns the allowed codes, ProsjektFaseValues (for the JSON Schemas).
func (ProsjektFase) Values() []string { return ProsjektFaseValues }

// Index returns the stage's place in ProsjektFaseValues, or -1.
func (v ProsjektFase) Index() int { return slices.Index(ProsjektFaseValues, string(v)) }

// RammeType is the kind of step in a kostnadsramme history.
type RammeType string

const (
	Opprinnelig RammeType = "opprinnelig"
	Tillegg     RammeType = "tillegg"
	Reduksjon   RammeType = "reduksjon"
)

// RammeTypeValues lists the step kinds.
var RammeTypeValues = values(Opprinnelig, Tillegg, Reduksjon)

func (v RammeType) Problem() string { return enumProblem("type", string(v), RammeTypeValues) }

// Values returns the allowed codes, RammeTypeValues (for the JSON Schemas).
func (RammeType) Values() []string { return RammeTypeValues }

// Periode is a reporting period of the budget year.
type Periode string

const (
	PeriodeT1          Periode = "t1"
	PeriodeT2          Periode = "t2"
	PeriodeArsregnskap Periode = "arsregnskap"
)

// PeriodeValues lists the periods: 1. tertial (30 April), 2. tertial
// (31 August) and the year's accounts (31 December).
var PeriodeValues = values(PeriodeT1, PeriodeT2, PeriodeArsregnskap)

func (v Periode) Problem() string { return enumProblem("periode", string(v), PeriodeValues) }

// Values returns the allowed codes, PeriodeValues (for the JSON Schemas).
func (Periode) Values() []string { return PeriodeValues }

// End returns the last day of the period in year y.
func (v Periode) End(y int) caldate.Date {
	switch v {
	case PeriodeT1:
		return caldate.New(y, time.April, 30)
	case PeriodeT2:
		return caldate.New(y, time.August, 31)
	}
	return caldate.New(y, time.December, 31)
}

// Risiko is a status report's traffic light.
type Risiko string

const (
	Gronn Risiko = "gronn"
	Gul   Risiko = "gul"
	Rod   Risiko = "rod"
)

// RisikoValues lists the risk levels.
var RisikoValues = values(Gronn, Gul, Rod)

func (v Risiko) Problem() string { return enumProblem("risiko", string(v), RisikoValues) }

// Values returns the allowed codes, RisikoValues (for the JSON Schemas).
func (Risiko) Values() []string { return RisikoValues }

// Entreprise is a project's contract form (entrepriseform): who designs
// and who builds, under which Norwegian standard contract.
type Entreprise string

const (
	// Utforelsesentreprise: the kommune designs, contractors build
	// (NS 8405, or NS 8406 for smaller works).
	Utforelsesentreprise Entreprise = "utforelsesentreprise"
	// Totalentreprise: one contractor designs and builds (NS 8407).
	Totalentreprise Entreprise = "totalentreprise"
	// Samspillsentreprise: the contractor joins early and plans the
	// project with the kommune before the price is fixed.
	Samspillsentreprise Entreprise = "samspillsentreprise"
	// Byggherrestyrt: byggherrestyrte delentrepriser, the kommune
	// contracts and coordinates each trade itself.
	Byggherrestyrt Entreprise = "byggherrestyrt"
)

// EntrepriseValues lists the contract forms.
var EntrepriseValues = values(Utforelsesentreprise, Totalentreprise, Samspillsentreprise, Byggherrestyrt)

func (v Entreprise) Problem() string { return enumProblem("entreprise", string(v), EntrepriseValues) }

// Values returns the allowed codes, EntrepriseValues (for the JSON Schemas).
func (Entreprise) Values() []string { return EntrepriseValues }

// EnumTag returns the codes a struct field's `enum:"a,b"` tag restricts
// its enum type to, or nil if it has no tag: a field may take fewer codes
// than its type (an oversikt's stadium is a StadiumType, but never
// "alternativ"). Package load checks a written value against them and
// package schema lists them; TestEnumTags checks that they are codes of
// the type.
func EnumTag(f reflect.StructField) []string {
	tag := f.Tag.Get("enum")
	if tag == "" {
		return nil
	}
	return strings.Split(tag, ",")
}

// EnumTagProblem says what is wrong with value v of a field restricted to
// codes, "" if nothing (an empty value is checked elsewhere).
func EnumTagProblem(key, v string, codes []string) string {
	if v == "" || slices.Contains(codes, v) {
		return ""
	}
	return fmt.Sprintf("%s %q is not one of: %s", key, v, strings.Join(codes, ", "))
}

// Klimakrav is the climate requirement a project sets for its bygge- og
// anleggsplass in its contracts: the levels the kommuner and DFØ's
// requirement sets use (fossil-free or emission-free construction site).
type Klimakrav string

const (
	// IngenKlimakrav: no requirement for the site beyond the law's.
	IngenKlimakrav Klimakrav = "ingen"
	// Fossilfri: a fossil-free site: machines, transport on the site
	// and drying and heating run on electricity, biofuel, biogas or
	// district heating, never on fossil fuel.
	Fossilfri Klimakrav = "fossilfri"
	// Utslippsfri: an emission-free site: nothing burns on the site
	// (electric or hydrogen machines, district heating, electric drying).
	Utslippsfri Klimakrav = "utslippsfri"
)

// KlimakravValues lists the climate requirements, weakest first.
var KlimakravValues = values(IngenKlimakrav, Fossilfri, Utslippsfri)

func (v Klimakrav) Problem() string { return enumProblem("klimakrav", string(v), KlimakravValues) }

// Values returns the allowed codes, KlimakravValues (for the JSON Schemas).
func (Klimakrav) Values() []string { return KlimakravValues }
