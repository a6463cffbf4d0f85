// Package caldate owns calendar dates: a year, a month and a day with no time
// of day and no time zone, so that the same data gives the same site on any
// machine.
//
// In a data file a date is a TOML local date (2025-03-14, no quotes). A
// date-time, a string or a number is not a date: decoding keeps going and the
// date carries a problem that the checker reports with its position.
package caldate

import (
	"fmt"
	"time"
)

// Date is a calendar date. The zero Date means "not written".
type Date struct {
	Y       int
	M       time.Month
	D       int
	problem string
}

// New returns the date y-m-d; it does not check it.
func New(y int, m time.Month, d int) Date { return Date{Y: y, M: m, D: d} }

// Parse reads "2006-01-02".
func Parse(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || t.Year() == 0 {
		// Year 0 would be the zero Date, which means "not written".
		return Date{}, fmt.Errorf("%q is not a date written as YYYY-MM-DD", s)
	}
	return New(t.Year(), t.Month(), t.Day()), nil
}

// MustParse is Parse for tests and constants.
func MustParse(s string) Date {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// UnmarshalTOML implements toml.Unmarshaler. It never fails; see Problem.
func (d *Date) UnmarshalTOML(v any) error {
	switch v := v.(type) {
	case time.Time:
		*d = New(v.Year(), v.Month(), v.Day())
		if v.Hour() != 0 || v.Minute() != 0 || v.Second() != 0 || v.Nanosecond() != 0 || v.Location().String() != "date-local" {
			d.problem = fmt.Sprintf("%s has a time of day or a time zone: write the date only, e.g. %s", v.Format(time.RFC3339), d)
		}
	case string:
		d.problem = fmt.Sprintf("date %q is text: write it without quotes as YYYY-MM-DD, e.g. 2025-03-14", v)
		if p, err := Parse(v); err == nil {
			d.problem = fmt.Sprintf("date %q is text: remove the quotes (%s)", v, p)
		}
		d.Y = 0
	default:
		d.problem = fmt.Sprintf("date has TOML type %T: write it as YYYY-MM-DD without quotes, e.g. 2025-03-14", v)
	}
	return nil
}

// Problem says why the written value is not a valid date, or "".
func (d Date) Problem() string { return d.problem }

// IsZero reports whether the date was not written (or was not a date).
func (d Date) IsZero() bool { return d.Y == 0 }

// String writes the date as YYYY-MM-DD.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Y, int(d.M), d.D)
}

// Norwegian writes the date as "14. mars 2025".
func (d Date) Norwegian() string {
	if d.IsZero() {
		return ""
	}
	if d.M < 1 || d.M > 12 {
		return d.String()
	}
	return fmt.Sprintf("%d. %s %d", d.D, months[d.M-1], d.Y)
}

var months = [12]string{"januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"}

// MarshalText writes YYYY-MM-DD (for JSON output).
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

func (d Date) time() time.Time { return time.Date(d.Y, d.M, d.D, 0, 0, 0, 0, time.UTC) }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int { return d.time().Compare(e.time()) }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// AddMonths adds n calendar months; a day past the end of the month is
// clamped to its last day (31 August + 6 months = 28 or 29 February).
func (d Date) AddMonths(n int) Date {
	first := time.Date(d.Y, d.M+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return New(first.Year(), first.Month(), min(d.D, last))
}

// DaysUntil returns the number of days from d to e (negative if e is before d).
func (d Date) DaysUntil(e Date) int {
	// Days since the Unix epoch, not Time.Sub: a Duration overflows at
	// 292 years.
	return int((e.time().Unix() - d.time().Unix()) / 86400)
}

// MonthsUntil returns the whole calendar months from d to e, rounded to the
// nearest month (negative if e is before d).
func (d Date) MonthsUntil(e Date) int {
	days := d.DaysUntil(e)
	if days < 0 {
		return -e.MonthsUntil(d)
	}
	m := (e.Y-d.Y)*12 + int(e.M-d.M)
	if d.AddMonths(m).After(e) {
		m--
	}
	if rest := d.AddMonths(m).DaysUntil(e); rest >= 15 {
		m++
	}
	return m
}
