package searchindex

import (
	"encoding/binary"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/openkommune/portal/tools/search"
)

// analyzed is one document's terms per field, as upsidedown's analysis
// makes them: fields with the same name are merged, the length is the
// number of tokens, the norm 1/sqrt(length).
type analyzed []fieldTerms

type fieldTerms struct {
	field  uint16
	length int
	freqs  index.TokenFrequencies
}

// analyzeBatch is how many documents are analysed at a time: the analysis
// of a document (maps of terms) is many times its text, so only a batch of
// them is held while their terms go into the postings.
const analyzeBatch = 2048

// analyzeAll runs bleve's analysis of every document on all cores and
// calls add for each, in ordinal order, while the next batch is analysed.
func analyzeAll(docs []*Doc, width int, an search.Analyzers, add func(ord int, a analyzed)) {
	type batch struct {
		start int
		out   []analyzed
	}
	batches := make(chan batch, 1)
	go func() {
		defer close(batches)
		for start := 0; start < len(docs); start += analyzeBatch {
			end := min(start+analyzeBatch, len(docs))
			batches <- batch{start, analyze(docs[start:end], start, width, an)}
		}
	}()
	for b := range batches {
		for i, a := range b.out {
			add(b.start+i, a)
		}
	}
}

// analyze analyses docs, the first of which has ordinal first, on all
// cores.
func analyze(docs []*Doc, first, width int, an search.Analyzers) []analyzed {
	out := make([]analyzed, len(docs))
	var next sync.Mutex
	i := 0
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				next.Lock()
				j := i
				i++
				next.Unlock()
				if j >= len(docs) {
					return
				}
				out[j] = analyzeDoc(bleveDocFields(search.DocID(first+j, width), docs[j], an))
			}
		})
	}
	wg.Wait()
	return out
}

func analyzeDoc(fields []index.Field) analyzed {
	var a analyzed
	byField := map[uint16]int{}
	for _, f := range fields {
		fid := fieldID[f.Name()]
		f.Analyze()
		n, tf := f.AnalyzedLength(), f.AnalyzedTokenFrequencies()
		if i, ok := byField[fid]; ok {
			a[i].freqs.MergeAll(f.Name(), tf)
			a[i].length += n
			continue
		}
		byField[fid] = len(a)
		a = append(a, fieldTerms{field: fid, length: n, freqs: tf})
	}
	return a
}

var fieldID = func() map[string]uint16 {
	m := map[string]uint16{}
	for i, f := range search.Fields {
		m[f.Name] = uint16(i)
	}
	return m
}()

// postings are the documents each term is in, held compactly: at 100 000
// vedtak there are some 40 million (term, document) pairs.
type postings struct {
	terms map[string]*termList // field id (2 bytes, little-endian) + term, as in upsidedown's keys
	// lengths is each document's number of tokens per field, at
	// ord*len(search.Fields)+field.
	lengths []uint32
	key     []byte // reused for lookups
}

// termList is one term's postings in ordinal order: the ordinal's distance
// from the one before and the term's frequency, as varints.
type termList struct {
	n    int // documents
	last int // the last ordinal added
	enc  []byte
}

func newPostings(docs int) *postings {
	return &postings{terms: map[string]*termList{}, lengths: make([]uint32, docs*len(search.Fields))}
}

// add records document ord's terms; documents are added in ordinal order.
func (p *postings) add(ord int, a analyzed) {
	for _, ft := range a {
		p.lengths[ord*len(search.Fields)+int(ft.field)] = uint32(ft.length)
		p.key = binary.LittleEndian.AppendUint16(p.key[:0], ft.field)
		fk := len(p.key)
		for term, tf := range ft.freqs {
			p.key = append(p.key[:fk], term...)
			l := p.terms[string(p.key)]
			if l == nil {
				l = &termList{}
				p.terms[string(p.key)] = l
			}
			l.enc = binary.AppendUvarint(l.enc, uint64(ord-l.last))
			l.enc = binary.AppendUvarint(l.enc, uint64(tf.Frequency()))
			l.n, l.last = l.n+1, ord
		}
	}
}

// textTerms are the terms of the text fields.
func (p *postings) textTerms() map[string]bool {
	ids := map[uint16]bool{}
	for _, f := range search.Fields {
		if f.Kind == search.Text {
			ids[fieldID[f.Name]] = true
		}
	}
	out := map[string]bool{}
	for k := range p.terms {
		if ids[binary.LittleEndian.Uint16([]byte(k[:2]))] {
			out[k[2:]] = true
		}
	}
	return out
}

// norm is upsidedown's norm of field in document ord.
func (p *postings) norm(ord int, field uint16) float32 {
	return float32(1.0 / math.Sqrt(float64(p.lengths[ord*len(search.Fields)+int(field)])))
}

// rows calls emit with upsidedown's dictionary ('d') and term frequency
// ('t') rows, in key order, and term before each term's 't' rows with
// their raw size (keys and values), and if the term is the first of its
// group (terms of the field that begin with the same groupBytes), the
// group's. The slices passed to emit are reused after it returns.
func (p *postings) rows(width int, term func(size, group int, first bool), emit func(key, val []byte)) {
	terms := make([]string, 0, len(p.terms))
	for k := range p.terms {
		terms = append(terms, k)
	}
	// 'd' rows sort by field and term; 't' rows by field, term and 0xFF,
	// which puts "skole" before "skol".
	slices.Sort(terms)
	// The dictionary rows of a group are kept together too (a prefix
	// reads them).
	dsize := func(k string) int { return 1 + len(k) + 4 }
	gsize := groupSizes(terms, dsize)
	var key, val []byte
	for i, k := range terms {
		if gsize[i] > 0 {
			term(dsize(k), gsize[i], true)
		}
		key = append(append(key[:0], 'd'), k...)
		val = binary.AppendUvarint(val[:0], uint64(p.terms[k].n))
		emit(key, val)
	}
	slices.SortFunc(terms, termRowOrder)
	size := func(k string) int { return p.terms[k].n * (1 + len(k) + 1 + width + 6) } // 't', key, 0xff, id; a frequency and a norm (mostly 6 bytes)
	gsize = groupSizes(terms, size)
	for i, k := range terms {
		l := p.terms[k]
		term(size(k), gsize[i], gsize[i] > 0)
		field := binary.LittleEndian.Uint16([]byte(k[:2]))
		key = append(append(append(key[:0], 't'), k...), 0xff)
		prefix := len(key)
		enc, ord := l.enc, 0
		for range l.n {
			delta, n := binary.Uvarint(enc)
			freq, m := binary.Uvarint(enc[n:])
			enc = enc[n+m:]
			ord += int(delta)
			key = append(key[:prefix], search.DocID(ord, width)...)
			val = binary.AppendUvarint(val[:0], freq)
			val = binary.AppendUvarint(val, uint64(math.Float32bits(p.norm(ord, field))))
			emit(key, val)
		}
	}
}

// groupSizes is, for each term that begins a group (field and the first
// groupBytes of the term; the terms are sorted, so a group's terms are
// together), the sum of size over the group's terms, and 0 for the others.
func groupSizes(terms []string, size func(string) int) []int {
	group := func(k string) string { return k[:min(len(k), 2+groupBytes)] }
	out := make([]int, len(terms))
	start := 0
	for i, k := range terms {
		if i > 0 && group(terms[i-1]) != group(k) {
			start = i
		}
		out[start] += size(k)
	}
	return out
}

// termRowOrder orders terms as their 't' rows sort: by a+"\xff" against
// b+"\xff", without making those strings.
func termRowOrder(a, b string) int {
	n := min(len(a), len(b))
	if c := strings.Compare(a[:n], b[:n]); c != 0 {
		return c
	}
	switch {
	case len(a) == len(b):
		return 0
	case len(a) < len(b): // 0xff against b[n]; if equal, a's key ends first
		if b[n] == 0xff {
			return -1
		}
		return 1
	default:
		if a[n] == 0xff {
			return 1
		}
		return -1
	}
}
