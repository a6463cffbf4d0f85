package oversikt

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/openkommune/portal/tools/diag"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/tomlpos"
)

// Check checks every oversikt of s beyond its form (which package load
// checked) and reports each problem with its position:
//
//   - the header: ar, dokument, stadium, oppsett, enhet, fortegn,
//     toleranse, kolonner, vedtak and lenke, and no two files for the
//     same year, document and stage;
//   - each part's lines: every line of the layout exactly once, no line
//     the layout lacks, one figure per column, each within range;
//   - each computed line against its parts, within the tolerance;
//   - part B: the areas exist, once each, and sum to the line "Sum
//     bevilgninger drift, netto" within the tolerance;
//   - that line in each budget column against the frames of the
//     column's stage (forslag, innstilling, vedtatt, or vedtatt with the
//     year's reguleringer) in the økonomiplan that budgets its year
//     (frames.go), within the tolerance; a plan without that stage is an
//     error;
//   - the § 5-5 lines against the investment projects' yearly
//     bevilgninger (data/prosjekter): never below them, and equal when
//     the file says alle_prosjekter.
func Check(s *record.Set, diags *diag.List) {
	ix := s.Index()
	seen := map[string]*record.Oversikt{}
	for _, o := range s.Oversikter {
		c := &checker{o: o, set: s, ix: ix, diags: diags}
		c.check()
		if o.Ar != 0 && o.Dokument != "" && o.Dokument.Problem() == "" {
			key := fmt.Sprintf("%d/%s/%s", o.Ar, o.Dokument, stage(o))
			if first, ok := seen[key]; ok {
				c.errorf("dokument", "%s %d (%s) is already in %s: one file per year, document and stage; merge them or correct ar or dokument", o.Dokument, o.Ar, stage(o), first.Src.Path)
			} else {
				seen[key] = o
			}
		}
	}
	checkProjects(s, diags)
}

// stage is the oversikt's budget stage: for an årsregnskap "regnskap", for
// a budget its stadium, "vedtatt" if none is written.
func stage(o *record.Oversikt) string {
	switch {
	case o.Dokument == record.DokArsregnskap:
		return "regnskap"
	case o.Stadium == "":
		return string(record.Vedtatt)
	}
	return string(o.Stadium)
}

// Stage is stage for the other packages.
func Stage(o *record.Oversikt) string { return stage(o) }

type checker struct {
	o      *record.Oversikt
	set    *record.Set
	ix     *record.Index
	diags  *diag.List
	layout *Layout
	cols   []Column // nil when kolonner is wrong
	unit   int64    // 0 when enhet is wrong
	sign   Fortegn
	// figures[part][nr] are the printed figures of a line, nil where one
	// is wrong; extraFigures[part][i] those of extra line i.
	figures      map[Part]map[int][]int64
	extraFigures map[Part][][]int64
}

// errorf reports a problem at the key path, which starts the message as
// in the rest of check's messages ("kolonner[2]: column …").
func (c *checker) errorf(path, format string, args ...any) {
	pos := c.o.Src.At(path)
	c.diags.Errorf(c.o.Src.Path, pos.Line, pos.Col, "%s", keyed(path, fmt.Sprintf(format, args...)))
}

func (c *checker) warnf(path, format string, args ...any) {
	pos := c.o.Src.At(path)
	c.diags.Warnf(c.o.Src.Path, pos.Line, pos.Col, "%s", keyed(path, fmt.Sprintf(format, args...)))
}

func keyed(path, msg string) string {
	if path == "" {
		return msg
	}
	return path + ": " + msg
}

func (c *checker) rejected(path string) bool {
	return c.o.Src.Pos != nil && c.o.Src.Pos.Rejected(path)
}

func (c *checker) check() {
	if c.rejected("") {
		return // unreadable: load has said why
	}
	c.header()
	c.figures = map[Part]map[int][]int64{}
	c.extraFigures = map[Part][][]int64{}
	for _, p := range Parts {
		if d := c.part(p); d != nil {
			c.lines(p, d)
			c.extras(p)
		}
	}
	if c.o.Drift == nil && c.o.Investering == nil && !c.rejected("drift") && !c.rejected("investering") {
		c.errorf("", "no oversikt in the file: add [drift] (§ 5-4) and/or [investering] (§ 5-5) with their lines, as docs/data-format.md shows")
	}
	if c.layout == nil || c.cols == nil || c.unit == 0 {
		return // the figures cannot be read without them
	}
	for _, p := range Parts {
		if d := c.part(p); d != nil {
			c.computed(p)
		}
	}
	if c.o.Drift != nil {
		c.partB()
		c.frames()
		c.regnskapFrames()
	}
	if c.o.Investering != nil {
		c.projects()
	}
}

// part is the lines of part p, nil if the file has no such part.
func (c *checker) part(p Part) []record.OversiktLinje {
	return PartLines(c.o, p)
}

// PartLines is the lines of part p of o as written, nil if o has no such
// part.
func PartLines(o *record.Oversikt, p Part) []record.OversiktLinje {
	switch {
	case p == Drift && o.Drift != nil:
		return orEmpty(o.Drift.Linje)
	case p == Investering && o.Investering != nil:
		return orEmpty(o.Investering.Linje)
	}
	return nil
}

func orEmpty(l []record.OversiktLinje) []record.OversiktLinje {
	if l == nil {
		return []record.OversiktLinje{}
	}
	return l
}

func (c *checker) header() {
	o := c.o
	switch {
	case c.rejected("ar"):
	case o.Ar == 0:
		c.errorf("ar", "missing ar: the budget or accounting year the document is for, e.g. ar = 2024")
	case o.Ar < 2020 || o.Ar > 2100:
		c.errorf("ar", "ar %d is outside the years of the forskrift's bevilgningsoversikter (from 2020): check the year", o.Ar)
	}
	if o.Dokument == "" && !c.rejected("dokument") {
		c.errorf("dokument", "missing dokument: write \"arsregnskap\", \"arsbudsjett\" or \"okonomiplan\"")
	}
	if o.Stadium != "" && o.Dokument == record.DokArsregnskap {
		c.errorf("stadium", "an årsregnskap has no budget stage: remove stadium (its columns say what each figure is)")
	}
	if c.rejected("oppsett") {
	} else if o.Oppsett == "" {
		c.errorf("oppsett", "missing oppsett: write \"2022\" for the layout in force from the budget year 2022 (§ 5-4 with 25 lines) or \"2020\" for the one before (23 lines)")
	} else if ly, ok := Layouts[o.Oppsett]; !ok {
		c.errorf("oppsett", "oppsett %q is not a layout: write \"2022\" (§ 5-4 with 25 lines, from the budget year 2022) or \"2020\" (23 lines, budget years 2020 and 2021)", o.Oppsett)
	} else {
		c.layout = ly
		if o.Ar != 0 && (o.Oppsett == "2020") != (o.Ar < 2022) {
			c.warnf("oppsett", "oppsett %q for %d: the 2022 layout applies from the budget year 2022 and the 2020 layout before; check that the document is printed this way", o.Oppsett, o.Ar)
		}
	}
	if c.rejected("enhet") {
	} else if f, ok := Units[o.Enhet]; ok {
		c.unit = f
	} else if o.Enhet == "" {
		c.errorf("enhet", "missing enhet: write \"1000kr\" if the table says \"i 1 000 kr\" or \"Alle tal i heile 1 000\", \"kr\" if it prints whole kroner")
	} else {
		c.errorf("enhet", "enhet %q is not a unit: write \"1000kr\" (figures printed in thousands of kroner) or \"kr\"", o.Enhet)
	}
	c.sign = Fortegn(o.Fortegn)
	if o.Fortegn == "" {
		c.sign = Standard
	} else if !slices.Contains(FortegnValues, o.Fortegn) {
		c.errorf("fortegn", "fortegn %q is not a sign convention: write one of %s (or leave it out for \"standard\")", o.Fortegn, strings.Join(FortegnValues, ", "))
	}
	if !c.rejected("toleranse") && (o.Toleranse < 0 || o.Toleranse > MaxToleranse) {
		c.errorf("toleranse", "toleranse %d is out of range: it is the rounding a printed sum may differ by, in the unit, from 0 to %d (rounding per row moves a sum by a few units)", o.Toleranse, MaxToleranse)
	}
	if o.Vedtak != "" && o.Stadium == record.Forslag && o.Dokument != record.DokArsregnskap {
		c.errorf("vedtak", "a forslag is the kommunedirektør's proposal, not adopted by a vedtak: remove vedtak (the vedtak that adopted the budget belongs in the file of its vedtatt oversikt)")
	} else if o.Vedtak != "" && c.ix.Vedtak[o.Vedtak] == nil {
		c.errorf("vedtak", "vedtak %q does not exist: write the id of a file in vedtak/ (the vedtak that adopted the document), or leave vedtak out", o.Vedtak)
	}
	if o.Lenke != "" {
		if u, err := url.Parse(o.Lenke); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			c.errorf("lenke", "lenke %q is not a web address: write the document's address starting with https://", o.Lenke)
		}
	}
	c.columns()
}

func (c *checker) columns() {
	o := c.o
	if c.rejected("kolonner") || o.Dokument == "" || o.Dokument.Problem() != "" || o.Ar == 0 {
		return
	}
	if len(o.Kolonner) == 0 {
		c.errorf("kolonner", "missing kolonner: name the columns as printed, left to right, e.g. kolonner = [%s]", ColumnCodes(o.Dokument))
		return
	}
	cols := make([]Column, 0, len(o.Kolonner))
	ok := true
	for i, code := range o.Kolonner {
		p := tomlpos.Elem("kolonner", i)
		col, err := OversiktColumn(o, code)
		if err != nil {
			c.errorf(p, "%v", err)
			ok = false
			continue
		}
		if slices.ContainsFunc(cols, func(x Column) bool { return x.Code == code }) {
			c.errorf(p, "column %q is named twice: each column once", code)
			ok = false
			continue
		}
		cols = append(cols, col)
	}
	if ok {
		c.cols = cols
	}
}

// lines checks that each line of the layout is written once, with one
// figure per column, and keeps the figures.
func (c *checker) lines(p Part, d []record.OversiktLinje) {
	base := string(p)
	figs := map[int][]int64{}
	c.figures[p] = figs
	at := map[int]int{}
	for i, l := range d {
		lp := tomlpos.Elem(tomlpos.Join(base, "linje"), i)
		if c.rejected(lp) || c.rejected(tomlpos.Join(lp, "nr")) {
			continue
		}
		if c.layout != nil {
			if _, ok := c.layout.Line(p, l.Nr); !ok {
				c.errorf(tomlpos.Join(lp, "nr"), "line %d is not a line of %s in the %s layout (lines 1–%d): check the number printed before the line's name", l.Nr, paragraph(p), c.layout.Code, len(c.layout.Lines[p]))
				continue
			}
		}
		if j, dup := at[l.Nr]; dup {
			c.errorf(tomlpos.Join(lp, "nr"), "line %d is written twice (also as %s.linje[%d]): each line once", l.Nr, base, j)
			continue
		}
		at[l.Nr] = i
		figs[l.Nr] = c.amounts(tomlpos.Join(lp, "belop"), l.Belop)
	}
	if c.layout == nil {
		return
	}
	for _, l := range c.layout.Lines[p] {
		if _, ok := at[l.Nr]; !ok {
			c.errorf(tomlpos.Join(base, "linje"), "line %d %q of %s is missing: add { nr = %d, belop = [...] } (0 where the document prints a dash)", l.Nr, l.Nb, paragraph(p), l.Nr)
		}
	}
}

// amounts checks one row of figures: one per column, each in range once
// converted to kroner. It returns nil if one is wrong.
func (c *checker) amounts(path string, belop []money.Amount) []int64 {
	if c.rejected(path) {
		return nil
	}
	if c.cols != nil && len(belop) != len(c.cols) {
		c.errorf(path, "%d figures, but kolonner names %d columns: write one figure per column, in the order of kolonner (0 for a dash)", len(belop), len(c.cols))
		return nil
	}
	out := make([]int64, len(belop))
	ok := true
	for i, a := range belop {
		if a.Problem() != "" {
			ok = false // reported by load
			continue
		}
		out[i] = a.Kr
		if c.unit != 0 {
			if _, in := ToKr(a.Kr, c.o.Enhet); !in {
				c.errorf(tomlpos.Elem(path, i), "%s %s is out of range: above %s kr; check the number of digits and enhet", money.Format(a.Kr), c.o.Enhet, money.Format(money.Max))
				ok = false
			}
		}
	}
	if !ok {
		return nil
	}
	return out
}

func paragraph(p Part) string {
	if p == Drift {
		return "§ 5-4 drift"
	}
	return "§ 5-5 investering"
}

// unitLabel is the file's unit as a table heading prints it ("1 000 kr"),
// for messages: the code "1000kr" after a figure reads as more digits.
func (c *checker) unitLabel() string { return money.Unit(c.o.Enhet).Label() }

// computed checks every computed line, and every typed line with extra
// lines, against its parts (extra lines included), per column.
func (c *checker) computed(p Part) {
	figs := c.figures[p]
	extras := PartExtras(c.o, p)
	for _, l := range c.layout.Lines[p] {
		ops := Operands(c.layout, p, l, c.sign, extras)
		if ops == nil || figs[l.Nr] == nil {
			continue
		}
		for i, col := range c.cols {
			sum, ok := SumOf(ops, func(op Operand) (int64, bool) {
				f := figs[op.Nr]
				if op.Extra >= 0 {
					f = c.extraFigures[p][op.Extra]
				}
				if f == nil {
					return 0, false
				}
				return f[i], true
			})
			if !ok {
				break // a part is missing or wrong: reported
			}
			printed := figs[l.Nr][i]
			if d := money.Abs(printed - sum); d > c.o.Toleranse {
				c.errorf(c.linePath(p, l.Nr, i), "line %d %q, column %s: the lines %s sum to %s, but %s is printed: a difference of %s (in %s), more than toleranse = %d; check the figures against the document",
					l.Nr, l.Nb, col.Code, FormulaOf(ops, extras), money.Format(sum), money.Format(printed), money.Format(printed-sum), c.unitLabel(), c.o.Toleranse)
			}
		}
	}
}

// extras checks the extra lines of part p (extra.go): a name, once, that
// is not a statutory line's; the statutory line it belongs to and the one
// it is printed after; trekkes_fra only where a sum subtracts; one figure
// per column. It keeps the figures.
func (c *checker) extras(p Part) {
	extras := PartExtras(c.o, p)
	figs := make([][]int64, len(extras))
	c.extraFigures[p] = figs
	names := map[string]int{}
	for i, e := range extras {
		ep := tomlpos.Elem(tomlpos.Join(string(p), "ekstra"), i)
		if c.rejected(ep) {
			continue
		}
		if i == MaxExtra {
			c.errorf(ep, "more than %d extra lines in %s: no printed oversikt has that many; check that the lines are not a part B or a project list written as extra lines", MaxExtra, paragraph(p))
		}
		if i >= MaxExtra {
			continue // figures nil: no sum is checked with them
		}
		figs[i] = c.amounts(tomlpos.Join(ep, "belop"), e.Belop)
		c.extraName(p, ep, i, e, names)
		if c.layout == nil {
			continue
		}
		n := len(c.layout.Lines[p])
		parent, ok := c.layout.Line(p, e.InngarI)
		switch {
		case c.rejected(tomlpos.Join(ep, "inngar_i")):
			figs[i] = nil
		case e.InngarI == 0:
			c.errorf(tomlpos.Join(ep, "inngar_i"), "missing inngar_i: the number of the statutory line this line belongs to (a sum line it is a part of, or the line it details), e.g. inngar_i = %d", sumLine(c.layout, p))
			figs[i] = nil
		case !ok:
			c.errorf(tomlpos.Join(ep, "inngar_i"), "inngar_i = %d is not a line of %s in the %s layout (lines 1–%d): write the number of the statutory line this line belongs to", e.InngarI, paragraph(p), c.layout.Code, n)
			figs[i] = nil
		case e.TrekkesFra && !parent.Computed():
			c.errorf(tomlpos.Join(ep, "trekkes_fra"), "trekkes_fra: line %d %q is not a sum line, and the lines that detail it are added up: remove trekkes_fra", parent.Nr, parent.Nb)
		case e.TrekkesFra && c.sign != Standard:
			c.errorf(tomlpos.Join(ep, "trekkes_fra"), "trekkes_fra: with fortegn = %q every sum line is the plain sum of its lines, so nothing is subtracted: remove trekkes_fra and type the figure with the sign the document prints", c.sign)
		}
		if !c.rejected(tomlpos.Join(ep, "etter")) && (e.Etter < 0 || e.Etter > n) {
			c.errorf(tomlpos.Join(ep, "etter"), "etter = %d is not a line of %s in the %s layout (lines 1–%d): write the number of the statutory line this line is printed after, or leave etter out", e.Etter, paragraph(p), c.layout.Code, n)
		}
	}
}

// extraName checks an extra line's name: given, once in the part, and not
// a statutory line's name (that line is written as { nr = … }).
func (c *checker) extraName(p Part, ep string, i int, e record.OversiktEkstra, names map[string]int) {
	path := tomlpos.Join(ep, "navn")
	if c.rejected(path) {
		return
	}
	key := strings.ToLower(strings.Join(strings.Fields(e.Navn), " "))
	if key == "" {
		c.errorf(path, "missing navn: the line's name as printed, e.g. navn = \"Bruk av tidligere års mindreforbruk\"")
		return
	}
	if j, dup := names[key]; dup {
		c.errorf(path, "extra line %q is written twice (also as %s.ekstra[%d]): each line once", e.Navn, p, j)
		return
	}
	names[key] = i
	if c.layout == nil {
		return
	}
	for _, l := range c.layout.Lines[p] {
		if strings.EqualFold(l.Nb, strings.TrimSpace(e.Navn)) || strings.EqualFold(l.Nn, strings.TrimSpace(e.Navn)) {
			c.errorf(path, "%q is line %d of %s, not an extra line: write its figures as { nr = %d, belop = [...] } in linje", e.Navn, l.Nr, paragraph(p), l.Nr)
			return
		}
	}
}

// sumLine is a sum line of part p to name in an example.
func sumLine(ly *Layout, p Part) int {
	for i := len(ly.Lines[p]) - 1; i >= 0; i-- {
		if l := ly.Lines[p][i]; l.Computed() && len(l.Parts) > 2 {
			return l.Nr
		}
	}
	return 1
}

func (c *checker) linePath(p Part, nr, col int) string {
	for i, l := range c.part(p) {
		if l.Nr == nr {
			return tomlpos.Elem(tomlpos.Join(tomlpos.Elem(tomlpos.Join(string(p), "linje"), i), "belop"), col)
		}
	}
	return string(p)
}

// partB checks § 5-4 part B: the areas exist, once each, and sum to the
// line Sum bevilgninger drift, netto.
func (c *checker) partB() {
	d := c.o.Drift
	if len(d.Omrade) == 0 {
		return
	}
	sums := make([]int64, len(c.cols))
	complete := true
	seen := map[string]bool{}
	for i, a := range d.Omrade {
		ap := tomlpos.Elem("drift.omrade", i)
		if c.rejected(ap) {
			complete = false
			continue
		}
		switch {
		case a.Omrade == "":
			c.errorf(tomlpos.Join(ap, "omrade"), "missing omrade: the id of the rammeområde in rammeomrader.toml")
			complete = false
		case c.ix.Omrader[a.Omrade] == nil:
			c.errorf(tomlpos.Join(ap, "omrade"), "rammeområde %q does not exist: write an id from rammeomrader.toml", a.Omrade)
		case seen[a.Omrade]:
			c.errorf(tomlpos.Join(ap, "omrade"), "rammeområde %q is written twice in part B: each area once", a.Omrade)
		}
		seen[a.Omrade] = true
		figs := c.amounts(tomlpos.Join(ap, "belop"), a.Belop)
		if figs == nil {
			complete = false
			continue
		}
		for j, v := range figs {
			sums[j] += v
		}
	}
	line6 := c.figures[Drift][c.layout.SumDrift]
	if !complete || line6 == nil {
		return
	}
	l, _ := c.layout.Line(Drift, c.layout.SumDrift)
	for j, col := range c.cols {
		if d := money.Abs(line6[j] - sums[j]); d > c.o.Toleranse {
			c.errorf(c.linePath(Drift, l.Nr, j), "line %d %q, column %s: the rammeområder of part B sum to %s, but %s is printed: a difference of %s (in %s), more than toleranse = %d",
				l.Nr, l.Nb, col.Code, money.Format(sums[j]), money.Format(line6[j]), money.Format(line6[j]-sums[j]), c.unitLabel(), c.o.Toleranse)
		}
	}
}
