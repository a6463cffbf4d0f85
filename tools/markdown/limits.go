package markdown

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Limits of a Markdown text. Rendering Markdown is linear in the length of
// a text only within these limits: Goldmark (and so Hugo) checks every open
// block quote and list on every line, so a line of thousands of ">" costs
// the square of that; and it reads the inline markup of a paragraph (links,
// emphasis, code spans) in time that grows with the square of the
// paragraph's length for some shapes ("[a](" or "*a**" repeated), so a
// paragraph is bounded and a long text is linear in its paragraphs. The
// limits are far above any decision text: the longest real ones are a few
// thousand characters in paragraphs of a few hundred, with lists two or
// three levels deep. BenchmarkRender measures the worst shapes at the
// limits (docs/security.md has the figures).
const (
	MaxLength    = 100_000 // characters in one text
	MaxParagraph = 10_000  // characters in one paragraph, heading or table
	MaxDepth     = 10      // block quotes and list items opened on one line
)

// Problem says why s is not a Markdown text the site accepts, or "".
func Problem(s string) string {
	if n := utf8.RuneCountInString(s); n > MaxLength {
		return fmt.Sprintf("the text is %d characters; a Markdown text may be at most %d: shorten it, or link to the full document (innsyn_url)", n, MaxLength)
	}
	if d, line := Depth(s); d > MaxDepth {
		// Checked before parsing: a parse of such lines is quadratic.
		return fmt.Sprintf("line %d of the text opens %d block quotes (>) and list items (-, *, +, 1.) in a row; at most %d may nest: remove the extra markers", line, d, MaxDepth)
	}
	b := Shape(s)
	if b.Depth > MaxDepth {
		return fmt.Sprintf("line %d of the text is inside %d block quotes (>) and lists; at most %d may nest: indent less, or remove the extra markers", b.DepthLine, b.Depth, MaxDepth)
	}
	if b.Paragraph > MaxParagraph {
		return fmt.Sprintf("the paragraph from line %d of the text is %d characters; a paragraph may be at most %d: split it with a blank line", b.ParagraphLine, b.Paragraph, MaxParagraph)
	}
	return ""
}

// blocks parses only the block structure (paragraphs, lists, quotes, code),
// and no inline markup.
var blocks = parser.NewParser(parser.WithBlockParsers(parser.DefaultBlockParsers()...))

// Blocks describes the block structure of a text as Goldmark parses it.
type Blocks struct {
	Depth, DepthLine         int // the deepest nesting of block quotes and lists, and the line it is on
	Paragraph, ParagraphLine int // the longest paragraph in characters, and its first line
}

// Shape parses the block structure of s. The longest paragraph is the
// longest run of text whose inline markup is read as one (a paragraph, a
// heading; a table is one paragraph until it is read as a table); code and
// HTML blocks have no inline markup and do not count. Lines are 1-based.
func Shape(s string) Blocks {
	src := []byte(s)
	doc := blocks.Parse(text.NewReader(src))
	var b Blocks
	lineOf := func(n ast.Node) int {
		for ; n != nil; n = n.FirstChild() {
			if l := n.Lines(); n.Type() == ast.TypeBlock && l.Len() > 0 {
				return 1 + strings.Count(s[:l.At(0).Start], "\n")
			}
		}
		return 0
	}
	depth := 0
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n.Kind() {
		case ast.KindBlockquote, ast.KindList:
			if !entering {
				depth--
				return ast.WalkContinue, nil
			}
			if depth++; depth > b.Depth {
				b.Depth, b.DepthLine = depth, lineOf(n)
			}
		case ast.KindParagraph, ast.KindHeading, ast.KindTextBlock:
			if !entering {
				return ast.WalkContinue, nil
			}
			lines := n.Lines()
			size := 0
			for i := range lines.Len() {
				seg := lines.At(i)
				size += utf8.RuneCount(seg.Value(src))
			}
			if size > b.Paragraph && lines.Len() > 0 {
				b.Paragraph, b.ParagraphLine = size, 1+strings.Count(s[:lines.At(0).Start], "\n")
			}
		}
		return ast.WalkContinue, nil
	})
	return b
}

// Depth returns the largest number of container markers (">" and list
// markers) that start one line of s, and that line's number (1-based).
// It reads no more than the markers, so it is linear in any text.
func Depth(s string) (depth, line int) {
	for n, l := range strings.Split(s, "\n") {
		if d := lineDepth(l); d > depth {
			depth, line = d, n+1
		}
	}
	return depth, line
}

func lineDepth(l string) int {
	d := 0
	for {
		l = strings.TrimLeft(l, " \t")
		switch {
		case strings.HasPrefix(l, ">"):
			l = l[1:]
		case len(l) > 0 && strings.IndexByte("-*+", l[0]) >= 0 && (len(l) == 1 || l[1] == ' ' || l[1] == '\t'):
			if strings.Trim(l, "-*_ \t") == "" {
				return d // a thematic break (- - -), not list items
			}
			l = l[1:]
		default:
			n := 0
			for n < len(l) && n < 9 && l[n] >= '0' && l[n] <= '9' {
				n++
			}
			if n == 0 || n >= len(l) || (l[n] != '.' && l[n] != ')') || (n+1 < len(l) && l[n+1] != ' ' && l[n+1] != '\t') {
				return d
			}
			l = l[n+1:]
		}
		d++
	}
}
