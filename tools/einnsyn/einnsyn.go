// Package einnsyn owns reading eInnsyn møtedata: the meetings (møtemapper)
// and their cases (møtesaksregistreringer) that a kommune's sak/arkiv system
// publishes to eInnsyn, as JSON-LD (Digdir's eInnsyn publishing format, the
// Noark 5 arkivstruktur vocabulary in compact or expanded form) or as a
// Noark 5 arkivstruktur XML export.
//
// Both formats are read into one small graph of nodes (a Noark 5 object:
// its type, its properties and where it is written), and the møtesaker are
// taken from that graph by one set of rules, so that the two formats cannot
// drift apart. Every problem is reported with its line and column in the
// file; nothing is guessed.
package einnsyn

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/diag"
	"github.com/openkommune/portal/tools/saksnummer"
)

// MaxSize is the largest file read: a year of møtedata for a large kommune
// is a few megabytes.
const MaxSize = 200 << 20

// Pos is a 1-based line and column in the file (columns count characters).
type Pos struct{ Line, Col int }

// Moetesak is one case treated in a meeting, as the export gives it.
type Moetesak struct {
	At       Pos          // the møtesaksregistrering
	MoteAt   Pos          // its møtemappe
	Utvalg   string       // the møtemappe's utvalg: a code or a name
	Motedato caldate.Date // the meeting's date (in Norway)
	Aar      int          // møtesaksår
	Nr       int          // møtesakssekvensnummer
	Arkivsak string       // "25/1301" from the saksmappe's saksår/sakssekvensnummer, or ""
	Saksaar  int          // the saksmappe's saksår (0 if not given)
	Sekvens  int          // the saksmappe's sakssekvensnummer (0 if not given)
	Tittel   string       // offentligTittel (tittel only where nothing is screened)
	Vedtak   string       // the decision text, or "" if the export gives none
	Type     string       // møtesakstype as given, e.g. "Politisk sak"
	SystemID string       // the møtesak's systemID or @id
}

// Saksnummer is the møtesak's number as the kommune prints it: "068/26".
func (m *Moetesak) Saksnummer() string {
	return saksnummer.Format(m.Nr, m.Aar)
}

// Export is what a file holds: its møtesaker in the order written.
type Export struct {
	Format string // "JSON-LD" or "Noark 5 XML"
	Saker  []Moetesak
}

// Read reads an eInnsyn export; name is how the file is named in
// diagnostics. The format is told by the content: a JSON document (after
// an optional byte-order mark and blanks) is JSON-LD, a document starting
// with "<" is Noark 5 XML. The export is usable only if the list has no
// errors.
func Read(name string, src []byte) (*Export, *diag.List) {
	d := &diag.List{}
	if len(src) > MaxSize {
		d.Errorf(name, 1, 1, "the file is %d MB; at most %d MB is read: export one year at a time", len(src)>>20, MaxSize>>20)
		return nil, d
	}
	if !utf8.Valid(src) {
		bad := 0
		for bad < len(src) {
			r, n := utf8.DecodeRune(src[bad:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			bad += n
		}
		at := newLineIndex(src).pos(bad)
		d.Errorf(name, at.Line, at.Col, "the file is not UTF-8 text (a byte that is not UTF-8 here): export it from the sak/arkiv system as UTF-8")
		return nil, d
	}
	body := bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	off := len(src) - len(body)
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	lines := newLineIndex(src)
	r := &reader{name: name, src: src, lines: lines, diags: d, g: newGraph()}
	var format string
	switch {
	case len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '['):
		format = "JSON-LD"
		r.readJSONLD(off)
	case len(trimmed) > 0 && trimmed[0] == '<':
		format = "Noark 5 XML"
		r.readXML(off)
	default:
		d.Errorf(name, 1, 1, "not an eInnsyn export: the file is neither JSON-LD (starting with { or [) nor Noark 5 XML (starting with <): export the møter from eInnsyn or the sak/arkiv system as JSON-LD or Noark 5 XML")
		return nil, d
	}
	if d.Errors() > 0 {
		return nil, d
	}
	ex := &Export{Format: format}
	r.extract(ex)
	if d.Errors() > 0 {
		return nil, d
	}
	return ex, d
}

// reader holds what reading one file needs.
type reader struct {
	name  string
	src   []byte
	lines *lineIndex
	diags *diag.List
	g     *graph
}

func (r *reader) errorf(at Pos, format string, args ...any) {
	r.diags.Errorf(r.name, at.Line, at.Col, format, args...)
}

func (r *reader) warnf(at Pos, format string, args ...any) {
	r.diags.Warnf(r.name, at.Line, at.Col, format, args...)
}

// norm makes a Noark 5 name comparable across the formats' spellings:
// JSON-LD writes "Møtesaksregistrering" and "møtesaksår", XML
// "moetesaksregistrering" and "moetesaksaar".
func norm(s string) string {
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "æøå") {
		s = strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa").Replace(s)
	}
	return s
}
