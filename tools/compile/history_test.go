package compile

import "testing"

func TestHistoryURL(t *testing.T) {
	for _, tc := range []struct{ kilde, file, history, repo string }{
		{"https://github.com/eksempelvik/portal/blob/main/data/", "vedtak/2025/kst-2025-014.toml",
			"https://github.com/eksempelvik/portal/commits/main/data/vedtak/2025/kst-2025-014.toml", "https://github.com/eksempelvik/portal"},
		{"https://gitlab.com/eksempelvik/portal/-/blob/main/data", "planer/a b.toml",
			"https://gitlab.com/eksempelvik/portal/-/commits/main/data/planer/a%20b.toml", "https://gitlab.com/eksempelvik/portal"},
		{"https://git.example.org/testvik/portal/src/branch/main/data", "kommune.toml",
			"https://git.example.org/testvik/portal/commits/branch/main/data/kommune.toml", "https://git.example.org/testvik/portal"},
		{"https://www.example.org/data/", "kommune.toml", "", ""},
		{"", "kommune.toml", "", ""},
	} {
		if got := historyURL(tc.kilde, tc.file); got != tc.history {
			t.Errorf("historyURL(%q, %q) = %q, want %q", tc.kilde, tc.file, got, tc.history)
		}
		if got := repoURL(tc.kilde); got != tc.repo {
			t.Errorf("repoURL(%q) = %q, want %q", tc.kilde, got, tc.repo)
		}
	}
}
