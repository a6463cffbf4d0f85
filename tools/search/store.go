package search

import (
	"bytes"
	"fmt"
	"sort"
)

// Store holds the index rows a visitor has fetched so far: the chunks of
// the head's manifest, each loaded or not. Reading a key range whose chunk
// is not loaded records the chunk as missing and reads nothing; the engine
// reports the missing chunks, the caller fetches them, and the search runs
// again. Rows are never changed once loaded.
type Store struct {
	refs    []ChunkRef
	chunks  []chunk
	missing map[int]bool
}

type chunk struct {
	loaded     bool
	keys, vals [][]byte
}

// NewStore makes a store over the chunks of a manifest.
func NewStore(refs []ChunkRef) *Store {
	return &Store{refs: refs, chunks: make([]chunk, len(refs)), missing: map[int]bool{}}
}

// Add loads chunk i from its decoded bytes. Every key must lie in the
// chunk's range.
func (s *Store) Add(i int, data []byte) error {
	if i < 0 || i >= len(s.refs) {
		return fmt.Errorf("no chunk %d", i)
	}
	keys, vals, err := DecodeChunk(data)
	if err != nil {
		return fmt.Errorf("chunk %d: %w", i, err)
	}
	if len(keys) > 0 {
		if bytes.Compare(keys[0], s.refs[i].First) < 0 ||
			(i+1 < len(s.refs) && bytes.Compare(keys[len(keys)-1], s.refs[i+1].First) >= 0) {
			return fmt.Errorf("chunk %d: rows outside its key range", i)
		}
	}
	s.chunks[i] = chunk{loaded: true, keys: keys, vals: vals}
	delete(s.missing, i)
	return nil
}

// Loaded says whether chunk i is loaded.
func (s *Store) Loaded(i int) bool { return s.chunks[i].loaded }

// Missing returns the chunks reads needed but did not have, and forgets them.
func (s *Store) Missing() []int {
	var out []int
	for i := range s.missing {
		out = append(out, i)
	}
	sort.Ints(out)
	s.missing = map[int]bool{}
	return out
}

// chunkFor returns the index of the chunk that would hold key, or -1.
func (s *Store) chunkFor(key []byte) int {
	return sort.Search(len(s.refs), func(i int) bool { return bytes.Compare(s.refs[i].First, key) > 0 }) - 1
}

// need marks the chunks holding [start, end) as wanted; it says whether
// all of them are loaded. A nil end means no upper bound.
func (s *Store) need(start, end []byte) bool {
	ok := true
	i := s.chunkFor(start)
	if i < 0 {
		i = 0
	}
	for ; i < len(s.refs); i++ {
		if end != nil && i > 0 && bytes.Compare(s.refs[i].First, end) >= 0 {
			break
		}
		if !s.chunks[i].loaded {
			s.missing[i] = true
			ok = false
		}
	}
	return ok
}

// Get returns the value of key, or nil if it is absent or not loaded.
func (s *Store) Get(key []byte) []byte {
	i := s.chunkFor(key)
	if i < 0 {
		return nil
	}
	c := &s.chunks[i]
	if !c.loaded {
		s.missing[i] = true
		return nil
	}
	j := sort.Search(len(c.keys), func(j int) bool { return bytes.Compare(c.keys[j], key) >= 0 })
	if j < len(c.keys) && bytes.Equal(c.keys[j], key) {
		return c.vals[j]
	}
	return nil
}

// Scan returns the loaded rows with start <= key < end, in key order.
func (s *Store) Scan(start, end []byte) (keys, vals [][]byte) {
	s.need(start, end)
	i := s.chunkFor(start)
	if i < 0 {
		i = 0
	}
	for ; i < len(s.refs); i++ {
		if i > 0 && end != nil && bytes.Compare(s.refs[i].First, end) >= 0 {
			break
		}
		c := &s.chunks[i]
		if !c.loaded {
			continue
		}
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
