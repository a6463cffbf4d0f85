package search

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"math"
	"sort"

	"github.com/blevesearch/bleve/v2/numeric"
	index "github.com/blevesearch/bleve_index_api"
)

// Reader is a read-only bleve index reader over the static index. It reads
// upsidedown's dictionary ('d') and term frequency ('t') rows from the
// Store; document counts, ids and doc values come from the head and the doc
// values file, so no back-index rows are shipped. bleve's searchers,
// scorers, collectors and facet builders run on it unchanged.
type Reader struct {
	store  *Store
	fields map[string]uint16
	names  []string
	docs   int
	width  int
	dv     *DocValues
	// Doc values prepared for visiting without allocating: each tuple's
	// values with their position in Fields, and each sort field's values
	// as bleve's prefix-coded terms.
	tuples  [][]dvEntry
	numbers [][]numEntry // by position in Fields
	runKeys [][]byte     // each run's index as the _run doc value
}

type dvEntry struct {
	field int
	value []byte
}

type numEntry struct {
	ord   int
	coded []byte
}

// fieldPos maps a field name to its position in Fields.
var fieldPos = func() map[string]int {
	m := map[string]int{}
	for i, f := range Fields {
		m[f.Name] = i
	}
	return m
}()

// NewReader makes a reader over a store, the head and the doc values.
func NewReader(s *Store, h *Head, dv *DocValues) *Reader {
	r := &Reader{store: s, fields: map[string]uint16{}, names: h.Fields, docs: h.Docs, width: h.IDWidth, dv: dv,
		numbers: make([][]numEntry, len(Fields))}
	for i, name := range h.Fields {
		r.fields[name] = uint16(i)
	}
	for _, t := range dv.Tuples {
		var es []dvEntry
		for _, fv := range t {
			if i, ok := fieldPos[fv.Field]; ok {
				es = append(es, dvEntry{i, []byte(fv.Value)})
			}
		}
		r.tuples = append(r.tuples, es)
	}
	for i := range dv.Runs {
		r.runKeys = append(r.runKeys, binary.BigEndian.AppendUint32(nil, uint32(i)))
	}
	for name, vs := range dv.Numbers {
		i, ok := fieldPos[name]
		if !ok {
			continue
		}
		es := make([]numEntry, len(vs))
		for j, v := range vs {
			var i64 int64
			if Fields[i].Kind == Date {
				i64 = v.Value * 86400e9
			} else {
				i64 = numeric.Float64ToInt64(float64(v.Value) / 100)
			}
			es[j] = numEntry{v.Ord, numeric.MustNewPrefixCodedInt64(i64, 0)}
		}
		r.numbers[i] = es
	}
	return r
}

func dictKey(field uint16, term []byte) []byte {
	k := make([]byte, 3, 3+len(term))
	k[0] = 'd'
	binary.LittleEndian.PutUint16(k[1:], field)
	return append(k, term...)
}

func tfPrefix(field uint16, term []byte) []byte {
	k := make([]byte, 3, 4+len(term))
	k[0] = 't'
	binary.LittleEndian.PutUint16(k[1:], field)
	return append(append(k, term...), 0xff)
}

// TermFieldReader implements index.IndexReader. The postings are read
// chunk by chunk as the searcher reaches them, so a conjunction that jumps
// (Advance) through a long list loads only the chunks it lands in.
func (r *Reader) TermFieldReader(ctx context.Context, term []byte, field string, includeFreq, includeNorm, includeTermVectors bool) (index.TermFieldReader, error) {
	fid, ok := r.fields[field]
	if !ok {
		return &termReader{}, nil
	}
	prefix := tfPrefix(fid, term)
	end := prefixEnd(prefix)
	dk := dictKey(fid, term)
	if !r.store.need(dk, append(dk, 0)) {
		// Ask for the postings in the same round as the dictionary row.
		r.store.need(prefix, end)
		return &termReader{}, nil
	}
	val := r.store.Get(dk)
	if val == nil {
		return &termReader{}, nil
	}
	count, n := binary.Uvarint(val)
	if n <= 0 {
		return nil, errors.New("index: bad dictionary row")
	}
	chunks, ok := r.store.chunksFor(prefix, end)
	if !ok {
		return &termReader{}, nil
	}
	return &termReader{store: r.store, count: count, prefix: prefix, end: end, chunks: chunks, ci: -1, width: r.width}, nil
}

// termReader walks one term's postings. While a chunk it needs is not
// loaded it marks it missing and, to let the search go on finding what
// else it needs, treats the chunk as holding every document asked for;
// such a round's results are discarded, and the search runs again once
// everything is loaded.
type termReader struct {
	store       *Store
	count       uint64
	prefix, end []byte
	chunks      []int // chunks overlapping the term's rows
	ci          int   // position in chunks of the rows below
	loaded      bool  // whether chunks[ci] is loaded
	keys, vals  [][]byte
	pos         int
	width       int    // document id width
	lastID      []byte // the last document returned
}

// load makes chunks[c] current; it says whether it is loaded.
func (t *termReader) load(c int) bool {
	t.ci, t.pos = c, 0
	keys, vals, ok := t.store.rowsIn(t.chunks[c], t.prefix, t.end)
	t.keys, t.vals, t.loaded = keys, vals, ok
	return ok
}

func (t *termReader) Next(pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	for {
		if t.ci >= 0 && t.pos < len(t.keys) {
			t.pos++
			return t.doc(t.pos-1, pre)
		}
		if t.ci+1 >= len(t.chunks) {
			return nil, nil
		}
		if !t.load(t.ci + 1) {
			// Stand in for the chunk with one document, and go on: a full
			// walk marks every chunk in one round, a walk that jumps
			// (Advance) only the chunks it lands in.
			next := []byte(DocID(0, t.width))
			if t.lastID != nil {
				n, _ := DocOrdinal(t.lastID)
				next = []byte(DocID(n+1, t.width))
			}
			return t.stand(next, t.ci, pre)
		}
	}
}

func (t *termReader) Advance(id index.IndexInternalID, pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	if t.store == nil {
		return nil, nil
	}
	target := append(t.prefix[:len(t.prefix):len(t.prefix)], id...)
	// The chunk holding target: the last whose first key is ≤ target.
	c := sort.Search(len(t.chunks), func(c int) bool {
		return bytes.Compare(t.store.refs[t.chunks[c]].First, target) > 0
	}) - 1
	if c < 0 {
		c = 0
	}
	if c < t.ci {
		c = t.ci
	}
	for ; c < len(t.chunks); c++ {
		if c != t.ci {
			t.load(c)
		}
		if !t.loaded {
			return t.stand(id, c, pre)
		}
		i := sort.Search(len(t.keys), func(i int) bool { return bytes.Compare(t.keys[i], target) >= 0 })
		if i < len(t.keys) {
			t.pos = i + 1
			return t.doc(i, pre)
		}
		t.pos = len(t.keys)
	}
	return nil, nil
}

// stand answers for a chunk that is not loaded: the document asked for,
// or the first the chunk starts with if that comes later.
func (t *termReader) stand(id index.IndexInternalID, c int, pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	if pre == nil {
		pre = &index.TermFieldDoc{}
	}
	first := t.store.refs[t.chunks[c]].First
	pre.ID = append(pre.ID[:0], id...)
	if bytes.HasPrefix(first, t.prefix) && bytes.Compare(first[len(t.prefix):], id) > 0 {
		pre.ID = append(pre.ID[:0], first[len(t.prefix):]...)
	}
	pre.Freq, pre.Norm = 1, 1
	t.lastID = append(t.lastID[:0], pre.ID...)
	return pre, nil
}

func (t *termReader) doc(i int, pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	v := t.vals[i]
	freq, n := binary.Uvarint(v)
	if n <= 0 {
		return nil, errors.New("index: bad term frequency row")
	}
	bits, m := binary.Uvarint(v[n:])
	// A norm is 1/√(field length): in (0, 1]. Anything else (from a
	// damaged row) could make scores NaN, which JSON cannot carry.
	norm := float64(math.Float32frombits(uint32(bits)))
	if m <= 0 || bits > math.MaxUint32 || !(norm > 0 && norm <= 1) {
		return nil, errors.New("index: bad term frequency row")
	}
	if pre == nil {
		pre = &index.TermFieldDoc{}
	}
	pre.ID = append(pre.ID[:0], t.keys[i][len(t.prefix):]...)
	t.lastID = append(t.lastID[:0], pre.ID...)
	pre.Freq = freq
	pre.Norm = norm
	return pre, nil
}

func (t *termReader) Count() uint64 { return t.count }
func (t *termReader) Close() error  { return nil }
func (t *termReader) Size() int     { return 0 }

// DocIDReaderAll implements index.IndexReader.
func (r *Reader) DocIDReaderAll() (index.DocIDReader, error) {
	return &idReader{r: r, next: 0, only: nil}, nil
}

// DocIDReaderOnly implements index.IndexReader.
func (r *Reader) DocIDReaderOnly(ids []string) (index.DocIDReader, error) {
	var ords []int
	for _, id := range ids {
		if n, ok := DocOrdinal([]byte(id)); ok && n < r.docs && DocID(n, r.width) == id {
			ords = append(ords, n)
		}
	}
	sort.Ints(ords)
	return &idReader{r: r, only: ords, onlyMode: true}, nil
}

type idReader struct {
	r        *Reader
	next     int
	only     []int
	onlyMode bool
}

func (d *idReader) Next() (index.IndexInternalID, error) {
	if d.onlyMode {
		if len(d.only) == 0 {
			return nil, nil
		}
		n := d.only[0]
		d.only = d.only[1:]
		return index.IndexInternalID(DocID(n, d.r.width)), nil
	}
	if d.next >= d.r.docs {
		return nil, nil
	}
	d.next++
	return index.IndexInternalID(DocID(d.next-1, d.r.width)), nil
}

func (d *idReader) Advance(id index.IndexInternalID) (index.IndexInternalID, error) {
	n, ok := DocOrdinal(id)
	if !ok {
		return nil, errors.New("index: bad document id")
	}
	if d.onlyMode {
		for len(d.only) > 0 && d.only[0] < n {
			d.only = d.only[1:]
		}
	} else if d.next < n {
		d.next = n
	}
	return d.Next()
}

func (d *idReader) Size() int    { return 0 }
func (d *idReader) Close() error { return nil }

// FieldDict implements index.IndexReader.
func (r *Reader) FieldDict(field string) (index.FieldDict, error) {
	return r.FieldDictPrefix(field, nil)
}

// FieldDictRange implements index.IndexReader; both ends are included.
func (r *Reader) FieldDictRange(field string, start, end []byte) (index.FieldDict, error) {
	fid, ok := r.fields[field]
	if !ok {
		return &dict{}, nil
	}
	var hi []byte
	if end == nil {
		hi = prefixEnd(dictKey(fid, nil))
	} else {
		hi = append(dictKey(fid, end), 0)
	}
	return r.dict(dictKey(fid, start), hi)
}

// FieldDictPrefix implements index.IndexReader.
func (r *Reader) FieldDictPrefix(field string, prefix []byte) (index.FieldDict, error) {
	fid, ok := r.fields[field]
	if !ok {
		return &dict{}, nil
	}
	lo := dictKey(fid, prefix)
	return r.dict(lo, prefixEnd(lo))
}

func (r *Reader) dict(lo, hi []byte) (index.FieldDict, error) {
	keys, vals := r.store.Scan(lo, hi)
	d := &dict{}
	for i, k := range keys {
		c, n := binary.Uvarint(vals[i])
		if n <= 0 {
			return nil, errors.New("index: bad dictionary row")
		}
		d.entries = append(d.entries, index.DictEntry{Term: string(k[3:]), Count: c})
	}
	return d, nil
}

type dict struct {
	entries []index.DictEntry
	pos     int
}

func (d *dict) Next() (*index.DictEntry, error) {
	if d.pos >= len(d.entries) {
		return nil, nil
	}
	d.pos++
	return &d.entries[d.pos-1], nil
}
func (d *dict) Close() error      { return nil }
func (d *dict) Cardinality() int  { return len(d.entries) }
func (d *dict) BytesRead() uint64 { return 0 }

// Document implements index.IndexReader. The static index stores no
// documents; result data comes from the result blocks.
func (r *Reader) Document(id string) (index.Document, error) {
	return nil, errors.New("the static index stores no documents")
}

// DocValueReader implements index.IndexReader from the doc values.
func (r *Reader) DocValueReader(fields []string) (index.DocValueReader, error) {
	d := &dvReader{r: r, want: make([]bool, len(Fields))}
	for _, f := range fields {
		if f == runField {
			d.runs = true
			continue
		}
		if i, ok := fieldPos[f]; ok && !d.want[i] {
			d.want[i] = true
			if r.numbers[i] != nil {
				d.nums = append(d.nums, i)
			}
		}
	}
	return d, nil
}

type dvReader struct {
	r    *Reader
	want []bool // by position in Fields
	nums []int  // wanted fields with number doc values
	runs bool   // whether the _run pseudo field is wanted
}

func (d *dvReader) VisitDocValues(id index.IndexInternalID, visit index.DocValueVisitor) error {
	ord, ok := DocOrdinal(id)
	if !ok || ord >= d.r.docs {
		return errors.New("index: bad document id")
	}
	runs := d.r.dv.Runs
	k := sort.Search(len(runs), func(k int) bool { return runs[k].Start > ord }) - 1
	if k >= 0 && d.runs {
		visit(runField, d.r.runKeys[k])
	}
	if k >= 0 {
		for _, e := range d.r.tuples[runs[k].Tuple] {
			if d.want[e.field] {
				visit(Fields[e.field].Name, e.value)
			}
		}
	}
	for _, i := range d.nums {
		es := d.r.numbers[i]
		j := sort.Search(len(es), func(j int) bool { return es[j].ord >= ord })
		if j < len(es) && es[j].ord == ord {
			visit(Fields[i].Name, es[j].coded)
		}
	}
	return nil
}

func (d *dvReader) BytesRead() uint64 { return 0 }

// Fields implements index.IndexReader.
func (r *Reader) Fields() ([]string, error) { return r.names, nil }

// GetInternal implements index.IndexReader.
func (r *Reader) GetInternal(key []byte) ([]byte, error) { return nil, nil }

// DocCount implements index.IndexReader.
func (r *Reader) DocCount() (uint64, error) { return uint64(r.docs), nil }

// ExternalID implements index.IndexReader.
func (r *Reader) ExternalID(id index.IndexInternalID) (string, error) { return string(id), nil }

// InternalID implements index.IndexReader.
func (r *Reader) InternalID(id string) (index.IndexInternalID, error) {
	return index.IndexInternalID(id), nil
}

// Close implements index.IndexReader.
func (r *Reader) Close() error { return nil }
