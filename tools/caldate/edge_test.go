package caldate

import "testing"

func TestEdges(t *testing.T) {
	if _, err := Parse("0000-01-01"); err == nil {
		t.Error("year 0 parsed (it is the zero Date, 'not written')")
	}
	if got := New(2025, 13, 1).Norwegian(); got == "" {
		t.Error("month 13: empty text")
	}
	New(2025, 0, 1).Norwegian() // must not panic
	if got := MustParse("1700-01-01").DaysUntil(MustParse("2025-01-01")); got != 118704 {
		t.Errorf("DaysUntil over 325 years = %d, want 118704", got)
	}
}
