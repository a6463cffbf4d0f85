// Package synth writes a synthetic kommune of any size: a data directory
// that passes check, shaped like a real kommune's record over the years.
// It exists for benchmarks and scale tests; the same Size and Seed always
// give the same files.
//
// # What it writes
//
//   - Vedtak of five utvalg (kommunestyret, formannskapet and three
//     hovedutvalg), each meeting on its own weekday about once a month but
//     July, the saker of a year numbered per utvalg in meeting order. A
//     vedtak has 0 to 8 points (1.8 on average), most with a due date;
//     their follow-up logs run through the tertial reports and annual
//     reports after the meeting, most ending fullfort, some stuck (late),
//     a few dropped (utgar) by a later vedtak or reported in one.
//   - One økonomiplan per 4-year period with the netto driftsramme of every
//     rammeområde, reguleringer at each tertial and in December of each
//     plan year, and the accounts (regnskap and prognose) of every area at
//     every period that has ended.
//   - Plans: a samfunnsdel per 4-year period (the older ones erstattet), a
//     handlings- og økonomiplan for each økonomiplan, a planstrategi and an
//     arealdel, and temaplaner and kommunedelplaner over the years, with
//     satsingsområder, mål and tiltak (some citing the samfunnsdel's mål,
//     projects and vedtak) and for some phases with checkpoints.
//   - Investment projects started evenly over the years, each through its
//     phases by the reference date: an original kostnadsramme,
//     tilleggsbevilgninger and reductions, yearly appropriations in the
//     budget vedtak, spend, status reports at every period with a forecast
//     that drifts (some well over the frame), delays, handover and a
//     sluttregnskap (some overdue).
//
// The vedtak that decide something carry its title: the budget in
// December, the tertial reports in June and October, a project's frame.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing/fstest"
	"time"
	"unicode"
	"unicode/utf8"
)

// Size says how big the kommune is.
type Size struct {
	Vedtak     int
	Prosjekter int
	Planer     int
	Seed       int64
	Years      int // default: as many as VedtakPerYear gives, at most MaxYears
}

// VedtakPerYear is about how many vedtak a mid-sized kommune's utvalg make
// in a year.
const VedtakPerYear = 300

// MaxYears is how many years of record a synthetic kommune has at most
// unless Size.Years says otherwise: 100 000 vedtak are 20 years of a large
// kommune, not 333 years of a mid-sized one.
const MaxYears = 20

// LastYear is the synthetic kommune's last year; its reference date is
// 31 October of that year.
const LastYear = 2026

var refDate = date(LastYear, time.October, 31)

// utvalgList are the utvalg whose vedtak are published, in the order a
// growing kommune has them: a mid-sized kommune the first five, a large one
// (about 250 saker per utvalg a year) all.
type utvalg struct {
	kode, navn string
	weight     int // share of the vedtak
	meetings   int // meetings a year
	weekday    time.Weekday
}

var utvalgList = []utvalg{
	{"KST", "Kommunestyret", 25, 10, time.Thursday},
	{"FSK", "Formannskapet", 30, 14, time.Wednesday},
	{"HOK", "Hovedutvalg for oppvekst og kultur", 15, 9, time.Tuesday},
	{"HHS", "Hovedutvalg for helse og sosial", 15, 9, time.Monday},
	{"HTM", "Hovedutvalg for teknikk og miljø", 15, 9, time.Tuesday},
	{"PLU", "Planutvalget", 15, 11, time.Wednesday},
	{"KU", "Kontrollutvalget", 8, 8, time.Monday},
	{"KLN", "Klagenemnda", 8, 10, time.Friday},
	{"ADM", "Administrasjonsutvalget", 6, 6, time.Thursday},
	{"AMU", "Arbeidsmiljøutvalget", 5, 6, time.Friday},
	{"ER", "Eldrerådet", 5, 8, time.Monday},
	{"RFF", "Rådet for personer med funksjonsnedsettelse", 5, 8, time.Monday},
	{"UR", "Ungdomsrådet", 5, 8, time.Wednesday},
	{"BUN", "Bydelsutvalg Nord", 10, 10, time.Tuesday},
	{"BUS", "Bydelsutvalg Sør", 10, 10, time.Tuesday},
	{"BUO", "Bydelsutvalg Øst", 10, 10, time.Wednesday},
	{"BUV", "Bydelsutvalg Vest", 10, 10, time.Wednesday},
	{"BUM", "Bydelsutvalg Midtbyen", 10, 10, time.Thursday},
	{"NFS", "Styret for næringsfondet", 4, 6, time.Friday},
	{"VIL", "Viltnemnda", 3, 4, time.Friday},
}

// sakerPerUtvalg is about how many saker an utvalg treats in a year.
const sakerPerUtvalg = 250

// meetingMonths are the months with meetings: all but July.
var meetingMonths = []time.Month{1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12}

var omrader = []struct{ id, navn, kostra string }{
	{"politisk-styring", "Politisk styring", `"100"`},
	{"administrasjon", "Administrasjon og fellestjenester", `"120"`},
	{"oppvekst", "Oppvekst og utdanning", `"201", "202", "213", "215", "222"`},
	{"helse-og-omsorg", "Helse og omsorg", `"253", "257", "258", "261"`},
	{"velferd", "Velferd og NAV", `"244", "281"`},
	{"kultur", "Kultur og fritid", `"370", "381", "383", "386"`},
	{"teknisk", "Tekniske tjenester", `"332", "339", "345", "353"`},
	{"eiendom", "Eiendom", `"265", "393"`},
	{"plan-og-naring", "Plan, miljø og næring", `"301", "325"`},
	{"fellesposter", "Fellesposter", `"800", "840", "870"`},
}

// topics are the fields a kommune's record is about. A record's text draws
// its topical words from one field (and the administrative words every
// field shares), as a real vedtak about a school speaks of schools: a
// topical word occurs in the records of its field, not in nearly all.
var topics = [][]string{
	strings.Fields(`skole barneskole ungdomsskole barnehage barnehageplasser skolebygg skolegård kulturskole`),
	strings.Fields(`omsorgsboliger sykehjem hjemmetjenester helsestasjon folkehelse barnevern rus psykisk helse`),
	strings.Fields(`avløp avløpsanlegg vannledning vannverk vei gang- og sykkelvei trafikksikring`),
	strings.Fields(`idrettshall bibliotek frivillighet kulturhus kunstgressbane`),
	strings.Fields(`boligfelt reguleringsplan sentrum havn kai næringsutvikling gravplass`),
	strings.Fields(`klimatilpasning energi solceller fjernvarme brannstasjon`),
}

// adminWords are the words of the kommune's administration, in every field.
var adminWords = strings.Fields(`kommunedirektøren bes utrede kostnader finansiering tilleggsbevilgning
budsjettregulering tertialrapport rehabilitering nybygg anbud entreprise prosjektering digitalisering
innbyggere tjenester kvalitet bemanning vedlikehold forprosjekt detaljprosjekt`)

// stopwords are the most frequent words of Norwegian text, first in the
// vocabulary so that the word frequencies fall off as in real text.
var stopwords = strings.Fields(`og i til på det som er for med av at en et den de har ikke om kan vil skal
også fra blir etter ved mot ble seg var under over hvor når slik dette disse andre alle nye hele`)

// vocabularies are the words each topic's texts are drawn from, most
// frequent first: stop words, the topic's words and the administrative
// words, then compounds of a topic word with a topic or administrative
// word.
var vocabularies = func() [][]string {
	var out [][]string
	for i, topic := range topics {
		v := append(append(append([]string{}, stopwords...), topic...), adminWords...)
		var compounds []string
		for _, a := range topic {
			for _, b := range append(append([]string{}, topic...), adminWords...) {
				if a != b && !strings.ContainsAny(a+b, " -") {
					compounds = append(compounds, a+b, b+a)
				}
			}
		}
		slices.Sort(compounds)
		compounds = slices.Compact(compounds)
		r := rand.New(rand.NewPCG(42, uint64(i)))
		r.Shuffle(len(compounds), func(i, j int) { compounds[i], compounds[j] = compounds[j], compounds[i] })
		out = append(out, append(v, compounds...))
	}
	return out
}()

var (
	steder     = strings.Fields(`Nordbyen Sørvika Lia Strandheim Fjellstad Holmen Bakkeby Sentrum Vestbyen Østmarka Elvedalen Havna Solberg Moen Brattli Rønningen`)
	gater      = strings.Fields(`Skoleveien Storgata Kirkeveien Havnegata Industriveien Parkveien Stasjonsveien Fjellveien`)
	anlegg     = []string{"skole", "barnehage", "omsorgsboliger", "sykehjem", "idrettshall", "vannledning", "avløpsanlegg", "gang- og sykkelvei", "brannstasjon", "kunstgressbane", "kulturhus", "helsestasjon", "bibliotek", "høydebasseng", "renseanlegg"}
	arbeid     = []string{"nybygg", "rehabilitering", "utvidelse", "oppgradering", "ombygging"}
	temaer     = []string{"barnehager", "skole", "helse og omsorg", "idrett og fysisk aktivitet", "klima og energi", "trafikksikkerhet", "kulturminner", "boligpolitikk", "digitalisering", "folkehelse", "vann og avløp", "næringsutvikling", "beredskap", "rus og psykisk helse", "friluftsliv"}
	ansvarlige = []string{"Kommunedirektøren", "Kommunalsjef oppvekst", "Kommunalsjef helse og omsorg", "Kommunalsjef teknisk", "Økonomisjef", "Plan- og bygningssjef"}
)

// vedtak is one vedtak while the kommune is made: its slot (utvalg,
// meeting, number) first, its links and title as other records use it,
// its text and points last.
type vedtak struct {
	id, utvalg string
	date       time.Time
	seq        int
	title      string
	planer     []string
	omrader    []string
	prosjekter []string
}

type plan struct {
	id, typ, title string
	fra, til       int
	status         string
	vedtatt        string
	overordnet     string
	nTiltak        int
	malIDs         []string // "s1-m1" …
}

type prosjekt struct {
	id    string
	start int
}

type gen struct {
	r      *rand.Rand
	zipf   []*rand.Zipf // per topic
	topic  int          // of the record being written
	files  map[string]string
	years  []int
	first  int
	utvalg []utvalg

	vedtak []*vedtak            // by date, then utvalg and number
	byYear map[int][]*vedtak    // by date
	kst    map[int][]*vedtak    // kommunestyret's, by date
	kstAll []*vedtak            // kommunestyret's, by date
	byID   map[string]*vedtak   // every vedtak
	planer []*plan              // plan-001 … in order
	proj   []*prosjekt          // prosjekt-0001 … in order
	hop    map[int]string       // økonomiplan's first year → its handlings- og økonomiplan
	samf   map[int]string       // first year of a samfunnsdel's period → its id
	used   map[*vedtak]struct{} // vedtak given a title
}

// Files returns the data directory as a map from path to content.
func Files(s Size) map[string]string {
	g := &gen{
		r:      rand.New(rand.NewPCG(uint64(s.Seed), 7)),
		files:  map[string]string{},
		byYear: map[int][]*vedtak{},
		kst:    map[int][]*vedtak{},
		byID:   map[string]*vedtak{},
		hop:    map[int]string{},
		samf:   map[int]string{},
		used:   map[*vedtak]struct{}{},
	}
	for _, v := range vocabularies {
		g.zipf = append(g.zipf, rand.NewZipf(g.r, 1.1, 1, uint64(len(v)-1)))
	}
	g.years = s.years()
	g.first = g.years[0]
	nYears := len(g.years)
	perYear := (s.Vedtak + nYears - 1) / nYears
	g.utvalg = utvalgList[:min(len(utvalgList), max(5, (perYear+sakerPerUtvalg-1)/sakerPerUtvalg))]
	g.kommune()
	g.rammeomrader()
	g.meetings(s.Vedtak)
	g.planSkeletons(s.Planer)
	g.okonomiplaner()
	g.prosjekter(s.Prosjekter)
	g.planFiles()
	g.vedtakFiles()
	return g.files
}

// years returns the years of the record, up to LastYear.
func (s Size) years() []int {
	n := min(MaxYears, max(2, (s.Vedtak+VedtakPerYear-1)/VedtakPerYear))
	if s.Years > 0 {
		n = s.Years
	}
	n = max(1, min(n, s.Vedtak)) // every year has a vedtak
	var out []int
	for y := LastYear - n + 1; y <= LastYear; y++ {
		out = append(out, y)
	}
	return out
}

// FS returns the data directory as an in-memory file system.
func FS(s Size) fstest.MapFS {
	m := fstest.MapFS{}
	for p, c := range Files(s) {
		m[p] = &fstest.MapFile{Data: []byte(c), Mode: 0o644}
	}
	return m
}

// WriteDir writes the data directory into dir.
func WriteDir(dir string, s Size) error {
	files := Files(s)
	names := make([]string, 0, len(files))
	for p := range files {
		names = append(names, p)
	}
	sort.Strings(names)
	made := map[string]bool{}
	for _, p := range names {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if d := filepath.Dir(full); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(full, []byte(files[p]), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func iso(t time.Time) string { return t.Format("2006-01-02") }

// text is n words on the current topic; one word in ten is from another
// topic, as texts stray.
func (g *gen) text(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		t := g.topic
		if g.r.IntN(10) == 0 {
			t = g.r.IntN(len(topics))
		}
		b.WriteString(vocabularies[t][g.zipf[t].Uint64()])
	}
	return b.String()
}

// newTopic picks the topic of the next record's texts.
func (g *gen) newTopic() { g.topic = g.r.IntN(len(topics)) }

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// between returns n (≥ 1) in [lo, hi].
func (g *gen) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

// round rounds kroner to whole hundred thousands (at least 100 000).
func round(kr float64) int64 { return max(1, int64(math.Round(kr/100_000))) * 100_000 }

func (g *gen) kommune() {
	var b strings.Builder
	fmt.Fprintf(&b, `navn = "Syntetisk kommune"
kommunenummer = "9998"
malform = "nb"
fiktiv = true
referansedato = %s
lisens = "NLOD 2.0"
lisens_url = "https://data.norge.no/nlod/no/2.0"

[regler]
investering_minstebelop = 100_000
sluttregnskap_grense = 1_000_000
sluttregnskap_frist_maneder = 6
overskridelse_varsel_prosent = 5.0
`, iso(refDate))
	for _, u := range g.utvalg {
		fmt.Fprintf(&b, "\n[[utvalg]]\nkode = %q\nnavn = %q\n", u.kode, u.navn)
	}
	g.files["kommune.toml"] = b.String()
}

func (g *gen) rammeomrader() {
	var b strings.Builder
	for _, o := range omrader {
		fmt.Fprintf(&b, "[[omrade]]\nid = %q\nnavn = %q\nansvarlig = \"Kommunalsjef\"\nkostra = [%s]\n\n", o.id, o.navn, o.kostra)
	}
	g.files["rammeomrader.toml"] = b.String()
}

// meetingDates returns the dates of m meetings on weekday in year y up to
// the reference date: about one a month, none in July.
func meetingDates(y, m int, weekday time.Weekday) []time.Time {
	var out []time.Time
	perMonth := map[time.Month]int{}
	for k := range m {
		month := meetingMonths[(k*len(meetingMonths)+len(meetingMonths)-1)/m]
		nth := perMonth[month]
		perMonth[month]++
		d := date(y, month, 4+14*nth)
		for d.Weekday() != weekday {
			d = d.AddDate(0, 0, 1)
		}
		if !d.After(refDate) {
			out = append(out, d)
		}
	}
	return out
}

// meetings lays out n vedtak over the years, the utvalg and their meetings.
func (g *gen) meetings(n int) {
	for yi, y := range g.years {
		nY := n / len(g.years)
		if yi < n%len(g.years) {
			nY++
		}
		weights := 0
		for _, u := range g.utvalg {
			weights += u.weight
		}
		left := nY
		for ui, u := range g.utvalg {
			cu := nY * u.weight / weights
			if ui == len(g.utvalg)-1 {
				cu = left
			}
			left -= cu
			dates := meetingDates(y, u.meetings, u.weekday)
			for j := range cu {
				v := &vedtak{utvalg: u.kode, date: dates[j*len(dates)/cu], seq: j + 1}
				v.id = fmt.Sprintf("%s-%d-%03d", strings.ToLower(u.kode), y, v.seq)
				g.vedtak = append(g.vedtak, v)
				g.byID[v.id] = v
			}
		}
	}
	slices.SortStableFunc(g.vedtak, func(a, b *vedtak) int { return a.date.Compare(b.date) })
	for _, v := range g.vedtak {
		y := v.date.Year()
		g.byYear[y] = append(g.byYear[y], v)
		if v.utvalg == "KST" {
			g.kst[y] = append(g.kst[y], v)
			g.kstAll = append(g.kstAll, v)
		}
	}
}

// kstIn returns a vedtak of kommunestyret in year y from month from to
// month to (random among them, or the first if first): the nearest there
// is if it met on none, or any vedtak of the year.
func (g *gen) kstIn(y int, from, to time.Month, first bool) *vedtak {
	y = min(max(y, g.first), LastYear)
	var in []*vedtak
	for _, v := range g.kst[y] {
		if m := v.date.Month(); m >= from && m <= to {
			in = append(in, v)
		}
	}
	switch {
	case len(in) > 0 && first:
		return in[0]
	case len(in) > 0:
		return in[g.r.IntN(len(in))]
	case len(g.kst[y]) > 0:
		// The nearest meeting that year.
		best := g.kst[y][0]
		for _, v := range g.kst[y] {
			if v.date.Month() <= to {
				best = v
			}
		}
		return best
	}
	return g.byYear[y][0]
}

// kstAfter returns the first vedtak of kommunestyret after t (by the
// reference date), or nil.
func (g *gen) kstAfter(t time.Time) *vedtak {
	i := sort.Search(len(g.kstAll), func(i int) bool { return g.kstAll[i].date.After(t) })
	if i == len(g.kstAll) {
		return nil
	}
	return g.kstAll[i]
}

// kstUpTo returns the last vedtak of kommunestyret on or before t that is
// after from, or nil.
func (g *gen) kstUpTo(from, t time.Time) *vedtak {
	i := sort.Search(len(g.kstAll), func(i int) bool { return g.kstAll[i].date.After(t) })
	if i == 0 || !g.kstAll[i-1].date.After(from) {
		return nil
	}
	return g.kstAll[i-1]
}

// budget is the vedtak that adopted the budget for year y: kommunestyret's
// last meeting of the year before (December).
func (g *gen) budget(y int) *vedtak {
	if y-1 < g.first {
		return g.kstIn(g.first, 1, 3, true)
	}
	return g.kstIn(y-1, 12, 12, true)
}

// entitle gives v a title saying what it decided, if it has none yet.
func (g *gen) entitle(v *vedtak, title string) {
	if _, ok := g.used[v]; !ok {
		v.title = title
		g.used[v] = struct{}{}
	}
}

// periods are the first years of the 4-year økonomiplan periods.
func (g *gen) periods() []int {
	var out []int
	for s := g.first; s <= LastYear; s += 4 {
		out = append(out, s)
	}
	return out
}

// planSkeletons decides the plans: kinds, periods, adoption, goals and how
// many tiltak; the tiltak are written once the projects exist.
func (g *gen) planSkeletons(n int) {
	periods := g.periods()
	newest := periods[len(periods)-1]
	nSamf := min(len(periods), max(1, n/10))
	nHop := min(len(periods), n/5)
	add := func(p *plan) {
		p.id = fmt.Sprintf("plan-%03d", len(g.planer)+1)
		g.planer = append(g.planer, p)
	}
	adopt := func(p *plan) {
		if p.fra-1 >= g.first {
			p.vedtatt = g.kstIn(p.fra-1, 11, 12, false).id
		} else {
			p.vedtatt = g.kstIn(p.fra, 1, 6, false).id
		}
		g.entitle(g.byID[p.vedtatt], "Vedtak av "+strings.ToLower(p.title[:1])+p.title[1:])
		g.byID[p.vedtatt].planer = append(g.byID[p.vedtatt].planer, p.id)
	}
	for k := range nSamf {
		s := periods[len(periods)-1-k]
		p := &plan{typ: "samfunnsdel", fra: s, til: s + 11, status: "vedtatt", title: fmt.Sprintf("Kommuneplanens samfunnsdel %d–%d", s, s+11)}
		if k > 0 {
			p.status = "erstattet"
		}
		add(p)
		g.samf[s] = p.id
	}
	for k := range nHop {
		s := periods[len(periods)-1-k]
		p := &plan{typ: "handlings_og_okonomiplan", fra: s, til: s + 3, status: "vedtatt", title: fmt.Sprintf("Handlings- og økonomiplan %d–%d", s, s+3), nTiltak: g.between(8, 16)}
		if k > 0 {
			p.status = "erstattet"
		}
		add(p)
		g.hop[s] = p.id
	}
	if n-len(g.planer) >= 8 {
		add(&plan{typ: "planstrategi", fra: newest, til: newest + 3, status: "vedtatt", title: fmt.Sprintf("Kommunal planstrategi %d–%d", newest, newest+3), nTiltak: g.between(3, 6)})
		add(&plan{typ: "arealdel", fra: newest, til: newest + 11, status: "vedtatt", title: fmt.Sprintf("Kommuneplanens arealdel %d–%d", newest, newest+11), nTiltak: g.between(3, 6)})
	}
	rest := n - len(g.planer)
	for i := range rest {
		fra := g.years[i*len(g.years)/max(rest, 1)]
		til := fra + g.between(4, 10)
		p := &plan{typ: "temaplan", fra: fra, til: til, status: "vedtatt", nTiltak: g.between(6, 20)}
		tema := temaer[i%len(temaer)]
		if i%3 == 2 {
			p.typ = "kommunedelplan"
			p.title = fmt.Sprintf("Kommunedelplan for %s %d–%d", tema, fra, til)
		} else {
			p.title = fmt.Sprintf("Temaplan for %s %d–%d", tema, fra, til)
		}
		if til < LastYear {
			p.status = "erstattet"
		}
		if i == rest-1 && rest >= 5 {
			p.fra, p.til, p.status = LastYear+1, LastYear+8, "under_arbeid"
			p.title = fmt.Sprintf("Temaplan for %s %d–%d (høringsutkast)", tema, p.fra, p.til)
		}
		add(p)
	}
	for _, p := range g.planer {
		if p.status != "under_arbeid" {
			adopt(p)
		}
		if p.typ != "samfunnsdel" {
			// The samfunnsdel in force when the plan was made.
			p.overordnet = g.planer[0].id
			for s, id := range g.samf {
				if s <= p.fra && s+4 > p.fra {
					p.overordnet = id
				}
			}
			if p.id == p.overordnet {
				p.overordnet = ""
			}
		}
		nSat := g.between(2, 3)
		if p.typ == "samfunnsdel" {
			nSat = g.between(3, 4)
		}
		for s := 1; s <= nSat; s++ {
			for m := 1; m <= g.between(2, 3); m++ {
				p.malIDs = append(p.malIDs, fmt.Sprintf("s%d-m%d", s, m))
			}
		}
	}
}

// okonomiplaner writes one økonomiplan per 4-year period.
func (g *gen) okonomiplaner() {
	for _, s := range g.periods() {
		var b strings.Builder
		adopted := g.budget(s)
		g.entitle(adopted, fmt.Sprintf("Handlings- og økonomiplan %d–%d og budsjett %d", s, s+3, s))
		fmt.Fprintf(&b, "id = \"%d-%d\"\ntittel = \"Økonomiplan %d–%d – netto driftsrammer\"\n", s, s+3, s, s+3)
		if id, ok := g.hop[s]; ok {
			fmt.Fprintf(&b, "plan = %q\n", id)
		}
		fmt.Fprintf(&b, "vedtatt_i = %q\nforste_ar = %d\n", adopted.id, s)
		growth := math.Pow(1.035, float64(s-2000))
		frames := make([][4]int64, len(omrader))
		sums := [4]int64{}
		for i := range omrader {
			base := float64(20_000_000+i*45_000_000) * growth
			for j := range 4 {
				frames[i][j] = round(base * (1 + 0.02*float64(j) + 0.01*g.r.Float64()))
				sums[j] += frames[i][j]
			}
		}
		fmt.Fprintf(&b, "sum_driftsrammer = [%d, %d, %d, %d]\n", sums[0], sums[1], sums[2], sums[3])
		for i, o := range omrader {
			f := frames[i]
			fmt.Fprintf(&b, "\n[[ramme]]\nomrade = %q\nbelop = [%d, %d, %d, %d]\n", o.id, f[0], f[1], f[2], f[3])
		}
		// Reguleringer: at the 1st and 2nd tertial and in December.
		regulated := make([][4]int64, len(omrader))
		last := adopted
		for y := s; y < s+4 && y <= LastYear; y++ {
			for _, round := range []struct {
				from, to time.Month
				title    string
			}{{5, 6, "1. tertialrapport %d med budsjettregulering"}, {9, 10, "2. tertialrapport %d med budsjettregulering"}, {11, 12, "Budsjettregulering desember %d"}} {
				v := g.kstIn(y, round.from, round.to, true)
				if v.date.After(refDate) || v.date.Month() < round.from {
					continue
				}
				if v.date.Before(last.date) {
					v = last
				}
				last = v
				g.entitle(v, fmt.Sprintf(round.title, y))
				for _, i := range g.r.Perm(len(omrader))[:g.between(2, 5)] {
					belop := int64(g.between(1, 40)) * 250_000
					if g.r.IntN(3) == 0 {
						belop = -belop
					}
					regulated[i][y-s] += belop
					g.newTopic()
					fmt.Fprintf(&b, "\n[[regulering]]\nomrade = %q\nar = %d\nbelop = %d\nvedtak = %q\ntekst = %q\n", omrader[i].id, y, belop, v.id, capitalize(g.text(6)))
				}
			}
		}
		// Accounts of every area at every period that has ended.
		for y := s; y < s+4 && y <= LastYear; y++ {
			for _, per := range []struct {
				name  string
				end   time.Time
				share float64
			}{{"t1", date(y, 4, 30), 0.31}, {"t2", date(y, 8, 31), 0.64}, {"arsregnskap", date(y, 12, 31), 1}} {
				if per.end.After(refDate) {
					continue
				}
				for i, o := range omrader {
					frame := float64(frames[i][y-s] + regulated[i][y-s])
					fmt.Fprintf(&b, "\n[[regnskap]]\nomrade = %q\nar = %d\nperiode = %q\nregnskap = %d\n", o.id, y, per.name, round(frame*per.share*(0.97+0.06*g.r.Float64())))
					if per.name != "arsregnskap" {
						fmt.Fprintf(&b, "prognose = %d\n", round(frame*(0.97+0.07*g.r.Float64())))
					}
				}
			}
		}
		g.files[fmt.Sprintf("okonomiplan/%d-%d.toml", s, s+3)] = b.String()
	}
}

// prosjekter writes n investment projects started evenly over the years.
func (g *gen) prosjekter(n int) {
	for i := range n {
		p := &prosjekt{id: fmt.Sprintf("prosjekt-%04d", i+1), start: g.years[i*len(g.years)/n]}
		g.proj = append(g.proj, p)
		g.prosjekt(i, p)
	}
}

type rapport struct {
	ar       int
	periode  string
	prognose int64
	ferdig   time.Time
	risiko   string
}

func (g *gen) prosjekt(i int, p *prosjekt) {
	var b strings.Builder
	g.newTopic()
	sted, hva := g.pick(steder), anlegg[i%len(anlegg)]
	navn := fmt.Sprintf("%s %s – %s", sted, hva, g.pick(arbeid))
	omrade := omrader[2+i%(len(omrader)-3)].id
	sy := p.start
	decided := g.kstIn(sy, 2, 6, false)
	planned := date(sy+g.between(1, 4), time.Month(g.between(1, 12)), 15)
	if planned.Before(decided.date) {
		planned = decided.date.AddDate(1, 0, 0)
	}
	delay := 0
	switch r := g.r.IntN(100); {
	case r < 35:
		delay = g.between(1, 6)
	case r < 50:
		delay = g.between(7, 18)
	}
	handover := planned.AddDate(0, delay, 0)

	fase := "bygging"
	// Where the project is at the reference date: the newest still being
	// planned, most of the rest built, handed over, accounted for.
	stage := g.r.IntN(3)
	early := sy == LastYear && stage == 0
	var final *vedtak // sluttregnskap
	switch {
	case early:
		fase = "behovsutredning"
	case handover.After(refDate):
		switch {
		case sy == LastYear && stage == 1:
			fase = "forprosjekt"
		case sy == LastYear || (sy == LastYear-1 && stage == 0):
			fase = "detaljprosjekt"
		}
	default:
		fase = "overtatt"
		if v := g.kstAfter(handover.AddDate(0, g.between(3, 10), 0)); v != nil && g.r.IntN(12) != 0 {
			fase, final = "avsluttet", v
		}
	}
	fmt.Fprintf(&b, "id = %q\nnummer = \"%d\"\nnavn = %q\nomrade = %q\nansvarlig = \"Eiendom og utbygging\"\nbeskrivelse = \"\"\"\n%s.\n\"\"\"\nsted = \"%s, %s %d\"\nfase = %q\nstart_ar = %d\nplanlagt_ferdig = %s\n",
		p.id, 4000+i, navn, omrade, capitalize(g.text(g.between(25, 80))), sted, g.pick(gater), g.between(1, 80), fase, sy, iso(planned))
	if fase == "overtatt" || fase == "avsluttet" {
		fmt.Fprintf(&b, "overtatt = %s\n", iso(handover))
	}
	// A plan measure the project carries out, for some.
	if g.r.IntN(4) == 0 {
		var cands []*plan
		for _, pl := range g.planer {
			if pl.nTiltak > 0 && pl.fra <= sy && sy <= pl.til {
				cands = append(cands, pl)
			}
		}
		if len(cands) > 0 {
			pl := cands[g.r.IntN(len(cands))]
			fmt.Fprintf(&b, "tiltak = [\"%s/t%d\"]\n", pl.id, g.between(1, pl.nTiltak))
		}
	}
	if early {
		g.files["prosjekter/"+p.id+".toml"] = b.String()
		return
	}

	// The frame: the original, then additions and reductions in order.
	frame := round(math.Exp(math.Log(2e6) + g.r.Float64()*math.Log(200)))
	g.entitle(decided, "Kostnadsramme for "+navn)
	steps := []struct {
		typ   string
		belop int64
		v     *vedtak
		tekst string
	}{{"opprinnelig", frame, decided, "Forprosjekt godkjent"}}
	end := handover
	if end.After(refDate) {
		end = refDate
	}
	nExtra := 0
	switch r := g.r.IntN(100); {
	case r < 25:
		nExtra = 1
	case r < 38:
		nExtra = 2
	case r < 45:
		nExtra = 3
	}
	var when []time.Time
	for range nExtra {
		span := end.Sub(decided.date)
		when = append(when, decided.date.Add(time.Duration(g.r.Float64()*float64(span))))
	}
	slices.SortFunc(when, func(a, b time.Time) int { return a.Compare(b) })
	total := frame
	prev := decided
	for _, t := range when {
		v := g.kstUpTo(prev.date.AddDate(0, 0, -1), t)
		if v == nil || v.date.Before(prev.date) {
			v = prev
		}
		prev = v
		if g.r.IntN(8) == 0 {
			cut := -round(float64(frame) * (0.02 + 0.08*g.r.Float64()))
			total += cut
			steps = append(steps, struct {
				typ   string
				belop int64
				v     *vedtak
				tekst string
			}{"reduksjon", cut, v, "Redusert omfang"})
			continue
		}
		add := round(float64(frame) * (0.03 + 0.22*g.r.Float64()))
		total += add
		g.entitle(v, "Tilleggsbevilgning til "+navn)
		steps = append(steps, struct {
			typ   string
			belop int64
			v     *vedtak
			tekst string
		}{"tillegg", add, v, capitalize(g.text(5))})
	}
	if g.r.IntN(2) == 0 {
		fmt.Fprintf(&b, "justert_kostnadsramme = %d\n", total)
	}
	for _, s := range steps {
		fmt.Fprintf(&b, "\n[[kostnadsramme]]\ntype = %q\nbelop = %d\nvedtak = %q\ntekst = %q\n", s.typ, s.belop, s.v.id, s.tekst)
	}

	// The forecast drifts from the frame; some projects run well over.
	trend := 0.0
	if g.r.IntN(8) == 0 {
		trend = 0.02 + 0.04*g.r.Float64()
	}
	prognose := float64(frame) * (0.97 + 0.08*g.r.Float64())
	var reports []rapport
	lastYear := min(end.Year(), LastYear)
	if fase == "overtatt" || fase == "avsluttet" {
		lastYear = min(handover.Year()+1, LastYear)
	}
	expected := planned
	for y := sy; y <= lastYear; y++ {
		for _, per := range []struct {
			name string
			end  time.Time
		}{{"t1", date(y, 4, 30)}, {"t2", date(y, 8, 31)}, {"arsregnskap", date(y, 12, 31)}} {
			if per.end.Before(decided.date) || per.end.After(refDate) || (fase != "bygging" && per.end.After(handover.AddDate(0, 8, 0))) {
				continue
			}
			prognose *= 1 + trend + 0.03*g.r.NormFloat64()
			prognose = max(prognose, float64(frame)/2)
			if per.end.After(planned.AddDate(0, -18, 0)) {
				expected = handover
			}
			risiko := "gronn"
			switch {
			case prognose > float64(total)*1.05:
				risiko = "rod"
			case prognose > float64(total)*0.99:
				risiko = "gul"
			}
			reports = append(reports, rapport{y, per.name, round(prognose), expected, risiko})
		}
	}
	// Appropriations in each year's budget, and what was spent.
	cost := float64(total)
	if len(reports) > 0 {
		cost = float64(reports[len(reports)-1].prognose)
	}
	years := max(1, min(handover.Year(), LastYear)-sy+1)
	for y := sy; y <= min(handover.Year(), LastYear); y++ {
		v := decided
		if y > sy {
			v = g.budget(y)
		}
		fmt.Fprintf(&b, "\n[[bevilgning]]\nar = %d\nbelop = %d\nvedtak = %q\n", y, round(cost/float64(years)), v.id)
	}
	for y := sy; y <= min(handover.Year(), LastYear); y++ {
		share := 1 / float64(years)
		if y == LastYear && handover.After(refDate) {
			share *= 0.7
		}
		fmt.Fprintf(&b, "\n[[regnskap]]\nar = %d\nbelop = %d\n", y, round(cost*share*(0.9+0.2*g.r.Float64())))
	}
	for _, r := range reports {
		fmt.Fprintf(&b, "\n[[statusrapport]]\nar = %d\nperiode = %q\nprognose = %d\nforventet_ferdig = %s\nrisiko = %q\nkommentar = %q\n",
			r.ar, r.periode, r.prognose, iso(r.ferdig), r.risiko, capitalize(g.text(g.between(8, 30)))+".")
	}
	if final != nil {
		g.entitle(final, "Sluttregnskap for "+navn)
		fmt.Fprintf(&b, "\n[sluttregnskap]\nbelop = %d\nvedtak = %q\nvurdering = %q\n", round(cost*(0.98+0.04*g.r.Float64())), final.id, capitalize(g.text(12))+".")
	}
	g.files["prosjekter/"+p.id+".toml"] = b.String()
}

// planFiles writes the plans with their tiltak, now that the projects exist.
func (g *gen) planFiles() {
	for _, p := range g.planer {
		var b strings.Builder
		g.newTopic()
		fmt.Fprintf(&b, "id = %q\ntype = %q\ntittel = %q\nbeskrivelse = %q\nfra_ar = %d\ntil_ar = %d\nstatus = %q\n",
			p.id, p.typ, p.title, capitalize(g.text(20))+".", p.fra, p.til, p.status)
		if p.vedtatt != "" {
			fmt.Fprintf(&b, "vedtatt_i = %q\n", p.vedtatt)
		}
		if p.overordnet != "" {
			fmt.Fprintf(&b, "overordnet = %q\n", p.overordnet)
		}
		sat := ""
		for _, m := range p.malIDs {
			s := m[:strings.IndexByte(m, '-')]
			if s != sat {
				sat = s
				a, c := g.between(1, 17), g.between(1, 17)
				mal := fmt.Sprintf("%d", a)
				if c != a {
					mal = fmt.Sprintf("%d, %d", min(a, c), max(a, c))
				}
				fmt.Fprintf(&b, "\n[[satsingsomrade]]\nid = %q\nnavn = %q\nbarekraftsmal = [%s]\n", s, capitalize(g.text(3)), mal)
			}
			fmt.Fprintf(&b, "\n[[satsingsomrade.mal]]\nid = %q\ntekst = %q\n", m, capitalize(g.text(8)))
		}
		var parent *plan
		for _, q := range g.planer {
			if q.id == p.overordnet {
				parent = q
			}
		}
		var projects []*prosjekt
		for _, pr := range g.proj {
			if pr.start >= p.fra && pr.start <= p.til {
				projects = append(projects, pr)
			}
		}
		old := p.til < LastYear || p.status == "erstattet"
		for t := 1; t <= p.nTiltak; t++ {
			status := []string{"ikke_startet", "under_arbeid", "under_arbeid", "fullfort"}[g.r.IntN(4)]
			if old {
				status = []string{"fullfort", "fullfort", "fullfort", "under_arbeid"}[g.r.IntN(4)]
			}
			if p.status == "under_arbeid" {
				status = "ikke_startet"
			}
			var cite *vedtak
			if p.status != "under_arbeid" && g.r.IntN(12) == 0 {
				from := date(p.fra, 1, 1)
				cite = g.kstUpTo(from, date(p.fra+1, 12, 31))
				if cite != nil {
					status = "utgar"
				}
			}
			fase := map[string]string{"ikke_startet": "okonomiplan", "under_arbeid": "gjennomforing", "fullfort": "evaluering", "utgar": "gjennomforing"}[status]
			mal := fmt.Sprintf("%q", p.malIDs[g.r.IntN(len(p.malIDs))])
			if parent != nil && g.r.IntN(3) == 0 {
				mal += fmt.Sprintf(", \"%s/%s\"", parent.id, parent.malIDs[g.r.IntN(len(parent.malIDs))])
			}
			fmt.Fprintf(&b, "\n[[tiltak]]\nid = \"t%d\"\ntittel = %q\nansvarlig = %q\nfase = %q\nstatus = %q\nmal = [%s]\nrammeomrader = [%q]\n",
				t, capitalize(g.text(g.between(3, 7))), g.pick(ansvarlige), fase, status, mal, omrader[g.r.IntN(len(omrader))].id)
			if len(projects) > 0 && g.r.IntN(6) == 0 {
				fmt.Fprintf(&b, "prosjekter = [%q]\n", projects[g.r.IntN(len(projects))].id)
			}
			if cite != nil {
				fmt.Fprintf(&b, "begrunnelse = %q\nvedtak = [%q]\n", capitalize(g.text(10))+".", cite.id)
			}
		}
		if p.typ == "kommunedelplan" {
			for f := 1; f <= 3; f++ {
				fra := date(p.fra+(f-1)*(p.til-p.fra)/3, 1, 1)
				til := date(p.fra+f*(p.til-p.fra)/3, 12, 31)
				fmt.Fprintf(&b, "\n[[fase]]\nnr = %d\nnavn = %q\nfra = %s\ntil = %s\n", f, capitalize(g.text(3)), iso(fra), iso(til))
				for range g.between(2, 4) {
					fmt.Fprintf(&b, "\n[[fase.sjekkpunkt]]\ntekst = %q\n", capitalize(g.text(6)))
					if d := til.AddDate(0, -g.between(0, 6), 0); !d.After(refDate) {
						fmt.Fprintf(&b, "oppfylt = true\ndato = %s\n", iso(d))
					}
				}
			}
		}
		g.files["planer/"+p.id+".toml"] = b.String()
	}
}

// report is a follow-up report after a meeting: the tertial reports and
// the annual report.
type report struct {
	date time.Time
	name string
}

func reportsAfter(d time.Time) []report {
	var out []report
	for y := d.Year(); y <= LastYear; y++ {
		for _, r := range []report{{date(y, 6, 10), fmt.Sprintf("1. tertial %d", y)}, {date(y, 10, 10), fmt.Sprintf("2. tertial %d", y)}, {date(y+1, 3, 20), fmt.Sprintf("Årsrapport %d", y)}} {
			if r.date.After(d) && !r.date.After(refDate) {
				out = append(out, r)
			}
		}
	}
	slices.SortFunc(out, func(a, b report) int { return a.date.Compare(b.date) })
	return out
}

// vedtakFiles writes every vedtak with its text, points and follow-up.
func (g *gen) vedtakFiles() {
	for _, v := range g.vedtak {
		y := v.date.Year()
		g.newTopic()
		if v.title == "" {
			v.title = capitalize(g.text(g.between(3, 8)))
		}
		if g.r.IntN(30) == 0 {
			v.omrader = append(v.omrader, omrader[g.r.IntN(len(omrader))].id)
		}
		if g.r.IntN(100) == 0 && len(g.planer) > 0 {
			v.planer = append(v.planer, g.planer[g.r.IntN(len(g.planer))].id)
		}
		var b strings.Builder
		fmt.Fprintf(&b, "id = %q\nutvalg = %q\nmotedato = %s\nsaksnummer = \"%03d/%02d\"\narkivsak = \"%02d/%d\"\ntittel = %q\ntekst = \"\"\"\n%s.\n\"\"\"\n",
			v.id, v.utvalg, iso(v.date), v.seq, y%100, y%100, 100+g.r.IntN(9000), v.title, capitalize(g.text(g.between(25, 110))))
		for _, f := range []struct {
			key string
			ids []string
		}{{"planer", v.planer}, {"rammeomrader", v.omrader}, {"prosjekter", v.prosjekter}} {
			if len(f.ids) > 0 {
				slices.Sort(f.ids)
				f.ids = slices.Compact(f.ids)
				fmt.Fprintf(&b, "%s = [\"%s\"]\n", f.key, strings.Join(f.ids, `", "`))
			}
		}
		nPunkt := 0
		switch r := g.r.IntN(100); {
		case r < 15:
		case r < 55:
			nPunkt = 1
		case r < 75:
			nPunkt = 2
		case r < 87:
			nPunkt = 3
		case r < 94:
			nPunkt = 4
		default:
			nPunkt = g.between(5, 8)
		}
		for nr := 1; nr <= nPunkt; nr++ {
			g.punkt(&b, v, nr)
		}
		g.files[fmt.Sprintf("vedtak/%d/%s.toml", y, v.id)] = b.String()
	}
}

// punkt writes one point of v with its follow-up log.
func (g *gen) punkt(b *strings.Builder, v *vedtak, nr int) {
	fmt.Fprintf(b, "\n[[punkt]]\nnr = %d\ntekst = %q\nansvarlig = %q\n", nr, g.pick([]string{"Kommunedirektøren bes ", "Det bevilges ", "Kommunestyret ber om at ", "Saken sendes "})+g.text(g.between(6, 24))+".", g.pick(ansvarlige))
	if g.r.IntN(4) != 0 {
		fmt.Fprintf(b, "frist = %s\n", iso(v.date.AddDate(0, g.between(2, 18), 0)))
	}
	// When the work is done, and whether it ever is.
	done := v.date.AddDate(0, g.between(1, 24), 0)
	fate := "fullfort"
	switch r := g.r.IntN(100); {
	case r < 6:
		fate = "stuck"
	case r < 8:
		fate = "utgar"
	}
	n := 0
	for _, rep := range reportsAfter(v.date) {
		if n == 4 {
			break
		}
		finished := !rep.date.Before(done) && fate != "stuck"
		if !finished && g.r.IntN(5) < 2 {
			continue // not reported this time
		}
		status := "under_arbeid"
		cite := ""
		if finished {
			status = fate
		}
		if status == "utgar" {
			c := g.kstUpTo(v.date, rep.date)
			if c == nil || c == v {
				status = "fullfort"
			} else {
				cite = c.id
			}
		} else if g.r.IntN(40) == 0 {
			if c := g.kstUpTo(v.date, rep.date); c != nil && c != v {
				cite = c.id
			}
		}
		fmt.Fprintf(b, "\n[[punkt.oppfolging]]\ndato = %s\nstatus = %q\ntekst = %q\n", iso(rep.date), status, capitalize(g.text(g.between(5, 20)))+".")
		if cite != "" {
			fmt.Fprintf(b, "vedtak = %q\n", cite)
		} else {
			fmt.Fprintf(b, "rapportert_i = %q\n", rep.name)
		}
		n++
		if finished {
			break
		}
	}
}
