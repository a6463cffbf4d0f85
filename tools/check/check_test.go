package check_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/diag"
	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/record"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/bad/*.txtar")

// dataFS lays the files of the given archives over each other. A file's
// text may use these markers, since some bad input cannot be written in a
// txtar archive (which is UTF-8 text with LF line ends) or is too big to
// commit:
//
//	@LATIN1@          the byte 0xf8 (ø in Latin-1)
//	@BOM@             a UTF-8 byte-order mark
//	@xHH@             the byte with hex value HH, e.g. @x07@ for U+0007 (BEL)
//	@CRLF@            at the very start of a file: its line ends become CRLF
//	@REPEAT n@        on a line of its own: the lines up to a line @END@ are
//	…                 written n times, with @N@ in them replaced by 1 … n
//	@END@
func dataFS(archives ...*txtar.Archive) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, a := range archives {
		for _, f := range a.Files {
			if f.Name == "want" {
				continue
			}
			fsys[f.Name] = &fstest.MapFile{Data: expand(f.Data)}
		}
	}
	return fsys
}

var (
	byteRE   = regexp.MustCompile(`@x([0-9a-fA-F]{2})@`)
	repeatRE = regexp.MustCompile(`(?m)^@REPEAT (\d+)@\n((?s:.*?))^@END@\n`)
)

func expand(data []byte) []byte {
	data = repeatRE.ReplaceAllFunc(data, func(m []byte) []byte {
		sub := repeatRE.FindSubmatch(m)
		n, _ := strconv.Atoi(string(sub[1]))
		var b bytes.Buffer
		b.Grow(n * len(sub[2]))
		for i := 1; i <= n; i++ {
			b.Write(bytes.ReplaceAll(sub[2], []byte("@N@"), []byte(strconv.Itoa(i))))
		}
		return b.Bytes()
	})
	if rest, ok := bytes.CutPrefix(data, []byte("@CRLF@")); ok {
		data = bytes.ReplaceAll(rest, []byte("\n"), []byte("\r\n"))
	}
	data = bytes.ReplaceAll(data, []byte("@LATIN1@"), []byte("\xf8"))
	data = bytes.ReplaceAll(data, []byte("@BOM@"), []byte("\uFEFF"))
	return byteRE.ReplaceAllFunc(data, func(m []byte) []byte {
		n, _ := strconv.ParseUint(string(m[2:4]), 16, 8)
		return []byte{byte(n)}
	})
}

// run loads and checks fsys as portal check does.
func run(fsys fstest.MapFS) (*record.Set, *diag.List) {
	set, diags := load.Load(fsys, "data")
	check.Check(set, diags)
	return set, diags
}

func format(diags *diag.List) string {
	var b strings.Builder
	for _, d := range diags.Sorted() {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

func readArchive(t testing.TB, path string) *txtar.Archive {
	t.Helper()
	a, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestBaseIsValid(t *testing.T) {
	base := readArchive(t, "../../testdata/base.txtar")
	if got := format(second(run(dataFS(base)))); got != "" {
		t.Errorf("the base data has problems:\n%s", got)
	}
}

func second[A, B any](_ A, b B) B { return b }

func TestExpand(t *testing.T) {
	for in, want := range map[string]string{
		"a@x07@b":                        "a\ab",
		"@CRLF@a\nb\n":                   "a\r\nb\r\n",
		"x@LATIN1@@BOM@":                 "x\xf8\uFEFF",
		"h\n@REPEAT 3@\nn=@N@\n@END@\nt": "h\nn=1\nn=2\nn=3\nt",
	} {
		if got := string(expand([]byte(in))); got != want {
			t.Errorf("expand(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestBadInput lays each testdata/bad/*.txtar over the valid base and
// compares every diagnostic, with its position, to the archive's want
// section. Run with -update to rewrite the want sections, then review them.
//
// An archive whose name starts with "accept-" shows input that must be
// accepted: its want section is empty, and the data must also compile.
// Every other archive must give at least one diagnostic, and at least one
// error if its want section has one (so that the build stops).
func TestBadInput(t *testing.T) {
	base := readArchive(t, "../../testdata/base.txtar")
	files, _ := filepath.Glob("../../testdata/bad/*.txtar")
	if len(files) < 15 {
		t.Fatalf("only %d bad-input cases; want at least 15", len(files))
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			a := readArchive(t, file)
			set, diags := run(dataFS(base, a))
			got := format(diags)
			accept := strings.HasPrefix(name, "accept-")
			switch {
			case accept && got != "":
				t.Errorf("input that must be accepted has diagnostics:\n%s", got)
			case accept:
				compile.Compile(set)
			case got == "":
				t.Fatal("no diagnostics: the bad input was accepted")
			case strings.Contains(got, ": error: ") && diags.Errors() == 0:
				t.Error("errors are printed but not counted: the build would go on")
			}
			for _, line := range strings.Split(strings.TrimSpace(got), "\n") {
				if line != "" && (!strings.HasPrefix(line, "data/") || strings.Count(line, ":") < 4) {
					t.Errorf("diagnostic without path:line:col: %s", line)
				}
			}
			var want *txtar.File
			for i := range a.Files {
				if a.Files[i].Name == "want" {
					want = &a.Files[i]
				}
			}
			if want == nil {
				t.Fatal("no want section")
			}
			if *update {
				want.Data = []byte(got)
				if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if string(want.Data) != got {
				t.Errorf("diagnostics differ (re-run with -update and review)\ngot:\n%s\nwant:\n%s", got, want.Data)
			}
		})
	}
}
