package build

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "copy the vendored files from node_modules")

// vendored lists the files the site serves from npm packages, copied into
// static/ so that building needs only Go: site path → path in node_modules.
var vendored = map[string]string{
	"static/vendor/designsystemet/designsystemet.css": "@digdir/designsystemet-css/dist/src/index.css",
	"static/vendor/designsystemet/theme.css":          "@digdir/designsystemet-css/dist/theme/designsystemet.css",
	"static/vendor/designsystemet/LICENSE":            "@digdir/designsystemet-css/LICENSE",
}

// TestVendoredAssets checks that the vendored copies are exactly the files
// of the versions pinned in package.json (installed by `npm ci`). Run with
// -update to copy them after changing the pinned version. Without
// node_modules the test skips, unless PORTAL_REQUIRE_NPM is set (as CI does).
func TestVendoredAssets(t *testing.T) {
	root := filepath.Join("..", "..")
	nm := filepath.Join(root, "node_modules")
	if _, err := os.Stat(nm); err != nil {
		if os.Getenv("PORTAL_REQUIRE_NPM") != "" {
			t.Fatal("node_modules is missing: run npm ci")
		}
		t.Skip("node_modules is missing (run npm ci)")
	}
	var pkg struct {
		DevDependencies map[string]string `json:"devDependencies"`
	}
	b, err := os.ReadFile(filepath.Join(root, "package.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &pkg); err != nil {
		t.Fatal(err)
	}
	var inst struct {
		Version string `json:"version"`
	}
	b, err = os.ReadFile(filepath.Join(nm, "@digdir/designsystemet-css/package.json"))
	if err != nil {
		t.Fatal(err)
	}
	json.Unmarshal(b, &inst)
	if want := pkg.DevDependencies["@digdir/designsystemet-css"]; inst.Version != want {
		t.Fatalf("node_modules has designsystemet-css %s, package.json pins %s: run npm ci", inst.Version, want)
	}
	for dst, src := range vendored {
		want, err := os.ReadFile(filepath.Join(nm, src))
		if err != nil {
			t.Fatal(err)
		}
		if *update {
			if err := os.WriteFile(filepath.Join(root, dst), want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(filepath.Join(root, dst))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s differs from node_modules/%s (%s): run go test ./tools/build -run TestVendoredAssets -update", dst, src, inst.Version)
		}
	}
}
