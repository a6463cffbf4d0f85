// Package load reads a kommune's data directory into a record.Set.
//
// # Layout
//
//	kommune.toml              the kommune and its rules          (record.Kommune)
//	rammeomrader.toml         the budget areas                   (record.Rammeomrader)
//	vedtak/**/ID.toml         one decision per file              (record.Vedtak)
//	planer/ID.toml            one plan per file                  (record.Plan)
//	okonomiplan/ID.toml       one økonomiplan per file           (record.Okonomiplan)
//	prosjekter/ID.toml        one investment project per file    (record.Prosjekt)
//	kostra/TABELL.toml        one KOSTRA table from SSB per file (record.Kostra)
//	oversikter/ID.toml        one bevilgningsoversikt per file   (record.Oversikt)
//	rapporter/ID.toml         one report per file                (record.Rapport)
//	regnskap/YEAR.toml        one year's årsregnskap per area    (record.Regnskap)
//
// Load is strict about the form of each file and reports, with the position
// of each: TOML syntax errors, invalid UTF-8, unknown keys (with the nearest
// known key as a hint), values of the wrong kind (a decimal amount, a date in
// quotes, a status that is not one of the allowed values, a number written in
// hexadecimal, octal or binary: decode.go), and a file whose id
// differs from its name. Whether the records agree with each other is the job
// of package check.
package load

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/openkommune/portal/tools/diag"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/tomlpos"
)

// MaxFileSize is the largest data file read: far above any real record
// (a budget vedtak with a hundred points is about 100 KB).
const MaxFileSize = 8 << 20

// Load reads every data file in fsys. Paths in diagnostics and in record
// sources are prefix + "/" + the path in fsys (prefix is usually "data").
//
// The files are read and decoded on all cores; the records and diagnostics
// come out in the order of the directory walk whatever the scheduling.
func Load(fsys fs.FS, prefix string) (*record.Set, *diag.List) {
	l := &loader{fsys: fsys, prefix: prefix, set: &record.Set{}, diags: &diag.List{}}
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			l.diags.Errorf(l.display(p), 1, 1, "cannot read: %v", err)
			return nil
		}
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && p != "." {
				return fs.SkipDir
			}
			if strings.Contains(strings.ToLower(d.Name()), ".toml") {
				l.diags.Errorf(l.display(p), 1, 1, "a folder named like a data file: a record is a file; move what is in it and remove the folder")
				return fs.SkipDir
			}
			return nil
		}
		files = append(files, p)
		return nil
	})
	if err != nil {
		l.diags.Errorf(prefix, 1, 1, "cannot read the data directory: %v", err)
	}
	for _, part := range l.files(files) {
		l.merge(part)
	}
	if l.set.Kommune != nil {
		l.logo(l.set.Kommune)
	}
	if !l.sawKommune {
		l.diags.Errorf(l.display("kommune.toml"), 1, 1, "missing file: every data directory needs kommune.toml with the kommune's name, målform and reference date")
	}
	if l.set.Omrader == nil {
		// No areas: check reports each area cited elsewhere as unknown.
		l.set.Omrader = &record.Rammeomrader{Src: record.Source{Path: l.display("rammeomrader.toml"), File: "rammeomrader.toml"}}
	}
	return l.set, l.diags
}

// files reads the files on all cores, each into a loader of its own; the
// result is in the order of paths.
func (l *loader) files(paths []string) []*loader {
	parts := make([]*loader, len(paths))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(paths)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(paths) {
					return
				}
				part := &loader{fsys: l.fsys, prefix: l.prefix, set: &record.Set{}, diags: &diag.List{}}
				part.file(paths[i])
				parts[i] = part
			}
		})
	}
	wg.Wait()
	return parts
}

// merge adds what part read from one file.
func (l *loader) merge(part *loader) {
	l.diags.Merge(part.diags)
	l.sawKommune = l.sawKommune || part.sawKommune
	if part.set.Kommune != nil {
		l.set.Kommune = part.set.Kommune
	}
	if part.set.Omrader != nil {
		l.set.Omrader = part.set.Omrader
	}
	l.set.Vedtak = append(l.set.Vedtak, part.set.Vedtak...)
	l.set.Planer = append(l.set.Planer, part.set.Planer...)
	l.set.Okonomiplan = append(l.set.Okonomiplan, part.set.Okonomiplan...)
	l.set.Prosjekter = append(l.set.Prosjekter, part.set.Prosjekter...)
	l.set.Kostra = append(l.set.Kostra, part.set.Kostra...)
	l.set.Oversikter = append(l.set.Oversikter, part.set.Oversikter...)
	l.set.Rapporter = append(l.set.Rapporter, part.set.Rapporter...)
	l.set.Regnskap = append(l.set.Regnskap, part.set.Regnskap...)
}

type loader struct {
	fsys   fs.FS
	prefix string
	set    *record.Set
	diags  *diag.List
	// sawKommune is set when kommune.toml exists, even if it is unreadable.
	sawKommune bool
}

func (l *loader) display(p string) string {
	if p == "." {
		return l.prefix
	}
	return path.Join(l.prefix, p)
}

// misnamed tells whether p looks like a data file whose name is not
// exactly *.toml: another case (.TOML), blanks or dots after it
// ("x.toml "), or an extension an editor added ("x.toml.txt"); and the
// name it should have.
func misnamed(p string) (string, bool) {
	dir, name := path.Split(p)
	lower := strings.ToLower(name)
	i := strings.LastIndex(lower, ".toml")
	if i <= 0 {
		return "", false
	}
	stem := strings.TrimRight(name[:i], " .")
	if stem == "" {
		return "", false
	}
	return dir + stem + ".toml", true
}

// kind tells what record a file holds from where it is.
func kind(p string) string {
	dir, _ := path.Split(p)
	switch {
	case p == "kommune.toml":
		return "kommune"
	case p == "rammeomrader.toml":
		return "rammeomrader"
	case strings.HasPrefix(p, "vedtak/"):
		return "vedtak"
	case dir == "planer/":
		return "plan"
	case dir == "okonomiplan/":
		return "okonomiplan"
	case dir == "prosjekter/":
		return "prosjekt"
	case dir == "kostra/":
		return "kostra"
	case dir == "oversikter/":
		return "oversikt"
	case dir == "rapporter/":
		return "rapport"
	case dir == "regnskap/":
		return "regnskap"
	}
	return ""
}

func (l *loader) file(p string) {
	if path.Ext(p) != ".toml" {
		if want, ok := misnamed(p); ok {
			l.diags.Errorf(l.display(p), 1, 1, "a data file must be named *.toml exactly (lower case, nothing after it): rename it to %s", l.display(want))
			return
		}
		if !isImage(p) && !strings.HasPrefix(path.Base(p), ".") && !strings.EqualFold(path.Ext(p), ".md") {
			l.diags.Warnf(l.display(p), 1, 1, "not a data file: only .toml files are read here; move it out of the data directory")
		}
		return
	}
	k := kind(p)
	if k == "" {
		top, _, nested := strings.Cut(p, "/")
		if nested && (top == "planer" || top == "okonomiplan" || top == "prosjekter" || top == "kostra" || top == "oversikter" || top == "rapporter" || top == "regnskap") {
			l.diags.Errorf(l.display(p), 1, 1, "%s/ has no sub-folders (only vedtak/ may have year folders): move the file to %s", top, l.display(top+"/"+path.Base(p)))
			return
		}
		l.diags.Errorf(l.display(p), 1, 1, "data file in an unknown place: put it in vedtak/, planer/, okonomiplan/, prosjekter/, kostra/, oversikter/, regnskap/ or rapporter/, or name it kommune.toml or rammeomrader.toml")
		return
	}
	src, ok := l.read(p)
	s := record.Source{Path: l.display(p), File: p, Pos: tomlpos.Parse(src)}
	if lim := s.Pos.Limit(); ok && lim != nil {
		// Checked before decoding: the TOML decoder slows down with the
		// square of the depth.
		l.diags.Errorf(s.Path, lim.Line, lim.Col, "TOML: %s here: a data file needs two or three levels; write it as docs/data-format.md shows", lim.What)
		ok = false
	}
	stem := strings.TrimSuffix(path.Base(p), ".toml")
	switch k {
	case "kommune":
		l.sawKommune = true
		r := &record.Kommune{Src: s}
		if l.decode(s, src, ok, r, "") {
			l.set.Kommune = r
		}
	case "rammeomrader":
		// An unreadable file leaves no areas, and check does not report
		// the areas cited elsewhere as missing (see decode).
		r := &record.Rammeomrader{Src: s}
		l.decode(s, src, ok, r, "")
		l.set.Omrader = r
	case "vedtak":
		keep(l, s, src, ok, stem, &record.Vedtak{Src: s}, &l.set.Vedtak)
	case "plan":
		keep(l, s, src, ok, stem, &record.Plan{Src: s}, &l.set.Planer)
	case "okonomiplan":
		keep(l, s, src, ok, stem, &record.Okonomiplan{Src: s}, &l.set.Okonomiplan)
	case "prosjekt":
		keep(l, s, src, ok, stem, &record.Prosjekt{Src: s}, &l.set.Prosjekter)
	case "kostra":
		keep(l, s, src, ok, stem, &record.Kostra{Src: s}, &l.set.Kostra)
	case "oversikt":
		keep(l, s, src, ok, stem, &record.Oversikt{Src: s}, &l.set.Oversikter)
	case "rapport":
		keep(l, s, src, ok, stem, &record.Rapport{Src: s}, &l.set.Rapporter)
	case "regnskap":
		l.regnskap(s, src, ok, stem)
	}
}

// keep adds a one-record-per-file record to list, with its id checked
// against the file name. A file that could not be read is kept as an empty
// record named by the file name (and rejected as a whole, see decode), so
// that the records citing it are not also reported as citing nothing.
func keep[P record.Identified](l *loader, s record.Source, src []byte, readOK bool, stem string, r P, list *[]P) {
	if l.decode(s, src, readOK, r, stem) {
		l.checkID(s, stem, r.Ident())
		if s.Pos.Rejected("id") {
			// Reported; the file name stands in for the id.
			reflect.ValueOf(r).Elem().FieldByName("ID").SetString(stem)
		}
	} else {
		reflect.ValueOf(r).Elem().FieldByName("ID").SetString(stem)
		if !ValidID(stem) {
			l.checkID(s, stem, stem)
		}
	}
	*list = append(*list, r)
}

// read returns the file's bytes if they are UTF-8 text of a sane size,
// with CRLF line ends (Windows) turned into LF.
func (l *loader) read(p string) ([]byte, bool) {
	info, err := fs.Stat(l.fsys, p)
	if err == nil && info.Size() > MaxFileSize {
		l.tooBig(p, info.Size())
		return nil, false
	}
	src, err := fs.ReadFile(l.fsys, p)
	if err != nil {
		l.diags.Errorf(l.display(p), 1, 1, "cannot read: %v", err)
		return nil, false
	}
	if len(src) > MaxFileSize { // the size was not known beforehand
		l.tooBig(p, int64(len(src)))
		return nil, false
	}
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		l.diags.Errorf(l.display(p), 1, 1, "file starts with a byte-order mark: save it as UTF-8 without BOM (in Notepad: Save as, Encoding \"UTF-8\", not \"UTF-8 with BOM\")")
		return nil, false
	}
	if !utf8.Valid(src) {
		off := 0
		for off < len(src) {
			r, n := utf8.DecodeRune(src[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		line, col := position(src, off)
		l.diags.Errorf(l.display(p), line, col, "invalid UTF-8 (byte 0x%02x): the file is in another encoding (such as Latin-1 or Windows-1252); save it as UTF-8", src[off])
		return nil, false
	}
	for off, c := range src {
		if c >= 0x20 && c != 0x7f || c == '\t' || c == '\n' || c == '\r' && off+1 < len(src) && src[off+1] == '\n' {
			continue
		}
		line, col := position(src, off)
		if c == '\r' {
			l.diags.Errorf(l.display(p), line, col, "a carriage return (U+000D) without a line feed after it: save the file with LF or CRLF line ends")
		} else {
			l.diags.Errorf(l.display(p), line, col, "control character U+%04X%s: delete it (it is invisible in most editors and often comes with text pasted from another program)", c, controlNames[c])
		}
		return nil, false
	}
	return bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")), true
}

func (l *loader) tooBig(p string, size int64) {
	mb := (size + 1<<20 - 1) >> 20 // rounded up: 8 MB and a byte is 9 MB
	l.diags.Errorf(l.display(p), 1, 1, "file is %d MB, more than the %d MB a data file may be: a record is at most a few hundred KB; remove what was pasted or generated into it by mistake", mb, MaxFileSize>>20)
}

var controlNames = map[byte]string{0x00: " (NUL)", 0x07: " (BEL)", 0x08: " (backspace)", 0x0b: " (vertical tab)", 0x0c: " (form feed)", 0x1b: " (escape)", 0x7f: " (DEL)"}

// position returns the line and column (counted in characters) of byte off
// in src.
func position(src []byte, off int) (line, col int) {
	line = 1 + bytes.Count(src[:off], []byte("\n"))
	col = 1 + utf8.RuneCount(src[bytes.LastIndexByte(src[:off], '\n')+1:off])
	return line, col
}

// decode decodes src into v strictly and reports every problem; stem is the
// file name without .toml for a record named by it, else "". It returns
// false if the file could not be read (readOK is false: read has said why)
// or is not TOML (a syntax error, reported here): then v is left empty and
// the whole file is rejected in s.Pos, so that check says nothing more
// about it.
func (l *loader) decode(s record.Source, src []byte, readOK bool, v any, stem string) bool {
	if !readOK {
		s.Pos.Reject("")
		return false
	}
	raw, err := parse(src)
	if err != nil {
		line, col, msg := syntaxError(err, s.Pos, src)
		l.diags.Errorf(s.Path, line, col, "TOML: %s", msg)
		s.Pos.Reject("")
		return false
	}
	d := &decoder{l: l, s: s, stem: stem}
	d.table(raw, reflect.ValueOf(v).Elem(), "")
	d.finish()
	if sc, ok := v.(scaler); ok {
		// Amounts typed in 1 000 kr become kroner here, once, before their
		// problems are reported (one out of range in kroner has one).
		sc.Scale()
	}
	walkTexts(reflect.ValueOf(v).Elem(), "", "", func(p, problem string) {
		s.Pos.Reject(p)
		pos := s.At(p)
		l.diags.Errorf(s.Path, pos.Line, pos.Col, "%s: %s", p, problem)
	})
	walkProblems(reflect.ValueOf(v).Elem(), "", func(p, problem string) {
		pos := s.At(p)
		l.diags.Errorf(s.Path, pos.Line, pos.Col, "%s: %s", p, problem)
	})
	return true
}

// scaler is a record whose amounts are typed in a unit of its own
// (record.Okonomiplan).
type scaler interface{ Scale() }

// parse reads src as a TOML document into maps. A panic in the TOML
// parser (a bug there) is an error about the file, not a crash of the run.
func parse(src []byte) (raw map[string]any, err error) {
	defer func() {
		if r := recover(); r != nil {
			raw, err = nil, fmt.Errorf("the TOML reader failed on this file (%v): simplify the line you changed last and report the problem", r)
		}
	}()
	_, err = toml.Decode(string(src), &raw)
	return raw, err
}

// lineText returns line n (1-based) of src without its line end.
func lineText(src []byte, n int) string {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return string(src)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// hintFor names the key of struct type t closest to the unknown key, or
// lists them.
func hintFor(t reflect.Type, last string) string {
	if t.Kind() != reflect.Struct {
		return ""
	}
	var known []string
	for i := range t.NumField() {
		if tag := tagName(t.Field(i)); tag != "" {
			known = append(known, tag)
		}
	}
	return Suggest(last, known, "the keys allowed here are")
}

// Suggest returns ": did you mean %q?" with the known word nearest to
// word if one is near enough to be a misspelling of it, else ": " + list
// and every known word in order (list says what they are, e.g. "the keys
// allowed here are").
func Suggest(word string, known []string, list string) string {
	best, dist := "", 1<<30
	for _, c := range known {
		if len(word) > 2*len(c)+2 {
			continue // too long to be a misspelling of c
		}
		if d := editDistance(strings.ToLower(word), c); d < dist {
			best, dist = c, d
		}
	}
	if best != "" && dist <= max(2, len(word)/3) {
		return fmt.Sprintf(": did you mean %q?", best)
	}
	known = slices.Clone(known)
	slices.Sort(known)
	return ": " + list + " " + strings.Join(known, ", ")
}

func tagName(f reflect.StructField) string {
	tag, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
	if tag == "-" {
		return ""
	}
	return tag
}

func fieldByTag(t reflect.Type, name string) (reflect.StructField, bool) {
	if t.Kind() != reflect.Struct || name == "" {
		return reflect.StructField{}, false
	}
	for i := range t.NumField() {
		if tagName(t.Field(i)) == name {
			return t.Field(i), true
		}
	}
	return reflect.StructField{}, false
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev, cur := make([]int, len(rb)+1), make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

type problemer interface{ Problem() string }

// walkProblems calls report for every value under v whose Problem is not
// empty, with its key path.
func walkProblems(v reflect.Value, p string, report func(path, problem string)) {
	if v.CanInterface() {
		if pr, ok := v.Interface().(problemer); ok {
			if msg := pr.Problem(); msg != "" {
				report(p, msg)
			}
			return
		}
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkProblems(v.Elem(), p, report)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkProblems(v.Index(i), tomlpos.Elem(p, i), report)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			sf := v.Type().Field(i)
			name := tagName(sf)
			if name == "" {
				continue
			}
			if codes := record.EnumTag(sf); codes != nil && sf.Type.Kind() == reflect.String {
				// A field restricted to some of its enum's codes: the
				// tag's codes are the ones to name.
				if msg := record.EnumTagProblem(name, v.Field(i).String(), codes); msg != "" {
					report(tomlpos.Join(p, name), msg)
				}
				continue
			}
			walkProblems(v.Field(i), tomlpos.Join(p, name), report)
		}
	}
}

// checkID requires the id key to be a valid id equal to the file name.
func (l *loader) checkID(s record.Source, stem, id string) {
	pos := s.At("id")
	switch {
	case s.Pos.Rejected("id"):
		// A value of the wrong type, reported already.
	case !ValidID(stem):
		sug := Slug(stem)
		if sug == "" {
			sug = "kst-2025-014"
		}
		l.diags.Errorf(s.Path, pos.Line, pos.Col, "file name %q is not a valid id: ids are lower-case letters a–z, digits and hyphens (they become web addresses); rename the file to %s.toml and set id = %q", stem+".toml", sug, sug)
	case id == "":
		l.diags.Errorf(s.Path, pos.Line, pos.Col, "missing id: add id = %q (the file name without .toml)", stem)
	case !ValidID(id):
		l.diags.Errorf(s.Path, pos.Line, pos.Col, "id %s is not a valid id: ids are lower-case letters a–z, digits and hyphens, and equal the file name; set id = %q", QuoteShort(id), stem)
	case id != stem:
		l.diags.Errorf(s.Path, pos.Line, pos.Col, "id %q differs from the file name %q: rename the file to %s.toml or set id = %q", id, stem+".toml", id, stem)
	}
}
