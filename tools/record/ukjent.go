package record

// A public source does not always give every field the format asks for: a
// historic vedtak without its saksnummer, a project without a number or an
// ansvarlig. Staff then say so explicitly by listing the field in the
// record's ukjent list (ukjent = ["nummer"]) instead of inventing a value;
// the site says "ikke oppgitt" and check reports it as information. The
// names are codes, so a misspelt one is an error, and a field both given a
// value and listed as unknown is an error too (package check).

// ProsjektUkjent names a field of a project the source does not give.
type ProsjektUkjent string

// ProsjektUkjentValues lists the fields of a project that may be unknown.
var ProsjektUkjentValues = []string{"nummer", "ansvarlig", "omrade"}

func (v ProsjektUkjent) Problem() string {
	return enumProblem("ukjent field", string(v), ProsjektUkjentValues)
}

// Values returns the allowed codes (for the JSON Schemas).
func (ProsjektUkjent) Values() []string { return ProsjektUkjentValues }

// VedtakUkjent names a field of a vedtak the source does not give.
type VedtakUkjent string

// VedtakUkjentValues lists the fields of a vedtak that may be unknown.
var VedtakUkjentValues = []string{"saksnummer"}

func (v VedtakUkjent) Problem() string {
	return enumProblem("ukjent field", string(v), VedtakUkjentValues)
}

// Values returns the allowed codes (for the JSON Schemas).
func (VedtakUkjent) Values() []string { return VedtakUkjentValues }

// Unknown reports whether the project lists field as unknown.
func (p *Prosjekt) Unknown(field string) bool {
	for _, u := range p.Ukjent {
		if string(u) == field {
			return true
		}
	}
	return false
}

// Unknown reports whether the vedtak lists field as unknown.
func (v *Vedtak) Unknown(field string) bool {
	for _, u := range v.Ukjent {
		if string(u) == field {
			return true
		}
	}
	return false
}

// StadiumUkjent names a field of an økonomiplan stage the source does not
// give: the date of a forslag whose web edition prints none.
type StadiumUkjent string

// StadiumUkjentValues lists the fields of a stage that may be unknown.
var StadiumUkjentValues = []string{"dato"}

func (v StadiumUkjent) Problem() string {
	return enumProblem("ukjent field", string(v), StadiumUkjentValues)
}

// Values returns the allowed codes (for the JSON Schemas).
func (StadiumUkjent) Values() []string { return StadiumUkjentValues }

// Unknown reports whether the stage lists field as unknown.
func (s *Stadium) Unknown(field string) bool {
	for _, u := range s.Ukjent {
		if string(u) == field {
			return true
		}
	}
	return false
}
