package sitedata_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/sitedata"
)

// site compiles the test kommune (testdata/base.txtar).
func site(t *testing.T) *model.Site {
	t.Helper()
	a, err := txtar.ParseFile("../../testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	s, diags := load.Load(fsys, "data")
	check.Check(s, diags)
	if diags.Errors() > 0 {
		var b strings.Builder
		diags.Print(&b)
		t.Fatalf("test data does not check:\n%s", b.String())
	}
	return compile.Compile(s)
}

// TestWriteSite: the files Site streams are exactly json.Marshal of the
// model; the vedtak list holds rows and each record has its own file.
func TestWriteSite(t *testing.T) {
	s := site(t)
	dir := t.TempDir()
	if err := sitedata.NewWriter(dir).Site(s); err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	for _, v := range s.Vedtak {
		rows = append(rows, map[string]any{"id": v.ID, "sti": v.Path, "tittel": v.Tittel, "merke": v.Merke, "dato": v.Dato,
			"utvalg": v.Utvalg.Kode, "punkter": len(v.Punkter), "apne": v.Apne, "forsinket": v.Forsinket})
	}
	files := map[string]any{
		"data/portal/kommune.json": s.Kommune, "data/portal/nokkeltall.json": s.Nokkeltall, "data/portal/vedtak_ar.json": s.VedtakAr,
		"data/portal/planer.json": s.Planer, "data/portal/okonomiplaner.json": s.Okonomiplaner, "data/portal/omrader.json": s.Omrader,
		"data/portal/prosjekter.json": s.Prosjekter,
	}
	for _, v := range s.Vedtak {
		files["assets/portal/vedtak/"+v.ID+".json"] = v
	}
	for name, v := range files {
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from json.Marshal:\n%s\n%s", name, got, want)
		}
	}
	empty := t.TempDir()
	if err := sitedata.NewWriter(empty).Site(&model.Site{}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"vedtak", "vedtak_ar", "planer", "okonomiplaner", "omrader", "prosjekter"} {
		if b, err := os.ReadFile(filepath.Join(empty, "data/portal", name+".json")); err != nil || string(b) != "[]" {
			t.Errorf("%s.json of no %s: %q, %v; want []", name, name, b, err)
		}
	}
	var got []map[string]any
	b, err := os.ReadFile(filepath.Join(dir, "data/portal/vedtak.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	wantJSON, _ := json.Marshal(rows)
	gotJSON, _ := json.Marshal(got)
	if !bytes.Equal(gotJSON, wantJSON) {
		t.Errorf("vedtak.json:\n%s\nwant\n%s", gotJSON, wantJSON)
	}
}
