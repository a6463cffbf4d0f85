package load

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/openkommune/portal/tools/tomlpos"
)

// syntaxError turns an error of the TOML reader into a position and a
// message that says what to do.
//
// The error is classified by where the reader stopped, not by its English
// message: toml.ParseError's Position.Start is the byte offset of what it
// could not read, and scanning the source up to there (context) tells
// whether a key, a value, the end of a line, a list, an inline table or a
// table name was due; the text at Start tells what was written instead (a
// bare word, æ ø å, a number with spaces, the end of the file). Only a
// duplicate key needs the message (dupKeyRE): its text is well-formed. An
// error this does not recognise is reported with the reader's message.
func syntaxError(err error, ix *tomlpos.Index, src []byte) (line, col int, msg string) {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return 1, 1, firstLine(err.Error())
	}
	line, col = max(pe.Position.Line, 1), max(pe.Position.Col, 1)
	if m := dupKeyRE.FindStringSubmatch(pe.Message); m != nil {
		return duplicateKey(m[1], line, ix, src)
	}
	if start := pe.Position.Start; start >= 0 && start <= len(src) {
		if off, msg, ok := classify(src, start, pe.Position.Len); ok {
			line, col = position(src, off)
			return line, col, msg
		}
	}
	msg = pe.Message
	if pe.Usage != "" {
		msg += "; " + strings.TrimSpace(strings.ReplaceAll(pe.Usage, "\n", " "))
	}
	return line, col, firstLine(msg)
}

// dupKeyRE recognises the reader's message for a key or table defined
// twice, the one error whose source text is well-formed. Its stable part
// is "Key '…'" and "already" (TestDuplicateKeyMessages pins the reader's
// wording: "has already been defined.", "was already created as a
// hash.", "was already created and cannot be used as an array.").
var dupKeyRE = regexp.MustCompile(`^Key '(.+)' .*\balready\b`)

// duplicateKey says that key (dotted) is written twice, at its line's
// first non-blank character, and where it was first written.
func duplicateKey(key string, line int, ix *tomlpos.Index, src []byte) (int, int, string) {
	text := lineText(src, line)
	col := 1 + utf8.RuneCountInString(text) - utf8.RuneCountInString(strings.TrimLeft(text, " \t"))
	first := ""
	for _, p := range ix.Find(strings.Split(key, ".")...) {
		if pos := ix.Lookup(p); pos.Line < line {
			first = fmt.Sprintf(" (first on line %d)", pos.Line)
			break
		}
	}
	key = Plain(key)
	switch t := strings.TrimLeft(text, " \t"); {
	case strings.HasPrefix(t, "[["):
		return line, col, fmt.Sprintf("[[%s]] adds to a list of tables, but %s is already written as a key or a [%s] table%s: use one form for it", key, key, key, first)
	case strings.HasPrefix(t, "["):
		return line, col, fmt.Sprintf("table [%s] is written twice%s: write it once, with all its keys under it", key, first)
	default:
		return line, col, fmt.Sprintf("%s is written twice%s: keep one of them", key, first)
	}
}

// What was due where the reader stopped.
type due int

const (
	dueUnknown   due = iota
	dueKey           // a key, at the start of a line or of an inline table's pair
	dueKeyEnd        // '.' or '=' after a key
	dueValue         // a value after '=', or an item of a list
	dueLineEnd       // the end of the line after a key = value
	dueListEnd       // ',' or ']' after an item of a list
	dueInlineEnd     // ',' or '}' after a pair of an inline table
	dueTableName     // the rest of a [table] name
	dueArrayName     // the rest of a [[table]] name
	dueStringEnd     // the end of a string
)

// open is a list or inline table not yet closed.
type open struct {
	bracket byte // '[' or '{'
	eq      bool // an inline table's current pair has its '='
}

// context scans src up to byte off and says what the TOML grammar expects
// there. It knows as much of TOML as the messages need: strings, comments,
// lists, inline tables, table names and key = value lines.
func context(src []byte, off int) (d due, inList bool) {
	var stack []open
	header := 0   // 1 in a [table] name, 2 in a [[table]] name
	eq := false   // the line's '=' is written (outside lists and inline tables)
	var last byte // the last significant character: 0 at a line's start, 'w' for a word or number, 's' for a string, ']' or '}' for a closed value
	for i := 0; i < off; {
		c := src[i]
		switch {
		case c == '\n':
			if len(stack) == 0 {
				eq, header, last = false, 0, 0
			}
			i++
		case c == ' ' || c == '\t':
			i++
		case c == '#':
			for i < off && src[i] != '\n' {
				i++
			}
		case c == '"' || c == '\'':
			end, closed := skipString(src, i, off)
			if !closed {
				return dueStringEnd, false
			}
			i, last = end, 's'
		case len(stack) == 0 && last == 0 && c == '[':
			header, i = 1, i+1
			if i < len(src) && src[i] == '[' {
				header, i = 2, i+1
			}
			last = '['
		case header > 0 && c == ']':
			header, last, i = 0, ']', i+1
		case c == '[' || c == '{':
			stack = append(stack, open{bracket: c})
			last, i = c, i+1
		case c == ']' || c == '}':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
			last, i = c, i+1
		case c == '=':
			if len(stack) > 0 {
				stack[len(stack)-1].eq = true
			} else {
				eq = true
			}
			last, i = c, i+1
		case c == ',':
			if len(stack) > 0 {
				stack[len(stack)-1].eq = false
			}
			last, i = c, i+1
		default:
			last, i = 'w', i+1
		}
	}
	inList = len(stack) > 0 && stack[len(stack)-1].bracket == '['
	return dueAt(stack, header, eq, last), inList
}

// dueAt is what is due after the scan of context.
func dueAt(stack []open, header int, eq bool, last byte) due {
	switch {
	case header == 1:
		return dueTableName
	case header == 2:
		return dueArrayName
	case last == '=':
		return dueValue
	case len(stack) > 0 && stack[len(stack)-1].bracket == '[':
		if last == '[' || last == ',' {
			return dueValue
		}
		return dueListEnd
	case len(stack) > 0:
		switch {
		case stack[len(stack)-1].eq:
			return dueInlineEnd
		case last == 'w' || last == 's':
			return dueKeyEnd
		}
		return dueUnknown
	case eq:
		return dueLineEnd
	case last == 'w' || last == 's':
		return dueKeyEnd
	}
	return dueKey
}

// skipString returns the offset after the string that starts at src[i]
// (basic, literal or multi-line), and false if it does not end before off.
func skipString(src []byte, i, off int) (int, bool) {
	q := src[i]
	if delim := strings.Repeat(string(q), 3); strings.HasPrefix(string(src[i:min(i+3, len(src))]), delim) {
		for j := i + 3; j < off; j++ {
			if q == '"' && src[j] == '\\' {
				j++
				continue
			}
			if strings.HasPrefix(string(src[j:min(j+3, len(src))]), delim) {
				// A multi-line string may end with up to two more quotes.
				j += 3
				for k := 0; k < 2 && j < len(src) && src[j] == q; k++ {
					j++
				}
				return j, j <= off
			}
		}
		return off, false
	}
	for j := i + 1; j < off; j++ {
		switch {
		case src[j] == '\n':
			return off, false
		case q == '"' && src[j] == '\\':
			j++
		case src[j] == q:
			return j + 1, true
		}
	}
	return off, false
}

// classify says what is wrong at byte start of src, where the reader
// stopped (n bytes of text it could not read), and returns the offset to
// report it at; false if the source there does not say.
func classify(src []byte, start, n int) (int, string, bool) {
	// The reader may point at the blanks before what it stopped at.
	off := start
	for off < len(src) && (src[off] == ' ' || src[off] == '\t') {
		off++
	}
	r, _ := utf8.DecodeRune(src[off:])
	found := strconv.QuoteRune(r)
	d, inList := context(src, start)
	// The file ends here: in a list, where line ends are blanks, the rest
	// may be blank lines.
	atEOF := off == len(src) || inList && strings.TrimSpace(string(src[off:])) == ""
	switch d {
	case dueValue:
		return valueProblem(src, start, n, off, atEOF)
	case dueKey:
		if r >= utf8.RuneSelf && unicode.IsLetter(r) {
			return off, keyLetter(found), true
		}
	case dueKeyEnd:
		switch {
		case off < len(src) && r == '\n':
			return off, "'=' and a value are missing after the key: write key = value", true
		case r >= utf8.RuneSelf && unicode.IsLetter(r):
			return off, keyLetter(found), true
		case off < len(src):
			return off, found + " after a key: write key = value, with a key of letters a–z, digits, _ and -", true
		}
	case dueLineEnd:
		if off < len(src) {
			return off, found + " after the value: write one key = value a line, and group the digits of a number with _ (1_000_000), not spaces", true
		}
	case dueListEnd:
		if atEOF {
			found = "end of file"
		}
		return off, found + " in a list: separate the items with commas and end the list with ]", true
	case dueInlineEnd:
		if off < len(src) {
			return off, found + " in an inline table: separate its key = value pairs with commas and end it with }, all on one line", true
		}
	case dueTableName:
		if off < len(src) && r != ']' { // "[]": the reader says the name is empty
			return off, found + " in a table name: write [name], with a name of letters a–z, digits, _ and -", true
		}
	case dueArrayName:
		if r == ']' && off+1 < len(src) && src[off+1] != ']' && src[off-1] != '[' {
			// One bracket where two close the name.
			r, _ = utf8.DecodeRune(src[off+1:])
			return off + 1, strconv.QuoteRune(r) + " in a table name: write [[name]], with two brackets on each side", true
		}
		if off < len(src) && r != ']' {
			return off, found + " in a table name: write [[name]], with a name of letters a–z, digits, _ and -", true
		}
	}
	return 0, "", false
}

func keyLetter(found string) string {
	return fmt.Sprintf("a key cannot have %s in it: keys are written without æ, ø and å (motedato, okonomiplan), as docs/data-format.md lists them", found)
}

var dateRE = regexp.MustCompile(`^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}`)

// valueProblem says what is wrong with the value written at off (after
// blanks from start; the reader could not read n bytes from start).
func valueProblem(src []byte, start, n, off int, atEOF bool) (int, string, bool) {
	if atEOF {
		return start, "the value is missing at the end of the file: write key = value", true
	}
	r, _ := utf8.DecodeRune(src[off:])
	text := string(src[start:min(start+max(n, 0), len(src))])
	switch {
	case r == '\n' || r == '#':
		return start, "the value is missing after '=': write key = value", true
	case unicode.IsLetter(r):
		word := bareWord(src[off:])
		return off, fmt.Sprintf("%s is not a value: write text in quotes (%s), and numbers, dates, true and false without", short(word), QuoteShort(word)), true
	case dateRE.MatchString(text):
		if _, err := time.Parse(time.DateOnly, text); err != nil {
			return off, fmt.Sprintf("not a valid date: %q: check the day and the month (dates are written YYYY-MM-DD)", text), true
		}
	case r == '-' || r == '+' || r >= '0' && r <= '9':
		if tooLarge(text) {
			return off, fmt.Sprintf("the number %s is too large: check the number of digits", text), true
		}
	default:
		return off, strconv.QuoteRune(r) + " cannot start a value: write text in quotes, and numbers, dates, true and false without", true
	}
	return 0, "", false
}

// bareWord is the word at the start of b: letters, digits, _ and -.
func bareWord(b []byte) string {
	s := string(b)
	if i := strings.IndexFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '-'
	}); i >= 0 {
		s = s[:i]
	}
	return s
}

// tooLarge reports whether a TOML number is out of the range of int64 (an
// integer) or float64.
func tooLarge(text string) bool {
	t := strings.ReplaceAll(text, "_", "")
	if _, err := strconv.ParseInt(t, 10, 64); errors.Is(err, strconv.ErrRange) {
		return true
	}
	_, err := strconv.ParseFloat(t, 64)
	return errors.Is(err, strconv.ErrRange)
}
