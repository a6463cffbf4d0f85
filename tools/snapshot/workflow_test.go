package snapshot

import (
	"os"
	"strings"
	"testing"
)

// TestWorkflow checks the Pages workflow's part in history and snapshots:
// every checkout fetches the whole history (a shallow clone dates no page
// and cannot name the next tag), and the snapshot job tags with portal
// tag, for real, into the step's outputs, and attaches the data package.
func TestWorkflow(t *testing.T) {
	b, err := os.ReadFile("../../.github/workflows/pages.yml")
	if err != nil {
		t.Fatal(err)
	}
	wf := string(b)
	if n, full := strings.Count(wf, "uses: actions/checkout@"), strings.Count(wf, "fetch-depth: 0"); n == 0 || n != full {
		t.Errorf("%d checkouts, %d with fetch-depth: 0", n, full)
	}
	for _, want := range []string{
		`run: go run ./tools/cmd/portal tag >> "$GITHUB_OUTPUT"`,
		`if: steps.tag.outputs.ny == 'true'`,
		`git push origin "refs/tags/$TAG"`,
		`gh release create "$TAG" "datapakke.zip`,
		"contents: write",
		"if: github.ref == 'refs/heads/main'",
	} {
		if !strings.Contains(wf, want) {
			t.Errorf("the workflow lacks %s", want)
		}
	}
	if strings.Contains(wf, "portal tag -dry-run") {
		t.Error("the workflow tags with -dry-run: nothing would be tagged")
	}
}
