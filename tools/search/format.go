package search

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"sort"
	"strconv"
)

// FormatVersion is the version of the static index format.
const FormatVersion = 3

// Every piece of the index is checked before the engine uses it, so that a
// damaged or truncated file (a bad cache, a proxy, a disk) gives an error
// instead of wrong results. The check is a CRC-32 (IEEE) of the decoded
// bytes, cheap in WebAssembly. The head lists the sums of the doc values
// and the manifest pages, and the manifest pages the sums of the chunks.
// The head and the result blocks carry their own sum: the CRC-32 of their
// JSON as encoding/json writes it with the sum set to 0; the engine decodes
// the JSON, encodes it again and compares.

// Checksum is the CRC-32 of a piece as decoded.
func Checksum(b []byte) uint32 { return crc32.ChecksumIEEE(b) }

// Head is the small file a visitor loads first. It names every other file
// of the index; all names but the result blocks' are content-hashed, and
// result blocks live in a content-hashed directory.
type Head struct {
	Version int      `json:"version"`
	Docs    int      `json:"docs"`     // documents, ordinals 0..Docs-1
	IDWidth int      `json:"id_width"` // characters in a document id
	Fields  []string `json:"fields"`   // field names by index field id
	// Schema describes the fields in the same order (Specs), so that the
	// browser's reader takes them from here instead of repeating them.
	Schema       []FieldSpec `json:"schema"`
	Pages        []PageRef   `json:"pages"`     // manifest pages, sorted by First
	PageSize     int         `json:"page_size"` // chunks per manifest page
	ChunkCount   int         `json:"chunks"`
	DocValues    string      `json:"docvalues"`
	DocValuesSum uint32      `json:"docvalues_sum"` // Checksum of the doc values
	Results      Results     `json:"results"`
	// Synonyms are the site's own words for what they mean (synonyms.go),
	// carried to the browser's reader.
	Synonyms []Synonym `json:"synonyms,omitempty"`
	// Inflections are the short words' forms (inflect.go).
	Inflections []string `json:"inflections,omitempty"`
	Sum         uint32   `json:"sum"` // the head's own sum, see above
}

// PageRef is one page of the chunk manifest: the JSON list of the
// ChunkRefs of chunks PageSize×i up to PageSize×(i+1). First is the first
// key of its first chunk. Two levels keep the head small for a large
// kommune: a query loads only the manifest pages of the keys it reads.
type PageRef struct {
	First []byte `json:"first"`
	File  string `json:"file"`
	Sum   uint32 `json:"sum"` // Checksum of the page's JSON
}

// ChunkRef is one chunk of index rows: it holds the keys from First up to,
// not including, the next chunk's First.
type ChunkRef struct {
	First []byte `json:"first"`
	File  string `json:"file"`
	Bytes int    `json:"bytes"` // size of the file as served (gzip)
	Sum   uint32 `json:"sum"`   // Checksum of the chunk
}

// EncodeHead writes the head with its sum.
func EncodeHead(h *Head) ([]byte, error) {
	c := *h
	c.Sum = 0
	b, err := json.Marshal(&c)
	if err != nil {
		return nil, err
	}
	c.Sum = Checksum(b)
	return json.Marshal(&c)
}

// DecodeHead reads a head and checks its sum and version.
func DecodeHead(data []byte) (*Head, error) { return decodeHead(data, true) }

// decodeHead is DecodeHead; only tests skip the sum (check false).
func decodeHead(data []byte, check bool) (*Head, error) {
	var h Head
	if err := json.Unmarshal(data, &h); err != nil {
		return nil, fmt.Errorf("search head: %w", err)
	}
	if h.Version != FormatVersion {
		return nil, fmt.Errorf("search head: format %d, want %d", h.Version, FormatVersion)
	}
	sum := h.Sum
	h.Sum = 0
	b, err := json.Marshal(&h)
	if err != nil {
		return nil, fmt.Errorf("search head: %w", err)
	}
	if check && Checksum(b) != sum {
		return nil, errors.New("search head: damaged (checksum)")
	}
	h.Sum = sum
	return &h, nil
}

// resultBlock is a result block file: its number, the documents of
// Block consecutive ordinals from N×Block on, and the block's own sum.
// The number is under the sum, so a block given as another is rejected.
type resultBlock struct {
	N    int         `json:"n"`
	Sum  uint32      `json:"sum"`
	Docs []ResultDoc `json:"docs"`
}

// EncodeBlock writes result block n with its sum.
func EncodeBlock(n int, docs []ResultDoc) ([]byte, error) {
	b, err := json.Marshal(resultBlock{N: n, Docs: docs})
	if err != nil {
		return nil, err
	}
	return json.Marshal(resultBlock{N: n, Sum: Checksum(b), Docs: docs})
}

// DecodeBlock reads result block n and checks its sum.
func DecodeBlock(n int, data []byte) ([]ResultDoc, error) { return decodeBlock(n, data, true) }

func decodeBlock(n int, data []byte, check bool) ([]ResultDoc, error) {
	var rb resultBlock
	if err := json.Unmarshal(data, &rb); err != nil {
		return nil, err
	}
	if check {
		b, err := json.Marshal(resultBlock{N: rb.N, Docs: rb.Docs})
		if err != nil {
			return nil, err
		}
		if Checksum(b) != rb.Sum {
			return nil, errors.New("damaged (checksum)")
		}
	}
	if rb.N != n {
		return nil, fmt.Errorf("the file holds block %d", rb.N)
	}
	return rb.Docs, nil
}

// Results says where the per-result data lives.
type Results struct {
	Dir    string `json:"dir"`    // directory of the result blocks
	Block  int    `json:"block"`  // documents per block
	Blocks int    `json:"blocks"` // number of blocks, named 0.gz ...
	// HitPackMin and HitPackDocs describe the hit packs (HitPack): every
	// term of the text fields in HitPackMin documents or more has one,
	// with its HitPackDocs best documents; 0 when there are none.
	HitPackMin  int `json:"hit_pack_min,omitempty"`
	HitPackDocs int `json:"hit_pack_docs,omitempty"`
}

// A hit pack holds the result documents of a common term's best
// documents, so that the browser's reader fetches the hits of a common
// word in one file rather than in as many result blocks as hits. It is
// Dir/p-<the term's bytes in hex>.gz. The best documents are those the
// term's first results show when its documents score HitPackScore and
// are ranked as a search ranks (PackRanking: parts weigh less, a
// vedtak's points are one result, ties newest first); the reader ranks
// them itself from the postings it has read, so it knows which hits a
// pack holds before it fetches it, and falls back to the blocks for any
// it does not. Only the reader reads packs.
type HitPack struct {
	Term string      `json:"term"`
	Sum  uint32      `json:"sum"` // Checksum of the pack's JSON with Sum 0
	Ords []int       `json:"ords"`
	Docs []ResultDoc `json:"docs"`
}

// HitPackScore is how a hit pack ranks a document for its term: bleve's
// TF-IDF weight of the term in each text field (boost × idf² × tf ×
// norm), summed in field order, times Coord of the fields with the
// term, times PartWeight for a part. tfNorm is
// √freq × norm; docs is the index's document count and count the
// field's documents with the term.
func HitPackScore(boost float64, docs, count int, tfNorm float64) float64 {
	idf := 1 + math.Log(float64(docs)/float64(count+1))
	return boost * idf * idf * tfNorm
}

// Coord is bleve's coordination factor of a disjunction in which matched
// of total clauses match: a word's disjunction over the text fields
// scores a document with the word in one field of two at half. A hit
// pack's ranking multiplies the sum of HitPackScore by it.
func Coord(matched, total int) float64 { return float64(matched) / float64(total) }

// EncodeHitPack writes a hit pack with its sum.
func EncodeHitPack(term string, ords []int, docs []ResultDoc) ([]byte, error) {
	b, err := json.Marshal(HitPack{Term: term, Ords: ords, Docs: docs})
	if err != nil {
		return nil, err
	}
	return json.Marshal(HitPack{Term: term, Sum: Checksum(b), Ords: ords, Docs: docs})
}

// ResultDoc is what a hit shows: one entry of a result block.
type ResultDoc struct {
	Type  string `json:"type"`
	Title string `json:"title"`
	URL   string `json:"url"` // relative to the site root
	Date  string `json:"date,omitempty"`
	Label string `json:"label,omitempty"` // "KST 014/25", "+22,6 % over rammen"
	Text  string `json:"text,omitempty"`  // plain text for the snippet
}

// DocID is the index id of the document with ordinal n: fixed-width
// base 36, so ids sort as ordinals do.
func DocID(n, width int) string {
	s := strconv.FormatInt(int64(n), 36)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// IDWidth is the id width for n documents.
func IDWidth(n int) int {
	w := 1
	for max := 36; n > max; max *= 36 {
		w++
		if max > math.MaxInt/36 { // the next power of 36 is above any int
			return w
		}
	}
	return w
}

// DocOrdinal parses a document id.
func DocOrdinal(id []byte) (int, bool) {
	if len(id) == 0 || len(id) > 12 {
		return 0, false
	}
	n := 0
	for _, c := range id {
		switch {
		case c >= '0' && c <= '9':
			n = n*36 + int(c-'0')
		case c >= 'a' && c <= 'z':
			n = n*36 + int(c-'a') + 10
		default:
			return 0, false
		}
	}
	return n, true
}

var chunkMagic = []byte("PKC1")

// EncodeChunk writes sorted rows with their keys front-coded.
func EncodeChunk(keys, vals [][]byte) []byte {
	var b bytes.Buffer
	b.Write(chunkMagic)
	putUvarint(&b, uint64(len(keys)))
	var prev []byte
	for i, k := range keys {
		shared := commonPrefix(prev, k)
		putUvarint(&b, uint64(shared))
		putUvarint(&b, uint64(len(k)-shared))
		b.Write(k[shared:])
		putUvarint(&b, uint64(len(vals[i])))
		b.Write(vals[i])
		prev = k
	}
	return b.Bytes()
}

// DecodeChunk reads a chunk. Keys must come out strictly increasing; a
// corrupted chunk is an error, never a panic.
func DecodeChunk(data []byte) (keys, vals [][]byte, err error) {
	if !bytes.HasPrefix(data, chunkMagic) {
		return nil, nil, errors.New("not an index chunk")
	}
	r := &reader{b: data[len(chunkMagic):]}
	n := r.uvarint()
	if n > uint64(len(data)) {
		return nil, nil, errors.New("chunk: bad row count")
	}
	keys = make([][]byte, 0, n)
	vals = make([][]byte, 0, n)
	var prev []byte
	for i := uint64(0); i < n && r.err == nil; i++ {
		shared := r.uvarint()
		if shared > uint64(len(prev)) {
			return nil, nil, errors.New("chunk: bad key prefix")
		}
		suffix := r.bytes(r.uvarint())
		k := make([]byte, 0, int(shared)+len(suffix))
		k = append(append(k, prev[:shared]...), suffix...)
		v := r.bytes(r.uvarint())
		if r.err == nil && i > 0 && bytes.Compare(prev, k) >= 0 {
			return nil, nil, errors.New("chunk: keys out of order")
		}
		keys = append(keys, k)
		vals = append(vals, v)
		prev = k
	}
	if r.err != nil {
		return nil, nil, fmt.Errorf("chunk: %w", r.err)
	}
	if len(r.b) != 0 {
		return nil, nil, errors.New("chunk: trailing bytes")
	}
	return keys, vals, nil
}

// DocValues are the values facets and sorting read for each document. The
// build orders documents by their facet values, so each distinct set of
// facet values covers a run of ordinals: the facets of any set of hits come
// from a small run table instead of a column per document.
type DocValues struct {
	Tuples [][]FieldValue // distinct sets of facet values
	Runs   []Run          // sorted by Start; a run lasts until the next
	// Numbers has, for each field with Sort set, the values of the
	// documents that have one, sorted by ordinal.
	Numbers map[string][]NumberValue
	// Parents are the parts' records, sorted by Ord (group.go).
	Parents []Parent
}

// Parent says the document Ord is a part of the record Of: a vedtakspunkt
// of its vedtak (Group: its matches are one result with the vedtak's), a
// tiltak of its plan.
type Parent struct {
	Ord, Of int
	Group   bool
}

// FieldValue is one facet value.
type FieldValue struct {
	Field string
	Value string
}

// Run says documents from Start on have Tuples[Tuple].
type Run struct {
	Start, Tuple int
}

// NumberValue is a document's value of a number or date field: for a
// number, the value times 100; for a date, days since 1970-01-01.
type NumberValue struct {
	Ord   int
	Value int64
}

var dvMagic = []byte("PKD1")

// EncodeDocValues writes doc values compactly.
func EncodeDocValues(dv *DocValues) []byte {
	var b bytes.Buffer
	b.Write(dvMagic)
	putUvarint(&b, uint64(len(dv.Tuples)))
	for _, t := range dv.Tuples {
		putUvarint(&b, uint64(len(t)))
		for _, fv := range t {
			putString(&b, fv.Field)
			putString(&b, fv.Value)
		}
	}
	putUvarint(&b, uint64(len(dv.Runs)))
	prev := 0
	for _, r := range dv.Runs {
		putUvarint(&b, uint64(r.Start-prev))
		putUvarint(&b, uint64(r.Tuple))
		prev = r.Start
	}
	var names []string
	for _, f := range Fields {
		if f.Sort {
			names = append(names, f.Name)
		}
	}
	putUvarint(&b, uint64(len(names)))
	for _, name := range names {
		vs := dv.Numbers[name]
		putString(&b, name)
		putUvarint(&b, uint64(len(vs)))
		po, pv := 0, int64(0)
		for _, v := range vs {
			putUvarint(&b, uint64(v.Ord-po))
			putVarint(&b, v.Value-pv)
			po, pv = v.Ord, v.Value
		}
	}
	// Each part: its ordinal's step from the last part's with the group
	// flag, then its record's ordinal as a step from the last part's
	// record (small: parts and records are ordered alike).
	putUvarint(&b, uint64(len(dv.Parents)))
	po, pr := 0, 0
	for _, p := range dv.Parents {
		g := uint64(0)
		if p.Group {
			g = 1
		}
		putUvarint(&b, uint64(p.Ord-po)<<1|g)
		putVarint(&b, int64(p.Of-pr))
		po, pr = p.Ord, p.Of
	}
	return b.Bytes()
}

// DecodeDocValues reads doc values for n documents.
func DecodeDocValues(data []byte, n int) (*DocValues, error) {
	if !bytes.HasPrefix(data, dvMagic) {
		return nil, errors.New("not a doc values file")
	}
	r := &reader{b: data[len(dvMagic):]}
	dv := &DocValues{Numbers: map[string][]NumberValue{}}
	nt := r.count(len(data))
	for i := 0; i < nt && r.err == nil; i++ {
		m := r.count(len(data))
		t := make([]FieldValue, 0, m)
		for j := 0; j < m && r.err == nil; j++ {
			t = append(t, FieldValue{Field: r.string(), Value: r.string()})
		}
		dv.Tuples = append(dv.Tuples, t)
	}
	nr := r.count(len(data))
	start := 0
	for i := 0; i < nr && r.err == nil; i++ {
		start += int(r.uvarint())
		tuple := int(r.uvarint())
		if tuple >= len(dv.Tuples) || start >= n || (i > 0 && start <= dv.Runs[i-1].Start) || (i == 0 && start != 0) {
			return nil, errors.New("doc values: bad run")
		}
		dv.Runs = append(dv.Runs, Run{Start: start, Tuple: tuple})
	}
	nf := r.count(len(data))
	for i := 0; i < nf && r.err == nil; i++ {
		name := r.string()
		m := r.count(len(data))
		vs := make([]NumberValue, 0, m)
		ord, val := 0, int64(0)
		for j := 0; j < m && r.err == nil; j++ {
			ord += int(r.uvarint())
			val += r.varint()
			if ord >= n || (j > 0 && ord <= vs[j-1].Ord) {
				return nil, errors.New("doc values: bad ordinal")
			}
			vs = append(vs, NumberValue{Ord: ord, Value: val})
		}
		dv.Numbers[name] = vs
	}
	if err := decodeParents(r, dv, n, len(data)); err != nil {
		return nil, err
	}
	if r.err != nil {
		return nil, fmt.Errorf("doc values: %w", r.err)
	}
	if n > 0 && len(dv.Runs) == 0 {
		return nil, errors.New("doc values: no runs")
	}
	return dv, nil
}

// decodeParents reads the parents section: parts in order, each with a
// record that is a document and not itself a part.
func decodeParents(r *reader, dv *DocValues, n, limit int) error {
	np := r.count(limit)
	ord, of := 0, 0
	for j := 0; j < np && r.err == nil; j++ {
		v := r.uvarint()
		d := r.varint()
		if v>>1 >= uint64(n) || d <= -int64(n) || d >= int64(n) {
			return errors.New("doc values: bad parent")
		}
		ord += int(v >> 1)
		of += int(d)
		if ord >= n || of < 0 || of >= n || of == ord || (j > 0 && ord <= dv.Parents[j-1].Ord) {
			return errors.New("doc values: bad parent")
		}
		dv.Parents = append(dv.Parents, Parent{Ord: ord, Of: of, Group: v&1 == 1})
	}
	for _, p := range dv.Parents {
		i := sort.Search(len(dv.Parents), func(i int) bool { return dv.Parents[i].Ord >= p.Of })
		if i < len(dv.Parents) && dv.Parents[i].Ord == p.Of {
			return errors.New("doc values: a part's record is itself a part")
		}
	}
	return nil
}

// A pack is the head and the small pieces every query reads first (the doc
// values, manifest pages), in one file, so that a cold query needs fewer
// requests: "PKP1", then for each piece its name and its bytes (decoded).
// The head comes first. Each piece keeps its own name and sum; a reader
// takes the pieces as if it had fetched them by name.
var packMagic = []byte("PKP1")

// PackPiece is one piece of a pack.
type PackPiece struct {
	Name string
	Data []byte
}

// EncodePack writes a pack.
func EncodePack(pieces []PackPiece) []byte {
	var b bytes.Buffer
	b.Write(packMagic)
	putUvarint(&b, uint64(len(pieces)))
	for _, p := range pieces {
		putString(&b, p.Name)
		putUvarint(&b, uint64(len(p.Data)))
		b.Write(p.Data)
	}
	return b.Bytes()
}

// DecodePack reads a pack.
func DecodePack(data []byte) ([]PackPiece, error) {
	if !bytes.HasPrefix(data, packMagic) {
		return nil, errors.New("not a search pack")
	}
	r := &reader{b: data[len(packMagic):]}
	n := r.count(len(data))
	var out []PackPiece
	for i := 0; i < n && r.err == nil; i++ {
		name := r.string()
		out = append(out, PackPiece{Name: name, Data: r.bytes(r.uvarint())})
	}
	if r.err != nil {
		return nil, fmt.Errorf("search pack: %w", r.err)
	}
	if len(r.b) != 0 || len(out) == 0 {
		return nil, errors.New("search pack: bad size")
	}
	return out, nil
}

// NumberToStored turns a number into its doc value.
func NumberToStored(v float64) int64 { return int64(math.Round(v * 100)) }

func commonPrefix(a, b []byte) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func putUvarint(b *bytes.Buffer, v uint64) {
	var buf [binary.MaxVarintLen64]byte
	b.Write(buf[:binary.PutUvarint(buf[:], v)])
}

func putVarint(b *bytes.Buffer, v int64) {
	var buf [binary.MaxVarintLen64]byte
	b.Write(buf[:binary.PutVarint(buf[:], v)])
}

func putString(b *bytes.Buffer, s string) {
	putUvarint(b, uint64(len(s)))
	b.WriteString(s)
}

// reader decodes varints and byte strings, remembering the first error.
type reader struct {
	b   []byte
	err error
}

func (r *reader) fail(msg string) {
	if r.err == nil {
		r.err = errors.New(msg)
	}
	r.b = nil
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail("truncated")
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) varint() int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail("truncated")
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a length that cannot exceed limit.
func (r *reader) count(limit int) int {
	v := r.uvarint()
	if v > uint64(limit) {
		r.fail("bad count")
		return 0
	}
	return int(v)
}

func (r *reader) bytes(n uint64) []byte {
	if r.err != nil {
		return nil
	}
	if n > uint64(len(r.b)) {
		r.fail("truncated")
		return nil
	}
	out := r.b[:n:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) string() string { return string(r.bytes(r.uvarint())) }
