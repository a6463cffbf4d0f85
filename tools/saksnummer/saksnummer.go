// Package saksnummer owns the utvalgssaksnummer: the number of a sak in its
// utvalg's year, written NNN/YY ("014/25"), and the vedtak id made from it
// (kode-year-nnn, "kst-2025-014").
package saksnummer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

var writtenRE = regexp.MustCompile(`^0*([0-9]{1,4})(?:/([0-9]{2}))?$`)

// Parse reads a saksnummer as staff write it for a meeting in year: "85",
// "085" or "085/26". The year after the slash, if written, must be the
// meeting's. The error says what to write instead.
func Parse(s string, year int) (int, error) {
	m := writtenRE.FindStringSubmatch(s)
	if m == nil || m[1] == "0" {
		return 0, fmt.Errorf("%q: write the number, e.g. 85 or 085/%02d", s, year%100)
	}
	if m[2] != "" && m[2] != fmt.Sprintf("%02d", year%100) {
		return 0, fmt.Errorf("%q is from another year than the meeting (%d)", s, year)
	}
	n, _ := strconv.Atoi(m[1])
	return n, nil
}

// Format writes sak n of year as the data files do: "014/25".
func Format(n, year int) string { return fmt.Sprintf("%03d/%02d", n, year%100) }

// Number returns the number of a saksnummer written in a data file ("014/25"
// is 14), and false if it does not start with a number above 0.
func Number(s string) (int, bool) {
	num, _, _ := strings.Cut(s, "/")
	n, err := strconv.Atoi(strings.TrimLeft(num, "0"))
	if err != nil || n <= 0 {
		return 0, false
	}
	return n, true
}

// VedtakID is the id of the vedtak of sak n in year of the utvalg with code
// kode: "kst-2025-014". It is a valid id only if kode is letters a–z and
// digits.
func VedtakID(kode string, year, n int) string {
	return fmt.Sprintf("%s-%d-%03d", strings.ToLower(kode), year, n)
}

// FromVedtakID returns the number of the sak that a vedtak id of the
// utvalg with code kode in year is made from ("kst-2025-014" is 14 for KST
// in 2025), and false if the id is not of that form.
func FromVedtakID(id, kode string, year int) (int, bool) {
	rest, ok := strings.CutPrefix(id, strings.ToLower(kode)+"-"+strconv.Itoa(year)+"-")
	if !ok || rest == "" || strings.Trim(rest, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(rest)
	if err != nil {
		return 0, false
	}
	return n, true
}
