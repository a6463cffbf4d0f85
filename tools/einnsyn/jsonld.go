package einnsyn

import (
	"strings"
)

// The Noark 5 arkivstruktur vocabulary eInnsyn's JSON-LD uses; a property
// or type outside it is not Noark 5 and is skipped.
var arkivNS = []string{
	"http://www.arkivverket.no/standarder/noark5/arkivstruktur/",
	"http://www.arkivverket.no/standarder/noark5/arkivstruktur#",
}

// ldContext is the part of a JSON-LD context an eInnsyn export uses:
// prefixes and terms mapped to IRIs, @base and @vocab.
type ldContext struct {
	terms map[string]string
	base  string
	vocab string
}

// readJSONLD reads a JSON-LD document: a @graph of node objects under a
// @context (compact form), a top-level array of node objects (expanded
// form), or one node object.
func (r *reader) readJSONLD(off int) {
	doc, ok := r.parseJSON(off)
	if !ok {
		return
	}
	ctx := &ldContext{terms: map[string]string{}}
	switch doc.kind {
	case 'a':
		for _, e := range doc.arr {
			r.ldTop(e, ctx)
		}
	case 'o':
		if c, ok := doc.member("@context"); ok {
			ctx = r.ldContext(c, ctx)
		}
		if g, ok := doc.member("@graph"); ok {
			if g.kind != 'a' {
				r.errorf(g.at, "@graph is not a list: write the nodes as a list, @graph: [ … ]")
				return
			}
			for _, e := range g.arr {
				r.ldTop(e, ctx)
			}
			return
		}
		r.ldTop(doc, ctx)
	default:
		r.errorf(doc.at, "a JSON-LD export is an object with @graph or a list of nodes: export the møter from eInnsyn again")
	}
}

func (r *reader) ldTop(v jv, ctx *ldContext) {
	if v.kind != 'o' {
		r.errorf(v.at, "a node of the @graph is not an object: each element of @graph is { \"@id\": …, \"@type\": …, … }")
		return
	}
	r.ldNode(v, ctx, 0)
}

// ldContext reads a @context: an object, or a list of objects; a context
// by address (a string) would need the network and is refused.
func (r *reader) ldContext(c jv, parent *ldContext) *ldContext {
	ctx := &ldContext{terms: map[string]string{}, base: parent.base, vocab: parent.vocab}
	for k, v := range parent.terms {
		ctx.terms[k] = v
	}
	switch c.kind {
	case 'a':
		for _, e := range c.arr {
			ctx = r.ldContext(e, ctx)
		}
		return ctx
	case 'z':
		return &ldContext{terms: map[string]string{}}
	case 's':
		r.errorf(c.at, "the @context %q is given by address, which is not fetched: write the context in the file, e.g. \"@context\": {\"arkiv\": %q}", c.s, arkivNS[0])
		return ctx
	case 'o':
	default:
		r.errorf(c.at, "@context is not an object: write it as {\"arkiv\": %q, …}", arkivNS[0])
		return ctx
	}
	for _, m := range c.obj {
		switch m.key {
		case "@base":
			ctx.base = m.val.s
			continue
		case "@vocab":
			ctx.vocab = ctx.expand(m.val.s, true)
			continue
		case "@version", "@language":
			continue
		}
		switch m.val.kind {
		case 's':
			ctx.terms[m.key] = m.val.s
		case 'o':
			if id, ok := m.val.member("@id"); ok && id.kind == 's' {
				ctx.terms[m.key] = id.s
			}
		}
	}
	// Terms may be written with other terms' prefixes.
	for k, v := range ctx.terms {
		if p, rest, ok := strings.Cut(v, ":"); ok && !strings.HasPrefix(rest, "//") {
			if iri, ok := ctx.terms[p]; ok && p != k {
				ctx.terms[k] = iri + rest
			}
		}
	}
	return ctx
}

// expand turns a compact IRI, a term or a relative reference into an IRI.
// vocab says the string is a key or type (resolved against @vocab), not an
// @id (resolved against @base).
func (c *ldContext) expand(s string, vocab bool) string {
	if iri, ok := c.terms[s]; ok && vocab {
		return iri
	}
	if p, rest, ok := strings.Cut(s, ":"); ok {
		if iri, ok := c.terms[p]; ok && !strings.HasPrefix(rest, "//") {
			return iri + rest
		}
		return s // an absolute IRI
	}
	if vocab {
		if c.vocab == "" {
			return ""
		}
		return c.vocab + s
	}
	return c.base + s
}

// local is the Noark 5 name of an IRI, normalised, or "" for another
// vocabulary.
func local(iri string) string {
	for _, ns := range arkivNS {
		if rest, ok := strings.CutPrefix(iri, ns); ok && rest != "" {
			return norm(rest)
		}
	}
	return ""
}

// ldNode reads a node object into the graph.
func (r *reader) ldNode(v jv, ctx *ldContext, depth int) *node {
	if c, ok := v.member("@context"); ok {
		ctx = r.ldContext(c, ctx)
	}
	n := &node{at: v.at}
	for _, m := range v.obj {
		switch m.key {
		case "@id":
			if m.val.kind != 's' {
				r.errorf(m.val.at, "@id is not a text: write the node's identifier as a text")
				continue
			}
			n.id = ctx.expand(m.val.s, false)
		case "@type":
			for _, t := range stringsOf(m.val) {
				if l := local(ctx.expand(t, true)); l != "" {
					n.types = append(n.types, l)
				}
			}
		case "@graph":
			for _, e := range m.val.arr {
				r.ldTop(e, ctx)
			}
		default:
			if strings.HasPrefix(m.key, "@") {
				continue
			}
			name := local(ctx.expand(m.key, true))
			if name == "" {
				continue
			}
			r.ldValues(n, name, m.val, ctx, depth)
		}
	}
	r.g.add(n)
	return n
}

func stringsOf(v jv) []string {
	if v.kind == 's' {
		return []string{v.s}
	}
	var out []string
	for _, e := range v.arr {
		if e.kind == 's' {
			out = append(out, e.s)
		}
	}
	return out
}

// ldValues adds the values of one property: literals, value objects,
// references, lists and nodes written in place.
func (r *reader) ldValues(n *node, name string, v jv, ctx *ldContext, depth int) {
	switch v.kind {
	case 'a':
		for _, e := range v.arr {
			r.ldValues(n, name, e, ctx, depth)
		}
	case 's', 'n', 'b':
		n.add(name, value{lit: v.s, at: v.at})
	case 'z':
	case 'o':
		if val, ok := v.member("@value"); ok {
			if val.kind != 'z' {
				n.add(name, value{lit: val.s, at: val.at})
			}
			return
		}
		if l, ok := v.member("@list"); ok {
			r.ldValues(n, name, l, ctx, depth)
			return
		}
		id, hasID := v.member("@id")
		if hasID && len(v.obj) == 1 && id.kind == 's' {
			ref := ctx.expand(id.s, false)
			if l := local(ctx.expand(id.s, true)); l != "" {
				ref = l // a code of the vocabulary: arkiv:politiskSak
			}
			n.add(name, value{ref: ref, at: id.at})
			return
		}
		if depth >= maxDepth {
			r.errorf(v.at, "nodes nest more than %d deep: this is not an eInnsyn export", maxDepth)
			return
		}
		child := r.ldNode(v, ctx, depth+1)
		n.add(name, value{node: child, ref: child.id, at: v.at})
	}
}
