package feed

import (
	"fmt"
	"time"
)

// timestamp writes a date ("2025-03-13") as midnight at the start of that
// day in Norway, in RFC 3339: "2025-03-13T00:00:00+01:00", or +02:00 in
// summer time. The offset follows Norway's rules (the EU's since 1981)
// computed here, not from the machine's time zone database, so the output
// is the same on every machine. A date that is not YYYY-MM-DD gives the
// Unix epoch, so the feed stays valid; callers pass checked dates.
func timestamp(iso string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return "1970-01-01T00:00:00Z"
	}
	offset := "+01:00"
	if summerTime(t.Year(), t.Month(), t.Day()) {
		offset = "+02:00"
	}
	return fmt.Sprintf("%04d-%02d-%02dT00:00:00%s", t.Year(), int(t.Month()), t.Day(), offset)
}

// summerTime reports whether midnight at the start of y-m-d is summer time
// in Norway. Summer time starts at 02:00 on the last Sunday of March and
// ends at 03:00 on the last Sunday of October (September until 1995), so
// midnight is summer time from the Monday after the first of those Sundays
// through the second Sunday itself. Before 1981 the rules differed; those
// years are treated as standard time.
func summerTime(y int, m time.Month, d int) bool {
	end := time.October
	switch {
	case y < 1981:
		return false
	case y <= 1995:
		end = time.September
	}
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	start := lastSunday(y, time.March)
	stop := lastSunday(y, end)
	return day.After(start) && !day.After(stop)
}

// lastSunday returns the last Sunday of month m in year y.
func lastSunday(y int, m time.Month) time.Time {
	last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)
	return last.AddDate(0, 0, -int(last.Weekday()))
}
