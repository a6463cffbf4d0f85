package searchindex

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/search"
)

var example struct {
	once sync.Once
	site *model.Site
	idx  *Index
	err  error
}

// exampleIndex indexes the example kommune in ../../data once.
func exampleIndex(t testing.TB) *Index {
	example.once.Do(func() {
		set, diags := load.Load(os.DirFS("../../data"), "data")
		check.Check(set, diags)
		if diags.Errors() > 0 {
			example.err = fmt.Errorf("example data has errors")
			return
		}
		example.site = compile.Compile(set)
		example.idx, example.err = Build(Docs(example.site), Options{})
	})
	if example.err != nil {
		t.Fatal(example.err)
	}
	return example.idx
}

func exampleSite(t testing.TB) *model.Site {
	exampleIndex(t)
	return example.site
}

func client(t testing.TB, x *Index) *Client {
	c, err := NewClient(func(name string) ([]byte, error) {
		b, ok := x.Files[name]
		if !ok {
			return nil, fmt.Errorf("no file %s", name)
		}
		return b, nil
	}, x.Head)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func titles(r *search.Response) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.Type+": "+h.Title)
	}
	return out
}

func TestExampleSkole(t *testing.T) {
	c := client(t, exampleIndex(t))
	r, err := c.Search(search.Request{Query: "skole", Size: 50})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d hits, fetched %d bytes in %d requests", r.Total, c.Fetched, c.Requests)
	for _, h := range r.Hits {
		t.Logf("%-12s %5.2f %s | %s", h.Type, h.Score, h.Title, h.Snippet)
	}
	for _, f := range r.Facets {
		t.Logf("facet %s: %+v", f.Field, f.Values)
	}
	if !strings.Contains(strings.Join(titles(r), "\n"), "Nordbyen") {
		t.Error("no Nordbyen")
	}
}
