package compile_test

import (
	"testing"

	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/model"
)

// TestArsregnskap: a year no økonomiplan covers gets a row of its own in
// the area's year table and its accounts from the file; a plan year's
// accounts from the file go with the plan, once, even where the plan's
// file has the same figure; a parent area without a printed row gets a
// computed one; the printed sum is kept beside the rows' sum.
func TestArsregnskap(t *testing.T) {
	omrader := `[[omrade]]
id = "oppvekst"
navn = "Oppvekst"
[[omrade]]
id = "helse"
navn = "Helse"
[[omrade]]
id = "sykehjem"
navn = "Sykehjem"
overordnet = "helse"
`
	plan := `id = "2025-2028"
vedtatt_i = "kst-2024-090"
forste_ar = 2025
[[ramme]]
omrade = "oppvekst"
belop = [200_000_000, 202_000_000, 204_000_000, 206_000_000]
[[ramme]]
omrade = "helse"
belop = [100_000_000, 101_000_000, 102_000_000, 103_000_000]
[[regnskap]]
omrade = "helse"
ar = 2025
periode = "arsregnskap"
regnskap = 103_000_000
`
	site := compile.Compile(set(t, map[string]string{
		"rammeomrader.toml":          omrader,
		"okonomiplan/2025-2028.toml": plan,
		"regnskap/2023.toml":         "ar = 2023\ndokument = \"Å 2023\"\nenhet = \"1000kr\"\ntoleranse = 1\nsum_regnskap = 301\nukjent = [\"opprinnelig\", \"regulert\"]\nomrade = [{ omrade = \"oppvekst\", regnskap = 200 }, { omrade = \"sykehjem\", regnskap = 100 }]\n",
		"regnskap/2025.toml":         "ar = 2025\ndokument = \"Å 2025\"\nukjent = [\"opprinnelig\", \"regulert\"]\nomrade = [{ omrade = \"oppvekst\", regnskap = 201_000_000 }, { omrade = \"helse\", regnskap = 103_000_000 }]\n",
	}))
	if len(site.Arsregnskap) != 2 || site.Arsregnskap[0].Ar != 2025 || site.Arsregnskap[1].Ar != 2023 {
		t.Fatalf("årsregnskap %+v, want 2025 then 2023", site.Arsregnskap)
	}
	a := site.Arsregnskap[1]
	if a.Arsbudsjett != nil || site.Arsregnskap[0].Arsbudsjett == nil || site.Arsregnskap[0].Arsbudsjett.ID != "2025-2028" {
		t.Error("the årsbudsjett of each year is wrong")
	}
	var ids []string
	for _, r := range a.Rader {
		ids = append(ids, r.Omrade.ID)
		if r.Omrade.ID == "helse" && (!r.Beregnet || r.Regnskap.Kr != 100_000) {
			t.Errorf("helse has no printed row: want its computed row of 100 000 kr, got %+v", r)
		}
	}
	if len(ids) != 3 || ids[0] != "oppvekst" || ids[1] != "helse" || ids[2] != "sykehjem" {
		t.Errorf("rows %v, want the tree's order oppvekst, helse, sykehjem", ids)
	}
	if s := a.Summer[0]; s.Kolonne != "regnskap" || s.Beregnet.Kr != 300_000 || s.Oppgitt == nil || s.Oppgitt.Kr != 301_000 || s.Avrunding.Kr != 1_000 {
		t.Errorf("sum %+v", s)
	}
	var helse *model.Omrade
	for _, o := range site.Omrader {
		if o.ID == "helse" {
			helse = o
		}
	}
	if r := helse.Rammer[0]; r.Ar != 2023 || r.Arsregnskap == nil || r.Arsregnskap.Path != "okonomiplan/#arsregnskap-2023" || r.Vedtatt.Tekst != "" {
		t.Errorf("the first year row %+v, want 2023 from the årsregnskap without a budget", r)
	}
	n2025 := 0
	for _, l := range helse.Regnskap {
		if l.Ar == 2025 && l.Periode == "arsregnskap" {
			n2025++
			if l.Kilde == nil || l.Ramme.Kr != 100_000_000 {
				t.Errorf("the 2025 accounts %+v: want the file as source and the plan's frame", l)
			}
		}
	}
	if n2025 != 1 {
		t.Errorf("%d lines of the årsregnskap 2025 of helse, want 1 (the file's; the plan's copy is dropped)", n2025)
	}
}

// TestArsregnskapAreaWithoutFrame: an area the year's budget plan has no
// frame for gets its year row and accounts from the årsregnskap, never a
// deviation against a frame of 0 kr.
func TestArsregnskapAreaWithoutFrame(t *testing.T) {
	omrader := "[[omrade]]\nid = \"oppvekst\"\nnavn = \"Oppvekst\"\n[[omrade]]\nid = \"helse\"\nnavn = \"Helse\"\n[[omrade]]\nid = \"felles\"\nnavn = \"Fellesposter\"\n"
	site := compile.Compile(set(t, map[string]string{
		"rammeomrader.toml":  omrader,
		"regnskap/2025.toml": "ar = 2025\ndokument = \"Å 2025\"\nukjent = [\"opprinnelig\"]\nomrade = [{ omrade = \"oppvekst\", regnskap = 201_000_000, regulert = 200_000_000 }, { omrade = \"helse\", regnskap = 103_000_000, regulert = 102_500_000 }, { omrade = \"felles\", regnskap = 3_000_000, regulert = 2_000_000 }]\n",
	}))
	for _, o := range site.Omrader {
		var lines []model.Regnskapslinje
		for _, l := range o.Regnskap {
			if l.Ar == 2025 && l.Periode == "arsregnskap" {
				lines = append(lines, l)
			}
		}
		if len(lines) != 1 {
			t.Fatalf("%s: %d årsregnskap lines for 2025, want 1", o.ID, len(lines))
		}
		fromFile := false
		for _, r := range o.Rammer {
			fromFile = fromFile || (r.Ar == 2025 && r.Arsregnskap != nil)
		}
		if want := o.ID == "felles"; fromFile != want {
			t.Errorf("%s: a 2025 row from the årsregnskap: %v, want %v", o.ID, fromFile, want)
		}
		if o.ID == "felles" && (lines[0].Ramme.Kr != 2_000_000 || lines[0].Avvik == nil || lines[0].Avvik.Kr != 1_000_000) {
			t.Errorf("felles: the accounts against the printed regulert budget, got %+v", lines[0])
		}
	}
}
