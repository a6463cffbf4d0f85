// Package hugo owns running the Hugo pinned in go.mod: finding (and on first
// use building) its binary with the Go toolchain, and running it with the
// portal's configuration.
package hugo

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
)

// Binary returns the path of the Hugo binary pinned as a tool in the
// go.mod of moduleRoot, building it into the Go build cache if needed (the
// first time takes minutes; after that it is cached).
func Binary(ctx context.Context, moduleRoot string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", "tool", "-n", "hugo")
	cmd.Dir = moduleRoot
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("building the pinned Hugo (go tool -n hugo): %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return strings.TrimSpace(string(out)), nil
}

// Options say how to run Hugo.
type Options struct {
	Bin         string   // from Binary
	Source      string   // the project root (config.toml, content/, layouts/, static/)
	Configs     []string // config files, later ones override earlier
	Destination string   // where the site is written
	BaseURL     string   // e.g. "https://owner.github.io/repo/"
	CacheDir    string   // Hugo's cache (kept out of the project)
	Stdout      io.Writer
	Stderr      io.Writer
	Args        []string // extra arguments, e.g. "server"
	// MemoryLimit, if not 0, is Hugo's soft memory limit in bytes
	// (GOMEMLIMIT; Hugo is a Go program), unless GOMEMLIMIT is set in
	// the environment already.
	MemoryLimit int64
}

// Command returns the Hugo command for o.
func Command(ctx context.Context, o Options) *exec.Cmd {
	args := append([]string{}, o.Args...)
	args = append(args,
		"--source", o.Source,
		"--config", strings.Join(o.Configs, ","),
		"--destination", o.Destination,
		"--cacheDir", o.CacheDir,
		"--noBuildLock",
		"--panicOnWarning",
		"--printI18nWarnings",
		"--logLevel", "warn",
	)
	if o.BaseURL != "" {
		args = append(args, "--baseURL", o.BaseURL)
	}
	cmd := exec.CommandContext(ctx, o.Bin, args...)
	cmd.Dir = o.Source
	cmd.Stdout = o.Stdout
	cmd.Stderr = o.Stderr
	// Hugo reads HUGO_* variables as configuration; a stray one on a
	// developer's machine must not change the site.
	env := []string{"TZ=UTC"}
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "HUGO_") && !strings.HasPrefix(e, "TZ=") {
			env = append(env, e)
		}
	}
	if o.MemoryLimit > 0 && os.Getenv("GOMEMLIMIT") == "" {
		env = append(env, fmt.Sprintf("GOMEMLIMIT=%dMiB", o.MemoryLimit>>20))
	}
	cmd.Env = env
	dieWithParent(cmd)
	return cmd
}

// Run runs Hugo once and returns its error output in the error on failure.
func Run(ctx context.Context, o Options) error {
	var stderr bytes.Buffer
	if o.Stderr == nil {
		o.Stderr = &stderr
	} else {
		o.Stderr = io.MultiWriter(o.Stderr, &stderr)
	}
	if o.Stdout == nil {
		o.Stdout = io.Discard
	}
	if err := Command(ctx, o).Run(); err != nil {
		return fmt.Errorf("hugo: %v\n%s", err, strings.TrimSpace(stderr.String()))
	}
	return nil
}
