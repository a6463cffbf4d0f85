package catalog

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/counted.golden")

// countRE matches a placeholder that holds a count.
var countRE = regexp.MustCompile(`\{\{-?\s*\.(N|Count)\s*-?\}\}`)

// TestCounted: every counted phrase is a plural table, and each one, in
// both målformer, reads right for the counts 0, 1 and 2. A count lives in
// {{ .Count }} of a { one, other } table (Hugo picks the form from it), never
// in a plain text, where "1 planer" or "De 1 siste vedtakene" cannot be
// avoided. testdata/counted.golden lists every plural text at 0, 1 and 2;
// run with -update and read the diff.
func TestCounted(t *testing.T) {
	var b strings.Builder
	for _, lang := range Langs {
		text := Must(lang)
		for _, k := range text.keys() {
			m := text.msgs[k]
			if m.one == nil {
				if countRE.MatchString(m.other.src) {
					t.Errorf("i18n/%s.toml %s holds a count in a plain text: write it as { one = …, other = … } with {{ .Count }}", lang, k)
				}
				continue
			}
			for _, n := range []int{0, 1, 2} {
				a := Args{}
				for _, name := range m.names {
					a[name] = "‹" + name + "›"
				}
				a["Count"] = n
				fmt.Fprintf(&b, "%s %s %d: %s\n", lang, k, n, text.T(k, a))
			}
		}
	}
	const golden = "testdata/counted.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("counted phrases differ from %s (run with -update and review the diff):\n%s", golden, got)
	}
}
