package sitedata

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"

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
// reconcile, and so on. Every file is written by the same function
// (writeJSON), compact, a list one element at a time.
type Writer struct {
	dir  string
	buf  *bufio.Writer   // reused from file to file
	made map[string]bool // the folders made
}

// NewWriter returns a writer into dir (made if missing).
func NewWriter(dir string) *Writer {
	return &Writer{dir: dir, buf: bufio.NewWriterSize(nil, 64<<10), made: map[string]bool{}}
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
	rows := make([]VedtakRad, len(s.Vedtak))
	for i, v := range s.Vedtak {
		rows[i] = rad(v)
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
	for _, v := range s.Vedtak {
		if err := w.record("vedtak", v.ID, v); err != nil {
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

// record writes one file of Records. Ids are checked slugs (package load),
// so they are safe file names.
func (w *Writer) record(kind, id string, v any) error {
	return w.write(filepath.Join(w.dir, "assets", "portal", kind, id+".json"), v)
}

func (w *Writer) write(path string, v any) error {
	if dir := filepath.Dir(path); !w.made[dir] {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		w.made[dir] = true
	}
	if err := writeJSON(path, v, w.buf); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
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
