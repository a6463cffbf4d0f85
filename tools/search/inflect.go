package search

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Inflections of short words. The Snowball stemmer removes an ending only
// after the word's first vowel–consonant pair, so a short word ending in
// a vowel keeps its endings: "veien", "veier" stay as they are and do not
// find "vei" (nor "stien" "sti", "brua" "bru"). The index build therefore
// makes a table from the corpus (InflectionTable): each short term whose
// inflected forms the stemmer would leave whole, with the forms the corpus
// has. With Request.Recall, a bare word whose term is such a base, or a
// base plus one of InflectionEndings, also searches the base and its forms
// from the table, as more alternatives next to the word (as synonyms are).
// The browser's reader does the same from the head (Head.Inflections).

// InflectionEndings are the endings a base may take, longest first: the
// noun and verb endings of bokmål and nynorsk that Snowball removes.
var InflectionEndings = []string{"ane", "ene", "ens", "ers", "ets", "ar", "as", "en", "er", "es", "et", "a", "e"}

// InflectionMaxRunes is the longest base in the table.
const InflectionMaxRunes = 4

// InflectionTable is the table of the text fields' terms: sorted entries
// "base" or "base ending ending …", one for each term of 2 to
// InflectionMaxRunes letters, with a vowel (not an abbreviation), that the stemmer leaves whole with at least
// one ending, listing the endings whose form is itself a term.
func InflectionTable(terms map[string]bool, an analysis.Analyzer) []string {
	bases := map[string]string{}
	for b := range terms {
		if n := utf8.RuneCountInString(b); n < 2 || n > InflectionMaxRunes || !letters(b) || !strings.ContainsAny(b, "aeiouyæøå") {
			continue
		}
		entry, whole := b, false
		for _, e := range InflectionEndings {
			if !keptWhole(an, b+e) {
				continue
			}
			whole = true
			if terms[b+e] {
				entry += " " + e
			}
		}
		if whole {
			bases[b] = entry
		}
	}
	// A base that is another base's form ("nye" of "ny") is that form.
	var out []string
	for b, entry := range bases {
		if !formOf(b, bases) {
			out = append(out, entry)
		}
	}
	sort.Strings(out)
	return out
}

// formOf says if b is another base and an ending.
func formOf(b string, bases map[string]string) bool {
	for _, e := range InflectionEndings {
		if _, ok := bases[strings.TrimSuffix(b, e)]; ok && strings.HasSuffix(b, e) && len(b) > len(e) {
			return true
		}
	}
	return false
}

func letters(w string) bool {
	for _, r := range w {
		if !recallLetter(r) {
			return false
		}
	}
	return true
}

// keptWhole says if the analyzer leaves w as one token, unchanged.
func keptWhole(an analysis.Analyzer, w string) bool {
	toks := an.Analyze([]byte(w))
	return len(toks) == 1 && string(toks[0].Term) == w
}

// inflections is a head's table by base.
type inflections map[string][]string

func newInflections(table []string) inflections {
	m := inflections{}
	for _, e := range table {
		f := strings.Fields(e)
		if len(f) > 0 {
			m[f[0]] = f[1:]
		}
	}
	return m
}

// family is the base and its forms for a term, or nil: the term is a base,
// or a base and an ending.
func (m inflections) family(t string) []string {
	b := t
	ends, ok := m[t]
	for _, e := range InflectionEndings {
		if ok {
			break
		}
		if strings.HasSuffix(t, e) {
			b = t[:len(t)-len(e)]
			ends, ok = m[b]
		}
	}
	if !ok {
		return nil
	}
	out := []string{b}
	for _, e := range ends {
		out = append(out, b+e)
	}
	return out
}

// inflectWords adds, in a parsed and rewritten query, to each bare word's
// text-field disjunction (plainWord's) the matches of the other members
// of its term's family, each field with the word's boost there.
func (e *Engine) inflectWords(q query.Query, m inflections) query.Query {
	eachDisjunction(q, func(d *query.DisjunctionQuery) bool {
		first, ok := firstMatch(d)
		if !ok {
			return true
		}
		toks := e.analyzers.Query.Analyze([]byte(first.Match))
		if len(toks) != 1 {
			return false
		}
		t := string(toks[0].Term)
		tf := textFields()
		matches := append([]query.Query(nil), d.Disjuncts[:len(tf)]...)
		for _, u := range m.family(t) {
			if u == t {
				continue
			}
			for _, c := range matches {
				mq := *c.(*query.MatchQuery)
				mq.Match = u
				d.Disjuncts = append(d.Disjuncts, &mq)
			}
		}
		return false
	})
	return q
}
