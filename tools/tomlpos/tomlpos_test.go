package tomlpos

import (
	"slices"
	"strings"
	"testing"
)

const doc = `# comment
id = "kst-2025-001" # trailing
tekst = """
Første linje
[ikke en tabell]
"""
"quoted key" = 1
a.b = 'lit'

[[punkt]]
nr = 1
[[punkt.oppfolging]]
dato = 2025-03-01
[[punkt]]
nr = 2
belop = [
  1,
  2_000, # c
  { x = 1, y = [4, 5] },
]
[[punkt.oppfolging]]
tekst = "a \" b"
[[punkt.oppfolging]]
status = "fullfort"
[regler]
grense = 1_000_000
[utvalg.kst]
navn = "Kommunestyret"
`

func TestLookup(t *testing.T) {
	ix := Parse([]byte(doc))
	for _, tc := range []struct {
		path string
		want Pos
	}{
		{"id", Pos{2, 1}},
		{"tekst", Pos{3, 1}},
		{"quoted key", Pos{7, 1}},
		{"a.b", Pos{8, 1}},
		{"a", Pos{1, 1}},
		{"punkt[0]", Pos{10, 1}},
		{"punkt[0].nr", Pos{11, 1}},
		{"punkt[0].oppfolging[0]", Pos{12, 1}},
		{"punkt[0].oppfolging[0].dato", Pos{13, 1}},
		{"punkt[1]", Pos{14, 1}},
		{"punkt[1].nr", Pos{15, 1}},
		{"punkt[1].belop", Pos{16, 1}},
		{"punkt[1].belop[0]", Pos{17, 3}},
		{"punkt[1].belop[1]", Pos{18, 3}},
		{"punkt[1].belop[2]", Pos{19, 3}},
		{"punkt[1].belop[2].y", Pos{19, 12}},
		{"punkt[1].belop[2].y[1]", Pos{19, 20}},
		{"punkt[1].oppfolging[0].tekst", Pos{22, 1}},
		{"punkt[1].oppfolging[1].status", Pos{24, 1}},
		// Missing keys fall back to their nearest ancestor.
		{"punkt[1].oppfolging[1].dato", Pos{23, 1}},
		{"punkt[1].frist", Pos{14, 1}},
		{"regler.grense", Pos{26, 1}},
		{"utvalg.kst.navn", Pos{28, 1}},
		{"nothing", Pos{1, 1}},
	} {
		if got := ix.Lookup(tc.path); got != tc.want {
			t.Errorf("Lookup(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
}

func TestColumnsCountCharacters(t *testing.T) {
	ix := Parse([]byte("x = { æ = 1, ø = [\"å\", 2] }\n"))
	if got, want := ix.Lookup("x.ø[1]"), (Pos{1, 24}); got != want {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestFind(t *testing.T) {
	ix := Parse([]byte(doc))
	got := ix.Find("punkt", "oppfolging")
	want := []string{"punkt[0].oppfolging", "punkt[1].oppfolging"}
	if !slices.Equal(got, want) {
		t.Errorf("Find = %q, want %q", got, want)
	}
}

func TestArrayOfTablesAtFirstElement(t *testing.T) {
	ix := Parse([]byte(doc))
	for path, want := range map[string]Pos{"punkt": {10, 1}, "punkt[0].oppfolging": {12, 1}, "punkt[1].oppfolging": {21, 1}} {
		if got := ix.Lookup(path); got != want || !ix.Has(path) {
			t.Errorf("Lookup(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestRejected(t *testing.T) {
	ix := Parse([]byte(doc))
	ix.Reject("punkt[1].belop")
	for path, want := range map[string]bool{"punkt[1].belop": true, "punkt[1].belop[2].x": true, "punkt[1]": false, "punkt[0].belop": false, "id": false} {
		if got := ix.Rejected(path); got != want {
			t.Errorf("Rejected(%q) = %v, want %v", path, got, want)
		}
	}
	for path, want := range map[string]bool{"punkt": true, "punkt[1]": true, "punkt[1].belop[0]": true, "punkt[0]": false, "id": false, "punk": false} {
		if got := ix.RejectedUnder(path); got != want {
			t.Errorf("RejectedUnder(%q) = %v, want %v", path, got, want)
		}
	}
	if (*Index)(nil).Rejected("id") {
		t.Error("a nil index rejects")
	}
}

func TestRejectedWhole(t *testing.T) {
	ix := Parse(nil)
	ix.Reject("")
	if !ix.Rejected("id") || !ix.Rejected("") {
		t.Error("rejecting the document does not reject its keys")
	}
}

func TestLimits(t *testing.T) {
	deep := "a = 1\nb = " + strings.Repeat("[", 1_000_000) + strings.Repeat("]", 1_000_000) + "\n"
	if l := Parse([]byte(deep)).Limit(); l == nil || l.Pos != (Pos{2, 5 + MaxDepth}) || l.What != "values nested more than 10 deep" {
		t.Errorf("deep arrays: limit %+v", l)
	}
	inline := "x = " + strings.Repeat("{a=", MaxDepth) + "1" + strings.Repeat("}", MaxDepth) + "\n"
	if l := Parse([]byte(inline)).Limit(); l != nil {
		t.Errorf("%d nested inline tables: limit %+v", MaxDepth, l)
	}
	dotted := strings.Repeat("a.", 100) + "b = 1\n"
	if l := Parse([]byte(dotted)).Limit(); l == nil || l.Pos != (Pos{1, 1 + 2*MaxKeyParts}) {
		t.Errorf("a long dotted key: limit %+v", l)
	}
	if l := Parse([]byte("[" + strings.Repeat("a.", 12) + "b]\n")).Limit(); l == nil {
		t.Error("a long table header has no limit")
	}
	if l := Parse([]byte(doc)).Limit(); l != nil {
		t.Errorf("a plain document: limit %+v", l)
	}
}

// TestNonDecimal: integers in base 16, 8 and 2 are found at their paths,
// in tables, arrays and inline tables; decimals, dates and text are not.
func TestNonDecimal(t *testing.T) {
	src := `a = 0x1F4
b = 500
c = [1, 0o777, 0b1]
d = { e = 0xff, f = "0x10" }
g = 2025-01-01
h = 0.5
i = 0
[[t]]
belop = 0b1010 # comment
[[t]]
belop = 10
`
	ix := Parse([]byte(src))
	want := map[string][2]string{
		"a": {"0x1F4", "hexadecimal"}, "c[1]": {"0o777", "octal"}, "c[2]": {"0b1", "binary"},
		"d.e": {"0xff", "hexadecimal"}, "t[0].belop": {"0b1010", "binary"},
	}
	for _, p := range []string{"a", "b", "c[0]", "c[1]", "c[2]", "d.e", "d.f", "g", "h", "i", "t[0].belop", "t[1].belop"} {
		text, base, ok := ix.NonDecimal(p)
		w, based := want[p]
		if ok != based || text != w[0] || base != w[1] {
			t.Errorf("NonDecimal(%q) = %q, %q, %v; want %q, %q, %v", p, text, base, ok, w[0], w[1], based)
		}
	}
	var none *Index
	if _, _, ok := none.NonDecimal("a"); ok {
		t.Error("nil index")
	}
}
