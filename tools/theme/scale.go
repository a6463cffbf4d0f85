package theme

// Token is one Designsystemet colour token and its value.
type Token struct {
	Name  string `json:"navn"` // without the prefix, e.g. "base-default"
	Value string `json:"verdi"`
}

// Scale derives Designsystemet's accent tokens (--ds-color-accent-<name>)
// for the light colour scheme from the kommune's colour c, which must have
// MinContrast against white. The order is fixed, so the output is stable.
//
// The shades follow the roles Designsystemet gives them: backgrounds and
// surfaces are tints of c (mixed towards white), borders are c and lighter
// tints that keep 3:1 against white (WCAG 1.4.11), text is c darkened, and
// the base colours are c and darker shades under white text.
func Scale(c RGB) []Token {
	tint := func(t float64) string { return Mix(c, White, t).Hex() }
	shade := func(t float64) string { return Mix(c, Black, t).Hex() }
	return []Token{
		{"background-default", White.Hex()},
		{"background-tinted", tint(backgroundTint)},
		{"surface-default", White.Hex()},
		{"surface-tinted", tint(0.88)},
		{"surface-hover", tint(0.80)},
		{"surface-active", tint(0.70)},
		{"border-subtle", tint(0.55)},
		{"border-default", borderDefault(c).Hex()},
		{"border-strong", c.Hex()},
		{"text-subtle", darkest(c, func(d RGB) bool { return Contrast(d, Mix(c, White, 0.88)) >= MinContrast }).Hex()},
		{"text-default", shade(0.55)},
		{"base-default", c.Hex()},
		{"base-hover", shade(0.18)},
		{"base-active", shade(0.32)},
		{"base-contrast-subtle", tint(0.85)},
		{"base-contrast-default", White.Hex()},
	}
}

// backgroundTint is how far towards white the tinted background is.
const backgroundTint = 0.95

// borderDefault is the lightest tint of c that keeps 3:1 against white.
func borderDefault(c RGB) RGB {
	for t := 0.30; t > 0; t -= 0.02 {
		if m := Mix(c, White, t); Contrast(m, White) >= 3 {
			return m
		}
	}
	return c
}
