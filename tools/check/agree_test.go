package check_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/openkommune/portal/tools/build"
)

// TestCheckAndBuildAgree builds every input that portal check accepts among
// the bad-input cases (testdata/bad, laid over the base) and FuzzLoadCheck's
// corpus, with the real Hugo: data that check accepts must build. (A text
// that Hugo's Markdown reads as raw HTML once failed the build after check
// had passed it; see testdata/bad/accept-raw-html.txtar.)
func TestCheckAndBuildAgree(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site per accepted input")
	}
	base := dataFS(readArchive(t, "../../testdata/base.txtar"))
	inputs := map[string]fstest.MapFS{}
	files, _ := filepath.Glob("../../testdata/bad/*.txtar")
	for _, file := range files {
		inputs[filepath.Base(file)] = dataFS(readArchive(t, "../../testdata/base.txtar"), readArchive(t, file))
	}
	seeds, _ := filepath.Glob("testdata/fuzz/FuzzLoadCheck/*")
	for _, file := range seeds {
		data, where, ok := readSeed(t, file)
		if !ok {
			continue
		}
		fsys := maps.Clone(base)
		fsys[fuzzPaths[int(where)%len(fuzzPaths)]] = &fstest.MapFile{Data: data}
		inputs["fuzz/"+filepath.Base(file)] = fsys
	}
	seen := map[[32]byte]bool{}
	built := 0
	for _, name := range slices.Sorted(maps.Keys(inputs)) {
		fsys := inputs[name]
		if _, diags := run(fsys); diags.Errors() > 0 {
			continue
		}
		if key := digest(fsys); seen[key] {
			continue
		} else {
			seen[key] = true
		}
		t.Run(name, func(t *testing.T) {
			data := filepath.Join(t.TempDir(), "data")
			for p, f := range fsys {
				os.MkdirAll(filepath.Join(data, filepath.Dir(p)), 0o755)
				if err := os.WriteFile(filepath.Join(data, p), f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var diags bytes.Buffer
			err := build.Build(context.Background(), build.Options{Root: "../..", DataDir: data, Out: filepath.Join(t.TempDir(), "public"), Diags: &diags})
			if err != nil {
				t.Errorf("portal check accepts the data, but the build fails: %v\n%s", err, diags.String())
			}
		})
		built++
	}
	if built < 5 {
		t.Errorf("only %d accepted inputs were built; the corpus should have more", built)
	}
	t.Logf("built %d accepted inputs of %d", built, len(inputs))
}

// readSeed reads a FuzzLoadCheck corpus file: its data and where it goes.
func readSeed(t *testing.T, file string) ([]byte, uint8, bool) {
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 3 || lines[0] != "go test fuzz v1" {
		return nil, 0, false
	}
	q, ok1 := strings.CutPrefix(lines[1], "[]byte(")
	n, ok2 := strings.CutPrefix(lines[2], "uint8(")
	data, err1 := strconv.Unquote(strings.TrimSuffix(q, ")"))
	where, err2 := strconv.ParseUint(strings.TrimSuffix(n, ")"), 0, 8)
	if !ok1 || !ok2 || err1 != nil || err2 != nil {
		t.Errorf("%s: not a corpus file FuzzLoadCheck can read", file)
		return nil, 0, false
	}
	return []byte(data), uint8(where), true
}

// digest identifies the content of a data directory.
func digest(fsys fstest.MapFS) [32]byte {
	h := sha256.New()
	for _, p := range slices.Sorted(maps.Keys(fsys)) {
		h.Write([]byte(p + "\x00"))
		h.Write(fsys[p].Data)
		h.Write([]byte{0})
	}
	var d [32]byte
	h.Sum(d[:0])
	return d
}
