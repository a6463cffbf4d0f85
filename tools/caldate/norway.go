package caldate

import "time"

// InNorway returns the calendar date in Norway (Europe/Oslo) at t: the
// day the kommune's staff see on their calendar. A binary that calls it
// imports time/tzdata, so that the zone is known on any machine; without
// the zone it falls back to UTC+1, Norway's standard time.
func InNorway(t time.Time) Date {
	loc, err := time.LoadLocation("Europe/Oslo")
	if err != nil {
		loc = time.FixedZone("CET", 60*60)
	}
	t = t.In(loc)
	return New(t.Year(), t.Month(), t.Day())
}
