package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
)

// Store holds the index rows a visitor has fetched so far. The rows are cut
// into key-range chunks; the chunks' bounds and file names are listed in
// manifest pages, and the head lists the pages. Reading a key whose page or
// chunk is not loaded records it as missing and reads nothing; the engine
// reports what is missing, the caller fetches it, and the search runs again.
// Rows are never changed once loaded.
type Store struct {
	pages      []PageRef
	pageSize   int
	pageLoaded []bool
	refs       []ChunkRef // by chunk index; filled as pages load
	chunks     []chunk
	missingP   map[int]bool
	missingC   map[int]bool
	unchecked  bool // tests only: take pieces without checking their sums
}

type chunk struct {
	loaded     bool
	keys, vals [][]byte
}

// NewStore makes a store over the manifest pages of a head.
func NewStore(h *Head) *Store {
	return &Store{
		pages: h.Pages, pageSize: h.PageSize, pageLoaded: make([]bool, len(h.Pages)),
		refs: make([]ChunkRef, h.ChunkCount), chunks: make([]chunk, h.ChunkCount),
		missingP: map[int]bool{}, missingC: map[int]bool{},
	}
}

// pageChunks is the range of chunk indices on page p.
func (s *Store) pageChunks(p int) (int, int) {
	return p * s.pageSize, min((p+1)*s.pageSize, len(s.refs))
}

// AddPage loads manifest page p from its decoded JSON.
func (s *Store) AddPage(p int, data []byte) error {
	if p < 0 || p >= len(s.pages) {
		return fmt.Errorf("no manifest page %d", p)
	}
	if !s.unchecked && Checksum(data) != s.pages[p].Sum {
		return fmt.Errorf("manifest page %d: damaged (checksum)", p)
	}
	var refs []ChunkRef
	if err := json.Unmarshal(data, &refs); err != nil {
		return fmt.Errorf("manifest page %d: %w", p, err)
	}
	lo, hi := s.pageChunks(p)
	if len(refs) != hi-lo || len(refs) == 0 || !bytes.Equal(refs[0].First, s.pages[p].First) {
		return fmt.Errorf("manifest page %d does not match the head", p)
	}
	for i := 1; i < len(refs); i++ {
		if bytes.Compare(refs[i-1].First, refs[i].First) >= 0 {
			return fmt.Errorf("manifest page %d: chunks out of order", p)
		}
	}
	if p+1 < len(s.pages) && bytes.Compare(refs[len(refs)-1].First, s.pages[p+1].First) >= 0 {
		return fmt.Errorf("manifest page %d: chunks beyond the page", p)
	}
	copy(s.refs[lo:hi], refs)
	s.pageLoaded[p] = true
	delete(s.missingP, p)
	return nil
}

// Add loads chunk i from its decoded bytes. Every key must lie in the
// chunk's range.
func (s *Store) Add(i int, data []byte) error {
	if i < 0 || i >= len(s.refs) || !s.pageLoaded[i/s.pageSize] {
		return fmt.Errorf("no chunk %d in the loaded manifest", i)
	}
	if !s.unchecked && Checksum(data) != s.refs[i].Sum {
		return fmt.Errorf("chunk %d: damaged (checksum)", i)
	}
	keys, vals, err := DecodeChunk(data)
	if err != nil {
		return fmt.Errorf("chunk %d: %w", i, err)
	}
	if len(keys) > 0 {
		end := s.chunkEnd(i)
		if bytes.Compare(keys[0], s.refs[i].First) < 0 || (end != nil && bytes.Compare(keys[len(keys)-1], end) >= 0) {
			return fmt.Errorf("chunk %d: rows outside its key range", i)
		}
	}
	s.chunks[i] = chunk{loaded: true, keys: keys, vals: vals}
	delete(s.missingC, i)
	return nil
}

// chunkEnd is the first key after chunk i, or nil for the last chunk.
func (s *Store) chunkEnd(i int) []byte {
	switch {
	case i+1 >= len(s.refs):
		return nil
	case (i+1)%s.pageSize == 0:
		return s.pages[(i+1)/s.pageSize].First
	default:
		return s.refs[i+1].First
	}
}

// ChunkFile is the file of chunk i (its page must be loaded).
func (s *Store) ChunkFile(i int) string { return s.refs[i].File }

// Missing returns the pages and chunks reads needed but did not have, and
// forgets them.
func (s *Store) Missing() (pages, chunks []int) {
	for p := range s.missingP {
		pages = append(pages, p)
	}
	for i := range s.missingC {
		chunks = append(chunks, i)
	}
	sort.Ints(pages)
	sort.Ints(chunks)
	s.missingP, s.missingC = map[int]bool{}, map[int]bool{}
	return pages, chunks
}

// overlapping returns the loaded chunks that hold keys in [start, end)
// (nil end: no bound), marking unloaded pages and chunks as missing. ok
// says whether everything needed was loaded.
func (s *Store) overlapping(start, end []byte) (loaded []int, ok bool) {
	all, ok := s.chunksFor(start, end)
	for _, i := range all {
		if !s.chunks[i].loaded {
			s.missingC[i] = true
			ok = false
			continue
		}
		loaded = append(loaded, i)
	}
	return loaded, ok
}

// need marks what holds [start, end) as wanted and says whether it is all
// loaded.
func (s *Store) need(start, end []byte) bool {
	_, ok := s.overlapping(start, end)
	return ok
}

// Get returns the value of key, or nil if it is absent or not loaded.
func (s *Store) Get(key []byte) []byte {
	loaded, _ := s.overlapping(key, append(bytes.Clone(key), 0))
	for _, i := range loaded {
		c := &s.chunks[i]
		j := sort.Search(len(c.keys), func(j int) bool { return bytes.Compare(c.keys[j], key) >= 0 })
		if j < len(c.keys) && bytes.Equal(c.keys[j], key) {
			return c.vals[j]
		}
	}
	return nil
}

// Scan returns the loaded rows with start <= key < end, in key order.
func (s *Store) Scan(start, end []byte) (keys, vals [][]byte) {
	loaded, _ := s.overlapping(start, end)
	for _, i := range loaded {
		c := &s.chunks[i]
		lo := sort.Search(len(c.keys), func(j int) bool { return bytes.Compare(c.keys[j], start) >= 0 })
		hi := len(c.keys)
		if end != nil {
			hi = sort.Search(len(c.keys), func(j int) bool { return bytes.Compare(c.keys[j], end) >= 0 })
		}
		if lo < hi {
			keys = append(keys, c.keys[lo:hi]...)
			vals = append(vals, c.vals[lo:hi]...)
		}
	}
	return keys, vals
}

// prefixEnd is the first key after every key with the prefix p.
func prefixEnd(p []byte) []byte {
	end := bytes.Clone(p)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

// chunksFor returns every chunk overlapping [start, end), loaded or not,
// marking unloaded manifest pages as missing; ok says whether all pages
// were loaded.
func (s *Store) chunksFor(start, end []byte) (idx []int, ok bool) {
	ok = true
	p := sort.Search(len(s.pages), func(p int) bool { return bytes.Compare(s.pages[p].First, start) > 0 }) - 1
	if p < 0 {
		p = 0
	}
	for ; p < len(s.pages); p++ {
		if p > 0 && end != nil && bytes.Compare(s.pages[p].First, end) >= 0 {
			break
		}
		if !s.pageLoaded[p] {
			s.missingP[p] = true
			ok = false
			continue
		}
		lo, hi := s.pageChunks(p)
		for i := lo; i < hi; i++ {
			if next := s.chunkEnd(i); next != nil && bytes.Compare(next, start) <= 0 {
				continue
			}
			if i > 0 && end != nil && bytes.Compare(s.refs[i].First, end) >= 0 {
				break
			}
			idx = append(idx, i)
		}
	}
	return idx, ok
}

// rowsIn returns chunk i's rows in [start, end), or marks the chunk missing.
func (s *Store) rowsIn(i int, start, end []byte) (keys, vals [][]byte, ok bool) {
	c := &s.chunks[i]
	if !c.loaded {
		s.missingC[i] = true
		return nil, nil, false
	}
	lo := sort.Search(len(c.keys), func(j int) bool { return bytes.Compare(c.keys[j], start) >= 0 })
	hi := len(c.keys)
	if end != nil {
		hi = sort.Search(len(c.keys), func(j int) bool { return bytes.Compare(c.keys[j], end) >= 0 })
	}
	return c.keys[lo:hi], c.vals[lo:hi], true
}
