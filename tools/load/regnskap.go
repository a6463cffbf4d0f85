package load

import (
	"strconv"

	"github.com/openkommune/portal/tools/record"
)

// regnskap reads data/regnskap/YEAR.toml: its name is its year, and its
// ar must be that year. An unreadable file is kept with the year of its
// name, so that check says nothing more about it.
func (l *loader) regnskap(s record.Source, src []byte, readOK bool, stem string) {
	r := &record.Regnskap{Src: s}
	year, err := strconv.Atoi(stem)
	nameOK := err == nil && len(stem) == 4 && year >= MinYear && year <= MaxYear
	if !nameOK {
		l.diags.Errorf(s.Path, 1, 1, "file name %q is not a year: an årsregnskap is named by its year, e.g. regnskap/2023.toml with ar = 2023", stem+".toml")
	}
	if !l.decode(s, src, readOK, r, stem) {
		r.Ar = year
		l.set.Regnskap = append(l.set.Regnskap, r)
		return
	}
	pos := s.At("ar")
	switch {
	case s.Pos.Rejected("ar"):
		// A value of the wrong type, reported already.
	case r.Ar == 0 && nameOK:
		l.diags.Errorf(s.Path, pos.Line, pos.Col, "ar: missing: add ar = %d (the year in the file name)", year)
	case r.Ar == 0:
		l.diags.Errorf(s.Path, pos.Line, pos.Col, "ar: missing: add the accounting year, e.g. ar = 2023, and name the file by it")
	case nameOK && r.Ar != year:
		l.diags.Errorf(s.Path, pos.Line, pos.Col, "ar: %d differs from the file name %q: rename the file to regnskap/%d.toml or set ar = %d", r.Ar, stem+".toml", r.Ar, year)
	}
	if nameOK || r.Ar == 0 || s.Pos.Rejected("ar") {
		// The file's name is its year: a mismatch is reported, and one
		// year is never claimed by two files.
		r.Ar = year
	}
	l.set.Regnskap = append(l.set.Regnskap, r)
}
