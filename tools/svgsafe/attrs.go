package svgsafe

import (
	"encoding/xml"
	"fmt"
	"strings"
)

// attr is an accepted attribute as it is written out.
type attr struct{ name, value string }

// attrs checks the attributes of an allowed element and returns the
// accepted ones, canonically named (xlink:href becomes href).
func (c *cleaner) attrs(in []xml.Attr, offs []int, f frame) []attr {
	var out []attr
	seen := map[string]bool{}
	for i, a := range in {
		at := offAt(offs, i)
		if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
			continue // checked by declare; the output declares only SVG
		}
		name, g, msg := attrRule(a.Name, f)
		if msg != "" {
			c.problemAt(at, msg)
			continue
		}
		if seen[name] {
			c.problemAt(at, fmt.Sprintf("attribute %s is given twice on <%s>: keep one", rawName(a.Name), f.name))
			continue
		}
		seen[name] = true
		v := normalize(a.Value)
		if name == "style" {
			v = c.style(v, at)
			if v == "" {
				continue
			}
		} else if !g.ok(v) {
			c.problemAt(at, fmt.Sprintf("%s=%q is not allowed in a logo: write %s", rawName(a.Name), short(v), g.want))
			continue
		}
		out = append(out, attr{name, strings.TrimSpace(v)})
	}
	return out
}

// offAt is the offset of the i-th attribute, or of the last one found.
func offAt(offs []int, i int) int {
	if len(offs) == 0 {
		return 0
	}
	return offs[min(i, len(offs)-1)]
}

// attrRule finds the grammar of an attribute of the element f and its
// canonical name, or says why the attribute is not allowed.
func attrRule(n xml.Name, f frame) (name string, g grammar, msg string) {
	raw := rawName(n)
	switch {
	case n.Space == "xml":
		if g, ok := xmlAttrs[n.Local]; ok {
			return raw, g, ""
		}
	case n.Space != "":
		if uri := f.ns[n.Space]; uri == xlinkNS && n.Local == "href" {
			if g, ok := f.rule.attrs["href"]; ok {
				return "href", g, ""
			}
			return "", g, fmt.Sprintf("attribute %s on <%s> is not allowed in a logo (a reference to other content): only a gradient may refer to another gradient (href=\"#id\"); remove it", raw, f.name)
		}
		return "", g, fmt.Sprintf("attribute %s is not allowed in a logo (its namespace is %q): remove it or export a plain SVG", raw, short(f.ns[n.Space]))
	case strings.HasPrefix(lower(n.Local), "on"):
		return "", g, fmt.Sprintf("attribute %s is not allowed in a logo (an event handler runs a script): remove it", raw)
	case n.Local == "style":
		return "style", g, ""
	default:
		for _, m := range []map[string]grammar{f.rule.attrs, common, properties} {
			if g, ok := m[n.Local]; ok {
				return n.Local, g, ""
			}
		}
	}
	return "", g, fmt.Sprintf("attribute %s is not allowed on <%s> in a logo: remove it (a logo may use geometry, id, transform and presentation attributes such as fill and stroke)", raw, f.name)
}

// normalize replaces the white space characters in an attribute value by
// spaces, as an XML parser does for attribute values.
func normalize(v string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, v)
}

// style checks a style attribute, which may hold only declarations of
// presentation properties with allowed values (no selectors, at-rules,
// comments or escapes can pass the value grammars), and returns it
// canonically written: "property:value;property:value".
func (c *cleaner) style(v string, at int) string {
	var decls []string
	for _, d := range strings.Split(v, ";") {
		d = strings.TrimSpace(d)
		if d == "" {
			continue
		}
		prop, val, ok := strings.Cut(d, ":")
		prop = lower(strings.TrimSpace(prop))
		val = strings.TrimSpace(val)
		g, known := properties[prop]
		switch {
		case !ok:
			c.problemAt(at, fmt.Sprintf("style: %q is not a declaration property:value: write e.g. style=\"fill:#14507a;stroke:none\"", short(d)))
		case !known:
			c.problemAt(at, fmt.Sprintf("style: the property %q is not allowed in a logo: use presentation properties such as fill, stroke, opacity and font-size only", short(prop)))
		case !g.ok(val):
			c.problemAt(at, fmt.Sprintf("style: %s:%s is not allowed in a logo: write %s", prop, short(val), g.want))
		default:
			decls = append(decls, prop+":"+val)
		}
	}
	return strings.Join(decls, ";")
}
