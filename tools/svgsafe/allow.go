package svgsafe

// The allow-list. Anything not named here is refused: an element, an
// attribute, a style property, a namespace.

const (
	svgNS   = "http://www.w3.org/2000/svg"
	xlinkNS = "http://www.w3.org/1999/xlink"
)

// content says what an element may contain.
type content int

const (
	shapes    content = iota // elements, no text
	empty                    // nothing (whitespace only)
	textOnly                 // text, no elements
	textSpans                // text and <tspan>
	stops                    // <stop> only
)

// element is what an allowed element may contain and which attributes it
// has besides the common ones (id, style, transform, presentation
// attributes, xml:space, xml:lang, lang).
type element struct {
	content content
	attrs   map[string]grammar
}

var gradientAttrs = map[string]grammar{
	"gradientUnits":     words("userSpaceOnUse", "objectBoundingBox"),
	"gradientTransform": gTransform,
	"spreadMethod":      words("pad", "reflect", "repeat"),
	"href":              gHref,
}

var elements = map[string]element{
	"svg": {shapes, map[string]grammar{
		"viewBox": gViewBox, "width": gLength, "height": gLength, "x": gLength, "y": gLength,
		"preserveAspectRatio": gAspect, "version": gVersion,
	}},
	"g":     {shapes, nil},
	"defs":  {shapes, nil},
	"title": {textOnly, nil},
	"desc":  {textOnly, nil},
	"path":  {empty, map[string]grammar{"d": gPath, "pathLength": gNumber}},
	"rect": {empty, map[string]grammar{
		"x": gLength, "y": gLength, "width": gLength, "height": gLength, "rx": gLength, "ry": gLength,
	}},
	"circle":   {empty, map[string]grammar{"cx": gLength, "cy": gLength, "r": gLength}},
	"ellipse":  {empty, map[string]grammar{"cx": gLength, "cy": gLength, "rx": gLength, "ry": gLength}},
	"line":     {empty, map[string]grammar{"x1": gLength, "y1": gLength, "x2": gLength, "y2": gLength}},
	"polyline": {empty, map[string]grammar{"points": gPoints}},
	"polygon":  {empty, map[string]grammar{"points": gPoints}},
	"text": {textSpans, map[string]grammar{
		"x": gLengths, "y": gLengths, "dx": gLengths, "dy": gLengths, "rotate": gNumbers,
		"textLength": gLength, "lengthAdjust": words("spacing", "spacingAndGlyphs"),
	}},
	"tspan": {textSpans, map[string]grammar{
		"x": gLengths, "y": gLengths, "dx": gLengths, "dy": gLengths, "rotate": gNumbers,
		"textLength": gLength, "lengthAdjust": words("spacing", "spacingAndGlyphs"),
	}},
	"linearGradient": {stops, merge(gradientAttrs, map[string]grammar{
		"x1": gLength, "y1": gLength, "x2": gLength, "y2": gLength,
	})},
	"radialGradient": {stops, merge(gradientAttrs, map[string]grammar{
		"cx": gLength, "cy": gLength, "r": gLength, "fx": gLength, "fy": gLength, "fr": gLength,
	})},
	"stop":     {empty, map[string]grammar{"offset": gOpacity}},
	"clipPath": {shapes, map[string]grammar{"clipPathUnits": words("userSpaceOnUse", "objectBoundingBox")}},
	"mask": {shapes, map[string]grammar{
		"x": gLength, "y": gLength, "width": gLength, "height": gLength,
		"maskUnits":        words("userSpaceOnUse", "objectBoundingBox"),
		"maskContentUnits": words("userSpaceOnUse", "objectBoundingBox"),
	}},
}

func merge(a, b map[string]grammar) map[string]grammar {
	m := make(map[string]grammar, len(a)+len(b))
	for k, v := range a {
		m[k] = v
	}
	for k, v := range b {
		m[k] = v
	}
	return m
}

// common are the attributes every allowed element may have, besides the
// presentation properties.
var common = map[string]grammar{
	"id":        gID,
	"transform": gTransform,
	"lang":      gLang,
}

// properties are the presentation properties: allowed as attributes
// (fill="…") and as declarations in a style attribute (style="fill:…").
var properties = map[string]grammar{
	"fill":                    gPaint,
	"fill-opacity":            gOpacity,
	"fill-rule":               words("nonzero", "evenodd", "inherit"),
	"stroke":                  gPaint,
	"stroke-width":            gLength,
	"stroke-opacity":          gOpacity,
	"stroke-linecap":          words("butt", "round", "square", "inherit"),
	"stroke-linejoin":         words("miter", "round", "bevel", "arcs", "miter-clip", "inherit"),
	"stroke-miterlimit":       gNumber,
	"stroke-dasharray":        gDashes,
	"stroke-dashoffset":       gLength,
	"opacity":                 gOpacity,
	"color":                   gColour,
	"display":                 words("inline", "block", "none", "inherit"),
	"visibility":              words("visible", "hidden", "collapse", "inherit"),
	"overflow":                words("visible", "hidden", "auto", "scroll", "inherit"),
	"clip-path":               gLocalRef,
	"clip-rule":               words("nonzero", "evenodd", "inherit"),
	"mask":                    gLocalRef,
	"stop-color":              gColour,
	"stop-opacity":            gOpacity,
	"font-family":             gFamily,
	"font-size":               gFontSize,
	"font-weight":             gWeight,
	"font-style":              words("normal", "italic", "oblique", "inherit"),
	"font-variant":            gKeywords,
	"font-stretch":            gKeywords,
	"text-anchor":             words("start", "middle", "end", "inherit"),
	"dominant-baseline":       gKeywords,
	"alignment-baseline":      gKeywords,
	"baseline-shift":          gKeywords,
	"letter-spacing":          gSpacing,
	"word-spacing":            gSpacing,
	"text-decoration":         gKeywords,
	"writing-mode":            gKeywords,
	"direction":               words("ltr", "rtl", "inherit"),
	"paint-order":             gKeywords,
	"vector-effect":           words("none", "non-scaling-stroke"),
	"shape-rendering":         words("auto", "optimizeSpeed", "crispEdges", "geometricPrecision", "inherit"),
	"text-rendering":          words("auto", "optimizeSpeed", "optimizeLegibility", "geometricPrecision", "inherit"),
	"color-interpolation":     words("auto", "sRGB", "linearRGB", "inherit"),
	"color-rendering":         words("auto", "optimizeSpeed", "optimizeQuality", "inherit"),
	"mix-blend-mode":          gKeywords,
	"isolation":               words("auto", "isolate"),
	"enable-background":       gEnableBG,
	"line-height":             gSpacing,
	"text-align":              words("start", "end", "left", "right", "center", "justify"),
	"font-variant-caps":       gKeywords,
	"font-variant-ligatures":  gKeywords,
	"font-variant-numeric":    gKeywords,
	"font-variant-east-asian": gKeywords,
	"font-feature-settings":   gKeywords,
	"font-variation-settings": gKeywords,
	"font-kerning":            gKeywords,
	"text-transform":          gKeywords,
	"white-space":             gKeywords,
	// Written by Inkscape into text styles; a font name, inert.
	"-inkscape-font-specification": gFamily,
}

// xmlAttrs are the attributes in the XML namespace (xml:space, xml:lang).
var xmlAttrs = map[string]grammar{
	"space": words("default", "preserve"),
	"lang":  gLang,
}
