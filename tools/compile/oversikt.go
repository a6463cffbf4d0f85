package compile

import (
	"cmp"
	"slices"
	"strings"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/oversikt"
	"github.com/openkommune/portal/tools/record"
)

// Oversikt is one page of statutory bevilgningsoversikter (§ 5-4 drift,
// § 5-5 investering) for a year and document, with every figure as
// printed, in kroner.
type Oversikt struct {
	ID       string `json:"id"`
	Path     string `json:"sti"`    // "oversikter/2025-arsregnskap/"
	Tittel   string `json:"tittel"` // "Bevilgningsoversikter – årsregnskap 2025"
	Ar       int    `json:"ar"`
	Dokument string `json:"dokument"` // arsregnskap, arsbudsjett, okonomiplan
	// Stadium is the stage of the figures: regnskap for an årsregnskap,
	// else forslag, innstilling or vedtatt. Only vedtatt is adopted.
	Stadium string `json:"stadium"`
	Oppsett string `json:"oppsett"` // "2022", "2020"
	Enhet   string `json:"enhet"`   // the source's unit: "1000kr" or "kr"
	Fortegn string `json:"fortegn"` // standard, inntekt_negativ, utgift_negativ
	// Toleranse is the rounding a printed sum may differ by, in kroner,
	// and ToleranseTrykt the same in the source's unit.
	Toleranse      Kr         `json:"toleranse"`
	ToleranseTrykt int64      `json:"toleranse_trykt"`
	Kolonner       []Kolonne  `json:"kolonner"`
	Vedtak         *Ref       `json:"vedtak"`
	Lenke          string     `json:"lenke"`
	Drift          *Oversikts `json:"drift"`       // nil if the file has no § 5-4
	Investering    *Oversikts `json:"investering"` // nil if the file has no § 5-5
	Kilde          string     `json:"kilde"`
	KildeURL       string     `json:"kilde_url"`
}

// Kolonne is one column of an oversikt.
type Kolonne struct {
	Kode string `json:"kode"` // regnskap, regulert, opprinnelig, regnskap_i_fjor, regnskap_i_forfjor, budsjett, budsjett_i_fjor, or a plan year
	Ar   int    `json:"ar"`
	Type string `json:"type"` // regnskap, forslag, innstilling, vedtatt, regulert, budsjett (last year's, not reconciled)
	// Rammer is, for a budget column of an oversikt with § 5-4, the
	// økonomiplan whose frames at the column's stage (RammerStadium:
	// forslag, innstilling or vedtatt; vedtatt plus the reguleringer for
	// regulert) line "Sum bevilgninger drift, netto" is compared with;
	// nil when none is. UtenRammer marks a budget column that no
	// økonomiplan in the data budgets: compared with nothing, as
	// /kontroll/ says.
	Rammer        *Ref   `json:"rammer"`
	RammerStadium string `json:"rammer_stadium"`
	UtenRammer    bool   `json:"uten_rammer"`
}

// Oversikts is one of the two oversikter of a page.
type Oversikts struct {
	Linjer []Oversiktslinje `json:"linjer"`
	// Omrader is § 5-4 part B as printed (drift only).
	Omrader []OversiktOmrade `json:"omrader"`
	// AlleProsjekter: the projects' bevilgninger must equal their lines
	// (investering only).
	AlleProsjekter bool `json:"alle_prosjekter"`
}

// Oversiktslinje is one printed line: a statutory line, or an extra line
// the kommune prints beyond them (Ekstra), in the order printed.
type Oversiktslinje struct {
	Nr   int    `json:"nr"`   // the statutory line's number; 0 for an extra line
	Navn string `json:"navn"` // in the kommune's målform; an extra line's as printed
	// Ekstra marks an extra line, InngarI the statutory line it belongs
	// to (a sum line it is a part of, or the line it details) and
	// TrekkesFra that the sum subtracts it (standard print).
	Ekstra     bool `json:"ekstra"`
	InngarI    int  `json:"inngar_i"`
	TrekkesFra bool `json:"trekkes_fra"`
	// Formel is, for a computed line or a line detailed by extra lines,
	// its parts as printed: "1 + 2 + 3 + 4", an extra line by its name
	// in «»; else "".
	Formel string `json:"formel"`
	// Belop are the printed figures in kroner, one per column, and Trykt
	// the same as printed, in the source's unit.
	Belop []Kr    `json:"belop"`
	Trykt []int64 `json:"trykt"`
	// Beregnet is, for a computed line, the sum of its printed parts per
	// column, and Avrunding the printed figure minus it (the rounding);
	// both empty for a typed line.
	Beregnet  []Kr `json:"beregnet"`
	Avrunding []Kr `json:"avrunding"`
}

// OversiktOmrade is one rammeområde of § 5-4 part B.
type OversiktOmrade struct {
	Omrade Ref     `json:"omrade"`
	Belop  []Kr    `json:"belop"`
	Trykt  []int64 `json:"trykt"`
}

// dokumentKeys name each document in the catalogue.
var dokumentKeys = map[record.OversiktDokument]catalog.Key{
	record.DokArsregnskap: "oversikt_dokument_arsregnskap",
	record.DokArsbudsjett: "oversikt_dokument_arsbudsjett",
	record.DokOkonomiplan: "oversikt_dokument_okonomiplan",
}

// compileOversikter builds the pages, newest year first, then by
// document.
func (c *compiler) compileOversikter() {
	c.site.Oversikter = []*Oversikt{}
	malform := string(c.set.Kommune.Malform)
	w := catalog.Must(malform)
	for _, ro := range c.set.Oversikter {
		ly := oversikt.Layouts[ro.Oppsett]
		unit := oversikt.Units[ro.Enhet]
		o := &Oversikt{
			ID: ro.ID, Path: "oversikter/" + ro.ID + "/", Ar: ro.Ar, Dokument: string(ro.Dokument),
			Stadium: oversikt.Stage(ro), Oppsett: ro.Oppsett, Enhet: ro.Enhet, Fortegn: string(fortegn(ro)),
			Toleranse: kr(ro.Toleranse * unit), ToleranseTrykt: ro.Toleranse, Kolonner: []Kolonne{},
			Vedtak: c.vedtakRefPtr(ro.Vedtak), Lenke: ro.Lenke, Kilde: ro.Src.File, KildeURL: c.kildeURL(ro.Src.File),
		}
		o.Tittel = w.T("oversikt_title", catalog.Args{"Dokument": w.T(dokumentKeys[ro.Dokument], nil), "Ar": ro.Ar})
		for _, code := range ro.Kolonner {
			col, _ := oversikt.OversiktColumn(ro, code)
			k := Kolonne{Kode: col.Code, Ar: col.Year, Type: string(col.Kind)}
			if cmp, ok := oversikt.Compare(c.set, ro, col); ok && ro.Drift != nil {
				switch {
				case cmp.Plan == nil:
					k.UtenRammer = true
				case cmp.Frames != nil:
					r := c.okonomiplanRef(cmp.Plan)
					k.Rammer, k.RammerStadium = &r, string(cmp.Stage)
				}
			}
			o.Kolonner = append(o.Kolonner, k)
		}
		if ro.Drift != nil {
			o.Drift = c.oversiktDel(ro, ly, oversikt.Drift, unit, malform)
			o.Drift.Omrader = []OversiktOmrade{}
			for _, a := range ro.Drift.Omrade {
				oa := OversiktOmrade{Omrade: c.omradeRef(a.Omrade)}
				for _, b := range a.Belop {
					oa.Belop = append(oa.Belop, kr(b.Kr*unit))
					oa.Trykt = append(oa.Trykt, b.Kr)
				}
				o.Drift.Omrader = append(o.Drift.Omrader, oa)
			}
		}
		if ro.Investering != nil {
			o.Investering = c.oversiktDel(ro, ly, oversikt.Investering, unit, malform)
			o.Investering.AlleProsjekter = ro.Investering.AlleProsjekter
		}
		c.site.Oversikter = append(c.site.Oversikter, o)
	}
	slices.SortFunc(c.site.Oversikter, func(a, b *Oversikt) int {
		return cmp.Or(cmp.Compare(b.Ar, a.Ar), cmp.Compare(a.Dokument, b.Dokument), cmp.Compare(a.ID, b.ID))
	})
}

func fortegn(ro *record.Oversikt) oversikt.Fortegn {
	if ro.Fortegn == "" {
		return oversikt.Standard
	}
	return oversikt.Fortegn(ro.Fortegn)
}

// oversiktDel lists the lines of part p as printed (the layout's lines
// with the extra lines in their places), with the sums of the printed
// parts of each computed or detailed line.
func (c *compiler) oversiktDel(ro *record.Oversikt, ly *oversikt.Layout, p oversikt.Part, unit int64, malform string) *Oversikts {
	printed := map[int][]int64{}
	for _, l := range oversikt.PartLines(ro, p) {
		for _, b := range l.Belop {
			printed[l.Nr] = append(printed[l.Nr], b.Kr)
		}
	}
	extras := oversikt.PartExtras(ro, p)
	fig := func(op oversikt.Operand, i int) (int64, bool) {
		f := printed[op.Nr]
		if op.Extra >= 0 {
			f = nil
			for _, b := range extras[op.Extra].Belop {
				f = append(f, b.Kr)
			}
		}
		if i >= len(f) {
			return 0, false
		}
		return f[i], true
	}
	d := &Oversikts{Linjer: []Oversiktslinje{}}
	for _, row := range oversikt.Rows(ly, p, extras) {
		if row.Extra >= 0 {
			e := extras[row.Extra]
			line := Oversiktslinje{Navn: strings.TrimSpace(e.Navn), Ekstra: true, InngarI: e.InngarI, TrekkesFra: e.TrekkesFra, Beregnet: []Kr{}, Avrunding: []Kr{}}
			for _, b := range e.Belop {
				line.Belop = append(line.Belop, kr(b.Kr*unit))
				line.Trykt = append(line.Trykt, b.Kr)
			}
			d.Linjer = append(d.Linjer, line)
			continue
		}
		l, _ := ly.Line(p, row.Nr)
		line := Oversiktslinje{Nr: l.Nr, Navn: l.Name(malform), Trykt: printed[l.Nr], Beregnet: []Kr{}, Avrunding: []Kr{}}
		for _, v := range printed[l.Nr] {
			line.Belop = append(line.Belop, kr(v*unit))
		}
		if ops := oversikt.Operands(ly, p, l, fortegn(ro), extras); ops != nil {
			line.Formel = oversikt.FormulaOf(ops, extras)
			for i, v := range printed[l.Nr] {
				sum, _ := oversikt.SumOf(ops, func(op oversikt.Operand) (int64, bool) { return fig(op, i) })
				line.Beregnet = append(line.Beregnet, kr(sum*unit))
				line.Avrunding = append(line.Avrunding, kr(money.MustSub(v*unit, sum*unit)))
			}
		}
		d.Linjer = append(d.Linjer, line)
	}
	return d
}
