package compile

import (
	"regexp"
	"strings"
)

// autolink is a Markdown autolink, <https://…> or <mailto:…>, the one use
// of "<" in Markdown that is not HTML.
var autolink = regexp.MustCompile(`^<(?i:https?://|mailto:)[^<>\s]*>`)

// EscapeHTML makes raw HTML in a Markdown text show as text: every "<"
// that would start an HTML tag, comment or declaration is backslash-escaped
// (`\<`), which Markdown renders as a literal "<". Autolinks and code
// (inline spans and fenced blocks, where Markdown shows "<" as it is) are
// left alone. Decision texts are written by staff in Markdown; the site
// must show what they wrote, never run it.
func EscapeHTML(md string) string {
	if !strings.Contains(md, "<") {
		return md
	}
	var b strings.Builder
	fence := ""
	for _, line := range strings.SplitAfter(md, "\n") {
		t := strings.TrimLeft(line, " ")
		if fence != "" {
			if strings.HasPrefix(t, fence) {
				fence = ""
			}
			b.WriteString(line)
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = t[:3]
			b.WriteString(line)
			continue
		}
		b.WriteString(escapeLine(line))
	}
	return b.String()
}

// escapeLine escapes "<" outside inline code spans and autolinks.
func escapeLine(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s):
			b.WriteString(s[i : i+2])
			i += 2
		case c == '`':
			n := 1
			for i+n < len(s) && s[i+n] == '`' {
				n++
			}
			ticks := s[i : i+n]
			if end := strings.Index(s[i+n:], ticks); end >= 0 {
				b.WriteString(s[i : i+n+end+n])
				i += n + end + n
			} else {
				b.WriteString(ticks)
				i += n
			}
		case c == '<':
			if m := autolink.FindString(s[i:]); m != "" {
				b.WriteString(m)
				i += len(m)
			} else {
				b.WriteString(`\<`)
				i++
			}
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}
