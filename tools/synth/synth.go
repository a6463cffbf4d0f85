// Package synth writes a synthetic kommune of any size: a data directory
// that passes check, with vedtak spread over the years, plans with tiltak,
// økonomiplaner with reguleringer and investment projects with frame
// histories and status reports. It exists for benchmarks and scale tests;
// the same Size and Seed always give the same files.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing/fstest"
	"unicode"
	"unicode/utf8"
)

// Size says how big the kommune is.
type Size struct {
	Vedtak     int
	Prosjekter int
	Planer     int
	Seed       int64
	Years      int // default: as many as VedtakPerYear gives
}

// VedtakPerYear is about how many vedtak a mid-sized kommune's utvalg make
// in a year.
const VedtakPerYear = 300

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

var words = strings.Fields(`skole barneskole ungdomsskole barnehage barnehageplasser skolebygg skolegård
omsorgsboliger sykehjem hjemmetjenester helsestasjon avløp avløpsanlegg vannledning vannverk vei gang- og
sykkelvei trafikksikring idrettshall kulturskole bibliotek brannstasjon boligfelt reguleringsplan
kommunedirektøren bes utrede kostnader finansiering tilleggsbevilgning budsjettregulering tertialrapport
rehabilitering nybygg anbud entreprise prosjektering klimatilpasning energi solceller fjernvarme
folkehelse frivillighet næringsutvikling sentrum havn kai gravplass barnevern rus psykisk helse
digitalisering innbyggere tjenester kvalitet bemanning vedlikehold forprosjekt detaljprosjekt`)

// stopwords are the most frequent words of Norwegian text, first in the
// vocabulary so that the word frequencies fall off as in real text.
var stopwords = strings.Fields(`og i til på det som er for med av at en et den de har ikke om kan vil skal
også fra blir etter ved mot ble seg var under over hvor når slik dette disse andre alle nye hele`)

// vocabulary is the words texts are drawn from, most frequent first:
// stop words, the topical words, then compounds of two topical words.
// Drawn by Zipf's law, a topical word occurs in a few per cent of the
// vedtak, as in a real kommune's record, not in nearly all of them.
var vocabulary = func() []string {
	v := append(append([]string{}, stopwords...), words...)
	var compounds []string
	for _, a := range words {
		for _, b := range words {
			if a != b && !strings.ContainsAny(a+b, " -") {
				compounds = append(compounds, a+b)
			}
		}
	}
	r := rand.New(rand.NewPCG(42, 42))
	r.Shuffle(len(compounds), func(i, j int) { compounds[i], compounds[j] = compounds[j], compounds[i] })
	return append(v, compounds...)
}()

type gen struct {
	r     *rand.Rand
	zipf  *rand.Zipf
	files map[string]string
	years []int
	ref   string
}

// Files returns the data directory as a map from path to content.
func Files(s Size) map[string]string {
	g := &gen{r: rand.New(rand.NewPCG(uint64(s.Seed), 7)), files: map[string]string{}}
	g.zipf = rand.NewZipf(g.r, 1.1, 1, uint64(len(vocabulary)-1))
	nYears := max(2, (s.Vedtak+VedtakPerYear-1)/VedtakPerYear)
	if s.Years > 0 {
		nYears = s.Years
	}
	last := 2026
	for y := last - nYears + 1; y <= last; y++ {
		g.years = append(g.years, y)
	}
	g.ref = fmt.Sprintf("%d-10-31", last)
	g.kommune()
	g.rammeomrader()
	adoption := g.vedtak(s.Vedtak)
	g.okonomiplaner(adoption)
	g.planer(s.Planer, adoption)
	g.prosjekter(s.Prosjekter, adoption)
	return g.files
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
	for _, p := range names {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, []byte(files[p]), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) text(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(vocabulary[g.zipf.Uint64()])
	}
	return b.String()
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func (g *gen) kommune() {
	g.files["kommune.toml"] = fmt.Sprintf(`navn = "Syntetisk kommune"
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

[[utvalg]]
kode = "KST"
navn = "Kommunestyret"

[[utvalg]]
kode = "FSK"
navn = "Formannskapet"
`, g.ref)
}

func (g *gen) rammeomrader() {
	var b strings.Builder
	for _, o := range omrader {
		fmt.Fprintf(&b, "[[omrade]]\nid = %q\nnavn = %q\nansvarlig = \"Kommunalsjef\"\nkostra = [%s]\n\n", o.id, o.navn, o.kostra)
	}
	g.files["rammeomrader.toml"] = b.String()
}

// vedtak writes n vedtak over the years and returns the id of the first
// vedtak of each year (used as the budget and plan adoption).
func (g *gen) vedtak(n int) map[int]string {
	adoption := map[int]string{}
	perYear := (n + len(g.years) - 1) / len(g.years)
	for i := range n {
		y := g.years[min(i/perYear, len(g.years)-1)]
		seq := i%perYear + 1
		utvalg := "KST"
		if seq%3 == 0 {
			utvalg = "FSK"
		}
		id := fmt.Sprintf("%s-%d-%04d", strings.ToLower(utvalg), y, seq)
		if _, ok := adoption[y]; !ok {
			adoption[y] = id
		}
		// Meetings from January to October, in order within the year.
		day := 1 + seq*300/max(perYear, 1)
		month := min(10, 1+day/30)
		dom := min(28, 1+day%30)
		date := fmt.Sprintf("%d-%02d-%02d", y, month, dom)
		var b strings.Builder
		fmt.Fprintf(&b, "id = %q\nutvalg = %q\nmotedato = %s\nsaksnummer = \"%03d/%02d\"\narkivsak = \"%02d/%d\"\ntittel = %q\ntekst = \"\"\"\n%s.\n\"\"\"\n",
			id, utvalg, date, seq, y%100, y%100, 1000+seq, capitalize(g.text(4)), g.text(60))
		for p := 1; p <= 1+g.r.IntN(3); p++ {
			frist := fmt.Sprintf("%d-%02d-28", y+1, 1+g.r.IntN(12))
			fmt.Fprintf(&b, "\n[[punkt]]\nnr = %d\ntekst = %q\nansvarlig = \"Kommunedirektøren\"\nfrist = %s\n", p, "Kommunedirektøren bes "+g.text(12)+".", frist)
			if g.r.IntN(2) == 0 && month < 10 {
				status := []string{"under_arbeid", "fullfort"}[g.r.IntN(2)]
				fmt.Fprintf(&b, "\n[[punkt.oppfolging]]\ndato = %d-%02d-28\nstatus = %q\ntekst = %q\nrapportert_i = \"2. tertial %d\"\n", y, month+1, status, g.text(15), y)
			}
		}
		g.files[fmt.Sprintf("vedtak/%d/%s.toml", y, id)] = b.String()
	}
	return adoption
}

func (g *gen) okonomiplaner(adoption map[int]string) {
	for _, y := range g.years {
		if (y-g.years[0])%4 != 0 {
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "id = \"%d-%d\"\nvedtatt_i = %q\nforste_ar = %d\n", y, y+3, adoption[y], y)
		for i, o := range omrader {
			base := int64(40_000_000 + i*35_000_000)
			fmt.Fprintf(&b, "\n[[ramme]]\nomrade = %q\nbelop = [%d, %d, %d, %d]\n", o.id, base, base+1_000_000, base+2_000_000, base+3_000_000)
		}
		for i := range 6 {
			o := omrader[g.r.IntN(len(omrader))]
			ar := y + min(i/2, len(g.years)-1-(y-g.years[0]))
			if ar > g.years[len(g.years)-1] {
				ar = g.years[len(g.years)-1]
			}
			fmt.Fprintf(&b, "\n[[regulering]]\nomrade = %q\nar = %d\nbelop = %d\nvedtak = %q\ntekst = %q\n", o.id, ar, int64(g.r.IntN(20)-10)*250_000+100_000, adoption[ar], g.text(5))
		}
		g.files[fmt.Sprintf("okonomiplan/%d-%d.toml", y, y+3)] = b.String()
	}
}

func (g *gen) planer(n int, adoption map[int]string) {
	for i := range n {
		y := g.years[i%len(g.years)]
		var b strings.Builder
		typ := "temaplan"
		if i == 0 {
			typ = "samfunnsdel"
		}
		fmt.Fprintf(&b, "id = \"plan-%03d\"\ntype = %q\ntittel = %q\nfra_ar = %d\ntil_ar = %d\nstatus = \"vedtatt\"\nvedtatt_i = %q\n", i+1, typ, "Plan for "+g.text(2), y, y+8, adoption[y])
		if i > 0 {
			b.WriteString("overordnet = \"plan-001\"\n")
		}
		for s := 1; s <= 3; s++ {
			fmt.Fprintf(&b, "\n[[satsingsomrade]]\nid = \"s%d\"\nnavn = %q\nbarekraftsmal = [%d, 17]\n", s, g.text(3), 3+s)
			for m := 1; m <= 2; m++ {
				fmt.Fprintf(&b, "\n[[satsingsomrade.mal]]\nid = \"s%d-m%d\"\ntekst = %q\n", s, m, g.text(8))
			}
		}
		for t := 1; t <= 8; t++ {
			fmt.Fprintf(&b, "\n[[tiltak]]\nid = \"t%d\"\ntittel = %q\nansvarlig = \"Kommunalsjef\"\nfase = %q\nstatus = %q\nmal = [\"s%d-m1\"]\nrammeomrader = [%q]\n",
				t, g.text(5), []string{"okonomiplan", "gjennomforing", "evaluering"}[t%3], []string{"ikke_startet", "under_arbeid", "fullfort"}[t%3], 1+t%3, omrader[t%len(omrader)].id)
		}
		g.files[fmt.Sprintf("planer/plan-%03d.toml", i+1)] = b.String()
	}
}

func (g *gen) prosjekter(n int, adoption map[int]string) {
	phases := []string{"behovsutredning", "forprosjekt", "detaljprosjekt", "bygging", "bygging", "overtatt", "avsluttet"}
	lastYear := g.years[len(g.years)-1]
	for i := range n {
		y := g.years[i%len(g.years)]
		fase := phases[i%len(phases)]
		if y == lastYear && (fase == "overtatt" || fase == "avsluttet") {
			fase = "bygging"
		}
		frame := int64(5+g.r.IntN(200)) * 1_000_000
		var b strings.Builder
		fmt.Fprintf(&b, "id = \"prosjekt-%04d\"\nnummer = \"%d\"\nnavn = %q\nomrade = %q\nansvarlig = \"Eiendom\"\nbeskrivelse = %q\nfase = %q\nstart_ar = %d\nplanlagt_ferdig = %d-06-30\n",
			i+1, 4000+i, capitalize(g.text(3)), omrader[i%len(omrader)].id, g.text(30), fase, y, y+1)
		if fase == "overtatt" || fase == "avsluttet" {
			fmt.Fprintf(&b, "overtatt = %d-08-15\n", y+1)
		}
		if fase != "behovsutredning" {
			fmt.Fprintf(&b, "\n[[kostnadsramme]]\ntype = \"opprinnelig\"\nbelop = %d\nvedtak = %q\n", frame, adoption[y])
			if i%4 == 0 && y+1 <= lastYear {
				fmt.Fprintf(&b, "\n[[kostnadsramme]]\ntype = \"tillegg\"\nbelop = %d\nvedtak = %q\n", frame/10, adoption[y+1])
			}
			fmt.Fprintf(&b, "\n[[regnskap]]\nar = %d\nbelop = %d\n", y, frame/3)
			for ry := y; ry <= min(y+1, lastYear); ry++ {
				fmt.Fprintf(&b, "\n[[statusrapport]]\nar = %d\nperiode = \"t2\"\nprognose = %d\nforventet_ferdig = %d-%02d-30\nrisiko = %q\nkommentar = %q\n",
					ry, frame+int64(g.r.IntN(40)-15)*frame/100, y+1, 6+g.r.IntN(6), []string{"gronn", "gul", "rod"}[g.r.IntN(3)], g.text(10))
			}
		}
		if fase == "avsluttet" {
			sy := min(y+2, lastYear)
			fmt.Fprintf(&b, "\n[sluttregnskap]\nbelop = %d\nvedtak = %q\nvurdering = %q\n", frame, g.lateVedtak(sy), g.text(10))
		}
		g.files[fmt.Sprintf("prosjekter/prosjekt-%04d.toml", i+1)] = b.String()
	}
}

// lateVedtak returns a vedtak late in year y (after any handover that year).
func (g *gen) lateVedtak(y int) string {
	best := ""
	for p := range g.files {
		if strings.HasPrefix(p, fmt.Sprintf("vedtak/%d/kst-", y)) && p > best {
			best = p
		}
	}
	return strings.TrimSuffix(filepath.Base(best), ".toml")
}
