package sitedata_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
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
// model; the vedtak list holds rows, each naming the file that holds its
// record (all of them in one file here).
func TestWriteSite(t *testing.T) {
	s := site(t)
	dir := t.TempDir()
	if err := sitedata.NewWriter(dir).Site(s); err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	for _, v := range s.Vedtak {
		rows = append(rows, map[string]any{"id": v.ID, "sti": v.Path, "tittel": v.Tittel, "merke": v.Merke, "dato": v.Dato,
			"utvalg": v.Utvalg.Kode, "punkter": len(v.Punkter), "apne": v.Apne, "forsinket": v.Forsinket, "fil": "0000"})
	}
	files := map[string]any{
		"data/portal/kommune.json": s.Kommune, "data/portal/nokkeltall.json": s.Nokkeltall, "data/portal/vedtak_ar.json": s.VedtakAr,
		"data/portal/planer.json": s.Planer, "data/portal/okonomiplaner.json": s.Okonomiplaner, "data/portal/omrader.json": s.Omrader,
		"data/portal/prosjekter.json": s.Prosjekter,
	}
	all := map[string]string{} // id → the record's JSON
	for _, v := range s.Vedtak {
		b, _ := json.Marshal(v)
		all[v.ID] = string(b)
	}
	files["assets/portal/vedtak/0000.json"] = all
	if len(all) < 2 {
		t.Fatalf("the test kommune has %d vedtak, want several", len(all))
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

// TestRecordFiles: the records are written sorted by id into files of
// about the writer's file size, numbered in order; each row names the file
// that holds its record, as a string of the JSON json.Marshal writes; a
// file is closed once it has reached the size, so there are fewer files
// than records.
func TestRecordFiles(t *testing.T) {
	s := site(t)
	for i := range 20 { // more vedtak, copies of the first two under other ids, newest first
		v := *s.Vedtak[i%2]
		v.ID = fmt.Sprintf("%s-%02d", v.ID, 20-i)
		s.Vedtak = append(s.Vedtak, &v)
	}
	total := 0
	largest := 0
	for _, v := range s.Vedtak {
		b, _ := json.Marshal(v)
		b, _ = json.Marshal(string(b))
		total += len(b)
		largest = max(largest, len(b))
	}
	size := 3 * total / len(s.Vedtak) // about three records a file
	dir := t.TempDir()
	w := sitedata.NewWriter(dir)
	w.SetFileSize(size)
	if err := w.Site(s); err != nil {
		t.Fatal(err)
	}
	var rows []sitedata.VedtakRad
	b, err := os.ReadFile(filepath.Join(dir, "data/portal/vedtak.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &rows); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(filepath.Join(dir, "assets/portal/vedtak"))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 2 || len(entries) >= len(s.Vedtak) {
		t.Fatalf("%d files for %d vedtak at %d bytes a file, want several, fewer than the vedtak", len(entries), len(s.Vedtak), size)
	}
	files := map[string]map[string]string{}
	last := ""
	for n, e := range entries {
		if want := fmt.Sprintf("%04d.json", n); e.Name() != want {
			t.Fatalf("file %d is %s, want %s", n, e.Name(), want)
		}
		b, err := os.ReadFile(filepath.Join(dir, "assets/portal/vedtak", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if n < len(entries)-1 && len(b) < size || len(b) > size+largest+100 {
			t.Errorf("%s has %d bytes, want from %d to one record more", e.Name(), len(b), size)
		}
		var recs map[string]string
		if err := json.Unmarshal(b, &recs); err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		ids := slices.Sorted(maps.Keys(recs))
		if ids[0] <= last {
			t.Errorf("%s starts with %s, not after %s, the last id of the file before", e.Name(), ids[0], last)
		}
		last = ids[len(ids)-1]
		files[strings.TrimSuffix(e.Name(), ".json")] = recs
	}
	for i, v := range s.Vedtak {
		want, _ := json.Marshal(v)
		if got := files[rows[i].Fil][v.ID]; got != string(want) {
			t.Errorf("vedtak %s: its row names the file %q, which holds %.80q, want %.80q", v.ID, rows[i].Fil, got, want)
		}
	}
}

// TestRecordIDs: a record without an id, or two with the same, is an
// error (the page could not find it), not a file that holds one of them.
func TestRecordIDs(t *testing.T) {
	for _, ids := range [][]string{{"a", ""}, {"b", "a", "b"}} {
		s := &model.Site{}
		for _, id := range ids {
			s.Vedtak = append(s.Vedtak, &model.Vedtak{ID: id})
		}
		if err := sitedata.NewWriter(t.TempDir()).Site(s); err == nil || !strings.Contains(err.Error(), "not unique") {
			t.Errorf("ids %q: err %v, want one naming the id", ids, err)
		}
	}
}
