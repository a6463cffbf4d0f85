package check

import (
	"slices"
	"strings"

	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/tomlpos"
)

// Fields a public source does not give (record/ukjent.go): listed in the
// record's ukjent list, a field is reported as information, not required,
// and must have no value; a value that says "unknown" in words is an error
// that points to the list, so that "ukjent" never reaches the site as a
// project number or a saksnummer.

// unknownWords are values staff write for a field they do not know.
var unknownWords = []string{"ukjent", "ukjend", "ikke oppgitt", "ikkje oppgitt", "ikke kjent", "ikkje kjent", "mangler", "?", "-", "–", "—", "n/a", "na", "x", "xxx"}

// saysUnknown reports whether a value is a word for "unknown".
func saysUnknown(v string) bool {
	return slices.Contains(unknownWords, strings.ToLower(strings.TrimSpace(v)))
}

// optionalField is one field that may be listed in ukjent.
type optionalField struct {
	key, value string
	require    func() // the check when the field is not listed as unknown
}

// unknownFields checks a record's ukjent list against its fields.
func (c *checker) unknownFields(s record.Source, listed []string, fields []optionalField) {
	c.unknownFieldsAt(s, "", listed, fields)
}

// unknownFieldsAt checks the ukjent list of the table at base (a key
// path, "" for the top level) against the fields of that table.
func (c *checker) unknownFieldsAt(s record.Source, base string, listed []string, fields []optionalField) {
	seen := map[string]int{}
	for i, u := range listed {
		path := tomlpos.Join(base, tomlpos.Elem("ukjent", i))
		if j, dup := seen[u]; dup {
			c.errorf(s, path, "%q is listed twice in ukjent (also ukjent[%d]): remove one", u, j)
			continue
		}
		seen[u] = i
	}
	for _, f := range fields {
		i, unknown := seen[f.key]
		switch {
		case unknown && strings.TrimSpace(f.value) != "":
			c.errorf(s, tomlpos.Join(base, f.key), "%s has a value and is listed in ukjent: remove %q from ukjent now that the source gives it, or remove the value", f.key, f.key)
		case unknown:
			c.infof(s, tomlpos.Join(base, tomlpos.Elem("ukjent", i)), "%s is not given by the source (ukjent): the site shows \"ikke oppgitt\"; add %s when it is known", f.key, f.key)
		case saysUnknown(f.value):
			c.errorf(s, tomlpos.Join(base, f.key), "%q is not a %s: when the source does not give it, remove %s and write ukjent = [%q] instead (the site then says \"ikke oppgitt\")", f.value, f.key, f.key, f.key)
		default:
			f.require()
		}
	}
}

func (c *checker) infof(src record.Source, path, format string, args ...any) {
	pos := src.At(path)
	c.diags.Infof(src.Path, pos.Line, pos.Col, "%s: "+format, append([]any{path}, args...)...)
}

func prosjektUnknown(p *record.Prosjekt) []string {
	out := make([]string, len(p.Ukjent))
	for i, u := range p.Ukjent {
		out[i] = string(u)
	}
	return out
}

func vedtakUnknown(v *record.Vedtak) []string {
	out := make([]string, len(v.Ukjent))
	for i, u := range v.Ukjent {
		out[i] = string(u)
	}
	return out
}

func stadiumUnknown(st record.Stage) []string {
	out := make([]string, len(st.Ukjent))
	for i, u := range st.Ukjent {
		out[i] = string(u)
	}
	return out
}
