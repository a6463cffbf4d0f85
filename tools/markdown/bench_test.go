package markdown

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/openkommune/portal/tools/cputime"
)

// BenchmarkRender renders each worst shape at the length limit and at half
// of it, with the parser Hugo uses; linear means the time per byte of the
// two is about the same (see docs/security.md for the figures). On a busy
// machine compare the cpu-ms/op of several runs (-count 5), with
// GOMAXPROCS=1.
func BenchmarkRender(b *testing.B) {
	for _, name := range sortedKeys(Worst) {
		for _, n := range []int{MaxLength / 2, MaxLength} {
			src := Worst[name](n)
			if p := Problem(src); p != "" {
				b.Fatalf("%s/%d: %s", name, n, p)
			}
			b.Run(fmt.Sprintf("%s/%d", name, n), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				var out bytes.Buffer
				cpu := cputime.Used()
				for b.Loop() {
					out.Reset()
					if err := md.Convert([]byte(src), &out); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64((cputime.Used()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
			})
		}
	}
}

// BenchmarkEscape is the same for Escape, which parses a text up to
// maxRounds+1 times.
func BenchmarkEscape(b *testing.B) {
	for _, name := range sortedKeys(Worst) {
		for _, n := range []int{MaxLength / 2, MaxLength} {
			src := Worst[name](n)
			b.Run(fmt.Sprintf("%s/%d", name, n), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					Escape(src)
				}
			})
		}
	}
}
