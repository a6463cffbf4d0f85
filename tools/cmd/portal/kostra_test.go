package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestFetchDay: -hentet wins; without it the day the saved file was last
// changed (curl's save) is the day it was fetched; a bad date is refused.
func TestFetchDay(t *testing.T) {
	name := filepath.Join(t.TempDir(), "k.json")
	if err := os.WriteFile(name, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	saved := time.Date(2026, 3, 14, 12, 0, 0, 0, time.Local)
	if err := os.Chtimes(name, saved, saved); err != nil {
		t.Fatal(err)
	}
	if d, err := fetchDay(name, ""); err != nil || d.String() != "2026-03-14" {
		t.Errorf("without -hentet: %v %v, want 2026-03-14", d, err)
	}
	if d, err := fetchDay(name, "2026-11-20"); err != nil || d.String() != "2026-11-20" {
		t.Errorf("-hentet 2026-11-20: %v %v", d, err)
	}
	if _, err := fetchDay(name, "20.11.2026"); err == nil {
		t.Error("-hentet 20.11.2026 accepted")
	}
}
