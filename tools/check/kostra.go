package check

import (
	"fmt"
	"slices"
	"strings"

	"github.com/openkommune/portal/tools/kostra"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/tomlpos"
)

// kostraTable checks one data/kostra/ file: written by portal import
// kostra, so a problem here means it was edited by hand or the kommune's
// number changed since.
func (c *checker) kostraTable(k *record.Kostra) {
	s := k.Src
	c.required(s, "tittel", k.Tittel, `"12362: Utgifter per innbygger, …"`)
	c.required(s, "kilde", k.Kilde, fmt.Sprintf("%q", kostra.Kilde))
	c.required(s, "url", k.URL, fmt.Sprintf("%q", kostra.URL(k.ID)))
	c.url(s, "url", k.URL)
	c.required(s, "lisens", k.Lisens, fmt.Sprintf("%q", kostra.Lisens))
	c.url(s, "lisens_url", k.LisensURL)
	c.requiredDate(s, "hentet", k.Hentet)
	if k.Enhet != "kr" {
		c.errorf(s, "enhet", "%q: the portal shows KOSTRA figures in kroner per innbygger; write enhet = \"kr\" or import a table in kr", k.Enhet)
	}
	for i, f := range k.Fast {
		p := tomlpos.Elem("fast", i)
		c.required(s, p+".dimensjon", f.Dimensjon, `"KOKart0000"`)
		c.required(s, p+".kode", f.Kode, `"AGD2"`)
		c.required(s, p+".navn", f.Navn, `"Netto driftsutgifter"`)
	}
	regions := c.kostraRegions(k)
	functions := map[string]bool{}
	if len(k.Funksjon) == 0 {
		c.errorf(s, "funksjon", "missing: a KOSTRA table lists its functions under [[funksjon]]; import the table again")
	}
	for i, f := range k.Funksjon {
		p := tomlpos.Elem("funksjon", i)
		c.required(s, p+".navn", f.Navn, `"Grunnskole"`)
		switch {
		case f.Kode == "":
			c.required(s, p+".kode", f.Kode, `"202"`)
		case !isFunction(f.Kode):
			c.errorf(s, p+".kode", "%q is not a KOSTRA function: three digits, e.g. \"202\"", f.Kode)
		case functions[f.Kode]:
			c.errorf(s, p+".kode", "function %q is listed twice: list each once", f.Kode)
		}
		functions[f.Kode] = true
	}
	seen := map[string]bool{}
	for i, t := range k.Tall {
		p := tomlpos.Elem("tall", i)
		key := fmt.Sprintf("%s/%s/%d", t.Region, t.Funksjon, t.Ar)
		switch {
		case !regions[t.Region]:
			c.errorf(s, p+".region", "region %q is not listed under [[region]]: list it, or remove the figure", t.Region)
		case !functions[t.Funksjon]:
			c.errorf(s, p+".funksjon", "function %q is not listed under [[funksjon]]: list it, or remove the figure", t.Funksjon)
		case t.Ar < 1900 || t.Ar > 2199:
			c.errorf(s, p+".ar", "%d is not a year of KOSTRA figures", t.Ar)
		case t.Verdi.Set == (t.Status != ""):
			c.errorf(s, p, "a figure has either verdi (whole kroner) or status (SSB's mark such as \"..\" where there is no figure), not both or neither")
		case t.Verdi.Kr > kostra.MaxFigure || t.Verdi.Kr < -kostra.MaxFigure:
			c.errorf(s, p+".verdi", "%d kr per innbygger is beyond ±%d: import the table again", t.Verdi.Kr, kostra.MaxFigure)
		case seen[key]:
			c.errorf(s, p, "region %s, function %s, %d has two figures: keep one", t.Region, t.Funksjon, t.Ar)
		}
		seen[key] = true
	}
}

// kostraRegions checks the regions and returns their codes: the kommune
// once (its kommunenummer), at most one KOSTRA group, the country.
func (c *checker) kostraRegions(k *record.Kostra) map[string]bool {
	s := k.Src
	nummer := ""
	if c.set.Kommune != nil {
		nummer = c.set.Kommune.Kommunenummer
	}
	codes := map[string]bool{}
	roles := map[string]int{}
	for i, r := range k.Region {
		p := tomlpos.Elem("region", i)
		want := kostra.Role(r.Kode, nummer)
		c.required(s, p+".navn", r.Navn, `"Kostragruppe 13"`)
		switch {
		case r.Kode == "":
			c.required(s, p+".kode", r.Kode, `"EKG13"`)
		case r.Rolle == "":
			c.required(s, p+".rolle", r.Rolle, `"kostragruppe"`)
		case codes[r.Kode]:
			c.errorf(s, p+".kode", "region %q is listed twice: list each once", r.Kode)
		case r.Rolle != record.KostraKommune && r.Rolle != record.KostraKostragruppe && r.Rolle != record.KostraLandet:
			c.errorf(s, p+".rolle", "%q: the role is kommune, kostragruppe or landet", r.Rolle)
		case nummer != "" && want != r.Rolle:
			c.errorf(s, p+".rolle", "region %q has role %q, but its code makes it %s (kommunenummer %s in kommune.toml): import the table again", r.Kode, r.Rolle, orNone(want), nummer)
		}
		codes[r.Kode] = true
		roles[r.Rolle]++
	}
	if roles[record.KostraKommune] != 1 && !s.Pos.RejectedUnder("region") {
		c.errorf(s, "region", "the table must have the kommune's figures once (region with rolle = \"kommune\", kode = kommunenummer); it has %d: import the table again", roles[record.KostraKommune])
	}
	return codes
}

func orNone(role string) string {
	if role == "" {
		return "no region the portal compares with"
	}
	return "the " + role
}

func isFunction(s string) bool { return len(s) == 3 && strings.Trim(s, "0123456789") == "" }

// kostraFunctions checks that each area's KOSTRA functions are in the
// imported tables, where there are any: a function no table has is a
// typo or needs the table fetched again with it.
func (c *checker) kostraFunctions() {
	r := c.set.Omrader
	if r == nil || len(c.set.Kostra) == 0 {
		return
	}
	have := map[string]bool{}
	var files []string
	for _, k := range c.set.Kostra {
		for _, f := range k.Funksjon {
			have[f.Kode] = true
		}
		files = append(files, k.Src.Path)
	}
	slices.Sort(files)
	for i, o := range r.Omrade {
		for j, f := range o.Kostra {
			if isFunction(f) && !have[f] {
				c.errorf(r.Src, tomlpos.Elem(tomlpos.Elem("omrade", i)+".kostra", j), "KOSTRA function %q is in no imported table (%s): fix the code, or fetch the table again with this function and import it", f, strings.Join(files, ", "))
			}
		}
	}
}
