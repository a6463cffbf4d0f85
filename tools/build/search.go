package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	"github.com/openkommune/portal/tools/search"
	"github.com/openkommune/portal/tools/searchindex"
	"github.com/openkommune/portal/tools/sitedata"
)

// searchFiles is the search part of a build: the static index, the engine
// and Go's wasm_exec.js, all under search/ in the site.
type searchFiles struct {
	files map[string][]byte // path under search/
	info  sitedata.Sok
}

// buildSearch indexes the site's search documents and builds the engine
// for root's module.
func buildSearch(ctx context.Context, root string, docs []*searchindex.Doc) (*searchFiles, error) {
	idx, err := searchindex.Build(docs, searchindex.Options{})
	if err != nil {
		return nil, fmt.Errorf("building the search index: %w", err)
	}
	eng, err := engine(ctx, root)
	if err != nil {
		return nil, err
	}
	sf := &searchFiles{files: idx.Files}
	engName := "engine-" + shortHash(eng.wasm) + ".wasm"
	execName := "wasm_exec-" + shortHash(eng.exec) + ".js"
	sf.files[engName] = eng.wasm
	sf.files[execName] = eng.exec
	sf.info = sitedata.SokMeta(sitedata.Sok{Hode: "search/" + idx.Pack, Motor: "search/" + engName, WasmExec: "search/" + execName, Dokumenter: idx.Docs})
	for _, f := range search.Fields {
		if f.Hidden {
			continue
		}
		sf.info.Felt = append(sf.info.Felt, sitedata.Sokefelt{Navn: f.Name, Type: f.Kind.String()})
	}
	return sf, nil
}

// write puts the search files into dir, the site's search/ to be.
func (sf *searchFiles) write(dir string) error {
	for name, b := range sf.files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

type engineFiles struct{ wasm, exec []byte }

var engines struct {
	sync.Mutex
	byRoot map[string]*engineFiles
}

// engine compiles the search engine (tools/cmd/searchwasm) to WebAssembly
// with the Go toolchain that runs the build, and reads the matching
// wasm_exec.js. It is compiled once per process.
func engine(ctx context.Context, root string) (*engineFiles, error) {
	engines.Lock()
	defer engines.Unlock()
	if e := engines.byRoot[root]; e != nil {
		return e, nil
	}
	tmp, err := os.MkdirTemp("", "portal-engine-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "engine.wasm")
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-ldflags=-s -w", "-o", out, "./tools/cmd/searchwasm")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("compiling the search engine to WebAssembly: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	wasm, err := os.ReadFile(out)
	if err != nil {
		return nil, err
	}
	goroot, err := exec.CommandContext(ctx, "go", "env", "GOROOT").Output()
	if err != nil {
		return nil, fmt.Errorf("finding GOROOT: %w", err)
	}
	execJS, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return nil, fmt.Errorf("reading Go's wasm_exec.js: %w", err)
	}
	e := &engineFiles{wasm: wasm, exec: execJS}
	if engines.byRoot == nil {
		engines.byRoot = map[string]*engineFiles{}
	}
	engines.byRoot[root] = e
	return e, nil
}

func shortHash(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])[:12]
}
