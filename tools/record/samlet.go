package record

import "github.com/openkommune/portal/tools/money"

// SamletRamme is a stage's stated total netto driftsramme for one year
// where the source gives no frame per area: Giske's kommunestyre adopted
// only "samla netto ramme … kr 599 350 196" for 2024. The site shows the
// total and says that the area frames are not given; where the stage has
// area frames for the year too, check compares them.
type SamletRamme struct {
	Ar    int          `toml:"ar"`
	Belop money.Amount `toml:"belop"`
}

// Samlet returns the stage's stated total for year y, if it gives one.
func (s Stadium) Samlet(y int) (money.Amount, bool) {
	for _, t := range s.SamletRamme {
		if t.Ar == y {
			return t.Belop, true
		}
	}
	return money.Amount{}, false
}

// unit is the unit of the stage's amounts: its own enhet, else the file's.
func (s Stadium) unit(file money.Unit) money.Unit {
	if s.Enhet != "" {
		return s.Enhet
	}
	return file
}
