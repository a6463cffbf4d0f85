package einnsyn

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// NoarkNS is the namespace of a Noark 5 arkivstruktur export.
const NoarkNS = "http://www.arkivverket.no/standarder/noark5/arkivstruktur"

const xsiNS = "http://www.w3.org/2001/XMLSchema-instance"

// elem is an XML element with where it starts.
type elem struct {
	name     xml.Name
	xsiType  string
	children []*elem
	text     strings.Builder
	at       Pos
}

// readXML reads a Noark 5 arkivstruktur document: <arkiv> with
// <mappe xsi:type="moetemappe"> (directly or in <arkivdel>), each with its
// <registrering xsi:type="moetesaksregistrering">, and the saksmapper the
// møtesaker refer to.
func (r *reader) readXML(off int) {
	root := r.parseXML(off)
	if root == nil {
		return
	}
	if root.name.Local != "arkiv" || root.name.Space != NoarkNS {
		r.errorf(root.at, "the root element is <%s> in namespace %q; a Noark 5 export is <arkiv xmlns=%q>: export the møter as Noark 5 arkivstruktur", root.name.Local, root.name.Space, NoarkNS)
		return
	}
	r.xmlNode(root, nil)
}

// parseXML reads the document into elements, strictly.
func (r *reader) parseXML(off int) *elem {
	dec := xml.NewDecoder(bytes.NewReader(r.src[off:]))
	dec.Strict = true
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		if strings.EqualFold(label, "utf-8") {
			return in, nil
		}
		return nil, errCharset{label}
	}
	var root *elem
	var stack []*elem
	for {
		start := off + int(dec.InputOffset())
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			r.xmlError(dec, err)
			return nil
		}
		switch t := tok.(type) {
		case xml.StartElement:
			at := start
			for at < len(r.src) && r.src[at] != '<' {
				at++
			}
			e := &elem{name: t.Name, at: r.lines.pos(at)}
			for _, a := range t.Attr {
				if a.Name.Space == xsiNS && a.Name.Local == "type" {
					_, typ, found := strings.Cut(a.Value, ":")
					if !found {
						typ = a.Value
					}
					e.xsiType = typ
				}
			}
			if len(stack) >= maxDepth {
				r.errorf(e.at, "elements nest more than %d deep: this is not a Noark 5 export", maxDepth)
				return nil
			}
			if len(stack) == 0 {
				if root != nil {
					r.errorf(e.at, "a second root element <%s>: an export has one <arkiv>", t.Name.Local)
					return nil
				}
				root = e
			} else {
				p := stack[len(stack)-1]
				p.children = append(p.children, e)
			}
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			}
		case xml.Directive:
			r.errorf(r.lines.pos(start), "a <!DOCTYPE> or other declaration: a Noark 5 export has none; remove it")
			return nil
		}
	}
	if root == nil {
		r.errorf(Pos{1, 1}, "the file has no XML element: export the møter as Noark 5 arkivstruktur")
	}
	return root
}

// errCharset is an XML declaration of another encoding than UTF-8.
type errCharset struct{ label string }

func (e errCharset) Error() string {
	return "the file is in " + e.label + ", not UTF-8: export it from the sak/arkiv system as UTF-8"
}

func (r *reader) xmlError(dec *xml.Decoder, err error) {
	line, col := dec.InputPos()
	var ec errCharset
	if errors.As(err, &ec) {
		r.errorf(Pos{line, col}, "%s", ec.Error())
		return
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		line = se.Line
	}
	r.errorf(Pos{line, col}, "not well-formed XML: %v: export the file again, or fix it at this place", err)
}

// xmlNode turns an element with child elements into a node: its simple
// children are properties, its complex children are nodes of their own
// (with this one as their parent) and values of the property they are
// written as.
func (r *reader) xmlNode(e *elem, parent *node) *node {
	typ := e.xsiType
	if typ == "" {
		typ = e.name.Local
	}
	n := &node{types: []string{norm(typ)}, at: e.at, parent: parent}
	for _, c := range e.children {
		if c.name.Space != NoarkNS {
			continue // another vocabulary (virksomhetsspesifikkeMetadata's content)
		}
		name := norm(c.name.Local)
		if len(c.children) > 0 {
			child := r.xmlNode(c, n)
			n.add(name, value{node: child, ref: child.id, at: c.at})
			continue
		}
		n.add(name, value{lit: strings.TrimSpace(c.text.String()), at: c.at})
	}
	if ids := n.props["systemid"]; len(ids) > 0 {
		n.id = ids[0].lit
	}
	r.g.add(n)
	return n
}
