package searchindex

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/openkommune/portal/tools/search"
)

// layoutChunks are the chunks of an index in key order: their manifest
// entries and rows.
func layoutChunks(t *testing.T, x *Index) ([]search.ChunkRef, [][][]byte, [][][]byte) {
	t.Helper()
	var head search.Head
	if err := json.Unmarshal(gunzip(t, x.Files[x.Head]), &head); err != nil {
		t.Fatal(err)
	}
	var refs []search.ChunkRef
	var keys, vals [][][]byte
	for _, p := range head.Pages {
		var page []search.ChunkRef
		if err := json.Unmarshal(gunzip(t, x.Files[p.File]), &page); err != nil {
			t.Fatal(err)
		}
		for _, c := range page {
			k, v, err := search.DecodeChunk(gunzip(t, x.Files[c.File]))
			if err != nil {
				t.Fatal(err)
			}
			refs, keys, vals = append(refs, c), append(keys, k), append(vals, v)
		}
	}
	return refs, keys, vals
}

// rowGroup is the group a row belongs to: its kind, field and the first
// groupBytes of its term.
func rowGroup(key []byte) string {
	term := key[3:]
	if key[0] == 't' {
		term = term[:bytes.IndexByte(term, 0xff)]
	}
	return string(key[:3]) + string(term[:min(len(term), groupBytes)])
}

// TestChunkLayout checks how the rows are cut: a group of terms that
// begin alike (a word and its compounds, which a prefix reads whole) is
// in one chunk if it fits, and a larger group in chunks of its own, as
// few as TermBytes allows; a term's postings in a field are in one chunk,
// however large (a query reads them all: splitting them costs requests,
// not bytes); each chunk's first key in the manifest is the shortest
// that separates it from the chunk before.
func TestChunkLayout(t *testing.T) {
	o := Options{ChunkBytes: 2 << 10, TermBytes: 4 << 10, PageChunks: 4}
	x, err := Build(Docs(exampleSite(t)), o)
	if err != nil {
		t.Fatal(err)
	}
	o = o.withDefaults()
	refs, keys, vals := layoutChunks(t, x)
	size, chunks := map[string]int{}, map[string]map[int]bool{}
	for i := range keys {
		for j, k := range keys[i] {
			g := rowGroup(k)
			size[g] += len(k) + len(vals[i][j])
			if chunks[g] == nil {
				chunks[g] = map[int]bool{}
			}
			chunks[g][i] = true
		}
	}
	termSize, termChunks := map[string]int{}, map[string]map[int]bool{}
	for i := range keys {
		for j, k := range keys[i] {
			if k[0] != 't' {
				continue
			}
			term := string(k[:bytes.IndexByte(k, 0xff)])
			termSize[term] += len(k) + len(vals[i][j])
			if termChunks[term] == nil {
				termChunks[term] = map[int]bool{}
			}
			termChunks[term][i] = true
		}
	}
	bigTerms := 0
	for term, n := range termSize {
		if n > o.TermBytes {
			bigTerms++
		}
		if c := len(termChunks[term]); c > 1 {
			t.Errorf("the postings of %q (%d bytes) are split over %d chunks", term, n, c)
		}
	}
	if bigTerms == 0 {
		t.Error("no term's postings larger than TermBytes: the test checks nothing about them")
	}
	large := 0
	for g, n := range size {
		c := len(chunks[g])
		switch {
		case n <= o.ChunkBytes && c > 1:
			t.Errorf("group %q (%d bytes) is split over %d chunks", g, n, c)
		case n > o.ChunkBytes:
			large++
			// Its own chunks, as few as TermBytes allows (one more
			// where a term is cut between them, and one for each term
			// larger than TermBytes).
			if c > (n+o.TermBytes-1)/o.TermBytes+1+bigIn(termSize, g, o.TermBytes) {
				t.Errorf("group %q (%d bytes) is in %d chunks", g, n, c)
			}
			for i := range chunks[g] {
				for _, k := range keys[i] {
					if rowGroup(k) != g {
						t.Errorf("group %q (%d bytes) shares chunk %d with %q", g, n, i, k)
						break
					}
				}
			}
		}
	}
	if large == 0 {
		t.Error("no group larger than a chunk: the test checks nothing about them")
	}
	for i := 1; i < len(refs); i++ {
		last, first, sep := keys[i-1][len(keys[i-1])-1], keys[i][0], refs[i].First
		if !bytes.HasPrefix(first, sep) || bytes.Compare(sep, last) <= 0 || bytes.Compare(sep[:len(sep)-1], last) > 0 {
			t.Errorf("chunk %d: first key %q is not the shortest between %q and %q", i, sep, last, first)
		}
	}
}

// bigIn counts the terms of group g with postings larger than limit.
func bigIn(termSize map[string]int, g string, limit int) int {
	n := 0
	for term, size := range termSize {
		if size > limit && rowGroup([]byte(term+"\xff")) == g {
			n++
		}
	}
	return n
}
