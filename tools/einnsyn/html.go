package einnsyn

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// looksHTML says whether a text is written as HTML: it starts with an
// element that holds text (<p>, <div>, a list, a heading) and closes one.
func looksHTML(s string) bool {
	t := strings.ToLower(strings.TrimSpace(s))
	for _, tag := range []string{"<p", "<div", "<ol", "<ul", "<h1", "<h2", "<h3", "<h4", "<span", "<html", "<body", "<table", "<br"} {
		if strings.HasPrefix(t, tag) && strings.Contains(t, "</") || strings.HasPrefix(t, tag) && strings.HasPrefix(tag, "<br") {
			return true
		}
	}
	return false
}

// htmlToText turns the HTML of a vedtak into plain text: block elements
// become paragraphs, list items lines starting "- " or "1. ", <br> a line
// break; every other element is dropped and its text kept. The text is
// then Markdown without raw HTML (package markdown shows any that remains
// as text, never as HTML).
func htmlToText(s string) string {
	doc, err := html.Parse(strings.NewReader("<body>" + s))
	if err != nil {
		return s
	}
	var b strings.Builder
	var walk func(n *html.Node, list []int)
	walk = func(n *html.Node, list []int) {
		switch n.Type {
		case html.TextNode:
			// Blanks around inline text are kept as one space; lines are
			// tidied below.
			words := strings.Join(strings.Fields(n.Data), " ")
			if words == "" {
				words = " "
			} else {
				if strings.TrimLeft(n.Data, " \t\r\n") != n.Data {
					words = " " + words
				}
				if strings.TrimRight(n.Data, " \t\r\n") != n.Data {
					words += " "
				}
			}
			b.WriteString(words)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "head", "title":
				return
			case "br":
				b.WriteString("\n")
				return
			case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "blockquote":
				b.WriteString("\n\n")
				defer b.WriteString("\n\n")
			case "ol", "ul":
				b.WriteString("\n\n")
				defer b.WriteString("\n\n")
				if n.Data == "ol" {
					list = append(list, 1)
				} else {
					list = append(list, 0)
				}
			case "li":
				b.WriteString("\n")
				if len(list) > 0 && list[len(list)-1] > 0 {
					b.WriteString(strconv.Itoa(list[len(list)-1]) + ". ")
					list[len(list)-1]++
				} else {
					b.WriteString("- ")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, list)
		}
	}
	walk(doc, nil)
	// Lines of a paragraph are trimmed; runs of empty lines become one.
	var out []string
	for _, l := range strings.Split(b.String(), "\n") {
		out = append(out, strings.Join(strings.Fields(l), " "))
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}
