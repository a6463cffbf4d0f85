package search

import (
	"html"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search/query"
)

// snippetLen is about how many characters of text a snippet shows.
const snippetLen = 220

// highlightTerms returns the analysed words of the query's text clauses,
// the terms whose occurrences a hit's title and snippet mark.
func (e *Engine) highlightTerms(q query.Query) []string {
	seen := map[string]bool{}
	var walk func(q query.Query)
	walk = func(q query.Query) {
		switch q := q.(type) {
		case *query.BooleanQuery:
			walk(q.Must)
			walk(q.Should)
		case *query.ConjunctionQuery:
			for _, c := range q.Conjuncts {
				walk(c)
			}
		case *query.DisjunctionQuery:
			for _, c := range q.Disjuncts {
				walk(c)
			}
		case *query.MatchQuery:
			if f, ok := FieldByName(q.FieldVal); ok && f.Kind == Text {
				for _, t := range e.analyzers.Query.Analyze([]byte(q.Match)) {
					seen[string(t.Term)] = true
				}
			}
		}
	}
	walk(q)
	out := make([]string, 0, len(seen))
	for t := range seen {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// mark escapes text and wraps the words whose index terms are in terms in
// <mark>. With max > 0 it cuts a window of about max characters around the
// first match (or from the start).
func (e *Engine) mark(text string, terms map[string]bool, max int) string {
	type span struct{ start, end int }
	var spans []span
	if len(terms) > 0 {
		for _, t := range e.analyzers.Index.Analyze([]byte(text)) {
			if terms[string(t.Term)] {
				spans = append(spans, span{t.Start, t.End})
			}
		}
	}
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end > spans[j].end
	})
	// The window starts at a word about a third of the window before the
	// first match and ends at a word about max on; where words are too
	// long for that (a long compound, a run of digits), it cuts within
	// the word rather than lose the match or most of the window.
	from, to := 0, len(text)
	if max > 0 && len(text) > max {
		if len(spans) > 0 && spans[0].start > max/3 {
			from = wordStart(text, spans[0].start-max/3, spans[0].start)
		}
		to = wordEnd(text, from+max, from+max/2)
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("… ")
	}
	pos := from
	for _, s := range spans {
		if s.start < pos || s.end > to {
			continue
		}
		b.WriteString(html.EscapeString(text[pos:s.start]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[s.start:s.end]))
		b.WriteString("</mark>")
		pos = s.end
	}
	b.WriteString(html.EscapeString(text[pos:to]))
	if to < len(text) {
		b.WriteString(" …")
	}
	return b.String()
}

// wordStart is the start of the first word from i on that starts no later
// than limit, or else i moved back to the start of its character.
func wordStart(s string, i, limit int) int {
	if i <= 0 {
		return 0
	}
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	for j := i; j < len(s) && j < limit; {
		r, n := utf8.DecodeRuneInString(s[j:])
		j += n
		if unicode.IsSpace(r) {
			if j <= limit {
				return j
			}
			break
		}
	}
	return i
}

// wordEnd is the end of the last word that ends at i or before and no
// earlier than limit, or else i moved back to the start of its character.
func wordEnd(s string, i, limit int) int {
	if i >= len(s) {
		return len(s)
	}
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	for j := i; j > 0; {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		j -= n
		if j < limit {
			break
		}
		if unicode.IsSpace(r) {
			return j
		}
	}
	return i
}
