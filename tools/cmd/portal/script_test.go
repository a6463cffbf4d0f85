package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"portal": func() { os.Exit(run(os.Args[1:])) },
	})
}

// TestScripts runs the command-line scripts in testdata/script. $ROOT is
// the project root (config.toml, layouts/, content/).
func TestScripts(t *testing.T) {
	root, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("ROOT", root)
			// The Go toolchain finds the pinned Hugo through these.
			for _, k := range []string{"HOME", "GOPATH", "GOMODCACHE", "GOCACHE", "GOFLAGS", "GOTOOLCHAIN", "PATH"} {
				if v := os.Getenv(k); v != "" {
					env.Setenv(k, v)
				}
			}
			if v, err := os.UserCacheDir(); err == nil && os.Getenv("GOCACHE") == "" {
				env.Setenv("GOCACHE", filepath.Join(v, "go-build"))
			}
			return nil
		},
	})
}
