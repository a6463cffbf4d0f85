package check

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/tomlpos"
)

// rapport checks a report record: its kind and period agree, it is dated
// after its period ended and not after the reference date, and the vedtak
// that treated it met on or after that date.
func (c *checker) rapport(r *record.Rapport, periods map[string]*record.Rapport) {
	s := r.Src
	if r.Type == "" {
		c.errorf(s, "type", "missing: add type = one of %s", strings.Join(record.RapportTypeValues, ", "))
	}
	c.year(s, "ar", r.Ar, true)
	c.tertial(r)
	c.requiredDate(s, "dato", r.Dato)
	if end := r.PeriodEnd(); !r.Dato.IsZero() && !end.IsZero() && r.Dato.Before(end) {
		c.errorf(s, "dato", "the report is dated %s, before its period ends (%s): a report is written after the period it covers; correct dato, ar or tertial", r.Dato, end)
	}
	if !r.Dato.IsZero() && !c.ref.IsZero() && r.Dato.After(c.ref) {
		c.errorf(s, "dato", "the report is dated %s, after the reference date %s: add it when it is published, or move referansedato in kommune.toml forward", r.Dato, c.ref)
	}
	if v := c.vedtakRef(s, "vedtak", r.Vedtak, false); v != nil && !r.Dato.IsZero() && v.Motedato.Before(r.Dato) {
		c.errorf(s, "vedtak", "vedtak %s met %s, before the report's date %s: cite the vedtak that treated the report", v.ID, v.Motedato, r.Dato)
	}
	c.url(s, "url", r.URL)
	if p := r.Periode(); p != "" && r.Ar != 0 {
		key := fmt.Sprintf("%s %d %s", r.Type, r.Ar, p)
		if first := periods[key]; first != nil && first != r {
			c.errorf(s, "type", "%s for %s %d is also %s: keep one report of a kind per period", r.Type, p, r.Ar, first.Src.Path)
		} else {
			periods[key] = r
		}
	}
}

// tertial checks that a tertialrapport names its tertial (1 or 2; the third
// is the årsrapport) and that no other kind of report does.
func (c *checker) tertial(r *record.Rapport) {
	s := r.Src
	switch {
	case r.Type == record.Tertialrapport && r.Tertial == 0:
		c.errorf(s, "tertial", "missing: a tertialrapport names its tertial, tertial = 1 or 2")
	case r.Type == record.Tertialrapport && (r.Tertial < 1 || r.Tertial > record.MaxTertial):
		c.errorf(s, "tertial", "tertial %d is not 1 or 2: the third tertial is reported in the årsrapport and årsregnskap (type = \"arsrapport\" or \"arsregnskap\")", r.Tertial)
	case r.Type != record.Tertialrapport && r.Tertial != 0 && r.Type.Problem() == "":
		c.errorf(s, "tertial", "only a tertialrapport has a tertial: remove tertial, or set type = \"tertialrapport\"")
	}
}

// rapportRef checks a citation of a report: an id of a report that exists
// and was published by the reference date. It returns the report, or nil.
func (c *checker) rapportRef(src record.Source, path, id string) *record.Rapport {
	if id == "" || !c.validRef(src, path, id, "rapport", "2025-t1") {
		return nil
	}
	r := c.ix.Rapporter[id]
	if r == nil {
		c.errorf(src, path, "rapport %q does not exist: add data/rapporter/%s.toml or use one of %s", id, id, c.rapportIDs())
		return nil
	}
	if unreadable(r.Src) {
		return nil
	}
	if !c.ref.IsZero() && r.Dato.After(c.ref) {
		c.errorf(src, path, "rapport %s is dated %s, after the reference date %s: nothing can cite a report not yet published", id, r.Dato, c.ref)
		return nil
	}
	return r
}

// rapportIDs names the reports that exist, for a message.
func (c *checker) rapportIDs() string {
	if len(c.set.Rapporter) == 0 {
		return "the reports in data/rapporter/ (there are none yet)"
	}
	ids := make([]string, 0, len(c.set.Rapporter))
	for _, r := range c.set.Rapporter {
		ids = append(ids, r.ID)
	}
	if len(ids) > 8 {
		ids = append(ids[:8], "…")
	}
	return strings.Join(ids, ", ")
}

// hasRapporter reports whether the kommune keeps its reports as records:
// then every status report and area account must cite one.
func (c *checker) hasRapporter() bool { return len(c.set.Rapporter) > 0 }

// periodRef checks the report cited by a figure for a period (a project's
// status report, an area's accounts): required once reports are records,
// and of the same year and period.
func (c *checker) periodRef(src record.Source, path, id string, ar int, periode record.Periode) {
	if id == "" {
		if c.hasRapporter() {
			c.errorf(src, path, "missing: cite the report this is from, e.g. rapport = %q (data/rapporter/)", suggestID(ar, periode))
		}
		return
	}
	r := c.rapportRef(src, path, id)
	if r == nil || ar == 0 || periode == "" {
		return
	}
	if r.Ar != ar || r.Periode() != periode {
		c.errorf(src, path, "rapport %s covers %s, not %s %d: cite the report for that period, or correct ar and periode", id, describe(r), periode, ar)
	}
}

// yearRef checks the report cited by a year's accounts: of the same year.
func (c *checker) yearRef(src record.Source, path, id string, ar int) {
	if r := c.rapportRef(src, path, id); r != nil && ar != 0 && r.Ar != ar {
		c.errorf(src, path, "rapport %s covers %s, not %d: cite a report for the same year", id, describe(r), ar)
	}
}

// describe names a report's period for a message.
func describe(r *record.Rapport) string {
	if p := r.Periode(); p != "" {
		return fmt.Sprintf("%s %d", p, r.Ar)
	}
	return fmt.Sprintf("%s %d", load.Plain(string(r.Type)), r.Ar)
}

// suggestID is the id the documentation recommends for the report of a
// period, for a message.
func suggestID(ar int, periode record.Periode) string {
	y := yearOr(ar)
	switch periode {
	case record.PeriodeT1, record.PeriodeT2:
		return y + "-" + string(periode)
	}
	return "arsrapport-" + y
}

var (
	tertialRE = regexp.MustCompile(`(?i)([12])\.?\s*tertial\w*\s+(\d{4})`)
	arsRE     = regexp.MustCompile(`(?i)års\w*\s+(\d{4})`)
)

// guessRapport names the report a free-text period such as "2. tertial
// 2025" or "Årsrapport 2024" most likely means: a report of that period
// if one exists, else the recommended id for it.
func (c *checker) guessRapport(text string, year int) string {
	var ar int
	var periode record.Periode
	if m := tertialRE.FindStringSubmatch(text); m != nil {
		ar, _ = strconv.Atoi(m[2])
		periode = record.PeriodeT1
		if m[1] == "2" {
			periode = record.PeriodeT2
		}
	} else if m := arsRE.FindStringSubmatch(text); m != nil {
		ar, _ = strconv.Atoi(m[1])
		periode = record.PeriodeArsregnskap
	} else {
		return suggestID(year, record.PeriodeT1)
	}
	for _, r := range c.set.Rapporter {
		if r.Ar == ar && r.Periode() == periode {
			return r.ID
		}
	}
	return suggestID(ar, periode)
}

// oppfolgingRapport checks the report a follow-up entry cites: it exists,
// and the entry is not dated after it (a report cannot tell what happened
// after it was written). Free text in rapportert_i is the migration path:
// accepted while the kommune has no report records, and with a warning
// naming the report to cite once it has.
func (c *checker) oppfolgingRapport(s record.Source, op string, o record.Oppfolging) {
	r := c.rapportRef(s, op+".rapport", o.Rapport)
	if r != nil && !o.Dato.IsZero() && o.Dato.After(r.Dato) {
		c.errorf(s, op+".dato", "follow-up dated %s is after rapport %s (%s): a report cannot tell what happened after it; cite a later report", o.Dato, r.ID, r.Dato)
	}
	switch {
	case o.RapportertI != "" && o.Rapport != "":
		c.warnf(s, op+".rapportert_i", "both rapportert_i and rapport: remove rapportert_i (free text from before reports were records; the site shows the report)")
	case o.RapportertI != "" && c.hasRapporter():
		c.warnf(s, op+".rapportert_i", "rapportert_i is free text: now that reports are records in data/rapporter/, cite one instead: rapport = %q", c.guessRapport(o.RapportertI, o.Dato.Y))
	case o.Rapport == "" && o.RapportertI == "" && o.Vedtak == "":
		c.errorf(s, op, "say where this was reported: add rapport = \"...\" (an id in data/rapporter/) or vedtak = \"...\"")
	}
}

// tiltakRapporter checks a tiltak's report citations: the report of its
// current fase and status, and its history, one entry per report, oldest
// first, each with a fase and status; the entry for the report of its
// current fase and status agrees with them.
func (c *checker) tiltakRapporter(s record.Source, path string, t record.Tiltak) {
	c.rapportRef(s, path+".rapport", t.Rapport)
	for j, h := range t.Rapportering {
		if h.Rapport != "" && h.Rapport == t.Rapport && (h.Fase != "" && h.Fase != t.Fase || h.Status != "" && h.Status != t.Status) {
			c.errorf(s, tomlpos.Elem(path+".rapportering", j), "rapport %s gives fase %s and status %s here, but the tiltak cites it for fase %s and status %s: make them agree", h.Rapport, load.Plain(string(h.Fase)), load.Plain(string(h.Status)), load.Plain(string(t.Fase)), load.Plain(string(t.Status)))
		}
	}
	seen := map[string]bool{}
	var prev *record.Rapport
	for j, h := range t.Rapportering {
		hp := tomlpos.Elem(path+".rapportering", j)
		if h.Rapport == "" {
			c.errorf(s, hp+".rapport", "missing: add rapport = the id of the report in data/rapporter/")
		}
		if h.Fase == "" {
			c.errorf(s, hp+".fase", "missing: add fase = one of %s", strings.Join(record.TiltakFaseValues, ", "))
		}
		if h.Status == "" {
			c.errorf(s, hp+".status", "missing: add status = one of %s", strings.Join(record.StatusValues, ", "))
		}
		if seen[h.Rapport] && h.Rapport != "" {
			c.errorf(s, hp+".rapport", "rapport %s is listed twice for this tiltak: keep one entry per report", h.Rapport)
			continue
		}
		seen[h.Rapport] = true
		r := c.rapportRef(s, hp+".rapport", h.Rapport)
		if r != nil && prev != nil && rapportBefore(r, prev) {
			c.errorf(s, hp+".rapport", "rapport %s (%s) is older than %s above it: list the entries oldest first", r.ID, r.Dato, prev.ID)
		}
		if r != nil {
			prev = r
		}
	}
}

// rapportBefore orders reports by date, then id.
func rapportBefore(a, b *record.Rapport) bool {
	if c := a.Dato.Compare(b.Dato); c != 0 {
		return c < 0
	}
	return a.ID < b.ID
}

// statusFase checks a status report's stage: not beyond the project's
// current stage (a report cannot put a project further than it is).
func (c *checker) statusFase(p *record.Prosjekt, i int) {
	r := p.Statusrapport[i]
	if r.Fase == "" || p.Fase == "" || r.Fase.Index() < 0 || p.Fase.Index() < 0 {
		return
	}
	if r.Fase.Index() > p.Fase.Index() {
		c.errorf(p.Src, tomlpos.Elem("statusrapport", i)+".fase", "the report gives fase %s, beyond the project's fase %s: correct the report's fase or move the project's fase forward", r.Fase, p.Fase)
	}
}
