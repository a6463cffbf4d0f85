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

	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/money"
)

// vedtakFeed is the newest vedtak, newest first.
func (g *gen) vedtakFeed() *atomFeed {
	vs := slices.Clone(g.site.Vedtak)
	slices.SortFunc(vs, func(a, b *compile.Vedtak) int {
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
		g.t("Nye vedtak – ", "Nye vedtak – ")+k.Navn,
		g.t("De "+strconv.Itoa(maxVedtak)+" nyeste vedtakene i kommunestyret og utvalgene, med vedtakspunkter og oppfølging.",
			"Dei "+strconv.Itoa(maxVedtak)+" nyaste vedtaka i kommunestyret og utvala, med vedtakspunkt og oppfølging."),
		es)
}

func (g *gen) vedtakEntry(v *compile.Vedtak) entry {
	var s strings.Builder
	if v.Utvalg.Navn != "" {
		s.WriteString(v.Utvalg.Navn + ", ")
	}
	s.WriteString(v.Dato.Tekst + ". ")
	n := len(v.Punkter)
	switch {
	case n == 0:
		s.WriteString(g.t("Ingen nummererte vedtakspunkter.", "Ingen nummererte vedtakspunkt."))
	case n == 1:
		s.WriteString(g.t("1 vedtakspunkt", "1 vedtakspunkt"))
	default:
		s.WriteString(strconv.Itoa(n) + g.t(" vedtakspunkter", " vedtakspunkt"))
	}
	if n > 0 {
		if v.Apne == 0 && n == 1 {
			s.WriteString(g.t(", fulgt opp.", ", følgt opp."))
		} else if v.Apne == 0 {
			s.WriteString(g.t(", alle fulgt opp.", ", alle følgde opp."))
		} else {
			if v.Apne == 1 {
				s.WriteString(g.t(", 1 åpent", ", 1 ope"))
			} else {
				s.WriteString(", " + strconv.Itoa(v.Apne) + g.t(" åpne", " opne"))
			}
			if v.Forsinket > 0 {
				s.WriteString(", " + strconv.Itoa(v.Forsinket) + g.t(" forsinket", " forseinka"))
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
func (g *gen) prosjektFeed(p *compile.Prosjekt) *atomFeed {
	k := g.site.Kommune
	return g.feed("feed/prosjekt/"+p.ID, prosjektPath(p.ID), p.Path,
		p.Navn+g.t(": endringer", ": endringar"),
		g.t("Kostnadsramme, bevilgninger, statusrapporter og sluttregnskap for prosjekt "+p.Nummer+" i "+k.Navn+", nyeste først.",
			"Kostnadsramme, løyvingar, statusrapportar og sluttrekneskap for prosjekt "+p.Nummer+" i "+k.Navn+", nyaste først."),
		g.prosjektEntries(p))
}

func (g *gen) prosjektEntries(p *compile.Prosjekt) []entry {
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
			title = g.t("Opprinnelig kostnadsramme vedtatt: ", "Opphavleg kostnadsramme vedteken: ") + s.Belop.Tekst
		case "tillegg":
			title = g.t("Tilleggsbevilgning på ", "Tilleggsløyving på ") + s.Belop.Tekst
		case "reduksjon":
			title = g.t("Kostnadsrammen redusert med ", "Kostnadsramma redusert med ") + money.FormatKr(money.Abs(s.Belop.Kr))
		default:
			title = s.Type + ": " + s.Belop.Tekst
		}
		add("ramme/"+strconv.Itoa(i+1), s.Dato.ISO, seqRamme+i, title,
			sentence(s.Tekst)+g.decided(s.Vedtak)+g.t("Kostnadsramme etter vedtaket: ", "Kostnadsramme etter vedtaket: ")+s.Ramme.Tekst+".",
			g.related(s.Vedtak))
	}
	for i, b := range p.Bevilgninger {
		add("bevilgning/"+strconv.Itoa(i+1), b.Vedtak.Dato, seqBevilgning+i,
			g.t("Bevilgning for ", "Løyving for ")+strconv.Itoa(b.Ar)+": "+b.Belop.Tekst,
			strings.TrimSpace(g.decided(b.Vedtak)),
			g.related(b.Vedtak))
	}
	for i, s := range p.Statusrapporter {
		var sum strings.Builder
		sum.WriteString(g.t("Prognose for sluttkostnad: ", "Prognose for sluttkostnad: ") + s.Prognose.Tekst + ".")
		if s.ForventetFerdig != nil {
			sum.WriteString(g.t(" Forventet ferdig: ", " Venta ferdig: ") + s.ForventetFerdig.Tekst + ".")
		}
		if r := g.risiko(s.Risiko); r != "" {
			sum.WriteString(" " + r + ".")
		}
		if c := strings.TrimSpace(s.Kommentar); c != "" {
			sum.WriteString(" " + sentence(c))
		}
		add("status/"+strconv.Itoa(s.Ar)+"-"+s.Periode, s.Dato.ISO, seqStatus+i,
			g.t("Statusrapport ", "Statusrapport ")+g.periode(s.Periode, s.Ar)+g.t(": prognose ", ": prognose ")+s.Prognose.Tekst,
			strings.TrimSpace(sum.String()), nil)
	}
	if sr := p.Sluttregnskap; sr != nil {
		sum := g.t("Godkjent i ", "Godkjent i ") + g.ref(sr.Vedtak) + ". " +
			g.t("Avvik mot justert kostnadsramme: ", "Avvik mot justert kostnadsramme: ") + signed(sr.Avvik.Kr) + "."
		if v := strings.TrimSpace(sr.Vurdering); v != "" {
			sum += " " + sentence(v)
		}
		add("sluttregnskap", sr.Vedtak.Dato, seqSluttregnskap,
			g.t("Sluttregnskap vedtatt: ", "Sluttrekneskap vedteken: ")+sr.Belop.Tekst,
			strings.TrimSpace(sum), g.related(sr.Vedtak))
	}
	return es
}

// decided says which vedtak made a change: "Vedtatt i KST 014/25
// (13. mars 2025): Tittel. ", or "" without a vedtak.
func (g *gen) decided(r compile.Ref) string {
	if r.ID == "" {
		return ""
	}
	return g.t("Vedtatt i ", "Vedteke i ") + g.ref(r) + ". "
}

// ref writes a vedtak reference: "KST 014/25 (13. mars 2025): Tittel".
func (g *gen) ref(r compile.Ref) string {
	s := r.Merke
	if s == "" {
		s = r.ID
	}
	if d, err := time.Parse(time.DateOnly, r.Dato); err == nil {
		s += " (" + norwegianDate(d) + ")"
	}
	if r.Tittel != "" {
		s += ": " + strings.TrimRight(r.Tittel, ".")
	}
	return s
}

var months = [12]string{"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"}

// norwegianDate writes "13. mars 2025" (the same in bokmål and nynorsk).
func norwegianDate(t time.Time) string {
	return strconv.Itoa(t.Day()) + ". " + months[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

func (g *gen) periode(p string, ar int) string {
	y := strconv.Itoa(ar)
	switch p {
	case "t1":
		return "1. tertial " + y
	case "t2":
		return "2. tertial " + y
	case "arsregnskap":
		return g.t("årsregnskap ", "årsrekneskap ") + y
	}
	return p + " " + y
}

func (g *gen) risiko(r string) string {
	switch r {
	case "gronn":
		return g.t("Lav risiko (grønn)", "Låg risiko (grøn)")
	case "gul":
		return g.t("Middels risiko (gul)", "Middels risiko (gul)")
	case "rod":
		return g.t("Høy risiko (rød)", "Høg risiko (raud)")
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
		g.t("Overskridelser over varslingsgrensen – ", "Overskridingar over varslingsgrensa – ")+k.Navn,
		g.t("Investeringsprosjekter der prognosen for sluttkostnad er mer enn "+k.OverskridelseVarsel.Tekst+" over justert kostnadsramme.",
			"Investeringsprosjekt der prognosen for sluttkostnad er meir enn "+k.OverskridelseVarsel.Tekst+" over justert kostnadsramme."),
		es)
}

func (g *gen) varselEntry(p *compile.Prosjekt) entry {
	k := g.site.Kommune
	// The forecast's source, its date and its key in the id.
	source, date, key := "", "", "prognose"
	if p.PrognoseKilde == "sluttregnskap" && p.Sluttregnskap != nil {
		source = g.t("sluttregnskap, ", "sluttrekneskap, ") + p.Sluttregnskap.Vedtak.Merke
		date, key = p.Sluttregnskap.Vedtak.Dato, "sluttregnskap"
	} else if n := len(p.Statusrapporter); n > 0 {
		s := p.Statusrapporter[n-1]
		source = g.t("statusrapport ", "statusrapport ") + g.periode(s.Periode, s.Ar)
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
	s.WriteString(g.t("Prognose for sluttkostnad: ", "Prognose for sluttkostnad: ") + prognose)
	if source != "" {
		s.WriteString(" (" + source + ")")
	}
	s.WriteString(". " + g.t("Justert kostnadsramme: ", "Justert kostnadsramme: ") + p.Justert.Tekst + ". ")
	s.WriteString(g.t("Avvik: ", "Avvik: ") + avvik + " (" + pct + "). ")
	s.WriteString(g.t("Kommunens varslingsgrense er ", "Varslingsgrensa til kommunen er ") + k.OverskridelseVarsel.Tekst + ".")
	if p.Risiko != "" && p.PrognoseKilde != "sluttregnskap" {
		s.WriteString(" " + g.risiko(p.Risiko) + ".")
	}

	// Among alerts of the same date, the largest deviation first.
	e := entry{date: g.dateOr(date)}
	if p.AvvikJustertPct != nil {
		e.seq = int(math.Round(p.AvvikJustertPct.Verdi * 10))
	}
	e.ID = g.tag + "varsel/" + p.ID + "/" + key
	e.Title = plain(p.Navn + ": " + g.t("prognose ", "prognose ") + pct + g.t(" over kostnadsrammen", " over kostnadsramma"))
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
