package e2e

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/openkommune/portal/tools/svgsafe"
)

// TestCleanLogoRendersSame opens each legitimate logo of package svgsafe's
// corpus, and the clean copy the site would serve, in Chromium: the two
// screenshots must have the same pixels (and not be blank).
func TestCleanLogoRendersSame(t *testing.T) {
	files, _ := filepath.Glob("../svgsafe/testdata/good/*.svg")
	files = append(files, "../../data/logo.svg")
	dir := t.TempDir()
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out, problems := svgsafe.Clean(src)
		if len(problems) > 0 {
			t.Fatalf("%s refused: %v", f, problems)
		}
		name := filepath.Base(f)
		os.WriteFile(filepath.Join(dir, "in-"+name), src, 0o644)
		os.WriteFile(filepath.Join(dir, "out-"+name), out, 0o644)
	}
	srv := serve(t, dir)
	p := newPage(t)
	shot := func(name string) image.Image {
		do(t, p, chromedp.Navigate(srv.URL+basePath+name))
		b, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		return img
	}
	for _, f := range files {
		name := filepath.Base(f)
		in, out := shot("in-"+name), shot("out-"+name)
		if !samePixels(in, out) {
			t.Errorf("%s: the clean copy renders differently", name)
		}
		if blank(in) {
			t.Errorf("%s renders nothing", name)
		}
	}
}

func samePixels(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

func blank(img image.Image) bool {
	first := img.At(0, 0)
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			if img.At(x, y) != first {
				return false
			}
		}
	}
	return true
}
