package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// This file is a validator for what Files writes, written from the
// Frictionless specifications rather than from the code that writes: the
// Data Package (every resource's file exists, with the stated bytes and
// hash), each CSV against its Table Schema (header, types, required,
// unique, enum, minimum, primary key, foreign keys) and each JSON file
// against its CSV (same rows, same keys, typed values).

type dpResource struct {
	Name      string     `json:"name"`
	Path      string     `json:"path"`
	Profile   string     `json:"profile"`
	Format    string     `json:"format"`
	Mediatype string     `json:"mediatype"`
	Encoding  string     `json:"encoding"`
	Dialect   *dpDialect `json:"dialect"`
	Bytes     int        `json:"bytes"`
	Hash      string     `json:"hash"`
	Schema    string     `json:"schema"`
}

// dpDialect is a CSV Dialect; a resource without one is comma-separated.
type dpDialect struct {
	Delimiter      string `json:"delimiter"`
	LineTerminator string `json:"lineTerminator"`
	QuoteChar      string `json:"quoteChar"`
	DoubleQuote    bool   `json:"doubleQuote"`
	Header         bool   `json:"header"`
}

type dpPackage struct {
	Name      string       `json:"name"`
	Title     string       `json:"title"`
	Licenses  []dpLicense  `json:"licenses"`
	Resources []dpResource `json:"resources"`
}

type dpLicense struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	Path  string `json:"path"`
}

type tsField struct {
	Name        string   `json:"name"`
	Type        string   `json:"type"`
	DecimalChar string   `json:"decimalChar"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	TrueValues  []string `json:"trueValues"`
	FalseValues []string `json:"falseValues"`
	Constraints struct {
		Required bool     `json:"required"`
		Unique   bool     `json:"unique"`
		Enum     []string `json:"enum"`
		Minimum  *float64 `json:"minimum"`
	} `json:"constraints"`
}

type tsSchema struct {
	Fields        []tsField `json:"fields"`
	MissingValues []string  `json:"missingValues"`
	PrimaryKey    []string  `json:"primaryKey"`
	ForeignKeys   []struct {
		Fields    []string `json:"fields"`
		Reference struct {
			Resource *string  `json:"resource"`
			Fields   []string `json:"fields"`
		} `json:"reference"`
	} `json:"foreignKeys"`
}

// loadedTable is a CSV resource read back: header and records.
type loadedTable struct {
	schema tsSchema
	header []string
	rows   [][]string
}

func (t *loadedTable) col(name string) int { return slices.Index(t.header, name) }

// validator collects problems.
type validator struct {
	problems []string
}

func (v *validator) errorf(format string, args ...any) {
	v.problems = append(v.problems, fmt.Sprintf(format, args...))
}

var oneDecimal = regexp.MustCompile(`^-?[0-9]+\.[0-9]$`)

// validatePackage validates the files Files returned and returns every
// problem found (nil if none).
func validatePackage(files map[string][]byte) []string {
	v := &validator{}
	raw, ok := files[dir+"datapackage.json"]
	if !ok {
		v.errorf("no %sdatapackage.json", dir)
		return v.problems
	}
	var dp dpPackage
	if err := strictUnmarshal(raw, &dp); err != nil {
		v.errorf("datapackage.json: %v", err)
		return v.problems
	}
	if !regexp.MustCompile(`^[a-z0-9._-]+$`).MatchString(dp.Name) {
		v.errorf("datapackage.json: name %q is not lower-case letters, digits, '.', '_' and '-'", dp.Name)
	}
	// Every CSV and JSON data file is a resource, and every resource is a file.
	listed := map[string]bool{}
	names := map[string]bool{}
	for _, r := range dp.Resources {
		if names[r.Name] {
			v.errorf("datapackage.json: resource name %q twice", r.Name)
		}
		names[r.Name] = true
		p := dir + r.Path
		listed[p] = true
		data, ok := files[p]
		if !ok {
			v.errorf("resource %s: no file %s", r.Name, p)
			continue
		}
		if r.Bytes != len(data) {
			v.errorf("resource %s: bytes %d, file has %d", r.Name, r.Bytes, len(data))
		}
		sum := sha256.Sum256(data)
		if want := "sha256:" + hex.EncodeToString(sum[:]); r.Hash != want {
			v.errorf("resource %s: hash %s, file has %s", r.Name, r.Hash, want)
		}
		if r.Encoding != "utf-8" {
			v.errorf("resource %s: encoding %q", r.Name, r.Encoding)
		}
		if _, ok := files[dir+r.Schema]; !ok && r.Profile != "data-resource" {
			v.errorf("resource %s: no schema file %s", r.Name, r.Schema)
		}
		switch r.Format {
		case "csv":
			if r.Mediatype != "text/csv" || path.Ext(r.Path) != ".csv" {
				v.errorf("resource %s: csv with mediatype %q and path %q", r.Name, r.Mediatype, r.Path)
			}
		case "json":
			if r.Mediatype != "application/json" || path.Ext(r.Path) != ".json" {
				v.errorf("resource %s: json with mediatype %q and path %q", r.Name, r.Mediatype, r.Path)
			}
		default:
			v.errorf("resource %s: format %q", r.Name, r.Format)
		}
	}
	for p := range files {
		if (strings.HasSuffix(p, ".csv") || strings.HasSuffix(p, ".json") && !strings.HasSuffix(p, ".schema.json") && !strings.HasSuffix(p, "datapackage.json")) && !listed[p] {
			v.errorf("%s is not a resource of datapackage.json", p)
		}
	}

	// Each CSV against its schema; foreign keys once all are read.
	tables := map[string]*loadedTable{}
	for _, r := range dp.Resources {
		if r.Format != "csv" {
			continue
		}
		if t := v.table(r, files); t != nil {
			tables[r.Name] = t
		}
	}
	for _, r := range dp.Resources {
		if t := tables[r.Name]; t != nil {
			v.foreignKeys(r.Name, t, tables)
		}
	}
	// Each JSON resource against the CSV resource with the same schema.
	for _, r := range dp.Resources {
		if r.Format != "json" || r.Profile == "data-resource" {
			continue // not a table: the Popolo votes (TestPopolo)
		}
		var csvTable *loadedTable
		for _, c := range dp.Resources {
			if c.Format == "csv" && c.Schema == r.Schema {
				csvTable = tables[c.Name]
			}
		}
		if csvTable == nil {
			v.errorf("resource %s: no CSV resource with schema %s", r.Name, r.Schema)
			continue
		}
		v.jsonTable(r, files[dir+r.Path], csvTable)
	}
	return v.problems
}

func strictUnmarshal(data []byte, x any) error {
	d := json.NewDecoder(bytes.NewReader(data))
	return d.Decode(x)
}

func (v *validator) table(r dpResource, files map[string][]byte) *loadedTable {
	data := files[dir+r.Path]
	t := &loadedTable{}
	if err := strictUnmarshal(files[dir+r.Schema], &t.schema); err != nil {
		v.errorf("%s: %v", r.Schema, err)
		return nil
	}
	// A byte-order mark is for spreadsheets: only in their variant, and
	// always there.
	hasBOM := bytes.HasPrefix(data, []byte("\xef\xbb\xbf"))
	if sheet := strings.HasSuffix(r.Name, "-regneark"); hasBOM != sheet {
		v.errorf("%s: byte-order mark %v, want %v", r.Path, hasBOM, sheet)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		v.errorf("%s: does not end with CRLF", r.Path)
	}
	if i := bytes.IndexByte(data, '\n'); i <= 0 || data[i-1] != '\r' {
		v.errorf("%s: header line does not end with CRLF", r.Path)
	}
	cr := csv.NewReader(bytes.NewReader(data))
	if d := r.Dialect; d != nil {
		if len(d.Delimiter) != 1 || d.LineTerminator != "\r\n" || d.QuoteChar != `"` || !d.DoubleQuote || !d.Header {
			v.errorf("resource %s: dialect %+v is not one this validator reads", r.Name, *d)
			return nil
		}
		cr.Comma = rune(d.Delimiter[0])
	}
	recs, err := cr.ReadAll()
	if err != nil {
		v.errorf("%s: %v", r.Path, err)
		return nil
	}
	if len(recs) == 0 {
		v.errorf("%s: no header", r.Path)
		return nil
	}
	t.header, t.rows = recs[0], recs[1:]
	var names []string
	for _, f := range t.schema.Fields {
		names = append(names, f.Name)
		if !regexp.MustCompile(`^[a-z][a-z0-9_]*$`).MatchString(f.Name) {
			v.errorf("%s: field name %q is not ASCII snake_case", r.Schema, f.Name)
		}
		if f.Title == "" || f.Description == "" {
			v.errorf("%s: field %s has no title or description", r.Schema, f.Name)
		}
	}
	if !slices.Equal(t.header, names) {
		v.errorf("%s: header %v, schema fields %v", r.Path, t.header, names)
		return nil
	}
	missing := func(s string) bool { return slices.Contains(t.schema.MissingValues, s) }
	seen := make([]map[string]int, len(t.schema.Fields))
	for i := range seen {
		seen[i] = map[string]int{}
	}
	for ri, row := range t.rows {
		line := ri + 2
		for i, f := range t.schema.Fields {
			s := row[i]
			if missing(s) {
				if f.Constraints.Required {
					v.errorf("%s:%d: %s is required but empty", r.Path, line, f.Name)
				}
				continue
			}
			num, ok := parseCell(f, s)
			if !ok {
				v.errorf("%s:%d: %s %q is not a %s", r.Path, line, f.Name, s, f.Type)
				continue
			}
			if f.Type == tNumber && !oneDecimal.MatchString(pointDecimal(f, s)) {
				v.errorf("%s:%d: %s %q does not have exactly one decimal", r.Path, line, f.Name, s)
			}
			if len(f.Constraints.Enum) > 0 && !slices.Contains(f.Constraints.Enum, s) {
				v.errorf("%s:%d: %s %q is not one of %v", r.Path, line, f.Name, s, f.Constraints.Enum)
			}
			if f.Constraints.Minimum != nil && num < *f.Constraints.Minimum {
				v.errorf("%s:%d: %s %s is below the minimum %v", r.Path, line, f.Name, s, *f.Constraints.Minimum)
			}
			if f.Constraints.Unique {
				if prev, dup := seen[i][s]; dup {
					v.errorf("%s:%d: %s %q is not unique (also line %d)", r.Path, line, f.Name, s, prev)
				}
				seen[i][s] = line
			}
		}
	}
	// Primary key: present and unique.
	if len(t.schema.PrimaryKey) == 0 {
		v.errorf("%s: no primary key", r.Schema)
	}
	keys := map[string]int{}
	for ri := range t.rows {
		k, ok := t.key(ri, t.schema.PrimaryKey)
		if !ok {
			v.errorf("%s:%d: primary key %v has an empty field", r.Path, ri+2, t.schema.PrimaryKey)
			continue
		}
		if prev, dup := keys[k]; dup {
			v.errorf("%s:%d: primary key %v = %q is not unique (also line %d)", r.Path, ri+2, t.schema.PrimaryKey, k, prev)
		}
		keys[k] = ri + 2
	}
	return t
}

// key joins the values of fields in row ri; ok is false when a field is
// missing from the header or any value is empty.
func (t *loadedTable) key(ri int, fields []string) (string, bool) {
	parts := make([]string, len(fields))
	for i, f := range fields {
		c := t.col(f)
		if c < 0 || t.rows[ri][c] == "" {
			return "", false
		}
		parts[i] = t.rows[ri][c]
	}
	return strings.Join(parts, "\x00"), true
}

// parseCell parses s as f's type and returns its numeric value for
// integer and number fields.
func parseCell(f tsField, s string) (float64, bool) {
	switch f.Type {
	case tString:
		return 0, true
	case tInteger:
		n, err := strconv.ParseInt(s, 10, 64)
		return float64(n), err == nil
	case tNumber:
		if strings.Contains(s, ".") && f.DecimalChar != "" && f.DecimalChar != "." {
			return 0, false // not the field's decimal mark
		}
		n, err := strconv.ParseFloat(pointDecimal(f, s), 64)
		return n, err == nil
	case tBoolean:
		tv, fv := f.TrueValues, f.FalseValues
		if tv == nil {
			tv = []string{"true", "True", "TRUE", "1"}
		}
		if fv == nil {
			fv = []string{"false", "False", "FALSE", "0"}
		}
		return 0, slices.Contains(tv, s) || slices.Contains(fv, s)
	case tDate:
		_, err := time.Parse(time.DateOnly, s)
		return 0, err == nil
	}
	return 0, false
}

// pointDecimal is a number cell with the field's decimal mark replaced
// by ".".
func pointDecimal(f tsField, s string) string {
	if f.DecimalChar == "" {
		return s
	}
	return strings.Replace(s, f.DecimalChar, ".", 1)
}

func (v *validator) foreignKeys(name string, t *loadedTable, tables map[string]*loadedTable) {
	for _, fk := range t.schema.ForeignKeys {
		if fk.Reference.Resource == nil {
			v.errorf("%s: foreign key %v has no reference resource", name, fk.Fields)
			continue
		}
		refName := *fk.Reference.Resource
		ref := t
		if refName != "" {
			ref = tables[refName]
		}
		if ref == nil {
			v.errorf("%s: foreign key %v refers to unknown resource %q", name, fk.Fields, refName)
			continue
		}
		if len(fk.Fields) != len(fk.Reference.Fields) {
			v.errorf("%s: foreign key %v refers to %v", name, fk.Fields, fk.Reference.Fields)
			continue
		}
		targets := map[string]bool{}
		for ri := range ref.rows {
			if k, ok := ref.key(ri, fk.Reference.Fields); ok {
				targets[k] = true
			}
		}
		for ri := range t.rows {
			k, ok := t.key(ri, fk.Fields)
			if !ok {
				continue // a missing value refers to nothing
			}
			if !targets[k] {
				v.errorf("%s:%d: %v = %q is not a %s row's %v", name, ri+2, fk.Fields, strings.ReplaceAll(k, "\x00", ","), refName, fk.Reference.Fields)
			}
		}
	}
}

func (v *validator) jsonTable(r dpResource, data []byte, csvTable *loadedTable) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var rows []map[string]any
	if err := d.Decode(&rows); err != nil {
		v.errorf("%s: %v", r.Path, err)
		return
	}
	if len(rows) != len(csvTable.rows) {
		v.errorf("%s: %d rows, the CSV has %d", r.Path, len(rows), len(csvTable.rows))
		return
	}
	// Key order as written: the same as the CSV header.
	if len(rows) > 0 {
		order, err := firstObjectKeys(data)
		if err != nil {
			v.errorf("%s: %v", r.Path, err)
		} else if !slices.Equal(order, csvTable.header) {
			v.errorf("%s: keys %v, CSV header %v", r.Path, order, csvTable.header)
		}
	}
	for ri, obj := range rows {
		if len(obj) != len(csvTable.header) {
			v.errorf("%s: row %d has %d keys, want %d", r.Path, ri+1, len(obj), len(csvTable.header))
		}
		for i, f := range csvTable.schema.Fields {
			val, ok := obj[f.Name]
			if !ok {
				v.errorf("%s: row %d has no key %s", r.Path, ri+1, f.Name)
				continue
			}
			var got string
			switch x := val.(type) {
			case nil:
				got = ""
			case string:
				if f.Type != tString && f.Type != tDate {
					v.errorf("%s: row %d: %s is a JSON string, want %s", r.Path, ri+1, f.Name, f.Type)
				}
				got = x
			case json.Number:
				if f.Type != tInteger && f.Type != tNumber {
					v.errorf("%s: row %d: %s is a JSON number, want %s", r.Path, ri+1, f.Name, f.Type)
				}
				got = x.String()
			case bool:
				if f.Type != tBoolean {
					v.errorf("%s: row %d: %s is a JSON boolean, want %s", r.Path, ri+1, f.Name, f.Type)
				}
				got = strconv.FormatBool(x)
			default:
				v.errorf("%s: row %d: %s is a %T", r.Path, ri+1, f.Name, x)
				continue
			}
			if want := csvTable.rows[ri][i]; got != want {
				v.errorf("%s: row %d: %s is %q, the CSV has %q", r.Path, ri+1, f.Name, got, want)
			}
		}
	}
}

// firstObjectKeys returns the keys of the first object in a JSON array,
// in the order written.
func firstObjectKeys(data []byte) ([]string, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	if _, err := d.Token(); err != nil { // [
		return nil, err
	}
	if _, err := d.Token(); err != nil { // {
		return nil, err
	}
	var keys []string
	for d.More() {
		k, err := d.Token()
		if err != nil {
			return nil, err
		}
		keys = append(keys, k.(string))
		var skip json.RawMessage
		if err := d.Decode(&skip); err != nil {
			return nil, err
		}
	}
	return keys, nil
}
