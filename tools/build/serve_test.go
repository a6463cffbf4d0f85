package build

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// TestServeRebuildsChangeDuringFirstBuild saves a change to a data file
// while serve's first build runs (just before it returns, after it has
// read the data): serve must build again, and the site must show the
// change.
func TestServeRebuildsChangeDuringFirstBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site twice")
	}
	root, _ := filepath.Abs("../..")
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	a, err := txtar.ParseFile(filepath.Join(root, "testdata", "base.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range a.Files {
		p := filepath.Join(data, f.Name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	vedtak := filepath.Join(data, "vedtak", "2025", "kst-2025-030.toml")
	const before, after = "Tertialrapport 1/2025 med budsjettregulering", "Tertialrapport 1/2025, endret under bygget"
	out := filepath.Join(dir, "public")
	o := Options{Root: root, DataDir: data, Out: out, Diags: io.Discard}

	builds := 0
	rebuilt := make(chan struct{})
	build := func(ctx context.Context, o Options) error {
		builds++
		err := Build(ctx, o)
		switch builds {
		case 1:
			// Saved during the first build, after it read the data.
			text := read(t, vedtak)
			if !strings.Contains(text, before) {
				t.Errorf("%s lacks %q", vedtak, before)
			}
			if err := os.WriteFile(vedtak, []byte(strings.Replace(text, before, after, 1)), 0o644); err != nil {
				t.Error(err)
			}
		case 2:
			close(rebuilt)
		}
		return err
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, o, "127.0.0.1:0", build, 50*time.Millisecond) }()
	select {
	case <-rebuilt:
	case err := <-done:
		t.Fatalf("serve ended: %v", err)
	case <-time.After(2 * time.Minute):
		t.Error("the change saved during the first build was never built")
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if page := read(t, filepath.Join(out, "vedtak", "kst-2025-030", "index.html")); !strings.Contains(page, after) {
		t.Errorf("the served site lacks the change %q", after)
	}
}

// TestStampSeesSameSizeEdit changes a file's content but not its size or
// time (a save within the file system's time granularity): the stamps
// must differ; a stamp taken again of unchanged files must not.
func TestStampSeesSameSizeEdit(t *testing.T) {
	dir := t.TempDir()
	o := Options{Root: dir, DataDir: filepath.Join(dir, "data")}.withDefaults()
	p := filepath.Join(o.DataDir, "kommune.toml")
	os.MkdirAll(o.DataDir, 0o755)
	if err := os.WriteFile(p, []byte(`navn = "A"`), 0o644); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	first := takeStamp(o, time.Now())
	if takeStamp(o, time.Now()).differs(first) {
		t.Error("two stamps of the same files differ")
	}
	if err := os.WriteFile(p, []byte(`navn = "B"`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(p, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	if !takeStamp(o, time.Now()).differs(first) {
		t.Error("an edit of the same size and time is not seen")
	}
	// Long after, the stamp holds no hash; that is no change either.
	if takeStamp(o, time.Now().Add(time.Hour)).differs(takeStamp(o, time.Now())) {
		t.Error("a file that is no longer recent counts as changed")
	}
}
