package load

import (
	"bytes"
	"image/png"
	"io/fs"
	"path"
	"strings"

	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/svgsafe"
)

// MaxLogoSize is the largest logo file accepted: a logo is shown on every
// page, and a coat of arms as SVG is a few kilobytes.
const MaxLogoSize = 256 << 10

// MaxLogoPixels is the largest width and height of a PNG logo; it bounds
// the memory a small, highly compressed PNG can take when decoded.
const MaxLogoPixels = 2048

// isImage tells whether a file at the top of data/ is an image the kommune
// may name as its logo (and so is not "not a data file").
func isImage(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	return !strings.Contains(p, "/") && (ext == ".svg" || ext == ".png")
}

// logo reads the logo file named in kommune.toml and puts a clean copy of
// it in k.LogoData: the site serves that copy, never the file's own bytes.
// A problem with the name is reported at the logo key of kommune.toml, a
// problem in the file at the file (for an SVG at the line and column of
// the element or attribute).
func (l *loader) logo(k *record.Kommune) {
	if k.Logo == "" {
		return
	}
	pos := k.Src.At("logo")
	if !isImage(k.Logo) || !fs.ValidPath(k.Logo) {
		l.diags.Errorf(k.Src.Path, pos.Line, pos.Col, "logo: %q: name an .svg or .png file placed beside kommune.toml, e.g. logo = \"logo.svg\"", k.Logo)
		return
	}
	file := l.display(k.Logo)
	b, err := fs.ReadFile(l.fsys, k.Logo)
	if err != nil {
		l.diags.Errorf(k.Src.Path, pos.Line, pos.Col, "logo: cannot read %s: put the file beside kommune.toml", file)
		return
	}
	if len(b) > MaxLogoSize {
		l.diags.Errorf(file, 1, 1, "logo: the file is %d KB; a logo may be at most %d KB: export it smaller", len(b)>>10, MaxLogoSize>>10)
		return
	}
	if strings.EqualFold(path.Ext(k.Logo), ".png") {
		k.LogoData = l.cleanPNG(file, b)
		return
	}
	out, problems := svgsafe.Clean(b)
	for _, p := range problems {
		l.diags.Errorf(file, p.Line, p.Col, "logo: %s", p.Msg)
	}
	k.LogoData = out
}

// cleanPNG decodes a PNG logo and encodes it again, so that the site
// serves only the image: no text chunks or other data riding along.
func (l *loader) cleanPNG(file string, b []byte) []byte {
	errorf := func(format string, args ...any) {
		l.diags.Errorf(file, 1, 1, "logo: "+format, args...)
	}
	if !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
		errorf("the file is not a PNG image: export the logo as PNG or SVG")
		return nil
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		errorf("the PNG image cannot be read (%v): export it again", err)
		return nil
	}
	if cfg.Width > MaxLogoPixels || cfg.Height > MaxLogoPixels {
		errorf("the image is %d×%d pixels; a logo may be at most %d×%d: export it smaller", cfg.Width, cfg.Height, MaxLogoPixels, MaxLogoPixels)
		return nil
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		errorf("the PNG image cannot be read (%v): export it again", err)
		return nil
	}
	var out bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&out, img); err != nil {
		errorf("the PNG image cannot be written again (%v): export it again", err)
		return nil
	}
	return out.Bytes()
}
