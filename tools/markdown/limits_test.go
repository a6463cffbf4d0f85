package markdown

import (
	"slices"
	"strings"
	"testing"
)

func TestDepth(t *testing.T) {
	for _, tc := range []struct {
		in          string
		depth, line int
	}{
		{"Vanlig tekst.", 0, 0},
		{"> sitat", 1, 1},
		{"a\n> > > b", 3, 2},
		{">>>>>", 5, 1},
		{"- a\n  - b", 1, 1},
		{"- - - a", 3, 1},
		{"- - - - - - - - - - - -", 0, 0}, // a thematic break
		{"* * *", 0, 0},
		{"1. a\n2) > - b", 3, 2},
		{"2025. Vedtatt", 1, 1},
		{"1.5 mill.", 0, 0},
		{"-5 kr", 0, 0},
		{"1234567890. ikke en liste", 0, 0},
		{strings.Repeat(">", 5000) + " x", 5000, 1},
	} {
		d, l := Depth(tc.in)
		if d != tc.depth || l != tc.line {
			t.Errorf("Depth(%q) = %d, %d; want %d, %d", tc.in, d, l, tc.depth, tc.line)
		}
	}
}

func TestProblem(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Vedtatt.", ""},
		{strings.Repeat("> ", MaxDepth) + "x", ""},
		{strings.Repeat("> ", MaxDepth+1) + "x", "line 1 of the text opens 11 block quotes"},
		{strings.Repeat(strings.Repeat("æ", 998)+"\n\n", MaxLength/1000), ""},
		{strings.Repeat("æ", MaxLength+1), "the text is 100001 characters"},
		{strings.Repeat("æ", MaxParagraph), ""},
		{"a\n\n" + strings.Repeat("æ", MaxParagraph+1), "the paragraph from line 3 of the text is 10001 characters"},
	} {
		got := Problem(tc.in)
		if tc.want == "" && got != "" || !strings.HasPrefix(got, tc.want) {
			t.Errorf("Problem(%.20q…) = %q, want prefix %q", tc.in, got, tc.want)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func TestParagraph(t *testing.T) {
	long := strings.Repeat("ord ", 1000)
	for _, tc := range []struct {
		in         string
		size, line int
	}{
		{"Ett avsnitt.", 12, 1},
		{"a\n\nbb\ncc\n\nd", 5, 3},
		{"# Overskrift\n\ntekst", 10, 1},
		{"- punkt én\n- punkt to", 8, 1},
		{"```\n" + long + "\n```\nx", 1, 4},
		{"    kode " + long + "\n\nx", 1, 3},
		{"> " + long, 3999, 1},
		{long + "\n" + long, 8000, 1},
	} {
		b := Shape(tc.in)
		if size, line := b.Paragraph, b.ParagraphLine; size != tc.size || line != tc.line {
			t.Errorf("Shape(%.30q).Paragraph = %d, %d; want %d, %d", tc.in, size, line, tc.size, tc.line)
		}
	}
}

func TestShapeDepth(t *testing.T) {
	for _, tc := range []struct {
		in          string
		depth, line int
	}{
		{"tekst", 0, 0},
		{"> a\n> > b", 2, 2},
		{"- a\n  - b\n    - c\n\nd", 3, 3},
		{"x\n\n> - > 1. y", 4, 3},
	} {
		if b := Shape(tc.in); b.Depth != tc.depth || b.DepthLine != tc.line {
			t.Errorf("Shape(%q) depth %d on line %d, want %d on line %d", tc.in, b.Depth, b.DepthLine, tc.depth, tc.line)
		}
	}
}
