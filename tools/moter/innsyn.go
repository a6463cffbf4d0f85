package moter

import (
	"errors"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/openkommune/portal/tools/einnsyn"
)

var placeholderRE = regexp.MustCompile(`\{[^{}]*\}`)

// placeholders are the values an innsyn address may hold; each gives ""
// when the export does not say.
var placeholders = map[string]func(m einnsyn.Moetesak) string{
	"{saksaar}":                num(func(m einnsyn.Moetesak) int { return m.Saksaar }),
	"{saksaar2}":               func(m einnsyn.Moetesak) string { return two(m.Saksaar) },
	"{sakssekvensnummer}":      num(func(m einnsyn.Moetesak) int { return m.Sekvens }),
	"{moetesaksaar}":           num(func(m einnsyn.Moetesak) int { return m.Aar }),
	"{moetesakssekvensnummer}": num(func(m einnsyn.Moetesak) int { return m.Nr }),
	"{systemid}":               func(m einnsyn.Moetesak) string { return url.PathEscape(m.SystemID) },
}

func num(f func(einnsyn.Moetesak) int) func(einnsyn.Moetesak) string {
	return func(m einnsyn.Moetesak) string {
		if n := f(m); n > 0 {
			return strconv.Itoa(n)
		}
		return ""
	}
}

func two(y int) string {
	if y <= 0 {
		return ""
	}
	return strconv.Itoa(y%100/10) + strconv.Itoa(y%10)
}

// checkTemplate says what is wrong with an innsyn address template.
func checkTemplate(t string) error {
	if t == "" {
		return nil
	}
	if !strings.HasPrefix(t, "https://") && !strings.HasPrefix(t, "http://") {
		return errors.New("the address must start with https://, e.g. https://innsyn.eksempelvik.kommune.no/sak/{saksaar2}-{sakssekvensnummer}")
	}
	for _, p := range placeholderRE.FindAllString(t, -1) {
		if placeholders[p] == nil {
			return errors.New(p + " is not a value the import knows: use {saksaar}, {saksaar2}, {sakssekvensnummer}, {moetesaksaar}, {moetesakssekvensnummer} or {systemid}")
		}
	}
	return nil
}

// innsynURL fills in the template for m, or "" if the template is empty or
// the export lacks a value it uses.
func innsynURL(t string, m einnsyn.Moetesak) string {
	if t == "" {
		return ""
	}
	missing := false
	out := placeholderRE.ReplaceAllStringFunc(t, func(p string) string {
		v := placeholders[p](m)
		if v == "" {
			missing = true
		}
		return v
	})
	if missing {
		return ""
	}
	return out
}
