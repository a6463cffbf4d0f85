package build_test

import (
	"bufio"
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestRealBudgets builds each real kommune's budget table in
// testdata/real/ (each archive a whole data folder, its comment citing
// the published document) with the real Hugo: the figures typed exactly
// as printed must pass check, and each line of the archive's want file,
// "PAGE: TEXT", must appear on that built page ("!PAGE: TEXT": must not).
// TEXT is matched with the site's non-breaking spaces read as spaces.
func TestRealBudgets(t *testing.T) {
	archives, err := filepath.Glob("../../testdata/real/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(archives) < 3 {
		t.Fatalf("want at least 3 real cases in testdata/real, found %d", len(archives))
	}
	for _, name := range archives {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txtar"), func(t *testing.T) {
			a, err := txtar.ParseFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(a.Comment, []byte("https://")) {
				t.Errorf("%s: the comment must cite the published source by its address", name)
			}
			var want []byte
			for _, f := range a.Files {
				if f.Name == "want" {
					want = f.Data
				}
			}
			if len(want) == 0 {
				t.Fatalf("%s has no want file", name)
			}
			data := writeData(t, name)
			out := filepath.Join(t.TempDir(), "public")
			if err := buildSite(t, data, out, "/"); err != nil {
				t.Fatal(err)
			}
			pages := map[string]string{}
			sc := bufio.NewScanner(bytes.NewReader(want))
			for sc.Scan() {
				line := sc.Text()
				if strings.TrimSpace(line) == "" {
					continue
				}
				page, text, ok := strings.Cut(line, ": ")
				if !ok {
					t.Fatalf("want line %q is not PAGE: TEXT", line)
				}
				absent := strings.HasPrefix(page, "!")
				page = strings.TrimPrefix(page, "!")
				body, seen := pages[page]
				if !seen {
					body = strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(read(t, filepath.Join(out, page)))
					pages[page] = body
				}
				if has := strings.Contains(body, text); has == absent {
					if absent {
						t.Errorf("%s shows %q", page, text)
					} else {
						t.Errorf("%s does not show %q", page, text)
					}
				}
			}
		})
	}
}
