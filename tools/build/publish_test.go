package build

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// stageSite writes a staged site saying text into a new staging directory
// beside out and returns the staging directory and the site in it.
func stageSite(t *testing.T, out, text string) (stage, staged string) {
	t.Helper()
	stage, err := os.MkdirTemp(filepath.Dir(out), stagePrefix+"test-")
	if err != nil {
		t.Fatal(err)
	}
	staged = filepath.Join(stage, "public")
	if err := os.MkdirAll(filepath.Join(staged, "vedtak"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"index.html", "vedtak/index.html"} {
		if err := os.WriteFile(filepath.Join(staged, f), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := writeMarker(staged); err != nil {
		t.Fatal(err)
	}
	return stage, staged
}

// TestPublishNeverMissing publishes many sites over each other while
// readers keep reading a page of out: with the atomic exchange, no read
// finds it missing, and each read is one whole site's page.
func TestPublishNeverMissing(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the atomic exchange is Linux's renameat2")
	}
	out := filepath.Join(t.TempDir(), "public")
	stage, staged := stageSite(t, out, "site 0")
	if err := publish(staged, out, stage); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(stage)

	var stop atomic.Bool
	var reads, missing atomic.Int64
	var firstMiss atomic.Value
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				for _, f := range []string{"index.html", "vedtak/index.html"} {
					b, err := os.ReadFile(filepath.Join(out, f))
					reads.Add(1)
					if err != nil || !strings.HasPrefix(string(b), "site ") {
						missing.Add(1)
						firstMiss.CompareAndSwap(nil, fmt.Sprintf("%s: %q, %v", f, b, err))
					}
				}
			}
		}()
	}
	const builds = 100
	for i := 1; i <= builds; i++ {
		stage, staged := stageSite(t, out, fmt.Sprintf("site %d", i))
		if err := publish(staged, out, stage); err != nil {
			t.Fatal(err)
		}
		os.RemoveAll(stage)
	}
	stop.Store(true)
	wg.Wait()
	if n := missing.Load(); n > 0 {
		t.Errorf("%d of %d reads during %d publishes did not find the page; first: %v", n, reads.Load(), builds, firstMiss.Load())
	}
	if got := read(t, filepath.Join(out, "index.html")); got != fmt.Sprintf("site %d", builds) {
		t.Errorf("out holds %q after the last publish", got)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), "*")); len(left) != 1 {
		t.Errorf("left beside out: %q", left)
	}
	t.Logf("%d reads during %d publishes", reads.Load(), builds)
}

// TestPublishKeepsForeignDirectory replaces out, during the build, by a
// user's directory (no marker): publish must put it back untouched and
// publish nothing, with the exchange and with the two renames.
func TestPublishKeepsForeignDirectory(t *testing.T) {
	for _, fallback := range []bool{false, true} {
		t.Run(fmt.Sprintf("fallback=%v", fallback), func(t *testing.T) {
			if fallback {
				renameExchange = func(a, b string) (bool, error) { return false, nil }
				defer func() { renameExchange = exchange }()
			}
			out := filepath.Join(t.TempDir(), "public")
			stage, staged := stageSite(t, out, "old site")
			if err := publish(staged, out, stage); err != nil {
				t.Fatal(err)
			}
			// During the next build, out is moved away and a user's
			// directory put in its place.
			stage, staged = stageSite(t, out, "new site")
			if err := os.Rename(out, out+".moved"); err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(filepath.Join(out, "notes"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(out, "notes", "todo.txt"), []byte("uncommitted"), 0o644); err != nil {
				t.Fatal(err)
			}
			err := publish(staged, out, stage)
			if err == nil || !strings.Contains(err.Error(), "is not a site built by portal") {
				t.Errorf("publish over a user's directory: %v, want a refusal", err)
			}
			if got := read(t, filepath.Join(out, "notes", "todo.txt")); got != "uncommitted" {
				t.Errorf("the user's file holds %q", got)
			}
			if _, err := os.Stat(filepath.Join(out, "index.html")); err == nil {
				t.Error("the new site was published over the user's directory")
			}
		})
	}
}

// TestPublishFallback publishes with the two renames (the path taken where
// the OS cannot exchange): the new site replaces the old, nothing is left
// behind.
func TestPublishFallback(t *testing.T) {
	renameExchange = func(a, b string) (bool, error) { return false, nil }
	defer func() { renameExchange = exchange }()
	out := filepath.Join(t.TempDir(), "public")
	for _, text := range []string{"site 1", "site 2"} {
		stage, staged := stageSite(t, out, text)
		if err := publish(staged, out, stage); err != nil {
			t.Fatal(err)
		}
		if left, _ := os.ReadDir(stage); len(left) != 0 {
			t.Errorf("left in the staging directory: %v", left)
		}
		os.RemoveAll(stage)
		if got := read(t, filepath.Join(out, "index.html")); got != text {
			t.Errorf("out holds %q, want %q", got, text)
		}
	}
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
