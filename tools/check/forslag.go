package check

import (
	"fmt"
	"strings"

	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/record"
)

// A project's kostnadsramme step may cite a budget stage instead of a
// vedtak (record.Rammeendring.Proposed): a frame the kommunedirektør's
// forslag or the formannskap's innstilling proposed, not decided. Exactly
// one of vedtak and the stage; the økonomiplan must exist and have that
// stage. The site never calls such a step adopted, and the adopted
// kostnadsramme leaves it out.

// proposedStep checks the budget stage a kostnadsramme step cites.
func (c *checker) proposedStep(s record.Source, path string, r record.Rammeendring) {
	if r.Vedtak != "" {
		c.errorf(s, path+".vedtak", "a step cites a vedtak or a budget stage, not both: remove vedtak if the frame was only proposed, or okonomiplan and stadium if it was decided")
		return
	}
	switch {
	case r.Okonomiplan == "":
		c.errorf(s, path+".okonomiplan", "missing: a step that cites a budget stage names its økonomiplan, e.g. okonomiplan = \"2026-2029\" with stadium = %q", r.Stadium)
	case r.Stadium == "":
		c.errorf(s, path+".stadium", "missing: name the stage of økonomiplan %s that proposed the frame: stadium = \"forslag\" (kommunedirektøren) or \"innstilling\" (formannskapet); a decided frame cites its vedtak instead", load.QuoteShort(r.Okonomiplan))
	}
	if r.Stadium != "" && r.Stadium.Problem() == "" && r.Stadium != record.Forslag && r.Stadium != record.Innstilling {
		cite := "vedtak = \"kst-2025-110\""
		if o := c.ix.Okonomiplan[r.Okonomiplan]; o != nil && o.Adopted() != nil && o.Adopted().Vedtak != "" {
			cite = fmt.Sprintf("vedtak = %q, the vedtak that adopted økonomiplan %s", o.Adopted().Vedtak, o.ID)
		}
		c.errorf(s, path+".stadium", "stadium %q is not a proposal: a step cites the stage \"forslag\" or \"innstilling\"; a frame adopted with the budget cites its vedtak instead: remove okonomiplan and stadium and write %s", r.Stadium, cite)
		return
	}
	if r.Okonomiplan == "" || s.Pos.Rejected(path+".okonomiplan") {
		return
	}
	o := c.ix.Okonomiplan[r.Okonomiplan]
	if o == nil {
		var known []string
		for _, p := range c.set.Okonomiplan {
			known = append(known, p.ID)
		}
		c.errorf(s, path+".okonomiplan", "økonomiplan %s does not exist in data/okonomiplan/%s", load.QuoteShort(r.Okonomiplan), load.Suggest(r.Okonomiplan, known, "its økonomiplaner are"))
		return
	}
	if r.Stadium == "" || r.Stadium.Problem() != "" || unreadable(o.Src) {
		return
	}
	if o.Stage(r.Stadium) == nil {
		var has []string
		for _, st := range o.Stages() {
			has = append(has, string(st.Type))
		}
		c.errorf(s, path+".stadium", "økonomiplan %s has no %s stage (it has: %s): add the stage there as [[stadium]] type = %q, or cite the stage it has", o.ID, r.Stadium, strings.Join(has, ", "), r.Stadium)
		return
	}
}
