// Package searchindex builds the portal's static search index at build
// time: it turns the compiled site into documents, analyses them with
// bleve's analysis (on all cores), makes the rows bleve's upsidedown index
// would store for them (dictionary and term frequencies; the tests check
// them byte for byte against a real upsidedown index), and writes the files
// package search reads in the browser: a head, key-range chunks of rows,
// doc values and result blocks, all gzip-compressed, with content-hashed
// names. The same data gives the same bytes.
package searchindex

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/openkommune/portal/tools/search"
)

// Options tune the index files.
type Options struct {
	ChunkBytes int // raw bytes of rows per chunk; default 24 KiB
	// TermBytes bounds the chunks of a group of terms (a word and its
	// compounds) with more rows than ChunkBytes: it has chunks of its
	// own, of up to TermBytes raw bytes each, split evenly; default 8 ×
	// ChunkBytes (chunkWriter). A term with more rows than that has one
	// chunk of its own, whatever its size: a query reads all of a term's
	// rows, so splitting them would cost requests and save no bytes.
	TermBytes int
	BlockDocs int // documents per result block; default 8
	// HitPackDocs is how many documents a hit pack holds (hitpacks.go);
	// default 10 (a page of results), negative for no hit packs.
	HitPackDocs int
	PageChunks  int // chunks per manifest page; default 64
	// PackBytes bounds the pieces packed with the head (gzip bytes, each
	// piece counted as served alone); default 24 KiB.
	PackBytes int
}

func (o Options) withDefaults() Options {
	if o.ChunkBytes <= 0 {
		o.ChunkBytes = 24 << 10
	}
	if o.TermBytes < o.ChunkBytes {
		o.TermBytes = 8 * o.ChunkBytes
	}
	if o.BlockDocs <= 0 {
		o.BlockDocs = 8
	}
	if o.HitPackDocs == 0 {
		o.HitPackDocs = 10
	}
	if o.PageChunks <= 0 {
		o.PageChunks = 64
	}
	if o.PackBytes <= 0 {
		o.PackBytes = 24 << 10
	}
	return o
}

// Index is a built index: its files by path under the site's search/
// directory, and the name of the head.
type Index struct {
	Head  string            // e.g. "head-3f2a9c1b0d4e.gz"
	Pack  string            // the head with the first pieces, e.g. "hp-….gz"
	Files map[string][]byte // path relative to search/ → gzip bytes
	Docs  int
}

// Build indexes docs and lays the index out as static files.
func Build(docs []*Doc, o Options) (*Index, error) {
	o = o.withDefaults()
	docs = ordered(docs)
	width := search.IDWidth(len(docs))

	var names []string
	for _, f := range search.Fields {
		names = append(names, f.Name)
	}
	p := newPostings(len(docs))
	an := search.NewAnalyzers(search.Mapping())
	analyzeAll(docs, width, an, p.add)

	out := &Index{Files: map[string][]byte{}, Docs: len(docs)}
	head := search.Head{Version: search.FormatVersion, Docs: len(docs), IDWidth: width, Fields: names, Schema: search.Specs(), Synonyms: search.Synonyms,
		Inflections: search.InflectionTable(p.textTerms(), an.Query)}

	// The rows are cut into chunks as they come, and each chunk is
	// compressed on another core while the next is cut.
	dvs := docValues(docs)
	var packs []hitPack
	if o.HitPackDocs > 0 {
		packs = p.hitPacks(len(docs), search.NewPackRanking(dvs, len(docs)), hitPackMin(len(docs)), o.HitPackDocs)
	}

	cw := chunkWriter{limit: o.ChunkBytes, termLimit: o.TermBytes, gz: newCompressor()}
	p.rows(width, cw.term, cw.add)
	p = nil
	cw.flush()
	zs := cw.gz.wait()
	var refs []search.ChunkRef
	var packed []search.PackPiece // the pieces for the pack, decoded
	for i, z := range zs {
		refs = append(refs, search.ChunkRef{First: cw.firsts[i], File: out.put("c", ".gz", z), Bytes: len(z), Sum: cw.sums[i]})
	}
	head.ChunkCount, head.PageSize = len(refs), o.PageChunks
	for start := 0; start < len(refs); start += o.PageChunks {
		page, err := json.Marshal(refs[start:min(start+o.PageChunks, len(refs))])
		if err != nil {
			return nil, err
		}
		head.Pages = append(head.Pages, search.PageRef{First: refs[start].First, File: out.put("m", ".gz", gz(page)), Sum: search.Checksum(page)})
		packed = append(packed, search.PackPiece{Name: head.Pages[len(head.Pages)-1].File, Data: page})
	}

	dv := search.EncodeDocValues(dvs)
	head.DocValues, head.DocValuesSum = out.put("dv", ".gz", gz(dv)), search.Checksum(dv)
	packed = append([]search.PackPiece{{Name: head.DocValues, Data: dv}}, packed...)

	// Result blocks go in a directory named for all of them.
	gzBlocks := newCompressor()
	for start, n := 0, 0; start < len(docs); start, n = start+o.BlockDocs, n+1 {
		var rs []search.ResultDoc
		for i := start; i < len(docs) && i < start+o.BlockDocs; i++ {
			rs = append(rs, docs[i].Result)
		}
		b, err := search.EncodeBlock(n, rs)
		if err != nil {
			gzBlocks.wait()
			return nil, err
		}
		gzBlocks.add(b)
	}
	for _, pk := range packs {
		var rs []search.ResultDoc
		for _, ord := range pk.ords {
			rs = append(rs, docs[ord].Result)
		}
		b, err := search.EncodeHitPack(pk.term, pk.ords, rs)
		if err != nil {
			gzBlocks.wait()
			return nil, err
		}
		gzBlocks.add(b)
	}
	blocks := gzBlocks.wait()
	dir := "r-" + hashOf(blocks...)
	nb := len(blocks) - len(packs)
	for i, b := range blocks[:nb] {
		out.Files[fmt.Sprintf("%s/%d.gz", dir, i)] = b
	}
	for i, pk := range packs {
		out.Files[hitPackName(dir, pk.term)] = blocks[nb+i]
	}
	head.Results = search.Results{Dir: dir, Block: o.BlockDocs, Blocks: nb}
	if len(packs) > 0 {
		head.Results.HitPackMin, head.Results.HitPackDocs = hitPackMin(len(docs)), o.HitPackDocs
	}

	hb, err := search.EncodeHead(&head)
	if err != nil {
		return nil, err
	}
	out.Head = out.put("head", ".gz", gz(hb))
	out.Pack = out.put("hp", ".gz", gz(search.EncodePack(packPieces(out, search.PackPiece{Name: out.Head, Data: hb}, packed, o.PackBytes))))
	return out, nil
}

// packPieces are the head and, in order (doc values, then manifest
// pages), the pieces that fit in limit gzip bytes as served alone. Larger
// pieces stay apart: a returning visitor's service worker keeps them
// across rebuilds that do not change them, while the pack is new with
// every head.
func packPieces(x *Index, head search.PackPiece, pieces []search.PackPiece, limit int) []search.PackPiece {
	out := []search.PackPiece{head}
	used := 0
	for _, p := range pieces {
		n := len(x.Files[p.Name])
		if used+n > limit {
			break
		}
		used += n
		out = append(out, p)
	}
	return out
}

// put stores compressed bytes under a content-hashed name.
func (x *Index) put(kind, ext string, z []byte) string {
	name := kind + "-" + hashOf(z) + ext
	x.Files[name] = z
	return name
}

// chunkWriter cuts rows into chunks of about limit bytes, in order, and
// has them compressed. A group of terms that begin alike (groupBytes of
// the term: a word and its compounds, which a prefix reads whole) is not
// split across chunks if it fits in one; a larger group has chunks of
// its own, as few as termLimit allows, so that it costs few requests,
// and within it a term is not split; a term larger than them has a
// chunk of its own (at 100 000 vedtak the postings of "skol" in the
// text are one chunk of 200 KB gzip, not four). Each
// chunk's first key in the manifest is the shortest prefix of its first
// row's key that sorts after the chunk before it, so that a key range
// that starts between two chunks does not ask for the first of them.
type chunkWriter struct {
	limit      int
	termLimit  int
	grp        int // the current large group's bytes per chunk, or 0
	big        int // the current large term's bytes (its own chunk), or 0
	left       int // the current large term's bytes not yet added
	gz         *compressor
	keys, vals [][]byte
	arena      []byte // the current chunk's keys and values
	size       int
	firsts     [][]byte // each chunk's first key
	sums       []uint32 // each chunk's checksum, before compression
	last       []byte   // the last key of the chunk before
}

// groupBytes is how many bytes of a term make its group: "skol" for
// skole, skolebygg, skolegård.
const groupBytes = 3

// term says that the rows of a term of size raw bytes come next; first
// says it begins a group of group raw bytes.
func (c *chunkWriter) term(size, group int, first bool) {
	if c.big > 0 || (first && c.grp > 0) {
		c.flush()
	}
	c.big, c.left = 0, 0
	if first {
		c.grp = 0
		switch {
		case group > c.limit:
			c.flush()
			c.grp = even(group, c.termLimit)
		case c.size+group > c.limit:
			c.flush()
		}
	}
	limit := c.limit
	if c.grp > 0 {
		limit = c.grp
	}
	switch {
	case size > limit:
		c.flush()
		c.big, c.left = size, size
	case c.size+size > limit:
		c.flush()
	}
}

// separator is the shortest prefix of first that sorts after last (first
// itself when last is nil).
func separator(last, first []byte) []byte {
	for i := 1; last != nil && i < len(first); i++ {
		if bytes.Compare(first[:i], last) > 0 {
			return append([]byte(nil), first[:i]...)
		}
	}
	return append([]byte(nil), first...)
}

// even is the size of each of the fewest parts of at most limit that n
// splits into evenly.
func even(n, limit int) int {
	parts := (n + limit - 1) / limit
	return (n + parts - 1) / parts
}

func (c *chunkWriter) add(key, val []byte) {
	limit := c.limit
	switch {
	case c.big > 0:
		limit = c.big
	case c.grp > 0:
		limit = c.grp
	}
	if len(c.keys) > 0 && c.size+len(key)+len(val) > limit {
		c.flush()
	}
	if c.big > 0 {
		if c.left -= len(key) + len(val); c.left <= 0 {
			defer func() { c.flush(); c.big = 0 }()
		}
	}
	if c.arena == nil {
		c.arena = make([]byte, 0, 2*max(c.limit, c.termLimit))
	}
	start := len(c.arena)
	c.arena = append(c.arena, key...)
	c.arena = append(c.arena, val...)
	k := c.arena[start : start+len(key) : start+len(key)]
	c.keys = append(c.keys, k)
	c.vals = append(c.vals, c.arena[start+len(key):len(c.arena):len(c.arena)])
	c.size += len(key) + len(val)
}

func (c *chunkWriter) flush() {
	if len(c.keys) == 0 {
		return
	}
	raw := search.EncodeChunk(c.keys, c.vals)
	c.firsts = append(c.firsts, separator(c.last, c.keys[0]))
	c.last = append(c.last[:0], c.keys[len(c.keys)-1]...)
	c.sums = append(c.sums, search.Checksum(raw))
	c.gz.add(raw)
	// EncodeChunk copied the rows: the arena is free for the next chunk.
	c.keys, c.vals, c.arena, c.size = c.keys[:0], c.vals[:0], c.arena[:0], 0
}

// compressor gzips byte slices on all cores, keeping their order.
type compressor struct {
	jobs chan gzJob
	out  []*[]byte
	wg   sync.WaitGroup
}

type gzJob struct {
	raw []byte
	dst *[]byte
}

func newCompressor() *compressor {
	c := &compressor{jobs: make(chan gzJob, 2*runtime.GOMAXPROCS(0))}
	for range runtime.GOMAXPROCS(0) {
		c.wg.Go(func() {
			for j := range c.jobs {
				*j.dst = gz(j.raw)
			}
		})
	}
	return c
}

// add queues raw; it must not change afterwards.
func (c *compressor) add(raw []byte) {
	dst := new([]byte)
	c.out = append(c.out, dst)
	c.jobs <- gzJob{raw, dst}
}

// wait returns the compressed slices in the order they were added.
func (c *compressor) wait() [][]byte {
	close(c.jobs)
	c.wg.Wait()
	out := make([][]byte, len(c.out))
	for i, z := range c.out {
		out[i] = *z
	}
	return out
}

func hashOf(parts ...[]byte) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write(p)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// gz compresses deterministically: no name, no time in the header.
func gz(b []byte) []byte {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

// ordered sorts documents by their facet values, then date, then key, so
// documents with the same facet values get consecutive ordinals.
func ordered(docs []*Doc) []*Doc {
	out := make([]*Doc, len(docs))
	copy(out, docs)
	keys := make(map[*Doc]string, len(docs))
	for _, d := range out {
		keys[d] = tupleKey(tuple(d))
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if keys[a] != keys[b] {
			return keys[a] < keys[b]
		}
		da, db := a.Dates["dato"], b.Dates["dato"]
		if !da.Equal(db) {
			return da.Before(db)
		}
		return a.Key < b.Key
	})
	return out
}

// tuple is a document's facet values in field order, then value order.
func tuple(d *Doc) []search.FieldValue {
	var t []search.FieldValue
	for _, f := range search.Fields {
		if !f.Facet {
			continue
		}
		var vs []string
		for _, kv := range d.Keywords {
			if kv.Field == f.Name {
				vs = append(vs, kv.Value)
			}
		}
		sort.Strings(vs)
		for i, v := range vs {
			if i == 0 || v != vs[i-1] {
				t = append(t, search.FieldValue{Field: f.Name, Value: v})
			}
		}
	}
	return t
}

func tupleKey(t []search.FieldValue) string {
	var b strings.Builder
	for _, fv := range t {
		b.WriteString(fv.Field)
		b.WriteByte(0)
		b.WriteString(fv.Value)
		b.WriteByte(0)
	}
	return b.String()
}

func docValues(docs []*Doc) *search.DocValues {
	dv := &search.DocValues{Numbers: map[string][]search.NumberValue{}}
	tuples := map[string]int{}
	prev := ""
	for i, d := range docs {
		t := tuple(d)
		k := tupleKey(t)
		n, ok := tuples[k]
		if !ok {
			n = len(dv.Tuples)
			tuples[k] = n
			dv.Tuples = append(dv.Tuples, t)
		}
		if i == 0 || k != prev {
			dv.Runs = append(dv.Runs, search.Run{Start: i, Tuple: n})
		}
		prev = k
		for _, f := range search.Fields {
			if !f.Sort {
				continue
			}
			switch f.Kind {
			case search.Date:
				if t, ok := d.Dates[f.Name]; ok {
					dv.Numbers[f.Name] = append(dv.Numbers[f.Name], search.NumberValue{Ord: i, Value: t.Unix() / 86400})
				}
			case search.Number:
				if v, ok := d.Numbers[f.Name]; ok {
					dv.Numbers[f.Name] = append(dv.Numbers[f.Name], search.NumberValue{Ord: i, Value: search.NumberToStored(v)})
				}
			}
		}
	}
	dv.Parents = parents(docs)
	return dv
}

// parents are the ordinals of each part's record. A Parent that names no
// document (or a part) is a bug in Docs, not in the data.
func parents(docs []*Doc) []search.Parent {
	ords := make(map[string]int, len(docs))
	for i, d := range docs {
		ords[d.Key] = i
	}
	var out []search.Parent
	for i, d := range docs {
		if d.Parent == "" {
			continue
		}
		of, ok := ords[d.Parent]
		if !ok || docs[of].Parent != "" {
			panic(fmt.Sprintf("searchindex: %s: no record %q", d.Key, d.Parent))
		}
		out = append(out, search.Parent{Ord: i, Of: of, Group: d.Result.Type == "vedtakspunkt"})
	}
	return out
}

// bleveDocFields makes the fields of d, in search.Fields order.
func bleveDocFields(id string, d *Doc, an search.Analyzers) []index.Field {
	var bd fieldList
	for _, f := range search.Fields {
		switch f.Kind {
		case search.Text:
			v := d.Tittel
			if f.Name == "tekst" {
				v = d.Tekst
			}
			if v != "" {
				bd.AddField(document.NewTextFieldCustom(f.Name, nil, []byte(v), index.IndexField, an.Index))
			}
		case search.Keyword:
			for _, kv := range d.Keywords {
				if kv.Field == f.Name {
					bd.AddField(document.NewTextFieldCustom(f.Name, nil, []byte(kv.Value), index.IndexField, an.Keyword))
				}
			}
		case search.Number:
			if v, ok := d.Numbers[f.Name]; ok {
				bd.AddField(document.NewNumericFieldWithIndexingOptions(f.Name, nil, v, index.IndexField))
			}
		case search.Date:
			if t, ok := d.Dates[f.Name]; ok {
				df, err := document.NewDateTimeFieldWithIndexingOptions(f.Name, nil, t, time.RFC3339, index.IndexField)
				if err == nil {
					bd.AddField(df)
				}
			}
		}
	}
	return bd
}

type fieldList []index.Field

func (l *fieldList) AddField(f index.Field) { *l = append(*l, f) }
