package search

import (
	"encoding/binary"
	"sort"

	"github.com/blevesearch/bleve/v2/search"
)

// runField is a pseudo field whose doc value is the document's run in the
// doc values' run table (4 bytes, big-endian).
const runField = "_run"

// runFacets counts hits per run of the run table. Every document of a run
// has the same facet values, so the counts of all term facets follow from
// the run counts: one doc-value visit per hit instead of one per facet
// field. It is bleve facet builder so bleve's collector drives it.
type runFacets struct {
	counts []int
}

func (f *runFacets) StartDoc() {}
func (f *runFacets) EndDoc()   {}
func (f *runFacets) UpdateVisitor(term []byte) {
	if len(term) == 4 {
		if i := int(binary.BigEndian.Uint32(term)); i < len(f.counts) {
			f.counts[i]++
		}
	}
}
func (f *runFacets) Result() *search.FacetResult { return &search.FacetResult{Field: runField} }
func (f *runFacets) Field() string               { return runField }
func (f *runFacets) Size() int                   { return 0 }

// results turns the run counts into term facets as bleve's
// TermsFacetBuilder makes them: by count, then term; at most size terms.
func (f *runFacets) results(r *Reader, fields []string, size int) search.FacetResults {
	perTuple := make([]int, len(r.tuples))
	for run, n := range f.counts {
		perTuple[r.dv.Runs[run].Tuple] += n
	}
	want := map[int]string{}
	for _, name := range fields {
		want[fieldPos[name]] = name
	}
	counts := map[string]map[string]int{}
	for t, n := range perTuple {
		if n == 0 {
			continue
		}
		for _, e := range r.tuples[t] {
			if name, ok := want[e.field]; ok {
				if counts[name] == nil {
					counts[name] = map[string]int{}
				}
				counts[name][string(e.value)] += n
			}
		}
	}
	out := search.FacetResults{}
	for _, name := range fields {
		var terms []*search.TermFacet
		for term, n := range counts[name] {
			terms = append(terms, &search.TermFacet{Term: term, Count: n})
		}
		sort.Slice(terms, func(i, j int) bool {
			if terms[i].Count != terms[j].Count {
				return terms[i].Count > terms[j].Count
			}
			return terms[i].Term < terms[j].Term
		})
		if len(terms) > size {
			terms = terms[:size]
		}
		tf := &search.TermFacets{}
		tf.Add(terms...)
		out[name] = &search.FacetResult{Field: name, Terms: tf}
	}
	return out
}
