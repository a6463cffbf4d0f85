package model

// Felt is one given value of a record's declared field (record's `portal`
// tags), handed over generically: the templates show the fields with Side
// in one loop (layouts/_partials/felter.html), the CSV lists and the
// search index take the others by name.
type Felt struct {
	Felt    string `json:"felt"`    // the field's name
	Verdi   string `json:"verdi"`   // as written in the data: a code, a number, YYYY-MM-DD
	Etikett string `json:"etikett"` // the i18n key of its label (catalog.FieldLabel)
	// Kode is the i18n key of an enum code's label (catalog.FieldCode);
	// Tekst is any other value as shown.
	Kode  string `json:"kode,omitempty"`
	Tekst string `json:"tekst,omitempty"`
	Side  bool   `json:"side,omitempty"` // shown on the record's page
}
