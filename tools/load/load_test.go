package load

import (
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/openkommune/portal/tools/diag"
	"github.com/openkommune/portal/tools/record"
)

const kommune = `navn = "Testvik kommune"
kommunenummer = "9999"
malform = "nb"
referansedato = 2026-10-31
lisens = "NLOD 2.0"

[[utvalg]]
kode = "KST"
navn = "Kommunestyret"
`

func load(t *testing.T, files map[string]string) (*record.Set, string) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	set, diags := Load(fsys, "data")
	return set, format(diags)
}

func format(diags *diag.List) string {
	var b strings.Builder
	for _, d := range diags.Sorted() {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

func TestCRLFIsLF(t *testing.T) {
	src := "id = \"kst-2025-001\"\r\ntekst = \"\"\"\r\nFørste linje.\r\nAndre linje.\r\n\"\"\"\r\n"
	set, got := load(t, map[string]string{"kommune.toml": kommune, "vedtak/kst-2025-001.toml": src})
	if got != "" {
		t.Fatalf("diagnostics:\n%s", got)
	}
	if tekst := set.Vedtak[0].Tekst; tekst != "Første linje.\nAndre linje.\n" {
		t.Errorf("tekst = %q: the same text must give the same site with LF and CRLF line ends", tekst)
	}
}

func TestWrongTypeKeepsRecord(t *testing.T) {
	set, got := load(t, map[string]string{"kommune.toml": kommune, "vedtak/kst-2025-001.toml": `id = "kst-2025-001"
tittel = ["Orientering"]
punkt = [1, 2]
planer = "boligplan"
`})
	want := `data/vedtak/kst-2025-001.toml:2:1: error: tittel: this is a list of text, but it must be text: write it in quotes: tittel = "…"
data/vedtak/kst-2025-001.toml:3:1: error: punkt: this is a list of numbers, but it must be a list of tables: write each element as a [[punkt]] table with its keys on the lines below (see docs/data-format.md)
data/vedtak/kst-2025-001.toml:4:1: error: planer: "boligplan" is text, but it must be a list: write it in square brackets, e.g. planer = ["boligplan"]
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if len(set.Vedtak) != 1 || set.Vedtak[0].ID != "kst-2025-001" {
		t.Fatalf("the record was not kept: %+v", set.Vedtak)
	}
	pos := set.Vedtak[0].Src.Pos
	for path, want := range map[string]bool{"tittel": true, "punkt": true, "punkt[0].nr": true, "planer": true, "id": false, "motedato": false} {
		if pos.Rejected(path) != want {
			t.Errorf("Rejected(%q) = %v, want %v", path, !want, want)
		}
	}
}

func TestUnreadableFileKeepsItsName(t *testing.T) {
	set, got := load(t, map[string]string{
		"kommune.toml":             "navn = \"Testvik\"\nnavn = \"Testvik\"\n",
		"rammeomrader.toml":        "[[omrade]\n",
		"vedtak/kst-2025-001.toml": "id = \"kst-2025-001\"\ntittel = \"Orientering\n",
		"vedtak/kst-2025-002.toml": "\xefid = \"kst-2025-002\"\n",
	})
	// Each file's problem once; kommune.toml is not also "missing".
	if n := strings.Count(got, "\n"); n != 4 || strings.Contains(got, "missing file") {
		t.Errorf("want one error per file, got:\n%s", got)
	}
	if set.Kommune != nil {
		t.Errorf("an unreadable kommune.toml gave a kommune")
	}
	if set.Omrader == nil || !set.Omrader.Src.Pos.Rejected("") {
		t.Errorf("an unreadable rammeomrader.toml must be there, rejected as a whole")
	}
	for i, id := range []string{"kst-2025-001", "kst-2025-002"} {
		if v := set.Vedtak[i]; v.ID != id || !v.Src.Pos.Rejected("") {
			t.Errorf("vedtak %d: id %q, rejected %v; want %q, true", i, v.ID, v.Src.Pos.Rejected(""), id)
		}
	}
}

func TestKeysAreCaseSensitive(t *testing.T) {
	set, got := load(t, map[string]string{"kommune.toml": kommune, "vedtak/kst-2025-001.toml": "id = \"kst-2025-001\"\nTittel = \"Orientering\"\n"})
	if want := "data/vedtak/kst-2025-001.toml:2:1: error: unknown key \"Tittel\": did you mean \"tittel\"?\n"; got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if set.Vedtak[0].Tittel != "" {
		t.Errorf("Tittel was read as tittel")
	}
}

func TestUnknownKeysAreCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("id = \"kst-2025-001\"\n")
	for i := range 100 {
		b.WriteString(strings.Repeat("x", i+1) + " = 1\n")
	}
	_, got := load(t, map[string]string{"kommune.toml": kommune, "vedtak/kst-2025-001.toml": b.String()})
	lines := strings.Split(strings.TrimSpace(got), "\n")
	if len(lines) != maxUnknown+1 {
		t.Fatalf("%d diagnostics, want %d:\n%s", len(lines), maxUnknown+1, got)
	}
	if want := "data/vedtak/kst-2025-001.toml:22:1: error: 80 more unknown keys from here on: is this the right kind of data file? The keys of each kind are in docs/data-format.md"; lines[maxUnknown] != want {
		t.Errorf("last diagnostic:\n%s\nwant:\n%s", lines[maxUnknown], want)
	}
}

func TestTooBig(t *testing.T) {
	_, got := load(t, map[string]string{"kommune.toml": kommune, "vedtak/kst-2025-001.toml": strings.Repeat("#", MaxFileSize+1)})
	if want := "data/vedtak/kst-2025-001.toml:1:1: error: file is 9 MB, more than the 8 MB a data file may be: a record is at most a few hundred KB; remove what was pasted or generated into it by mistake\n"; got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	_, got = load(t, map[string]string{"kommune.toml": kommune, "vedtak/kst-2025-001.toml": "id = \"kst-2025-001\"\n" + strings.Repeat("#", MaxFileSize-21) + "\n"})
	if got != "" {
		t.Errorf("a file of exactly %d bytes: %s", MaxFileSize, got)
	}
}

// tomlKeys are the TOML keys of a record type's fields, sorted, as the
// message about an unknown key lists them.
func tomlKeys(t reflect.Type) []string {
	var out []string
	for sf := range t.Fields() {
		if k, _, _ := strings.Cut(sf.Tag.Get("toml"), ","); k != "" && k != "-" {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// TestPathologicalShapes loads files near MaxFileSize of shapes that once
// took minutes to hours (the TOML decoder is quadratic in the nesting
// depth and the number of parts of a key; hints were quadratic in the
// length of an unknown key). Each must give its one error: the test has no
// timing assertion, but a regression makes it run into the test timeout.
func TestPathologicalShapes(t *testing.T) {
	n := MaxFileSize/2 - 10
	for name, tc := range map[string]struct{ src, want string }{
		"nested arrays": {"tiltak = " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n",
			"data/prosjekter/vei.toml:1:20: error: TOML: values nested more than 10 deep here: a data file needs two or three levels; write it as docs/data-format.md shows\n"},
		"dotted key": {strings.Repeat("a.", n) + "b = 1\n",
			"data/prosjekter/vei.toml:1:21: error: TOML: a key of more than 10 parts here: a data file needs two or three levels; write it as docs/data-format.md shows\n"},
		"long key": {"id = \"vei\"\n" + strings.Repeat("k", 2*n-20) + " = 1\n",
			"data/prosjekter/vei.toml:2:1: error: unknown key \"" + strings.Repeat("k", 39) + "…\": the keys allowed here are " + strings.Join(tomlKeys(reflect.TypeFor[record.Prosjekt]()), ", ") + "\n"},
	} {
		t.Run(name, func(t *testing.T) {
			_, got := load(t, map[string]string{"kommune.toml": kommune, "prosjekter/vei.toml": tc.src})
			if got != tc.want {
				t.Errorf("got:\n%.300s\nwant:\n%.300s", got, tc.want)
			}
		})
	}
}

// TestParallelOrder loads many files on all cores: the records and the
// diagnostics come out in the order of the directory walk, as on one core.
func TestParallelOrder(t *testing.T) {
	files := map[string]string{"kommune.toml": kommune}
	var want []string
	for i := range 300 {
		id := fmt.Sprintf("kst-2025-%03d", i+1)
		want = append(want, id)
		text := fmt.Sprintf("id = %q\ntittel = \"Sak %d\"\n", id, i)
		if i%7 == 0 {
			text += "feilnavn = 1\n" // an error in every seventh file
		}
		files["vedtak/"+id+".toml"] = text
	}
	for _, procs := range []int{1, 2, 8} {
		prev := runtime.GOMAXPROCS(procs)
		set, got := load(t, files)
		runtime.GOMAXPROCS(prev)
		var ids []string
		for _, v := range set.Vedtak {
			ids = append(ids, v.ID)
		}
		if !slices.Equal(ids, want) {
			t.Errorf("GOMAXPROCS=%d: vedtak in the order %v, want the walk's order", procs, ids[:10])
		}
		if n := strings.Count(got, "unknown key"); n != 43 {
			t.Errorf("GOMAXPROCS=%d: %d unknown keys reported, want 43:\n%s", procs, n, got)
		}
	}
}

func TestMisnamedDataFile(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"vedtak/2025/a.TOML", "vedtak/2025/a.toml"},
		{"a.toml ", "a.toml"},
		{"a.toml.", "a.toml"},
		{"a .toml", "a.toml"},
		{"prosjekter/b.Toml.txt", "prosjekter/b.toml"},
		{"a.tomlx", "a.toml"},
	} {
		got, ok := misnamed(tc.name)
		if !ok || got != tc.want {
			t.Errorf("misnamed(%q) = %q, %v; want %q", tc.name, got, ok, tc.want)
		}
	}
	for _, name := range []string{"logo.svg", "README.md", ".toml", "notater.txt"} {
		if got, ok := misnamed(name); ok {
			t.Errorf("misnamed(%q) = %q, want not a data file", name, got)
		}
	}
	_, msgs := load(t, map[string]string{"kommune.toml": kommune, "vedtak/2025/kst-2025-001.toml ": "id = 1"})
	if !strings.Contains(msgs, "data/vedtak/2025/kst-2025-001.toml :1:1: error: a data file must be named *.toml exactly") {
		t.Errorf("a name with a blank after .toml is not an error:\n%s", msgs)
	}
}
