package search

import (
	"strings"

	"github.com/blevesearch/bleve/v2/search/query"
)

// Synonym maps words visitors type to what they mean on this site: a
// record of kinds and states the words themselves need not be in. With
// Request.Recall, a bare word of Words (in lower case) also finds the
// documents with every field:value of Must, as one more alternative next
// to the word itself.
type Synonym struct {
	Words []string `json:"words"`
	Must  []string `json:"must"` // field:value of facet fields
}

// Synonyms is the curated list, the one place it is kept: the index build
// writes it into the head, for the browser's reader. Keep it small, and
// add a word only for a meaning the site's data states (a facet value).
var Synonyms = []Synonym{
	{
		Words: []string{"overskridelse", "overskridelsen", "overskridelser", "overskridelsene",
			"overskriding", "overskridingar", "sprekk", "sprekken", "sprukket", "budsjettsprekk",
			"kostnadssprekk", "overskredet", "overskriden", "overskride"},
		Must: []string{"type:prosjekt", "status:over_ramme"},
	},
	{
		Words: []string{"forsinket", "forsinkelse", "forsinkelser", "forsinka", "forseinka", "forseinking", "etterslep"},
		Must:  []string{"status:forsinket"},
	},
}

// synonymOf is the synonym of a word, or nil.
func synonymOf(syns []Synonym, w string) *Synonym {
	w = strings.ToLower(w)
	for i := range syns {
		for _, s := range syns[i].Words {
			if s == w {
				return &syns[i]
			}
		}
	}
	return nil
}

// synonymQuery is the conjunction of a synonym's field:value terms.
func synonymQuery(s *Synonym) query.Query {
	var qs []query.Query
	for _, fv := range s.Must {
		f, v, _ := strings.Cut(fv, ":")
		t := query.NewTermQuery(v)
		t.SetField(f)
		qs = append(qs, t)
	}
	return query.NewConjunctionQuery(qs)
}

// synonymWords adds, in a parsed and rewritten query, to each bare word's
// text-field disjunction (plainWord's) the query of its synonym.
func synonymWords(q query.Query, syns []Synonym) query.Query {
	eachDisjunction(q, func(d *query.DisjunctionQuery) bool {
		m, ok := firstMatch(d)
		if !ok {
			return true
		}
		if s := synonymOf(syns, m.Match); s != nil && recallWord(m.Match) {
			d.Disjuncts = append(d.Disjuncts, synonymQuery(s))
		}
		return false
	})
	return q
}

// firstMatch is the word of plainWord's disjunction: a match of the same
// text in each text field, in order.
func firstMatch(q *query.DisjunctionQuery) (*query.MatchQuery, bool) {
	tf := textFields()
	if len(q.Disjuncts) != len(tf) {
		return nil, false
	}
	var first *query.MatchQuery
	for i, c := range q.Disjuncts {
		m, ok := c.(*query.MatchQuery)
		if !ok || m.FieldVal != tf[i].Name || first != nil && m.Match != first.Match {
			return nil, false
		}
		if first == nil {
			first = m
		}
	}
	return first, true
}
