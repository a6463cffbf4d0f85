package search

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Recall while typing (Request.Recall, what the search page asks for):
//
//   - the last word, when it has RecallMinRunes letters or more, stands
//     alone at the end and is not yet a word of the index (no dictionary
//     entry in the text fields for its terms, not a short word's form,
//     not a stop word), is also searched as a prefix (w*, bleve's
//     wildcard): "barneha" finds barnehage. A word the index has is
//     searched as that word: its compounds are found through
//     decompounding (skole finds barneskolen), and its prefix would read
//     every compound that begins with it (at 100 000 vedtak "skole*" is
//     35 chunks, 600 KB) and find unrelated words ("vei*": veiledning);
//   - a bare word of RecallMinRunes letters or more that has no dictionary
//     entry in the text fields (and, for the last word, no entry it
//     begins) is searched again with one edit allowed: bleve's fuzzy
//     query, fuzziness 1, its first FuzzyPrefix bytes fixed (so only the
//     dictionary range of those is read, not the whole dictionary), each
//     term scored with boost 1/(1+edits). Response.Recall names the words.
//
// A query with quotes, or that needs a notice, is searched as typed. The
// JavaScript reader (static/js/search-engine.js) does the same and is
// compared with this in tools/searchindex jsreader_test.go.
//
// Words longer than RecallMaxRunes are searched as typed: they are not a
// word being typed nor a typo of one, and the fuzzy comparison costs
// their length for each term of the prefix's range.
const (
	RecallMinRunes = 3
	RecallMaxRunes = 40
	FuzzyPrefix    = 2
)

// Recall says how a query was widened.
type Recall struct {
	// Fuzzy are the words searched with one edit allowed, as typed.
	Fuzzy []string `json:"fuzzy"`
}

// recallLetter is a letter as the search reads words: ASCII and Latin-1.
func recallLetter(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0xc0 && r <= 0xff && r != 0xd7 && r != 0xf7
}

// recallWord says if w is a bare word of RecallMinRunes to RecallMaxRunes
// letters.
func recallWord(w string) bool {
	if n := utf8.RuneCountInString(w); n < RecallMinRunes || n > RecallMaxRunes {
		return false
	}
	for _, r := range w {
		if !recallLetter(r) {
			return false
		}
	}
	return true
}

// recallPrefix is q with its last word also as a prefix, and that word;
// or q and "" when the last word does not qualify.
func recallPrefix(q string) (string, string) {
	if strings.ContainsRune(q, '"') {
		return q, ""
	}
	i := strings.LastIndexByte(q, ' ')
	w := q[i+1:]
	if !recallWord(w) {
		return q, ""
	}
	return q + " " + w + "*", w
}

// recallCandidates are the bare words of q that the fuzzy retry may take:
// not a synonym's words.
func recallCandidates(q string, syns []Synonym) []string {
	if strings.ContainsRune(q, '"') {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	for _, w := range strings.Split(q, " ") {
		if recallWord(w) && !seen[w] && synonymOf(syns, w) == nil {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// unknownWords are the candidates with no dictionary entry in any text
// field; the prefix word counts as known if a term begins with it.
func (e *Engine) unknownWords(cands []string, prefix string) []string {
	var out []string
	for _, w := range cands {
		if !e.known(w, w == prefix) {
			out = append(out, w)
		}
	}
	return out
}

func (e *Engine) known(w string, asPrefix bool) bool {
	toks := e.analyzers.Query.Analyze([]byte(w))
	if len(toks) == 0 {
		return true // a stop word
	}
	if len(toks) == 1 && e.inflect.family(string(toks[0].Term)) != nil {
		return true // a short word's form
	}
	for _, f := range textFields() {
		for _, t := range toks {
			if e.termCount(f.Name, t.Term) > 0 {
				return true
			}
		}
		if asPrefix && e.hasPrefix(f.Name, strings.ToLower(w)) {
			return true
		}
	}
	return false
}

func (e *Engine) termCount(field string, term []byte) uint64 {
	tfr, err := e.reader.TermFieldReader(context.Background(), term, field, false, false, false)
	if err != nil {
		return 0
	}
	defer tfr.Close()
	return tfr.Count()
}

func (e *Engine) hasPrefix(field, p string) bool {
	d, err := e.reader.FieldDictPrefix(field, []byte(p))
	if err != nil {
		return false
	}
	defer d.Close()
	var de *index.DictEntry
	de, err = d.Next()
	return err == nil && de != nil
}

// fuzzyWords replaces, in a parsed and rewritten query, the text-field
// matches of each word in words (plainWord's disjunctions) by fuzzy
// queries.
func fuzzyWords(q query.Query, words map[string]bool) query.Query {
	eachDisjunction(q, func(d *query.DisjunctionQuery) bool {
		for i, c := range d.Disjuncts {
			if m, ok := c.(*query.MatchQuery); ok && words[m.Match] && isTextField(m.FieldVal) {
				z := query.NewFuzzyQuery(strings.ToLower(m.Match))
				z.SetFuzziness(1)
				z.SetPrefix(FuzzyPrefix)
				z.SetField(m.FieldVal)
				z.SetBoost(boost(m.BoostVal))
				d.Disjuncts[i] = z
			}
		}
		return true
	})
	return q
}

// eachDisjunction calls f on every disjunction in q, outer ones first, for
// f to change in place; f says whether to go on into its disjuncts.
func eachDisjunction(q query.Query, f func(*query.DisjunctionQuery) bool) {
	switch q := q.(type) {
	case *query.BooleanQuery:
		for _, sub := range []query.Query{q.Must, q.Should, q.MustNot} {
			if sub != nil {
				eachDisjunction(sub, f)
			}
		}
	case *query.ConjunctionQuery:
		for _, c := range q.Conjuncts {
			eachDisjunction(c, f)
		}
	case *query.DisjunctionQuery:
		if f(q) {
			for _, c := range q.Disjuncts {
				eachDisjunction(c, f)
			}
		}
	}
}

func isTextField(name string) bool {
	f, ok := FieldByName(name)
	return ok && f.Kind == Text
}

// Search answers req; with req.Recall, widened as the visitor types
// (above). If chunks or result blocks are missing, the response says
// which (Need), and the caller fetches them and asks again.
func (e *Engine) Search(req Request) *Response {
	if !req.Recall {
		return e.search(req, req.Query, nil, nil)
	}
	syns := e.head.Synonyms
	q, prefix := recallPrefix(req.Query)
	if _, _, err := Parse(q); err != nil {
		q, prefix = req.Query, ""
	}
	if prefix != "" {
		known := e.known(prefix, false)
		if need := e.missing(); need != nil {
			return &Response{Need: need}
		}
		if known {
			q, prefix = req.Query, ""
		}
	}
	resp := e.search(req, q, syns, nil)
	if resp.Need != nil || resp.Error != "" || resp.Notice != nil {
		return resp
	}
	unknown := e.unknownWords(recallCandidates(req.Query, e.head.Synonyms), prefix)
	if len(unknown) == 0 {
		return resp
	}
	words := map[string]bool{}
	for _, w := range unknown {
		words[w] = true
	}
	retry := e.search(req, q, syns, words)
	if retry.Need == nil && retry.Error == "" {
		retry.Recall = &Recall{Fuzzy: unknown}
	}
	return retry
}
