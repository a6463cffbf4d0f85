package search

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/search/query"
)

// Parse reads a query in bleve's query string syntax (+must, -must-not,
// "words", field:value, field:>number, word~ for typos, skol* for
// prefixes) and fits it to the portal's fields:
//
//   - a word without a field searches the title (boosted) and the text;
//   - "quoted words" must all occur, not necessarily next to each other:
//     the static index keeps no word positions, to stay small;
//   - a field name must exist;
//   - dato:2025 and dato:2025-03-14 mean that year or day; avvik_prosent:20
//     means exactly 20.
//
// An empty query matches everything.
func Parse(q string) (query.Query, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return query.NewMatchAllQuery(), nil
	}
	parsed, err := query.NewQueryStringQuery(q).Parse()
	if err != nil {
		return nil, fmt.Errorf("kunne ikke tolke søket: %v", err)
	}
	return rewrite(parsed)
}

// rewrite fits a parsed query to the fields, in place where bleve keeps
// unexported state (boolean queries from a query string).
func rewrite(q query.Query) (query.Query, error) {
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
		if q.FieldVal == "" {
			return overText(q, func(f Field) query.Query {
				c := *q
				c.SetField(f.Name)
				c.SetBoost(boost(q.BoostVal) * f.Boost)
				return &c
			}), nil
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
				return nil, fmt.Errorf("%s må være et tall, ikke %q", f.Name, q.Match)
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
		if f, ok := FieldByName(q.FieldVal); ok && f.Kind == Date {
			if q.Min != nil && q.Max != nil && *q.Min == *q.Max {
				return dateQuery(q.FieldVal, strconv.FormatFloat(*q.Min, 'f', -1, 64))
			}
			return yearRange(q)
		}
		return q, checkKind(q.FieldVal, Number)
	case *query.DateRangeStringQuery:
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
			return fmt.Errorf("%s er ikke et tallfelt; tallfelt er avvik_prosent, avvik_kr, kostnadsramme og belop", name)
		}
		return fmt.Errorf("%s er ikke et datofelt; datofelt er dato og frist", name)
	}
	return nil
}

// dateQuery makes field:2025 or field:2025-03-14 a range over that year or day.
func dateQuery(field, v string) (query.Query, error) {
	var start, end time.Time
	if t, err := time.Parse("2006-01-02", v); err == nil {
		start, end = t, t.AddDate(0, 0, 1)
	} else if t, err := time.Parse("2006", v); err == nil {
		if yf, ok := yearField(field); ok {
			q := query.NewTermQuery(v)
			q.SetField(yf)
			return q, nil
		}
		start, end = t, t.AddDate(1, 0, 0)
	} else {
		return nil, fmt.Errorf("%s:%s: skriv datoen som 2025-03-14 eller året som 2025", field, v)
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
		if float64(y) != *v || y < 1000 || y > 9999 {
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
		return nil, fmt.Errorf("%s: skriv datoen som \"2025-03-14\" eller året som 2025", q.FieldVal)
	}
	t, f := true, false
	d := query.NewDateRangeInclusiveQuery(start, end, &t, &f)
	d.SetField(q.FieldVal)
	return d, nil
}
