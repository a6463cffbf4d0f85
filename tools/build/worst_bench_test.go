package build

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/openkommune/portal/tools/cputime"
	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/markdown"
	"golang.org/x/tools/txtar"
)

// worstVedtak is how many vedtak of the worst shape a data set has.
const worstVedtak = 30

// BenchmarkWorstShapes feeds each of the worst Markdown shapes known
// (markdown.Worst) to the build's stages that read texts (check, search,
// hugo) at the length limit and at half of it: the base data plus
// worstVedtak vedtak whose tekst is the shape, whose tittel is one word as
// long as a plain text may be and whose punkt is a plain text at the limit
// of words. A stage is linear within the limits if its time at the limit,
// less its time on the base data alone (size 0), is about twice that at
// half the limit. docs/security.md has the figures.
//
//	go test ./tools/build -run '^$' -bench WorstShapes -benchtime 3x
//
// Set PORTAL_WORST_SHAPES=links,emphasis to run only those shapes.
func BenchmarkWorstShapes(b *testing.B) {
	root, _ := filepath.Abs("../..")
	if _, err := engine(context.Background(), root); err != nil {
		b.Fatal(err)
	}
	shapes := slices.Sorted(maps.Keys(markdown.Worst))
	if only := os.Getenv("PORTAL_WORST_SHAPES"); only != "" {
		shapes = strings.Split(only, ",")
	}
	for _, shape := range shapes {
		for _, n := range []int{0, markdown.MaxLength / 2, markdown.MaxLength} {
			dir := b.TempDir()
			data := filepath.Join(dir, "data")
			writeWorst(b, data, shape, n)
			for _, stage := range []string{"check", "search", "hugo"} {
				b.Run(fmt.Sprintf("%s/%d/%s", shape, n, stage), func(b *testing.B) {
					var cpu time.Duration
					for range b.N {
						b.StopTimer()
						r := &run{ctx: context.Background(), o: Options{Root: root, DataDir: data, Out: filepath.Join(dir, "public"), Diags: os.Stderr}.withDefaults(), dir: filepath.Join(dir, "stage")}
						os.RemoveAll(r.dir)
						os.MkdirAll(r.dir, 0o755)
						for _, s := range steps {
							if s.name == stage {
								b.StartTimer()
							}
							before := cputime.Used()
							if _, err := s.run(r); err != nil {
								b.Fatalf("%s: %v", s.name, err)
							}
							if s.name == stage {
								cpu += cputime.Used() - before
								break
							}
						}
					}
					// CPU time of the build and its children (Hugo): on a
					// shared machine steadier than the wall clock.
					b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
				})
			}
		}
	}
}

// writeWorst writes the base data and, for n > 0, worstVedtak vedtak of
// the shape n bytes long into dir.
func writeWorst(tb testing.TB, dir, shape string, n int) {
	tb.Helper()
	a, err := txtar.ParseFile("../../testdata/base.txtar")
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range a.Files {
		write(tb, filepath.Join(dir, f.Name), f.Data)
	}
	if n == 0 {
		return
	}
	text := markdown.Worst[shape](n)
	word := strings.Repeat("skolebygningsvedlikeholdsplan", load.MaxText/29+1)[:load.MaxText*n/markdown.MaxLength]
	words := strings.Repeat("Kommunedirektøren følger opp vedtaket. ", load.MaxText/39+1)[:load.MaxText*n/markdown.MaxLength]
	for i := range worstVedtak {
		id := fmt.Sprintf("kst-2025-%03d", 500+i)
		src := fmt.Sprintf("id = %q\nutvalg = \"KST\"\nmotedato = 2025-06-12\nsaksnummer = \"%03d/25\"\ntittel = %q\ntekst = %q\n\n[[punkt]]\nnr = 1\ntekst = %q\n",
			id, 500+i, word, text, words)
		write(tb, filepath.Join(dir, "vedtak", "2025", id+".toml"), []byte(src))
	}
}

func write(tb testing.TB, p string, b []byte) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		tb.Fatal(err)
	}
}
