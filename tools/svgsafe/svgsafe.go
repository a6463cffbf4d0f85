// Package svgsafe owns the SVG allow-list: which SVG a kommune may supply as
// its logo, and the canonical SVG the site serves in its place.
//
// A logo is served from the site's own origin, where active content in it
// (a script, an event handler, an XHTML iframe or form in a foreign
// namespace, a stylesheet that loads something) would run when someone opens
// the file. So the file is not searched for bad things; it is parsed as XML
// and every element, attribute, namespace, style property and value must be
// on the allow-list (allow.go, values.go): shapes, paths, groups,
// gradients, clip paths, masks and text, with presentation properties whose
// values match a strict grammar. Clean then writes a new file from the
// accepted tokens only, so nothing a browser might read differently from
// this parser reaches the site.
package svgsafe

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Problem is one reason a file is refused, at a 1-based line and column of
// the file (columns count characters).
type Problem struct {
	Line, Col int
	Msg       string
}

// MaxProblems is how many problems Clean reports for one file; a file with
// more gets a last problem saying how many more there are.
const MaxProblems = 20

// Clean checks src against the allow-list and returns the canonical SVG
// written from the accepted elements, attributes and text. If src is
// refused, out is nil and problems says why and where.
func Clean(src []byte) (out []byte, problems []Problem) {
	c := &cleaner{src: bytes.TrimPrefix(src, []byte("\uFEFF"))}
	c.run()
	if len(c.problems) > 0 {
		return nil, c.capped()
	}
	return c.w.bytes(), nil
}

// frame is an open element.
type frame struct {
	raw  string // the name as written, to match the end tag
	name string // the SVG local name; "" for an element being skipped
	ns   map[string]string
	rule element
}

type cleaner struct {
	src      []byte
	problems []Problem
	stack    []frame
	root     int  // 0 before the root element, 1 inside it, 2 after it
	broken   bool // the file is not well-formed: stop reading it
	more     int  // problems past MaxProblems
	w        writer
}

func (c *cleaner) run() {
	if !utf8.Valid(c.src) {
		c.problemAt(0, "the file is not UTF-8 text: save it as UTF-8")
		return
	}
	d := xml.NewDecoder(bytes.NewReader(c.src))
	d.Strict = true
	d.CharsetReader = func(label string, _ io.Reader) (io.Reader, error) {
		return nil, encodingError(label)
	}
	for first := true; !c.broken; first = false {
		start := int(d.InputOffset())
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var syn *xml.SyntaxError
			var enc encodingError
			switch {
			case errors.As(err, &syn):
				c.problemAt(c.errorOffset(int(d.InputOffset()), syn.Msg), "not well-formed XML: "+syn.Msg+": fix the file or export it again")
			case errors.As(err, &enc):
				c.problemAt(start, fmt.Sprintf("the file is in the encoding %q: save it as UTF-8 (and write encoding=\"UTF-8\" or no encoding)", string(enc)))
			default:
				c.problemAt(start, "cannot read the file: "+err.Error())
			}
			return
		}
		end := int(d.InputOffset())
		c.token(tok, start, end, first)
	}
	switch {
	case c.broken:
	case len(c.stack) > 0:
		c.problemAt(len(c.src), fmt.Sprintf("the file ends inside <%s>: the file is cut off or not well-formed", c.stack[len(c.stack)-1].raw))
	case c.root == 0:
		c.problemAt(0, "not an SVG image: the file has no <svg> element")
	}
}

func (c *cleaner) token(tok xml.Token, start, end int, first bool) {
	switch t := tok.(type) {
	case xml.ProcInst:
		if t.Target != "xml" || !first {
			c.problemAt(start, fmt.Sprintf("the processing instruction <?%s …?> is not allowed in a logo (it may load a stylesheet): remove it", t.Target))
		}
	case xml.Directive:
		c.problemAt(start, "<!"+firstWord(t)+" …> is not allowed in a logo (a document type declares entities and external files): remove it")
	case xml.Comment:
		// Dropped: the output has no comments.
	case xml.CharData:
		c.text(t, start)
	case xml.StartElement:
		c.start(t, start, end)
	case xml.EndElement:
		c.end(t, start)
	}
}

// errorOffset moves the offset where the decoder stopped back to the start
// of a bad entity reference, which the decoder reports after reading it.
func (c *cleaner) errorOffset(off int, msg string) int {
	if strings.HasPrefix(msg, "invalid character entity") {
		if i := bytes.LastIndexByte(c.src[:min(off, len(c.src))], '&'); i >= 0 {
			return i
		}
	}
	return off
}

// encodingError is the encoding a file declares when it is not UTF-8.
type encodingError string

func (e encodingError) Error() string { return "encoding " + string(e) }

func firstWord(b []byte) string {
	if i := bytes.IndexAny(b, " \t\r\n["); i >= 0 {
		b = b[:i]
	}
	if len(b) > 20 {
		b = b[:20]
	}
	return string(b)
}

// skipping tells whether the innermost open element is refused, so that
// nothing inside it is checked or written.
func (c *cleaner) skipping() bool {
	return len(c.stack) > 0 && c.stack[len(c.stack)-1].name == ""
}

func (c *cleaner) text(t xml.CharData, start int) {
	if c.skipping() {
		return
	}
	if bytes.HasPrefix(c.src[start:], []byte("<![CDATA[")) {
		c.problemAt(start, "a CDATA section is not allowed in a logo: write the text as plain text")
		return
	}
	blank := len(bytes.TrimSpace(t)) == 0
	if len(c.stack) == 0 {
		if !blank {
			c.problemAt(start, "text outside the <svg> element: remove it")
		}
		return
	}
	switch c.stack[len(c.stack)-1].rule.content {
	case textOnly, textSpans:
		c.w.text(t)
	default:
		if !blank {
			c.problemAt(start, fmt.Sprintf("text inside <%s> is not allowed: put text in <text>, <title> or <desc>", c.stack[len(c.stack)-1].name))
		}
	}
}

func (c *cleaner) end(t xml.EndElement, start int) {
	raw := rawName(t.Name)
	if len(c.stack) == 0 || c.stack[len(c.stack)-1].raw != raw {
		c.problemAt(start, fmt.Sprintf("not well-formed XML: </%s> closes no open element: fix the file or export it again", raw))
		c.broken = true
		return
	}
	f := c.stack[len(c.stack)-1]
	c.stack = c.stack[:len(c.stack)-1]
	if f.name != "" {
		c.w.end(f.name)
	}
	if len(c.stack) == 0 {
		c.root = 2
	}
}

func isText(k content) bool { return k == textOnly || k == textSpans }

func rawName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// problemAt records a problem at a byte offset of c.src. Past MaxProblems
// it only counts them: finding a position costs a pass over the file.
func (c *cleaner) problemAt(off int, msg string) {
	if len(c.problems) >= MaxProblems {
		c.more++
		return
	}
	line, col := c.pos(off)
	c.problems = append(c.problems, Problem{line, col, msg})
}

// pos turns a byte offset of c.src into a line and a column in characters
// (c.src is without a byte-order mark, which editors do not show).
func (c *cleaner) pos(off int) (line, col int) {
	off = min(max(off, 0), len(c.src))
	before := c.src[:off]
	line = 1 + bytes.Count(before, []byte("\n"))
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return line, 1 + utf8.RuneCount(before[lineStart:])
}

func (c *cleaner) capped() []Problem {
	if c.more == 0 {
		return c.problems
	}
	last := c.problems[len(c.problems)-1]
	return append(c.problems, Problem{last.Line, last.Col, fmt.Sprintf("… and %d more problems in this file", c.more)})
}
