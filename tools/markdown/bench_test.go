package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// worst are the shapes of Markdown text that cost the most to render per
// character, each made n characters long within the limits (MaxDepth).
var worst = map[string]func(n int) string{
	"quotes":      func(n int) string { return fill(strings.Repeat("> ", MaxDepth)+"x\n", n) },
	"lists":       func(n int) string { return fill(strings.Repeat("- ", MaxDepth)+"x\n", n) },
	"indented":    indentedLists,
	"brackets":    func(n int) string { return fill("[", n) },
	"links":       func(n int) string { return fill("[a](", n) },
	"emphasis":    func(n int) string { return fill("*a**", n) },
	"underscores": func(n int) string { return fill("_a __", n) },
	"backticks":   func(n int) string { return fill("`a``", n) },
	"tags":        func(n int) string { return fill("<a ", n) },
	"html":        func(n int) string { return fill("<b>x</b>\n", n) },
	"entities":    func(n int) string { return fill("&amp", n) },
	"table":       func(n int) string { return fill("|a|b|\n|-|-|\n"+strings.Repeat("|x|y|\n", 100), n) },
	"autolinks":   func(n int) string { return fill("www.a.no/", n) },
	"footnotes":   func(n int) string { return fill("[^", n) },
	"lines":       func(n int) string { return fill("a\n", n) },
}

// fill repeats unit to n bytes, in paragraphs as long as the limit allows.
func fill(unit string, n int) string {
	para := strings.Repeat(unit, MaxParagraph/len(unit))
	para = para[:len(para)-len(unit)] + "\n\n"
	return strings.Repeat(para, n/len(para)+1)[:n]
}

// indentedLists nests list items by indentation as deep as MaxDepth
// allows, again and again.
func indentedLists(n int) string {
	var b strings.Builder
	for d := 0; b.Len() < n; d = (d + 1) % MaxDepth {
		b.WriteString(strings.Repeat("  ", d) + "- x\n")
	}
	return b.String()[:n]
}

// BenchmarkRender renders each worst shape at the length limit and at half
// of it, with the parser Hugo uses; linear means the time per byte of the
// two is about the same (see docs/security.md for the figures).
func BenchmarkRender(b *testing.B) {
	for _, name := range sortedKeys(worst) {
		for _, n := range []int{MaxLength / 2, MaxLength} {
			src := worst[name](n)
			if p := Problem(src); p != "" {
				b.Fatalf("%s/%d: %s", name, n, p)
			}
			b.Run(fmt.Sprintf("%s/%d", name, n), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				var out bytes.Buffer
				for b.Loop() {
					out.Reset()
					if err := md.Convert([]byte(src), &out); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkEscape is the same for Escape, which parses a text up to
// maxRounds+1 times.
func BenchmarkEscape(b *testing.B) {
	for _, name := range sortedKeys(worst) {
		for _, n := range []int{MaxLength / 2, MaxLength} {
			src := worst[name](n)
			b.Run(fmt.Sprintf("%s/%d", name, n), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					Escape(src)
				}
			})
		}
	}
}
