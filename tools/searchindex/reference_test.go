package searchindex

import (
	"fmt"
	"testing"

	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/upsidedown"
	"github.com/blevesearch/bleve/v2/registry"
	index "github.com/blevesearch/bleve_index_api"
	store "github.com/blevesearch/upsidedown_store_api"

	"github.com/openkommune/portal/tools/search"
)

const storeName = "portal_test_mem"

func init() {
	registry.RegisterKVStore(storeName, func(mo store.MergeOperator, config map[string]interface{}) (store.KVStore, error) {
		s, ok := config["store"].(*memStore)
		if !ok {
			return nil, fmt.Errorf("%s: no store in config", storeName)
		}
		s.mo = mo
		return s, nil
	})
}

// reference indexes docs with bleve's own upsidedown index, in memory, with
// the ids and field ids Build gives them.
func reference(t testing.TB, docs []*Doc) (index.Index, *memStore) {
	docs = ordered(docs)
	width := search.IDWidth(len(docs))
	mem := newMemStore(nil)
	mem.m[string(upsidedown.VersionKey)] = upsidedown.NewVersionRow(upsidedown.Version).Value()
	for i, f := range search.Fields {
		row := upsidedown.NewFieldRow(uint16(i), f.Name)
		mem.m[string(row.Key())] = row.Value()
	}
	idx, err := upsidedown.NewUpsideDownCouch(storeName, map[string]interface{}{"store": mem}, index.NewAnalysisQueue(2))
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.Open(); err != nil {
		t.Fatal(err)
	}
	an := search.NewAnalyzers(search.Mapping())
	b := index.NewBatch()
	for i, d := range docs {
		b.Update(bleveDoc(search.DocID(i, width), d, an))
	}
	if err := idx.Batch(b); err != nil {
		t.Fatal(err)
	}
	return idx, mem
}

// bleveDoc makes the bleve document for d, as the reference upsidedown
// index in the tests reads it.
func bleveDoc(id string, d *Doc, an search.Analyzers) *document.Document {
	bd := document.NewDocument(id)
	for _, f := range bleveDocFields(id, d, an) {
		bd.AddField(f.(document.Field))
	}
	return bd
}
