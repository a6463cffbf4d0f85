package search

import (
	"bytes"
	"slices"
	"testing"
)

func TestChunkRoundTrip(t *testing.T) {
	keys := [][]byte{[]byte("d\x00\x00skol"), []byte("t\x00\x00skol\xff0001"), []byte("t\x00\x00skol\xff0002")}
	vals := [][]byte{{2}, {1, 3}, {}}
	gotK, gotV, err := DecodeChunk(EncodeChunk(keys, vals))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.EqualFunc(gotK, keys, bytes.Equal) || !slices.EqualFunc(gotV, vals, bytes.Equal) {
		t.Errorf("got %q %q", gotK, gotV)
	}
}

// TestChunkCorruption truncates and flips every byte of a chunk: decoding
// must fail or give rows in order, never panic.
func TestChunkCorruption(t *testing.T) {
	keys := [][]byte{[]byte("daa"), []byte("dab"), []byte("tab\xff1")}
	vals := [][]byte{{1}, {2}, {1, 0x80, 0x01}}
	good := EncodeChunk(keys, vals)
	for i := range good {
		if _, _, err := DecodeChunk(good[:i]); err == nil && i < len(good) {
			t.Errorf("truncated to %d bytes: no error", i)
		}
		for _, b := range []byte{0x00, 0xff, good[i] ^ 0x01} {
			bad := bytes.Clone(good)
			bad[i] = b
			k, _, err := DecodeChunk(bad)
			if err == nil && !slices.IsSortedFunc(k, bytes.Compare) {
				t.Errorf("byte %d = %#x: keys out of order without an error", i, b)
			}
		}
	}
}

func TestStoreRejectsRowsOutsideItsRange(t *testing.T) {
	s := NewStore(&Head{Pages: []PageRef{{First: []byte("a")}}, PageSize: 2, ChunkCount: 2})
	if s.Get([]byte("b")) != nil {
		t.Fatal("Get before the manifest page is loaded")
	}
	if pages, _ := s.Missing(); !slices.Equal(pages, []int{0}) {
		t.Fatalf("missing pages %v", pages)
	}
	if err := s.AddPage(0, []byte(`[{"first":"YQ==","file":"c0"},{"first":"bQ==","file":"c1"}]`)); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(0, EncodeChunk([][]byte{[]byte("b"), []byte("n")}, [][]byte{{}, {}})); err == nil {
		t.Error("chunk 0 accepted a key of chunk 1")
	}
	if err := s.Add(1, EncodeChunk([][]byte{[]byte("n")}, [][]byte{{7}})); err != nil {
		t.Fatal(err)
	}
	if v := s.Get([]byte("n")); !bytes.Equal(v, []byte{7}) {
		t.Errorf("Get = %v", v)
	}
	if _, chunks := s.Missing(); chunks != nil {
		t.Errorf("nothing should be missing yet: %v", chunks)
	}
	if s.Get([]byte("b")) != nil {
		t.Error("Get read an unloaded chunk")
	}
	if _, chunks := s.Missing(); !slices.Equal(chunks, []int{0}) {
		t.Error("a read in an unloaded chunk should record it as missing")
	}
}

func TestDocIDsSortAsOrdinals(t *testing.T) {
	w := IDWidth(50000)
	prev := ""
	for _, n := range []int{0, 1, 9, 10, 35, 36, 1295, 1296, 49999} {
		id := DocID(n, w)
		if len(id) != w || id <= prev {
			t.Errorf("DocID(%d) = %q after %q", n, id, prev)
		}
		if back, ok := DocOrdinal([]byte(id)); !ok || back != n {
			t.Errorf("DocOrdinal(%q) = %d", id, back)
		}
		prev = id
	}
}
