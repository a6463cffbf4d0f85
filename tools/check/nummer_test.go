package check_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// TestOmradeNummer checks the rules for an area's nummer through the whole
// check, with two areas over the valid base: each bad number is one error
// at its value, a good one none.
func TestOmradeNummer(t *testing.T) {
	base := readArchive(t, "../../testdata/base.txtar")
	for _, tc := range []struct {
		a, b string // the two areas' nummer lines
		want string // a part of the one error; "" for none
	}{
		{`nummer = "20"`, `nummer = "30"`, ""},
		{`nummer = "1.2"`, `nummer = "A3"`, ""},
		{`nummer = "1.2.10"`, `nummer = "2-1"`, ""},
		{`nummer = "Å/3"`, ``, ""},
		{``, ``, ""},
		{`nummer = ""`, ``, "omrade[0].nummer: nummer is empty"},
		{`nummer = " 20"`, ``, "spaces before or after"},
		{`nummer = "20 "`, ``, "spaces before or after"},
		{`nummer = "1234567890123"`, ``, "13 characters long"},
		{`nummer = "20 30"`, ``, `contains ' '`},
		{`nummer = "2,1"`, ``, `contains ','`},
		{`nummer = "<b>"`, ``, `contains '<'`},
		{`nummer = ".1"`, ``, "separator at its start"},
		{`nummer = "1..2"`, ``, "two in a row"},
		{`nummer = "1."`, ``, "ends with a separator"},
		{`nummer = "20"`, `nummer = "20"`, `data/rammeomrader.toml:8:1: error: omrade[1].nummer: nummer "20" is also the number of rammeområde "oppvekst" (data/rammeomrader.toml:3:1)`},
		{`nummer = 20`, ``, "must be text"},
	} {
		areas := "[[omrade]]\nid = \"oppvekst\"\n" + tc.a + "\nnavn = \"Oppvekst\"\n\n[[omrade]]\nid = \"helse\"\n" + tc.b + "\nnavn = \"Helse og omsorg\"\n"
		a := &txtar.Archive{Files: []txtar.File{{Name: "rammeomrader.toml", Data: []byte(areas)}}}
		fsys := dataFS(base, a)
		got := format(second(run(fstest.MapFS(fsys))))
		if tc.want == "" {
			if got != "" {
				t.Errorf("%s / %s: want no diagnostics, got\n%s", tc.a, tc.b, got)
			}
			continue
		}
		if strings.Count(got, ": error: ") != 1 || !strings.Contains(got, tc.want) {
			t.Errorf("%s / %s: want one error containing %q, got\n%s", tc.a, tc.b, tc.want, got)
		}
	}
}
