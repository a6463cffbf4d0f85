package compile

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
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
		b, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("encoding %s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(out, name+".json"), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
