package build_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestTranslationsComplete checks that bokmål and nynorsk have the same
// keys and that every key a template names exists. (Hugo also fails the
// build on a missing key, but only for the pages a build happens to render.)
func TestTranslationsComplete(t *testing.T) {
	keys := map[string][]string{}
	for _, lang := range []string{"nb", "nn"} {
		var m map[string]any
		if _, err := toml.DecodeFile(filepath.Join(root, "i18n", lang+".toml"), &m); err != nil {
			t.Fatal(err)
		}
		for k := range m {
			keys[lang] = append(keys[lang], k)
		}
		slices.Sort(keys[lang])
	}
	for _, k := range keys["nb"] {
		if _, ok := slices.BinarySearch(keys["nn"], k); !ok {
			t.Errorf("nn.toml lacks %q", k)
		}
	}
	for _, k := range keys["nn"] {
		if _, ok := slices.BinarySearch(keys["nb"], k); !ok {
			t.Errorf("nb.toml lacks %q", k)
		}
	}
	used := regexp.MustCompile(`i18n "([a-z0-9_]+)"`)
	filepath.WalkDir(filepath.Join(root, "layouts"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := os.ReadFile(p)
		for _, m := range used.FindAllStringSubmatch(string(b), -1) {
			if _, ok := slices.BinarySearch(keys["nb"], m[1]); !ok {
				t.Errorf("%s uses i18n key %q, which nb.toml lacks", strings.TrimPrefix(p, root+"/"), m[1])
			}
		}
		return nil
	})
}
