package svgsafe

import (
	"bytes"
	"strings"
)

// writer writes the canonical SVG: UTF-8 without a declaration, the SVG
// namespace declared on the root and nowhere else, no comments, attributes
// in the order written, every value escaped, elements outside text indented
// by two spaces, text as written.
type writer struct {
	b       bytes.Buffer
	depth   int
	pending bool // a start tag is open for attributes ("<g …" without ">")
	inText  int  // open elements that hold text or are inside one
}

func (w *writer) bytes() []byte { return w.b.Bytes() }

func (w *writer) closeTag() {
	if w.pending {
		w.b.WriteByte('>')
		w.pending = false
	}
}

func (w *writer) newline() {
	w.b.WriteByte('\n')
	w.b.WriteString(strings.Repeat("  ", w.depth))
}

func (w *writer) start(name string, attrs []attr, text, root bool) {
	w.closeTag()
	if w.inText == 0 && !root {
		w.newline()
	}
	w.b.WriteString("<" + name)
	if root {
		w.b.WriteString(` xmlns="` + svgNS + `"`)
	}
	for _, a := range attrs {
		w.b.WriteString(" " + a.name + `="`)
		attrEscaper.WriteString(&w.b, a.value)
		w.b.WriteByte('"')
	}
	w.pending = true
	w.depth++
	if text || w.inText > 0 {
		w.inText++
	}
}

func (w *writer) text(t []byte) {
	w.closeTag()
	textEscaper.WriteString(&w.b, string(t))
}

func (w *writer) end(name string) {
	w.depth--
	inText := w.inText > 0
	if inText {
		w.inText--
	}
	switch {
	case w.pending:
		w.b.WriteString("/>")
		w.pending = false
	case !inText:
		w.newline()
		fallthrough
	default:
		w.b.WriteString("</" + name + ">")
	}
	if w.depth == 0 {
		w.b.WriteByte('\n')
	}
}

var (
	attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\t", "&#9;", "\n", "&#10;", "\r", "&#13;")
	textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#13;")
)
