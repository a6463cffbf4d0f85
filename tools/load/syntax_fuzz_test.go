package load

import (
	"testing"

	"github.com/openkommune/portal/tools/tomlpos"
)

// FuzzSyntaxError checks that every syntax error gets a position inside
// the file and a message, whatever the source.
func FuzzSyntaxError(f *testing.F) {
	for _, s := range []string{"a = fullfort\n", "[[a]\n", "a = [1,\n", "møte = 1\n", "a = 1 000\n", "a = \"\"\"x\n", "a = {b = 1 c}\n", "[a.\"b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		_, err := parse([]byte(src))
		if err == nil {
			return
		}
		line, col, msg := syntaxError(err, tomlpos.Parse([]byte(src)), []byte(src))
		if line < 1 || col < 1 || msg == "" {
			t.Errorf("%q: %d:%d: %q", src, line, col, msg)
		}
	})
}
