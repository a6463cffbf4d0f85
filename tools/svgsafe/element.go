package svgsafe

import (
	"encoding/xml"
	"fmt"
	"maps"
	"strings"
)

// what says, for elements that are often found in SVG files but are not on
// the allow-list, why they are refused.
var what = map[string]string{
	"script": "a script", "handler": "a script", "listener": "a script",
	"foreignObject": "an embedded document", "iframe": "an embedded document",
	"object": "an embedded document", "embed": "an embedded document",
	"style":   "a stylesheet; write fill=\"#14507a\" or style=\"fill:#14507a\" on the shapes instead",
	"animate": "animation", "animateTransform": "animation", "animateMotion": "animation",
	"animateColor": "animation", "set": "animation", "discard": "animation",
	"use": "a reference to other content", "image": "a reference to other content",
	"a": "a link", "feImage": "a reference to other content", "tref": "a reference to other content",
	"metadata": "editor data", "switch": "conditional content",
}

const onlyShapes = "a logo may hold only shapes, paths, groups, gradients, clip paths, masks and text: remove it or export a plain SVG"

// start checks a start tag and writes the accepted element.
func (c *cleaner) start(t xml.StartElement, start, end int) {
	var parent frame
	if len(c.stack) > 0 {
		parent = c.stack[len(c.stack)-1]
	}
	f := frame{raw: rawName(t.Name), ns: parent.ns}
	if len(c.stack) > 0 && parent.name == "" {
		c.stack = append(c.stack, f) // inside a refused element
		return
	}
	offs := attrOffsets(c.src[start:end], start)
	f.ns = c.declare(t.Attr, offs, f.ns)
	root := len(c.stack) == 0
	if root && c.root == 0 && t.Name.Space == "" && f.ns[""] == "" {
		c.problemAt(start, "the <"+t.Name.Local+"> element has no namespace: add xmlns=\"http://www.w3.org/2000/svg\" to it")
		f.ns = with(f.ns, "", svgNS)
	}
	name, ok := c.elementName(t.Name, f.ns, parent, start)
	if !ok {
		c.stack = append(c.stack, f)
		return
	}
	f.name, f.rule = name, elements[name]
	attrs := c.attrs(t.Attr, offs, f)
	c.stack = append(c.stack, f)
	c.root = 1
	c.w.start(name, attrs, isText(f.rule.content), root)
}

func with(ns map[string]string, prefix, uri string) map[string]string {
	m := maps.Clone(ns)
	if m == nil {
		m = map[string]string{}
	}
	m[prefix] = uri
	return m
}

// declare checks the namespace declarations of a start tag and returns the
// namespaces in scope for the element. Only the SVG namespace may be the
// default, and a prefix may name only SVG or XLink (for xlink:href).
func (c *cleaner) declare(attrs []xml.Attr, offs []int, ns map[string]string) map[string]string {
	for i, a := range attrs {
		prefix, decl := "", false
		switch {
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			decl = true
		case a.Name.Space == "xmlns":
			prefix, decl = a.Name.Local, true
		}
		if !decl {
			continue
		}
		ns = with(ns, prefix, a.Value)
		switch {
		case prefix == "" && a.Value != svgNS:
			c.problemAt(offAt(offs, i), fmt.Sprintf("xmlns=%q is not allowed in a logo: only SVG elements are (xmlns=%q); remove the elements of other languages (XHTML, MathML …)", short(a.Value), svgNS))
		case prefix == "xml" || prefix == "xmlns":
			c.problemAt(offAt(offs, i), "xmlns:"+prefix+" may not be declared: remove it")
		case prefix != "" && a.Value != svgNS && a.Value != xlinkNS:
			c.problemAt(offAt(offs, i), fmt.Sprintf("the namespace xmlns:%s=%q is not allowed in a logo: only SVG is; remove the elements and attributes of other languages or editors (export a plain SVG)", prefix, short(a.Value)))
		}
	}
	return ns
}

// elementName resolves and checks an element's name, and returns its SVG
// local name if the element is allowed where it is.
func (c *cleaner) elementName(n xml.Name, ns map[string]string, parent frame, at int) (string, bool) {
	raw := rawName(n)
	uri, declared := ns[n.Space]
	switch {
	case n.Space == "xml" || n.Space == "xmlns":
		uri, declared = n.Space, true
	case n.Space != "" && !declared:
		c.problemAt(at, fmt.Sprintf("element <%s>: the prefix %s is not declared: fix the file or export it again", raw, n.Space))
		return "", false
	}
	if uri != svgNS {
		c.problemAt(at, fmt.Sprintf("element <%s> is not an SVG element (its namespace is %q): %s", raw, short(uri), onlyShapes))
		return "", false
	}
	rule, ok := elements[n.Local]
	if !ok {
		why := ""
		if w, ok := what[n.Local]; ok {
			why = " (" + w + ")"
		}
		c.problemAt(at, fmt.Sprintf("element <%s> is not allowed in a logo%s: %s", raw, why, onlyShapes))
		return "", false
	}
	if msg := placement(n.Local, rule, parent, c.root); msg != "" {
		c.problemAt(at, fmt.Sprintf("element <%s>: %s", raw, msg))
		return "", false
	}
	return n.Local, true
}

// placement says what is wrong with an allowed element where it is, or "".
func placement(name string, rule element, parent frame, root int) string {
	switch {
	case root == 2:
		return "the file goes on after </svg>: a file has one <svg> element; remove what follows it"
	case parent.raw == "" && name != "svg":
		return "not an SVG image: the outermost element must be <svg>"
	case parent.raw != "" && name == "svg":
		return "an <svg> inside the <svg> is not allowed: use <g>"
	}
	switch parent.rule.content {
	case empty:
		return fmt.Sprintf("<%s> may not contain elements", parent.name)
	case textOnly:
		return fmt.Sprintf("<%s> may hold text only", parent.name)
	case textSpans:
		if name != "tspan" {
			return fmt.Sprintf("<%s> may hold text and <tspan> only", parent.name)
		}
	case stops:
		if name != "stop" {
			return fmt.Sprintf("<%s> may hold <stop> only", parent.name)
		}
	default:
		if name == "tspan" || name == "stop" {
			return fmt.Sprintf("<%s> belongs in <text> (tspan) or a gradient (stop), not in <%s>", name, parent.name)
		}
	}
	return ""
}

// attrOffsets returns the byte offset in the file of each attribute of the
// start tag tag, which starts at offset base, in the order written (the
// order encoding/xml returns them in).
func attrOffsets(tag []byte, base int) []int {
	var offs []int
	i := 1
	for i < len(tag) && !isSpace(tag[i]) && tag[i] != '/' && tag[i] != '>' {
		i++
	}
	for i < len(tag) {
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		if i >= len(tag) || tag[i] == '/' || tag[i] == '>' {
			break
		}
		offs = append(offs, base+i)
		for i < len(tag) && tag[i] != '=' {
			i++
		}
		for i < len(tag) && tag[i] != '"' && tag[i] != '\'' {
			i++
		}
		if i >= len(tag) {
			break
		}
		q := tag[i]
		i++
		for i < len(tag) && tag[i] != q {
			i++
		}
		i++
	}
	return offs
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// short shortens a value quoted in a message.
func short(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "…"
	}
	return s
}

// lower is strings.ToLower for ASCII names.
func lower(s string) string { return strings.ToLower(s) }
