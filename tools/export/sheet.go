package export

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/openkommune/portal/tools/catalog"
)

// The spreadsheet variant of a list (<list>-regneark.csv) holds the same
// rows as the list's CSV, written the way a spreadsheet program in a
// Norwegian locale opens it and so that it cannot run anything:
//
//   - UTF-8 with a byte-order mark (Excel otherwise reads æøå as Latin-1),
//     ";" between values and a decimal comma, CRLF line ends, a header row
//     with the column names;
//   - every value in double quotes, so that a separator in a text cannot
//     start a new cell whichever separator the program guesses;
//   - every value that is not a number of a number column is text, and a
//     text that a spreadsheet could take for a formula gets an apostrophe
//     in front (see formulaLike).
//
// The list's CSV is left exactly as the data says: it is for programs,
// which read text as text.

// sheetSuffix ends the name of a list's spreadsheet variant and of its
// resource and schema.
const sheetSuffix = "-regneark"

// bom is the UTF-8 byte-order mark.
const bom = "\ufeff"

// sheetCSV writes the table's spreadsheet variant.
func (t *table) sheetCSV() []byte {
	var b bytes.Buffer
	b.WriteString(bom)
	for i, f := range t.fields {
		writeSheetValue(&b, i, neutralise(f.name))
	}
	b.WriteString("\r\n")
	for _, row := range t.rows {
		for i, c := range row {
			writeSheetValue(&b, i, sheetText(t.fields[i].typ, c))
		}
		b.WriteString("\r\n")
	}
	return b.Bytes()
}

// writeSheetValue writes the i-th value of a row: after a ";" unless it is
// the first, in double quotes (doubled inside) unless it is empty, with
// line breaks as CRLF.
func writeSheetValue(b *bytes.Buffer, i int, s string) {
	if i > 0 {
		b.WriteByte(';')
	}
	if s == "" {
		return
	}
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`""`)
		case '\n':
			b.WriteString("\r\n")
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

// sheetText is the cell as written in the spreadsheet variant of a column
// of type typ: an integer or number as a number (a number with a decimal
// comma), anything else as text, neutralised. The column's type decides,
// so a negative amount stays a number, and a value of another type than
// its column's (which validate rejects) would be treated as text.
func sheetText(typ string, c cell) string {
	switch {
	case c.typ == "":
		return ""
	case typ == tInteger && c.typ == tInteger:
		return c.csvText()
	case typ == tNumber && c.typ == tNumber:
		return strings.Replace(c.csvText(), ".", ",", 1)
	}
	return neutralise(c.csvText())
}

// neutralise puts an apostrophe in front of a text that formulaLike
// reports, so that a spreadsheet shows it as text. Removing one leading
// apostrophe from a text cell of the spreadsheet variant gives the text
// exactly (a text that starts with an apostrophe gets one more).
func neutralise(s string) string {
	if formulaLike(s) {
		return "'" + s
	}
	return s
}

// formulaLike reports whether a spreadsheet could read s as a formula, or
// whether s starts with an apostrophe (so that neutralise can be undone):
// s starts with an apostrophe or a control character (OWASP names TAB and
// CR; any control character is treated alike), or its first character
// after any white space, control and invisible formatting characters
// (which programs may trim on import) is one a formula can start with.
func formulaLike(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if s == "" {
		return false
	}
	if r == '\'' || unicode.IsControl(r) {
		return true
	}
	for _, r := range s {
		if !ignorable(r) {
			return formulaStart(r)
		}
	}
	return false
}

// ignorable is white space, a control character or an invisible formatting
// character (zero-width space, byte-order mark, direction marks, soft
// hyphen).
func ignorable(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

// formulaStart is a character a formula can start with: = + - @ (OWASP's
// list) and their full-width, small, superscript and subscript forms, which
// spreadsheets in East Asian locales may read as the same, and the minus
// sign.
func formulaStart(r rune) bool {
	switch r {
	case '=', '+', '-', '@',
		'\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', // ＝＋－＠ full width
		'\uFE66', '\uFE62', '\uFE63', '\uFE6B', // ﹦﹢﹣﹫ small
		'\u207C', '\u207A', '\u207B', // ⁼⁺⁻ superscript
		'\u208C', '\u208A', '\u208B', // ₌₊₋ subscript
		'\u2212': // − minus sign
		return true
	}
	return false
}

// sheetSchema is the Table Schema of the spreadsheet variant: the list's,
// with a decimal comma in number columns, the allowed codes of a text
// column neutralised as its values are, and foreign keys to the other
// spreadsheet variants (a key neutralised in one is neutralised alike in
// the other).
func (t *table) sheetSchema(w *catalog.Text) tableSchema {
	s := t.schema(w)
	fields := make([]schemaField, len(s.Fields))
	for i, f := range s.Fields {
		switch f.Type {
		case tNumber:
			f.DecimalChar = ","
		case tString:
			if f.Constraints != nil && len(f.Constraints.Enum) > 0 {
				c := *f.Constraints
				c.Enum = make([]string, len(f.Constraints.Enum))
				for j, e := range f.Constraints.Enum {
					c.Enum[j] = neutralise(e)
				}
				f.Constraints = &c
			}
		}
		fields[i] = f
	}
	s.Fields = fields
	fks := make([]schemaForeignKey, len(s.ForeignKeys))
	for i, fk := range s.ForeignKeys {
		if fk.Reference.Resource != "" {
			fk.Reference.Resource += sheetSuffix
		}
		fks[i] = fk
	}
	s.ForeignKeys = fks
	return s
}

// sheetDialect is the CSV dialect of the spreadsheet variant.
var sheetDialect = &dialect{Delimiter: ";", LineTerminator: "\r\n", QuoteChar: `"`, DoubleQuote: true, Header: true}
