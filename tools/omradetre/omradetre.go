// Package omradetre owns the tree of rammeområder: each area's optional
// overordnet (parent) in data/rammeomrader.toml, the cycles and unknown
// parents that make a tree impossible, and the subtotals of a figure
// given at any level (a parent's figure is the sum of its children's where
// it is not stated).
package omradetre

import (
	"slices"
)

// Node is one area as the tree sees it.
type Node struct {
	ID         string
	Overordnet string // "" for a top-level area
}

// Tree is the areas with their parents and children, in file order.
type Tree struct {
	ids      []string
	parent   map[string]string
	children map[string][]string
}

// Cycle is a chain of areas each naming the next as its parent, back to
// the first: ["a", "b", "a"].
type Cycle []string

// Build makes the tree of nodes. A parent that is not an area (Unknown
// reports those) and every area on or below a cycle (Cycles reports those)
// is treated as top-level, so that the tree is always usable.
func Build(nodes []Node) *Tree {
	t := &Tree{parent: map[string]string{}, children: map[string][]string{}}
	known := map[string]bool{}
	for _, n := range nodes {
		if n.ID != "" && !known[n.ID] {
			known[n.ID] = true
			t.ids = append(t.ids, n.ID)
		}
	}
	for _, n := range nodes {
		if n.ID == "" || n.Overordnet == "" || !known[n.Overordnet] {
			continue
		}
		if _, dup := t.parent[n.ID]; dup {
			continue
		}
		t.parent[n.ID] = n.Overordnet
	}
	for _, c := range Cycles(nodes) {
		for _, id := range c {
			delete(t.parent, id)
		}
	}
	for _, id := range t.ids {
		if p, ok := t.parent[id]; ok {
			t.children[p] = append(t.children[p], id)
		}
	}
	return t
}

// Cycles finds each cycle of parents once, starting at the area that comes
// first in the file.
func Cycles(nodes []Node) []Cycle {
	parent := map[string]string{}
	order := []string{}
	for _, n := range nodes {
		if n.ID == "" {
			continue
		}
		if _, dup := parent[n.ID]; dup {
			continue
		}
		parent[n.ID] = n.Overordnet
		order = append(order, n.ID)
	}
	done := map[string]bool{}
	var out []Cycle
	for _, start := range order {
		onPath := map[string]int{}
		var path []string
		id := start
		for id != "" && !done[id] {
			if i, seen := onPath[id]; seen {
				c := append(Cycle{}, path[i:]...)
				out = append(out, append(c, id))
				break
			}
			if _, isArea := parent[id]; !isArea {
				break
			}
			onPath[id] = len(path)
			path = append(path, id)
			id = parent[id]
		}
		for _, p := range path {
			done[p] = true
		}
	}
	return out
}

// Parent is the area's parent, "" at the top.
func (t *Tree) Parent(id string) string { return t.parent[id] }

// Children are the area's sub-areas in file order.
func (t *Tree) Children(id string) []string { return t.children[id] }

// Top lists the top-level areas in file order.
func (t *Tree) Top() []string {
	var out []string
	for _, id := range t.ids {
		if _, ok := t.parent[id]; !ok {
			out = append(out, id)
		}
	}
	return out
}

// Depth is 0 for a top-level area, 1 for its children, and so on.
func (t *Tree) Depth(id string) int {
	d := 0
	for p, ok := t.parent[id]; ok; p, ok = t.parent[p] {
		d++
	}
	return d
}

// Ancestors lists the area's parent, grandparent, … up to the top.
func (t *Tree) Ancestors(id string) []string {
	var out []string
	for p, ok := t.parent[id]; ok; p, ok = t.parent[p] {
		out = append(out, p)
	}
	return out
}

// Under reports whether id is below (not equal to) anc.
func (t *Tree) Under(id, anc string) bool {
	return slices.Contains(t.Ancestors(id), anc)
}

// Sum is one area's figure: Stated when given for the area itself,
// Computed from its children when any child (or descendant) has one.
type Sum struct {
	Stated      int64
	HasStated   bool
	Computed    int64
	HasComputed bool
	Overflow    bool // the children's sum is out of range
}

// Value is the figure the area stands for: the stated one when given,
// else the children's sum.
func (s Sum) Value() (int64, bool) {
	if s.HasStated {
		return s.Stated, true
	}
	return s.Computed, s.HasComputed
}

// Sums computes every area's figure from the figures given (by area id),
// bottom-up: a parent's Computed is the sum of its children's Value. add
// is the checked addition (package money) and reports false on overflow.
func (t *Tree) Sums(given map[string]int64, add func(a, b int64) (int64, bool)) map[string]Sum {
	out := map[string]Sum{}
	var visit func(id string) Sum
	visit = func(id string) Sum {
		if s, ok := out[id]; ok {
			return s
		}
		var s Sum
		if v, ok := given[id]; ok {
			s.Stated, s.HasStated = v, true
		}
		for _, ch := range t.children[id] {
			cs := visit(ch)
			if v, ok := cs.Value(); ok {
				var okAdd bool
				s.Computed, okAdd = add(s.Computed, v)
				s.HasComputed = true
				s.Overflow = s.Overflow || !okAdd || cs.Overflow
			}
		}
		out[id] = s
		return s
	}
	for _, id := range t.ids {
		visit(id)
	}
	return out
}

// Total adds the top-level areas' values: what the council votes on.
func (t *Tree) Total(sums map[string]Sum, add func(a, b int64) (int64, bool)) (int64, bool) {
	var total int64
	ok := true
	for _, id := range t.Top() {
		if v, has := sums[id].Value(); has {
			var okAdd bool
			total, okAdd = add(total, v)
			ok = ok && okAdd && !sums[id].Overflow
		}
	}
	return total, ok
}
