package check

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/tomlpos"
)

// The stages of an økonomiplan (record.Stage): each is cited as the rules
// of its type say, one of each type but alternativ, in date order, and
// only the vedtatt stage has reguleringer and regnskap.

// stage checks what a stage cites and returns its vedtak, if any.
func (c *checker) stage(o *record.Okonomiplan, st record.Stage) *record.Vedtak {
	s := o.Src
	if st.Path != "" {
		if st.Type == "" {
			c.errorf(s, st.Key("type"), "missing: add type = \"forslag\", \"innstilling\", \"alternativ\" or \"vedtatt\"")
		}
		if len(st.Ramme) == 0 && len(st.SamletRamme) == 0 && st.Type.Problem() == "" && !s.Pos.Rejected(st.Key("ramme")) {
			c.errorf(s, st.Path, "stage %s has no ramme: add ramme = [{ omrade = \"oppvekst\", belop = [ … ] }, …] with the figures of this stage (or, where the source gives only the total, samlet_ramme = [{ ar = 2026, belop = … }])", st.Type)
		}
	}
	c.url(s, st.Key("dokument"), st.Dokument)
	if st.Type != record.Forslag {
		for i := range st.Ukjent {
			c.errorf(s, st.Key(tomlpos.Elem("ukjent", i)), "only a forslag has a dato of its own: the date of the %s stage is the motedato of its vedtak, so remove ukjent here", st.Type)
		}
	}
	switch st.Type {
	case record.Forslag:
		dato := ""
		if !st.Dato.IsZero() {
			dato = st.Dato.String()
		}
		c.unknownFieldsAt(s, st.Path, stadiumUnknown(st), []optionalField{
			{"dato", dato, func() {
				if st.Dato.IsZero() && st.Dato.Problem() == "" {
					c.errorf(s, st.Key("dato"), "missing date: add dato = YYYY-MM-DD, the day the forslag was presented (or ukjent = [\"dato\"] if the source prints no date)")
				}
			}},
		})
		if st.Dokument == "" {
			c.errorf(s, st.Key("dokument"), "missing: a forslag cites the document it was presented in: add dokument = \"https://…/forslag.pdf\"")
		}
		if st.Forslag != "" {
			c.errorf(s, st.Key("forslag"), "the kommunedirektør's forslag is presented, not voted over as a [[forslag]] of a vedtak: remove forslag (it names the proposal of an alternativ or innstilling stage)")
		}
		if st.Vedtak != "" {
			c.errorf(s, st.Key("vedtak"), "a forslag is the kommunedirektør's proposal, not decided by a vedtak: remove vedtak, and give the innstilling or vedtatt budget as a stage of its own")
		}
		return nil
	case record.Innstilling, record.Vedtatt:
		v := c.vedtakRef(s, st.Key(st.VedtakKey), st.Vedtak, true)
		c.stageProposal(s, st, v)
		return v
	case record.Alternativ:
		c.required(s, st.Key("navn"), st.Navn, `"Arbeiderpartiet og Senterpartiet"`)
		if st.Vedtak == "" {
			c.errorf(s, st.Key("vedtak"), "missing: name the vedtak of the meeting where the alternative budget was voted over, e.g. vedtak = \"kst-2025-098\"")
			return nil
		}
		v := c.vedtakRef(s, st.Key("vedtak"), st.Vedtak, true)
		c.stageProposal(s, st, v)
		return v
	}
	return nil
}

// stageProposal checks that the proposal an alternativ or innstilling
// stage names is one of its vedtak's [[forslag]], of the stage's kind.
func (c *checker) stageProposal(s record.Source, st record.Stage, v *record.Vedtak) {
	if st.Forslag == "" {
		return
	}
	if st.Type == record.Vedtatt {
		c.errorf(s, st.Key("forslag"), "the vedtatt stage is what was adopted, not a proposal: remove forslag (name the proposal on the innstilling or alternativ stage)")
		return
	}
	if v == nil {
		return
	}
	want := record.Alternativforslag
	if st.Type == record.Innstilling {
		want = record.InnstillingForslag
	}
	var ids []string
	for _, f := range v.Forslag {
		if f.Type != want {
			continue
		}
		if f.ID == st.Forslag {
			return
		}
		ids = append(ids, strconv.Quote(f.ID))
	}
	if len(ids) == 0 {
		c.errorf(s, st.Key("forslag"), "vedtak %q has no [[forslag]] of type %q: add the proposal (with its vote) to the vedtak, or remove forslag", v.ID, want)
		return
	}
	c.errorf(s, st.Key("forslag"), "vedtak %q has no %s proposal %q: use one of %s", v.ID, want, st.Forslag, strings.Join(ids, ", "))
}

// stageKinds checks one stage of each type but alternativ and forslag,
// two alternatives by different names, and, where a plan has more than
// one forslag (the kommunedirektør's revised forslag or
// tilleggsinnstilling), a distinct navn on each.
func (c *checker) stageKinds(o *record.Okonomiplan, stages []record.Stage) {
	first := map[record.StadiumType]record.Stage{}
	names := map[record.StadiumType]map[string]record.Stage{}
	forslag := 0
	for _, st := range stages {
		if st.Type == record.Forslag {
			forslag++
		}
	}
	for _, st := range stages {
		if st.Type == "" || st.Type.Problem() != "" {
			continue
		}
		if st.Type == record.Alternativ || (st.Type == record.Forslag && forslag > 1) {
			c.stageName(o, st, names, forslag)
			continue
		}
		prev, dup := first[st.Type]
		if !dup {
			first[st.Type] = st
			continue
		}
		where := fmt.Sprintf("%s at line %d", prev.Path, o.Src.At(prev.Path).Line)
		if prev.Path == "" {
			where = "the top-level vedtatt_i, sum_driftsrammer and [[ramme]]"
		}
		c.errorf(o.Src, st.Key("type"), "a second %s stage (the first is %s): an økonomiplan has one of each stage but alternativ and forslag; %s", st.Type, where, secondStageAdvice(st.Type))
	}
}

// stageName checks that an alternativ, or one of several forslag stages,
// has a navn no other stage of its type has.
func (c *checker) stageName(o *record.Okonomiplan, st record.Stage, names map[record.StadiumType]map[string]record.Stage, forslag int) {
	if names[st.Type] == nil {
		names[st.Type] = map[string]record.Stage{}
	}
	if st.Type == record.Forslag && strings.TrimSpace(st.Navn) == "" {
		c.errorf(o.Src, st.Key("navn"), "missing: this plan has %d forslag stages, so each needs a navn that tells the versions apart, e.g. navn = \"Kommunedirektørens forslag\" and navn = \"Tilleggsinnstilling\" (the last one written is the latest)", forslag)
		return
	}
	if prev, dup := names[st.Type][st.Navn]; dup && st.Navn != "" {
		what := "two alternative budgets are named %q: give each party's or group's alternative its own navn"
		if st.Type == record.Forslag {
			what = "two forslag stages are named %q: give each version its own navn (e.g. \"Tilleggsinnstilling\")"
		}
		c.errorf(o.Src, st.Key("navn"), what+" (the first is %s at line %d)", st.Navn, prev.Path, o.Src.At(prev.Path).Line)
		return
	}
	names[st.Type][st.Navn] = st
}

// stageOrder checks that the stages were decided in order: forslag, then
// innstilling, then vedtatt (the alternatives with or before the vedtatt).
func (c *checker) stageOrder(o *record.Okonomiplan, stages []record.Stage) {
	type dated struct {
		st record.Stage
		d  caldate.Date
	}
	var last *dated
	for _, t := range []record.StadiumType{record.Forslag, record.Innstilling, record.Vedtatt} {
		for _, st := range stages {
			if st.Type != t {
				continue
			}
			d := st.Date(c.ix)
			if d.IsZero() {
				if t == record.Forslag {
					continue // each forslag, in the order written; one of unknown date is skipped
				}
				break
			}
			if last != nil && d.Before(last.d) {
				advice := "check the dates and the vedtak"
				if t == record.Forslag {
					advice = "write the forslag stages in the order they were presented, and check the dates"
				}
				c.errorf(o.Src, st.Key(dateKey(st)), "the %s is dated %s, before the %s (%s): %s", stageLabel(st), d, stageLabel(last.st), last.d, advice)
			}
			last = &dated{st, d}
			if t != record.Forslag {
				break
			}
		}
	}
	if adopted := o.Adopted(); adopted != nil {
		ad := adopted.Date(c.ix)
		for _, st := range stages {
			if d := st.Date(c.ix); st.Type == record.Alternativ && !d.IsZero() && !ad.IsZero() && ad.Before(d) {
				c.errorf(o.Src, st.Key("vedtak"), "the alternative budget was voted over on %s, after the budget was adopted (%s): cite the vedtak of the meeting where it was voted over", d, ad)
			}
		}
	}
}

// stageLabel names a stage in a message: its type, and its navn if it has one.
func stageLabel(st record.Stage) string {
	if st.Navn != "" {
		return fmt.Sprintf("%s %q", st.Type, st.Navn)
	}
	return string(st.Type)
}

func dateKey(st record.Stage) string {
	if st.Type == record.Forslag {
		return "dato"
	}
	return st.VedtakKey
}

// notAdopted reports reguleringer and regnskap in a plan without a vedtatt
// stage: they change or follow the adopted budget.
func (c *checker) notAdopted(o *record.Okonomiplan) {
	if len(o.Regulering) > 0 {
		c.errorf(o.Src, tomlpos.Elem("regulering", 0), "this økonomiplan has no vedtatt stage, and a regulering changes the adopted budget: add the vedtatt stage (vedtatt_i and [[ramme]], or [[stadium]] type = \"vedtatt\") or remove the reguleringer")
	}
	if len(o.Regnskap) > 0 {
		c.errorf(o.Src, tomlpos.Elem("regnskap", 0), "this økonomiplan has no vedtatt stage, and regnskap is measured against the adopted budget: add the vedtatt stage or remove the regnskap")
	}
}

// toleranse checks the plan's rounding tolerance: 0 or more.
func (c *checker) toleranse(o *record.Okonomiplan) {
	if o.Toleranse.Set && o.Toleranse.Problem() == "" && o.Toleranse.Kr < 0 {
		c.errorf(o.Src, "toleranse", "a tolerance cannot be negative: write how much each printed sum may differ from its rows, e.g. toleranse = 3 (in the file's enhet)")
	}
}

// tolerance is the plan's toleranse in kroner, 0 if not written or not valid.
func tolerance(o *record.Okonomiplan) int64 {
	if !o.Toleranse.Set || o.Toleranse.Problem() != "" || o.Toleranse.Kr < 0 {
		return 0
	}
	return o.Toleranse.Kr
}

// asPrinted writes kr in kroner, and for a plan in 1 000 kr also as typed
// when it is a whole number of thousands: "601 400 000 kr (601 400 in 1 000 kr)".
func (c *checker) asPrinted(o *record.Okonomiplan, kr int64) string {
	f := o.Enhet.Factor()
	if f <= 1 || kr%f != 0 {
		return money.FormatKr(kr)
	}
	return fmt.Sprintf("%s (%s in %s)", money.FormatKr(kr), money.Format(kr/f), o.Enhet.Label())
}

// secondStageAdvice says what to do instead of a second stage of type t: a
// revised proposal is not a regulering (that changes an adopted budget
// by a vedtak), so each type gets its own advice.
func secondStageAdvice(t record.StadiumType) string {
	switch t {
	case record.Innstilling:
		return "keep one innstilling stage, with the figures of the formannskap's final innstilling and its vedtak"
	}
	return "a changed budget is a [[regulering]] with the vedtak that changed it"
}
