package caldate

import (
	"testing"
	"time"
	_ "time/tzdata"
)

func TestInNorway(t *testing.T) {
	for _, tc := range []struct {
		at   string
		want string
	}{
		{"2026-01-01T22:59:59Z", "2026-01-01"}, // 23:59:59 CET
		{"2026-01-01T23:00:00Z", "2026-01-02"}, // midnight CET
		{"2026-06-30T21:59:59Z", "2026-06-30"}, // 23:59:59 CEST
		{"2026-06-30T22:00:00Z", "2026-07-01"}, // midnight CEST
		{"2026-12-31T23:30:00-05:00", "2027-01-01"},
	} {
		at, err := time.Parse(time.RFC3339, tc.at)
		if err != nil {
			t.Fatal(err)
		}
		if got := InNorway(at).String(); got != tc.want {
			t.Errorf("InNorway(%s) = %s, want %s", tc.at, got, tc.want)
		}
	}
}
