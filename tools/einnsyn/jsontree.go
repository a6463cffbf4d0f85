package einnsyn

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// maxDepth bounds how deep JSON values or XML elements nest; an export
// needs about six levels.
const maxDepth = 64

// jv is a JSON value with where it starts.
type jv struct {
	kind byte // 'o' object, 'a' array, 's' string, 'n' number, 'b' bool, 'z' null
	s    string
	obj  []jmember
	arr  []jv
	at   Pos
}

type jmember struct {
	key string
	at  Pos
	val jv
}

// member returns the value of key in an object.
func (v jv) member(key string) (jv, bool) {
	for _, m := range v.obj {
		if m.key == key {
			return m.val, true
		}
	}
	return jv{}, false
}

// jsonParser reads JSON with encoding/json's tokenizer and records where
// each value and key starts.
type jsonParser struct {
	r     *reader
	dec   *json.Decoder
	base  int
	depth int
}

var errReported = errors.New("reported")

// parseJSON reads the one JSON document in src[off:].
func (r *reader) parseJSON(off int) (jv, bool) {
	dec := json.NewDecoder(bytes.NewReader(r.src[off:]))
	dec.UseNumber()
	p := &jsonParser{r: r, dec: dec, base: off}
	v, err := p.value()
	if err == nil {
		if _, err2 := dec.Token(); err2 != io.EOF {
			r.errorf(p.start(), "more after the end of the JSON document: an export is one JSON document; remove what follows")
			return v, false
		}
	}
	if err != nil && err != errReported {
		p.fail(err)
	}
	return v, err == nil
}

// fail reports a syntax error at its place.
func (p *jsonParser) fail(err error) {
	var se *json.SyntaxError
	at := p.start()
	if errors.As(err, &se) {
		at = p.r.lines.pos(p.base + int(se.Offset)) // the offending byte
	}
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		at = p.r.lines.pos(len(p.r.src))
		p.r.errorf(at, "the JSON document ends too early (a missing } or ]): the file may be cut off; export it again")
		return
	}
	p.r.errorf(at, "not valid JSON: %v: export the file again, or fix it at this place", err)
}

// start is where the next token begins.
func (p *jsonParser) start() Pos {
	off := p.base + int(p.dec.InputOffset())
	for off < len(p.r.src) {
		switch p.r.src[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return p.r.lines.pos(off)
}

func (p *jsonParser) value() (jv, error) {
	at := p.start()
	tok, err := p.dec.Token()
	if err != nil {
		return jv{}, err
	}
	switch t := tok.(type) {
	case json.Delim:
		p.depth++
		defer func() { p.depth-- }()
		if p.depth > maxDepth {
			p.r.errorf(at, "the JSON values nest more than %d deep: this is not an eInnsyn export", maxDepth)
			return jv{}, errReported
		}
		if t == '{' {
			return p.object(at)
		}
		return p.array(at)
	case string:
		return jv{kind: 's', s: t, at: at}, nil
	case json.Number:
		return jv{kind: 'n', s: t.String(), at: at}, nil
	case bool:
		s := "false"
		if t {
			s = "true"
		}
		return jv{kind: 'b', s: s, at: at}, nil
	}
	return jv{kind: 'z', at: at}, nil
}

func (p *jsonParser) object(at Pos) (jv, error) {
	v := jv{kind: 'o', at: at}
	seen := map[string]Pos{}
	for p.dec.More() {
		kat := p.start()
		tok, err := p.dec.Token()
		if err != nil {
			return v, err
		}
		key, _ := tok.(string)
		if first, ok := seen[key]; ok {
			p.r.errorf(kat, "the key %q is written twice in this object (first at line %d): keep one", key, first.Line)
		}
		seen[key] = kat
		val, err := p.value()
		if err != nil {
			return v, err
		}
		v.obj = append(v.obj, jmember{key, kat, val})
	}
	_, err := p.dec.Token() // }
	return v, err
}

func (p *jsonParser) array(at Pos) (jv, error) {
	v := jv{kind: 'a', at: at}
	for p.dec.More() {
		val, err := p.value()
		if err != nil {
			return v, err
		}
		v.arr = append(v.arr, val)
	}
	_, err := p.dec.Token() // ]
	return v, err
}
