package jsonstat

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// node is a JSON value with the byte offset where it starts.
type node struct {
	kind byte // '{', '[', '"' (string), '0' (number), 'b' (bool), 'n' (null)
	off  int
	str  string // a string's value, a number's literal
	keys []string
	kids []*node // an object's values (parallel to keys) or an array's elements
	koff []int   // an object's key offsets
}

// maxDepth bounds nesting; a JSON-stat dataset nests about six deep.
const maxDepth = 64

// posError is an error at a byte offset.
type posError struct {
	off int
	msg string
}

func (e *posError) Error() string { return e.msg }

// parseTree reads one JSON value and nothing after it; object keys must be
// unique.
func parseTree(src []byte) (*node, error) {
	d := json.NewDecoder(bytes.NewReader(src))
	d.UseNumber()
	p := &treeParser{d: d, src: src}
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	if _, err := d.Token(); err != io.EOF {
		return nil, &posError{p.start(), "text after the JSON value: the file must hold one dataset"}
	}
	return n, nil
}

type treeParser struct {
	d   *json.Decoder
	src []byte
	off int // where the previous token ended
}

// start is where the next token starts: after white space, commas and
// colons.
func (p *treeParser) start() int {
	i := p.off
	for i < len(p.src) {
		switch p.src[i] {
		case ' ', '\t', '\r', '\n', ',', ':':
			i++
			continue
		}
		break
	}
	return i
}

func (p *treeParser) token() (json.Token, int, error) {
	off := p.start()
	t, err := p.d.Token()
	if err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, int(se.Offset), &posError{int(se.Offset), "not valid JSON: " + se.Error()}
		}
		if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, len(p.src), &posError{len(p.src), "the JSON ends too early: the file is cut off; fetch it again"}
		}
		return nil, off, &posError{off, "not valid JSON: " + err.Error()}
	}
	p.off = int(p.d.InputOffset())
	return t, off, nil
}

func (p *treeParser) value(depth int) (*node, error) {
	t, off, err := p.token()
	if err != nil {
		return nil, err
	}
	if depth > maxDepth {
		return nil, &posError{off, fmt.Sprintf("values nested more than %d deep: not a JSON-stat dataset", maxDepth)}
	}
	switch t := t.(type) {
	case json.Delim:
		n := &node{kind: byte(t), off: off}
		if t == '{' {
			return n, p.object(n, depth)
		}
		if t == '[' {
			return n, p.array(n, depth)
		}
		return nil, &posError{off, fmt.Sprintf("unexpected %q", t)}
	case string:
		return &node{kind: '"', off: off, str: t}, nil
	case json.Number:
		return &node{kind: '0', off: off, str: string(t)}, nil
	case bool:
		return &node{kind: 'b', off: off, str: fmt.Sprint(t)}, nil
	default:
		return &node{kind: 'n', off: off}, nil
	}
}

func (p *treeParser) object(n *node, depth int) error {
	seen := map[string]bool{}
	for p.d.More() {
		t, off, err := p.token()
		if err != nil {
			return err
		}
		k, _ := t.(string)
		if seen[k] {
			return &posError{off, fmt.Sprintf("key %q is given twice in the same object", k)}
		}
		seen[k] = true
		v, err := p.value(depth + 1)
		if err != nil {
			return err
		}
		n.keys, n.kids, n.koff = append(n.keys, k), append(n.kids, v), append(n.koff, off)
	}
	_, _, err := p.token()
	return err
}

func (p *treeParser) array(n *node, depth int) error {
	for p.d.More() {
		v, err := p.value(depth + 1)
		if err != nil {
			return err
		}
		n.kids = append(n.kids, v)
	}
	_, _, err := p.token()
	return err
}

// get returns an object's value for key and the key's offset.
func (n *node) get(key string) (*node, int) {
	if n == nil || n.kind != '{' {
		return nil, 0
	}
	for i, k := range n.keys {
		if k == key {
			return n.kids[i], n.koff[i]
		}
	}
	return nil, 0
}

// lineCol converts a byte offset to a 1-based line and column (columns
// count characters).
func lineCol(src []byte, off int) (int, int) {
	off = min(max(off, 0), len(src))
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if src[i] == '\n' {
			line, start = line+1, i+1
		}
	}
	return line, utf8.RuneCount(src[start:off]) + 1
}

func kindName(k byte) string {
	switch k {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case '0':
		return "a number"
	case 'b':
		return "true or false"
	}
	return "null"
}
