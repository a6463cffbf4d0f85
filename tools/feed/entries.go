package feed

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
)

// vedtakFeed is the newest vedtak, newest first.
func (g *gen) vedtakFeed() *atomFeed {
	vs := slices.Clone(g.site.Vedtak)
	slices.SortFunc(vs, func(a, b *model.Vedtak) int {
		return cmp.Or(cmp.Compare(b.Dato.ISO, a.Dato.ISO), cmp.Compare(a.ID, b.ID))
	})
	if len(vs) > maxVedtak {
		vs = vs[:maxVedtak]
	}
	var es []entry
	for _, v := range vs {
		es = append(es, g.vedtakEntry(v))
	}
	k := g.site.Kommune
	return g.feed("feed/vedtak", vedtakPath, vedtakPage,
		g.w.T("feed_vedtak_title", catalog.Args{"Kommune": k.Navn}),
		g.w.T("feed_vedtak_subtitle", catalog.Args{"Count": len(vs), "Kommunestyret": k.Kommunestyret}),
		es)
}

func (g *gen) vedtakEntry(v *model.Vedtak) entry {
	var s strings.Builder
	if v.Utvalg.Navn != "" {
		s.WriteString(v.Utvalg.Navn + ", ")
	}
	s.WriteString(v.Dato.Tekst + ". ")
	n := len(v.Punkter)
	if n == 0 {
		s.WriteString(g.w.T("feed_no_points", nil))
	} else {
		s.WriteString(g.w.T("feed_points", catalog.Args{"Count": n}))
		if v.Apne == 0 {
			s.WriteString(g.w.T("feed_followed_up", catalog.Args{"Count": n}))
		} else {
			s.WriteString(g.w.T("feed_open", catalog.Args{"Count": v.Apne}))
			if v.Forsinket > 0 {
				s.WriteString(g.w.T("feed_late", catalog.Args{"Count": v.Forsinket}))
			}
			s.WriteString(".")
		}
	}
	text := v.Tekst
	if strings.TrimSpace(text) == "" && n > 0 {
		text = v.Punkter[0].Tekst
	}
	if x := excerpt(text, excerptSize); x != "" {
		s.WriteString(" " + x)
	}
	e := entry{date: g.dateOr(v.Dato.ISO)}
	e.ID = g.tag + "vedtak/" + v.ID
	e.Title = plain(v.Merke + ": " + v.Tittel)
	e.Updated = timestamp(e.date)
	e.Links = []atomLink{g.alternate(v.Path)}
	if v.Utvalg.Kode != "" {
		e.Categories = []atomCategory{{Term: v.Utvalg.Kode, Label: v.Utvalg.Navn}}
	}
	e.Summary = plain(s.String())
	return e
}

// dateOr returns iso if it is a date, else the reference date.
func (g *gen) dateOr(iso string) string {
	if _, err := time.Parse(time.DateOnly, iso); err == nil {
		return iso
	}
	return g.site.Kommune.Referansedato.ISO
}

// Kinds of project events, in the order they sort on the same date
// (a later kind is shown above an earlier one).
const (
	seqRamme = (iota + 1) * 1000
	seqBevilgning
	seqStatus
	seqSluttregnskap
)

// prosjektFeed is every change to a project, newest first.
func (g *gen) prosjektFeed(p *model.Prosjekt) *atomFeed {
	k := g.site.Kommune
	return g.feed("feed/prosjekt/"+p.ID, prosjektPath(p.ID), p.Path,
		g.w.T("feed_prosjekt_title", catalog.Args{"Navn": p.Navn}),
		g.w.T("feed_prosjekt_subtitle", catalog.Args{"Nummer": p.Nummer, "Kommune": k.Navn}),
		g.prosjektEntries(p))
}

func (g *gen) prosjektEntries(p *model.Prosjekt) []entry {
	id := g.tag + "prosjekt/" + p.ID + "/"
	var es []entry
	add := func(key, date string, seq int, title, summary string, related []atomLink) {
		e := entry{date: g.dateOr(date), seq: seq}
		e.ID = id + key
		e.Title = plain(title)
		e.Updated = timestamp(e.date)
		e.Links = append([]atomLink{g.alternate(p.Path)}, related...)
		e.Summary = plain(summary)
		es = append(es, e)
	}
	for i, s := range p.Rammehistorikk {
		var title string
		switch s.Type {
		case "opprinnelig":
			title = g.w.T("feed_ramme_opprinnelig", catalog.Args{"Belop": s.Belop.Tekst})
		case "tillegg":
			title = g.w.T("feed_ramme_tillegg", catalog.Args{"Belop": s.Belop.Tekst})
		case "reduksjon":
			title = g.w.T("feed_ramme_reduksjon", catalog.Args{"Belop": money.FormatKr(money.Abs(s.Belop.Kr))})
		default:
			title = s.Type + ": " + s.Belop.Tekst
		}
		add("ramme/"+strconv.Itoa(i+1), s.Dato.ISO, seqRamme+i, title,
			sentence(s.Tekst)+g.decided(s.Vedtak)+g.w.T("feed_ramme_after", catalog.Args{"Belop": s.Ramme.Tekst}),
			g.related(s.Vedtak))
	}
	for i, b := range p.Bevilgninger {
		add("bevilgning/"+strconv.Itoa(i+1), b.Vedtak.Dato, seqBevilgning+i,
			g.w.T("feed_bevilgning", catalog.Args{"Ar": b.Ar, "Belop": b.Belop.Tekst}),
			strings.TrimSpace(g.decided(b.Vedtak)),
			g.related(b.Vedtak))
	}
	for i, s := range p.Statusrapporter {
		var sum strings.Builder
		sum.WriteString(g.w.T("feed_prognose", catalog.Args{"Belop": s.Prognose.Tekst}) + ".")
		if s.ForventetFerdig != nil {
			sum.WriteString(" " + g.w.T("feed_expected_done", catalog.Args{"Dato": s.ForventetFerdig.Tekst}))
		}
		if r := g.risiko(s.Risiko); r != "" {
			sum.WriteString(" " + r + ".")
		}
		if c := strings.TrimSpace(s.Kommentar); c != "" {
			sum.WriteString(" " + sentence(c))
		}
		add("status/"+strconv.Itoa(s.Ar)+"-"+s.Periode, s.Dato.ISO, seqStatus+i,
			g.w.T("feed_status_title", catalog.Args{"Periode": g.periode(s.Periode, s.Ar), "Belop": s.Prognose.Tekst}),
			strings.TrimSpace(sum.String()), nil)
	}
	if sr := p.Sluttregnskap; sr != nil {
		sum := g.w.T("feed_sluttregnskap_approved", catalog.Args{"Vedtak": g.ref(sr.Vedtak)}) + " " +
			g.w.T("feed_sluttregnskap_deviation", catalog.Args{"Avvik": signed(sr.Avvik.Kr)})
		if v := strings.TrimSpace(sr.Vurdering); v != "" {
			sum += " " + sentence(v)
		}
		add("sluttregnskap", sr.Vedtak.Dato, seqSluttregnskap,
			g.w.T("feed_sluttregnskap_title", catalog.Args{"Belop": sr.Belop.Tekst}),
			strings.TrimSpace(sum), g.related(sr.Vedtak))
	}
	return es
}

// decided says which vedtak made a change: "Vedtatt i KST 014/25
// (13. mars 2025): Tittel. ", or "" without a vedtak.
func (g *gen) decided(r model.Ref) string {
	if r.ID == "" {
		return ""
	}
	return g.w.T("feed_decided", catalog.Args{"Vedtak": g.ref(r)}) + " "
}

// ref writes a vedtak reference: "KST 014/25 (13. mars 2025): Tittel".
func (g *gen) ref(r model.Ref) string {
	s := r.Merke
	if s == "" {
		s = r.ID
	}
	if d, err := caldate.Parse(r.Dato); err == nil {
		s += " (" + d.Norwegian() + ")"
	}
	if r.Tittel != "" {
		s += ": " + strings.TrimRight(r.Tittel, ".")
	}
	return s
}

func (g *gen) periode(p string, ar int) string {
	switch p {
	case "t1":
		return g.w.T("feed_periode_t1", catalog.Args{"Ar": ar})
	case "t2":
		return g.w.T("feed_periode_t2", catalog.Args{"Ar": ar})
	case "arsregnskap":
		return g.w.T("feed_periode_arsregnskap", catalog.Args{"Ar": ar})
	}
	return p + " " + strconv.Itoa(ar)
}

func (g *gen) risiko(r string) string {
	switch r {
	case "gronn":
		return g.w.T("risiko_gronn", nil)
	case "gul":
		return g.w.T("risiko_gul", nil)
	case "rod":
		return g.w.T("risiko_rod", nil)
	}
	return ""
}

// varselFeed is an alert per project over the kommune's threshold.
func (g *gen) varselFeed() *atomFeed {
	k := g.site.Kommune
	var es []entry
	for _, p := range g.site.Prosjekter {
		if p.Varsel {
			es = append(es, g.varselEntry(p))
		}
	}
	return g.feed("feed/overskridelser", varselPath, varselPage,
		g.w.T("feed_varsel_title", catalog.Args{"Kommune": k.Navn}),
		g.w.T("feed_varsel_subtitle", catalog.Args{"Terskel": k.OverskridelseVarsel.Tekst}),
		es)
}

func (g *gen) varselEntry(p *model.Prosjekt) entry {
	k := g.site.Kommune
	// The forecast's source, its date and its key in the id.
	source, date, key := "", "", "prognose"
	if p.PrognoseKilde == "sluttregnskap" && p.Sluttregnskap != nil {
		source = g.w.T("feed_source_sluttregnskap", catalog.Args{"Vedtak": p.Sluttregnskap.Vedtak.Merke})
		date, key = p.Sluttregnskap.Vedtak.Dato, "sluttregnskap"
	} else if n := len(p.Statusrapporter); n > 0 {
		s := p.Statusrapporter[n-1]
		source = g.w.T("feed_source_status", catalog.Args{"Periode": g.periode(s.Periode, s.Ar)})
		date, key = s.Dato.ISO, strconv.Itoa(s.Ar)+"-"+s.Periode
	}
	if _, err := time.Parse(time.DateOnly, date); err != nil {
		date = latest(g.prosjektEntries(p))
	}
	var prognose, avvik, pct string
	if p.Prognose != nil {
		prognose = p.Prognose.Tekst
	}
	if p.AvvikJustert != nil {
		avvik = signed(p.AvvikJustert.Kr)
	}
	if p.AvvikJustertPct != nil {
		pct = p.AvvikJustertPct.Tekst
	}
	var s strings.Builder
	s.WriteString(g.w.T("feed_prognose", catalog.Args{"Belop": prognose}))
	if source != "" {
		s.WriteString(" (" + source + ")")
	}
	s.WriteString(". " + g.w.T("feed_varsel_frame", catalog.Args{"Belop": p.Justert.Tekst}) + " ")
	s.WriteString(g.w.T("feed_varsel_deviation", catalog.Args{"Avvik": avvik, "Pct": pct}) + " ")
	s.WriteString(g.w.T("feed_varsel_threshold", catalog.Args{"Terskel": k.OverskridelseVarsel.Tekst}))
	if p.Risiko != "" && p.PrognoseKilde != "sluttregnskap" {
		s.WriteString(" " + g.risiko(p.Risiko) + ".")
	}

	// Among alerts of the same date, the largest deviation first.
	e := entry{date: g.dateOr(date)}
	if p.AvvikJustertPct != nil {
		e.seq = int(math.Round(p.AvvikJustertPct.Verdi * 10))
	}
	e.ID = g.tag + "varsel/" + p.ID + "/" + key
	e.Title = plain(g.w.T("feed_varsel_entry_title", catalog.Args{"Navn": p.Navn, "Pct": pct}))
	e.Updated = timestamp(e.date)
	e.Links = []atomLink{g.alternate(p.Path)}
	e.Summary = plain(s.String())
	return e
}

// latest is the newest date among es, or "".
func latest(es []entry) string {
	d := ""
	for _, e := range es {
		d = max(d, e.date)
	}
	return d
}

// signed writes an amount with its sign: "+8 000 000 kr", "−2 000 000 kr".
func signed(n int64) string {
	if n > 0 {
		return "+" + money.FormatKr(n)
	}
	return money.FormatKr(n)
}

// sentence ends s with a full stop and a space, or returns "" for no text.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if !strings.ContainsAny(s[len(s)-1:], ".!?…") {
		s += "."
	}
	return s + " "
}

var (
	mdLink   = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdMarker = regexp.MustCompile(`(?m)^\s*(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)`)
	mdEmph   = strings.NewReplacer("**", "", "__", "", "*", "", "`", "")
)

// excerpt turns Markdown into plain text on one line and cuts it to at
// most n runes at a word boundary, ending with "…" when cut.
func excerpt(md string, n int) string {
	s := mdLink.ReplaceAllString(md, "$1")
	s = mdMarker.ReplaceAllString(s, "")
	s = mdEmph.Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := []rune(s)[:n]
	if i := lastSpace(cut); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(string(cut), " ,;:–-") + "…"
}

func lastSpace(rs []rune) int {
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i] == ' ' {
			return i
		}
	}
	return -1
}
