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

// termKey is a field id (2 bytes, little-endian) and a term, as in
// upsidedown's keys.
type termKey string

type posting struct {
	ord  int
	freq int
	norm float32
}

// analyzed is one document's terms per field, as upsidedown's analysis
// makes them: fields with the same name are merged, the length is the
// number of tokens, the norm 1/sqrt(length).
type analyzed []fieldTerms

type fieldTerms struct {
	field  uint16
	length int
	freqs  index.TokenFrequencies
}

// analyze runs bleve's analysis of every document on all cores.
func analyze(docs []*Doc, width int, an search.Analyzers) []analyzed {
	out := make([]analyzed, len(docs))
	var wg sync.WaitGroup
	next := make(chan int, 64)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = analyzeDoc(bleveDocFields(search.DocID(i, width), docs[i], an))
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
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

// rows makes upsidedown's dictionary ('d') and term frequency ('t') rows
// for the analysed documents, in key order. Documents are in ordinal order,
// so each term's postings come out sorted by document id.
func rows(docs []analyzed, width int) (keys, vals [][]byte) {
	postings := map[termKey][]posting{}
	for ord, a := range docs {
		for _, ft := range a {
			norm := float32(1.0 / math.Sqrt(float64(ft.length)))
			var fk [2]byte
			binary.LittleEndian.PutUint16(fk[:], ft.field)
			for term, tf := range ft.freqs {
				k := termKey(string(fk[:]) + term)
				postings[k] = append(postings[k], posting{ord: ord, freq: tf.Frequency(), norm: norm})
			}
		}
	}
	terms := make([]termKey, 0, len(postings))
	for k := range postings {
		terms = append(terms, k)
	}
	// 'd' rows sort by field and term; 't' rows by field, term and 0xFF,
	// which puts "skole" before "skol".
	slices.Sort(terms)
	var buf [binary.MaxVarintLen64]byte
	for _, k := range terms {
		keys = append(keys, append([]byte{'d'}, k...))
		vals = append(vals, append([]byte(nil), buf[:binary.PutUvarint(buf[:], uint64(len(postings[k])))]...))
	}
	slices.SortFunc(terms, func(a, b termKey) int {
		return strings.Compare(string(a)+"\xff", string(b)+"\xff")
	})
	for _, k := range terms {
		prefix := append(append([]byte{'t'}, k...), 0xff)
		for _, p := range postings[k] {
			keys = append(keys, append(prefix[:len(prefix):len(prefix)], search.DocID(p.ord, width)...))
			v := binary.AppendUvarint(nil, uint64(p.freq))
			v = binary.AppendUvarint(v, uint64(math.Float32bits(p.norm)))
			vals = append(vals, v)
		}
	}
	return keys, vals
}
