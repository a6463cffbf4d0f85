package searchindex

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/search"
)

// writeIndex writes an index's files under a new directory.
func writeIndex(t *testing.T, x *Index) string {
	t.Helper()
	dir := t.TempDir()
	for name, z := range x.Files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, z, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// resultFiles are the result blocks and hit packs among files.
func resultFiles(files []string) (n int) {
	for _, f := range files {
		if strings.HasPrefix(f, "r-") {
			n++
		}
	}
	return n
}

// TestHitPacks wants a common word's hits fetched in a few files, not one
// result block each, and the same answer as from the blocks alone; a pack
// that holds other documents than the reader expects (as if the scores'
// last bits differed) must still give the right hits, from the blocks.
func TestHitPacks(t *testing.T) {
	docs := Docs(exampleSite(t))
	x, err := Build(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	plain, err := Build(docs, Options{HitPackDocs: -1})
	if err != nil {
		t.Fatal(err)
	}
	packs := 0
	for name := range x.Files {
		if strings.Contains(name, "/p-") {
			packs++
		}
	}
	if packs == 0 {
		t.Fatal("no hit packs at the example")
	}
	// A wrong prediction: every pack holds the documents after its own
	// (by ordinal), with a good sum.
	var head search.Head
	if err := json.Unmarshal(gunzip(t, x.Files[x.Head]), &head); err != nil {
		t.Fatal(err)
	}
	byOrd := ordered(docs)
	skewed := &Index{Head: x.Head, Pack: x.Pack, Files: map[string][]byte{}}
	for name, z := range x.Files {
		skewed.Files[name] = z
		if !strings.Contains(name, "/p-") {
			continue
		}
		var p search.HitPack
		if err := json.Unmarshal(gunzip(t, z), &p); err != nil {
			t.Fatal(err)
		}
		for i := range p.Ords {
			p.Ords[i] = (p.Ords[i] + 1) % head.Docs
			p.Docs[i] = byOrd[p.Ords[i]].Result
		}
		b, err := search.EncodeHitPack(p.Term, p.Ords, p.Docs)
		if err != nil {
			t.Fatal(err)
		}
		skewed.Files[name] = gz(b)
	}
	dirs := map[*Index]string{x: writeIndex(t, x), plain: writeIndex(t, plain), skewed: writeIndex(t, skewed)}
	// cold runs req on a new reader of index x, as a first query.
	cold := func(x *Index, req search.Request) *jsAnswer {
		js, err := startJS(dirs[x], x.Pack)
		if err != nil {
			t.Fatal(err)
		}
		defer func() { js.cmd.Process.Kill(); js.cmd.Wait() }()
		return js.search(t, req)
	}

	saved := 0
	for _, q := range []string{"skole", "budsjett", "vei", "barnehage", "prosjekt", "skole barnehage", "vann avløp", "tertialrapport"} {
		req := search.Request{Query: q, Size: 10, Recall: true}
		got, want, sk := cold(x, req), cold(plain, req), cold(skewed, req)
		for _, a := range []*jsAnswer{got, sk} {
			if len(a.Hits) != len(want.Hits) || a.Total != want.Total {
				t.Fatalf("%q: %d of %d hits, want %d of %d", q, len(a.Hits), a.Total, len(want.Hits), want.Total)
			}
			for i, h := range a.Hits {
				if w := want.Hits[i]; h.Ord != w.Ord || h.Title != w.Title || h.URL != w.URL || h.Snippet != w.Snippet || h.Date != w.Date || h.Label != w.Label {
					t.Errorf("%q: hit %d %+v, want %+v", q, i, h, w)
				}
			}
		}
		g, w := resultFiles(got.Files), resultFiles(want.Files)
		if g > w {
			t.Errorf("%q: %d result files with hit packs, %d without", q, g, w)
		}
		saved += w - g
		t.Logf("%-18q result files %2d with packs, %2d without, %2d with skewed packs", q, g, w, resultFiles(sk.Files))
	}
	if saved < 10 {
		t.Errorf("the hit packs saved %d requests over the queries, want 10 or more", saved)
	}
}
