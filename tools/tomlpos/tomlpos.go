// Package tomlpos maps the keys of a TOML document to the line and column
// where they are written, so that a diagnostic about a value can point at it.
//
// # Paths
//
// A path names one key as the decoder sees it: table and key names joined by
// dots, and array elements by a zero-based index in brackets. In
//
//	id = "kst-2025-001"
//	[[punkt]]
//	nr = 1
//	[[punkt.oppfolging]]
//	dato = 2025-03-01
//	belop = [1, 2, 3]
//
// the paths are "id", "punkt", "punkt[0]", "punkt[0].nr",
// "punkt[0].oppfolging", "punkt[0].oppfolging[0]",
// "punkt[0].oppfolging[0].dato", "punkt[0].oppfolging[0].belop" and
// "punkt[0].oppfolging[0].belop[2]" (the element 3); an array of tables is
// at its first element. Inline tables and arrays of inline tables are
// indexed the same way.
//
// The scanner assumes the document is valid TOML (it has already been parsed
// by a real decoder); on anything else it records what it can and never fails.
package tomlpos

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Pos is a 1-based line and column (columns count characters, not bytes).
type Pos struct {
	Line, Col int
}

// Index holds the position of every key and array element in a document,
// and the paths whose values were rejected (see Reject).
//
// A build holds the index of every data file until the records are checked,
// so the paths are kept sorted in one string, not as a map: at 100 000
// vedtak 154 MB instead of 375 MB.
//
// A nil *Index is a document with no keys and nothing rejected; every
// method but Reject may be called on it.
type Index struct {
	paths    string   // the written paths, sorted, one after the other
	ends     []uint32 // where each path in paths ends
	at       []at     // each path's position
	rejected map[string]bool
	limit    *Limit
	// based maps the path of each integer written in base 16, 8 or 2
	// (0x1F4, 0o777, 0b1) to its text; nil if there is none.
	based map[string]string
}

// at is a Pos in half the space.
type at struct{ line, col int32 }

// path returns the i-th path in sorted order.
func (ix *Index) path(i int) string {
	start := uint32(0)
	if i > 0 {
		start = ix.ends[i-1]
	}
	return ix.paths[start:ix.ends[i]]
}

// find returns the position of path as written.
func (ix *Index) find(path string) (Pos, bool) {
	if ix == nil {
		return Pos{}, false
	}
	i := sort.Search(len(ix.ends), func(i int) bool { return ix.path(i) >= path })
	if i < len(ix.ends) && ix.path(i) == path {
		return Pos{int(ix.at[i].line), int(ix.at[i].col)}, true
	}
	return Pos{}, false
}

// MaxDepth and MaxKeyParts bound the shape of a document Parse indexes:
// arrays and inline tables nested at most MaxDepth deep, and keys of at most
// MaxKeyParts dotted parts. A data file needs a few of each; far more is a
// mistake, and TOML readers (this one and the decoder's) slow down with the
// square of the depth.
const (
	MaxDepth    = 10
	MaxKeyParts = 10
)

// Limit says where a document went past MaxDepth or MaxKeyParts; Parse
// stops there.
type Limit struct {
	Pos
	What string // "values nested more than 10 deep", "a key of more than 10 parts"
}

// Limit returns where the document went past a limit of its shape, or nil.
func (ix *Index) Limit() *Limit {
	if ix == nil {
		return nil
	}
	return ix.limit
}

// Reject records that the value at path was reported as unusable (a value
// of the wrong type, say) by the reader of the document; path "" rejects
// the whole document.
func (ix *Index) Reject(path string) {
	if ix.rejected == nil {
		ix.rejected = map[string]bool{}
	}
	ix.rejected[path] = true
}

// RejectedUnder reports whether the value at path, at one of its ancestors
// or anywhere under it was rejected: a list of tables with a rejected
// element says so.
func (ix *Index) RejectedUnder(path string) bool {
	if ix == nil {
		return false
	}
	if ix.Rejected(path) {
		return true
	}
	for p := range ix.rejected {
		if strings.HasPrefix(p, path+".") || strings.HasPrefix(p, path+"[") {
			return true
		}
	}
	return false
}

// Rejected reports whether the value at path, or at one of its ancestors,
// was rejected: whatever is wrong there has been said already.
func (ix *Index) Rejected(path string) bool {
	if ix == nil {
		return false
	}
	for p := path; ; p = parent(p) {
		if ix.rejected[p] {
			return true
		}
		if p == "" {
			return false
		}
	}
}

// Lookup returns the position of path. If path is not written in the
// document (a missing key), it returns the position of its nearest written
// ancestor, and 1:1 if there is none.
func (ix *Index) Lookup(path string) Pos {
	for p := path; p != ""; p = parent(p) {
		if pos, ok := ix.find(p); ok {
			return pos
		}
	}
	return Pos{1, 1}
}

// NonDecimal returns the text of the integer at path if it is written in
// hexadecimal, octal or binary (0x1F4, 0o777, 0b1) and the base's name: a
// TOML reader gives such a number with no trace of how it was written.
func (ix *Index) NonDecimal(path string) (text, base string, ok bool) {
	if ix == nil {
		return "", "", false
	}
	text, ok = ix.based[path]
	if !ok {
		return "", "", false
	}
	return text, baseName(text), true
}

// baseName names the base of an integer literal by its prefix.
func baseName(lit string) string {
	switch strings.ToLower(strings.TrimLeft(lit, "+-"))[:2] {
	case "0x":
		return "hexadecimal"
	case "0o":
		return "octal"
	}
	return "binary"
}

// nonDecimal reports whether lit is an integer written with a base prefix.
func nonDecimal(lit string) bool {
	lit = strings.TrimLeft(lit, "+-")
	return len(lit) > 2 && lit[0] == '0' && strings.ContainsRune("xob", rune(lit[1]))
}

// Has reports whether path is written in the document.
func (ix *Index) Has(path string) bool {
	_, ok := ix.find(path)
	return ok
}

// parent strips the last segment of a path: "a[1].b" → "a[1]" → "a" → "".
func parent(p string) string {
	if strings.HasSuffix(p, "]") {
		if i := strings.LastIndexByte(p, '['); i >= 0 {
			return p[:i]
		}
	}
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return ""
}

// Join appends a key to a path.
func Join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Elem appends an array index to a path.
func Elem(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// Parse indexes src.
func Parse(src []byte) *Index {
	s := &scanner{src: src, line: 1, col: 1, ix: &Index{}, arrays: map[string]int{}}
	s.document()
	s.freeze()
	return s.ix
}

// written is a path and where it is written, as the scanner records them.
type written struct {
	path string
	pos  Pos
}

// freeze sorts the recorded paths into the index, each at the place it is
// first written.
func (s *scanner) freeze() {
	w := s.written
	slices.SortStableFunc(w, func(a, b written) int { return strings.Compare(a.path, b.path) })
	w = slices.CompactFunc(w, func(a, b written) bool { return a.path == b.path })
	n := 0
	for _, e := range w {
		n += len(e.path)
	}
	var b strings.Builder
	b.Grow(n)
	ix := s.ix
	ix.ends = make([]uint32, len(w))
	ix.at = make([]at, len(w))
	for i, e := range w {
		b.WriteString(e.path)
		ix.ends[i] = uint32(b.Len())
		ix.at[i] = at{int32(e.pos.Line), int32(e.pos.Col)}
	}
	ix.paths = b.String()
}

type scanner struct {
	src       []byte
	off       int
	line, col int
	ix        *Index
	written   []written // in document order; freeze puts them in ix
	depth     int       // of arrays and inline tables
	// arrays maps an array-of-tables path (with the indices of its
	// parents resolved) to the index of its latest element.
	arrays map[string]int
}

func (s *scanner) eof() bool { return s.off >= len(s.src) }

func (s *scanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.off]
}

func (s *scanner) hasPrefix(p string) bool {
	return strings.HasPrefix(string(s.src[s.off:min(len(s.src), s.off+len(p))]), p)
}

func (s *scanner) advance() {
	if s.eof() {
		return
	}
	r, n := utf8.DecodeRune(s.src[s.off:])
	s.off += n
	if r == '\n' {
		s.line++
		s.col = 1
	} else {
		s.col++
	}
}

func (s *scanner) advanceN(n int) {
	for range n {
		s.advance()
	}
}

func (s *scanner) here() Pos { return Pos{s.line, s.col} }

func (s *scanner) record(path string, p Pos) {
	if path == "" {
		return
	}
	s.written = append(s.written, written{path, p})
}

// skipSpace skips blanks and tabs; with newlines also line breaks and comments.
func (s *scanner) skipSpace(newlines bool) {
	for !s.eof() {
		switch c := s.peek(); {
		case c == ' ' || c == '\t' || c == '\r':
			s.advance()
		case c == '#':
			for !s.eof() && s.peek() != '\n' {
				s.advance()
			}
		case c == '\n' && newlines:
			s.advance()
		default:
			return
		}
	}
}

func (s *scanner) skipLine() {
	for !s.eof() && s.peek() != '\n' {
		s.advance()
	}
	s.advance()
}

func (s *scanner) document() {
	table := ""
	for {
		s.skipSpace(true)
		if s.eof() {
			return
		}
		start := s.here()
		switch {
		case s.hasPrefix("[["):
			s.advanceN(2)
			keys := s.keys()
			table = s.resolve(keys, true)
			s.record(parent(table), start) // the array, at its first element
			s.record(table, start)
			s.skipLine()
		case s.peek() == '[':
			s.advance()
			keys := s.keys()
			table = s.resolve(keys, false)
			s.record(table, start)
			s.skipLine()
		default:
			before := s.off
			s.keyValue(table)
			s.skipSpace(false)
			if !s.eof() && s.peek() != '\n' || s.off == before {
				s.skipLine() // not valid TOML; resynchronise
			}
		}
	}
}

// resolve turns the keys of a table header into a path, giving each
// segment that names an array of tables the index of its latest element.
// For an array-of-tables header the last segment gets a new element.
func (s *scanner) resolve(keys []string, newElem bool) string {
	path := ""
	for i, k := range keys {
		path = Join(path, k)
		if i == len(keys)-1 && newElem {
			n, ok := s.arrays[path]
			if ok {
				n++
			}
			s.arrays[path] = n
			return Elem(path, n)
		}
		if n, ok := s.arrays[path]; ok {
			path = Elem(path, n)
		}
	}
	return path
}

// keys reads a dotted key and returns its segments. It stops after the key
// (before "=", "]" or "]]").
func (s *scanner) keys() []string {
	var out []string
	for {
		s.skipSpace(false)
		if len(out) == MaxKeyParts {
			s.stop("a key of more than " + strconv.Itoa(MaxKeyParts) + " parts")
			return out
		}
		out = append(out, s.key())
		s.skipSpace(false)
		if s.peek() != '.' {
			return out
		}
		s.advance()
	}
}

func (s *scanner) key() string {
	switch s.peek() {
	case '"':
		return s.basicString()
	case '\'':
		return s.literalString()
	}
	// Bare keys: anything up to a delimiter (TOML 1.1 allows non-ASCII).
	start := s.off
	for !s.eof() && !strings.ContainsRune(" \t\r\n=.[]{}\"'#,", rune(s.peek())) {
		s.advance()
	}
	return string(s.src[start:s.off])
}

// keyValue reads "key = value" relative to table.
func (s *scanner) keyValue(table string) {
	start := s.here()
	keys := s.keys()
	path := table
	for _, k := range keys {
		path = Join(path, k)
	}
	s.record(path, start)
	s.skipSpace(false)
	if s.peek() != '=' {
		return
	}
	s.advance()
	s.skipSpace(false)
	s.value(path)
}

// value reads one value whose path is path.
func (s *scanner) value(path string) {
	switch {
	case s.hasPrefix(`"""`):
		s.multiline(`"""`, true)
	case s.hasPrefix(`'''`):
		s.multiline(`'''`, false)
	case s.peek() == '"':
		s.basicString()
	case s.peek() == '\'':
		s.literalString()
	case s.peek() == '[':
		s.array(path)
	case s.peek() == '{':
		s.inlineTable(path)
	default:
		start := s.off
		for !s.eof() {
			c := s.peek()
			if c == ',' || c == ']' || c == '}' || c == '\n' || c == '#' || c == '\r' {
				break
			}
			// A space ends a value except inside an offset date-time
			// ("1979-05-27 07:32:00"), which is harmless to read on.
			if c == ' ' || c == '\t' {
				rest := s.src[s.off+1:]
				if len(rest) == 0 || !(rest[0] >= '0' && rest[0] <= '9') {
					break
				}
			}
			s.advance()
		}
		s.scalar(path, start)
	}
}

// scalar records the scalar value at path, written from start to here,
// if it is an integer in a base other than 10.
func (s *scanner) scalar(path string, start int) {
	b := s.src[start:s.off]
	if len(b) < 3 || b[0] != '0' && b[0] != '+' && b[0] != '-' {
		return // the common case, without making a string
	}
	lit := string(b)
	if !nonDecimal(lit) {
		return
	}
	if s.ix.based == nil {
		s.ix.based = map[string]string{}
	}
	s.ix.based[path] = lit
}

// stop ends the scan where the document goes past a limit.
func (s *scanner) stop(what string) {
	if s.ix.limit == nil {
		s.ix.limit = &Limit{s.here(), what}
	}
	s.off = len(s.src)
}

// nest enters an array or inline table; it returns false, and stops the
// scan, past MaxDepth.
func (s *scanner) nest() bool {
	s.depth++
	if s.depth > MaxDepth {
		s.stop("values nested more than " + strconv.Itoa(MaxDepth) + " deep")
		return false
	}
	return true
}

func (s *scanner) array(path string) {
	defer func() { s.depth-- }()
	if !s.nest() {
		return
	}
	s.advance() // [
	for i := 0; ; i++ {
		s.skipSpace(true)
		if s.eof() {
			return
		}
		if s.peek() == ']' {
			s.advance()
			return
		}
		before := s.off
		elem := Elem(path, i)
		s.record(elem, s.here())
		s.value(elem)
		s.skipSpace(true)
		if s.peek() == ',' {
			s.advance()
		}
		if s.off == before {
			s.advance() // not valid TOML; make progress
		}
	}
}

func (s *scanner) inlineTable(path string) {
	defer func() { s.depth-- }()
	if !s.nest() {
		return
	}
	s.advance() // {
	for {
		s.skipSpace(true)
		if s.eof() {
			return
		}
		if s.peek() == '}' {
			s.advance()
			return
		}
		before := s.off
		s.keyValue(path)
		s.skipSpace(true)
		if s.peek() == ',' {
			s.advance()
		}
		if s.off == before {
			s.advance() // not valid TOML; make progress
		}
	}
}

func (s *scanner) basicString() string {
	s.advance() // "
	var b strings.Builder
	for !s.eof() && s.peek() != '"' && s.peek() != '\n' {
		if s.peek() == '\\' {
			s.advance()
		}
		b.WriteByte(s.peek())
		s.advance()
	}
	s.advance()
	return b.String()
}

func (s *scanner) literalString() string {
	s.advance() // '
	start := s.off
	for !s.eof() && s.peek() != '\'' && s.peek() != '\n' {
		s.advance()
	}
	v := string(s.src[start:s.off])
	s.advance()
	return v
}

func (s *scanner) multiline(delim string, escapes bool) {
	s.advanceN(3)
	for !s.eof() {
		if escapes && s.peek() == '\\' {
			s.advanceN(2)
			continue
		}
		if s.hasPrefix(delim) {
			s.advanceN(3)
			// Up to two more quotes may belong to the content.
			for i := 0; i < 2 && s.peek() == delim[0]; i++ {
				s.advance()
			}
			return
		}
		s.advance()
	}
}

// Find returns the written paths that name key once their array indices are
// dropped, in document order: Find("punkt", "frisst") may give
// "punkt[0].frisst" and "punkt[3].frisst". An array is listed, not its
// elements: Find("punkt") gives "punkt".
func (ix *Index) Find(key ...string) []string {
	if ix == nil {
		return nil
	}
	want := strings.Join(key, ".")
	var found []written
	for i := range ix.ends {
		// An array's elements strip to the array's own path: list the array.
		if p := ix.path(i); StripIndices(p) == want && StripIndices(parent(p)) != want {
			found = append(found, written{p, Pos{int(ix.at[i].line), int(ix.at[i].col)}})
		}
	}
	slices.SortFunc(found, func(a, b written) int {
		return cmp.Or(cmp.Compare(a.pos.Line, b.pos.Line), cmp.Compare(a.pos.Col, b.pos.Col))
	})
	var out []string
	for _, f := range found {
		out = append(out, f.path)
	}
	return out
}

// StripIndices drops the array indices of a key path:
// "punkt[2].oppfolging[0]" → "punkt.oppfolging", as a table header names it.
func StripIndices(p string) string {
	var b strings.Builder
	depth := 0
	for _, c := range p {
		switch {
		case c == '[':
			depth++
		case c == ']':
			depth--
		case depth == 0:
			b.WriteRune(c)
		}
	}
	return b.String()
}
