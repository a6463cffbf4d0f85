package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/cputime"
	"github.com/openkommune/portal/tools/sheet"
)

// BenchmarkImportBudsjett runs portal import budsjett on a 50-sheet
// budget workbook written by sheet.WriteXLSX (HØP-like: 40 areas of 5
// services on each sheet, a sum row after each area, the accounts and five
// plan years in 1 000 kr): -guess proposes a mapping, and -mapping reads
// the whole workbook and takes out and prints the mapped sheet's figures.
func BenchmarkImportBudsjett(b *testing.B) {
	dir := b.TempDir()
	book := filepath.Join(dir, "hop.xlsx")
	var buf bytes.Buffer
	if err := sheet.WriteXLSX(&buf, hopBook(50)); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(book, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	var guessed, stderr bytes.Buffer
	if code := importBudsjett([]string{"-guess", book}, &guessed, &stderr); code != 0 {
		b.Fatalf("-guess: exit %d: %s", code, stderr.String())
	}
	mapping := filepath.Join(dir, "mapping.toml")
	// The guess names the first sheet; the benchmark maps the last.
	m := strings.Replace(guessed.String(), `ark = "Enhet 1"`, `ark = "Enhet 50"`, 1)
	if err := os.WriteFile(mapping, []byte(m), 0o644); err != nil {
		b.Fatal(err)
	}
	b.Logf("workbook of %d KB", buf.Len()>>10)
	b.Run("guess", func(b *testing.B) {
		cpu := cputime.Used()
		for b.Loop() {
			if code := importBudsjett([]string{"-guess", book}, io.Discard, &stderr); code != 0 {
				b.Fatalf("-guess: exit %d: %s", code, stderr.String())
			}
		}
		b.ReportMetric(float64((cputime.Used()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
	})
	b.Run("mapping", func(b *testing.B) {
		cpu := cputime.Used()
		for b.Loop() {
			var out bytes.Buffer
			if code := importBudsjett([]string{"-mapping", mapping, book}, &out, &stderr); code != 0 {
				b.Fatalf("-mapping: exit %d: %s", code, stderr.String())
			}
			if !strings.Contains(out.String(), "sheet Enhet 50") || strings.Count(out.String(), "\n  ") < 200*6 {
				b.Fatalf("-mapping read too little:\n%.500s", out.String())
			}
		}
		b.ReportMetric(float64((cputime.Used()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
	})
}

// hopBook is n sheets, each 40 areas of 5 services and a sum row per area.
func hopBook(n int) sheet.Book {
	var bk sheet.Book
	for i := range n {
		s := sheet.OutSheet{Name: fmt.Sprintf("Enhet %d", i+1), Header: []string{"Kode", "Område", "Tjeneste", "Regnskap 2024", "Budsjett 2025", "Økonomiplan 2026", "Økonomiplan 2027", "Økonomiplan 2028", "Økonomiplan 2029"}}
		for a := range 40 {
			for sv := range 5 {
				row := []sheet.Value{sheet.Text(fmt.Sprint(100 + a)), sheet.Text(fmt.Sprintf("Område %d", a)), sheet.Text(fmt.Sprintf("Tjeneste %d", sv))}
				for c := range 6 {
					row = append(row, sheet.Kroner(int64(1000*a+100*sv+c)))
				}
				s.Rows = append(s.Rows, row)
			}
			s.Rows = append(s.Rows, []sheet.Value{{}, sheet.Text(fmt.Sprintf("Sum område %d", a))})
		}
		bk.Sheets = append(bk.Sheets, s)
	}
	return bk
}
