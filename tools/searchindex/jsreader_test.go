package searchindex

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis/lang/no"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/openkommune/portal/tools/search"
)

// The browser's reader (static/js/search-engine.js) is held to bleve: the
// tests here run it in Node over the static index of the example and
// compare every answer with bleve's own upsidedown index of the same
// documents (FuzzReference's reference engine).

// scoreTolerance is how far the reader's scores may be from bleve's,
// relative: both compute TF-IDF in float64, but may add the parts of a
// score in another order and take logarithms from different libraries.
const scoreTolerance = 1e-9

// jsReader is a Node process running the reader.
type jsReader struct {
	mu  sync.Mutex
	in  *json.Encoder
	out *bufio.Scanner
	cmd *exec.Cmd
}

// jsAnswer is the reader's answer: a response as package search writes
// it, or that the query is for the WebAssembly engine, or a failure.
type jsAnswer struct {
	Unsupported string   `json:"unsupported"`
	Fatal       string   `json:"fatal"`
	Fetched     int      `json:"fetched"`
	Requests    int      `json:"requests"`
	Files       []string `json:"files"` // the files fetched, in order
	search.Response
}

var jsIndex struct {
	once      sync.Once
	r         *jsReader
	err       error
	dir, head string // the index's files and its head's name
}

// smallOptions cut the example into many chunks, pages and blocks, so the
// reader's fetching is exercised.
var smallOptions = Options{ChunkBytes: 2 << 10, PageChunks: 4, BlockDocs: 3}

// exampleJS starts the reader over the example's index, once.
func exampleJS(t testing.TB) *jsReader {
	t.Helper()
	jsIndex.once.Do(func() {
		x, err := Build(Docs(exampleSite(t)), smallOptions)
		if err != nil {
			jsIndex.err = err
			return
		}
		dir, err := os.MkdirTemp("", "portal-jsreader-")
		if err != nil {
			jsIndex.err = err
			return
		}
		for name, b := range x.Files {
			p := filepath.Join(dir, filepath.FromSlash(name))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, b, 0o644); err != nil {
				jsIndex.err = err
				return
			}
		}
		jsIndex.dir, jsIndex.head = dir, x.Head
		jsIndex.r, jsIndex.err = startJS(dir, x.Head)
	})
	if jsIndex.err != nil {
		t.Fatal(jsIndex.err)
	}
	return jsIndex.r
}

func startJS(dir, head string) (*jsReader, error) {
	node, err := exec.LookPath("node")
	if err != nil {
		return nil, fmt.Errorf("the browser reader's tests need Node.js: %w", err)
	}
	cmd := exec.Command(node, "testdata/jsreader.js", "../../static/js/search-engine.js", dir, head)
	cmd.Stderr = os.Stderr
	w, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	r, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	return &jsReader{in: json.NewEncoder(w), out: sc, cmd: cmd}, nil
}

func (j *jsReader) call(msg, out any) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if err := j.in.Encode(msg); err != nil {
		return err
	}
	if !j.out.Scan() {
		return fmt.Errorf("node ended: %v", j.out.Err())
	}
	return json.Unmarshal(j.out.Bytes(), out)
}

func (j *jsReader) search(t testing.TB, req search.Request) *jsAnswer {
	t.Helper()
	var a jsAnswer
	if err := j.call(map[string]any{"req": req}, &a); err != nil {
		t.Fatal(err)
	}
	if a.Fatal != "" {
		t.Fatalf("%+v: the reader failed: %s", req, a.Fatal)
	}
	return &a
}

// referenceEngine is bleve's upsidedown index of the example, shared with
// FuzzReference.
func referenceEngine(t testing.TB) *search.Engine {
	t.Helper()
	engines.once.Do(func() { setupEngines(t) })
	if engines.mem == nil {
		t.Fatal("no engines")
	}
	return engines.mem
}

// compareJS says how the reader's answer differs from bleve's, or "".
func compareJS(got *jsAnswer, want *search.Response) string {
	if want.Error != "" || got.Error != "" {
		if want.Code != got.Code || (want.Code != "" && !slices.Equal(want.Args, got.Args)) || (want.Error == "") != (got.Error == "") {
			return fmt.Sprintf("error %q %q %v, want %q %q %v", got.Error, got.Code, got.Args, want.Error, want.Code, want.Args)
		}
		return ""
	}
	if !reflect.DeepEqual(got.Notice, want.Notice) {
		return fmt.Sprintf("notice %+v, want %+v", got.Notice, want.Notice)
	}
	if got.Total != want.Total {
		return fmt.Sprintf("total %d, want %d", got.Total, want.Total)
	}
	if len(got.Hits) != len(want.Hits) {
		return fmt.Sprintf("%d hits, want %d", len(got.Hits), len(want.Hits))
	}
	for i, g := range got.Hits {
		w := want.Hits[i]
		if !nearScore(g.Score, w.Score) {
			return fmt.Sprintf("hit %d: score %v, want %v (ord %d, want %d)", i, g.Score, w.Score, g.Ord, w.Ord)
		}
		if g.Ord != w.Ord && !tied(want.Hits, i, g.Ord) {
			return fmt.Sprintf("hit %d: ord %d (score %v), want %d (score %v)", i, g.Ord, g.Score, w.Ord, w.Score)
		}
		if g.Ord == w.Ord && (g.Type != w.Type || g.URL != w.URL || g.Date != w.Date || g.Label != w.Label || g.Points != w.Points) {
			return fmt.Sprintf("hit %d: %+v, want %+v", i, g, w)
		}
	}
	if !reflect.DeepEqual(normFacets(got.Facets), normFacets(want.Facets)) {
		return fmt.Sprintf("facets\n%+v\nwant\n%+v", got.Facets, want.Facets)
	}
	if !reflect.DeepEqual(got.Recall, want.Recall) {
		return fmt.Sprintf("recall %+v, want %+v", got.Recall, want.Recall)
	}
	if !slices.Equal(got.Terms, want.Terms) {
		return fmt.Sprintf("terms %q, want %q", got.Terms, want.Terms)
	}
	return ""
}

func nearScore(a, b float64) bool {
	return a == b || math.Abs(a-b) <= scoreTolerance*math.Max(math.Abs(a), math.Abs(b))
}

// tied says whether ord may stand at position i of want: a hit of want
// with a score within the tolerance of the one there has it, or the
// near-tie reaches the end of the page.
func tied(want []search.Hit, i, ord int) bool {
	s := want[i].Score
	for j := range want {
		if nearScore(want[j].Score, s) && (want[j].Ord == ord || j == len(want)-1) {
			return true
		}
	}
	return false
}

func normFacets(fs []search.Facet) []search.Facet {
	out := []search.Facet{}
	for _, f := range fs {
		if f.Values == nil {
			f.Values = []search.FacetValue{}
		}
		out = append(out, f)
	}
	return out
}

// TestJSReaderAnalysis checks the reader's Norwegian analysis against
// bleve's: the stop words, the fields, and the terms of every word of the
// example and of generated words.
func TestJSReaderAnalysis(t *testing.T) {
	js := exampleJS(t)
	var info struct {
		Stop   []string `json:"stop"`
		Fields []struct {
			Name   string  `json:"name"`
			Kind   int     `json:"kind"`
			Boost  float64 `json:"boost"`
			Facet  bool    `json:"facet"`
			Sort   bool    `json:"sort"`
			Hidden bool    `json:"hidden"`
		} `json:"fields"`
	}
	if err := js.call(map[string]any{"op": "info"}, &info); err != nil {
		t.Fatal(err)
	}
	tm, err := registry.NewCache().TokenMapNamed(no.StopName)
	if err != nil {
		t.Fatal(err)
	}
	var stop []string
	for w := range tm {
		stop = append(stop, w)
	}
	sort.Strings(stop)
	sort.Strings(info.Stop)
	if !slices.Equal(stop, info.Stop) {
		t.Errorf("stop words differ from bleve's:\n%q\n%q", info.Stop, stop)
	}
	if len(info.Fields) != len(search.Fields) {
		t.Fatalf("the reader has %d fields, package search %d", len(info.Fields), len(search.Fields))
	}
	for i, f := range search.Fields {
		g := info.Fields[i]
		if g.Name != f.Name || g.Kind != int(f.Kind) || g.Boost != f.Boost || g.Facet != f.Facet || g.Sort != f.Sort || g.Hidden != f.Hidden {
			t.Errorf("field %d: the reader has %+v, package search %+v", i, g, f)
		}
	}

	an := search.NewAnalyzers(search.Mapping())
	texts := map[string]bool{}
	for _, d := range Docs(exampleSite(t)) {
		for _, w := range strings.FieldsFunc(d.Tittel+" "+d.Tekst, unicode.IsSpace) {
			texts[w] = true
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("abdeiknorstuvyæøåéüABÆØÅ0123456789.,;:'_-/ ")
	for range 20000 {
		n := 1 + rng.IntN(12)
		r := make([]rune, n)
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		texts[string(r)] = true
	}
	var list []string
	for w := range texts {
		list = append(list, w)
	}
	sort.Strings(list)
	for _, kind := range []string{"text", "keyword"} {
		var got struct {
			Tokens [][]string `json:"tokens"`
		}
		if err := js.call(map[string]any{"op": "analyze", "kind": kind, "texts": list}, &got); err != nil {
			t.Fatal(err)
		}
		a := an.Query
		if kind == "keyword" {
			a = an.Keyword
		}
		bad := 0
		for i, s := range list {
			var want []string
			for _, tok := range a.Analyze([]byte(s)) {
				want = append(want, string(tok.Term))
			}
			if !slices.Equal(got.Tokens[i], want) && !(len(want) == 0 && len(got.Tokens[i]) == 0) {
				if bad++; bad <= 20 {
					t.Errorf("%s %q: the reader has %q, bleve %q", kind, s, got.Tokens[i], want)
				}
			}
		}
		if bad > 0 {
			t.Errorf("%s: %d of %d texts analysed differently", kind, bad, len(list))
		}
	}
}

// TestJSReaderMatchesBleve runs a large generated set of requests (words,
// phrases, +/-, field:value, ranges, years and dates, case numbers,
// facets, sorting and paging) through the reader and through bleve, and
// wants the same answers.
func TestJSReaderMatchesBleve(t *testing.T) {
	js := exampleJS(t)
	ref := referenceEngine(t)
	reqs := generatedRequests(t, 4000)
	unsupported := 0
	failures := 0
	for _, req := range reqs {
		got := js.search(t, req)
		if got.Unsupported != "" {
			unsupported++
			continue
		}
		want := ref.Search(req)
		if knownBooleanDivergence(req) {
			if got.Total != want.Total || !reflect.DeepEqual(normFacets(got.Facets), normFacets(want.Facets)) {
				t.Errorf("%s: total %d or facets differ from bleve's (%d)", reqString(req), got.Total, want.Total)
			}
			continue
		}
		if d := compareJS(got, want); d != "" {
			if failures++; failures <= 25 {
				t.Errorf("%s: %s", reqString(req), d)
			}
		}
	}
	if failures > 0 {
		t.Errorf("%d of %d requests differ", failures, len(reqs))
	}
	// The reader must take nearly everything typed.
	if unsupported > len(reqs)/10 {
		t.Errorf("%d of %d requests left to the WebAssembly engine", unsupported, len(reqs))
	}
	t.Logf("%d requests, %d left to the WebAssembly engine", len(reqs), unsupported)
}

func reqString(r search.Request) string {
	b, _ := json.Marshal(r)
	return string(b)
}

// generatedRequests makes n requests from the example's own words and
// values, in every syntax the reader reads.
func generatedRequests(t testing.TB, n int) []search.Request {
	docs := Docs(exampleSite(t))
	rng := rand.New(rand.NewPCG(17, 4))
	var words, keywords []string
	values := map[string][]string{}
	seen := map[string]bool{}
	for _, d := range docs {
		for _, w := range strings.FieldsFunc(d.Tittel+" "+d.Tekst, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(`"():`, r) }) {
			if !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
		for _, kv := range d.Keywords {
			k := kv.Field + ":" + kv.Value
			if !seen[k] {
				seen[k] = true
				keywords = append(keywords, k)
				values[kv.Field] = append(values[kv.Field], kv.Value)
			}
		}
	}
	sort.Strings(words)
	sort.Strings(keywords)
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	fixed := []string{"", "skole", "skolene barnehage", "+skole -nordbyen", `"nordbyen skole"`, "tittel:renseanlegg",
		"type:vedtakspunkt status:forsinket", "avvik_prosent:>20", "kostnadsramme:>=50000000", "dato:2025",
		"-skole", "budsjett", "dato:>=2024", "frist:<2026", "avvik_kr:<0", "belop:>=1000000", "aar:2025 utvalg:kst",
		"2025", "4120", "1. tertial", "2026-03-12", "12.03.2026", "KST 068/26", "23/1760", "og", "og skole", `""`,
		"+", "tittel:", "12:00", "Merk: skolen", "avvik_prosent:abc", "kostnadsramme:skole", "dato:>20x", "dato:2025-13-01",
		"tittel:>5", "-", `"`, "()", "e-post", "a.b", "vei veien veier", "type:prosjekt -status:over_ramme", "+dato:2025 skole",
		"skol*", "barneha*", "nordbyen sko*", "+skol* -barnehag*", "Skol*", "sko* bar* ren* vei*", "zzq*",
		"veien", "Veiene", "året", "nye skole", "+veier -skole", "tittel:veien", `"veien"`, "en", "e"}
	var short []string // short words, to take an ending (inflect.go)
	for _, w := range words {
		if n := len([]rune(w)); n >= 2 && n <= search.InflectionMaxRunes {
			short = append(short, strings.ToLower(w))
		}
	}
	numFields := []string{"avvik_prosent", "avvik_kr", "kostnadsramme", "belop"}
	var out []search.Request
	for i := 0; len(out) < n; i++ {
		var q string
		if i < len(fixed) {
			q = fixed[i]
		} else {
			var parts []string
			for k := 0; k <= rng.IntN(4); k++ {
				var p string
				switch rng.IntN(14) {
				case 13:
					p = typo(rng, strings.ToLower(pick(words)))
				case 12:
					p = prefixOf(rng, pick(words))
				case 0, 1, 2, 3:
					p = pick(words)
				case 4:
					p = `"` + pick(words) + " " + pick(words) + `"`
				case 5:
					p = pick(keywords)
				case 6:
					p = fmt.Sprintf("%s:%s%d", pick(numFields), []string{">", ">=", "<", "<=", ""}[rng.IntN(5)], rng.IntN(100)*[]int{1, 1000, 1000000}[rng.IntN(3)])
				case 7:
					p = fmt.Sprintf("%s:%s%d", []string{"dato", "frist"}[rng.IntN(2)], []string{">", ">=", "<", "<=", ""}[rng.IntN(5)], 2020+rng.IntN(8))
				case 8:
					p = []string{"tittel:", "tekst:"}[rng.IntN(2)] + pick(words)
				case 9:
					p = fmt.Sprint(2020 + rng.IntN(8))
				case 10:
					if v := values["sak"]; len(v) > 0 {
						p = strings.ToUpper(pick(v))
					}
				case 11:
					p = pick(short) + pick(search.InflectionEndings)
				default:
					p = strings.ToLower(pick(words))
				}
				switch rng.IntN(6) {
				case 0:
					p = "+" + p
				case 1:
					p = "-" + p
				}
				parts = append(parts, p)
			}
			q = strings.Join(parts, " ")
		}
		req := search.Request{Query: q, Recall: rng.IntN(2) == 0}
		if rng.IntN(4) == 0 {
			f := search.FacetFields()[rng.IntN(len(search.FacetFields()))]
			if vs := values[f]; len(vs) > 0 {
				req.Filters = map[string][]string{f: {pick(vs)}}
				if rng.IntN(3) == 0 {
					req.Filters[f] = append(req.Filters[f], pick(vs))
				}
			}
		}
		if rng.IntN(5) == 0 {
			name := []string{"avvik_prosent", "kostnadsramme", "belop"}[rng.IntN(3)]
			var r search.Range
			if rng.IntN(2) == 0 {
				v := float64(rng.IntN(40) - 10)
				if name != "avvik_prosent" {
					v *= 5e6
				}
				r.Min = &v
			}
			if rng.IntN(2) == 0 {
				v := float64(rng.IntN(40))
				if name != "avvik_prosent" {
					v *= 5e6
				}
				r.Max = &v
			}
			req.Ranges = map[string]search.Range{name: r}
		}
		if rng.IntN(4) == 0 {
			req.Sort = []string{"dato", "avvik_prosent", "kostnadsramme", "tittel"}[rng.IntN(4)]
		}
		if rng.IntN(5) == 0 {
			req.From = rng.IntN(40)
			req.Size = rng.IntN(30)
		}
		out = append(out, req)
	}
	return out
}

// prefixOf makes a prefix word (w*) from the letters of w, as the search
// page asks for the last word typed: 3 runes or more, or w whole.
func prefixOf(rng *rand.Rand, w string) string {
	rs := []rune(strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })))
	if len(rs) < 3 || !unicode.IsLetter(rs[0]) {
		return w
	}
	for _, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) || r > 0xff {
			return w
		}
	}
	return string(rs[:3+rng.IntN(len(rs)-2)]) + "*"
}

// TestJSReaderPrefix: the reader answers prefix words itself (the search
// page makes the last word typed one), as bleve's wildcard does.
func TestJSReaderPrefix(t *testing.T) {
	js := exampleJS(t)
	ref := referenceEngine(t)
	for _, q := range []string{"skol*", "barneha*", "nordbyen sko*", "+skol* -barnehag*", "RENSE*", "skolen skolen*", "-vei* skole"} {
		req := search.Request{Query: q}
		got := js.search(t, req)
		if got.Unsupported != "" {
			t.Errorf("%q: left to the WebAssembly engine (%s)", q, got.Unsupported)
			continue
		}
		want := ref.Search(req)
		if d := compareJS(got, want); d != "" {
			t.Errorf("%q: %s", q, d)
		}
		if q == "barneha*" && got.Total == 0 {
			t.Errorf("%q: no hits", q)
		}
	}
	// Patterns the reader leaves to the engine.
	for _, q := range []string{"sk*le", "*kole", "tittel:skol*", "a+skol*", "sk?l", "skol**", "a* b* c* d* e*"} {
		if got := js.search(t, search.Request{Query: q}); got.Unsupported == "" {
			t.Errorf("%q: the reader answered; it is for the WebAssembly engine", q)
		}
	}
}

// knownBooleanDivergence is the one shape where the reader and bleve are
// known to differ (docs/search.md, "Known differences"): a query with a
// +clause and optional words, under a filter or range. bleve then scores
// some hits as if an optional word did not match (its boolean searcher is
// advanced, not stepped, under the filter's conjunction); the reader
// scores the match. The total and the facets are the same.
func knownBooleanDivergence(r search.Request) bool {
	return strings.Contains(r.Query, "+") && (len(r.Filters) > 0 || len(r.Ranges) > 0)
}

// typo makes one edit in w: a letter replaced, dropped, added or two
// swapped (two edits, as bleve counts).
func typo(rng *rand.Rand, w string) string {
	rs := []rune(w)
	if len(rs) < 3 {
		return w
	}
	i := 1 + rng.IntN(len(rs)-1)
	c := []rune("aeiouøåskln")[rng.IntN(11)]
	switch rng.IntN(4) {
	case 0:
		rs[i] = c
	case 1:
		rs = append(rs[:i], rs[i+1:]...)
	case 2:
		rs = append(rs[:i], append([]rune{c}, rs[i:]...)...)
	default:
		rs[i-1], rs[i] = rs[i], rs[i-1]
	}
	return string(rs)
}

// TestJSReaderRecall: with Recall, the last word is also a prefix and a
// word with no dictionary entry is searched with one edit allowed, in the
// reader as in package search over bleve's own index.
func TestJSReaderRecall(t *testing.T) {
	js := exampleJS(t)
	ref := referenceEngine(t)
	cases := []struct {
		q     string
		fuzzy []string
		hits  bool
	}{
		{"barneha", nil, true},
		{"skoel", []string{"skoel"}, true},
		{"skloe", []string{"skloe"}, false}, // two edits from the stem skol
		{"renseanleg", nil, true},
		{"rensaenlegg", []string{"rensaenlegg"}, false},
		{"nordbyen skkole", []string{"skkole"}, true},
		{"nordbyen skkole ", []string{"skkole"}, true},
		{"+nordbyen barnehgae", []string{"barnehgae"}, true},
		{"Skoel", []string{"Skoel"}, true},
		{"idrettshal", nil, true},
		{"zzzqqq", []string{"zzzqqq"}, false},
		{`"skloe"`, nil, false},
		{"tittel:skloe", nil, false},
		{"og", nil, false},
		{"a* b* c* d* skole", nil, true},
		{"overskridelse", nil, true},
		{"sprekk", nil, true},
		{"nordbyen Sprekk", nil, true},
		{"+sprekk -nordbyen", nil, true},
		{"forsinka", nil, true},
		{strings.Repeat("x", 40), []string{strings.Repeat("x", 40)}, false},
		{strings.Repeat("x", 41), nil, false},
		{"skole " + strings.Repeat("x", 41), nil, true},
	}
	for _, c := range cases {
		req := search.Request{Query: c.q, Recall: true}
		got := js.search(t, req)
		if got.Unsupported != "" {
			t.Errorf("%q: left to the WebAssembly engine (%s)", c.q, got.Unsupported)
			continue
		}
		want := ref.Search(req)
		if d := compareJS(got, want); d != "" {
			t.Errorf("%q: %s", c.q, d)
		}
		var fz []string
		if want.Recall != nil {
			fz = want.Recall.Fuzzy
		}
		if !slices.Equal(fz, c.fuzzy) {
			t.Errorf("%q: fuzzy words %q, want %q", c.q, fz, c.fuzzy)
		}
		if (want.Total > 0) != c.hits {
			t.Errorf("%q: %d hits", c.q, want.Total)
		}
	}
}

// TestShortInflections: with Recall, the forms of a short word the stemmer
// keeps whole (veien, veier) find the word (vei), ranked by the reader as
// by bleve.
func TestShortInflections(t *testing.T) {
	js := exampleJS(t)
	ref := referenceEngine(t)
	page := func(h search.Hit) string {
		if h.Type == "vedtak" || h.Type == "vedtakspunkt" {
			p, _, _ := strings.Cut(h.URL, "#")
			return p
		}
		return h.URL
	}
	base := ref.Search(search.Request{Query: "vei", Size: 100})
	if base.Total == 0 {
		t.Fatal("the example has no vei")
	}
	for _, q := range []string{"veien", "veier", "Veiene", "vei"} {
		req := search.Request{Query: q, Recall: true, Size: 100}
		want := ref.Search(req)
		found := map[string]bool{}
		for _, h := range want.Hits {
			found[page(h)] = true
		}
		for _, h := range base.Hits {
			if !found[page(h)] {
				t.Errorf("%q: misses %s", q, h.URL)
			}
		}
		if want.Recall != nil {
			t.Errorf("%q: searched as a typo (%v)", q, want.Recall.Fuzzy)
		}
		if d := compareJS(js.search(t, req), want); d != "" {
			t.Errorf("%q: %s", q, d)
		}
	}
}

// TestSynonyms: with Recall, "sprekk" and "overskridelse" find every
// project over its frame, ranked by the reader as by bleve.
func TestSynonyms(t *testing.T) {
	js := exampleJS(t)
	ref := referenceEngine(t)
	over := ref.Search(search.Request{Query: "+type:prosjekt +status:over_ramme", Size: 100})
	if over.Total == 0 {
		t.Fatal("the example has no project over its frame")
	}
	for _, q := range []string{"sprekk", "overskridelse", "Overskridelser"} {
		req := search.Request{Query: q, Recall: true, Size: 100}
		want := ref.Search(req)
		found := map[int]bool{}
		for _, h := range want.Hits {
			found[h.Ord] = true
		}
		for _, h := range over.Hits {
			if !found[h.Ord] {
				t.Errorf("%q: misses %s", q, h.URL)
			}
		}
		if d := compareJS(js.search(t, req), want); d != "" {
			t.Errorf("%q: %s", q, d)
		}
		if plain := ref.Search(search.Request{Query: q, Size: 100}); plain.Total >= want.Total {
			t.Errorf("%q: %d hits without recall, %d with", q, plain.Total, want.Total)
		}
	}
}

// TestTiesByDate: hits with equal scores come newest first, in the reader
// as in package search.
func TestTiesByDate(t *testing.T) {
	js := exampleJS(t)
	ref := referenceEngine(t)
	for _, req := range []search.Request{
		{Query: "", Filters: map[string][]string{"type": {"vedtak"}}, Size: 50},
		{Query: "type:vedtakspunkt", Size: 50},
		{Query: "utvalg:kst", Size: 30, From: 10},
		{Query: "", Size: 100},
	} {
		want := ref.Search(req)
		got := js.search(t, req)
		if len(want.Hits) < 10 {
			t.Fatalf("%s: %d hits", reqString(req), len(want.Hits))
		}
		for i, h := range want.Hits {
			if i < len(got.Hits) && got.Hits[i].Ord != h.Ord {
				t.Errorf("%s: hit %d is %d in the reader, %d in bleve", reqString(req), i, got.Hits[i].Ord, h.Ord)
				break
			}
			if i == 0 || h.Score != want.Hits[i-1].Score {
				continue
			}
			if p := want.Hits[i-1]; h.Date > p.Date && p.Date != "" {
				t.Errorf("%s: hit %d (%s) is newer than hit %d (%s) of the same score", reqString(req), i, h.Date, i-1, p.Date)
				break
			}
		}
	}
}

// TestRecallKnownLastWord: the last word is widened to a prefix only
// while the index does not have it as a word. A word the index has
// searches as if a space followed it (no prefix; synonyms, inflections
// and the one-edit retry as before), although its prefix would find more
// (skole*: skolestart, skoletid, …), while a half word (budsjettr)
// finds the words it begins; the reader answers as bleve.
func TestRecallKnownLastWord(t *testing.T) {
	js := exampleJS(t)
	ref := referenceEngine(t)
	check := func(req search.Request) *search.Response {
		t.Helper()
		want := ref.Search(req)
		if d := compareJS(js.search(t, req), want); d != "" {
			t.Errorf("%q: %s", req.Query, d)
		}
		return want
	}
	narrower := 0
	for _, w := range []string{"vei", "skole", "vann", "budsjett", "idrett", "barn", "omsorg", "nordbyen skole"} {
		got := check(search.Request{Query: w, Size: 100, Recall: true})
		ended := check(search.Request{Query: w + " ", Size: 100, Recall: true})
		if got.Total == 0 || got.Total != ended.Total || !slices.EqualFunc(got.Hits, ended.Hits, func(a, b search.Hit) bool { return a.URL == b.URL && a.Score == b.Score }) {
			t.Errorf("%q: %d hits, not those of %q (%d)", w, got.Total, w+" ", ended.Total)
		}
		if check(search.Request{Query: w + " " + w[strings.LastIndexByte(w, ' ')+1:] + "*", Size: 100}).Total > got.Total {
			narrower++
		}
	}
	if narrower == 0 {
		t.Error("no word's prefix finds more than the word: the test cannot tell the rule")
	}
	for _, w := range []string{"budsjettr", "skolest", "nordbyen omsorgsb"} {
		if r := check(search.Request{Query: w, Size: 100, Recall: true}); r.Total == 0 {
			t.Errorf("%q: no hits, want the words it begins", w)
		}
	}
}
