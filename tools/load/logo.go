package load

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/openkommune/portal/tools/record"
)

// MaxLogoSize is the largest logo file accepted: a logo is shown on every
// page, and a coat of arms as SVG is a few kilobytes.
const MaxLogoSize = 256 << 10

// isImage tells whether a file at the top of data/ is an image the kommune
// may name as its logo (and so is not "not a data file").
func isImage(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	return !strings.Contains(p, "/") && (ext == ".svg" || ext == ".png")
}

// logo reads the logo file named in kommune.toml into k.LogoData.
func (l *loader) logo(k *record.Kommune) {
	if k.Logo == "" {
		return
	}
	pos := k.Src.At("logo")
	errorf := func(format string, args ...any) {
		l.diags.Errorf(k.Src.Path, pos.Line, pos.Col, "logo: "+format, args...)
	}
	if !isImage(k.Logo) || !fs.ValidPath(k.Logo) {
		errorf("%q: name an .svg or .png file placed beside kommune.toml, e.g. logo = \"logo.svg\"", k.Logo)
		return
	}
	b, err := fs.ReadFile(l.fsys, k.Logo)
	if err != nil {
		errorf("cannot read %s: put the file beside kommune.toml", l.display(k.Logo))
		return
	}
	if len(b) > MaxLogoSize {
		errorf("%s is %d KB; a logo may be at most %d KB: export it smaller", l.display(k.Logo), len(b)>>10, MaxLogoSize>>10)
		return
	}
	if strings.EqualFold(path.Ext(k.Logo), ".png") {
		if !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
			errorf("%s is not a PNG image", l.display(k.Logo))
			return
		}
	} else if err := safeSVG(b); err != nil {
		errorf("%s: %v", l.display(k.Logo), err)
		return
	}
	k.LogoData = b
}

// safeSVG accepts a well-formed SVG image without scripts, event handlers,
// embedded documents or references outside the file. The site serves the
// logo from its own origin, where a script in it would run if someone
// opened the file itself.
func safeSVG(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	root := true
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			if root {
				return errors.New("not an SVG image: the file has no <svg> element")
			}
			return nil
		}
		if err != nil {
			return errors.New("not a well-formed SVG image: " + err.Error())
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if root && name != "svg" {
				return errors.New("not an SVG image: the outermost element must be <svg>")
			}
			root = false
			switch name {
			case "script", "foreignobject", "iframe", "embed", "object", "use", "image", "a", "animate", "set", "handler", "listener":
				return errors.New("<" + t.Name.Local + "> is not allowed in a logo: export a plain SVG (shapes, paths and text only)")
			}
			for _, a := range t.Attr {
				an := strings.ToLower(a.Name.Local)
				v := strings.ToLower(strings.TrimSpace(a.Value))
				if strings.HasPrefix(an, "on") {
					return errors.New("the attribute " + a.Name.Local + " (a script) is not allowed in a logo")
				}
				if an == "href" && !strings.HasPrefix(v, "#") {
					return errors.New("links to other files are not allowed in a logo (" + a.Name.Local + "=" + a.Value + ")")
				}
				if strings.Contains(v, "url(") && !strings.Contains(v, "url(#") {
					return errors.New("references to other files are not allowed in a logo")
				}
			}
		case xml.Directive:
			if bytes.Contains(bytes.ToUpper(t), []byte("ENTITY")) {
				return errors.New("entity declarations are not allowed in a logo")
			}
		case xml.ProcInst:
			if strings.EqualFold(t.Target, "xml-stylesheet") {
				return errors.New("external stylesheets are not allowed in a logo")
			}
		}
	}
}
