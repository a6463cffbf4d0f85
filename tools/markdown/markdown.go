// Package markdown owns the rules for the texts staff write in Markdown
// (a vedtak's tekst): the limits that keep rendering them linear, and the
// escaping that makes raw HTML in them show as text.
//
// Texts are parsed with goldmark, configured as Hugo configures it, so that
// what this package finds is what Hugo's markdownify will find.
package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// md parses as Hugo's default Goldmark configuration does (the extensions
// Hugo turns on by default; the attribute syntax is off in config.toml).
var md = goldmark.New(
	goldmark.WithExtensions(
		extension.Table,
		extension.Strikethrough,
		extension.Linkify,
		extension.TaskList,
		extension.DefinitionList,
		extension.Footnote,
		extension.Typographer,
	),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
)
