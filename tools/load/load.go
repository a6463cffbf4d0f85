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
//
// Load is strict about the form of each file and reports, with the position
// of each: TOML syntax errors, invalid UTF-8, unknown keys (with the nearest
// known key as a hint), values of the wrong kind (a decimal amount, a date in
// quotes, a status that is not one of the allowed values), and a file whose id
// differs from its name. Whether the records agree with each other is the job
// of package check.
package load

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
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
func Load(fsys fs.FS, prefix string) (*record.Set, *diag.List) {
	l := &loader{fsys: fsys, prefix: prefix, set: &record.Set{}, diags: &diag.List{}}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			l.diags.Errorf(l.display(p), 1, 1, "cannot read: %v", err)
			return nil
		}
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && p != "." {
				return fs.SkipDir
			}
			return nil
		}
		l.file(p)
		return nil
	})
	if err != nil {
		l.diags.Errorf(prefix, 1, 1, "cannot read the data directory: %v", err)
	}
	if l.set.Kommune != nil {
		l.logo(l.set.Kommune)
	}
	if l.set.Kommune == nil {
		l.diags.Errorf(l.display("kommune.toml"), 1, 1, "missing file: every data directory needs kommune.toml with the kommune's name, målform and reference date")
	}
	if l.set.Omrader == nil {
		l.set.Omrader = &record.Rammeomrader{Src: record.Source{Path: l.display("rammeomrader.toml")}}
	}
	return l.set, l.diags
}

type loader struct {
	fsys   fs.FS
	prefix string
	set    *record.Set
	diags  *diag.List
}

func (l *loader) display(p string) string {
	if p == "." {
		return l.prefix
	}
	return path.Join(l.prefix, p)
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
	}
	return ""
}

func (l *loader) file(p string) {
	if path.Ext(p) != ".toml" {
		if !isImage(p) && !strings.HasPrefix(path.Base(p), ".") && !strings.EqualFold(path.Ext(p), ".md") {
			l.diags.Warnf(l.display(p), 1, 1, "not a data file: only .toml files are read here; move it out of the data directory")
		}
		return
	}
	k := kind(p)
	if k == "" {
		l.diags.Errorf(l.display(p), 1, 1, "data file in an unknown place: put it in vedtak/, planer/, okonomiplan/ or prosjekter/, or name it kommune.toml or rammeomrader.toml")
		return
	}
	src, ok := l.read(p)
	if !ok {
		return
	}
	s := record.Source{Path: l.display(p), Pos: tomlpos.Parse(src)}
	id := strings.TrimSuffix(path.Base(p), ".toml")
	switch k {
	case "kommune":
		r := &record.Kommune{Src: s}
		if l.decode(s, src, r) {
			l.set.Kommune = r
		}
	case "rammeomrader":
		r := &record.Rammeomrader{Src: s}
		if l.decode(s, src, r) {
			l.set.Omrader = r
		}
	case "vedtak":
		keep(l, s, src, id, &record.Vedtak{Src: s}, &l.set.Vedtak)
	case "plan":
		keep(l, s, src, id, &record.Plan{Src: s}, &l.set.Planer)
	case "okonomiplan":
		keep(l, s, src, id, &record.Okonomiplan{Src: s}, &l.set.Okonomiplan)
	case "prosjekt":
		keep(l, s, src, id, &record.Prosjekt{Src: s}, &l.set.Prosjekter)
	}
}

// keep decodes a one-record-per-file record, checks its id against the file
// name and adds it to list.
func keep[P record.Identified](l *loader, s record.Source, src []byte, stem string, r P, list *[]P) {
	if l.decode(s, src, r) {
		l.checkID(s, stem, r.Ident())
		*list = append(*list, r)
	}
}

// read returns the file's bytes if they are UTF-8 text of a sane size.
func (l *loader) read(p string) ([]byte, bool) {
	info, err := fs.Stat(l.fsys, p)
	if err == nil && info.Size() > MaxFileSize {
		l.diags.Errorf(l.display(p), 1, 1, "file is %d MB, more than the %d MB a data file may be: split it (one record per file)", info.Size()>>20, MaxFileSize>>20)
		return nil, false
	}
	src, err := fs.ReadFile(l.fsys, p)
	if err != nil {
		l.diags.Errorf(l.display(p), 1, 1, "cannot read: %v", err)
		return nil, false
	}
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		l.diags.Errorf(l.display(p), 1, 1, "file starts with a byte-order mark: save it as UTF-8 without BOM")
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
		line := 1 + bytes.Count(src[:off], []byte("\n"))
		col := 1 + utf8.RuneCount(src[bytes.LastIndexByte(src[:off], '\n')+1:off])
		l.diags.Errorf(l.display(p), line, col, "invalid UTF-8 (byte 0x%02x): save the file as UTF-8", src[off])
		return nil, false
	}
	return src, true
}

var lineRE = regexp.MustCompile(`^toml: line (\d+)(?: \(last key "([^"]*)"\))?: `)

// decode decodes src into v strictly and reports every problem; it returns
// false if the file could not be decoded at all.
func (l *loader) decode(s record.Source, src []byte, v any) bool {
	md, err := toml.Decode(string(src), v)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			msg := pe.Message
			if pe.Usage != "" {
				msg += "; " + strings.TrimSpace(strings.ReplaceAll(pe.Usage, "\n", " "))
			}
			msg = firstLine(msg)
			if strings.HasPrefix(pe.Message, "invalid datetime") {
				msg = strings.Replace(pe.Message, "invalid datetime", "not a valid date", 1) + ": check the day and the month (dates are written YYYY-MM-DD)"
			}
			l.diags.Errorf(s.Path, pe.Position.Line, max(pe.Position.Col, 1), "TOML: %s", msg)
			return false
		}
		// Type mismatches: "toml: line 5 (last key "tittel"): incompatible types: ..."
		line, col, msg := 1, 1, err.Error()
		if m := lineRE.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = msg[len(m[0]):]
			if m[2] != "" {
				msg = fmt.Sprintf("%s: %s", m[2], msg)
			}
		} else {
			msg = strings.TrimPrefix(msg, "toml: ")
		}
		l.diags.Errorf(s.Path, line, col, "%s: write the value as the data-format document shows", msg)
		return false
	}
	l.unknownKeys(s, md, reflect.TypeOf(v).Elem())
	walkProblems(reflect.ValueOf(v).Elem(), "", func(p, problem string) {
		pos := s.At(p)
		l.diags.Errorf(s.Path, pos.Line, pos.Col, "%s: %s", p, problem)
	})
	return true
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// unknownKeys reports every key the types do not know, with a hint.
func (l *loader) unknownKeys(s record.Source, md toml.MetaData, t reflect.Type) {
	seen := map[string]bool{}
	for _, k := range md.Undecoded() {
		// Report an unknown table, not each key inside it.
		if seen[strings.Join(k[:len(k)-1], ".")] || seen[k.String()] {
			seen[k.String()] = true
			continue
		}
		seen[k.String()] = true
		hint := hintFor(t, k)
		paths := s.Pos.Find(k...)
		if len(paths) == 0 {
			paths = []string{strings.Join(k, ".")}
		}
		for _, p := range paths {
			pos := s.At(p)
			l.diags.Errorf(s.Path, pos.Line, pos.Col, "unknown key %q%s", p, hint)
		}
	}
}

// hintFor names the known key closest to the unknown one, or lists them.
func hintFor(t reflect.Type, k toml.Key) string {
	for _, seg := range k[:len(k)-1] {
		f, ok := fieldByTag(t, seg)
		if !ok {
			return ""
		}
		t = f.Type
		for t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
	}
	if t.Kind() != reflect.Struct {
		return ""
	}
	var known []string
	for i := range t.NumField() {
		if tag := tagName(t.Field(i)); tag != "" {
			known = append(known, tag)
		}
	}
	last := k[len(k)-1]
	best, dist := "", 1<<30
	for _, c := range known {
		if d := editDistance(strings.ToLower(last), c); d < dist {
			best, dist = c, d
		}
	}
	if best != "" && dist <= max(2, len(last)/3) {
		return fmt.Sprintf(": did you mean %q?", best)
	}
	slices.Sort(known)
	return ": the keys allowed here are " + strings.Join(known, ", ")
}

func tagName(f reflect.StructField) string {
	tag, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
	if tag == "-" {
		return ""
	}
	return tag
}

func fieldByTag(t reflect.Type, name string) (reflect.StructField, bool) {
	if t.Kind() != reflect.Struct {
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
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
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
			if name := tagName(v.Type().Field(i)); name != "" {
				walkProblems(v.Field(i), tomlpos.Join(p, name), report)
			}
		}
	}
}

// checkID requires the id key to equal the file name.
func (l *loader) checkID(s record.Source, stem, id string) {
	pos := s.At("id")
	switch {
	case id == "":
		l.diags.Errorf(s.Path, pos.Line, pos.Col, "missing id: add id = %q (the file name without .toml)", stem)
	case id != stem:
		l.diags.Errorf(s.Path, pos.Line, pos.Col, "id %q differs from the file name %q: rename the file to %s.toml or set id = %q", id, stem+".toml", id, stem)
	}
	if !ValidID(stem) {
		l.diags.Errorf(s.Path, 1, 1, "file name %q is not a valid id: use lower-case letters a–z, digits and hyphens, e.g. kst-2025-014", stem+".toml")
	}
}

var idRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidID reports whether s can be an id: it becomes part of a URL.
func ValidID(s string) bool { return len(s) <= 80 && idRE.MatchString(s) }
