package schema

import (
	"fmt"
	"regexp"
	"strings"
)

// DocPath is where the data format is documented for the staff, from the
// repository root. Its tables are the source of every key's description and
// of whether the key is required.
const DocPath = "docs/data-format.md"

// Docs is what docs/data-format.md says about each key of each kind.
//
// The document has one "## `FILE`" section per kind of file. Under it, and
// under each "### `[table]`" heading, a Markdown table has one row per key:
//
//	| key | type | required | [default |] example | meaning |
//
// The key cell names one or more keys in backticks, relative to the table
// of the heading ("`mal.id`" under "### `[[satsingsomrade]]` and …"). The
// required cell is "yes", "no", or a condition ("yes if no points"). A
// heading's text after " – " describes its table, and "(at least one)" in it
// makes the table required.
type Docs struct {
	kinds map[string]*kindDocs // by Kind.Doc
}

type kindDocs struct {
	heading string
	rows    map[string]*Row   // by key path: "punkt.oppfolging.dato"
	tables  map[string]*Table // by key path: "punkt.oppfolging"
	used    map[string]bool   // key paths matched to a field
}

// Row is one key's row in a table of docs/data-format.md.
type Row struct {
	Type     string // "text", "date", "kroner", "`\"nb\"` or `\"nn\"`"
	Required string // "yes", "no", "" or a condition
	Default  string
	Example  string // TOML as written in the example cell, without backticks
	Meaning  string
	Line     int
}

// Table is a "###" heading of docs/data-format.md that introduces a table
// of a kind ([regler], [[punkt]]), or a kind's own "##" heading.
type Table struct {
	Title string // the heading's text after " – ", or else all of it
	Text  string // the prose between the heading and its key table
	Line  int
}

// AtLeastOne reports whether the heading says the table must be written.
func (t *Table) AtLeastOne() bool { return strings.Contains(t.Title, "(at least one)") }

// IsRequired reports whether the row says the key is always required.
func (r *Row) IsRequired() bool { return r.Required == "yes" }

// Conditional reports whether the key is required only sometimes: the
// required cell is neither yes nor no ("yes if no points", "for
// `overtatt`/`avsluttet`").
func (r *Row) Conditional() bool {
	return r.Required != "yes" && r.Required != "no" && r.Required != ""
}

var (
	codeRE    = regexp.MustCompile("`([^`]*)`")
	tableRE   = regexp.MustCompile(`^\[\[?([a-z0-9_.]+)\]\]?$`)
	headingRE = regexp.MustCompile(`^(#{2,3}) (.*)$`)
)

// ParseDocs reads docs/data-format.md. Which sections describe which kinds
// comes from Kinds (Kind.Doc and Kind.DocTable).
func ParseDocs(md []byte) (*Docs, error) {
	d := &Docs{kinds: map[string]*kindDocs{}}
	byDoc := map[string]Kind{}
	for _, k := range Kinds {
		byDoc[k.Doc] = k
	}
	var (
		cur      *kindDocs // the kind of the current "##" section, if any
		base     string    // key path of the current table heading
		table    *Table    // the current heading's description, collecting prose
		cols     map[string]int
		inFence  bool
		errs     []string
		sawTable bool // the current heading's key table has started
	)
	lines := strings.Split(string(md), "\n")
	for i, line := range lines {
		n := i + 1
		if strings.HasPrefix(line, "```") {
			inFence = !inFence
			continue
		}
		if inFence {
			continue
		}
		if m := headingRE.FindStringSubmatch(line); m != nil {
			cols, sawTable, table = nil, false, nil
			codes, title := headingParts(m[2])
			if m[1] == "##" {
				cur = nil
				if len(codes) == 1 {
					if k, ok := byDoc[codes[0]]; ok {
						if d.kinds[k.Doc] != nil {
							errs = append(errs, fmt.Sprintf("line %d: a second section for %s", n, k.Doc))
							continue
						}
						cur = &kindDocs{heading: codes[0], rows: map[string]*Row{}, tables: map[string]*Table{}, used: map[string]bool{}}
						d.kinds[k.Doc] = cur
						base = k.DocTable
						table = &Table{Title: title, Line: n}
						cur.tables[""] = table
						if base != "" {
							cur.tables[base] = table
						}
					}
				}
				continue
			}
			if cur == nil {
				continue
			}
			base = ""
			table = &Table{Title: title, Line: n}
			for j, c := range codes {
				tm := tableRE.FindStringSubmatch(c)
				if tm == nil {
					errs = append(errs, fmt.Sprintf("line %d: %q in a heading is not a table such as [[punkt]]", n, c))
					continue
				}
				if j == 0 {
					base = tm[1]
				}
				cur.tables[tm[1]] = table
			}
			continue
		}
		if cur == nil {
			continue
		}
		if !strings.HasPrefix(strings.TrimSpace(line), "|") {
			if table != nil && !sawTable && strings.TrimSpace(line) != "" {
				table.Text = strings.TrimSpace(table.Text + " " + strings.TrimSpace(line))
			}
			if strings.TrimSpace(line) == "" && sawTable {
				cols = nil
			}
			continue
		}
		cells := splitRow(line)
		if cols == nil {
			// The header row names the columns.
			cols = map[string]int{}
			for j, c := range cells {
				cols[strings.ToLower(c)] = j
			}
			for _, want := range []string{"key", "type", "required", "example", "meaning"} {
				if _, ok := cols[want]; !ok {
					errs = append(errs, fmt.Sprintf("line %d: the table has no %q column", n, want))
				}
			}
			sawTable = true
			continue
		}
		if strings.Trim(line, "|-: ") == "" {
			continue // the header's separator
		}
		cell := func(name string) string {
			if j, ok := cols[name]; ok && j < len(cells) {
				return cells[j]
			}
			return ""
		}
		keys := codes(cell("key"))
		if len(keys) == 0 {
			errs = append(errs, fmt.Sprintf("line %d: no `key` in the key column", n))
			continue
		}
		examples := codes(cell("example"))
		for j, k := range keys {
			p := k
			if base != "" {
				p = base + "." + k
			}
			if cur.rows[p] != nil {
				errs = append(errs, fmt.Sprintf("line %d: key %s is also described on line %d", n, p, cur.rows[p].Line))
				continue
			}
			ex := strings.Join(examples, ", ")
			if len(examples) == len(keys) {
				ex = examples[j] // "`fra_ar`, `til_ar`" with "`2024`, `2030`"
			}
			cur.rows[p] = &Row{
				Type:     cell("type"),
				Required: strings.ToLower(cell("required")),
				Default:  strings.Trim(cell("default"), "`"),
				Example:  ex,
				Meaning:  cell("meaning"),
				Line:     n,
			}
		}
	}
	for _, k := range Kinds {
		if d.kinds[k.Doc] == nil {
			errs = append(errs, fmt.Sprintf("no section \"## `%s`\" for %s", k.Doc, k.Name))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s: %s", DocPath, strings.Join(errs, "; "))
	}
	return d, nil
}

// headingParts returns the backticked codes of a heading and its text after
// " – ".
func headingParts(h string) (codes []string, title string) {
	head, title, ok := strings.Cut(h, " – ")
	for _, m := range codeRE.FindAllStringSubmatch(head, -1) {
		codes = append(codes, m[1])
	}
	if !ok {
		title = h
	}
	return codes, strings.TrimSpace(title)
}

// codes returns the backticked parts of a cell.
func codes(cell string) []string {
	var out []string
	for _, m := range codeRE.FindAllStringSubmatch(cell, -1) {
		out = append(out, m[1])
	}
	return out
}

// splitRow splits a Markdown table row into its trimmed cells; "\|" is a
// pipe inside a cell.
func splitRow(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	line = strings.TrimSuffix(line, "|")
	var cells []string
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == '\\' && i+1 < len(line) && line[i+1] == '|':
			b.WriteByte('|')
			i++
		case line[i] == '|':
			cells = append(cells, strings.TrimSpace(b.String()))
			b.Reset()
		default:
			b.WriteByte(line[i])
		}
	}
	return append(cells, strings.TrimSpace(b.String()))
}

// row returns the docs row of a key path of kind k and marks it used.
func (d *Docs) row(k Kind, path string) *Row {
	kd := d.kinds[k.Doc]
	if r := kd.rows[path]; r != nil {
		kd.used[path] = true
		return r
	}
	return nil
}

// table returns the heading that describes a table of kind k ("" is the
// file itself) and marks it used.
func (d *Docs) table(k Kind, path string) *Table {
	kd := d.kinds[k.Doc]
	if t := kd.tables[path]; t != nil {
		kd.used["["+path+"]"] = true
		return t
	}
	return nil
}

// unused lists the rows and headings of kind k that no field matched.
func (d *Docs) unused(k Kind) []string {
	kd := d.kinds[k.Doc]
	var out []string
	for p, r := range kd.rows {
		if !kd.used[p] {
			out = append(out, fmt.Sprintf("line %d: key %s", r.Line, p))
		}
	}
	for p, t := range kd.tables {
		if p != "" && !kd.used["["+p+"]"] {
			out = append(out, fmt.Sprintf("line %d: table [%s]", t.Line, p))
		}
	}
	return out
}
