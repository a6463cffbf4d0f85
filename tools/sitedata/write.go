package sitedata

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/openkommune/portal/tools/export"
	"github.com/openkommune/portal/tools/feed"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/reconcile"
)

// Mount is a folder Hugo mounts: Source (absolute) at Target ("data",
// "assets").
type Mount struct {
	Source string
	Target string
}

// Writer writes the files of Data and Records under one directory, each
// stage of the build its own: Site after compile, Kontroll after
// reconcile, and so on. Every file of Data is written by the same
// function (writeJSON), compact, a list one element at a time; the
// records by writeRecords.
type Writer struct {
	dir  string
	buf  *bufio.Writer   // reused from file to file
	made map[string]bool // the folders made
	// fileSize is the size at which a file of records is closed
	// (RecordFileSize; smaller in tests).
	fileSize int
}

// RecordFileSize is the size in bytes at which the writer closes a file of
// records and starts the next: a file holds the records that fit, and one
// record more. The number of files is what costs: creating 100 000 files
// took the compile stage from 2 to 12–54 s, the kernel scanning past
// recently freed inodes for each (docs/scale.md). A larger file means
// fewer, but Hugo keeps up to 3 000 files' text in its cache; a page
// decodes the file once while Hugo's cache keeps it (the pages render in
// the order of their paths, the ids, and so file after file), and its
// own record.
const RecordFileSize = 64 << 10

// NewWriter returns a writer into dir (made if missing).
func NewWriter(dir string) *Writer {
	return &Writer{dir: dir, buf: bufio.NewWriterSize(nil, 64<<10), made: map[string]bool{}, fileSize: RecordFileSize}
}

// Mounts are the folders Hugo mounts to read what the writer wrote.
func (w *Writer) Mounts() []Mount {
	return []Mount{
		{Source: filepath.Join(w.dir, "data"), Target: "data"},
		{Source: filepath.Join(w.dir, "assets"), Target: "assets"},
	}
}

// Site writes the site model: kommune, nokkeltall, the vedtak list and one
// file per vedtak, the open points (oppfolging) and their filters'
// choices (oppfolging_valg), vedtak_ar, planer, okonomiplaner, omrader,
// prosjekter, oversikter, investering, rapporter and arsregnskap.
func (w *Writer) Site(s *model.Site) error {
	files, err := writeRecords(w, "vedtak", s.Vedtak, func(v *model.Vedtak) string { return v.ID })
	if err != nil {
		return err
	}
	rows := make([]VedtakRad, len(s.Vedtak))
	for i, v := range s.Vedtak {
		rows[i] = rad(v, files[i])
	}
	open := Oppfolging(s)
	for _, f := range []struct {
		key string
		v   any
	}{
		{"kommune", s.Kommune},
		{"nokkeltall", s.Nokkeltall},
		{"vedtak", rows},
		{"oppfolging", open},
		{"oppfolging_valg", Valg(open)},
		{"vedtak_ar", s.VedtakAr},
		{"planer", s.Planer},
		{"okonomiplaner", s.Okonomiplaner},
		{"omrader", s.Omrader},
		{"omradetre", s.Omradetre},
		{"prosjekter", s.Prosjekter},
		{"oversikter", s.Oversikter},
		{"investering", s.Investering},
		{"rapporter", s.Rapporter},
		{"arsregnskap", s.Arsregnskap},
	} {
		if err := w.data(f.key, f.v); err != nil {
			return err
		}
	}
	return nil
}

// Kontroll writes the reconciliation report.
func (w *Writer) Kontroll(r *reconcile.Report) error { return w.data("kontroll", r) }

// Nedlastinger writes the index of the downloads.
func (w *Writer) Nedlastinger(i export.Index) error { return w.data("nedlastinger", i) }

// Feeds writes the index of the feeds.
func (w *Writer) Feeds(i feed.Index) error { return w.data("feeds", i) }

// Diagram writes the charts.
func (w *Writer) Diagram(c map[string]Chart) error { return w.data("diagram", c) }

// Sok writes what the pages need to load search.
func (w *Writer) Sok(s Sok) error { return w.data("sok", s) }

// data writes one file of Data.
func (w *Writer) data(key string, v any) error {
	return w.write(filepath.Join(w.dir, "data", "portal", key+".json"), v)
}

// writeRecords writes the records of one kind of Records, recs, into
// assets/portal/<kind>/<file>.json: sorted by id, as many to a file as fit
// in w.fileSize (and one more), each file a JSON object from id to the
// record's JSON as a string (what json.Marshal writes for a
// map[string]string), the files numbered 0000, 0001, … in id order. A
// string, not the record: Hugo keeps a count of decoded files, not of
// bytes (its dynacache, 3 000 entries for transform.Unmarshal), so a file
// of decoded records would keep every record in memory; a file of strings
// keeps their text only, which the collector need not scan, and each
// record is decoded and cached on its own as before. It returns, for recs[i], the name of its file
// (the row's "fil", which the partial data/record.html opens). An empty
// or repeated id is an error (package load rejects both).
func writeRecords[T any](w *Writer, kind string, recs []T, id func(T) string) ([]string, error) {
	order := make([]int, len(recs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(id(recs[a]), id(recs[b])) })
	files := make([]string, len(recs))
	var body bytes.Buffer
	n := 0
	flush := func() error {
		if body.Len() == 0 {
			return nil
		}
		body.WriteByte('}')
		path := filepath.Join(w.dir, "assets", "portal", kind, recordFile(n)+".json")
		n++
		err := w.writeBytes(path, body.Bytes())
		body.Reset()
		return err
	}
	for k, i := range order {
		key := id(recs[i])
		if key == "" || k > 0 && key == id(recs[order[k-1]]) {
			return nil, fmt.Errorf("writing the %s records: the id %q is empty or not unique", kind, key)
		}
		rec, err := json.Marshal(recs[i])
		if err != nil {
			return nil, fmt.Errorf("writing the %s record %s: %w", kind, key, err)
		}
		b, _ := json.Marshal(string(rec)) // a string cannot fail
		if body.Len() == 0 {
			body.WriteByte('{')
		} else {
			body.WriteByte(',')
		}
		kb, _ := json.Marshal(key)
		body.Write(kb)
		body.WriteByte(':')
		body.Write(b)
		files[i] = recordFile(n)
		if body.Len() >= w.fileSize {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	return files, flush()
}

// recordFile is the name of the n-th file of records of a kind.
func recordFile(n int) string { return fmt.Sprintf("%04d", n) }

func (w *Writer) write(path string, v any) error {
	if err := w.mkdir(path); err != nil {
		return err
	}
	if err := writeJSON(path, v, w.buf); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// writeBytes writes b, made by the caller, to the file path.
func (w *Writer) writeBytes(path string, b []byte) error {
	if err := w.mkdir(path); err != nil {
		return err
	}
	if err := os.WriteFile(path, b, 0o666); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// mkdir makes the folder of path, once.
func (w *Writer) mkdir(path string) error {
	if dir := filepath.Dir(path); !w.made[dir] {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		w.made[dir] = true
	}
	return nil
}

// writeJSON writes v as json.Marshal would, a list one element at a time
// (the vedtak of a large kommune are hundreds of megabytes of JSON, which
// need not be in memory at once), but a nil list as [], not null: Hugo
// drops a data file that is null, and the partial data/list.html fails on
// a list that is not there.
func writeJSON(path string, v any, w *bufio.Writer) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w.Reset(f)
	defer w.Reset(nil)
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice {
		w.WriteByte('[')
		for i := range rv.Len() {
			if i > 0 {
				w.WriteByte(',')
			}
			b, err := json.Marshal(rv.Index(i).Interface())
			if err != nil {
				return err
			}
			w.Write(b)
		}
		w.WriteByte(']')
	} else {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		w.Write(b)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}
