package search

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search/query"
)

// Limits on a query, checked before it is parsed (bleve's query string
// lexer grows a token one rune at a time, quadratic in its length, and
// every word may need a chunk fetched). A longer query gets a message,
// not a search. static/js/search.js cuts a query from the URL to
// MaxQueryRunes (TestBrowserLimits).
const (
	MaxQueryRunes = 256
	MaxQueryWords = 32 // runs of letters and digits
	// MaxQueryPatterns bounds the words with *, ?, ~ or /…/: each is
	// matched against the field's whole dictionary (or the part with its
	// prefix) and may stand for thousands of words.
	MaxQueryPatterns = 4
)

// Parse reads a query in bleve's query string syntax (+must, -must-not,
// "words", field:value, field:>number, word~ for typos, skol* for
// prefixes) and fits it to the portal's fields:
//
//   - a word without a field searches the title (boosted) and the text; a
//     year also searches aar, a date dato, and a word with a slash the case
//     numbers sak and arkivsak (plainWord);
//   - "quoted words" must all occur, not necessarily next to each other:
//     the static index keeps no word positions, to stay small;
//   - dato:2025 and dato:2025-03-14 mean that year or day; avvik_prosent:20
//     means exactly 20.
//
// A query that is not valid syntax, or names a field that does not exist,
// is searched as plain words, and the notice says so. A query too long, or
// a field given a value it cannot hold, is an error. Every error and notice
// is a *Message. An empty query matches everything.
func Parse(q string) (query.Query, *Message, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return query.NewMatchAllQuery(), nil, nil
	}
	if utf8.RuneCountInString(q) > MaxQueryRunes {
		return nil, nil, msg("too_long", strconv.Itoa(MaxQueryRunes))
	}
	if len(strings.FieldsFunc(q, notWordRune)) > MaxQueryWords {
		return nil, nil, msg("too_many_words", strconv.Itoa(MaxQueryWords))
	}
	parsed, err := query.NewQueryStringQuery(q).Parse()
	notice := msg("syntax")
	if err == nil && patterns(parsed) > MaxQueryPatterns {
		return nil, nil, msg("too_many_patterns", strconv.Itoa(MaxQueryPatterns))
	}
	if err == nil {
		r, err := rewrite(parsed)
		if err == nil {
			return r, nil, nil
		}
		m, ok := err.(*Message)
		if !ok || !notices[m.Code] {
			return nil, nil, err
		}
		notice = m
	}
	words := plainWords(q)
	if words == nil {
		return query.NewMatchNoneQuery(), nil, nil
	}
	return words, notice, nil
}

// patterns counts the wildcard, regular expression and fuzzy words of a
// parsed query.
func patterns(q query.Query) int {
	switch q := q.(type) {
	case *query.BooleanQuery:
		return patterns(q.Must) + patterns(q.Should) + patterns(q.MustNot)
	case *query.ConjunctionQuery:
		n := 0
		for _, c := range q.Conjuncts {
			n += patterns(c)
		}
		return n
	case *query.DisjunctionQuery:
		n := 0
		for _, c := range q.Disjuncts {
			n += patterns(c)
		}
		return n
	case *query.WildcardQuery, *query.RegexpQuery, *query.FuzzyQuery:
		return 1
	case *query.MatchQuery:
		if q.Fuzziness != 0 {
			return 1
		}
	}
	return 0
}

func notWordRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// plainWords searches the words of q without any syntax, or is nil if q
// has no letters or digits. Words are split at spaces and at the query
// syntax's characters, but not at those inside dates and case numbers
// (2026-03-12, 12.03.2026, 068/26).
func plainWords(q string) query.Query {
	var ds []query.Query
	for _, w := range strings.FieldsFunc(q, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`+=&|><!(){}[]^"~*?:\`, r)
	}) {
		if strings.IndexFunc(w, func(r rune) bool { return !notWordRune(r) }) < 0 {
			continue
		}
		ds = append(ds, plainWord(query.NewMatchQuery(w)))
	}
	if len(ds) == 0 {
		return nil
	}
	return query.NewDisjunctionQuery(ds)
}

// plainWord fits a match without a field to the fields: the title and the
// text, and for a single word that has the shape of one, a year (aar), a
// date (dato), a case number (sak, arkivsak) or, without a slash, a
// project number (nummer).
func plainWord(q *query.MatchQuery) query.Query {
	var ds []query.Query
	for _, f := range textFields() {
		c := *q
		c.SetField(f.Name)
		c.SetBoost(boost(q.BoostVal) * f.Boost)
		ds = append(ds, &c)
	}
	w := strings.TrimFunc(q.Match, notWordRune)
	if w == "" || strings.ContainsFunc(w, unicode.IsSpace) || !strings.ContainsFunc(w, unicode.IsDigit) {
		return query.NewDisjunctionQuery(ds)
	}
	term := func(field, v string, b float64) {
		t := query.NewTermQuery(strings.ToLower(v))
		t.SetField(field)
		t.SetBoost(boost(q.BoostVal) * b)
		ds = append(ds, t)
	}
	if y, err := strconv.Atoi(w); err == nil && len(w) == 4 && y >= 1000 {
		term("aar", w, 1)
	}
	if d, ok := plainDate(w); ok {
		r := query.NewDateRangeQuery(d, d.AddDate(0, 0, 1))
		r.SetField("dato")
		r.SetBoost(boost(q.BoostVal) * caseBoost)
		ds = append(ds, r)
	}
	if strings.Contains(w, "/") {
		term("sak", w, caseBoost)
		term("arkivsak", w, caseBoost)
	} else {
		term("nummer", w, caseBoost)
	}
	return query.NewDisjunctionQuery(ds)
}

// caseBoost ranks the record with a case number or a meeting date above
// texts that mention the number.
const caseBoost = 5

// plainDate reads 2026-03-12 or 12.03.2026 (also 12.3.2026), in the years
// a date field can hold (minDateYear to maxDateYear); another year is no
// date (bleve refuses a date range outside them).
func plainDate(w string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2.1.2006", "02.01.2006"} {
		if t, err := time.Parse(layout, w); err == nil && dateYear(t.Year()) {
			return t, true
		}
	}
	return time.Time{}, false
}

// The years a date field holds: bleve stores a date as nanoseconds since
// 1970 in an int64, which reaches from 1677-09-21 to 2262-04-11; the whole
// years within are these. static/js/search-engine.js has the same rule.
const minDateYear, maxDateYear = 1678, 2261

// dateYear says if a date field can hold the year y.
func dateYear(y int) bool { return y >= minDateYear && y <= maxDateYear }

// rewrite fits a parsed query to the fields, in place where bleve keeps
// unexported state (boolean queries from a query string).
func rewrite(q query.Query) (query.Query, error) {
	if b, ok := q.(query.BoostableQuery); ok {
		// word^NaN, ^0, ^-Inf and ^1e308 would make scores NaN or
		// infinite, which JSON cannot carry.
		if v := b.Boost(); math.IsNaN(v) {
			b.SetBoost(1)
		} else if v < 1/maxBoost || v > maxBoost {
			b.SetBoost(max(min(v, maxBoost), 1/maxBoost))
		}
	}
	switch q := q.(type) {
	case *query.BooleanQuery:
		for _, sub := range []*query.Query{&q.Must, &q.Should, &q.MustNot} {
			if *sub == nil {
				continue
			}
			r, err := rewrite(*sub)
			if err != nil {
				return nil, err
			}
			*sub = r
		}
		return q, nil
	case *query.ConjunctionQuery:
		return q, rewriteAll(q.Conjuncts)
	case *query.DisjunctionQuery:
		return q, rewriteAll(q.Disjuncts)
	case *query.MatchPhraseQuery:
		m := query.NewMatchQuery(q.MatchPhrase)
		m.SetField(q.FieldVal)
		m.SetOperator(query.MatchQueryOperatorAnd)
		m.Fuzziness = q.Fuzziness
		if q.BoostVal != nil {
			m.SetBoost(q.BoostVal.Value())
		}
		return rewrite(m)
	case *query.MatchQuery:
		// bleve allows a distance of at most 2 and fails the search above.
		q.Fuzziness = min(max(q.Fuzziness, 0), maxFuzziness)
		if q.FieldVal == "" {
			return plainWord(q), nil
		}
		f, ok := FieldByName(q.FieldVal)
		if !ok {
			return nil, errUnknownField(q.FieldVal)
		}
		switch f.Kind {
		case Date:
			return dateQuery(f.Name, q.Match)
		case Number:
			var v float64
			if _, err := fmt.Sscan(strings.ReplaceAll(q.Match, ",", "."), &v); err != nil {
				return nil, msg("not_number", f.Name, q.Match)
			}
			t := true
			n := query.NewNumericRangeInclusiveQuery(&v, &v, &t, &t)
			n.SetField(f.Name)
			return n, nil
		}
		return q, nil
	case *query.WildcardQuery:
		if q.FieldVal == "" {
			return overText(q, func(f Field) query.Query {
				c := *q
				c.Wildcard = strings.ToLower(q.Wildcard)
				c.SetField(f.Name)
				c.SetBoost(boost(q.BoostVal) * f.Boost)
				return &c
			}), nil
		}
		return q, checkField(q.FieldVal)
	case *query.RegexpQuery:
		if _, err := regexp.Compile(q.Regexp); err != nil {
			return nil, msg("syntax")
		}
		if q.FieldVal == "" {
			return overText(q, func(f Field) query.Query {
				c := *q
				c.SetField(f.Name)
				c.SetBoost(boost(q.BoostVal) * f.Boost)
				return &c
			}), nil
		}
		return q, checkField(q.FieldVal)
	case *query.NumericRangeQuery:
		if exactNumber(q) {
			// A bare number, or field:number, is parsed as a match or a
			// number: the match (rewritten above) serves all but number
			// and date fields.
			if f, ok := FieldByName(q.FieldVal); q.FieldVal == "" || ok && (f.Kind == Text || f.Kind == Keyword) {
				return query.NewMatchNoneQuery(), nil
			}
		}
		if f, ok := FieldByName(q.FieldVal); ok && f.Kind == Date {
			if q.Min != nil && q.Max != nil && *q.Min == *q.Max {
				return dateQuery(q.FieldVal, strconv.FormatFloat(*q.Min, 'f', -1, 64))
			}
			return yearRange(q)
		}
		return q, checkKind(q.FieldVal, Number)
	case *query.DateRangeStringQuery:
		return q, checkKind(q.FieldVal, Date)
	case *query.DateRangeQuery:
		return q, checkKind(q.FieldVal, Date)
	case *query.FuzzyQuery:
		return q, checkField(q.FieldVal)
	}
	return q, nil
}

// rewriteAll rewrites each of qs in place.
func rewriteAll(qs []query.Query) error {
	for i, c := range qs {
		r, err := rewrite(c)
		if err != nil {
			return err
		}
		qs[i] = r
	}
	return nil
}

// maxBoost is the largest boost (word^10) a query may give, and 1/maxBoost
// the smallest.
const maxBoost = 100.0

// maxFuzziness is the largest edit distance bleve searches.
const maxFuzziness = 2

// exactNumber says whether q is [v, v], as the query string parser makes
// of a number.
func exactNumber(q *query.NumericRangeQuery) bool {
	return q.Min != nil && q.Max != nil && *q.Min == *q.Max &&
		q.InclusiveMin != nil && *q.InclusiveMin && q.InclusiveMax != nil && *q.InclusiveMax
}

func overText(q query.Query, copyFor func(Field) query.Query) query.Query {
	var ds []query.Query
	for _, f := range textFields() {
		ds = append(ds, copyFor(f))
	}
	return query.NewDisjunctionQuery(ds)
}

func boost(b *query.Boost) float64 {
	if b == nil {
		return 1
	}
	return b.Value()
}

func checkField(name string) error {
	if _, ok := FieldByName(name); !ok {
		return errUnknownField(name)
	}
	return nil
}

func checkKind(name string, k Kind) error {
	f, ok := FieldByName(name)
	if !ok {
		return errUnknownField(name)
	}
	if f.Kind != k {
		if k == Number {
			return msg("not_number_field", name)
		}
		return msg("not_date_field", name)
	}
	return nil
}

// dateQuery makes field:2025 or field:2025-03-14 a range over that year or
// day; a year a date field cannot hold (dateYear) is no date.
func dateQuery(field, v string) (query.Query, error) {
	var start, end time.Time
	if t, err := time.Parse("2006-01-02", v); err == nil && dateYear(t.Year()) {
		start, end = t, t.AddDate(0, 0, 1)
	} else if t, err := time.Parse("2006", v); err == nil {
		if yf, ok := yearField(field); ok {
			q := query.NewTermQuery(v)
			q.SetField(yf)
			return q, nil
		}
		if !dateYear(t.Year()) {
			return nil, msg("bad_date", field, v)
		}
		start, end = t, t.AddDate(1, 0, 0)
	} else {
		return nil, msg("bad_date", field, v)
	}
	q := query.NewDateRangeQuery(start, end)
	q.SetField(field)
	return q, nil
}

// yearRange reads dato:2025 or dato:>=2024 (numbers to the query parser) as
// years.
func yearRange(q *query.NumericRangeQuery) (query.Query, error) {
	year := func(v *float64, inclusive *bool, upper bool) (time.Time, bool) {
		if v == nil {
			return time.Time{}, true
		}
		y := int(*v)
		if float64(y) != *v || !dateYear(y) {
			return time.Time{}, false
		}
		incl := inclusive == nil || *inclusive
		if upper == incl { // ≤ y or > y: from the start of the next year
			y++
		}
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), true
	}
	// Query strings give inclusive bounds as nil or true.
	start, ok1 := year(q.Min, q.InclusiveMin, false)
	end, ok2 := year(q.Max, q.InclusiveMax, true)
	if !ok1 || !ok2 {
		return nil, msg("bad_date", q.FieldVal, yearText(q))
	}
	t, f := true, false
	d := query.NewDateRangeInclusiveQuery(start, end, &t, &f)
	d.SetField(q.FieldVal)
	return d, nil
}

// yearText is the bound of a year range that is not a year, for a message.
func yearText(q *query.NumericRangeQuery) string {
	for _, v := range []*float64{q.Min, q.Max} {
		if v != nil {
			if y := *v; float64(int(y)) != y || !dateYear(int(y)) {
				return strconv.FormatFloat(y, 'f', -1, 64)
			}
		}
	}
	return ""
}
