package svgsafe

import (
	"regexp"
	"strings"
)

// A grammar decides whether an attribute or style value is allowed, and says
// in a few words what is allowed when it is not.
type grammar struct {
	re   *regexp.Regexp
	want string // e.g. "a number or a length such as 12 or 4.5mm"
}

func (g grammar) ok(v string) bool { return g.re.MatchString(v) }

// The building blocks of the grammars. Every grammar matches the whole value
// (anchored), and none admits a backslash, a quote outside a font name, a
// parenthesis outside the few functions named here, "@", "/*" or a colon:
// so no value can be a CSS escape, comment, at-rule, url() to anything but
// an element of the same file, or a scheme such as javascript:.
const (
	num      = `[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?`
	sep      = `(?:\s*,\s*|\s+)`
	length   = num + `(?:px|pt|pc|mm|cm|in|em|ex|rem|%)?`
	ident    = `[A-Za-z_][A-Za-z0-9_.-]{0,127}`
	hexCol   = `#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})`
	colFunc  = `(?:rgba?|hsla?)\([0-9.%\s,/+-]{1,60}\)`
	keyword  = `[a-zA-Z]{1,30}` // a colour name, currentColor, none, inherit …
	colour   = `(?:` + hexCol + `|` + colFunc + `|` + keyword + `)`
	localRef = `url\(#` + ident + `\)`
	family   = `(?:[A-Za-z0-9][A-Za-z0-9 _-]{0,60}|'[A-Za-z0-9 _-]{1,60}'|"[A-Za-z0-9 _-]{1,60}")`
	transFn  = `(?:matrix|translate|scale|rotate|skewX|skewY)\s*\(\s*` + num + `(?:` + sep + num + `){0,5}\s*\)`
)

func g(re, want string) grammar {
	return grammar{regexp.MustCompile(`^(?:` + re + `)$`), want}
}

// words is a grammar of one of the given keywords.
func words(ws ...string) grammar {
	return g(strings.Join(ws, "|"), "one of "+strings.Join(ws, ", "))
}

var (
	gNumber    = g(`\s*`+num+`\s*`, "a number such as 12 or 0.5")
	gLength    = g(`\s*`+length+`\s*`, "a number or a length such as 12, 4.5mm or 50%")
	gLengths   = g(`\s*`+length+`(?:`+sep+length+`)*\s*`, "lengths such as 10 20 or 1mm,2mm")
	gNumbers   = g(`\s*`+num+`(?:`+sep+num+`)*\s*`, "numbers such as 0 90 180")
	gOpacity   = g(`\s*`+num+`%?\s*`, "a number from 0 to 1 or a percentage")
	gColour    = g(`\s*`+colour+`\s*`, "a colour such as #14507a, red or rgb(20,80,122)")
	gPaint     = g(`\s*(?:`+colour+`|`+localRef+`(?:\s+`+colour+`)?)\s*`, "a colour such as #14507a, none, or url(#id) naming a gradient in the same file")
	gLocalRef  = g(`\s*(?:none|`+localRef+`)\s*`, "none or url(#id) naming an element in the same file")
	gHref      = g(`#`+ident, "#id naming a gradient in the same file")
	gID        = g(ident, "a letter or _ followed by letters, digits, _, - or .")
	gTransform = g(`\s*`+transFn+`(?:\s*,?\s*`+transFn+`)*\s*`, "a list of matrix(…), translate(…), scale(…), rotate(…), skewX(…) or skewY(…) with numbers")
	gPath      = g(`[MmZzLlHhVvCcSsQqTtAa0-9eE.,+\s-]*`, "path data: the commands M L H V C S Q T A Z and numbers")
	gPoints    = g(`[0-9eE.,+\s-]*`, "numbers separated by spaces or commas")
	gViewBox   = g(`\s*`+num+sep+num+sep+num+sep+num+`\s*`, "four numbers: min-x min-y width height")
	gAspect    = g(`\s*(?:none|x(?:Min|Mid|Max)Y(?:Min|Mid|Max))(?:\s+(?:meet|slice))?\s*`, "none or xMidYMid and the like, optionally followed by meet or slice")
	gFamily    = g(`\s*`+family+`(?:\s*,\s*`+family+`)*\s*`, "font names (letters, digits, spaces, - and _), optionally quoted, separated by commas")
	gFontSize  = g(`\s*(?:`+length+`|xx-small|x-small|small|medium|large|x-large|xx-large|larger|smaller|inherit)\s*`, "a length such as 12 or 10pt, or a keyword such as small")
	gWeight    = g(`\s*(?:normal|bold|bolder|lighter|[1-9]00|inherit)\s*`, "normal, bold, bolder, lighter or 100 … 900")
	gDashes    = g(`\s*(?:none|inherit|`+length+`(?:`+sep+length+`)*)\s*`, "none or lengths such as 4 2")
	gSpacing   = g(`\s*(?:normal|inherit|`+length+`)\s*`, "normal or a length")
	gKeywords  = g(`\s*(?:[a-zA-Z-]{1,40}(?:\s+[a-zA-Z-]{1,40}){0,5}|`+length+`)\s*`, "keywords or a length")
	gLang      = g(`[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*`, "a language tag such as nb or nn-NO")
	gVersion   = g(`[0-9]{1,2}(?:\.[0-9]{1,2})?`, "a version such as 1.1")
	gEnableBG  = g(`\s*(?:accumulate|new(?:\s+`+num+`){0,4})\s*`, "accumulate or new followed by numbers")
)
