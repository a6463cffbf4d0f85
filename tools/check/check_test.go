package check_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/load"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/bad/*.txtar")

// dataFS lays the files of the given archives over each other.
func dataFS(archives ...*txtar.Archive) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, a := range archives {
		for _, f := range a.Files {
			if f.Name == "want" {
				continue
			}
			data := strings.ReplaceAll(string(f.Data), "@LATIN1@", "\xf8")
			data = strings.ReplaceAll(data, "@BOM@", "\uFEFF")
			fsys[f.Name] = &fstest.MapFile{Data: []byte(data)}
		}
	}
	return fsys
}

func diagnose(fsys fstest.MapFS) string {
	set, diags := load.Load(fsys, "data")
	check.Check(set, diags)
	var b strings.Builder
	for _, d := range diags.Sorted() {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

func readArchive(t *testing.T, path string) *txtar.Archive {
	t.Helper()
	a, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestBaseIsValid(t *testing.T) {
	base := readArchive(t, "../../testdata/base.txtar")
	if got := diagnose(dataFS(base)); got != "" {
		t.Errorf("the base data has problems:\n%s", got)
	}
}

// TestBadInput lays each testdata/bad/*.txtar over the valid base and
// compares every diagnostic, with its position, to the archive's want
// section. Run with -update to rewrite the want sections, then review them.
func TestBadInput(t *testing.T) {
	base := readArchive(t, "../../testdata/base.txtar")
	files, _ := filepath.Glob("../../testdata/bad/*.txtar")
	if len(files) < 15 {
		t.Fatalf("only %d bad-input cases; want at least 15", len(files))
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			a := readArchive(t, file)
			got := diagnose(dataFS(base, a))
			if got == "" {
				t.Fatal("no diagnostics: the bad input was accepted")
			}
			for _, line := range strings.Split(strings.TrimSpace(got), "\n") {
				if !strings.HasPrefix(line, "data/") || strings.Count(line, ":") < 4 {
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
