package theme

import (
	"math"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
		ok   bool
	}{
		{"#0062BA", "#0062ba", true},
		{"#fff", "#ffffff", true},
		{" #1f5f8b ", "#1f5f8b", true},
		{"0062ba", "", false},
		{"#0062b", "", false},
		{"#gg0000", "", false},
		{"blue", "", false},
		{"", "", false},
	} {
		c, err := Parse(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("Parse(%q) error = %v, want ok %v", tc.in, err, tc.ok)
			continue
		}
		if tc.ok && c.Hex() != tc.want {
			t.Errorf("Parse(%q) = %s, want %s", tc.in, c.Hex(), tc.want)
		}
	}
}

func TestContrast(t *testing.T) {
	// Reference values from the WCAG definition.
	for _, tc := range []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#ffffff", "#ffffff", 1},
		{"#767676", "#ffffff", 4.54},
		{"#0062ba", "#ffffff", 6.08},
	} {
		a, _ := Parse(tc.a)
		b, _ := Parse(tc.b)
		if got := Contrast(a, b); math.Abs(got-tc.want) > 0.01 {
			t.Errorf("Contrast(%s, %s) = %.3f, want %.2f", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestMixEnds(t *testing.T) {
	c, _ := Parse("#1f5f8b")
	if got := Mix(c, White, 0); got != c {
		t.Errorf("Mix(c, white, 0) = %s, want %s", got.Hex(), c.Hex())
	}
	if got := Mix(c, White, 1); got != White {
		t.Errorf("Mix(c, white, 1) = %s", got.Hex())
	}
}

func TestSuggest(t *testing.T) {
	light, _ := Parse("#4da3ff")
	if Fits(light) {
		t.Fatal("test colour should start too light")
	}
	d := Suggest(light)
	if !Fits(d) || Contrast(d, White) < MinContrast {
		t.Fatalf("Suggest gave %s with %.2f:1", d.Hex(), Contrast(d, White))
	}
	ok, _ := Parse(Default)
	if Suggest(ok) != ok {
		t.Error("a colour with enough contrast should be kept")
	}
}

// TestScaleContrast checks the pairs the stylesheet puts together, for
// colours of every hue a kommune might choose (each at its darkest allowed
// shade, the hardest case for white text being the lightest).
func TestScaleContrast(t *testing.T) {
	for _, in := range []string{"#0062ba", "#1f5f8b", "#a4161a", "#1d5e2c", "#6b2c91", "#7a4b00", "#00629b", "#333333", "#c60000", "#ff9900", "#4da3ff"} {
		c, _ := Parse(in)
		c = Suggest(c)
		tok := map[string]RGB{}
		for _, tk := range Scale(c) {
			v, err := Parse(tk.Value)
			if err != nil {
				t.Fatal(err)
			}
			tok[tk.Name] = v
		}
		for _, p := range []struct {
			fg, bg string
			min    float64
		}{
			{"base-contrast-default", "base-default", 4.5},
			{"base-contrast-default", "base-hover", 4.5},
			{"base-contrast-default", "base-active", 4.5},
			{"text-default", "background-tinted", 4.5},
			{"text-default", "surface-active", 4.5},
			{"text-subtle", "background-default", 4.5},
			{"text-subtle", "background-tinted", 4.5},
			{"text-subtle", "surface-tinted", 4.5},
			{"base-default", "background-tinted", 4.5},
			{"border-default", "background-default", 3},
			{"border-strong", "background-default", 3},
		} {
			if got := Contrast(tok[p.fg], tok[p.bg]); got < p.min {
				t.Errorf("%s: %s on %s = %.2f:1, want ≥ %.1f", in, p.fg, p.bg, got, p.min)
			}
		}
	}
}
