package compile

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
)

// Write writes the site model into dir as the JSON files Hugo reads from its
// data mount: dir/portal/kommune.json, vedtak.json, vedtak_ar.json, planer.json,
// okonomiplaner.json, omrader.json, prosjekter.json and nokkeltall.json.
// The output depends only on the model, so the same data gives the same bytes.
func Write(s *Site, dir string) error {
	out := filepath.Join(dir, "portal")
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for name, v := range map[string]any{
		"kommune":       s.Kommune,
		"nokkeltall":    s.Nokkeltall,
		"vedtak":        s.Vedtak,
		"vedtak_ar":     s.VedtakAr,
		"planer":        s.Planer,
		"okonomiplaner": s.Okonomiplaner,
		"omrader":       s.Omrader,
		"prosjekter":    s.Prosjekter,
	} {
		if err := writeJSON(filepath.Join(out, name+".json"), v); err != nil {
			return fmt.Errorf("writing %s: %w", name, err)
		}
	}
	return nil
}

// writeJSON writes v as json.Marshal would, a list one element at a time:
// the vedtak of a large kommune are hundreds of megabytes of JSON, which
// need not be in memory at once.
func writeJSON(path string, v any) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice && !rv.IsNil() {
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
