package feed

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// TestVarselThreshold: the alert feed follows the exact decision: a
// project 5.04 % over its frame is alerted under a threshold of 5.0 % (both
// show as 5,0 %), one exactly at the threshold is not, and the threshold is
// stated as written.
func TestVarselThreshold(t *testing.T) {
	a, err := txtar.ParseFile("../../testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	project := func(id string, prognose int) string {
		return fmt.Sprintf(`id = %q
nummer = "8%s"
navn = "Prosjekt %s"
omrade = "oppvekst"
ansvarlig = "Eiendom"
fase = "bygging"
[[kostnadsramme]]
type = "opprinnelig"
belop = 100_000_000
vedtak = "kst-2024-090"
[[statusrapport]]
ar = 2026
periode = "t2"
prognose = %d
risiko = "gul"
`, id, id[1:], id, prognose)
	}
	for _, tc := range []struct {
		threshold, shown string
		want             []string
	}{
		{"5.0", "5,0\u00a0%", []string{"p504", "p600"}},
		{"5.04", "5,04\u00a0%", []string{"p600"}},
	} {
		fsys := fstest.MapFS{}
		for _, f := range a.Files {
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
		k := strings.Replace(string(fsys["kommune.toml"].Data), "overskridelse_varsel_prosent = 5.0", "overskridelse_varsel_prosent = "+tc.threshold, 1)
		fsys["kommune.toml"] = &fstest.MapFile{Data: []byte(k)}
		for id, prognose := range map[string]int{"p496": 104_960_000, "p500": 105_000_000, "p504": 105_040_000, "p600": 106_000_000} {
			fsys["prosjekter/"+id+".toml"] = &fstest.MapFile{Data: []byte(project(id, prognose))}
		}
		site := compileFS(t, fsys)
		f, _ := files(t, site, "https://x.example/")
		feed := parse(t, "varsler", f["feed/overskridelser.xml"])
		var got []string
		for _, e := range feed.Entries {
			got = append(got, strings.TrimSuffix(strings.TrimPrefix(e.alternate(), "https://x.example/prosjekter/"), "/"))
			if !strings.Contains(e.Summary[0].Text, tc.shown) {
				t.Errorf("threshold %s: summary %q does not state the threshold as %q", tc.threshold, e.Summary[0].Text, tc.shown)
			}
		}
		slices.Sort(got)
		// The base project (6.0 % over) is alerted under both thresholds.
		want := append([]string{"nordbyen-skole"}, tc.want...)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("threshold %s: alerts for %v, want %v", tc.threshold, got, want)
		}
	}
}
