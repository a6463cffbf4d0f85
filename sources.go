// Package portal holds the files of this repository that the Go tools read
// at run time, embedded so that `portal` works from any directory: the UI
// text catalogue (i18n/, which Hugo reads too) and the data format's
// documentation (docs/data-format.md, which `portal new` and `portal
// schema` read).
package portal

import "embed"

// Sources are the embedded files, at their paths in the repository.
//
//go:embed i18n/*.toml docs/data-format.md
var Sources embed.FS
