package searchindex

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/search"
)

// Doc is one searchable record before indexing.
type Doc struct {
	Key      string // stable and unique: "vedtak/kst-2025-014#2"
	Tittel   string
	Tekst    string
	Keywords []search.FieldValue
	Numbers  map[string]float64
	Dates    map[string]time.Time
	Result   search.ResultDoc
	// Parent is the Key of the record this document is a part of (a
	// vedtakspunkt's vedtak, a tiltak's plan), or "".
	Parent string
}

func (d *Doc) kw(field string, values ...string) {
	for _, v := range values {
		if v = strings.ToLower(strings.TrimSpace(v)); v != "" {
			d.Keywords = append(d.Keywords, search.FieldValue{Field: field, Value: v})
		}
	}
}

func (d *Doc) num(field string, v float64) {
	if d.Numbers == nil {
		d.Numbers = map[string]float64{}
	}
	d.Numbers[field] = v
}

func (d *Doc) date(field, iso string) {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return
	}
	if d.Dates == nil {
		d.Dates = map[string]time.Time{}
	}
	d.Dates[field] = t
	d.kw(field+"_aar", strconv.Itoa(t.Year()))
}

// declared indexes the values of the fields record type rec declares
// searchable (record's `portal` tags; search.Fields has them), each by
// its kind.
func (d *Doc) declared(rec reflect.Type, felter []model.Felt) {
	searched := map[string]bool{}
	for _, f := range record.DeclaredFields(rec) {
		searched[f.Name] = f.Search
	}
	for _, f := range felter {
		sf, ok := search.FieldByName(f.Felt)
		if !ok || !searched[f.Felt] {
			continue
		}
		switch sf.Kind {
		case search.Keyword:
			d.kw(f.Felt, f.Verdi)
		case search.Number:
			if n, err := strconv.ParseFloat(f.Verdi, 64); err == nil {
				d.num(f.Felt, n)
			}
		case search.Date:
			d.date(f.Felt, f.Verdi)
		}
	}
}

// Docs turns the compiled site into search documents, one per vedtak,
// vedtakspunkt, plan, tiltak, rammeområde and prosjekt.
func Docs(site *model.Site) []*Doc {
	var docs []*Doc
	for _, v := range site.Vedtak {
		d := &Doc{Key: "vedtak/" + v.ID, Tittel: v.Tittel, Tekst: PlainText(v.Tekst)}
		d.kw("type", "vedtak")
		d.kw("aar", strconv.Itoa(v.Ar))
		d.kw("utvalg", v.Utvalg.Kode)
		d.kw("sak", v.Saksnummer)
		d.kw("arkivsak", v.Arkivsak)
		d.date("dato", v.Dato.ISO)
		d.Result = search.ResultDoc{Type: "vedtak", Title: v.Tittel, URL: v.Path, Date: v.Dato.ISO, Label: v.Merke, Text: d.Tekst}
		docs = append(docs, d)
		for _, p := range v.Punkter {
			var text []string
			text = append(text, p.Tekst)
			if p.Ansvarlig != "" {
				text = append(text, p.Ansvarlig+".")
			}
			for _, o := range p.Oppfolging {
				text = append(text, o.Tekst)
			}
			pd := &Doc{Key: fmt.Sprintf("vedtak/%s#%03d", v.ID, p.Nr), Tittel: v.Tittel, Tekst: PlainText(strings.Join(text, "\n"))}
			pd.kw("type", "vedtakspunkt")
			pd.kw("aar", strconv.Itoa(v.Ar))
			pd.kw("utvalg", v.Utvalg.Kode)
			pd.kw("status", p.Status)
			if p.Forsinket {
				pd.kw("status", "forsinket")
			}
			pd.kw("sak", v.Saksnummer)
			pd.kw("arkivsak", v.Arkivsak)
			pd.date("dato", v.Dato.ISO)
			if p.Frist != nil {
				pd.date("frist", p.Frist.ISO)
			}
			pd.Parent = d.Key
			pd.Result = search.ResultDoc{Type: "vedtakspunkt", Title: fmt.Sprintf("%s, punkt %d", v.Tittel, p.Nr),
				URL: fmt.Sprintf("%s#punkt-%d", v.Path, p.Nr), Date: v.Dato.ISO, Label: v.Merke, Text: pd.Tekst}
			docs = append(docs, pd)
		}
	}
	for _, p := range site.Planer {
		var text []string
		text = append(text, p.Beskrivelse)
		for _, s := range p.Satsingsomrader {
			text = append(text, s.Navn+".", s.Beskrivelse)
			for _, m := range s.Mal {
				text = append(text, m.Tekst)
			}
		}
		d := &Doc{Key: "plan/" + p.ID, Tittel: p.Tittel, Tekst: PlainText(strings.Join(text, "\n"))}
		d.kw("type", "plan")
		d.kw("aar", strconv.Itoa(p.FraAr))
		d.kw("status", p.Status)
		d.kw("plan", p.ID)
		date := ""
		if p.Vedtatt != nil {
			date = p.Vedtatt.Dato
			d.date("dato", date)
		}
		d.Result = search.ResultDoc{Type: "plan", Title: p.Tittel, URL: p.Path, Date: date,
			Label: fmt.Sprintf("%d–%d", p.FraAr, p.TilAr), Text: d.Tekst}
		docs = append(docs, d)
		for _, t := range p.Tiltak {
			td := &Doc{Key: "plan/" + p.ID + "#" + t.ID, Tittel: t.Tittel,
				Tekst: PlainText(strings.Join([]string{t.Beskrivelse, t.Ansvarlig, t.Begrunnelse}, "\n"))}
			td.kw("type", "tiltak")
			td.kw("aar", strconv.Itoa(p.FraAr))
			td.kw("status", t.Status)
			td.kw("fase", t.Fase)
			td.kw("plan", p.ID)
			for _, o := range t.Omrader {
				td.kw("rammeomrade", o.ID)
			}
			if date != "" {
				td.date("dato", date)
			}
			td.Parent = d.Key
			td.Result = search.ResultDoc{Type: "tiltak", Title: t.Tittel, URL: p.Path + "#" + t.Anchor, Date: date, Label: p.Tittel, Text: td.Tekst}
			docs = append(docs, td)
		}
	}
	for _, o := range site.Omrader {
		d := &Doc{Key: "rammeomrade/" + o.ID, Tittel: o.Etikett, // with its nummer, as the budget prints it
			Tekst: PlainText(strings.Join(append([]string{o.Beskrivelse, o.Ansvarlig}, o.Kostra...), "\n"))}
		d.kw("type", "rammeomrade")
		d.kw("rammeomrade", o.ID)
		label := ""
		if n := len(o.Rammer); n > 0 {
			r := o.Rammer[0] // the first plan year of the latest økonomiplan
			d.num("belop", float64(r.Regulert.Kr))
			label = fmt.Sprintf("%d: %s", r.Ar, r.Regulert.Tekst)
		}
		d.Result = search.ResultDoc{Type: "rammeomrade", Title: o.Etikett, URL: o.Path, Label: label, Text: d.Tekst}
		docs = append(docs, d)
	}
	for _, p := range site.Prosjekter {
		text := []string{p.Nummer, p.Beskrivelse, p.Sted, p.Ansvarlig}
		for _, s := range p.Statusrapporter {
			text = append(text, s.Kommentar)
		}
		if p.Sluttregnskap != nil {
			text = append(text, p.Sluttregnskap.Vurdering)
		}
		d := &Doc{Key: "prosjekt/" + p.ID, Tittel: p.Navn, Tekst: PlainText(strings.Join(text, "\n"))}
		d.kw("type", "prosjekt")
		d.kw("nummer", p.Nummer)
		d.kw("aar", strconv.Itoa(p.StartAr))
		d.kw("rammeomrade", p.Omrade.ID)
		d.kw("fase", p.Fase)
		d.declared(reflect.TypeFor[record.Prosjekt](), p.Felter)
		if p.OverRamme {
			d.kw("status", "over_ramme")
		}
		if p.ForsinkelseMnd > 0 {
			d.kw("status", "forsinket")
		}
		d.num("kostnadsramme", float64(p.Justert.Kr))
		label := p.Justert.Tekst
		if p.AvvikJustertPct != nil {
			d.num("avvik_prosent", p.AvvikJustertPct.Verdi)
			label += ", avvik " + p.AvvikJustertPct.Tekst
		}
		if p.AvvikJustert != nil {
			d.num("avvik_kr", float64(p.AvvikJustert.Kr))
		}
		if p.Prognose != nil {
			d.num("belop", float64(p.Prognose.Kr))
		}
		date := ""
		if n := len(p.Statusrapporter); n > 0 {
			date = p.Statusrapporter[n-1].Dato.ISO
			d.date("dato", date)
		}
		d.Result = search.ResultDoc{Type: "prosjekt", Title: p.Navn, URL: p.Path, Date: date, Label: label, Text: d.Tekst}
		docs = append(docs, d)
	}
	return docs
}

var (
	mdLink     = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdLineMark = regexp.MustCompile(`(?m)^\s{0,3}(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)`)
	mdEmph     = regexp.MustCompile("[*_`]{1,3}")
	spaces     = regexp.MustCompile(`\s+`)
)

// PlainText turns Markdown into the words a reader sees, on one line.
func PlainText(md string) string {
	s := mdLink.ReplaceAllString(md, "$1")
	s = mdLineMark.ReplaceAllString(s, "")
	s = mdEmph.ReplaceAllString(s, "")
	return strings.TrimSpace(spaces.ReplaceAllString(s, " "))
}
