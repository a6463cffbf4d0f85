package compile

import (
	"cmp"
	"slices"
	"strings"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/oversikt"
	"github.com/openkommune/portal/tools/record"
)

// dokumentKeys name each document in the catalogue.
var dokumentKeys = map[record.OversiktDokument]catalog.Key{
	record.DokArsregnskap: "oversikt_dokument_arsregnskap",
	record.DokArsbudsjett: "oversikt_dokument_arsbudsjett",
	record.DokOkonomiplan: "oversikt_dokument_okonomiplan",
}

// compileOversikter builds the pages, newest year first, then by
// document.
func (c *compiler) compileOversikter() {
	c.site.Oversikter = []*model.Oversikt{}
	malform := string(c.set.Kommune.Malform)
	w := catalog.Must(malform)
	for _, ro := range c.set.Oversikter {
		ly := oversikt.Layouts[ro.Oppsett]
		unit := oversikt.Units[ro.Enhet]
		o := &model.Oversikt{
			ID: ro.ID, Path: "oversikter/" + ro.ID + "/", Ar: ro.Ar, Dokument: string(ro.Dokument),
			Stadium: oversikt.Stage(ro), Oppsett: ro.Oppsett, Enhet: ro.Enhet, Fortegn: string(fortegn(ro)),
			Toleranse: kr(ro.Toleranse * unit), ToleranseTrykt: ro.Toleranse, Kolonner: []model.Kolonne{},
			Vedtak: c.vedtakRefPtr(ro.Vedtak), Lenke: ro.Lenke, Kilde: ro.Src.File, KildeURL: c.kildeURL(ro.Src.File),
		}
		o.Tittel = w.T("oversikt_title", catalog.Args{"Dokument": w.T(dokumentKeys[ro.Dokument], nil), "Ar": ro.Ar})
		for _, code := range ro.Kolonner {
			col, _ := oversikt.OversiktColumn(ro, code)
			k := model.Kolonne{Kode: col.Code, Ar: col.Year, Type: string(col.Kind)}
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
			o.Drift.Omrader = []model.OversiktOmrade{}
			for _, a := range ro.Drift.Omrade {
				oa := model.OversiktOmrade{Omrade: c.omradeRef(a.Omrade)}
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
	slices.SortFunc(c.site.Oversikter, func(a, b *model.Oversikt) int {
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
func (c *compiler) oversiktDel(ro *record.Oversikt, ly *oversikt.Layout, p oversikt.Part, unit int64, malform string) *model.Oversikts {
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
	d := &model.Oversikts{Linjer: []model.Oversiktslinje{}}
	for _, row := range oversikt.Rows(ly, p, extras) {
		if row.Extra >= 0 {
			e := extras[row.Extra]
			line := model.Oversiktslinje{Navn: strings.TrimSpace(e.Navn), Ekstra: true, InngarI: e.InngarI, TrekkesFra: e.TrekkesFra, Beregnet: []model.Kr{}, Avrunding: []model.Kr{}}
			for _, b := range e.Belop {
				line.Belop = append(line.Belop, kr(b.Kr*unit))
				line.Trykt = append(line.Trykt, b.Kr)
			}
			d.Linjer = append(d.Linjer, line)
			continue
		}
		l, _ := ly.Line(p, row.Nr)
		line := model.Oversiktslinje{Nr: l.Nr, Navn: l.Name(malform), Trykt: printed[l.Nr], Beregnet: []model.Kr{}, Avrunding: []model.Kr{}}
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
