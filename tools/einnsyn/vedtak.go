package einnsyn

import (
	"strings"

	"github.com/openkommune/portal/tools/load"
)

// vedtak is the decision text of a møtesak, where the export gives it:
//
//   - JSON-LD: arkiv:vedtak naming an arkiv:Vedtak with arkiv:endeligVedtak
//     (Digdir's proposal for vedtak in eInnsyn's møtedata), or with
//     arkiv:vedtakstekst (a text, or a node with arkiv:tekstInnhold, as in
//     eInnsyn's API); failing that its arkiv:behandlingsprotokoll;
//   - either format: a merknad of merknadstype "Vedtak" (its merknadstekst),
//     failing that one of merknadstype "Protokoll" or "Behandlingsprotokoll".
//
// HTML (tekstFormat text/html, or a text made of HTML elements) is turned
// into paragraphs and lists of plain text. "" means no vedtak is given.
func (r *reader) vedtak(n *node) string {
	for _, want := range []string{"vedtak", "protokoll"} {
		if v, at, ok := r.vedtakText(n, want); ok {
			text := cleanText(v)
			if text == "" {
				continue
			}
			if p := load.TextProblem(text, true); p != "" {
				r.errorf(at, "the vedtak text: %s", p)
				return ""
			}
			return text
		}
	}
	return ""
}

// vedtakText finds the text of kind "vedtak" or "protokoll".
func (r *reader) vedtakText(n *node, kind string) (string, Pos, bool) {
	for _, v := range n.props[tVedtak] {
		vn := r.deref(v)
		if vn == nil {
			if v.lit != "" && kind == "vedtak" {
				return v.lit, v.at, true
			}
			continue
		}
		props := []string{"endeligvedtak", "vedtakstekst"}
		if kind == "protokoll" {
			props = []string{"behandlingsprotokoll"}
		}
		for _, p := range props {
			for _, tv := range vn.props[p] {
				if s, at, ok := r.textOf(tv); ok {
					return s, at, true
				}
			}
		}
	}
	for _, v := range n.props[pMerknad] {
		mn := r.deref(v)
		if mn == nil {
			continue
		}
		typ, _ := r.single(mn, "merknadstype")
		t := norm(strings.TrimSpace(typ))
		if kind == "vedtak" && t != "vedtak" || kind == "protokoll" && t != "protokoll" && t != "behandlingsprotokoll" {
			continue
		}
		for _, tv := range mn.props["merknadstekst"] {
			return tv.lit, tv.at, true
		}
	}
	return "", Pos{}, false
}

// textOf is a text value: a literal, or a node with tekstInnhold.
func (r *reader) textOf(v value) (string, Pos, bool) {
	if t := r.deref(v); t != nil {
		if cs := t.props["tekstinnhold"]; len(cs) > 0 {
			s := cs[0].lit
			if f, _ := r.single(t, "tekstformat"); strings.Contains(strings.ToLower(f), "html") {
				s = htmlToText(s)
			}
			return s, cs[0].at, true
		}
		return "", v.at, false
	}
	return v.lit, v.at, v.lit != ""
}

// deref is the node a value is or names.
func (r *reader) deref(v value) *node {
	if v.node != nil {
		return v.node
	}
	if v.ref != "" {
		return r.g.byID[v.ref]
	}
	if v.lit != "" {
		return r.g.byID[v.lit]
	}
	return nil
}

// cleanText normalises line ends and blanks: no trailing blanks on a line,
// at most one empty line in a row, none at the ends. A text written as HTML
// is turned into plain text first.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if looksHTML(s) {
		s = htmlToText(s)
	}
	lines := strings.Split(s, "\n")
	var out []string
	blank := false
	for _, l := range lines {
		l = strings.TrimRight(l, " \t\u00a0")
		if l == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
