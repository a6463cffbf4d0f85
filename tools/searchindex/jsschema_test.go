package searchindex

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/search"
)

// TestJSReaderSchema: the browser's reader takes its fields from the
// head's schema, not from a list of its own: a head that describes a
// field otherwise changes the reader's field, and a head without a schema
// is refused.
func TestJSReaderSchema(t *testing.T) {
	exampleJS(t)
	b, err := os.ReadFile(filepath.Join(jsIndex.dir, jsIndex.head))
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	h, err := search.DecodeHead(raw)
	if err != nil {
		t.Fatal(err)
	}
	// The last field is one a record declares (entreprise, a facet).
	last := len(h.Schema) - 1
	changed := *h
	changed.Schema = append([]search.FieldSpec(nil), h.Schema...)
	changed.Schema[last].Facet = !changed.Schema[last].Facet
	changed.Schema[last].Sort = true
	dropped := *h
	dropped.Schema = nil

	type info struct {
		Fatal  string `json:"fatal"`
		Fields []struct {
			Name  string `json:"name"`
			Facet bool   `json:"facet"`
			Sort  bool   `json:"sort"`
		} `json:"fields"`
	}
	ask := func(name string, head *search.Head) info {
		t.Helper()
		enc, err := search.EncodeHead(head)
		if err != nil {
			t.Fatal(err)
		}
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		zw.Write(enc)
		zw.Close()
		if err := os.WriteFile(filepath.Join(jsIndex.dir, name), z.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		js, err := startJS(jsIndex.dir, name)
		if err != nil {
			t.Fatal(err)
		}
		defer func() { js.cmd.Process.Kill(); js.cmd.Wait() }()
		var got info
		if err := js.call(map[string]any{"op": "info"}, &got); err != nil {
			t.Fatal(err)
		}
		return got
	}
	got := ask("head-schema-changed.gz", &changed)
	if got.Fatal != "" || len(got.Fields) != len(h.Schema) {
		t.Fatalf("a changed schema: %+v", got)
	}
	f := got.Fields[last]
	if f.Name != h.Schema[last].Name || f.Facet == h.Schema[last].Facet || !f.Sort {
		t.Errorf("the reader's field %+v, want the head's %+v", f, changed.Schema[last])
	}
	if got := ask("head-schema-dropped.gz", &dropped); !strings.Contains(got.Fatal, "schema") {
		t.Errorf("a head without a schema: got %+v, want a fatal error about the schema", got)
	}
}
