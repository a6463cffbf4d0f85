// Package theme owns the kommune's colours on the site: parsing the colour a
// kommune chooses, WCAG contrast, and the Designsystemet accent scale derived
// from it.
//
// Designsystemet themes a site through CSS custom properties
// (--ds-color-accent-*). A kommune writes one colour (farge in
// kommune.toml); Scale derives the rest by mixing it with white or black in
// the OKLab colour space, so every shade keeps the kommune's hue. The colour
// must itself be dark enough for white text and for links on white (4.5:1,
// WCAG 2.1 AA); check rejects one that is not and suggests the nearest
// darker shade that is.
package theme

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Default is the accent colour when a kommune has not chosen one
// (Designsystemet's own accent).
const Default = "#0062ba"

// MinContrast is the contrast against white the kommune's colour needs:
// WCAG 2.1 AA for normal text (1.4.3).
const MinContrast = 4.5

// RGB is a colour in sRGB, each channel 0–255.
type RGB struct{ R, G, B uint8 }

// Parse reads "#rrggbb" (or "#rgb"), case-insensitive.
func Parse(s string) (RGB, error) {
	h, ok := strings.CutPrefix(strings.TrimSpace(s), "#")
	if ok && len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if !ok || len(h) != 6 {
		return RGB{}, fmt.Errorf("%q is not a colour: write it as \"#\" and six hex digits, e.g. %q", s, Default)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return RGB{}, fmt.Errorf("%q is not a colour: write it as \"#\" and six hex digits, e.g. %q", s, Default)
	}
	return RGB{uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}

// Hex formats c as "#rrggbb".
func (c RGB) Hex() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// White and Black are the ends of every mix.
var (
	White = RGB{255, 255, 255}
	Black = RGB{0, 0, 0}
)

// Luminance is the WCAG 2.1 relative luminance of c.
func (c RGB) Luminance() float64 {
	return 0.2126*linear(c.R) + 0.7152*linear(c.G) + 0.0722*linear(c.B)
}

// Contrast is the WCAG 2.1 contrast ratio of two colours (1 to 21).
func Contrast(a, b RGB) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Mix returns c mixed with other, t of the way towards other (0 ≤ t ≤ 1),
// in OKLab.
func Mix(c, other RGB, t float64) RGB {
	if t <= 0 {
		return c
	}
	if t >= 1 {
		return other
	}
	l1, a1, b1 := c.oklab()
	l2, a2, b2 := other.oklab()
	return fromOKLab(l1+(l2-l1)*t, a1+(a2-a1)*t, b1+(b2-b1)*t)
}

// Fits reports whether c can be the kommune's colour: white text on it,
// and c as text or links on white and on its own lightest tint (the tinted
// page background), all reach MinContrast.
func Fits(c RGB) bool {
	return Contrast(c, Mix(c, White, backgroundTint)) >= MinContrast
}

// Suggest returns c darkened (mixed towards black) in the smallest step
// that Fits; c itself if it already does.
func Suggest(c RGB) RGB {
	return darkest(c, func(d RGB) bool { return Fits(d) })
}

// darkest returns the least darkened shade of c for which ok holds.
func darkest(c RGB, ok func(RGB) bool) RGB {
	for i := 0; i <= 100; i++ {
		if d := Mix(c, Black, float64(i)/100); ok(d) {
			return d
		}
	}
	return Black
}

func linear(v uint8) float64 {
	c := float64(v) / 255
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

func gamma(c float64) uint8 {
	if c <= 0.0031308 {
		c *= 12.92
	} else {
		c = 1.055*math.Pow(c, 1/2.4) - 0.055
	}
	return uint8(math.Round(math.Max(0, math.Min(1, c)) * 255))
}

// oklab converts to OKLab (Björn Ottosson, 2020).
func (c RGB) oklab() (L, a, b float64) {
	r, g, bl := linear(c.R), linear(c.G), linear(c.B)
	l := math.Cbrt(0.4122214708*r + 0.5363325363*g + 0.0514459929*bl)
	m := math.Cbrt(0.2119034982*r + 0.6806995451*g + 0.1073969566*bl)
	s := math.Cbrt(0.0883024619*r + 0.2817188376*g + 0.6299787005*bl)
	return 0.2104542553*l + 0.7936177850*m - 0.0040720468*s,
		1.9779984951*l - 2.4285922050*m + 0.4505937099*s,
		0.0259040371*l + 0.7827717662*m - 0.8086757660*s
}

func fromOKLab(L, a, b float64) RGB {
	l := L + 0.3963377774*a + 0.2158037573*b
	m := L - 0.1055613458*a - 0.0638541728*b
	s := L - 0.0894841944*a - 1.2914855480*b
	l, m, s = l*l*l, m*m*m, s*s*s
	return RGB{
		gamma(+4.0767416621*l - 3.3077115913*m + 0.2309699292*s),
		gamma(-1.2684380046*l + 2.6097574011*m - 0.3413193965*s),
		gamma(-0.0041960863*l - 0.7034186147*m + 1.7076147010*s),
	}
}
