package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/sheet"
)

// vedtattHOP is an Excel HØP in 1 000 kr with the vedtatt stage of the
// example's data/okonomiplan/2026-2029.toml, on the second of two sheets;
// change (area id → figures) replaces an area's row.
func vedtattHOP(t *testing.T, dataDir string, change map[string][]sheet.Value) []byte {
	t.Helper()
	var plan record.Okonomiplan
	if _, err := toml.DecodeFile(filepath.Join(dataDir, "okonomiplan", "2026-2029.toml"), &plan); err != nil {
		t.Fatal(err)
	}
	var areas record.Rammeomrader
	if _, err := toml.DecodeFile(filepath.Join(dataDir, "rammeomrader.toml"), &areas); err != nil {
		t.Fatal(err)
	}
	navn := map[string]string{}
	for _, a := range areas.Omrade {
		navn[a.ID] = a.Navn
	}
	s := sheet.OutSheet{Name: "HØP", Header: []string{"Rammeområde", "Regnskap 2024", "Budsjett 2026", "Økonomiplan 2027", "Økonomiplan 2028", "Økonomiplan 2029"}}
	for _, r := range plan.Adopted().Ramme {
		row := []sheet.Value{sheet.Text(navn[r.Omrade]), sheet.Kroner(1)}
		for _, b := range r.Belop {
			row = append(row, sheet.Kroner(b.Kr))
		}
		if c, ok := change[r.Omrade]; ok {
			row = append(row[:2], c...)
		}
		s.Rows = append(s.Rows, row)
	}
	book := sheet.Book{Sheets: []sheet.OutSheet{{Name: "Innhold", Header: []string{"Innhold"}}, s}}
	var b bytes.Buffer
	if err := sheet.WriteXLSX(&b, book); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const hopMapping = `ark = "HØP"
overskriftsrad = 1
enhet = "1000 kr"
fase = "vedtatt"
okonomiplan = "2026-2029"

[kolonner]
navn = "A"

[[arskolonne]]
kolonne = "B"
ar = 2024
fase = "regnskap"

[[arskolonne]]
kolonne = "C"
ar = 2026

[[arskolonne]]
kolonne = "D"
ar = 2027

[[arskolonne]]
kolonne = "E"
ar = 2028

[[arskolonne]]
kolonne = "F"
ar = 2029
`

// copyData copies the example's data directory.
func copyData(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "data")
	if err := os.CopyFS(dst, os.DirFS("../../../data")); err != nil {
		t.Fatal(err)
	}
	return dst
}

func runBudsjett(t *testing.T, data, mapping string, book []byte) (int, string) {
	t.Helper()
	dir := t.TempDir()
	mp, xp := filepath.Join(dir, "mapping.toml"), filepath.Join(dir, "hop.xlsx")
	if err := os.WriteFile(mp, []byte(mapping), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(xp, book, 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	rc := importBudsjett([]string{"-data", data, "-mapping", mp, xp}, &out, &errb)
	return rc, out.String() + errb.String()
}

// The example's own vedtatt figures, imported from an Excel HØP in 1 000 kr,
// change no byte of the example's plan file (with its four other stages
// and its comments); one changed cell changes that area's line only.
func TestImportBudsjettXLSX(t *testing.T) {
	data := copyData(t)
	file := filepath.Join(data, "okonomiplan", "2026-2029.toml")
	before, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	rc, msg := runBudsjett(t, data, hopMapping, vedtattHOP(t, data, nil))
	if rc != 0 || !strings.Contains(msg, "unchanged") {
		t.Fatalf("same figures: rc %d, %s", rc, msg)
	}
	if after, _ := os.ReadFile(file); !bytes.Equal(after, before) {
		t.Fatalf("same figures changed the file:\n%s", after)
	}

	// kultur 2027: 46 800 → 46 801 (within the plan's toleranse of 2).
	rc, msg = runBudsjett(t, data, hopMapping, vedtattHOP(t, data, map[string][]sheet.Value{"kultur": {sheet.Kroner(46_800), sheet.Kroner(46_801), sheet.Kroner(47_900), sheet.Kroner(48_200)}}))
	if rc != 0 {
		t.Fatalf("changed cell: rc %d, %s", rc, msg)
	}
	after, _ := os.ReadFile(file)
	bl, al := strings.Split(string(before), "\n"), strings.Split(string(after), "\n")
	if len(bl) != len(al) {
		t.Fatalf("changed cell: %d lines, want %d:\n%s", len(al), len(bl), after)
	}
	var diff []string
	for i := range bl {
		if bl[i] != al[i] {
			diff = append(diff, al[i])
		}
	}
	want := `  { omrade = "kultur",           belop = [46_800, 46_801, 47_900, 48_200] },`
	if len(diff) != 1 || diff[0] != want {
		t.Fatalf("changed cell: changed lines %q, want [%q]", diff, want)
	}
}

// Bad workbooks and mappings name the sheet and cell and write nothing.
func TestImportBudsjettXLSXErrors(t *testing.T) {
	for _, tc := range []struct {
		name, mapping string
		change        map[string][]sheet.Value
		want          []string
	}{
		{"wrong sheet", strings.Replace(hopMapping, `ark = "HØP"`, `ark = "Budsjett"`, 1), nil,
			[]string{`mapping.toml:1:1: error: ark = "Budsjett" is not a sheet of`, `its sheets are "Innhold", "HØP"`}},
		{"years before forste_ar", strings.NewReplacer("ar = 2026", "ar = 2025", "Budsjett 2026", "").Replace(hopMapping), nil,
			[]string{`HØP!C1: error: column C is mapped to 2025`}},
		{"text in an amount cell", hopMapping, map[string][]sheet.Value{"kultur": {sheet.Kroner(1), sheet.Text("12,5 mill"), sheet.Kroner(1), sheet.Kroner(1)}},
			[]string{`HØP!D10: error: "12,5 mill" is not an amount`}},
		{"a fraction of 1 000 kr is not rescaled", hopMapping, map[string][]sheet.Value{"kultur": {sheet.Kroner(1), sheet.Number(46_800.5), sheet.Kroner(1), sheet.Kroner(1)}},
			[]string{`HØP!D10: error: the figure has a fraction of 1000 kr (46800500 kr)`}},
		{"a new alternativ without navn", strings.Replace(hopMapping, `fase = "vedtatt"`, `fase = "alternativ"`, 1), nil,
			[]string{`mapping.toml:4:1: error: fase = "alternativ" needs navn`}},
		{"regnskap is not a stage of the plan file", strings.Replace(hopMapping, `fase = "vedtatt"`, `fase = "regulert"`, 1), nil,
			[]string{`mapping.toml:4:1: error: fase = "regulert" cannot be written into an økonomiplan`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := copyData(t)
			file := filepath.Join(data, "okonomiplan", "2026-2029.toml")
			before, _ := os.ReadFile(file)
			rc, msg := runBudsjett(t, data, tc.mapping, vedtattHOP(t, data, tc.change))
			if rc != 1 {
				t.Fatalf("rc %d, want 1: %s", rc, msg)
			}
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message lacks %q:\n%s", w, msg)
				}
			}
			if after, _ := os.ReadFile(file); !bytes.Equal(after, before) {
				t.Errorf("the file was changed")
			}
		})
	}
}
