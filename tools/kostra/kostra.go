// Package kostra owns turning a KOSTRA table from SSB's statistikkbank
// (a JSON-stat 2.0 dataset, package jsonstat) into the data file
// data/kostra/TABELL.toml (record.Kostra), and writing that file.
//
// # What a table must be
//
// One figure per region, KOSTRA function and year, in kroner:
//
//   - a region dimension (role geo, or SSB's KOKkommuneregion…) holding
//     the kommune (its kommunenummer), and any of its KOSTRA group
//     (EKG01–EKG17) and the country (EAK "Landet", EAKUO "Landet uten
//     Oslo"); no other region;
//   - a function dimension (SSB's KOKfunksjon…) of KOSTRA functions, three
//     digits each;
//   - a time dimension (role time, or Tid) of years;
//   - every other dimension (art, statistikkvariabel) with one category,
//     and a unit of kr if the table gives one;
//   - every figure a whole number, or null with SSB's status mark.
//
// Every problem is reported with the file's line and column and what to
// do; a table with any problem gives no record.
package kostra

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/diag"
	"github.com/openkommune/portal/tools/jsonstat"
	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
)

// The source and licence every KOSTRA table carries: SSB publishes the
// statistikkbank under CC BY 4.0.
const (
	Kilde     = "Statistisk sentralbyrå"
	Lisens    = "CC BY 4.0"
	LisensURL = "https://creativecommons.org/licenses/by/4.0/deed.no"
	tableURL  = "https://www.ssb.no/statbank/table/"
)

// URL is the address of table id in SSB's statistikkbank.
func URL(id string) string { return tableURL + id }

// MaxFigure bounds a figure per innbygger: far above any real one (a few
// hundred thousand kroner), and keeps sums of them exact.
const MaxFigure = 1_000_000_000

var (
	tableNumber = regexp.MustCompile(`^[0-9]{5}$`)
	function    = regexp.MustCompile(`^[0-9]{3}$`)
	group       = regexp.MustCompile(`^EKG[0-9]{2}$`)
	year        = regexp.MustCompile(`^(19|20|21)[0-9]{2}$`)
)

// Options say whose table it is and when it was fetched.
type Options struct {
	Kommunenummer string       // from kommune.toml, e.g. "4601"
	Hentet        caldate.Date // the day the file was saved from SSB
}

// Role tells a region's role from its SSB code, or "" if the portal does
// not compare with it.
func Role(code, kommunenummer string) string {
	switch {
	case code == kommunenummer:
		return record.KostraKommune
	case group.MatchString(code):
		return record.KostraKostragruppe
	case code == "EAK" || code == "EAKUO":
		return record.KostraLandet
	}
	return ""
}

// FromDataset makes the data file's record from a dataset read from src
// (name is the file's name for messages).
func FromDataset(name string, src []byte, ds *jsonstat.Dataset, opt Options) (*record.Kostra, *diag.List) {
	c := &converter{name: name, src: src, ds: ds, opt: opt, diags: &diag.List{}}
	k := c.convert()
	if c.diags.Errors() > 0 {
		return nil, c.diags
	}
	return k, c.diags
}

type converter struct {
	name  string
	src   []byte
	ds    *jsonstat.Dataset
	opt   Options
	diags *diag.List
}

func (c *converter) errorf(off int, format string, args ...any) {
	l, col := jsonstat.LineCol(c.src, off)
	c.diags.Errorf(c.name, l, col, format, args...)
}

func (c *converter) convert() *record.Kostra {
	ds := c.ds
	k := &record.Kostra{ID: c.tableID(), Tittel: c.text(0, "label", ds.Label), Kilde: Kilde, Lisens: Lisens, LisensURL: LisensURL, Hentet: c.opt.Hentet, Oppdatert: c.text(0, "updated", ds.Updated), Enhet: "kr"}
	if k.ID != "" {
		k.URL = URL(k.ID)
	}
	if strings.TrimSpace(k.Tittel) == "" {
		k.Tittel = "Tabell " + k.ID // SSB always gives a label; a file without one is still SSB's table
	}
	if ds.Source != "" && !strings.Contains(ds.Source, "Statistisk sentralbyrå") && !strings.Contains(ds.Source, "Statistics Norway") {
		c.errorf(0, "source is %q: a KOSTRA table comes from Statistisk sentralbyrå; save the table from SSB's statistikkbank", ds.Source)
	}
	region := c.find("a region", "KOKkommuneregion0000", first(ds.Role["geo"]), "KOKkommuneregion")
	fn := c.find("a KOSTRA function", "KOKfunksjon0000", "", "KOKfunksjon")
	tid := c.find("a year", "Tid", first(ds.Role["time"]), "Tid")
	if region == nil || fn == nil || tid == nil {
		return nil
	}
	if region == fn || region == tid || fn == tid {
		c.errorf(c.ds.IDOff, "the same dimension is used for two of region, KOSTRA function and year (role %v): the table needs one dimension for each", ds.Role)
		return nil
	}
	for _, d := range []*jsonstat.Dimension{region, fn, tid} {
		if len(d.Categories) == 0 {
			c.errorf(d.Off, "dimension %q has no categories: the table holds no figures; fetch it again", d.ID)
			return nil
		}
	}
	for _, d := range ds.Dimensions {
		if d != region && d != fn && d != tid {
			k.Fast = append(k.Fast, c.fixed(d))
		}
	}
	k.Region = c.regions(region)
	k.Funksjon = c.functions(fn)
	years := c.years(tid)
	if c.diags.Errors() > 0 {
		return nil
	}
	k.Tall = c.figures(region, fn, tid, years)
	c.order(k)
	return k
}

// text checks a label the file gives for what the data format allows in
// a text (no control or bidirectional characters).
func (c *converter) text(off int, what, s string) string {
	if p := load.TextProblem(s, false); p != "" {
		c.errorf(off, "%s: %s", what, p)
	}
	return s
}

func first(list []string) string {
	if len(list) > 0 {
		return list[0]
	}
	return ""
}

// tableID is SSB's table number: extension.px.tableid, else the number
// the label starts with ("12362: Utgifter per innbygger, …").
func (c *converter) tableID() string {
	id := c.ds.TableID
	if id == "" {
		id, _, _ = strings.Cut(c.ds.Label, ":")
	}
	if !tableNumber.MatchString(id) {
		c.errorf(0, "no SSB table number: the file gives none in extension.px.tableid nor at the start of label (%q); save the table from SSB's statistikkbank as JSON-stat 2.0 (outputFormat=json-stat2)", c.ds.Label)
		return ""
	}
	return id
}

// find returns the dimension with the role's id, else the one whose id
// starts with prefix.
func (c *converter) find(what, want, byRole, prefix string) *jsonstat.Dimension {
	if d := c.ds.Dimension(byRole); d != nil {
		return d
	}
	var found []*jsonstat.Dimension
	for _, d := range c.ds.Dimensions {
		if strings.HasPrefix(d.ID, prefix) {
			found = append(found, d)
		}
	}
	switch len(found) {
	case 1:
		return found[0]
	case 0:
		c.errorf(c.ds.IDOff, "the table has no dimension for %s (SSB's %s): fetch the table again with it, as docs/import.md shows", what, want)
	default:
		c.errorf(c.ds.IDOff, "the table has %d dimensions for %s (%s, %s): the import needs one", len(found), what, found[0].ID, found[1].ID)
	}
	return nil
}

// fixed reads a dimension that must have one category.
func (c *converter) fixed(d *jsonstat.Dimension) record.KostraFast {
	if len(d.Categories) != 1 {
		ids := make([]string, len(d.Categories))
		for i, cat := range d.Categories {
			ids[i] = cat.ID
		}
		c.errorf(d.Off, "dimension %q has %d categories (%s): the import takes one figure per region, function and year; ask SSB for one %s", d.ID, len(d.Categories), strings.Join(ids, ", "), orWord(d.Label, d.ID))
		return record.KostraFast{}
	}
	cat := d.Categories[0]
	if strings.TrimSpace(cat.ID) == "" {
		c.errorf(cat.Off, "dimension %q has a category with an empty id: fetch the table again", d.ID)
	}
	if u := cat.Unit; u != nil && u.Label != "" && u.Label != "kr" && u.Label != "kroner" {
		c.errorf(cat.Off, "the figures of %q are in %q: the portal shows kroner per innbygger; fetch the statistikkvariabel in kr", cat.ID, u.Label)
	}
	return record.KostraFast{Dimensjon: c.text(d.Off, "the dimension id", d.ID), Kode: c.text(cat.Off, "the category id", cat.ID), Navn: c.text(cat.Off, "the label of "+strconv.Quote(cat.ID), orWord(cat.Label, cat.ID))}
}

func orWord(label, id string) string {
	if strings.TrimSpace(label) != "" {
		return label
	}
	return id
}

// regions checks the regions: the kommune, its group and the country.
func (c *converter) regions(d *jsonstat.Dimension) []record.KostraKode {
	var out []record.KostraKode
	seen := map[string]string{}
	for _, cat := range d.Categories {
		role := Role(cat.ID, c.opt.Kommunenummer)
		switch {
		case role == "":
			c.errorf(cat.Off, "region %q (%s) is neither the kommune (%s, kommunenummer in kommune.toml), a KOSTRA group (EKG01–EKG17) nor the country (EAK, EAKUO): leave it out of the query", cat.ID, cat.Label, c.opt.Kommunenummer)
			continue
		case role == record.KostraKostragruppe && seen[role] != "":
			c.errorf(cat.Off, "a second KOSTRA group %q (the first is %q): a kommune is in one group; keep the kommune's own", cat.ID, seen[role])
			continue
		}
		seen[role] = cat.ID
		out = append(out, record.KostraKode{Kode: cat.ID, Navn: c.text(cat.Off, "the label of region "+strconv.Quote(cat.ID), orWord(cat.Label, cat.ID)), Rolle: role})
	}
	if seen[record.KostraKommune] == "" {
		c.errorf(d.Off, "the table has no figures for the kommune %s (kommunenummer in kommune.toml): fetch it with region %s (or fix kommunenummer)", c.opt.Kommunenummer, c.opt.Kommunenummer)
	}
	return out
}

// functions checks the KOSTRA functions: three digits each.
func (c *converter) functions(d *jsonstat.Dimension) []record.KostraFunksjon {
	var out []record.KostraFunksjon
	for _, cat := range d.Categories {
		if !function.MatchString(cat.ID) {
			c.errorf(cat.Off, "%q (%s) is not a KOSTRA function: a function is three digits, e.g. \"202\"; fetch single functions, not SSB's groups of them", cat.ID, cat.Label)
			continue
		}
		out = append(out, record.KostraFunksjon{Kode: cat.ID, Navn: c.text(cat.Off, "the label of function "+strconv.Quote(cat.ID), orWord(cat.Label, cat.ID))})
	}
	return out
}

// years reads the time dimension's categories as years.
func (c *converter) years(d *jsonstat.Dimension) []int {
	out := make([]int, len(d.Categories))
	for i, cat := range d.Categories {
		if !year.MatchString(cat.ID) {
			c.errorf(cat.Off, "time %q is not a year: KOSTRA figures are yearly; fetch years (e.g. \"2024\")", cat.ID)
			continue
		}
		out[i], _ = strconv.Atoi(cat.ID)
	}
	return out
}

// figures reads one figure per region, function and year.
func (c *converter) figures(region, fn, tid *jsonstat.Dimension, years []int) []record.KostraTall {
	at := map[string]string{}
	for _, d := range c.ds.Dimensions {
		at[d.ID] = d.Categories[0].ID
	}
	var out []record.KostraTall
	for _, r := range region.Categories {
		for _, f := range fn.Categories {
			for i, y := range tid.Categories {
				at[region.ID], at[fn.ID], at[tid.ID] = r.ID, f.ID, y.ID
				v, err := c.ds.Lookup(at)
				if err != nil {
					c.errorf(0, "%v", err)
					continue
				}
				t := record.KostraTall{Region: r.ID, Funksjon: f.ID, Ar: years[i]}
				if t.Verdi, t.Status = c.figure(v, r, f, y); t.Verdi.Set || t.Status != "" {
					out = append(out, t)
				}
			}
		}
	}
	return out
}

// figure reads one value: whole kroner, or null with its status.
func (c *converter) figure(v jsonstat.Value, r, f, y jsonstat.Category) (money.Amount, string) {
	if v.Null {
		return money.Amount{}, v.Status
	}
	n, err := strconv.ParseInt(v.Text, 10, 64)
	if err != nil || n > MaxFigure || n < -MaxFigure {
		what := "is not whole kroner"
		if err == nil || strings.Contains(err.Error(), "range") {
			what = fmt.Sprintf("is beyond ±%d kr per innbygger", MaxFigure)
		}
		c.errorf(v.Off, "the figure %s for region %s, function %s, %s %s: KOSTRA figures per innbygger are whole kroner; fetch the table again", v.Text, r.ID, f.ID, y.ID, what)
		return money.Amount{}, ""
	}
	return money.Kroner(n), v.Status
}

// order sorts the regions kommune, group, country, and the functions and
// figures by code and year, so that the same table always gives the same
// file however SSB ordered it.
func (c *converter) order(k *record.Kostra) {
	rank := map[string]int{record.KostraKommune: 0, record.KostraKostragruppe: 1, record.KostraLandet: 2}
	slices.SortFunc(k.Region, func(a, b record.KostraKode) int {
		return cmp.Or(cmp.Compare(rank[a.Rolle], rank[b.Rolle]), cmp.Compare(a.Kode, b.Kode))
	})
	slices.SortFunc(k.Funksjon, func(a, b record.KostraFunksjon) int { return cmp.Compare(a.Kode, b.Kode) })
	pos := map[string]int{}
	for i, r := range k.Region {
		pos[r.Kode] = i
	}
	slices.SortFunc(k.Tall, func(a, b record.KostraTall) int {
		return cmp.Or(cmp.Compare(pos[a.Region], pos[b.Region]), cmp.Compare(a.Funksjon, b.Funksjon), cmp.Compare(a.Ar, b.Ar))
	})
}
