package check_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/openkommune/portal/tools/compile"
)

// fuzzPaths are where FuzzLoadCheck puts its file: over a file of the base
// data (testdata/base.txtar) or beside it, under the names the bad-input
// cases use.
var fuzzPaths = []string{
	"kommune.toml",
	"rammeomrader.toml",
	"vedtak/2024/kst-2024-090.toml",
	"vedtak/2025/kst-2025-030.toml",
	"vedtak/2025/kst-2025-031.toml",
	"planer/samfunnsdel.toml",
	"planer/a.toml",
	"okonomiplan/2025-2028.toml",
	"prosjekter/nordbyen-skole.toml",
	"prosjekter/vei.toml",
}

// FuzzLoadCheck lays one file, at one of fuzzPaths, over the valid base
// data and loads and checks the whole as portal check does. Whatever the
// file holds, nothing may panic, every diagnostic names a file in the data
// directory at a line and column from 1 with a one-line message, and data
// without errors compiles into a site model that encodes as JSON.
//
// The seed corpus in testdata/fuzz/FuzzLoadCheck is the files of the
// bad-input cases and of the base (go test -run TestFuzzSeeds -writeseeds
// writes it again), with the crashers fuzzing has found.
func FuzzLoadCheck(f *testing.F) {
	base := dataFS(readArchive(f, "../../testdata/base.txtar"))
	f.Fuzz(func(t *testing.T, data []byte, where uint8) {
		fsys := maps.Clone(base)
		name := fuzzPaths[int(where)%len(fuzzPaths)]
		fsys[name] = &fstest.MapFile{Data: data}
		set, diags := run(fsys)
		for _, d := range diags.Sorted() {
			if d.Path != "data" && (!strings.HasPrefix(d.Path, "data/") || path.Clean(d.Path) != d.Path) {
				t.Errorf("diagnostic outside the data directory: %s", d)
			}
			if d.Line < 1 || d.Col < 1 {
				t.Errorf("diagnostic without a line and column: %s", d)
			}
			if d.Message == "" || strings.ContainsAny(d.Message, "\r\n") {
				t.Errorf("diagnostic without a one-line message: %q", d)
			}
		}
		if diags.Errors() > 0 {
			return
		}
		site := compile.Compile(set)
		if _, err := json.Marshal(site); err != nil {
			t.Errorf("data without errors compiles into a model that does not encode: %v", err)
		}
	})
}

var writeSeeds = flag.Bool("writeseeds", false, "write the seed corpus of FuzzLoadCheck from testdata/base.txtar and testdata/bad")

// TestFuzzSeeds writes FuzzLoadCheck's seed corpus with -writeseeds: every
// file of the base and of the bad-input cases that goes to one of
// fuzzPaths (generated input, @REPEAT@, is left out: it is large).
func TestFuzzSeeds(t *testing.T) {
	if !*writeSeeds {
		t.Skip("run with -writeseeds to write the seed corpus")
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzLoadCheck")
	old, _ := filepath.Glob(filepath.Join(dir, "seed-*"))
	for _, f := range old {
		os.Remove(f)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	archives, _ := filepath.Glob("../../testdata/bad/*.txtar")
	archives = append([]string{"../../testdata/base.txtar"}, archives...)
	n := 0
	for _, file := range archives {
		a := readArchive(t, file)
		for _, f := range a.Files {
			where := slices.Index(fuzzPaths, f.Name)
			if where < 0 || strings.Contains(string(f.Data), "@REPEAT") {
				continue
			}
			seed := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\nuint8(%d)\n", expand(f.Data), where)
			name := fmt.Sprintf("seed-%s-%s", strings.TrimSuffix(filepath.Base(file), ".txtar"), strings.NewReplacer("/", "-", ".toml", "").Replace(f.Name))
			if err := os.WriteFile(filepath.Join(dir, name), []byte(seed), 0o644); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
	t.Logf("wrote %d seeds to %s", n, dir)
}
