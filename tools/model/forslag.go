package model

// Forslagssteg is a step of a project's kostnadsramme only proposed in a
// budget stage (record.Rammeendring.Proposed): the kommunedirektør's
// forslag or the formannskap's innstilling to an økonomiplan. It is never
// part of the adopted frame (Prosjekt.Justert and the frame growth); the
// project page shows it apart, as proposed.
type Forslagssteg struct {
	Type    string `json:"type"`    // opprinnelig, tillegg, reduksjon
	Belop   Kr     `json:"belop"`   // the frame (opprinnelig) or the change
	Ramme   Kr     `json:"ramme"`   // the frame if the steps proposed up to this one are adopted
	Stadium string `json:"stadium"` // forslag or innstilling
	// Okonomiplan links to the stage on the økonomiplan's page; Arene is
	// its years ("2026–2029") for the sentence that names it.
	Okonomiplan Ref    `json:"okonomiplan"`
	Arene       string `json:"arene"`
	Dato        *Dato  `json:"dato"` // the stage's date, nil if unknown
	Tekst       string `json:"tekst"`
}
