package markdown

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Sentence is the first sentence of a Markdown text in plain text, at most
// max runes (cut at a word, with "…"): a page's description for search
// engines and link previews. The text is that of the first paragraph or
// heading as a reader sees it: emphasis, links and code lose their marks,
// raw HTML is kept as the text the site shows. "" if there is no text.
func Sentence(s string, max int) string {
	src := []byte(s)
	doc := md.Parser().Parse(text.NewReader(src))
	var first string
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if first != "" {
			return ast.WalkStop, nil
		}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindHeading, ast.KindTextBlock:
			first = strings.Join(strings.Fields(plain(n, src)), " ")
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return clip(firstSentence(first), max)
}

// plain is the text of n's inline children.
func plain(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.WriteString(html.UnescapeString(string(c.Value)))
		case *ast.AutoLink:
			b.Write(c.URL(src))
		case *ast.RawHTML:
			for i := 0; i < c.Segments.Len(); i++ {
				seg := c.Segments.At(i)
				b.Write(seg.Value(src))
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// abbreviations end in a full stop without ending a sentence.
var abbreviations = map[string]bool{
	"bl.a": true, "ca": true, "dvs": true, "evt": true, "f.eks": true, "iht": true,
	"jf": true, "jfr": true, "kap": true, "kr": true, "mill": true, "mrd": true,
	"mv": true, "m.m": true, "nr": true, "osv": true, "pkt": true, "st": true,
	"tlf": true, "vedr": true, "ang": true, "mht": true, "pga": true,
}

// firstSentence is s up to the first '.', '!' or '?' that is followed by a
// space and a capital letter or digit and does not end an abbreviation.
func firstSentence(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '.' && c != '!' && c != '?' {
			continue
		}
		if i+2 >= len(s) || s[i+1] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(s[i+2:])
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) {
			continue
		}
		word := s[strings.LastIndexByte(s[:i], ' ')+1 : i]
		if s[i] == '.' && abbreviations[strings.ToLower(word)] {
			continue
		}
		return s[:i+1]
	}
	return s
}

// clip cuts s to at most max runes, at a space, ending with "…".
func clip(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)[:max-1]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:–-") + "…"
}
