package planimport

import (
	"fmt"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/sheet"
)

var areas = []record.Omrade{{ID: "oppvekst", Navn: "Oppvekst"}, {ID: "kultur", Navn: "Kultur og idrett"}}

// mapping decodes a mapping for a table in 1 000 kr with 2026–2029 in C–F.
func mapping(t *testing.T, extra string) *sheet.Mapping {
	t.Helper()
	extra, tail, _ := strings.Cut(extra, "\n[omrader]")
	if tail != "" {
		tail = "\n[omrader]" + tail + "\n"
	}
	src := extra + `
okonomiplan = "2026-2029"
overskriftsrad = 1
enhet = "1000 kr"

[kolonner]
navn = "A"
` + yearCols(2026) + tail
	m, probs := sheet.DecodeMapping("m.toml", []byte(src))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	return m
}

func yearCols(first int) string {
	var b strings.Builder
	for i := range Years {
		fmt.Fprintf(&b, "\n[[arskolonne]]\nkolonne = %q\nar = %d\n", string(rune('C'+i)), first+i)
	}
	return b.String()
}

// table is a table with the rows (name, four figures in 1 000 kr).
func table(stage string, rows map[string][4]int64, order ...string) *sheet.Table {
	t := &sheet.Table{File: "hop.xlsx", Sheet: "HØP", Unit: sheet.Thousand}
	for i := range Years {
		c := string(rune('C' + i))
		t.Years = append(t.Years, sheet.Year{Year: 2026 + i, Stage: stage, Column: c, Header: "HØP!" + c + "1"})
	}
	for r, name := range order {
		row := sheet.Row{Name: name, Pos: fmt.Sprintf("HØP!A%d", r+2)}
		for i, v := range rows[name] {
			row.Amounts = append(row.Amounts, sheet.Amount{Kr: v * 1000, Set: true, Pos: fmt.Sprintf("HØP!%c%d", 'C'+i, r+2)})
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

var figs = map[string][4]int64{"Oppvekst": {568_400, 563_900, 559_700, 556_500}, "Kultur og idrett": {46_800, 46_800, 47_900, 48_200}}

func TestApplyWrites(t *testing.T) {
	for _, tc := range []struct {
		name, extra, src, want string
	}{
		{"top-level vedtatt replaced, reguleringer kept", `fase = "vedtatt"`,
			`id = "2026-2029"
forste_ar = 2026
enhet = "1000kr"
vedtatt_i = "kst-2025-110" # the council's vedtak
ramme = [ { omrade = "oppvekst", belop = [1, 2, 3, 4] } ] # old

# Reguleringer.
[[regulering]]
omrade = "oppvekst"
ar = 2026
belop = 1_200
`, `id = "2026-2029"
forste_ar = 2026
enhet = "1000kr"
vedtatt_i = "kst-2025-110" # the council's vedtak
ramme = [
  { omrade = "oppvekst", belop = [568_400, 563_900, 559_700, 556_500] },
  { omrade = "kultur",   belop = [46_800, 46_800, 47_900, 48_200] },
] # old

# Reguleringer.
[[regulering]]
omrade = "oppvekst"
ar = 2026
belop = 1_200
`},
		{"a new stage after the last, before what follows", "fase = \"innstilling\"\nvedtak = \"fsk-2025-061\"",
			`id = "2026-2029"
forste_ar = 2026
enhet = "1000kr"

[[stadium]]
type = "forslag" # tabell 3.1
ramme = [
  { omrade = "oppvekst", belop = [1, 2, 3, 4] },
]

# Staff's comment on the reguleringer.
[[regulering]]
omrade = "oppvekst"
ar = 2026
belop = 1_200
`, `id = "2026-2029"
forste_ar = 2026
enhet = "1000kr"

[[stadium]]
type = "forslag" # tabell 3.1
ramme = [
  { omrade = "oppvekst", belop = [1, 2, 3, 4] },
]

[[stadium]]
type = "innstilling"
vedtak = "fsk-2025-061"
ramme = [
  { omrade = "oppvekst", belop = [568_400, 563_900, 559_700, 556_500] },
  { omrade = "kultur",   belop = [46_800, 46_800, 47_900, 48_200] },
]

# Staff's comment on the reguleringer.
[[regulering]]
omrade = "oppvekst"
ar = 2026
belop = 1_200
`},
		{"a top-level vedtatt stage without ramme gets one after its keys", `fase = "vedtatt"`,
			"id = \"x\"\nvedtatt_i = \"k\"\nsum_driftsrammer = [\n  1, # a comment ]\n  2,\n]\nforste_ar = 2026\nenhet = \"1000kr\"\n\n[[regulering]]\nar = 2026\n",
			"id = \"x\"\nvedtatt_i = \"k\"\nsum_driftsrammer = [\n  1, # a comment ]\n  2,\n]\nramme = [\n  { omrade = \"oppvekst\", belop = [568_400, 563_900, 559_700, 556_500] },\n  { omrade = \"kultur\",   belop = [46_800, 46_800, 47_900, 48_200] },\n]\nforste_ar = 2026\nenhet = \"1000kr\"\n\n[[regulering]]\nar = 2026\n"},
		{"a stage without ramme gets one after its keys", `fase = "vedtatt"`,
			"id = \"x\"\nforste_ar = 2026\nenhet = \"1000kr\"\n\n[[stadium]]\ntype = \"vedtatt\"\nvedtak = \"kst-2025-110\"\n\n# end\n",
			"id = \"x\"\nforste_ar = 2026\nenhet = \"1000kr\"\n\n[[stadium]]\ntype = \"vedtatt\"\nvedtak = \"kst-2025-110\"\nramme = [\n  { omrade = \"oppvekst\", belop = [568_400, 563_900, 559_700, 556_500] },\n  { omrade = \"kultur\",   belop = [46_800, 46_800, 47_900, 48_200] },\n]\n\n# end\n"},
		{"the alternative of the mapping's navn", "fase = \"alternativ\"\nnavn = \"Høyre\"",
			"forste_ar = 2026\nenhet = \"1000kr\"\n\n[[stadium]]\ntype = \"alternativ\"\nnavn = \"SV\"\nramme = [{ omrade = \"kultur\", belop = [1, 2, 3, 4] }]\n\n[[stadium]]\ntype = \"alternativ\"\nnavn = \"Høyre\"\nramme = [ { omrade = \"a ] b\", belop = [1] }, # a ] comment\n]\n",
			"forste_ar = 2026\nenhet = \"1000kr\"\n\n[[stadium]]\ntype = \"alternativ\"\nnavn = \"SV\"\nramme = [{ omrade = \"kultur\", belop = [1, 2, 3, 4] }]\n\n[[stadium]]\ntype = \"alternativ\"\nnavn = \"Høyre\"\nramme = [\n  { omrade = \"oppvekst\", belop = [568_400, 563_900, 559_700, 556_500] },\n  { omrade = \"kultur\",   belop = [46_800, 46_800, 47_900, 48_200] },\n]\n"},
		{"[[ramme]] tables of the same areas: only the changed belop", `fase = "vedtatt"`,
			"forste_ar = 2026\nenhet = \"1000kr\"\nvedtatt_i = \"k\"\n\n[[ramme]]   # oppvekst\nomrade = \"oppvekst\"\nbelop = [1, 2,\n  3, 4]  # old figures\n\n[[ramme]]\nomrade = \"kultur\"\nbelop = [46_800, 46_800, 47_900, 48_200] # as printed\n",
			"forste_ar = 2026\nenhet = \"1000kr\"\nvedtatt_i = \"k\"\n\n[[ramme]]   # oppvekst\nomrade = \"oppvekst\"\nbelop = [568_400, 563_900, 559_700, 556_500]  # old figures\n\n[[ramme]]\nomrade = \"kultur\"\nbelop = [46_800, 46_800, 47_900, 48_200] # as printed\n"},
		{"CRLF line ends kept; enhet set in a file without amounts", "fase = \"forslag\"",
			"id = \"x\"\r\ntittel = \"T\"\r\nforste_ar = 2026\r\n",
			"id = \"x\"\r\ntittel = \"T\"\r\nenhet = \"1000kr\"\r\nforste_ar = 2026\r\n\r\n[[stadium]]\r\ntype = \"forslag\"\r\nramme = [\r\n  { omrade = \"oppvekst\", belop = [568_400, 563_900, 559_700, 556_500] },\r\n  { omrade = \"kultur\",   belop = [46_800, 46_800, 47_900, 48_200] },\r\n]\r\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := mapping(t, tc.extra)
			in := Input{Table: table(m.Stage, figs, "Oppvekst", "Kultur og idrett"), Mapping: m, Areas: areas, File: "p.toml", Src: []byte(tc.src)}
			out, probs := Apply(in)
			if len(probs) > 0 {
				t.Fatal(probs)
			}
			if string(out) != tc.want {
				t.Fatalf("got\n%s\nwant\n%s", out, tc.want)
			}
			in.Src = out
			again, probs := Apply(in)
			if len(probs) > 0 || string(again) != string(out) {
				t.Fatalf("second run changed the file: %v\n%s", probs, again)
			}
		})
	}
}

func TestApplyProblems(t *testing.T) {
	dup := map[string][4]int64{"Oppvekst": {1, 2, 3, 4}, "oppvekst": {1, 2, 3, 4}, "Kultur og idrett": {1, 2, 3, 4}}
	for _, tc := range []struct {
		name, extra, src string
		tab              *sheet.Table
		want             []string
	}{
		{"[[ramme]] tables are not rewritten", `fase = "vedtatt"`,
			"forste_ar = 2026\nenhet = \"1000kr\"\nvedtatt_i = \"k\"\n\n[[ramme]]\nomrade = \"oppvekst\"\nbelop = [1, 2, 3, 4]\n", nil,
			[]string{"p.toml: line 5: the ramme of the top level is written as [[ramme]] tables"}},
		{"another unit in the file", `fase = "forslag"`, "forste_ar = 2026\nenhet = \"kr\"\n", nil,
			[]string{"p.toml:2:1: the file's figures are in kr and the sheet's in 1000kr (m.toml:4:1)"}},
		{"no enhet but amounts: kr", `fase = "forslag"`, "forste_ar = 2026\ntoleranse = 2\n", nil,
			[]string{"p.toml: the file's figures are in kr and the sheet's in 1000kr"}},
		{"years do not match forste_ar", `fase = "forslag"`, "forste_ar = 2025\nenhet = \"1000kr\"\n", nil,
			[]string{"HØP!C1: column C is 2026, but the plan's year 1 is 2025 (forste_ar of p.toml)", "HØP!F1: column F is 2029, but the plan's year 4 is 2028"}},
		{"an unknown area with a suggestion", `fase = "forslag"`, "",
			table("forslag", map[string][4]int64{"Opvekst": {1, 2, 3, 4}, "Idrett": {1, 2, 3, 4}}, "Opvekst", "Idrett"),
			[]string{`HØP!A2: area "Opvekst" is not a rammeområde: the known areas are "oppvekst" (Oppvekst), "kultur" (Kultur og idrett). Did you mean "oppvekst"?`,
				`HØP!A3: area "Idrett" is not a rammeområde`, `Did you mean "kultur"?`}},
		{"two rows of one area", `fase = "forslag"`, "", table("forslag", dup, "Oppvekst", "Kultur og idrett", "oppvekst"),
			[]string{`HØP!A4: this row is rammeområde "oppvekst", and so is HØP!A2`}},
		{"[omrader] naming an unknown id", "fase = \"forslag\"\n[omrader]\n\"Oppvekst\" = \"skole\"", "", nil,
			[]string{`HØP!A2: [omrader] (m.toml:26:1) says "Oppvekst" is "skole", which is not an id`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := mapping(t, tc.extra)
			tab := tc.tab
			if tab == nil {
				tab = table(m.Stage, figs, "Oppvekst", "Kultur og idrett")
			}
			var src []byte
			if tc.src != "" {
				src = []byte(tc.src)
			}
			out, probs := Apply(Input{Table: tab, Mapping: m, Areas: areas, File: "p.toml", Src: src})
			if out != nil {
				t.Errorf("wrote a file despite problems")
			}
			var got []string
			for _, p := range probs {
				got = append(got, p.String())
			}
			all := strings.Join(got, "\n")
			for _, w := range tc.want {
				if !strings.Contains(all, w) {
					t.Errorf("problems lack %q:\n%s", w, all)
				}
			}
		})
	}
}

// The [omrader] table maps a sheet's codes or names to ids.
func TestApplyAreaTable(t *testing.T) {
	m := mapping(t, "fase = \"forslag\"\n[omrader]\n\"Skole\" = \"oppvekst\"\n\"KULTUR\" = \"kultur\"")
	tab := table("forslag", map[string][4]int64{"skole": {1, 2, 3, 4}, "Kultur": {5, 6, 7, 8}}, "skole", "Kultur")
	out, probs := Apply(Input{Table: tab, Mapping: m, Areas: areas, File: "p.toml"})
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	for _, w := range []string{`{ omrade = "oppvekst", belop = [1, 2, 3, 4] }`, `{ omrade = "kultur",   belop = [5, 6, 7, 8] }`, "forste_ar = 2026\nenhet = \"1000kr\"\n"} {
		if !strings.Contains(string(out), w) {
			t.Errorf("lacks %q:\n%s", w, out)
		}
	}
}
