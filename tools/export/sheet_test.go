package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/hostile"
)

// readSheet reads a spreadsheet variant: byte-order mark, ";" between
// values.
func readSheet(tb testing.TB, data []byte) [][]string {
	tb.Helper()
	rest, ok := bytes.CutPrefix(data, []byte(bom))
	if !ok {
		tb.Fatalf("no byte-order mark: %q", data[:min(len(data), 20)])
	}
	r := csv.NewReader(bytes.NewReader(rest))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	return recs
}

// TestHostileCells writes a table of cells a spreadsheet would run as a
// formula, and harmless ones, through both writers: the list's CSV keeps
// every text exactly and validates against its Table Schema; the
// spreadsheet variant puts an apostrophe in front of exactly the dangerous
// texts and leaves numbers, negative ones too, as numbers.
func TestHostileCells(t *testing.T) {
	for _, tc := range []struct {
		text    string
		neutral bool // want an apostrophe in front in the spreadsheet variant
	}{
		{`=HYPERLINK("http://x","y")`, true},
		{`+1+1`, true},
		{`-2+3`, true},
		{`@SUM(A1)`, true},
		{"\t=1", true},
		{"\r=1", true},
		{"\n=1", true},
		{"\r\n=1", true},
		{`＝1`, true},
		{`＋1`, true},
		{`－1`, true},
		{`＠SUM(A1)`, true},
		{`﹦1`, true},
		{`⁼1`, true},
		{`−5`, true},
		{` =1`, true},
		{"  \t @x", true},
		{"\u00a0=1", true},
		{"\u3000＝1", true},
		{"\u200b=1", true},
		{"\ufeff+1", true},
		{"\u202e=1", true},
		{`=cmd|' /C calc'!A0`, true},
		{"\tTabulator først", true},
		{"\x01kontrolltegn", true},
		{`'=1+1`, true},
		{`'sitat`, true},
		{`Nordbyen skole – nybygg`, false},
		{`2+2 er fire`, false},
		{`e-post`, false},
		{`kr -500`, false},
		{`a=b`, false},
		{`– tankestrek`, false},
		{`«sitat»`, false},
		{` innrykk`, false},
		{"\u200bord", false},
		{`#REF!`, false},
		{`(1+1)`, false},
		{`100 %`, false},
		{`semikolon; "sitat", komma`, false},
		{"linje\n=1", false},
	} {
		t.Run(strconv.Quote(tc.text), func(t *testing.T) {
			tb := &table{name: "x",
				fields: []field{
					{name: "tekst", typ: tString, required: true, title: "export_vedtakspunkter_tekst", desc: "export_vedtakspunkter_tekst_desc"},
					{name: "belop", typ: tInteger, title: "export_reguleringer_belop", desc: "export_reguleringer_belop_desc"},
					{name: "pst", typ: tNumber, title: "export_prosjekter_avvik_justert_pct", desc: "export_prosjekter_avvik_justert_pct_desc"},
					{name: "dato", typ: tDate, title: "export_vedtak_dato", desc: "export_vedtak_dato_desc"},
					{name: "ok", typ: tBoolean, title: "export_prosjekter_over_ramme", desc: "export_prosjekter_over_ramme_desc"},
				},
				primaryKey: []string{"tekst"},
				rows:       [][]cell{{str(tc.text), integer(-500), number(-12.5), date("2025-03-14"), boolean(false)}},
			}
			if err := tb.validate(); err != nil {
				t.Fatal(err)
			}
			want := strings.ReplaceAll(strings.ReplaceAll(tc.text, "\r\n", "\n"), "\r", "\n")

			// The list's CSV: the text exactly, valid against its schema.
			data, err := tb.csv()
			if err != nil {
				t.Fatal(err)
			}
			recs := readCSV(t, data)
			if got := recs[1]; !slices.Equal(got, []string{want, "-500", "-12.5", "2025-03-14", "false"}) {
				t.Errorf("CSV row %q", got)
			}
			schema, _ := marshal(tb.schema(catalog.Must("nb")))
			sheetSchema, _ := marshal(tb.sheetSchema(catalog.Must("nb")))
			sheet := tb.sheetCSV()
			files := map[string][]byte{dir + "x.csv": data, dir + "x.schema.json": schema,
				dir + "x-regneark.csv": sheet, dir + "x-regneark.schema.json": sheetSchema}
			v := &validator{}
			v.table(dpResource{Name: "x", Path: "x.csv", Schema: "x.schema.json"}, files)
			v.table(dpResource{Name: "x-regneark", Path: "x-regneark.csv", Schema: "x-regneark.schema.json",
				Dialect: &dpDialect{Delimiter: ";", LineTerminator: "\r\n", QuoteChar: `"`, DoubleQuote: true, Header: true}}, files)
			for _, p := range v.problems {
				t.Error(p)
			}

			// The spreadsheet variant: an apostrophe in front of exactly the
			// dangerous texts; numbers stay numbers.
			wantText := want
			if tc.neutral {
				wantText = "'" + want
			}
			srecs := readSheet(t, sheet)
			if got := srecs[1]; !slices.Equal(got, []string{wantText, "-500", "-12,5", "2025-03-14", "false"}) {
				t.Errorf("spreadsheet row %q, want text %q", got, wantText)
			}
			// Every value is quoted, so no separator in a text splits it.
			if line := bytes.SplitN(bytes.TrimPrefix(sheet, []byte(bom)), []byte("\r\n"), 2)[1]; !bytes.HasPrefix(line, []byte(`"`)) {
				t.Errorf("spreadsheet row not quoted: %q", line)
			}
		})
	}
}

// TestSheetFormat pins the bytes of a spreadsheet variant: byte-order
// mark, ";", everything quoted, decimal comma, CRLF also inside a text,
// empty for missing.
func TestSheetFormat(t *testing.T) {
	tb := &table{name: "x", fields: []field{{name: "a", typ: tString}, {name: "b", typ: tInteger}, {name: "c", typ: tNumber}},
		rows: [][]cell{{str("komma, \"sitat\"; semikolon\nny linje"), integer(-1250000), number(2.5)}, {null(), null(), null()}}}
	want := "\ufeff\"a\";\"b\";\"c\"\r\n\"komma, \"\"sitat\"\"; semikolon\r\nny linje\";\"-1250000\";\"2,5\"\r\n;;\r\n"
	if got := string(tb.sheetCSV()); got != want {
		t.Errorf("spreadsheet variant:\n%q\nwant\n%q", got, want)
	}
}

// TestSheetTypeFromColumn: a value of another type than its column's is
// written as text, neutralised (validate rejects such a table; the writer
// does not rely on it).
func TestSheetTypeFromColumn(t *testing.T) {
	for _, tc := range []struct {
		typ  string
		c    cell
		want string
	}{
		{tInteger, integer(-500), "-500"},
		{tNumber, number(-0.5), "-0,5"},
		{tString, str("-500"), "'-500"},
		{tNumber, str("-1+1"), "'-1+1"},
		{tInteger, number(-1), "'-1.0"},
		{tDate, date("2025-01-01"), "2025-01-01"},
		{tBoolean, boolean(true), "true"},
		{tString, null(), ""},
	} {
		if got := sheetText(tc.typ, tc.c); got != tc.want {
			t.Errorf("sheetText(%s, %+v) = %q, want %q", tc.typ, tc.c, got, tc.want)
		}
	}
}

// sheetAgrees checks every spreadsheet variant against its list's CSV,
// reading the types from the variant's own schema: the same header and
// rows; a number with "," for "."; a text equal to the CSV's after
// removing one leading apostrophe, and unchanged when the CSV's starts
// with a letter or digit. It returns how many texts carry an apostrophe.
func sheetAgrees(t *testing.T, f map[string][]byte, idx Index) int {
	t.Helper()
	marked := 0
	for _, l := range idx.Lister {
		data, sheet := readCSV(t, f[l.CSV]), readSheet(t, f[l.Regneark])
		var schema tsSchema
		if err := json.Unmarshal(f[strings.TrimSuffix(l.Regneark, ".csv")+".schema.json"], &schema); err != nil {
			t.Fatal(err)
		}
		if len(data) != len(sheet) || !slices.Equal(data[0], sheet[0]) {
			t.Errorf("%s: %d rows, header %q; the CSV %d, %q", l.Regneark, len(sheet), sheet[0], len(data), data[0])
			continue
		}
		for r := 1; r < len(data); r++ {
			for i, fld := range schema.Fields {
				d, s := data[r][i], sheet[r][i]
				switch fld.Type {
				case tNumber:
					if s != strings.Replace(d, ".", ",", 1) {
						t.Errorf("%s:%d: %s %q, the CSV %q", l.Regneark, r+1, fld.Name, s, d)
					}
				case tString:
					if u, ok := strings.CutPrefix(s, "'"); ok {
						marked++
						s = u
					}
					first, _ := utf8.DecodeRuneInString(d)
					if s != d || (unicode.IsLetter(first) || unicode.IsDigit(first)) && sheet[r][i] != d {
						t.Errorf("%s:%d: %s %q, the CSV %q", l.Regneark, r+1, fld.Name, sheet[r][i], d)
					}
				default:
					if s != d {
						t.Errorf("%s:%d: %s %q, the CSV %q", l.Regneark, r+1, fld.Name, s, d)
					}
				}
			}
		}
	}
	return marked
}

// TestSheetExample: the example's spreadsheet variants hold the same data
// as its CSV files, and none of its texts needs an apostrophe.
func TestSheetExample(t *testing.T) {
	f, idx := files(t, example(t))
	if n := sheetAgrees(t, f, idx); n != 0 {
		t.Errorf("%d texts of the example got an apostrophe", n)
	}
}

// safeStart says whether a spreadsheet cell may start with r: a letter, a
// digit or the apostrophe that marks text. Written apart from
// formulaLike, so that a character it misses shows here.
func safeStart(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\''
}

// TestSheetHostile writes a spreadsheet formula at the start of every
// free-text field of the example (package hostile) and checks every cell
// of every spreadsheet variant: a text starts with a letter, a digit or an
// apostrophe; a number is a number and nothing else. The list CSVs keep
// the formulas as written, so the test sees the data.
func TestSheetHostile(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "data")
	fields, err := hostile.InjectFormulas("../../data", dst)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"tittel", "tekst", "navn", "ansvarlig", "kommentar"} {
		if fields[k] == 0 {
			t.Errorf("no %s field got a formula (fields: %v)", k, fields)
		}
	}
	site := compileFS(t, os.DirFS(dst))
	f, idx := files(t, site)
	for _, p := range validatePackage(f) {
		t.Error(p)
	}
	// Every payload starts some cell of the list CSVs.
	seen := map[string]bool{}
	for _, l := range idx.Lister {
		for _, row := range readCSV(t, f[l.CSV])[1:] {
			for _, c := range row {
				for _, p := range hostile.Formulas {
					if strings.HasPrefix(c, strings.ReplaceAll(p, "\r", "\n")+" ") {
						seen[p] = true
					}
				}
			}
		}
	}
	for _, p := range hostile.Formulas {
		if !seen[p] {
			t.Errorf("no cell of the list CSVs starts with %q", p)
		}
	}
	for _, l := range idx.Lister {
		var schema tsSchema
		if err := json.Unmarshal(f[strings.TrimSuffix(l.Regneark, ".csv")+".schema.json"], &schema); err != nil {
			t.Fatal(err)
		}
		recs := readSheet(t, f[l.Regneark])
		for r, row := range recs {
			for i, c := range row {
				if c == "" {
					continue
				}
				typ := tString
				if r > 0 {
					typ = schema.Fields[i].Type
				}
				switch typ {
				case tInteger, tNumber:
					if _, err := strconv.ParseFloat(strings.Replace(c, ",", ".", 1), 64); err != nil {
						t.Errorf("%s:%d: %s %q is not a number", l.Regneark, r+1, schema.Fields[i].Name, c)
					}
				default:
					if first, _ := utf8.DecodeRuneInString(c); !safeStart(first) {
						t.Errorf("%s:%d: %s starts with %q: %q", l.Regneark, r+1, schema.Fields[i].Name, first, c)
					}
				}
			}
		}
	}
	if n := sheetAgrees(t, f, idx); n < 100 {
		t.Errorf("only %d texts got an apostrophe; the test is not seeing the formulas", n)
	}
}
