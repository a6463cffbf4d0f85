package chart

import (
	"strconv"

	"github.com/openkommune/portal/tools/catalog"
)

// The charts' words are in the text catalogue (i18n/*.toml), under keys
// chart_…; w in this package is the catalogue in the kommune's målform.

// count writes n with the singular or plural noun of k: "1 regulering",
// "17 reguleringer".
func count(w *catalog.Text, n int, k catalog.Key) string {
	return formatKr(int64(n)) + " " + w.T(k, catalog.Args{"Count": n})
}

func itoa(n int) string { return strconv.Itoa(n) }
