// Package export owns the portal's downloadable data: CSV and JSON for
// every list, their Frictionless Table Schemas and the datapackage.json.
//
// Each list is a table of typed cells built from the compiled site model
// (see lists.go). The same table is written four ways: as CSV (RFC 4180,
// UTF-8 without a byte-order mark, CRLF line ends, a header row), as JSON
// (an array of objects with the same keys, one row per line, typed values
// and null for a missing value), as a Table Schema
// (https://specs.frictionlessdata.io/table-schema/) that describes every
// column in the kommune's målform, and as a spreadsheet variant of the CSV
// in which no text can run as a formula (sheet.go). datapackage.json
// (https://specs.frictionlessdata.io/data-package/) lists every file with
// its size and SHA-256 hash.
//
// Values are written for machines, not people: money as whole kroner,
// percentages as numbers with one decimal, dates as YYYY-MM-DD, booleans as
// true/false, and an empty CSV cell (null in JSON) for a missing value.
// Nothing reads the clock and every list has a fixed order, so the same
// site gives byte-identical files.
package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/model"
)

// dir is the site-relative folder every download is written under.
const dir = "data/"

// Index is what the Hugo templates need to link the downloads.
type Index struct {
	Lister    []Liste `json:"lister"`
	Datapakke string  `json:"datapakke"` // site-relative path of datapackage.json
	Popolo    string  `json:"popolo"`    // site-relative path of the votes as Popolo (popolo.go)
}

// Liste is one list with its files (site-relative paths) and sizes.
type Liste struct {
	Navn      string `json:"navn"`
	CSV       string `json:"csv"`
	JSON      string `json:"json"`
	Schema    string `json:"skjema"`
	Regneark  string `json:"regneark"` // the spreadsheet variant of the CSV
	Rader     int    `json:"rader"`
	CSVBytes  int    `json:"csv_byte"`
	JSONBytes int    `json:"json_byte"`
	// RegnearkBytes is the size of the spreadsheet variant.
	RegnearkBytes int `json:"regneark_byte"`
}

// Files returns every download as site-relative path → file bytes, all
// under "data/", and the index the templates use. The error reports a
// value that does not fit its own schema (a bug, not a data problem: the
// data has been checked before it is compiled).
func Files(site *model.Site) (map[string][]byte, Index, error) {
	w, err := catalog.For(site.Kommune.Malform)
	if err != nil {
		return nil, Index{}, err
	}
	tables := tables(site)
	files := map[string][]byte{}
	idx := Index{Lister: []Liste{}, Datapakke: dir + "datapackage.json", Popolo: dir + popoloFile}
	var resources []resource
	for _, t := range tables {
		if err := t.validate(); err != nil {
			return nil, Index{}, err
		}
		csvData, err := t.csv()
		if err != nil {
			return nil, Index{}, fmt.Errorf("export: %s.csv: %w", t.name, err)
		}
		jsonData := t.json()
		schemaData, err := marshal(t.schema(w))
		if err != nil {
			return nil, Index{}, fmt.Errorf("export: %s.schema.json: %w", t.name, err)
		}
		sheetData := t.sheetCSV()
		sheetSchemaData, err := marshal(t.sheetSchema(w))
		if err != nil {
			return nil, Index{}, fmt.Errorf("export: %s%s.schema.json: %w", t.name, sheetSuffix, err)
		}
		sheet := t.name + sheetSuffix
		title, desc := w.T(t.title, nil), w.T(t.desc, nil)
		l := Liste{
			Navn:          t.name,
			CSV:           dir + t.name + ".csv",
			JSON:          dir + t.name + ".json",
			Schema:        dir + t.name + ".schema.json",
			Regneark:      dir + sheet + ".csv",
			Rader:         len(t.rows),
			CSVBytes:      len(csvData),
			JSONBytes:     len(jsonData),
			RegnearkBytes: len(sheetData),
		}
		files[l.CSV] = csvData
		files[l.JSON] = jsonData
		files[l.Schema] = schemaData
		files[l.Regneark] = sheetData
		files[dir+sheet+".schema.json"] = sheetSchemaData
		idx.Lister = append(idx.Lister, l)
		resources = append(resources,
			resource{
				Name: t.name, Path: t.name + ".csv", Profile: "tabular-data-resource",
				Title: title, Description: desc,
				Format: "csv", Mediatype: "text/csv", Encoding: "utf-8",
				Bytes: len(csvData), Hash: hash(csvData), Schema: t.name + ".schema.json",
			},
			resource{
				Name: t.name + "-json", Path: t.name + ".json",
				Title: title + " (JSON)", Description: desc,
				Format: "json", Mediatype: "application/json", Encoding: "utf-8",
				Bytes: len(jsonData), Hash: hash(jsonData), Schema: t.name + ".schema.json",
			},
			resource{
				Name: sheet, Path: sheet + ".csv", Profile: "tabular-data-resource",
				Title:       w.T("export_regneark", catalog.Args{"Tittel": title}),
				Description: desc + " " + w.T("export_regneark_desc", catalog.Args{"Liste": t.name}),
				Format:      "csv", Mediatype: "text/csv", Encoding: "utf-8", Dialect: sheetDialect,
				Bytes: len(sheetData), Hash: hash(sheetData), Schema: sheet + ".schema.json",
			})
	}
	pop, err := marshal(popoloOf(site))
	if err != nil {
		return nil, Index{}, fmt.Errorf("export: %s: %w", popoloFile, err)
	}
	files[idx.Popolo] = pop
	resources = append(resources, resource{
		Name: "voteringer-popolo", Path: popoloFile, Profile: "data-resource",
		Title: w.T("export_popolo", nil), Description: w.T("export_popolo_desc", nil),
		Format: "json", Mediatype: "application/json", Encoding: "utf-8",
		Bytes: len(pop), Hash: hash(pop),
	})
	pkg, err := marshal(dataPackage(site, w, resources))
	if err != nil {
		return nil, Index{}, fmt.Errorf("export: datapackage.json: %w", err)
	}
	files[idx.Datapakke] = pkg
	return files, idx, nil
}

func hash(b []byte) string {
	sum := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// marshal writes v as indented JSON without HTML escaping, with a final
// newline.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Table Schema field types used here.
const (
	tString  = "string"
	tInteger = "integer"
	tNumber  = "number"
	tBoolean = "boolean"
	tDate    = "date"
)

// cell is one typed value; the zero cell is missing (null).
type cell struct {
	typ    string // "" for null, else one of the field types
	s      string // string and date
	i      int64
	f      float64
	b      bool
	kroner bool // an integer that is an amount in kroner
}

func null() cell { return cell{} }

// str is a text cell; an empty text is missing. Line ends are normalised
// to "\n" so that the CSV (which writes them as CRLF and reads them back
// as "\n") and the JSON hold the same text.
func str(s string) cell {
	if s == "" {
		return cell{}
	}
	if strings.Contains(s, "\r") {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	}
	return cell{typ: tString, s: s}
}

func integer(n int64) cell { return cell{typ: tInteger, i: n} }

// amount is an amount in whole kroner.
func amount(n int64) cell { return cell{typ: tInteger, i: n, kroner: true} }

func intOf(n int) cell { return integer(int64(n)) }

// yearOf is a year, missing when 0.
func yearOf(y int) cell {
	if y == 0 {
		return cell{}
	}
	return intOf(y)
}

// kr is an amount in whole kroner, missing when nil.
func kr(k *model.Kr) cell {
	if k == nil {
		return cell{}
	}
	return amount(k.Kr)
}

// number is a number written with one decimal.
func number(v float64) cell {
	v = math.Round(v*10) / 10
	if v == 0 {
		v = 0 // no "-0.0"
	}
	return cell{typ: tNumber, f: v}
}

// pct is a percentage, missing when nil.
func pct(p *model.Pct) cell {
	if p == nil {
		return cell{}
	}
	return number(p.Verdi)
}

func boolean(b bool) cell { return cell{typ: tBoolean, b: b} }

// date is an ISO date, missing when "".
func date(iso string) cell {
	if iso == "" {
		return cell{}
	}
	return cell{typ: tDate, s: iso}
}

// dato is a date, missing when nil.
func dato(d *model.Dato) cell {
	if d == nil {
		return cell{}
	}
	return date(d.ISO)
}

// ids joins identifiers into one cell: "a;b;c", missing when empty.
func ids(refs []model.Ref) cell {
	parts := make([]string, len(refs))
	for i, r := range refs {
		parts[i] = r.ID
	}
	return str(strings.Join(parts, idSeparator))
}

// idSeparator separates several identifiers in one cell.
const idSeparator = ";"

// csvText is the cell as written in CSV: "" when missing.
func (c cell) csvText() string {
	switch c.typ {
	case tString, tDate:
		return c.s
	case tInteger:
		return strconv.FormatInt(c.i, 10)
	case tNumber:
		return strconv.FormatFloat(c.f, 'f', 1, 64)
	case tBoolean:
		return strconv.FormatBool(c.b)
	}
	return ""
}

// appendJSON appends the cell as a JSON value.
func (c cell) appendJSON(b []byte) []byte {
	switch c.typ {
	case tString, tDate:
		return appendJSONString(b, c.s)
	case tInteger, tNumber, tBoolean:
		return append(b, c.csvText()...)
	}
	return append(b, "null"...)
}

// appendJSONString appends s as a JSON string, escaping only what JSON
// requires (quote, backslash, control characters) and U+2028/U+2029.
func appendJSONString(b []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	b = append(b, '"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '\n':
			b = append(b, '\\', 'n')
		case r == '\r':
			b = append(b, '\\', 'r')
		case r == '\t':
			b = append(b, '\\', 't')
		case r < 0x20 || r == 0x2028 || r == 0x2029:
			b = append(b, '\\', 'u', hexDigits[r>>12&0xf], hexDigits[r>>8&0xf], hexDigits[r>>4&0xf], hexDigits[r&0xf])
		default:
			b = append(b, string(r)...)
		}
	}
	return append(b, '"')
}

// field is one column: its Table Schema description.
type field struct {
	name     string
	typ      string
	title    catalog.Key // in the text catalogue, export_<list>_<name>
	desc     catalog.Key
	required bool
	unique   bool
	enum     []string
	minimum  *int64
}

func minimum(n int64) *int64 { return &n }

// foreignKey says that fields of a table refer to fields of another
// ("" for the table itself).
type foreignKey struct {
	fields    []string
	resource  string
	refFields []string
}

// table is one downloadable list.
type table struct {
	name        string
	title, desc catalog.Key // export_<list> and export_<list>_desc
	fields      []field
	primaryKey  []string
	foreignKeys []foreignKey
	rows        [][]cell
}

// column is a field with how to get its value from a T.
type column[T any] struct {
	field
	get func(T) cell
}

// newTable builds a table from items with one column per cols.
func newTable[T any](name string, title, desc catalog.Key, cols []column[T], items []T) *table {
	t := &table{name: name, title: title, desc: desc, rows: make([][]cell, 0, len(items))}
	for _, c := range cols {
		t.fields = append(t.fields, c.field)
	}
	for _, it := range items {
		row := make([]cell, len(cols))
		for i, c := range cols {
			row[i] = c.get(it)
		}
		t.rows = append(t.rows, row)
	}
	return t
}

// validate reports a cell whose type differs from its column's, or a
// required cell that is missing: either would make the files disagree with
// their own schema.
func (t *table) validate() error {
	for r, row := range t.rows {
		for i, c := range row {
			f := t.fields[i]
			if c.typ == "" {
				if f.required {
					return fmt.Errorf("export: %s row %d: required %s is missing", t.name, r+1, f.name)
				}
				continue
			}
			if c.typ != f.typ {
				return fmt.Errorf("export: %s row %d: %s is %s, want %s", t.name, r+1, f.name, c.typ, f.typ)
			}
		}
	}
	return nil
}

func (t *table) csv() ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	rec := make([]string, len(t.fields))
	for i, f := range t.fields {
		rec[i] = f.name
	}
	if err := w.Write(rec); err != nil {
		return nil, err
	}
	for _, row := range t.rows {
		for i, c := range row {
			rec[i] = c.csvText()
		}
		if err := w.Write(rec); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// json writes the rows as a JSON array with one object per line.
func (t *table) json() []byte {
	if len(t.rows) == 0 {
		return []byte("[]\n")
	}
	keys := make([][]byte, len(t.fields))
	for i, f := range t.fields {
		keys[i] = append(appendJSONString(nil, f.name), ':')
	}
	b := []byte("[\n")
	for r, row := range t.rows {
		b = append(b, '{')
		for i, c := range row {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, keys[i]...)
			b = c.appendJSON(b)
		}
		b = append(b, '}')
		if r < len(t.rows)-1 {
			b = append(b, ',')
		}
		b = append(b, '\n')
	}
	return append(b, "]\n"...)
}
