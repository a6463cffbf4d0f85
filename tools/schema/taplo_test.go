package schema

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// taploCLI is the taplo the tests run: the npm package of the taplo that
// Even Better TOML is built on, pinned.
const taploCLI = "@taplo/cli@0.7.0"

var (
	taploOnce sync.Once
	taploSkip string // why the real taplo cannot run here, if it cannot
)

// taplo runs `taplo check` in dir with the .taplo.toml found there, or skips
// the test where npx is missing or cannot fetch taplo.
func taplo(t *testing.T, dir string) (string, error) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: the real taplo is not run")
	}
	taploOnce.Do(func() {
		if _, err := exec.LookPath("npx"); err != nil {
			taploSkip = "npx is not installed (install Node.js to run the real taplo)"
			return
		}
		// taplo --version exits 1; checking a one-line document does not.
		if out, err := npx(dir, "a = 1\n", "check", "--no-auto-config", "-"); err != nil {
			taploSkip = "npx cannot run " + taploCLI + ": " + err.Error() + "\n" + out
		}
	})
	if taploSkip != "" {
		t.Skip(taploSkip)
	}
	return npx(dir, "", "check", "--colors", "never")
}

func npx(dir, stdin string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "npx", append([]string{"--yes", taploCLI}, args...)...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestTaploExampleData runs the real taplo over the example data/ with the
// repository's .taplo.toml, as an editor would.
func TestTaploExampleData(t *testing.T) {
	out, err := taplo(t, root)
	if err != nil {
		t.Fatalf("taplo check: %v\n%s", err, out)
	}
	if !strings.Contains(out, "found configuration file") || strings.Contains(out, "total=0") {
		t.Errorf("taplo did not use .taplo.toml or found no files:\n%s", out)
	}
}

// TestTaploRejects: the real taplo applies each schema to its files, so an
// unknown key, a wrong type and a bad code are reported where they are.
func TestTaploRejects(t *testing.T) {
	dir := t.TempDir()
	copyFile(t, filepath.Join(root, ".taplo.toml"), filepath.Join(dir, ".taplo.toml"))
	for _, k := range Kinds {
		copyFile(t, filepath.Join(root, Dir, k.File()), filepath.Join(dir, Dir, k.File()))
	}
	base := complete(t)
	for p, f := range base {
		writeFile(t, filepath.Join(dir, "data", p), string(f.Data))
	}
	writeFile(t, filepath.Join(dir, "data/vedtak/kst-2025-031.toml"), `id = "kst-2025-031"
utvalg = "KST"
motedato = 2025-06-12
saksnummer = "031/25"
titel = "Skrivefeil i nøkkelen"
`)
	writeFile(t, filepath.Join(dir, "data/prosjekter/c-vei.toml"), `id = "c-vei"
nummer = 4140
navn = "Vei"
omrade = "oppvekst"
ansvarlig = "Teknisk"
fase = "ferdig"
`)
	out, err := taplo(t, dir)
	if err == nil {
		t.Fatalf("taplo check accepts the bad files:\n%s", out)
	}
	for _, want := range []string{
		"kst-2025-031.toml:5:1",
		"'titel' was unexpected",
		`"tittel" is a required property`,
		"c-vei.toml:2:10",
		`4140 is not of type "string"`,
		"c-vei.toml:6:8",
		`"ferdig" is not one of ["behovsutredning"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("taplo's output lacks %q:\n%s", want, out)
		}
	}
	for p := range base {
		if strings.Contains(out, p+":") {
			t.Errorf("taplo reports the valid file %s:\n%s", p, out)
		}
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, string(b))
}

func writeFile(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
