package search

import "sort"

// Ranking by relevance puts records before their parts and a vedtak's
// points together (docs/search.md, "Records first"):
//
//   - a part (a document with a parent in the doc values: a vedtakspunkt,
//     a tiltak) scores PartWeight times what bleve gives it, so a record
//     and its part matching alike list the record first;
//   - the matching points of one vedtak are one result: the vedtak if it
//     matches too, else its best point, with Points the number of its
//     points that match; the result scores as its best document;
//   - equal scores: the newest first (dato), then the document order.
//
// The browser's reader (static/js/search-engine.js, rank) does the same;
// the differential test holds them to it.

// PartWeight is what a part's score is multiplied by.
const PartWeight = 0.5

// ranking is what grouping reads from the doc values, by ordinal.
type ranking struct {
	parent []int32 // -1: not a part
	group  []bool  // grouped under its parent
	date   []int64
	dated  []bool
}

func newRanking(dv *DocValues, n int) *ranking {
	r := &ranking{parent: make([]int32, n), group: make([]bool, n), date: make([]int64, n), dated: make([]bool, n)}
	for i := range r.parent {
		r.parent[i] = -1
	}
	for _, p := range dv.Parents {
		r.parent[p.Ord], r.group[p.Ord] = int32(p.Of), p.Group
	}
	for _, v := range dv.Numbers["dato"] {
		r.date[v.Ord], r.dated[v.Ord] = v.Value, true
	}
	return r
}

// scored is a document and its score.
type scored struct {
	ord   int
	score float64
}

// result is one listed result: a document, its score and, for a vedtak's
// group of more than one document, how many of its points match.
type result struct {
	scored
	points int
}

// before is the order of results: score, then the newest, then ordinal.
func (r *ranking) before(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if r.dated[a.ord] != r.dated[b.ord] {
		return r.dated[a.ord]
	}
	if r.dated[a.ord] && r.date[a.ord] != r.date[b.ord] {
		return r.date[a.ord] > r.date[b.ord]
	}
	return a.ord < b.ord
}

// rank weighs, groups and orders the hits of a search.
func (r *ranking) rank(hits []scored) []result {
	type group struct {
		best    scored // the best member
		members int
		points  int
	}
	matched := make(map[int]float64, len(hits))
	groups := map[int]*group{}
	var keys []int
	for _, h := range hits {
		if r.parent[h.ord] >= 0 {
			h.score *= PartWeight
		}
		matched[h.ord] = h.score
		key := h.ord
		if r.group[h.ord] {
			key = int(r.parent[h.ord])
		}
		g := groups[key]
		if g == nil {
			g = &group{best: h}
			groups[key] = g
			keys = append(keys, key)
		} else if r.before(h, g.best) {
			g.best = h
		}
		g.members++
		if r.group[h.ord] {
			g.points++
		}
	}
	out := make([]result, 0, len(keys))
	for _, key := range keys {
		g := groups[key]
		res := result{scored: g.best}
		if _, ok := matched[key]; ok {
			res.ord = key // the vedtak itself matched
		}
		if g.members > 1 {
			res.points = g.points
		}
		out = append(out, res)
	}
	sort.Slice(out, func(i, j int) bool { return r.before(out[i].scored, out[j].scored) })
	return out
}

// PackRanking ranks a term's documents as a search ranks its hits, for
// choosing the documents of a hit pack (HitPack).
type PackRanking struct{ r *ranking }

// NewPackRanking reads the ranking from the doc values of n documents.
func NewPackRanking(dv *DocValues, n int) PackRanking { return PackRanking{newRanking(dv, n)} }

// Top are the documents the first k results show (a group's vedtak, or
// its best point) when the documents ords score scores (before
// PartWeight), in the order of the results.
func (p PackRanking) Top(ords []int, scores []float64, k int) []int {
	hits := make([]scored, len(ords))
	for i, o := range ords {
		hits[i] = scored{o, scores[i]}
	}
	res := p.r.rank(hits)
	out := make([]int, 0, min(k, len(res)))
	for _, r := range res[:min(k, len(res))] {
		out = append(out, r.ord)
	}
	return out
}
