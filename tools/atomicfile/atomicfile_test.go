package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "sub", "a.txt")
	if err := Write(name, []byte("one")); err != nil {
		t.Fatal(err)
	}
	os.Chmod(name, 0o600)
	if err := Write(name, []byte("two")); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(name)
	st, _ := os.Stat(name)
	if string(b) != "two" || st.Mode().Perm() != 0o600 {
		t.Errorf("got %q with mode %v, want \"two\" with 0600", b, st.Mode().Perm())
	}
	entries, _ := os.ReadDir(filepath.Dir(name))
	if len(entries) != 1 {
		t.Errorf("left %d files in the folder, want only a.txt", len(entries))
	}
	if err := Write(filepath.Join(name, "x"), []byte("x")); err == nil {
		t.Error("writing under a file succeeded")
	}
}
