package einnsyn

import (
	"sort"
	"unicode/utf8"
)

// node is one Noark 5 object (a møtemappe, a møtesaksregistrering, a
// saksmappe …) as either format writes it.
type node struct {
	id     string // systemID (XML) or @id (JSON-LD); "" if none
	types  []string
	props  map[string][]value // by normalised local name
	at     Pos
	parent *node // the enclosing element (XML), nil in JSON-LD
}

// value is one value of a property: a literal, a reference to another
// node by id, or a node written inside this one.
type value struct {
	lit  string
	ref  string
	node *node
	at   Pos
}

// text is the value as a string: the literal, or the id it refers to.
func (v value) text() string {
	if v.ref != "" {
		return v.ref
	}
	return v.lit
}

func (n *node) is(typ string) bool {
	for _, t := range n.types {
		if t == typ {
			return true
		}
	}
	return false
}

func (n *node) add(prop string, v value) {
	if n.props == nil {
		n.props = map[string][]value{}
	}
	n.props[prop] = append(n.props[prop], v)
}

// graph is every node of a file in the order written, and the nodes by id.
type graph struct {
	nodes []*node
	byID  map[string]*node
}

func newGraph() *graph { return &graph{byID: map[string]*node{}} }

func (g *graph) add(n *node) {
	g.nodes = append(g.nodes, n)
	if n.id != "" && g.byID[n.id] == nil {
		g.byID[n.id] = n
	}
}

// lineIndex turns byte offsets into lines and columns. Offsets are asked
// for mostly in increasing order, so the last answer is kept and counting
// goes on from it: a file written on one long line costs no more than one
// with many.
type lineIndex struct {
	src      []byte
	starts   []int
	lastOff  int
	lastLine int
	lastCol  int
}

func newLineIndex(src []byte) *lineIndex {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &lineIndex{src: src, starts: starts, lastLine: 0}
}

// pos is the line and column of byte offset off; columns count characters.
func (li *lineIndex) pos(off int) Pos {
	off = max(0, min(off, len(li.src)))
	i := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off }) - 1
	from, col := li.starts[i], 1
	if li.lastLine == i+1 && li.lastOff <= off {
		from, col = li.lastOff, li.lastCol
	}
	col += utf8.RuneCount(li.src[from:off])
	li.lastOff, li.lastLine, li.lastCol = off, i+1, col
	return Pos{i + 1, col}
}
