package compile_test

import (
	"testing"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/history"
)

// TestCompileWithHistory: the version comes from HEAD, each record's date
// from its file's last commit, and a record whose file git does not date
// (a shallow clone) has none.
func TestCompileWithHistory(t *testing.T) {
	set := set(t, nil)
	day := caldate.New(2026, 11, 3)
	l := &history.Log{
		Head:  &history.Commit{Hash: "97fedb80001da5b65722ef2e3a4147cc6fb9fd12", Date: caldate.New(2026, 12, 7)},
		Files: map[string]history.Commit{"vedtak/2024/kst-2024-090.toml": {Hash: "abcdef0123456789", Date: day}},
	}
	site := compile.CompileWith(set, compile.Options{History: l})
	v := site.Kommune.Versjon
	if v == nil || v.ID != "2026-12-07-97fedb8" || v.Dato.Tekst != "7. desember 2026" || v.CommitURL != "https://git.example.org/testvik/portal/commit/97fedb80001da5b65722ef2e3a4147cc6fb9fd12" {
		t.Errorf("version %+v", v)
	}
	for _, ve := range site.Vedtak {
		switch ve.ID {
		case "kst-2024-090":
			if ve.Endret == nil || ve.Endret.ISO != "2026-11-03" || ve.EndretCommit != "abcdef0" {
				t.Errorf("%s: %+v", ve.ID, ve.Historikk)
			}
		default:
			if ve.Endret != nil {
				t.Errorf("%s has a date git does not give: %+v", ve.ID, ve.Historikk)
			}
		}
	}
	if site := compile.CompileWith(set, compile.Options{}); site.Kommune.Versjon != nil || site.Vedtak[0].Endret != nil || site.Vedtak[0].HistorikkURL == "" {
		t.Errorf("without history: version %+v, %+v", site.Kommune.Versjon, site.Vedtak[0].Historikk)
	}
}
