// Package jsonstat owns reading JSON-stat 2.0 datasets as SSB's
// statistikkbank API (PxWebApi v2, outputFormat=json-stat2) answers them.
//
// Parse reads one dataset (class "dataset", version "2.0") into a typed
// Dataset: its dimensions in id order, each with its categories in index
// order, and its values as a dense cube, each with its status. Lookup
// finds a value by one category id per dimension. The file is validated
// strictly and every problem is reported with its line and column.
package jsonstat

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Dataset is a JSON-stat 2.0 dataset.
type Dataset struct {
	Label   string
	Source  string
	Updated string // as written: a date or an ISO 8601 time
	Note    []string
	// TableID is SSB's table number from extension.px.tableid ("12362"),
	// or "" if the file does not give it.
	TableID string
	IDOff   int // the byte offset of the id array, which lists the dimensions
	// Dimensions in the order of the dataset's id; the value cube varies
	// fastest along the last.
	Dimensions []*Dimension
	// Role lists the dimension ids with role "time", "geo" and "metric".
	Role   map[string][]string
	Values []Value // len is the product of the dimensions' sizes
}

// Dimension is one dimension of a dataset.
type Dimension struct {
	ID         string
	Label      string
	Categories []Category // in index order
	Off        int        // the byte offset of the dimension's object
	index      map[string]int
}

// Category is one category of a dimension.
type Category struct {
	ID    string
	Label string // the id if the dataset gives no label
	Unit  *Unit  // for metric categories, if given
	Off   int    // the byte offset of the category's entry in the index
}

// Unit describes a metric category's unit.
type Unit struct {
	Label    string // as SSB writes it, e.g. "kr"
	Decimals int    // -1 if not given
}

// Value is one cell of the cube.
type Value struct {
	Null   bool    // no figure (null, or missing from a sparse value object)
	Number float64 // the figure, if not Null
	Text   string  // the number exactly as written, e.g. "54321" or "12.5"
	Status string  // SSB's mark: ".." no data, "." not applicable, ":" confidential …
	Off    int     // the byte offset of the value; -1 if missing from a sparse object
}

// LineCol converts a byte offset in the file Parse read into a 1-based
// line and column (columns count characters), for messages about a value
// the dataset was read from.
func LineCol(src []byte, off int) (line, col int) { return lineCol(src, off) }

// Problem is one thing wrong with a file, at line:col.
type Problem struct {
	Line, Col int
	Message   string
}

// Error is every problem found in a file.
type Error struct {
	File     string
	Problems []Problem
}

func (e *Error) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "%s:%d:%d: %s", e.File, p.Line, p.Col, p.Message)
	}
	return b.String()
}

// MaxCells bounds the cube: a KOSTRA extract for a few regions, functions
// and years has thousands; ten million is a mistake or an attack.
const MaxCells = 10_000_000

// MaxFileSize bounds the file Parse reads.
const MaxFileSize = 256 << 20

// Parse reads a JSON-stat 2.0 dataset; name is the file's name for
// messages. On any problem it returns an *Error with every problem found
// and no dataset.
func Parse(name string, src []byte) (*Dataset, error) {
	p := &parser{src: src}
	if len(src) > MaxFileSize {
		p.bad(0, "the file is larger than %d MB: ask SSB for fewer regions, functions or years", MaxFileSize>>20)
		return nil, p.err(name)
	}
	root, err := parseTree(src)
	if err != nil {
		pe := err.(*posError)
		p.bad(pe.off, "%s", pe.msg)
		return nil, p.err(name)
	}
	ds := p.dataset(root)
	if len(p.probs) > 0 {
		return nil, p.err(name)
	}
	return ds, nil
}

type parser struct {
	src   []byte
	probs []Problem
}

func (p *parser) bad(off int, format string, args ...any) {
	l, c := lineCol(p.src, off)
	p.probs = append(p.probs, Problem{l, c, fmt.Sprintf(format, args...)})
}

func (p *parser) err(name string) error { return &Error{File: name, Problems: p.probs} }

// want checks a node's kind; a missing node is reported at off as missing.
func (p *parser) want(n *node, kind byte, what string, off int) bool {
	if n == nil {
		p.bad(off, "%s is missing: a JSON-stat 2.0 dataset has it", what)
		return false
	}
	if n.kind != kind {
		p.bad(n.off, "%s is %s, want %s", what, kindName(n.kind), kindName(kind))
		return false
	}
	return true
}

// str reads an optional string property.
func (p *parser) str(obj *node, key string) string {
	n, _ := obj.get(key)
	if n == nil {
		return ""
	}
	if n.kind != '"' {
		p.bad(n.off, "%q is %s, want a string", key, kindName(n.kind))
		return ""
	}
	return n.str
}

func (p *parser) dataset(root *node) *Dataset {
	if !p.want(root, '{', "the dataset", 0) {
		return nil
	}
	if v, _ := root.get("version"); v == nil || v.kind != '"' || v.str != "2.0" {
		p.bad(offOr(v, root.off), `version must be "2.0": save the answer with outputFormat=json-stat2 (JSON-stat 2.0)`)
	}
	if c, _ := root.get("class"); c == nil || c.kind != '"' || c.str != "dataset" {
		p.bad(offOr(c, root.off), `class must be "dataset": the file must hold one JSON-stat dataset`)
	}
	ds := &Dataset{Label: p.str(root, "label"), Source: p.str(root, "source"), Updated: p.str(root, "updated"), Role: map[string][]string{}}
	if u, _ := root.get("updated"); u != nil && u.kind == '"' && !validTime(u.str) {
		p.bad(u.off, "updated %q is not an ISO 8601 date or time (2026-02-25 or 2026-02-25T07:00:00Z)", u.str)
	}
	ds.Note = p.notes(root)
	ds.TableID = p.tableID(root)
	ids, sizes := p.idSize(root)
	if idN, _ := root.get("id"); idN != nil {
		ds.IDOff = idN.off
	}
	p.dimensions(root, ds, ids, sizes)
	p.roles(root, ds, ids)
	if len(ds.Dimensions) != len(ids) || len(p.probs) > 0 {
		return nil
	}
	total := 1
	for _, s := range sizes {
		total *= s
	}
	ds.Values = p.values(root, total)
	return ds
}

func offOr(n *node, off int) int {
	if n != nil {
		return n.off
	}
	return off
}

func validTime(s string) bool {
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04:05.999999999Z07:00"} {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

// tableID reads extension.px.tableid, where SSB names the table; any
// other extension is SSB's own and is not read.
func (p *parser) tableID(root *node) string {
	ext, _ := root.get("extension")
	px, _ := ext.get("px")
	id, _ := px.get("tableid")
	if id == nil {
		return ""
	}
	if id.kind != '"' {
		p.bad(id.off, "extension.px.tableid is %s, want the table number as a string, e.g. \"12362\"", kindName(id.kind))
		return ""
	}
	return id.str
}

// notes reads note: an array of strings.
func (p *parser) notes(root *node) []string {
	n, _ := root.get("note")
	if n == nil {
		return nil
	}
	if n.kind != '[' {
		p.bad(n.off, "note is %s, want an array of texts", kindName(n.kind))
		return nil
	}
	var out []string
	for _, k := range n.kids {
		if k.kind != '"' {
			p.bad(k.off, "a note is %s, want a text", kindName(k.kind))
			continue
		}
		out = append(out, k.str)
	}
	return out
}

// idSize reads id and size, which must agree.
func (p *parser) idSize(root *node) ([]string, []int) {
	idN, _ := root.get("id")
	sizeN, _ := root.get("size")
	var ids []string
	var sizes []int
	if p.want(idN, '[', "id", root.off) {
		seen := map[string]bool{}
		for _, k := range idN.kids {
			switch {
			case k.kind != '"' || k.str == "":
				p.bad(k.off, "a dimension id is %s, want a non-empty string", kindName(k.kind))
			case seen[k.str]:
				p.bad(k.off, "dimension id %q is listed twice in id", k.str)
			default:
				seen[k.str] = true
				ids = append(ids, k.str)
			}
		}
		if len(idN.kids) == 0 {
			p.bad(idN.off, "id is empty: a dataset has at least one dimension")
		}
	}
	if p.want(sizeN, '[', "size", root.off) {
		total := 1
		for _, k := range sizeN.kids {
			n, err := strconv.Atoi(k.str)
			if k.kind != '0' || err != nil || n < 0 {
				p.bad(k.off, "a size is %s, want a whole number of categories", quoteNode(k))
				n = 0
			}
			sizes = append(sizes, n)
			if n > 0 && total > MaxCells/n {
				p.bad(k.off, "the sizes give more than %d values: ask SSB for fewer categories", MaxCells)
				return nil, nil
			}
			total *= max(n, 1)
		}
		if idN != nil && idN.kind == '[' && len(sizeN.kids) != len(idN.kids) {
			p.bad(sizeN.off, "size has %d numbers but id names %d dimensions: one size per dimension, in the same order", len(sizeN.kids), len(idN.kids))
		}
	}
	return ids, sizes
}

func quoteNode(n *node) string {
	if n.kind == '"' {
		return strconv.Quote(n.str)
	}
	if n.kind == '0' {
		return n.str
	}
	return kindName(n.kind)
}

// dimensions reads the dimension object: one entry per id, in id order.
func (p *parser) dimensions(root *node, ds *Dataset, ids []string, sizes []int) {
	dimN, dimOff := root.get("dimension")
	if !p.want(dimN, '{', "dimension", root.off) {
		return
	}
	_ = dimOff
	for i, k := range dimN.keys {
		if !slices.Contains(ids, k) {
			p.bad(dimN.koff[i], "dimension %q is not listed in id: list it in id (and size), or remove it", k)
		}
	}
	for i, id := range ids {
		dn, _ := dimN.get(id)
		if dn == nil {
			p.bad(dimN.off, "dimension %q is listed in id but missing from dimension: the file is incomplete; fetch it again", id)
			continue
		}
		d := p.dimension(id, dn)
		if d == nil {
			continue
		}
		if i < len(sizes) && len(d.Categories) != sizes[i] {
			cn, _ := dn.get("category")
			p.bad(offOr(cn, dn.off), "dimension %q has %d categories but size says %d", id, len(d.Categories), sizes[i])
		}
		ds.Dimensions = append(ds.Dimensions, d)
	}
}

// dimension reads one dimension's category index, labels and units.
func (p *parser) dimension(id string, dn *node) *Dimension {
	if !p.want(dn, '{', fmt.Sprintf("dimension %q", id), dn.off) {
		return nil
	}
	d := &Dimension{ID: id, Label: p.str(dn, "label"), Off: dn.off, index: map[string]int{}}
	cat, _ := dn.get("category")
	if !p.want(cat, '{', fmt.Sprintf("dimension %q's category", id), dn.off) {
		return nil
	}
	idx, _ := cat.get("index")
	lab, _ := cat.get("label")
	var order []string
	var offs []int
	switch {
	case idx == nil:
		if lab == nil || lab.kind != '{' || len(lab.keys) != 1 {
			p.bad(cat.off, "dimension %q's category has no index: give index (needed unless there is exactly one category, named in label)", id)
			return nil
		}
		order, offs = lab.keys, lab.koff
	case idx.kind == '[':
		for _, k := range idx.kids {
			if k.kind != '"' {
				p.bad(k.off, "a category id is %s, want a string", kindName(k.kind))
				return nil
			}
			if _, dup := d.index[k.str]; dup {
				p.bad(k.off, "category %q is listed twice in dimension %q's index", k.str, id)
				return nil
			}
			d.index[k.str] = len(order)
			order = append(order, k.str)
			offs = append(offs, k.off)
		}
	case idx.kind == '{':
		order = make([]string, len(idx.keys))
		offs = make([]int, len(idx.keys))
		for i, k := range idx.keys {
			n, err := strconv.Atoi(idx.kids[i].str)
			if idx.kids[i].kind != '0' || err != nil || n < 0 || n >= len(idx.keys) {
				p.bad(idx.kids[i].off, "category %q has index %s: indexes run from 0 to %d, one per category", k, quoteNode(idx.kids[i]), len(idx.keys)-1)
				return nil
			}
			if order[n] != "" {
				p.bad(idx.kids[i].off, "categories %q and %q have the same index %d", order[n], k, n)
				return nil
			}
			order[n], offs[n] = k, idx.koff[i]
		}
	default:
		p.bad(idx.off, "dimension %q's index is %s, want an array or an object", id, kindName(idx.kind))
		return nil
	}
	for i, c := range order {
		d.index[c] = i
		d.Categories = append(d.Categories, Category{ID: c, Label: c, Off: offs[i]})
	}
	p.labels(d, lab)
	unit, _ := cat.get("unit")
	p.units(d, unit)
	return d
}

// labels sets the categories' labels; a label for a category not in the
// index is an error.
func (p *parser) labels(d *Dimension, lab *node) {
	if lab == nil {
		return
	}
	if lab.kind != '{' {
		p.bad(lab.off, "dimension %q's category label is %s, want an object", d.ID, kindName(lab.kind))
		return
	}
	for i, k := range lab.keys {
		j, ok := d.index[k]
		switch {
		case !ok:
			p.bad(lab.koff[i], "label for category %q, which is not in dimension %q's index", k, d.ID)
		case lab.kids[i].kind != '"':
			p.bad(lab.kids[i].off, "the label of %q is %s, want a string", k, kindName(lab.kids[i].kind))
		default:
			d.Categories[j].Label = lab.kids[i].str
		}
	}
}

// units reads category.unit (for metric dimensions).
func (p *parser) units(d *Dimension, unit *node) {
	if unit == nil {
		return
	}
	if unit.kind != '{' {
		p.bad(unit.off, "dimension %q's unit is %s, want an object", d.ID, kindName(unit.kind))
		return
	}
	for i, k := range unit.keys {
		j, ok := d.index[k]
		if !ok {
			p.bad(unit.koff[i], "unit for category %q, which is not in dimension %q's index", k, d.ID)
			continue
		}
		u := &Unit{Decimals: -1}
		un := unit.kids[i]
		if un.kind != '{' {
			p.bad(un.off, "the unit of %q is %s, want an object", k, kindName(un.kind))
			continue
		}
		u.Label = p.str(un, "label")
		if u.Label == "" {
			u.Label = p.str(un, "base") // SSB writes the unit as base
		}
		if dn, _ := un.get("decimals"); dn != nil {
			n, err := strconv.Atoi(dn.str)
			if dn.kind != '0' || err != nil || n < 0 {
				p.bad(dn.off, "decimals is %s, want a whole number", quoteNode(dn))
			} else {
				u.Decimals = n
			}
		}
		d.Categories[j].Unit = u
	}
}

// roles reads role: time, geo and metric, each a list of dimension ids.
func (p *parser) roles(root *node, ds *Dataset, ids []string) {
	r, _ := root.get("role")
	if r == nil {
		return
	}
	if r.kind != '{' {
		p.bad(r.off, "role is %s, want an object", kindName(r.kind))
		return
	}
	for i, k := range r.keys {
		if k != "time" && k != "geo" && k != "metric" {
			p.bad(r.koff[i], "role %q: JSON-stat 2.0 has the roles time, geo and metric", k)
			continue
		}
		list := r.kids[i]
		if list.kind != '[' {
			p.bad(list.off, "role %s is %s, want an array of dimension ids", k, kindName(list.kind))
			continue
		}
		for _, e := range list.kids {
			if e.kind != '"' || !slices.Contains(ids, e.str) {
				p.bad(e.off, "role %s names %s, which is not a dimension in id", k, quoteNode(e))
				continue
			}
			ds.Role[k] = append(ds.Role[k], e.str)
		}
	}
}

// values reads value (an array with one entry per cell, or a sparse object
// of cell index → value) and status (one text for all, an array, or a
// sparse object).
func (p *parser) values(root *node, total int) []Value {
	vn, _ := root.get("value")
	if vn == nil {
		p.bad(root.off, "value is missing: a JSON-stat 2.0 dataset has it")
		return nil
	}
	out := make([]Value, total)
	for i := range out {
		out[i].Null, out[i].Off = true, -1
	}
	switch vn.kind {
	case '[':
		if len(vn.kids) != total {
			p.bad(vn.off, "value has %d entries but the sizes give %d (the product of size): the file is incomplete or the sizes are wrong", len(vn.kids), total)
			return nil
		}
		for i, k := range vn.kids {
			out[i] = p.value(k)
		}
	case '{':
		for i, k := range vn.keys {
			j, ok := p.cellIndex(k, total, vn.koff[i], "value")
			if ok {
				out[j] = p.value(vn.kids[i])
			}
		}
	default:
		p.bad(vn.off, "value is %s, want an array or an object", kindName(vn.kind))
		return nil
	}
	p.status(root, out)
	return out
}

// cellIndex reads a sparse object's key as a cell index.
func (p *parser) cellIndex(k string, total, off int, what string) (int, bool) {
	j, err := strconv.Atoi(k)
	if err != nil || j < 0 || j >= total || strconv.Itoa(j) != k {
		p.bad(off, "%s key %q is not a cell index: indexes run from 0 to %d", what, k, total-1)
		return 0, false
	}
	return j, true
}

// value reads one cell: a number or null.
func (p *parser) value(n *node) Value {
	switch n.kind {
	case 'n':
		return Value{Null: true, Off: n.off}
	case '0':
		f, err := strconv.ParseFloat(n.str, 64)
		if err != nil || math.IsInf(f, 0) {
			p.bad(n.off, "value %s is out of range", n.str)
			return Value{Null: true, Off: n.off}
		}
		return Value{Number: f, Text: n.str, Off: n.off}
	}
	p.bad(n.off, "a value is %s, want a number or null", quoteNode(n))
	return Value{Null: true, Off: n.off}
}

// status attaches the statuses to the values.
func (p *parser) status(root *node, vals []Value) {
	sn, _ := root.get("status")
	if sn == nil {
		return
	}
	set := func(i int, n *node) {
		switch n.kind {
		case '"':
			vals[i].Status = n.str
		case 'n':
		default:
			p.bad(n.off, "a status is %s, want a text such as \"..\"", kindName(n.kind))
		}
	}
	switch sn.kind {
	case '"':
		for i := range vals {
			vals[i].Status = sn.str
		}
	case '[':
		switch len(sn.kids) {
		case 1:
			for i := range vals {
				set(i, sn.kids[0])
			}
		case len(vals):
			for i, k := range sn.kids {
				set(i, k)
			}
		default:
			p.bad(sn.off, "status has %d entries but there are %d values: one per value, or one for all", len(sn.kids), len(vals))
		}
	case '{':
		for i, k := range sn.keys {
			if j, ok := p.cellIndex(k, len(vals), sn.koff[i], "status"); ok {
				set(j, sn.kids[i])
			}
		}
	default:
		p.bad(sn.off, "status is %s, want a text, an array or an object", kindName(sn.kind))
	}
}

// Dimension returns the dimension with that id, or nil.
func (ds *Dataset) Dimension(id string) *Dimension {
	for _, d := range ds.Dimensions {
		if d.ID == id {
			return d
		}
	}
	return nil
}

// Index returns the position of a category in the dimension.
func (d *Dimension) Index(category string) (int, bool) {
	i, ok := d.index[category]
	return i, ok
}

// Lookup returns the value at one category per dimension, given by
// dimension id → category id; every dimension must be given.
func (ds *Dataset) Lookup(at map[string]string) (Value, error) {
	i := 0
	for _, d := range ds.Dimensions {
		c, ok := at[d.ID]
		if !ok {
			return Value{}, fmt.Errorf("no category given for dimension %q", d.ID)
		}
		j, ok := d.index[c]
		if !ok {
			return Value{}, fmt.Errorf("dimension %q has no category %q", d.ID, c)
		}
		i = i*len(d.Categories) + j
	}
	if len(at) != len(ds.Dimensions) {
		for k := range at {
			if ds.Dimension(k) == nil {
				return Value{}, fmt.Errorf("the dataset has no dimension %q", k)
			}
		}
	}
	return ds.Values[i], nil
}
