package compile

import (
	"cmp"
	"slices"

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
	Type string `json:"type"` // regnskap, vedtatt, regulert, budsjett (last year's, not reconciled)
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

// Oversiktslinje is one statutory line.
type Oversiktslinje struct {
	Nr     int    `json:"nr"`
	Navn   string `json:"navn"`   // in the kommune's målform
	Formel string `json:"formel"` // for a computed line, its parts as printed: "1 + 2 + 3 + 4"; else ""
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
			col, _ := oversikt.ParseColumn(ro.Dokument, ro.Ar, code)
			o.Kolonner = append(o.Kolonner, Kolonne{Kode: col.Code, Ar: col.Year, Type: string(col.Kind)})
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

// oversiktDel lists the lines of part p in the layout's order, with the
// computed lines' sums of their printed parts.
func (c *compiler) oversiktDel(ro *record.Oversikt, ly *oversikt.Layout, p oversikt.Part, unit int64, malform string) *Oversikts {
	printed := map[int][]int64{}
	for _, l := range oversikt.PartLines(ro, p) {
		for _, b := range l.Belop {
			printed[l.Nr] = append(printed[l.Nr], b.Kr)
		}
	}
	d := &Oversikts{Linjer: []Oversiktslinje{}}
	for _, l := range ly.Lines[p] {
		line := Oversiktslinje{Nr: l.Nr, Navn: l.Name(malform), Trykt: printed[l.Nr], Beregnet: []Kr{}, Avrunding: []Kr{}}
		for _, v := range printed[l.Nr] {
			line.Belop = append(line.Belop, kr(v*unit))
		}
		if l.Computed() {
			line.Formel = oversikt.Formula(ly, p, l, fortegn(ro))
			for i, v := range printed[l.Nr] {
				sum, _ := oversikt.Sum(ly, p, l, fortegn(ro), func(nr int) (int64, bool) { return printed[nr][i], true })
				line.Beregnet = append(line.Beregnet, kr(sum*unit))
				line.Avrunding = append(line.Avrunding, kr(money.MustSub(v*unit, sum*unit)))
			}
		}
		d.Linjer = append(d.Linjer, line)
	}
	return d
}
