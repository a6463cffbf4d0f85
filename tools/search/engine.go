package search

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	"github.com/blevesearch/bleve/v2/search/facet"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Request is one search: the query text, the facet filters (values of one
// field are alternatives; fields are combined), number ranges, a sort order
// and a page.
type Request struct {
	Query   string              `json:"q"`
	Filters map[string][]string `json:"filters,omitempty"`
	Ranges  map[string]Range    `json:"ranges,omitempty"`
	Sort    string              `json:"sort,omitempty"` // "" (relevance) or a field with Sort
	From    int                 `json:"from,omitempty"`
	Size    int                 `json:"size,omitempty"`
	// Recall widens the query as the visitor types (recall.go).
	Recall bool `json:"recall,omitempty"`
}

// Range bounds a number field: Min included, Max excluded; nil is open.
type Range struct {
	Min *float64 `json:"min,omitempty"`
	Max *float64 `json:"max,omitempty"`
}

// Response is the answer to a Request, or what must be fetched first.
type Response struct {
	Need *Need `json:"need,omitempty"`
	// Error says why the search could not run. If it is about the
	// request, Code and Args are those of its Message, which the page
	// shows in the visitor's language; otherwise (damaged files) Code is
	// empty.
	Error string   `json:"error,omitempty"`
	Code  string   `json:"code,omitempty"`
	Args  []string `json:"args,omitempty"`
	// Notice says how the query was read, if not as written.
	Notice *Message `json:"notice,omitempty"`
	// Recall says how the query was widened for Request.Recall.
	Recall *Recall `json:"recall,omitempty"`

	Total  int      `json:"total"`
	Hits   []Hit    `json:"hits"`
	Facets []Facet  `json:"facets"`
	Terms  []string `json:"terms"`
}

// Need lists the files a search must have before it can answer: manifest
// pages, index chunks and result blocks.
type Need struct {
	Pages  []File `json:"pages,omitempty"`
	Chunks []File `json:"chunks,omitempty"`
	Blocks []File `json:"blocks,omitempty"`
}

// File is a file to fetch, relative to the head, and what to add it as.
type File struct {
	Index int    `json:"i"`
	Name  string `json:"file"`
}

// Hit is one result. Title and Snippet are HTML: escaped text with the
// matched words in <mark>.
type Hit struct {
	Ord     int     `json:"ord"`
	Score   float64 `json:"score"`
	Type    string  `json:"type"`
	Title   string  `json:"title"`
	URL     string  `json:"url"`
	Date    string  `json:"date,omitempty"`
	Label   string  `json:"label,omitempty"`
	Snippet string  `json:"snippet"`
	// Points is, for a vedtak's grouped result (group.go), how many of its
	// points match.
	Points int `json:"points,omitempty"`
}

// Facet is the counts of one field's values among the hits. For a field
// the request filters on, the counts are those without that filter, so the
// other values can still be chosen.
type Facet struct {
	Field  string       `json:"field"`
	Values []FacetValue `json:"values"`
}

// FacetValue is one value (or range) and its count.
type FacetValue struct {
	Value string   `json:"value"`
	Min   *float64 `json:"min,omitempty"`
	Max   *float64 `json:"max,omitempty"`
	Count int      `json:"count"`
}

// RangeFacets are the preset ranges offered for number fields.
var RangeFacets = map[string][]FacetValue{
	"avvik_prosent": {
		{Value: "under", Max: f64(0)},
		{Value: "0-10", Min: f64(0), Max: f64(10)},
		{Value: "10-20", Min: f64(10), Max: f64(20)},
		{Value: "20-", Min: f64(20)},
	},
	"kostnadsramme": {
		{Value: "-10m", Max: f64(10e6)},
		{Value: "10m-50m", Min: f64(10e6), Max: f64(50e6)},
		{Value: "50m-100m", Min: f64(50e6), Max: f64(100e6)},
		{Value: "100m-", Min: f64(100e6)},
	},
}

// rangeFacetOrder are the fields with RangeFacets, in the order of Fields.
var rangeFacetOrder = func() []string {
	var out []string
	for _, f := range Fields {
		if RangeFacets[f.Name] != nil {
			out = append(out, f.Name)
		}
	}
	return out
}()

func f64(v float64) *float64 { return &v }

// DefaultSize is the page size when a request gives none.
const DefaultSize = 20

// Engine answers searches over a static index as far as it is loaded.
type Engine struct {
	head      *Head
	store     *Store // nil for an engine over a complete index
	reader    index.IndexReader
	mapping   *mapping.IndexMappingImpl
	analyzers Analyzers
	blocks    map[int][]ResultDoc
	ranking   *ranking
	inflect   inflections
}

// Open makes an engine from the head and the doc values (both decoded).
// Each is checked against its sum, and so is every piece added later.
func Open(head, docValues []byte) (*Engine, error) { return open(head, docValues, true) }

// open is Open; only tests skip the sums (check false), to reach the
// decoders with damaged bytes.
func open(head, docValues []byte, check bool) (*Engine, error) {
	h, err := decodeHead(head, check)
	if err != nil {
		return nil, err
	}
	if h.Results.Block <= 0 || h.Docs < 0 || h.IDWidth <= 0 {
		return nil, errors.New("search head: bad sizes")
	}
	if err := checkSchema(h); err != nil {
		return nil, err
	}
	if check && Checksum(docValues) != h.DocValuesSum {
		return nil, errors.New("doc values: damaged (checksum)")
	}
	dv, err := DecodeDocValues(docValues, h.Docs)
	if err != nil {
		return nil, err
	}
	if h.PageSize <= 0 || h.ChunkCount < 0 || len(h.Pages) != (h.ChunkCount+h.PageSize-1)/h.PageSize {
		return nil, errors.New("search head: bad manifest")
	}
	for p := 1; p < len(h.Pages); p++ {
		if bytes.Compare(h.Pages[p-1].First, h.Pages[p].First) >= 0 {
			return nil, errors.New("search head: manifest pages out of order")
		}
	}
	if h.Results.Blocks != (h.Docs+h.Results.Block-1)/h.Results.Block || h.IDWidth != IDWidth(h.Docs) || len(h.Fields) > math.MaxUint16 {
		return nil, errors.New("search head: bad sizes")
	}
	s := NewStore(h)
	s.unchecked = !check
	e := OpenReader(h, NewReader(s, h, dv), dv)
	e.store = s
	return e, nil
}

// OpenReader makes an engine over any complete bleve index reader, such as
// the in-memory upsidedown index the build makes, with the build's doc
// values for ranking; tests compare it with the static index. Result
// blocks are added as for Open.
func OpenReader(h *Head, r index.IndexReader, dv *DocValues) *Engine {
	m := Mapping()
	return &Engine{head: h, reader: r, mapping: m, analyzers: NewAnalyzers(m), blocks: map[int][]ResultDoc{},
		ranking: newRanking(dv, h.Docs), inflect: newInflections(h.Inflections)}
}

// AddPage loads manifest page p (decoded JSON).
func (e *Engine) AddPage(p int, data []byte) error { return e.store.AddPage(p, data) }

// AddChunk loads index chunk i (decoded bytes).
func (e *Engine) AddChunk(i int, data []byte) error { return e.store.Add(i, data) }

// AddBlock loads result block n (decoded JSON).
func (e *Engine) AddBlock(n int, data []byte) error {
	if n < 0 || n >= e.head.Results.Blocks {
		return fmt.Errorf("no result block %d", n)
	}
	docs, err := decodeBlock(n, data, e.store == nil || !e.store.unchecked)
	if err != nil {
		return fmt.Errorf("result block %d: %w", n, err)
	}
	if want := min(e.head.Results.Block, e.head.Docs-n*e.head.Results.Block); len(docs) != want {
		return fmt.Errorf("result block %d: %d documents, want %d", n, len(docs), want)
	}
	e.blocks[n] = docs
	return nil
}

// missing is what the reads since the last call found not loaded, or nil.
func (e *Engine) missing() *Need {
	if e.store == nil {
		return nil
	}
	pages, chunks := e.store.Missing()
	if len(pages)+len(chunks) == 0 {
		return nil
	}
	need := &Need{}
	for _, p := range pages {
		need.Pages = append(need.Pages, File{p, e.head.Pages[p].File})
	}
	for _, i := range chunks {
		need.Chunks = append(need.Chunks, File{i, e.store.ChunkFile(i)})
	}
	return need
}

// search runs a request over what is loaded, for the query text with the
// synonyms of its words (if syns) and the words of fuzzy (if any) allowed
// one edit. If chunks or result blocks
// are missing, the response says which, and the caller fetches them and
// asks again; a response without Need is complete.
func (e *Engine) search(req Request, text string, syns []Synonym, fuzzy map[string]bool) *Response {
	q, notice, err := Parse(text)
	if err != nil {
		return failed(err)
	}
	if syns != nil {
		q = synonymWords(q, syns)
		q = e.inflectWords(q, e.inflect)
	}
	if fuzzy != nil {
		q = fuzzyWords(q, fuzzy)
	}
	if req.Size <= 0 || req.Size > 100 {
		req.Size = DefaultSize
	}
	// There are no hits past the last document; a larger From (from a
	// URL) would overflow bleve's collector.
	req.From = max(0, min(req.From, e.head.Docs))
	resp := &Response{Hits: []Hit{}, Facets: []Facet{}, Terms: e.highlightTerms(q), Notice: notice}

	var own []string // facet fields counted by the main search
	for _, name := range FacetFields() {
		if len(req.Filters[name]) == 0 {
			own = append(own, name)
		}
	}
	var ownRanges []string
	for _, name := range rangeFacetOrder {
		if _, ok := req.Ranges[name]; !ok {
			ownRanges = append(ownRanges, name)
		}
	}
	main, err := e.filtered(q, req, "")
	if err != nil {
		return failed(err)
	}
	// By relevance, every hit is ranked and grouped before the page is cut.
	f, sorted := FieldByName(req.Sort)
	sorted = sorted && f.Sort
	creq, size := req, req.Size
	if !sorted {
		creq.From, size = 0, max(1, e.head.Docs)
	}
	coll, err := e.collect(main, creq, own, ownRanges, size)
	if err != nil {
		return failed(err)
	}
	facets := coll.facets
	// A filtered field's counts come from the search without its filter.
	for _, name := range append(FacetFields(), rangeFacetOrder...) {
		_, ranged := req.Ranges[name]
		if len(req.Filters[name]) == 0 && !ranged {
			continue
		}
		fq, err := e.filtered(q, req, name)
		if err != nil {
			return failed(err)
		}
		var terms, ranges []string
		if ranged {
			ranges = []string{name}
		} else {
			terms = []string{name}
		}
		c, err := e.collect(fq, Request{}, terms, ranges, 1)
		if err != nil {
			return failed(err)
		}
		for k, v := range c.facets {
			facets[k] = v
		}
	}
	if need := e.missing(); need != nil {
		return &Response{Need: need}
	}
	resp.Total = int(coll.Total())
	resp.Facets = facetList(facets)

	var page []result
	for _, m := range coll.Results() {
		ord, _ := DocOrdinal(m.IndexInternalID)
		page = append(page, result{scored: scored{ord, m.Score}})
	}
	if !sorted {
		hits := make([]scored, len(page))
		for i, r := range page {
			hits[i] = r.scored
		}
		page = e.ranking.rank(hits)
		resp.Total = len(page)
		page = page[min(req.From, len(page)):min(req.From+req.Size, len(page))]
	}
	var need []int
	for _, m := range page {
		ord := m.ord
		b := ord / e.head.Results.Block
		if _, ok := e.blocks[b]; !ok && (len(need) == 0 || need[len(need)-1] != b) {
			need = append(need, b)
		}
	}
	if len(need) > 0 {
		sort.Ints(need)
		n := &Need{}
		for _, b := range compactInts(need) {
			n.Blocks = append(n.Blocks, File{b, fmt.Sprintf("%s/%d.gz", e.head.Results.Dir, b)})
		}
		return &Response{Need: n}
	}
	terms := map[string]bool{}
	for _, t := range resp.Terms {
		terms[t] = true
	}
	for _, m := range page {
		ord := m.ord
		blk := e.blocks[ord/e.head.Results.Block]
		i := ord % e.head.Results.Block
		if i >= len(blk) {
			resp.Error = "result block too short"
			return resp
		}
		d := blk[i]
		resp.Hits = append(resp.Hits, Hit{
			Ord: ord, Score: m.score, Type: d.Type, URL: d.URL, Date: d.Date, Label: d.Label, Points: m.points,
			Title:   e.mark(d.Title, terms, 0),
			Snippet: e.mark(d.Text, terms, snippetLen),
		})
	}
	return resp
}

// failed is the response to a request that cannot run.
func failed(err error) *Response {
	r := &Response{Error: err.Error(), Hits: []Hit{}, Facets: []Facet{}, Terms: []string{}}
	if m, ok := err.(*Message); ok {
		r.Code, r.Args = m.Code, m.Args
	}
	return r
}

// filtered adds the request's filters and ranges to q, leaving out the
// field except.
func (e *Engine) filtered(q query.Query, req Request, except string) (query.Query, error) {
	conj := []query.Query{q}
	for _, name := range FacetFields() {
		vals := req.Filters[name]
		if name == except || len(vals) == 0 {
			continue
		}
		var ds []query.Query
		for _, v := range vals {
			t := query.NewTermQuery(v)
			t.SetField(name)
			ds = append(ds, t)
		}
		conj = append(conj, query.NewDisjunctionQuery(ds))
	}
	for name := range req.Filters {
		if f, ok := FieldByName(name); !ok || !f.Facet {
			return nil, msg("bad_filter", name)
		}
	}
	names := make([]string, 0, len(req.Ranges))
	for name := range req.Ranges {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if name == except {
			continue
		}
		f, ok := FieldByName(name)
		if !ok || f.Kind != Number {
			return nil, msg("bad_range", name)
		}
		r := req.Ranges[name]
		t, fls := true, false
		nq := query.NewNumericRangeInclusiveQuery(r.Min, r.Max, &t, &fls)
		nq.SetField(name)
		conj = append(conj, nq)
	}
	if len(conj) == 1 {
		return q, nil
	}
	return query.NewConjunctionQuery(conj), nil
}

func (e *Engine) collect(q query.Query, req Request, terms, ranges []string, size int) (*collected, error) {
	ctx := context.Background()
	s, err := q.Searcher(ctx, e.reader, e.mapping, search.SearcherOptions{})
	if err != nil {
		return nil, err
	}
	defer s.Close()
	c := collector.NewTopNCollector(size, req.From, sortOrder(req.Sort))
	// Over the static index, term facets come from the run table.
	sr, _ := e.reader.(*Reader)
	var rf *runFacets
	if len(terms)+len(ranges) > 0 {
		fb := search.NewFacetsBuilder(e.reader)
		if sr != nil && len(terms) > 0 {
			rf = &runFacets{counts: make([]int, len(sr.dv.Runs))}
			fb.Add(runField, rf)
		} else {
			for _, name := range terms {
				fb.Add(name, facet.NewTermsFacetBuilder(name, facetSize))
			}
		}
		for _, name := range ranges {
			nb := facet.NewNumericFacetBuilder(name, 10)
			for _, r := range RangeFacets[name] {
				nb.AddRange(r.Value, r.Min, r.Max)
			}
			fb.Add(name, nb)
		}
		c.SetFacetsBuilder(fb)
	}
	if err := c.Collect(ctx, s, e.reader); err != nil {
		return nil, err
	}
	facets := c.FacetResults()
	if rf != nil {
		delete(facets, runField)
		for k, v := range rf.results(sr, terms, facetSize) {
			facets[k] = v
		}
	}
	return &collected{c, facets}, nil
}

// facetSize is how many values a term facet shows at most.
const facetSize = 100

// collected is a finished collector and its facets.
type collected struct {
	*collector.TopNCollector
	facets search.FacetResults
}

func sortOrder(by string) search.SortOrder {
	// Equal scores: the newest first (meeting date, plan start, last
	// status report), then the document order.
	byScore := search.SortOrder{&search.SortScore{Desc: true},
		&search.SortField{Field: "dato", Desc: true, Missing: search.SortFieldMissingLast}, &search.SortDocID{}}
	f, ok := FieldByName(by)
	if !ok || !f.Sort {
		return byScore
	}
	return append(search.SortOrder{&search.SortField{Field: f.Name, Desc: true, Missing: search.SortFieldMissingLast}}, byScore...)
}

// facetList orders facets as the fields are, with the values of range
// facets in their preset order.
func facetList(fr search.FacetResults) []Facet {
	var out []Facet
	for _, name := range append(FacetFields(), rangeFacetOrder...) {
		r, ok := fr[name]
		if !ok {
			continue
		}
		f := Facet{Field: name, Values: []FacetValue{}}
		if r.Terms != nil {
			for _, t := range r.Terms.Terms() {
				f.Values = append(f.Values, FacetValue{Value: t.Term, Count: t.Count})
			}
		}
		counts := map[string]int{}
		for _, nr := range r.NumericRanges {
			counts[nr.Name] = nr.Count
		}
		for _, preset := range RangeFacets[name] {
			v := preset
			v.Count = counts[v.Value]
			f.Values = append(f.Values, v)
		}
		out = append(out, f)
	}
	return out
}

func compactInts(s []int) []int {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
