package e2e

import (
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/openkommune/portal/tools/synth"
)

var syntheticData struct {
	once sync.Once
	dir  string
	err  error
}

// syntheticSite builds the synthetic kommune of 5 000 vedtak and 500
// projects: a large kommune's record over some years, the scale at which
// the browser timings are measured.
func syntheticSite(b *testing.B) string {
	syntheticData.once.Do(func() {
		dir := filepath.Join(b.TempDir(), "data")
		syntheticData.err = synth.WriteDir(dir, synth.Size{Vedtak: 5000, Prosjekter: 500, Planer: 20, Seed: 1})
		syntheticData.dir = dir
	})
	if syntheticData.err != nil {
		b.Fatal(syntheticData.err)
	}
	return buildSite(b, syntheticData.dir)
}

// benchQueries are what visitors type: single words of every frequency,
// pairs, required and excluded words, a filter with a word, ranges, a
// year, a title search, a prefix and a typo.
var benchQueries = []string{
	"skole", "barnehage", "vei", "omsorg", "idrettshall", "bibliotek", "sykehjem", "avløp", "havn",
	"brannstasjon", "fjernvarme", "solceller", "barnevern", "gravplass", "kulturskole", "vannverk",
	"budsjettregulering", "tertialrapport", "klimatilpasning", "digitalisering", "folkehelse",
	"skole barnehage", "vann avløp", "idrett hall", "ungdomsskole rehabilitering", "omsorgsboliger sykehjem",
	"+skole +rehabilitering", "+skole -barnehage", "+type:prosjekt skole", "+type:vedtak barnehage",
	"avvik_prosent:>20", "kostnadsramme:>50000000", "dato:2024", "dato:2024 status:forsinket",
	"tittel:plan", "tittel:skole", "skol*", "barnehgae~", "utvalg:fsk omsorg", "status:forsinket",
}

// submit runs a query on the search page and waits for its results.
func submit(b testing.TB, p *page, q string) {
	n := eval[int](b, p, rendersJS)
	eval[bool](b, p, `(() => { const i = document.getElementById('search-q'); i.value = `+jsString(q)+`;
		document.getElementById('search-form').requestSubmit(); return true; })()`)
	waitRender(b, p, n)
}

// BenchmarkBrowserQuery measures the engine's time for a query in headless
// Chromium once the chunks it needs are loaded, over the synthetic kommune
// of 5 000 vedtak: each query runs once to load its chunks, then again to be
// timed (target: ≤ 50 ms p95).
//
//	go test ./tools/e2e -run '^$' -bench BrowserQuery -benchtime 1x
func BenchmarkBrowserQuery(b *testing.B) {
	site := syntheticSite(b)
	srv := serve(b, site)
	p := newPage(b)
	do(b, p, chromedp.Navigate(srv.URL+basePath+"sok/"), chromedp.WaitVisible(chromedp.CSS("#search-q")))
	for _, q := range benchQueries {
		submit(b, p, q)
	}
	var ms []float64
	for b.Loop() {
		for _, q := range benchQueries {
			submit(b, p, q)
			v, _ := strconv.ParseFloat(eval[string](b, p, `document.getElementById('search-app').dataset.engineMs`), 64)
			ms = append(ms, v)
			if testing.Verbose() {
				b.Logf("%-32q %6.1f ms", q, v)
			}
		}
	}
	slices.Sort(ms)
	b.ReportMetric(ms[len(ms)/2], "ms-p50")
	b.ReportMetric(ms[(len(ms)*95+99)/100-1], "ms-p95")
	b.ReportMetric(ms[len(ms)-1], "ms-max")
}

// BenchmarkFirstResults measures, in a fresh headless Chromium each time
// (cold cache, loopback), the time from the first keystroke in the search
// box to the first results on the page: engine download and start, index
// head, chunks and result blocks, and the 150 ms typing pause.
//
//	go test ./tools/e2e -run '^$' -bench FirstResults -benchtime 3x
func BenchmarkFirstResults(b *testing.B) {
	site := syntheticSite(b)
	srv := serve(b, site)
	var ms []float64
	for b.Loop() {
		b.StopTimer()
		p := newPage(b)
		do(b, p, chromedp.Navigate(srv.URL+basePath+"sok/"), chromedp.WaitVisible(chromedp.CSS("#search-q")))
		eval[bool](b, p, `(() => { const i = document.getElementById('search-q');
			i.addEventListener('keydown', () => { if (!window.t0) window.t0 = performance.now(); });
			new MutationObserver(() => { if (!window.t1 && document.querySelector('#search-hits li')) window.t1 = performance.now(); })
				.observe(document.getElementById('search-hits'), { childList: true });
			return true; })()`)
		b.StartTimer()
		do(b, p, chromedp.Click(chromedp.CSS("#search-q")), chromedp.SendKeys(chromedp.CSS("#search-q"), "skole"))
		waitFor(b, p, `!!window.t1`, "first results")
		ms = append(ms, eval[float64](b, p, `window.t1 - window.t0`))
	}
	slices.Sort(ms)
	b.ReportMetric(ms[len(ms)/2], "ms-median")
	b.ReportMetric(ms[len(ms)-1], "ms-max")
}
