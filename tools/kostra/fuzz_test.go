package kostra_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/jsonstat"
	"github.com/openkommune/portal/tools/kostra"
	"github.com/openkommune/portal/tools/load"
)

const kommune = `navn = "Testvik kommune"
kommunenummer = "9999"
malform = "nb"
referansedato = 2026-10-31
lisens = "NLOD 2.0"
lisens_url = "https://data.norge.no/nlod/no/2.0"

[[utvalg]]
kode = "KST"
navn = "Kommunestyret"
`

// FuzzImport: whatever the file, the import either refuses it with a
// positioned problem or gives a record whose file loads and checks clean.
func FuzzImport(f *testing.F) {
	for _, n := range []string{"small-12362.json", "small-12362-reordered.json", "bad-region.json", "bad-function.json", "bad-art.json", "bad-missing-dimension.json"} {
		f.Add(read(f, n))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		ds, err := jsonstat.Parse("f.json", src)
		if err != nil {
			return
		}
		k, diags := kostra.FromDataset("f.json", src, ds, opt)
		if k == nil {
			if diags.Errors() == 0 {
				t.Fatal("no record and no error")
			}
			for _, d := range diags.Sorted() {
				if d.Path != "f.json" || d.Line < 1 || d.Col < 1 {
					t.Fatalf("problem without a place: %s", d)
				}
			}
			return
		}
		out := kostra.Format(k)
		set, ld := load.Load(fstest.MapFS{"kommune.toml": {Data: []byte(kommune)}, "kostra/" + k.ID + ".toml": {Data: out}}, "data")
		check.Check(set, ld)
		for _, d := range ld.Sorted() {
			if strings.HasPrefix(d.Path, "data/kostra/") {
				t.Fatalf("the written file does not check: %s\n%s", d, out)
			}
		}
	})
}
