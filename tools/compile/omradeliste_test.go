package compile_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/load"
	"golang.org/x/tools/txtar"
)

// overlay reads a txtar of data files to lay over the base data.
func overlay(t *testing.T, name string) map[string]string {
	t.Helper()
	a, err := txtar.ParseFile(name)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, f := range a.Files {
		m[f.Name] = string(f.Data)
	}
	return m
}

// TestOmradetreThreeLevels: the list page's tree has every level under its
// parent, a parent without a frame of its own shows its underområder's
// sum, a parent whose underområder leave part of its frame shows that
// rest, and the total adds the top level only.
func TestOmradetreThreeLevels(t *testing.T) {
	site := compile.Compile(set(t, overlay(t, "../../testdata/stages/three-level.txtar")))
	tr := site.Omradetre
	if tr.Okonomiplan == nil || tr.Okonomiplan.ID != "2026-2029" || tr.Stadium != "vedtatt" || tr.Ar != 2026 {
		t.Fatalf("frames from %+v %q %d, want the plan 2026-2029, vedtatt, 2026", tr.Okonomiplan, tr.Stadium, tr.Ar)
	}
	if len(tr.Omrader) != 2 || tr.Omrader[0].Omrade.ID != "oppvekst" || tr.Omrader[1].Omrade.ID != "helse" {
		t.Fatalf("top level %+v, want oppvekst and helse only", tr.Omrader)
	}
	if tr.Sum == nil || tr.Sum.Kr != 315_002_000 {
		t.Errorf("sum %+v, want 315 002 000 (oppvekst + helse, nothing counted twice)", tr.Sum)
	}
	helse := tr.Omrader[1]
	if helse.Ramme == nil || helse.Ramme.Kr != 110_002_000 || helse.Beregnet {
		t.Errorf("helse's frame %+v (computed %v), want its own 110 002 000", helse.Ramme, helse.Beregnet)
	}
	if helse.Rest == nil || helse.Rest.Kr != 2_000 {
		t.Errorf("helse's rest %+v, want the 2 000 its underområder leave", helse.Rest)
	}
	if len(helse.Underomrader) != 2 {
		t.Fatalf("helse's underområder %+v, want omsorg and helsestasjon", helse.Underomrader)
	}
	omsorg := helse.Underomrader[0]
	if omsorg.Omrade.ID != "omsorg" || omsorg.Niva.Niva != 1 || omsorg.Ramme == nil || omsorg.Ramme.Kr != 100_000_000 || !omsorg.Beregnet || omsorg.Rest != nil {
		t.Errorf("omsorg %+v, want level 1, computed 100 000 000, no rest", omsorg)
	}
	if len(omsorg.Underomrader) != 2 || omsorg.Underomrader[0].Niva.Niva != 2 || omsorg.Underomrader[0].Overordnet != "omsorg" || omsorg.Underomrader[1].Ramme.Kr != 40_000_000 {
		t.Errorf("omsorg's underområder %+v, want sykehjem and hjemme at level 2", omsorg.Underomrader)
	}
}

// TestOmradetreForslagOnly: while no plan is adopted, the list page takes
// the newest plan's latest stage and names it; its total is the forslag's
// top level.
func TestOmradetreForslagOnly(t *testing.T) {
	a, err := txtar.ParseFile("../../testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		if f.Name != "okonomiplan/2025-2028.toml" { // the only adopted plan
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	for name, data := range overlay(t, "../../testdata/stages/forslag-only.txtar") {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	s, diags := load.Load(fsys, "data")
	check.Check(s, diags)
	if diags.Errors() > 0 {
		var b strings.Builder
		diags.Print(&b)
		t.Fatalf("test data does not check:\n%s", b.String())
	}
	tr := compile.Compile(s).Omradetre
	if tr.Okonomiplan == nil || tr.Okonomiplan.ID != "2026-2029" || tr.Stadium != "forslag" || tr.Sum == nil || tr.Sum.Kr != 1_111_108_000 {
		t.Errorf("plan %+v stage %q sum %+v, want 2026-2029's forslag with 1 111 108 000", tr.Okonomiplan, tr.Stadium, tr.Sum)
	}
}
