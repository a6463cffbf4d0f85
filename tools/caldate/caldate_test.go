package caldate

import (
	"strings"
	"testing"
	"time"
)

func TestUnmarshal(t *testing.T) {
	local := time.FixedZone("date-local", 0)
	for _, tc := range []struct {
		name    string
		in      any
		want    string
		problem string
	}{
		{"local date", time.Date(2025, 3, 14, 0, 0, 0, 0, local), "2025-03-14", ""},
		{"date-time", time.Date(2025, 3, 14, 10, 30, 0, 0, time.UTC), "2025-03-14", "has a time of day"},
		{"quoted date", "2025-03-14", "", `remove the quotes (2025-03-14)`},
		{"quoted nonsense", "14.03.2025", "", "write it without quotes as YYYY-MM-DD"},
		{"number", int64(20250314), "", "TOML type int64"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var d Date
			if err := d.UnmarshalTOML(tc.in); err != nil {
				t.Fatal(err)
			}
			if d.String() != tc.want {
				t.Errorf("got %q, want %q", d.String(), tc.want)
			}
			if tc.problem == "" && d.Problem() != "" || !strings.Contains(d.Problem(), tc.problem) {
				t.Errorf("problem %q, want it to contain %q", d.Problem(), tc.problem)
			}
		})
	}
}

func TestArithmetic(t *testing.T) {
	for _, tc := range []struct {
		from   string
		months int
		want   string
	}{
		{"2025-08-31", 6, "2026-02-28"},
		{"2024-08-31", 6, "2025-02-28"},
		{"2023-08-31", 6, "2024-02-29"},
		{"2025-01-15", 12, "2026-01-15"},
		{"2025-03-31", -1, "2025-02-28"},
	} {
		if got := MustParse(tc.from).AddMonths(tc.months).String(); got != tc.want {
			t.Errorf("%s + %d months = %s, want %s", tc.from, tc.months, got, tc.want)
		}
	}
	for _, tc := range []struct {
		a, b         string
		days, months int
	}{
		{"2025-01-01", "2025-01-01", 0, 0},
		{"2025-01-01", "2025-12-31", 364, 12},
		{"2025-08-15", "2026-02-01", 170, 6},
		{"2025-08-15", "2026-01-20", 158, 5},
		{"2026-01-20", "2025-08-15", -158, -5},
	} {
		a, b := MustParse(tc.a), MustParse(tc.b)
		if got := a.DaysUntil(b); got != tc.days {
			t.Errorf("%s→%s: %d days, want %d", tc.a, tc.b, got, tc.days)
		}
		if got := a.MonthsUntil(b); got != tc.months {
			t.Errorf("%s→%s: %d months, want %d", tc.a, tc.b, got, tc.months)
		}
	}
	if got, want := MustParse("2025-03-14").Norwegian(), "14. mars 2025"; got != want {
		t.Errorf("Norwegian = %q, want %q", got, want)
	}
}
