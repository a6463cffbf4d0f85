package compile

import (
	"cmp"
	"slices"

	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
)

// KostraAr is how many of the latest years an area's KOSTRA figures show.
const KostraAr = 3

// compileKostra gives each area with KOSTRA functions its figures from the
// table that has most of them (then the one fetched last, then the lowest
// table number).
func (c *compiler) compileKostra() {
	if c.set.Omrader == nil || len(c.set.Kostra) == 0 {
		return
	}
	tables := slices.Clone(c.set.Kostra)
	slices.SortFunc(tables, func(a, b *record.Kostra) int {
		return cmp.Or(-cmp.Compare(a.Hentet.String(), b.Hentet.String()), cmp.Compare(a.ID, b.ID))
	})
	for _, ro := range c.set.Omrader.Omrade {
		o := c.omrader[ro.ID]
		if o == nil || len(ro.Kostra) == 0 {
			continue
		}
		var best *record.Kostra
		most := 0
		for _, k := range tables {
			if n := covered(k, ro.Kostra); n > most {
				best, most = k, n
			}
		}
		if best != nil {
			o.KostraTall = omradeKostra(best, ro.Kostra)
		}
	}
}

func covered(k *record.Kostra, functions []string) int {
	n := 0
	for _, f := range k.Funksjon {
		if slices.Contains(functions, f.Kode) {
			n++
		}
	}
	return n
}

// omradeKostra takes the area's functions' figures out of the table.
func omradeKostra(k *record.Kostra, functions []string) *model.OmradeKostra {
	type key struct {
		region, fn string
		ar         int
	}
	figures := map[key]record.KostraTall{}
	var years []int
	for _, t := range k.Tall {
		if slices.Contains(functions, t.Funksjon) {
			figures[key{t.Region, t.Funksjon, t.Ar}] = t
			years = append(years, t.Ar)
		}
	}
	slices.Sort(years)
	years = slices.Compact(years)
	years = years[max(0, len(years)-KostraAr):]
	out := &model.OmradeKostra{
		Kilde: model.KostraKilde{Tabell: k.ID, Tittel: k.Tittel, Kilde: k.Kilde, URL: k.URL, Lisens: k.Lisens, LisensURL: k.LisensURL, Hentet: dato(k.Hentet), Fil: k.Src.File},
		Ar:    years,
	}
	for _, r := range k.Region {
		out.Regioner = append(out.Regioner, model.KostraRegion{Kode: r.Kode, Navn: r.Navn, Rolle: r.Rolle})
	}
	for _, f := range k.Funksjon {
		if !slices.Contains(functions, f.Kode) {
			continue
		}
		kf := model.KostraFunksjon{Kode: f.Kode, Navn: f.Navn}
		for _, r := range k.Region {
			row := model.KostraRad{Region: r.Kode}
			for _, y := range years {
				row.Tall = append(row.Tall, kostraTall(figures[key{r.Kode, f.Kode, y}]))
			}
			kf.Rader = append(kf.Rader, row)
		}
		out.Funksjoner = append(out.Funksjoner, kf)
	}
	return out
}

func kostraTall(t record.KostraTall) model.KostraTall {
	switch {
	case t.Verdi.Set:
		v := t.Verdi.Kr
		return model.KostraTall{Verdi: &v, Tekst: money.Format(v)}
	case t.Status != "":
		return model.KostraTall{Tekst: t.Status}
	}
	return model.KostraTall{Tekst: "–"}
}
