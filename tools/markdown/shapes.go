package markdown

import "strings"

// Worst are the shapes of Markdown text that cost the most to parse and
// render per character that this package knows of, each made n bytes long
// within the limits (MaxDepth, MaxParagraph): repeated link openers,
// emphasis and code-span delimiters, tags, nesting. The benchmarks of this
// package and the build's worst-shape benchmark feed them at MaxLength and
// at half of it, to show that every stage stays linear within the limits.
var Worst = map[string]func(n int) string{
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
