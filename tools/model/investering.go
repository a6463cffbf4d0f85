package model

// Investering is the investment projects' yearly bevilgninger (the årlige
// bevilgninger § 5-5 binds) summed per year and per rammeområde.
type Investering struct {
	Ar      []int               `json:"ar"`      // the years with a bevilgning, oldest first
	Omrader []InvesteringOmrade `json:"omrader"` // the areas with a bevilgning, in the areas' order
	Sum     []Kr                `json:"sum"`     // all areas, per year
}

// InvesteringOmrade is one area's bevilgninger per year.
type InvesteringOmrade struct {
	Omrade Ref `json:"omrade"`
	// Belop is the sum per year of Investering.Ar; nil (shown as not
	// reported, empty in CSV) for a year none of its projects has a
	// bevilgning.
	Belop      []*Kr `json:"belop"`
	Prosjekter int   `json:"prosjekter"` // how many of its projects have a bevilgning
}
