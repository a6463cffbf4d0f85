package build

import (
	"io/fs"

	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/diag"
	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/record"
)

// Check loads and validates the data in fsys; prefix is how its paths are
// shown ("data"). The set is usable for compiling only if diags has no errors.
func Check(fsys fs.FS, prefix string) (*record.Set, *diag.List) {
	set, diags := load.Load(fsys, prefix)
	check.Check(set, diags)
	return set, diags
}
