package search_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/openkommune/portal/tools/search"
	"github.com/openkommune/portal/tools/searchindex"
)

// The fuzz targets search a small index built here with the real build
// (package searchindex), cut into many small chunks, manifest pages and
// result blocks so that a query needs several of each and several rounds.
var fixtureOptions = searchindex.Options{ChunkBytes: 400, PageChunks: 3, BlockDocs: 3}

type fixture struct {
	idx   *searchindex.Index
	head  search.Head
	raw   map[string][]byte   // every file decoded, by name
	pages [][]search.ChunkRef // each manifest page decoded
	docs  []search.ResultDoc  // by ordinal
}

var fix struct {
	once sync.Once
	f    *fixture
	err  error
}

// fixtureIndex builds the index once per process.
func fixtureIndex(t testing.TB) *fixture {
	fix.once.Do(func() { fix.f, fix.err = buildFixture() })
	if fix.err != nil {
		t.Fatal(fix.err)
	}
	return fix.f
}

func buildFixture() (*fixture, error) {
	idx, err := searchindex.Build(fixtureDocs(), fixtureOptions)
	if err != nil {
		return nil, err
	}
	f := &fixture{idx: idx, raw: map[string][]byte{}}
	for name, z := range idx.Files {
		r, err := gzip.NewReader(bytes.NewReader(z))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		b, err := io.ReadAll(r)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		f.raw[name] = b
	}
	if err := json.Unmarshal(f.raw[idx.Head], &f.head); err != nil {
		return nil, err
	}
	for _, p := range f.head.Pages {
		var refs []search.ChunkRef
		if err := json.Unmarshal(f.raw[p.File], &refs); err != nil {
			return nil, err
		}
		f.pages = append(f.pages, refs)
	}
	for b := 0; b < f.head.Results.Blocks; b++ {
		docs, err := search.DecodeBlock(b, f.raw[f.blockName(b)])
		if err != nil {
			return nil, err
		}
		f.docs = append(f.docs, docs...)
	}
	if len(f.docs) != f.head.Docs {
		return nil, fmt.Errorf("%d documents in the result blocks, head says %d", len(f.docs), f.head.Docs)
	}
	return f, nil
}

func (f *fixture) blockName(b int) string { return fmt.Sprintf("%s/%d.gz", f.head.Results.Dir, b) }

// chunkName is the file of chunk i.
func (f *fixture) chunkName(i int) string {
	return f.pages[i/f.head.PageSize][i%f.head.PageSize].File
}

// piece kinds, as FuzzChunk numbers them.
const (
	kindHead = iota
	kindDocValues
	kindPage
	kindChunk
	kindBlock
	kinds
)

var kindNames = [kinds]string{"head", "doc values", "manifest page", "chunk", "result block"}

// count is how many pieces of a kind the index has.
func (f *fixture) count(kind int) int {
	switch kind {
	case kindPage:
		return len(f.head.Pages)
	case kindChunk:
		return f.head.ChunkCount
	case kindBlock:
		return f.head.Results.Blocks
	}
	return 1
}

// piece is the decoded bytes of piece i of a kind.
func (f *fixture) piece(kind, i int) []byte {
	switch kind {
	case kindHead:
		return f.raw[f.idx.Head]
	case kindDocValues:
		return f.raw[f.head.DocValues]
	case kindPage:
		return f.raw[f.head.Pages[i].File]
	case kindChunk:
		return f.raw[f.chunkName(i)]
	default:
		return f.raw[f.blockName(i)]
	}
}

// open opens an engine over the fixture, with head and doc values from
// supply (the real ones if supply returns nil).
func (f *fixture) open(supply func(kind, i int) []byte) (*search.Engine, error) {
	get := func(kind int) []byte {
		if b := supply(kind, 0); b != nil {
			return b
		}
		return f.piece(kind, 0)
	}
	return search.Open(get(kindHead), get(kindDocValues))
}

// maxRounds is the rounds a search may take, as in the browser's worker
// and searchindex.Client.
const maxRounds = 8

// run runs req the way the browser does: search, fetch what the engine
// needs, add it, and search again, at most maxRounds times. supply gives
// the bytes of a piece (nil for the real ones); the first error of an Add
// is returned with the response so far, and the real bytes are added in
// its place so the search can go on. With loose set (the engine may have
// taken damaged pieces unchecked), the first error ends the search, and
// the engine need not ask for the pieces by their real names.
func (f *fixture) run(t *testing.T, e *search.Engine, req search.Request, supply func(kind, i int) []byte, loose bool) (resp *search.Response, addErr error) {
	t.Helper()
	added := map[[2]int]bool{}
	for round := 0; round < maxRounds; round++ {
		resp = e.Search(req)
		if resp.Need == nil {
			return resp, addErr
		}
		for _, set := range []struct {
			kind  int
			files []search.File
			add   func(int, []byte) error
			name  func(int) string
		}{
			{kindPage, resp.Need.Pages, e.AddPage, func(i int) string { return f.head.Pages[i].File }},
			{kindChunk, resp.Need.Chunks, e.AddChunk, f.chunkName},
			{kindBlock, resp.Need.Blocks, e.AddBlock, f.blockName},
		} {
			for _, file := range set.files {
				if file.Index < 0 || file.Index >= f.count(set.kind) {
					if loose {
						return resp, fmt.Errorf("round %d: the engine needs %s %d of %d", round, kindNames[set.kind], file.Index, f.count(set.kind))
					}
					t.Fatalf("round %d: the engine needs %s %d of %d", round, kindNames[set.kind], file.Index, f.count(set.kind))
				}
				if want := set.name(file.Index); file.Name != want && !loose {
					t.Fatalf("round %d: %s %d is %q, the engine asks for %q", round, kindNames[set.kind], file.Index, want, file.Name)
				}
				key := [2]int{set.kind, file.Index}
				if added[key] {
					t.Fatalf("round %d: the engine asks again for %s %d, added in an earlier round", round, kindNames[set.kind], file.Index)
				}
				b := supply(set.kind, file.Index)
				if b == nil {
					b = f.piece(set.kind, file.Index)
				}
				if err := set.add(file.Index, b); err != nil {
					if addErr == nil {
						addErr = fmt.Errorf("%s %d: %w", kindNames[set.kind], file.Index, err)
					}
					if loose {
						// A damaged piece taken unchecked may have changed
						// what the real ones must be; stop, as the browser
						// does on an error.
						return resp, addErr
					}
					if err := set.add(file.Index, f.piece(set.kind, file.Index)); err != nil {
						t.Fatalf("%s %d: the real bytes after a rejected piece: %v", kindNames[set.kind], file.Index, err)
					}
				}
				added[key] = true
			}
		}
	}
	t.Fatalf("%+v: no answer in %d rounds", req, maxRounds)
	return nil, nil
}

func realBytes(kind, i int) []byte { return nil }

// fixtureDocs are the documents of the fuzz index: every type, facet,
// number and date field, Norwegian compounds and inflections, nynorsk, text
// with HTML's special characters, long texts for snippet windows, long
// words, and values at the edges of the number and date ranges.
func fixtureDocs() []*searchindex.Doc {
	day := func(s string) time.Time {
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			panic(err)
		}
		return t
	}
	kw := func(pairs ...string) []search.FieldValue {
		var out []search.FieldValue
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, search.FieldValue{Field: pairs[i], Value: pairs[i+1]})
		}
		return out
	}
	long := strings.Repeat("Kommunestyret behandlet saken om skolebruksplanen og barnehagene i Nordbyen. ", 6)
	texts := []struct{ title, text string }{
		{"Ny barneskole i Nordbyen", "Kommunestyret vedtar å bygge ny barneskole på Nordbyen med idrettshall og flerbrukshall."},
		{"Skolebruksplan 2025–2035", long + "Til slutt: skolene <b>skal</b> rustes opp & tilpasses \"universell utforming\"."},
		{"<script>alert('x')</script> & co", "Tekst med <tags>, &amp; og 'apostrof' og \"anførsel\" – <mark>falsk</mark> markering."},
		{"Renseanlegg på Sørsida", "Renseanlegget får ny prosess. Kostnadsrammen er justert; avviket er over 20 %."},
		{"Ungdomsskulen får nytt tak", "Skulane i kommunen skal rustast opp. Vegen til kyrkja vert stengd."},
		{"Gang- og sykkelveg langs fylkesvegen", "Trafikksikring ved skoleveien: gangveien og sykkelvegar."},
		{"Omsorgsboliger og omsorgsbustader", "Nye omsorgsboliger i sentrum; heimetenesta får fleire tilsette."},
		{"Budsjett og økonomiplan", "Driftsrammer, rammeområder og regulering av budsjettet for oppvekst og helse."},
		{"Æ, ø og å i ærlige øyeblikk på Ålgård", "Særlige tegn: æøå ÆØÅ, emoji 🏫, kombinerte tegn: e\u0301, null\u0000tegn og tab\ttegn."},
		{strings.Repeat("Langtord", 40), "Et ord uten mellomrom: " + strings.Repeat("skole-", 60) + "slutt, og så " + strings.Repeat("x", 300) + " skole."},
		{"Vann og avløp", strings.Repeat("vann ", 100) + "avløp"},
		{"Tom tekst", ""},
		{"", "Dokument uten tittel om barnehage."},
	}
	types := search.DocTypes
	var docs []*searchindex.Doc
	for i, tx := range texts {
		typ := types[i%len(types)]
		d := &searchindex.Doc{
			Key:    fmt.Sprintf("doc/%02d", i),
			Tittel: tx.title,
			Tekst:  tx.text,
			Keywords: kw("type", typ, "aar", fmt.Sprint(2023+i%3), "utvalg", []string{"kst", "fsk", "hok"}[i%3],
				"status", []string{"ikke_startet", "pagar", "fullfort", "forsinket"}[i%4], "sak", fmt.Sprintf("%03d/25", i)),
			Result: search.ResultDoc{Type: typ, Title: tx.title, URL: fmt.Sprintf("%s/%02d/", typ, i), Label: fmt.Sprintf("KST %03d/25", i), Text: tx.text},
		}
		if i%2 == 0 {
			d.Keywords = append(d.Keywords, kw("fase", []string{"planlegging", "gjennomforing", "avsluttet"}[i%3], "rammeomrade", []string{"oppvekst", "helse"}[i%4/2])...)
		}
		if i%3 == 0 {
			d.Keywords = append(d.Keywords, kw("plan", "skolebruksplan", "status", "over_ramme")...)
		}
		date := day("2023-01-01").AddDate(0, 0, 37*i)
		d.Dates = map[string]time.Time{"dato": date}
		d.Keywords = append(d.Keywords, kw("dato_aar", fmt.Sprint(date.Year()))...)
		d.Result.Date = date.Format("2006-01-02")
		if i%4 == 1 {
			d.Dates["frist"] = date.AddDate(1, 0, 0)
			d.Keywords = append(d.Keywords, kw("frist_aar", fmt.Sprint(date.Year()+1))...)
		}
		if typ == "prosjekt" || i%5 == 0 {
			d.Numbers = map[string]float64{
				"kostnadsramme": []float64{0, 9_999_999, 10_000_000, 50e6, 130e6, 1e13}[i%6],
				"avvik_prosent": []float64{-12.5, 0, 9.99, 10, 20, 22.6, 250}[i%7],
				"avvik_kr":      []float64{-1e6, 0, 2.5e6}[i%3],
				"belop":         float64(i) * 1_250_000,
			}
		}
		docs = append(docs, d)
	}
	return docs
}
