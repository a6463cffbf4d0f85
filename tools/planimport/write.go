package planimport

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/sheet"
	"github.com/openkommune/portal/tools/tomledit"
	"github.com/openkommune/portal/tools/tomlpos"
)

// newFile writes a plan file holding the one stage.
func newFile(m *sheet.Mapping, stage record.StadiumType, unit money.Unit, first int, rows []row, sums []int64) []byte {
	title := m.Title
	if title == "" {
		title = fmt.Sprintf("Økonomiplan %d–%d – netto driftsrammer", first, first+Years-1)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "id = %s\n", tomledit.Quote(m.Plan))
	fmt.Fprintf(&b, "tittel = %s\n", tomledit.Quote(title))
	fmt.Fprintf(&b, "forste_ar = %d\n", first)
	fmt.Fprintf(&b, "enhet = %s\n", tomledit.Quote(string(unit)))
	if m.Tolerance > 0 {
		fmt.Fprintf(&b, "toleranse = %d\n", m.Tolerance)
	}
	b.WriteString(stageBlock(m, stage, rows, sums, "\n"))
	return []byte(b.String())
}

// stageBlock is a new [[stadium]], with a blank line before it.
// The mapping's dato, dokument and vedtak are written with it.
func stageBlock(m *sheet.Mapping, stage record.StadiumType, rows []row, sums []int64, nl string) string {
	var b strings.Builder
	b.WriteString(nl + "[[stadium]]" + nl)
	b.WriteString("type = " + tomledit.Quote(string(stage)) + nl)
	if stage == record.Alternativ {
		b.WriteString("navn = " + tomledit.Quote(m.Name) + nl)
	}
	if !m.Date.IsZero() {
		b.WriteString("dato = " + m.Date.String() + nl)
	}
	if m.Document != "" {
		b.WriteString("dokument = " + tomledit.Quote(m.Document) + nl)
	}
	if m.Vedtak != "" {
		b.WriteString("vedtak = " + tomledit.Quote(m.Vedtak) + nl)
	}
	if sums != nil {
		b.WriteString(sumLine(sums) + nl)
	}
	b.WriteString(rammeValue(rows, nl) + nl)
	return b.String()
}

// rammeValue writes "ramme = [ … ]", one area a line, the belop aligned.
func rammeValue(rows []row, nl string) string {
	w := 0
	for _, r := range rows {
		w = max(w, len(tomledit.Quote(r.id)))
	}
	var b strings.Builder
	b.WriteString("ramme = [" + nl)
	for _, r := range rows {
		q := tomledit.Quote(r.id)
		nums := make([]string, len(r.belop))
		for i, n := range r.belop {
			nums[i] = underscored(n)
		}
		fmt.Fprintf(&b, "  { omrade = %s,%s belop = [%s] },%s", q, strings.Repeat(" ", w-len(q)), strings.Join(nums, ", "), nl)
	}
	b.WriteString("]")
	return b.String()
}

// underscored writes n with _ between thousands, as the data files do.
func underscored(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var parts []string
	for len(s) > 3 {
		parts = append([]string{s[len(s)-3:]}, parts...)
		s = s[:len(s)-3]
	}
	parts = append([]string{s}, parts...)
	out := strings.Join(parts, "_")
	if neg {
		out = "-" + out
	}
	return out
}

// writeStage writes the rows as the stage's ramme in an existing file:
// the ramme of the stage's [[stadium]] (or of the top level, for a vedtatt
// stage kept there) is replaced, given to a stage without one, or a new
// [[stadium]] is added after the last.
func writeStage(src []byte, cur *record.Okonomiplan, m *sheet.Mapping, stage record.StadiumType, rows []row, sums []int64) ([]byte, error) {
	nl := "\n"
	if bytes.Contains(src, []byte("\r\n")) {
		nl = "\r\n"
	}
	ix := tomlpos.Parse(src)
	path, have, found := findStage(cur, stage, m.Name)
	if !found {
		at := len(src)
		if n := len(cur.Stadium); n > 0 {
			at = blockEnd(src, ix, tomlpos.Elem("stadium", n-1))
		}
		block := stageBlock(m, stage, rows, sums, nl)
		if at == len(src) && len(src) > 0 && src[len(src)-1] != '\n' {
			block = nl + block
		}
		return splice(src, at, at, block), nil
	}
	if sameRows(have, rows) {
		return src, nil
	}
	key := tomlpos.Join(path, "ramme")
	if !ix.Has(key) {
		at := blockEnd(src, ix, path)
		return splice(src, at, at, rammeValue(rows, nl)+nl), nil
	}
	off := offset(src, ix.Lookup(key))
	if off < len(src) && src[off] == '[' {
		if out, ok := editTables(src, ix, key, have, rows); ok {
			return out, nil
		}
		where := "the top level"
		if path != "" {
			where = "this stage"
		}
		p := ix.Lookup(key)
		return nil, fmt.Errorf("line %d: the ramme of %s is written as [[ramme]] tables, and the sheet's areas are not the same areas in the same order: the import changes only the belop of such tables; write the ramme as ramme = [ { omrade = …, belop = […] }, … ] (as in data/okonomiplan/2026-2029.toml), or give the tables the sheet's areas in its order, and import again", p.Line, where)
	}
	eq := bytes.IndexByte(src[off:], '=')
	if eq < 0 {
		return nil, fmt.Errorf("the value of %s could not be found", key)
	}
	start := off + eq + 1
	for start < len(src) && (src[start] == ' ' || src[start] == '\t') {
		start++
	}
	end, ok := arrayEnd(src, start)
	if !ok {
		return nil, fmt.Errorf("the value of %s is not an array", key)
	}
	if arr, ok := editInPlace(string(src[start:end]), have, rows); ok {
		return splice(src, start, end, arr), nil
	}
	return splice(src, off, end, rammeValue(rows, nl)), nil
}

// findStage finds the stage in the file: its table's key path ("" for
// the top level) and its rows as written.
func findStage(cur *record.Okonomiplan, stage record.StadiumType, name string) (string, []record.Ramme, bool) {
	if stage == record.Vedtatt && cur.TopLevelStage() {
		return "", cur.Ramme, true
	}
	for i, s := range cur.Stadium {
		if s.Type == stage && (stage != record.Alternativ || fold(s.Navn) == fold(name)) {
			return tomlpos.Elem("stadium", i), s.Ramme, true
		}
	}
	return "", nil, false
}

// sameRows tells whether the file already says what the sheet does (in
// the same order), so that nothing is rewritten.
func sameRows(have []record.Ramme, rows []row) bool {
	if len(have) != len(rows) {
		return false
	}
	for i, h := range have {
		if !sameRow(h, rows[i]) {
			return false
		}
	}
	return true
}

// sameRow tells whether one area's line in the file says what the sheet's
// row does.
func sameRow(h record.Ramme, r row) bool {
	if h.Omrade != r.id || len(h.Belop) != len(r.belop) {
		return false
	}
	for j, a := range h.Belop {
		if !a.Set || a.Problem() != "" || a.Kr != r.belop[j] {
			return false
		}
	}
	return true
}

// editInPlace rewrites only the belop of the areas whose figures changed,
// inside the array text as staff wrote it, so that its alignment, comments
// and every unchanged line stay byte for byte. It applies when the file
// lists the same areas in the same order, each on a line of its own;
// otherwise (ok false) the whole array is written anew.
func editInPlace(arr string, have []record.Ramme, rows []row) (string, bool) {
	if len(have) != len(rows) {
		return "", false
	}
	lines := strings.SplitAfter(arr, "\n")
	for i, r := range rows {
		if have[i].Omrade != r.id {
			return "", false
		}
		if sameRow(have[i], r) {
			continue
		}
		marker := "omrade = " + tomledit.Quote(r.id)
		at := -1
		for k, l := range lines {
			if strings.Contains(l, marker) {
				if at >= 0 {
					return "", false
				}
				at = k
			}
		}
		if at < 0 {
			return "", false
		}
		l := lines[at]
		b := strings.Index(l, "belop")
		if b < 0 {
			return "", false
		}
		open := strings.IndexByte(l[b:], '[')
		if open < 0 {
			return "", false
		}
		open += b
		end := strings.IndexByte(l[open:], ']')
		if end < 0 {
			return "", false
		}
		end += open
		nums := make([]string, len(r.belop))
		for j, n := range r.belop {
			nums[j] = underscored(n)
		}
		lines[at] = l[:open+1] + strings.Join(nums, ", ") + l[end:]
	}
	return strings.Join(lines, ""), true
}

// editTables changes only the belop of the [[ramme]] tables (at key, the
// stage's ramme) whose figures differ from the sheet's, leaving every
// other byte as staff wrote it. It applies when the tables are the
// sheet's areas in the sheet's order (ok false otherwise).
func editTables(src []byte, ix *tomlpos.Index, key string, have []record.Ramme, rows []row) ([]byte, bool) {
	if len(have) != len(rows) {
		return nil, false
	}
	type edit struct {
		start, end int
		text       string
	}
	var edits []edit
	for i, r := range rows {
		if have[i].Omrade != r.id {
			return nil, false
		}
		if sameRow(have[i], r) {
			continue
		}
		bkey := tomlpos.Join(tomlpos.Elem(key, i), "belop")
		if !ix.Has(bkey) {
			return nil, false
		}
		off := offset(src, ix.Lookup(bkey))
		eq := bytes.IndexByte(src[off:], '=')
		if eq < 0 {
			return nil, false
		}
		start := off + eq + 1
		for start < len(src) && (src[start] == ' ' || src[start] == '\t') {
			start++
		}
		end, ok := arrayEnd(src, start)
		if !ok {
			return nil, false
		}
		nums := make([]string, len(r.belop))
		for j, n := range r.belop {
			nums[j] = underscored(n)
		}
		edits = append(edits, edit{start, end, "[" + strings.Join(nums, ", ") + "]"})
	}
	out := src
	for i := len(edits) - 1; i >= 0; i-- {
		out = splice(out, edits[i].start, edits[i].end, edits[i].text)
	}
	return out, true
}

// stageKeys are the keys a stage's table can have, to find where it ends.
var stageKeys = []string{"type", "navn", "dato", "dokument", "vedtak", "vedtatt_i", "sum_driftsrammer", "ramme"}

// blockEnd is the offset after the line of the last value of the table
// at path ("stadium[2]"), or after its header if it has no keys.
func blockEnd(src []byte, ix *tomlpos.Index, path string) int {
	end := lineEnd(src, offset(src, ix.Lookup(path)))
	for _, k := range stageKeys {
		key := tomlpos.Join(path, k)
		if !ix.Has(key) {
			continue
		}
		off := offset(src, ix.Lookup(key))
		if eq := bytes.IndexByte(src[off:], '='); eq >= 0 {
			v := off + eq + 1
			for v < len(src) && (src[v] == ' ' || src[v] == '\t') {
				v++
			}
			if e, ok := arrayEnd(src, v); ok {
				off = e
			}
		}
		end = max(end, lineEnd(src, off))
	}
	return end
}

// arrayEnd is the offset after the array that starts at off, strings and
// comments inside it skipped.
func arrayEnd(src []byte, off int) (int, bool) {
	if off >= len(src) || src[off] != '[' {
		return 0, false
	}
	depth := 0
	for i := off; i < len(src); i++ {
		switch c := src[i]; c {
		case '[', '{':
			depth++
		case ']', '}':
			depth--
			if depth == 0 {
				return i + 1, true
			}
		case '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case '"', '\'':
			for i++; i < len(src) && src[i] != c && src[i] != '\n'; i++ {
				if c == '"' && src[i] == '\\' {
					i++
				}
			}
		}
	}
	return 0, false
}

func splice(src []byte, start, end int, s string) []byte {
	out := make([]byte, 0, len(src)-(end-start)+len(s))
	out = append(out, src[:start]...)
	out = append(out, s...)
	return append(out, src[end:]...)
}

// offset is the byte offset of a line and column (in characters).
func offset(src []byte, p tomlpos.Pos) int {
	off := 0
	for line := 1; line < p.Line; line++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	for col := 1; col < p.Col && off < len(src); col++ {
		r := []rune(string(src[off:min(off+4, len(src))]))
		if len(r) == 0 {
			break
		}
		off += len(string(r[0]))
	}
	return off
}

// lineEnd is the offset after the line break of the line holding off.
func lineEnd(src []byte, off int) int {
	i := bytes.IndexByte(src[off:], '\n')
	if i < 0 {
		return len(src)
	}
	return off + i + 1
}
