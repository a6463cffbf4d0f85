package sheet

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// ReadCSV reads a CSV file as Norwegian Excel saves it into a grid of one
// sheet named after the file (without extension; positions read
// "hop.csv!D14"):
//
//   - encoding: UTF-8 with or without a byte-order mark; a file that is
//     not valid UTF-8 is Windows-1252 (what "CSV (semikolonseparert)"
//     writes); UTF-16 ("Unicode-tekst") is refused with what to do;
//   - separator: ";" (Norwegian Excel), "," or tab, whichever separates
//     the first lines consistently, or as a first line "sep=;" says;
//   - fields in double quotes may hold separators, doubled quotes and line
//     breaks; line ends are CRLF or LF; an empty line is an empty row.
func ReadCSV(name string, data []byte) (*Grid, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s: the file is larger than %d MB", name, MaxFileSize>>20)
	}
	text, err := decodeText(name, data)
	if err != nil {
		return nil, err
	}
	sep := byte(0)
	if first, rest, ok := strings.Cut(text, "\n"); ok || first != "" {
		if f := strings.TrimRight(first, "\r"); len(f) == 5 && strings.HasPrefix(strings.ToLower(f), "sep=") {
			sep, text = f[4], rest
		}
	}
	if sep == 0 {
		sep = detectSeparator(text)
	}
	records, err := splitCSV(text, sep)
	if err != nil {
		return nil, fmt.Errorf("%s:%v", name, err)
	}
	s := &Sheet{Name: strings.TrimSuffix(name, filepath.Ext(name)), pos: name}
	cells := 0
	for _, rec := range records {
		row := make([]Cell, len(rec))
		for i, f := range rec {
			row[i] = Cell{Text: f, Raw: f}
		}
		if cells += len(rec) + 1; cells > maxCells {
			return nil, fmt.Errorf("%s: %v", name, errTooLarge)
		}
		s.Rows = append(s.Rows, row)
	}
	return &Grid{File: name, Sheets: []*Sheet{s}}, nil
}

// decodeText turns the file's bytes into text.
func decodeText(name string, data []byte) (string, error) {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return "", fmt.Errorf("%s: the file is UTF-16 (Excel's \"Unicode text\"): save it as \"CSV UTF-8\" or \"CSV (semikolonseparert)\"", name)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if utf8.Valid(data) {
		return string(data), nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("%s: the file is neither UTF-8 nor Windows-1252: save it as \"CSV UTF-8\"", name)
	}
	return string(out), nil
}

// detectSeparator picks the separator that the first lines (up to 50) use:
// the candidate found outside quotes on the most lines, ";" before tab
// before "," on a tie; ";" if none is found.
func detectSeparator(text string) byte {
	cands := []byte{';', '\t', ','}
	lines := make([]int, len(cands))
	seen := make([]bool, len(cands))
	inQuote, n := false, 0
	for i := 0; i < len(text) && n < 50; i++ {
		c := text[i]
		switch {
		case c == '"':
			inQuote = !inQuote
		case c == '\n' && !inQuote:
			for k := range cands {
				if seen[k] {
					lines[k]++
				}
				seen[k] = false
			}
			n++
		case !inQuote:
			for k, s := range cands {
				if c == s {
					seen[k] = true
				}
			}
		}
	}
	for k := range cands {
		if seen[k] {
			lines[k]++
		}
	}
	best := 0
	for k := range cands {
		if lines[k] > lines[best] {
			best = k
		}
	}
	return cands[best]
}

// splitCSV splits text into records as Excel reads CSV: a field that
// starts with a double quote runs to the next lone double quote ("" is a
// quote inside it); text after the closing quote joins the field; a quote
// inside an unquoted field is kept. A record ends at LF or CRLF outside
// quotes. An unclosed quote is an error with its line and column.
func splitCSV(text string, sep byte) ([][]string, error) {
	var (
		records [][]string
		rec     []string
		field   strings.Builder
		line    = 1
		col     = 1
	)
	i := 0
	for i < len(text) {
		if field.Len() == 0 && text[i] == '"' {
			qLine, qCol := line, col
			i++
			col++
			closed := false
			for i < len(text) {
				c := text[i]
				if c == '"' {
					if i+1 < len(text) && text[i+1] == '"' {
						field.WriteByte('"')
						i += 2
						col += 2
						continue
					}
					i++
					col++
					closed = true
					break
				}
				if c == '\n' {
					line, col = line+1, 0
				}
				if c == '\r' && i+1 < len(text) && text[i+1] == '\n' {
					i++ // CRLF inside a field is a line break
					continue
				}
				field.WriteByte(c)
				i++
				if c < 0x80 || c >= 0xc0 {
					col++
				}
			}
			if !closed {
				return nil, fmt.Errorf("%d:%d: a quoted field is never closed: add the closing \" or remove the opening one", qLine, qCol)
			}
			continue
		}
		c := text[i]
		switch {
		case c == sep:
			rec = append(rec, field.String())
			field.Reset()
		case c == '\n' || c == '\r' && i+1 < len(text) && text[i+1] == '\n':
			if c == '\r' {
				i++
			}
			rec = append(rec, field.String())
			field.Reset()
			records = append(records, trimRecord(rec))
			rec = nil
			line, col = line+1, 0
		default:
			field.WriteByte(c)
		}
		i++
		if c < 0x80 || c >= 0xc0 {
			col++
		}
	}
	if field.Len() > 0 || len(rec) > 0 {
		rec = append(rec, field.String())
		records = append(records, trimRecord(rec))
	}
	return records, nil
}

// trimRecord drops empty fields at the end of a record; a record of one
// empty field (an empty line) becomes an empty row.
func trimRecord(rec []string) []string {
	for len(rec) > 0 && rec[len(rec)-1] == "" {
		rec = rec[:len(rec)-1]
	}
	return rec
}
