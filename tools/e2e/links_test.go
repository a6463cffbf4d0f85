package e2e

import (
	"testing"

	"github.com/openkommune/portal/tools/linkcheck"
)

// TestLinks builds the site from data/ under a sub-path and follows every
// internal link of every page to its file and fragment (package
// linkcheck). In a kommune's fork data/ is the kommune's own: the Pages
// workflow runs this test with the accessibility and layout tests before
// it deploys.
func TestLinks(t *testing.T) {
	site := buildSite(t, "../../data")
	broken, err := linkcheck.Site(site, basePath)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range broken {
		t.Errorf("broken link: %s", b)
	}
}
