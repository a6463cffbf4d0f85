package search_test

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"html"
	"math"
	"os"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/search"
	"github.com/openkommune/portal/tools/searchindex"
)

// slow is how long one search over the tiny fuzz index may take, fetching
// included, with the fuzzer's instrumentation on a busy machine (it takes
// milliseconds): a search that takes longer would hang the browser's
// worker on a real index.
const slow = 10 * time.Second

// watchdog crashes the process, printing every goroutine's stack, if stop
// is not called within a minute: the fuzzer has no time limit per input,
// and a search that never ends must still be reported (a crash saves the
// input as a failing one).
func watchdog(what func() string) (stop func()) {
	timer := time.AfterFunc(6*slow, func() {
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		fmt.Fprintf(os.Stderr, "%s\n", buf)
		panic(fmt.Sprintf("hung for %v: %s", 6*slow, what()))
	})
	return func() { timer.Stop() }
}

var loaded struct {
	once sync.Once
	e    *search.Engine
	docs map[string]*searchindex.Doc // by result URL
}

// loadedEngine is an engine over the fixture with every piece added up
// front, so it answers every search in one round.
func loadedEngine(t *testing.T) (*search.Engine, map[string]*searchindex.Doc) {
	x := fixtureIndex(t)
	loaded.once.Do(func() {
		e, err := x.open(realBytes)
		if err != nil {
			t.Fatal(err)
		}
		for p := range x.head.Pages {
			if err := e.AddPage(p, x.piece(kindPage, p)); err != nil {
				t.Fatal(err)
			}
		}
		for i := 0; i < x.head.ChunkCount; i++ {
			if err := e.AddChunk(i, x.piece(kindChunk, i)); err != nil {
				t.Fatal(err)
			}
		}
		for b := 0; b < x.head.Results.Blocks; b++ {
			if err := e.AddBlock(b, x.piece(kindBlock, b)); err != nil {
				t.Fatal(err)
			}
		}
		loaded.e = e
		loaded.docs = map[string]*searchindex.Doc{}
		for _, d := range fixtureDocs() {
			loaded.docs[d.Result.URL] = d
		}
	})
	if loaded.e == nil {
		t.Fatal("no engine")
	}
	return loaded.e, loaded.docs
}

// FuzzQuery gives the engine any request: query text, a filter, a range,
// a sort order and a page. The search must answer (results or an error
// message) within the browser's 8 rounds of fetching, never asking twice
// for a file it was given, and never panicking; its answer must be the
// one of an engine with the whole index loaded; the response must encode
// as JSON (the wasm entry point sends it so); every hit must be a document
// of the index with its own type, URL, date and label, within the filter
// and range asked for, in score order; title and snippet must be the
// document's text, HTML-escaped, with nothing but <mark> tags; the type
// facet must count every hit once. The highlighting is also run on text
// of the fuzzer's own.
func FuzzQuery(f *testing.F) {
	for _, q := range []string{
		"", "skole", "skolene barnehage", "+skole -nordbyen", `"nordbyen skole"`, "tittel:renseanlegg",
		"type:vedtakspunkt status:forsinket", "avvik_prosent:>20", "kostnadsramme:>=50000000", "dato:2025",
		`dato:>"2024-06-01"`, "dato:2024-02-07", "frist:2025", "skol*", "skoel~", "-skole", "script", "mark",
		"amp", "anførsel", "æøå", "langtord*", "skole-", "/sk.le/", "tittel:/.*/", "sak:001/25", "x*",
		"vann^5 avløp", "aar:2024", "utvalg:KST", "kostnadsramme:1e13", "avvik_prosent:-12,5", "*", "?",
		"dato:>=2024 dato:<2025", "belop:<0", "tekst:", "(skole OR vei) AND -budsjett", `\"`, "a:b:c",
		"2025", "1. tertial", "KST 068/26", "25/1301", "12.03.2026", "2026-03-12", "!!!", "-", "+", ":", `"`,
		"~", "^", `\`, "()", "[]", "{}", "&&", "||", `"skole`, "(skole", "tittel:", "skole~9", "/[/", "/",
		"vann^NaN", "vann^-Inf", "vann^0", "vann^-1", "vann^1e308 avløp", "aar:>2024", "dato:2025-02-30", "12:00", "merk: skole",
		strings.Repeat("x", 300), strings.Repeat("a ", 40), strings.Repeat("(", 200),
	} {
		f.Add(q, "", "", "", 0.0, 0.0, uint8(0), "", 0, 0, "")
	}
	f.Add("skole", "type", "prosjekt|vedtak", "", 0.0, 0.0, uint8(0), "dato", 0, 5, "")
	f.Add("", "status", "over_ramme", "avvik_prosent", 10.0, 20.0, uint8(3), "avvik_prosent", 0, 100, "")
	f.Add("skole", "fase", "planlegging", "kostnadsramme", 1e7, 0.0, uint8(1), "kostnadsramme", 2, 3, "")
	f.Add("", "", "", "belop", 0.0, 5e6, uint8(2), "", -5, -1, "")
	f.Add("vann", "plan", "skolebruksplan", "avvik_kr", math.Inf(-1), math.NaN(), uint8(3), "tittel", 1<<40, 1<<40, "")
	f.Add("", "tittel", "skole", "", 0.0, 0.0, uint8(0), "", 0, 0, "")
	f.Add("skole", "", "", "", 0.0, 0.0, uint8(0), "", math.MaxInt, 100, "")
	f.Add("skole", "", "", "", 0.0, 0.0, uint8(0), "dato", math.MaxInt-50, math.MaxInt, "")
	f.Add("", "", "", "tittel", 0.0, 0.0, uint8(0), "", 0, 0, "")
	f.Add("skole", "", "", "", 0.0, 0.0, uint8(0), "", 0, 0, "Skolen <b>og</b> skolene & "+strings.Repeat("x", 300)+" skole")
	f.Add("skole", "", "", "", 0.0, 0.0, uint8(0), "", 0, 0, strings.Repeat("a ", 40)+strings.Repeat("skole-", 60)+"x")

	f.Fuzz(func(t *testing.T, q, filterField, filterValues, rangeField string, min, max float64, bounds uint8,
		sort string, from, size int, text string) {
		x := fixtureIndex(t)
		full, byURL := loadedEngine(t)
		start := time.Now()
		req := search.Request{Query: q, Sort: sort, From: from, Size: size}
		defer watchdog(func() string { return fmt.Sprintf("%+v", req) })()
		defer func() {
			if d := time.Since(start); d > slow {
				t.Errorf("%+v took %v", req, d)
			}
		}()
		if filterField != "" {
			req.Filters = map[string][]string{filterField: strings.Split(filterValues, "|")}
		}
		if rangeField != "" {
			var r search.Range
			if bounds&1 != 0 {
				r.Min = &min
			}
			if bounds&2 != 0 {
				r.Max = &max
			}
			req.Ranges = map[string]search.Range{rangeField: r}
		}

		want := full.Search(req)
		if want.Need != nil {
			t.Fatalf("%+v: the engine with every piece loaded needs %+v", req, want.Need)
		}
		e, err := x.open(realBytes)
		if err != nil {
			t.Fatal(err)
		}
		got, err := x.run(t, e, req, realBytes, false)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%+v:\nfetched     %+v\nall loaded  %+v", req, got, want)
		}
		if _, err := json.Marshal(got); err != nil {
			t.Fatalf("%+v: the response does not encode as JSON: %v", req, err)
		}
		if got.Hits == nil || got.Facets == nil || got.Terms == nil {
			t.Fatalf("%+v: nil lists in %+v", req, got)
		}
		if !slices.IsSorted(got.Terms) || len(slices.Compact(slices.Clone(got.Terms))) != len(got.Terms) {
			t.Fatalf("terms %q are not sorted and unique", got.Terms)
		}
		checkMessage(t, req, got)
		if got.Error != "" {
			if len(got.Hits) > 0 || got.Total != 0 {
				t.Fatalf("%+v: error %q with hits", req, got.Error)
			}
			return
		}
		checkHits(t, full, req, got, x, byURL)

		if text != "" {
			terms := map[string]bool{}
			for _, term := range got.Terms {
				terms[term] = true
			}
			snippet := full.Mark(text, terms, search.SnippetLen)
			checkMarked(t, "snippet of the fuzzer's text", snippet, text, true)
			checkMarked(t, "title of the fuzzer's text", full.Mark(text, terms, 0), text, false)
			checkShowsMatch(t, full, snippet, text, got.Terms)
		}
	})
}

// checkMessage wants every error and notice to be one of the messages the
// search page shows in the visitor's language, never an engine's error.
func checkMessage(t *testing.T, req search.Request, r *search.Response) {
	t.Helper()
	if r.Error != "" {
		m := search.Message{Code: r.Code, Args: r.Args}
		if !known(m) || search.IsNotice(r.Code) {
			t.Fatalf("%+v: the error %q (code %q) is no message for the visitor", req, r.Error, r.Code)
		}
		if r.Notice != nil {
			t.Fatalf("%+v: an error and a notice", req)
		}
	}
	if r.Notice != nil && (!known(*r.Notice) || !search.IsNotice(r.Notice.Code)) {
		t.Fatalf("%+v: the notice %+v is no notice for the visitor", req, r.Notice)
	}
}

// known says whether m is one of the messages, with an arg for each {n}
// of its text.
func known(m search.Message) bool {
	if !slices.Contains(search.MessageCodes, m.Code) {
		return false
	}
	text := catalog.Must("nb").T(catalog.Key("search_msg_"+m.Code), nil)
	places := map[string]bool{}
	for _, p := range regexp.MustCompile(`\{\d+\}`).FindAllString(text, -1) {
		places[p] = true
	}
	return len(places) == len(m.Args)
}

// checkHits checks a complete response against the request and the
// documents of the fixture.
func checkHits(t *testing.T, e *search.Engine, req search.Request, r *search.Response, x *fixture, byURL map[string]*searchindex.Doc) {
	t.Helper()
	size, from := req.Size, max(req.From, 0)
	if size <= 0 || size > 100 {
		size = search.DefaultSize
	}
	if r.Total < 0 || r.Total > x.head.Docs {
		t.Fatalf("%+v: %d hits of %d documents", req, r.Total, x.head.Docs)
	}
	if want := min(size, max(r.Total-from, 0)); len(r.Hits) != want {
		t.Fatalf("%+v: %d hits on the page, want %d of %d", req, len(r.Hits), want, r.Total)
	}
	seen := map[int]bool{}
	for i, h := range r.Hits {
		if h.Ord < 0 || h.Ord >= x.head.Docs || seen[h.Ord] {
			t.Fatalf("%+v: hit %d is document %d (of %d; seen: %v)", req, i, h.Ord, x.head.Docs, seen[h.Ord])
		}
		seen[h.Ord] = true
		d := x.docs[h.Ord]
		if h.Type != d.Type || h.URL != d.URL || h.Date != d.Date || h.Label != d.Label {
			t.Fatalf("%+v: hit %+v is not document %d %+v", req, h, h.Ord, d)
		}
		if math.IsNaN(h.Score) || math.IsInf(h.Score, 0) {
			t.Fatalf("%+v: hit %d scores %v", req, i, h.Score)
		}
		if i > 0 && sortField(req.Sort) == "" && h.Score > r.Hits[i-1].Score {
			t.Fatalf("%+v: hit %d scores %v after %v", req, i, h.Score, r.Hits[i-1].Score)
		}
		checkMarked(t, "title", h.Title, d.Title, false)
		checkMarked(t, "snippet", h.Snippet, d.Text, true)
		checkShowsMatch(t, e, h.Snippet, d.Text, r.Terms)

		doc := byURL[h.URL]
		for field, values := range req.Filters {
			if !slices.ContainsFunc(doc.Keywords, func(kv search.FieldValue) bool {
				return kv.Field == field && slices.Contains(values, kv.Value)
			}) {
				t.Fatalf("%+v: hit %s has no %s in %q", req, h.URL, field, values)
			}
		}
		for field, rg := range req.Ranges {
			v, ok := doc.Numbers[field]
			if !ok || (rg.Min != nil && v < *rg.Min) || (rg.Max != nil && v >= *rg.Max) {
				t.Fatalf("%+v: hit %s has %s %v (%v)", req, h.URL, field, v, ok)
			}
		}
	}
	if len(req.Filters["type"]) == 0 {
		n := 0
		for _, fc := range r.Facets {
			if fc.Field == "type" {
				for _, v := range fc.Values {
					n += v.Count
				}
			}
		}
		if n != r.Total {
			t.Fatalf("%+v: the type facet counts %d of %d hits: %+v", req, n, r.Total, r.Facets)
		}
	}
}

// sortField is the field a request sorts by, or "" for relevance.
func sortField(name string) string {
	if f, ok := search.FieldByName(name); ok && f.Sort {
		return name
	}
	return ""
}

// checkMarked wants s to be text (or, for a snippet, a window of it, with
// "… " and " …" where it is cut), HTML-escaped, with no tags but <mark>,
// which must neither nest nor be left open.
func checkMarked(t *testing.T, what, s, text string, snippet bool) {
	t.Helper()
	if !utf8.ValidString(text) {
		return // escaping works on the bytes, as does the browser's decoding
	}
	var plain strings.Builder
	open := false
	for rest := s; rest != ""; {
		i := strings.IndexAny(rest, "<>")
		if i < 0 {
			plain.WriteString(rest)
			break
		}
		plain.WriteString(rest[:i])
		rest = rest[i:]
		switch {
		case !open && strings.HasPrefix(rest, "<mark>"):
			open, rest = true, rest[len("<mark>"):]
		case open && strings.HasPrefix(rest, "</mark>"):
			open, rest = false, rest[len("</mark>"):]
		default:
			t.Fatalf("%s %q has a raw %q (text %q)", what, s, rest[:1], text)
		}
	}
	if open {
		t.Fatalf("%s %q leaves <mark> open", what, s)
	}
	esc := plain.String()
	un := html.UnescapeString(esc)
	if html.EscapeString(un) != esc {
		t.Fatalf("%s %q is not escaped as html.EscapeString does", what, s)
	}
	if !snippet {
		if un != text {
			t.Fatalf("%s %q is not the text %q", what, s, text)
		}
		return
	}
	core := un
	cutStart, cutEnd := false, false
	if c, ok := strings.CutPrefix(core, "… "); ok && !strings.Contains(text, core) {
		core, cutStart = c, true
	}
	if c, ok := strings.CutSuffix(core, " …"); ok && !strings.Contains(text, core) {
		core, cutEnd = c, true
	}
	if !strings.Contains(text, core) {
		t.Fatalf("%s %q is not a window of the text %q", what, s, text)
	}
	if len(text) <= search.SnippetLen && (core != text || cutStart || cutEnd) {
		t.Fatalf("%s %q cuts a text of %d bytes", what, s, len(text))
	}
	if len(core) > search.SnippetLen {
		t.Fatalf("%s %q is %d bytes long", what, s, len(core))
	}
	if strings.TrimSpace(text) != "" && strings.TrimSpace(core) == "" {
		t.Fatalf("%s %q shows nothing of the text %q", what, s, text)
	}
}

// checkShowsMatch wants a snippet to show the first match in the text
// (its first word in <mark>) if that word is not too long for the window.
func checkShowsMatch(t *testing.T, e *search.Engine, snippet, text string, terms []string) {
	t.Helper()
	set := map[string]bool{}
	for _, term := range terms {
		set[term] = true
	}
	all := e.Mark(text, set, 0)
	i := strings.Index(all, "<mark>")
	if i < 0 {
		return
	}
	first := html.UnescapeString(all[i+len("<mark>") : i+strings.Index(all[i:], "</mark>")])
	if len(first) <= search.SnippetLen/6-6 && !strings.Contains(snippet, "<mark>") {
		t.Fatalf("snippet %q does not show the first match %q in %q", snippet, first, text)
	}
}

// chunkQueries are the searches FuzzChunk runs; between them they read
// every kind of piece and most chunks (the regular expressions walk the
// whole dictionary of the text fields).
var chunkQueries = []search.Request{
	{Query: "skole", Size: 100},
	{Query: "tittel:/.*/ tekst:/.*/", Size: 100},
	{Query: "", Size: 100, Sort: "dato"},
	{Query: "s* -barnehage", Filters: map[string][]string{"type": {"prosjekt", "vedtak"}}},
	{Query: "dato:>=2023 avvik_prosent:>-1000", Sort: "avvik_prosent"},
	{Query: "skoel~ OR vann^3", Ranges: map[string]search.Range{"kostnadsramme": {Min: f64(1e7)}}, Sort: "kostnadsramme"},
	{Query: "type:prosjekt utvalg:kst aar:2024 status:forsinket fase:planlegging plan:skolebruksplan", Size: 100},
	{Query: `"nordbyen skole" sak:000/25 frist:2024 belop:>=0`, Size: 100},
}

func f64(v float64) *float64 { return &v }

// FuzzChunk damages one piece of the index (the head, the doc values, a
// manifest page, a chunk or a result block: the fuzzer flips, cuts and
// adds bytes) and runs a search that may read it. The engine must not
// panic, and must either reject the piece (Open or Add fails, or the
// search answers with an error) or give exactly the answer of the whole
// undamaged index; a rejected piece must leave no trace, so the search
// with the real piece added instead must give that answer too.
//
// With unchecked set, the engine skips the checksums of the pieces but the
// head, so damaged bytes reach the decoders and the reader: it must still
// not panic, must settle within the browser's rounds and must answer with
// JSON.
func FuzzChunk(f *testing.F) {
	x := fixtureIndex(f)
	n := 0
	for kind := 0; kind < kinds; kind++ {
		for i := 0; i < x.count(kind); i++ {
			p := x.piece(kind, i)
			q := uint8(n % len(chunkQueries))
			f.Add(uint8(kind), uint16(i), q, n%4 == 3, p)
			if i == x.count(kind)-1 { // cut, extended, and another piece in its place
				f.Add(uint8(kind), uint16(i), q, false, p[:len(p)/2])
				f.Add(uint8(kind), uint16(i), q, true, p[:len(p)-1])
				f.Add(uint8(kind), uint16(i), q, false, append(bytes.Clone(p), ' '))
				if i > 0 {
					f.Add(uint8(kind), uint16(i), q, false, x.piece(kind, 0))
				}
			}
			n++
		}
	}
	// A posting whose norm is not a number, in a chunk of the text fields
	// (that the second query reads), unchecked.
	for i := 0; i < x.count(kindChunk); i++ {
		keys, vals, err := search.DecodeChunk(x.piece(kindChunk, i))
		if err != nil {
			f.Fatal(err)
		}
		j := slices.IndexFunc(keys, func(k []byte) bool { return k[0] == 't' && k[1] <= 1 && k[2] == 0 })
		if j >= 0 {
			vals[j] = binary.AppendUvarint([]byte{1}, uint64(math.Float32bits(float32(math.NaN()))))
			f.Add(uint8(kindChunk), uint16(i), uint8(1), true, search.EncodeChunk(keys, vals))
			break
		}
	}
	f.Fuzz(func(t *testing.T, kind uint8, which uint16, qsel uint8, unchecked bool, data []byte) {
		x := fixtureIndex(t)
		full, _ := loadedEngine(t)
		k := int(kind) % kinds
		i := int(which) % x.count(k)
		// The head is always checked: it is the root of the index, and a
		// head with a billion documents may well take long to search.
		unchecked = unchecked && k != kindHead
		req := chunkQueries[int(qsel)%len(chunkQueries)]
		supply := func(kk, ii int) []byte {
			if kk == k && ii == i {
				return data
			}
			return nil
		}
		damaged := !bytes.Equal(data, x.piece(k, i))
		start := time.Now()
		defer watchdog(func() string { return fmt.Sprintf("%s %d damaged, %+v", kindNames[k], i, req) })()
		defer func() {
			if d := time.Since(start); d > slow {
				t.Errorf("%s %d damaged, %+v took %v", kindNames[k], i, req, d)
			}
		}()

		var e *search.Engine
		var err error
		if unchecked {
			get := func(kind int) []byte {
				if b := supply(kind, 0); b != nil {
					return b
				}
				return x.piece(kind, 0)
			}
			e, err = search.OpenUnchecked(get(kindHead), get(kindDocValues))
		} else {
			e, err = x.open(supply)
		}
		if err != nil {
			if !damaged || (k != kindHead && k != kindDocValues) {
				t.Fatalf("Open: %v", err)
			}
			return
		}
		if k == kindHead && damaged {
			// An accepted head is the real one written otherwise, or
			// (from an older fuzz corpus) the whole head of another index,
			// with another sum, which the engine cannot tell from this one.
			h, err := search.DecodeHead(data)
			if err != nil {
				t.Fatalf("Open took a head DecodeHead rejects: %v", err)
			}
			if h.Sum != x.head.Sum {
				t.Skip("the head of another index")
			}
			if !reflect.DeepEqual(*h, x.head) {
				t.Fatalf("a damaged head with the real sum was accepted: %+v", h)
			}
		}
		got, addErr := x.run(t, e, req, supply, unchecked)
		if !damaged && addErr != nil {
			t.Fatalf("the real %s %d was rejected: %v", kindNames[k], i, addErr)
		}
		if _, err := json.Marshal(got); err != nil {
			t.Fatalf("the response does not encode as JSON: %v", err)
		}
		if unchecked {
			return
		}
		want := full.Search(req)
		if got.Error != "" && damaged {
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s %d damaged (rejected: %v), %+v:\ngot  %+v\nwant %+v", kindNames[k], i, addErr, req, got, want)
		}
	})
}
