package markdown

import (
	"bytes"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// maxRounds bounds how often Escape re-parses a text. Escaping the raw
// HTML a parse finds can turn an HTML block into a paragraph in which the
// next parse finds inline HTML; real texts need one or two rounds.
const maxRounds = 4

// Escape makes raw HTML in a Markdown text show as text: every "<" that
// starts or is inside raw HTML (an inline tag, comment, declaration or
// processing instruction, or an HTML block), as goldmark parses the text,
// is backslash-escaped (`\<`), which Markdown renders as a literal "<".
// Code, autolinks and a "<" that is not HTML are left as written.
//
// The result has no raw HTML for goldmark (and so for Hugo, which would
// otherwise omit it with a warning that fails the build). If a text still
// has raw HTML after maxRounds, every "<" in it is written as the entity
// "&lt;", which can start no HTML at all.
func Escape(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	src := []byte(s)
	for range maxRounds {
		at := rawHTML(src)
		if len(at) == 0 {
			return string(src)
		}
		src = backslash(src, at)
	}
	if len(rawHTML(src)) == 0 {
		return string(src)
	}
	return strings.ReplaceAll(s, "<", "&lt;")
}

// HasRawHTML tells whether goldmark finds raw HTML in s.
func HasRawHTML(s string) bool { return len(rawHTML([]byte(s))) > 0 }

// rawHTML returns the offsets of every "<" inside raw HTML in src, in
// order.
func rawHTML(src []byte) []int {
	doc := md.Parser().Parse(text.NewReader(src))
	var at []int
	add := func(seg text.Segment) {
		for i := seg.Start; i < seg.Stop; i++ {
			if src[i] == '<' {
				at = append(at, i)
			}
		}
	}
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML:
			for i := range n.Segments.Len() {
				add(n.Segments.At(i))
			}
		case *ast.HTMLBlock:
			for i := range n.Lines().Len() {
				add(n.Lines().At(i))
			}
			if n.HasClosure() {
				add(n.ClosureLine)
			}
		}
		return ast.WalkContinue, nil
	})
	slices.Sort(at)
	return slices.Compact(at)
}

// backslash inserts a backslash before each "<" at the given offsets that
// is not already escaped (preceded by an odd number of backslashes).
func backslash(src []byte, at []int) []byte {
	var b bytes.Buffer
	b.Grow(len(src) + len(at))
	last := 0
	for _, i := range at {
		n := 0
		for j := i - 1; j >= 0 && src[j] == '\\'; j-- {
			n++
		}
		if n%2 == 1 {
			continue
		}
		b.Write(src[last:i])
		b.WriteByte('\\')
		last = i
	}
	b.Write(src[last:])
	return b.Bytes()
}
