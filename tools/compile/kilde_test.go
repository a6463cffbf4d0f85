package compile

import (
	"testing"

	"github.com/openkommune/portal/tools/record"
)

func TestKildeURL(t *testing.T) {
	for _, c := range []struct{ base, file, want string }{
		{"", "planer/a.toml", ""},
		{"https://example.org/r/data", "planer/a.toml", "https://example.org/r/data/planer/a.toml"},
		{"https://example.org/r/data/", "vedtak/2025/a b#?.toml", "https://example.org/r/data/vedtak/2025/a%20b%23%3F.toml"},
	} {
		c0 := &compiler{set: &record.Set{Kommune: &record.Kommune{KildeURL: c.base}}}
		if got := c0.kildeURL(c.file); got != c.want {
			t.Errorf("kildeURL(%q) with %q = %q, want %q", c.file, c.base, got, c.want)
		}
	}
}
