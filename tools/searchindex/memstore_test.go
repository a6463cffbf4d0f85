package searchindex

import (
	"bytes"
	"errors"
	"slices"
	"sort"
	"sync"

	store "github.com/blevesearch/upsidedown_store_api"
)

// memStore is a writable in-memory key-value store for bleve's upsidedown
// index: a map, with keys sorted only when an iterator asks. Building the
// index only appends, so this is much faster than a balanced tree.
type memStore struct {
	mu   sync.RWMutex
	m    map[string][]byte
	mo   store.MergeOperator
	keys []string // sorted; nil when stale
}

func newMemStore(mo store.MergeOperator) *memStore {
	return &memStore{m: map[string][]byte{}, mo: mo}
}

func (s *memStore) Writer() (store.KVWriter, error) { return memWriter{s}, nil }
func (s *memStore) Reader() (store.KVReader, error) { return memReader{s}, nil }
func (s *memStore) Close() error                    { return nil }

// sortedKeys returns the keys in order; the caller holds at least a read lock.
func (s *memStore) sortedKeys() []string {
	if s.keys == nil {
		keys := make([]string, 0, len(s.m))
		for k := range s.m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		s.keys = keys
	}
	return s.keys
}

// rows returns all rows whose key starts with one of the prefixes, sorted.
func (s *memStore) rows(prefixes ...byte) (keys, vals [][]byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, k := range s.sortedKeys() {
		if bytes.IndexByte(prefixes, k[0]) >= 0 {
			keys = append(keys, []byte(k))
			vals = append(vals, s.m[k])
		}
	}
	return keys, vals
}

type memReader struct{ s *memStore }

func (r memReader) Get(key []byte) ([]byte, error) {
	r.s.mu.RLock()
	defer r.s.mu.RUnlock()
	v, ok := r.s.m[string(key)]
	if !ok {
		return nil, nil
	}
	return bytes.Clone(v), nil
}

func (r memReader) MultiGet(keys [][]byte) ([][]byte, error) {
	out := make([][]byte, len(keys))
	for i, k := range keys {
		out[i], _ = r.Get(k)
	}
	return out, nil
}

func (r memReader) PrefixIterator(prefix []byte) store.KVIterator {
	end := prefixEnd(prefix)
	return r.RangeIterator(prefix, end)
}

func (r memReader) RangeIterator(start, end []byte) store.KVIterator {
	r.s.mu.Lock()
	keys := r.s.sortedKeys()
	lo := sort.SearchStrings(keys, string(start))
	hi := len(keys)
	if end != nil {
		hi = sort.SearchStrings(keys, string(end))
	}
	it := &memIterator{s: r.s, end: end}
	if lo < hi {
		it.keys = keys[lo:hi]
	}
	r.s.mu.Unlock()
	return it
}

func (r memReader) Close() error { return nil }

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

type memIterator struct {
	s    *memStore
	keys []string
	pos  int
	end  []byte
}

func (it *memIterator) Seek(key []byte) {
	it.pos = sort.SearchStrings(it.keys, string(key))
}
func (it *memIterator) Next()       { it.pos++ }
func (it *memIterator) Valid() bool { return it.pos < len(it.keys) }
func (it *memIterator) Key() []byte {
	if !it.Valid() {
		return nil
	}
	return []byte(it.keys[it.pos])
}
func (it *memIterator) Value() []byte {
	if !it.Valid() {
		return nil
	}
	it.s.mu.RLock()
	defer it.s.mu.RUnlock()
	return it.s.m[it.keys[it.pos]]
}
func (it *memIterator) Current() ([]byte, []byte, bool) {
	if !it.Valid() {
		return nil, nil, false
	}
	return it.Key(), it.Value(), true
}
func (it *memIterator) Close() error { return nil }

type memWriter struct{ s *memStore }

type op struct {
	kind     byte // 's'et, 'd'elete, 'm'erge
	key, val []byte
}

type memBatch struct{ ops []op }

func (b *memBatch) Set(key, val []byte) {
	b.ops = append(b.ops, op{'s', bytes.Clone(key), bytes.Clone(val)})
}
func (b *memBatch) Delete(key []byte) { b.ops = append(b.ops, op{'d', bytes.Clone(key), nil}) }
func (b *memBatch) Merge(key, val []byte) {
	b.ops = append(b.ops, op{'m', bytes.Clone(key), bytes.Clone(val)})
}
func (b *memBatch) Reset()       { b.ops = b.ops[:0] }
func (b *memBatch) Close() error { return nil }

func (w memWriter) NewBatch() store.KVBatch { return &memBatch{} }

func (w memWriter) NewBatchEx(o store.KVBatchOptions) ([]byte, store.KVBatch, error) {
	return make([]byte, o.TotalBytes), &memBatch{ops: make([]op, 0, o.NumSets+o.NumDeletes+o.NumMerges)}, nil
}

func (w memWriter) ExecuteBatch(batch store.KVBatch) error {
	b, ok := batch.(*memBatch)
	if !ok {
		return errors.New("memstore: foreign batch")
	}
	s := w.s
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, o := range b.ops {
		k := string(o.key)
		_, existed := s.m[k]
		switch o.kind {
		case 's':
			s.m[k] = o.val
		case 'd':
			delete(s.m, k)
		case 'm':
			v, ok := s.mo.FullMerge(o.key, s.m[k], [][]byte{o.val})
			if !ok {
				return errors.New("memstore: merge failed")
			}
			s.m[k] = v
		}
		if _, exists := s.m[k]; exists != existed {
			s.keys = nil
		}
	}
	return nil
}

func (w memWriter) Close() error { return nil }
