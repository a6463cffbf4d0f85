package load

import (
	"bytes"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/openkommune/portal/tools/svgsafe"
)

func loadLogo(t *testing.T, name string, data []byte) ([]byte, string) {
	t.Helper()
	fsys := fstest.MapFS{
		"kommune.toml": {Data: []byte("logo = \"" + name + "\"\n" + kommune)},
		name:           {Data: data},
	}
	set, diags := Load(fsys, "data")
	return set.Kommune.LogoData, format(diags)
}

// TestLogoIsCleanCopy shows that the site gets the allow-list's canonical
// SVG, not the bytes of the file in data/.
func TestLogoIsCleanCopy(t *testing.T) {
	src := []byte("<?xml version=\"1.0\"?>\n<!-- <script>alert(1)</script> -->\n" +
		"<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink' viewBox='0 0 10 10'>" +
		"<rect width='10' height='10' style=' fill : #14507a ; '/></svg>")
	got, diags := loadLogo(t, "logo.svg", src)
	if diags != "" {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	want, _ := svgsafe.Clean(src)
	if !bytes.Equal(got, want) || bytes.Contains(got, []byte("script")) || bytes.Contains(got, []byte("xlink")) {
		t.Errorf("LogoData = %q, want the clean copy %q", got, want)
	}
}

// TestLogoProblemsInFile shows that every problem in an SVG is reported at
// its line and column in the SVG file, and nothing is kept.
func TestLogoProblemsInFile(t *testing.T) {
	src := []byte("<svg xmlns='http://www.w3.org/2000/svg'>\n  <rect onload='x'/>\n  <script/>\n</svg>\n")
	got, diags := loadLogo(t, "logo.svg", src)
	want := "data/logo.svg:2:9: error: logo: attribute onload is not allowed in a logo (an event handler runs a script): remove it\n" +
		"data/logo.svg:3:3: error: logo: element <script> is not allowed in a logo (a script): "
	if !strings.HasPrefix(diags, want) || got != nil {
		t.Errorf("diagnostics:\n%s\nwant them to start with\n%s\nLogoData %q", diags, want, got)
	}
}

// TestPNGIsReencoded shows that a PNG logo reaches the site as the pixels
// only: a text chunk (here holding markup) is not carried along.
func TestPNGIsReencoded(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 3, 2))
	img.Set(1, 1, color.NRGBA{20, 80, 122, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	// Insert a tEXt chunk after IHDR (8-byte signature + 25-byte IHDR chunk).
	chunk := pngChunk("tEXt", []byte("Comment\x00<script>alert(1)</script>"))
	src := append(append(append([]byte{}, b.Bytes()[:33]...), chunk...), b.Bytes()[33:]...)
	got, diags := loadLogo(t, "logo.png", src)
	if diags != "" {
		t.Fatalf("diagnostics:\n%s", diags)
	}
	if bytes.Contains(got, []byte("script")) {
		t.Errorf("the text chunk reached the site: %q", got)
	}
	dec, err := png.Decode(bytes.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	if c := color.NRGBAModel.Convert(dec.At(1, 1)); c != (color.NRGBA{20, 80, 122, 255}) || dec.Bounds() != img.Bounds() {
		t.Errorf("the pixels changed: %v %v", dec.Bounds(), c)
	}
}

func pngChunk(typ string, data []byte) []byte {
	var b bytes.Buffer
	n := len(data)
	b.Write([]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)})
	b.WriteString(typ)
	b.Write(data)
	sum := crc32.ChecksumIEEE(append([]byte(typ), data...))
	b.Write([]byte{byte(sum >> 24), byte(sum >> 16), byte(sum >> 8), byte(sum)})
	return b.Bytes()
}
