package search

import (
	"bytes"
	"fmt"
	"math"
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
	c0 := EncodeChunk([][]byte{[]byte("b"), []byte("n")}, [][]byte{{}, {}})
	c1 := EncodeChunk([][]byte{[]byte("n")}, [][]byte{{7}})
	page := []byte(fmt.Sprintf(`[{"first":"YQ==","file":"c0","sum":%d},{"first":"bQ==","file":"c1","sum":%d}]`, Checksum(c0), Checksum(c1)))
	s := NewStore(&Head{Pages: []PageRef{{First: []byte("a"), Sum: Checksum(page)}}, PageSize: 2, ChunkCount: 2})
	if s.Get([]byte("b")) != nil {
		t.Fatal("Get before the manifest page is loaded")
	}
	if pages, _ := s.Missing(); !slices.Equal(pages, []int{0}) {
		t.Fatalf("missing pages %v", pages)
	}
	if err := s.AddPage(0, append(page, ' ')); err == nil {
		t.Error("a manifest page with a wrong sum was accepted")
	}
	if err := s.AddPage(0, page); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(0, c0); err == nil {
		t.Error("chunk 0 accepted a key of chunk 1")
	}
	if err := s.Add(0, c1); err == nil {
		t.Error("chunk 0 accepted the bytes of chunk 1")
	}
	if err := s.Add(1, c1); err != nil {
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

func TestIDWidthOfLargeCounts(t *testing.T) {
	for n, want := range map[int]int{0: 1, 36: 1, 37: 2, 1296: 2, 1297: 3, math.MaxInt: 13} {
		if got := IDWidth(n); got != want {
			t.Errorf("IDWidth(%d) = %d, want %d", n, got, want)
		}
	}
}

func TestHeadAndBlockSums(t *testing.T) {
	h := &Head{Version: FormatVersion, Docs: 3, IDWidth: 1, Fields: []string{"tittel"}, PageSize: 1, DocValues: "dv-1.gz",
		Results: Results{Dir: "r-1", Block: 8, Blocks: 1}}
	b, err := EncodeHead(h)
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeHead(b)
	if err != nil {
		t.Fatal(err)
	}
	if got.Sum == 0 || got.Docs != 3 || got.DocValues != "dv-1.gz" {
		t.Errorf("decoded head %+v", got)
	}
	if _, err := DecodeHead(bytes.Replace(b, []byte(`"docs":3`), []byte(`"docs":4`), 1)); err == nil {
		t.Error("a head with another document count was accepted")
	}
	if _, err := DecodeHead(bytes.Replace(b, []byte(`"docs":3`), []byte(`"Docs":3 `), 1)); err != nil {
		t.Errorf("the same head written otherwise: %v", err)
	}

	docs := []ResultDoc{{Type: "vedtak", Title: "<b>Skole</b> & co", URL: "vedtak/a/"}}
	blk, err := EncodeBlock(2, docs)
	if err != nil {
		t.Fatal(err)
	}
	if d, err := DecodeBlock(2, blk); err != nil || len(d) != 1 || d[0] != docs[0] {
		t.Errorf("DecodeBlock = %+v, %v", d, err)
	}
	if _, err := DecodeBlock(3, blk); err == nil {
		t.Error("block 2 was accepted as block 3")
	}
	if _, err := DecodeBlock(2, bytes.Replace(blk, []byte("Skole"), []byte("Skale"), 1)); err == nil {
		t.Error("a changed block was accepted")
	}
}
