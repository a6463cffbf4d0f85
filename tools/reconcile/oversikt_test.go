package reconcile

import (
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/model"
)

// oversikt25 is the example's årsregnskap 2025 in the page model.
func oversikt25(t *testing.T, site *model.Site) *model.Oversikt {
	t.Helper()
	for _, o := range site.Oversikter {
		if o.ID == "2025-arsregnskap" {
			return o
		}
	}
	t.Fatal("the example has no oversikt 2025-arsregnskap")
	return nil
}

func line(o *model.Oversikts, nr int) *model.Oversiktslinje {
	for i := range o.Linjer {
		if o.Linjer[i].Nr == nr {
			return &o.Linjer[i]
		}
	}
	return nil
}

// failed lists the failed checks of a kind.
func failed(r *Report, kind string) []Check {
	var out []Check
	for _, c := range r.Checks {
		if c.Kind == kind && !c.OK {
			out = append(out, c)
		}
	}
	return out
}

// The example's oversikter reconcile, each kind is exercised, and a
// printed sum that differs from its lines by the rounding is shown with
// the difference.
func TestOversikterReconcile(t *testing.T) {
	r := Run(example(t))
	if r.Failed > 0 {
		t.Fatal(r.Error())
	}
	kinds := map[string]int{}
	rounded := false
	for _, c := range r.Checks {
		kinds[c.Kind]++
		if c.Kind == "oversikt_sum" && c.Avvik.Kr != 0 {
			rounded = true
			if c.Toleranse == nil || c.Avvik.Kr != c.Shown.Kr-c.Expected.Kr {
				t.Errorf("a rounded sum without its tolerance or difference: %+v", c)
			}
		}
	}
	for _, k := range []string{"oversikt_sum", "oversikt_omrader", "oversikt_rammer", "oversikt_prosjekter"} {
		if kinds[k] == 0 {
			t.Errorf("no %s check", k)
		}
	}
	if !rounded {
		t.Error("no oversikt sum with a rounding difference in the example")
	}
}

// A printed sum within the tolerance passes; one just outside fails, at
// that line and column.
func TestOversiktTolerance(t *testing.T) {
	for _, tc := range []struct {
		delta int64 // added to line 5's printed figure, in kroner
		fail  bool
	}{{0, false}, {1_000, false}, {-3_000, false}, {1_001, true}, {-3_001, true}, {1_000_000, true}} {
		site := example(t)
		o := oversikt25(t, site)
		l5 := line(o.Drift, 5)
		// The printed 1 863 501 (regnskap) is 1 000 kr over its lines;
		// the tolerance is 2 000 kr.
		l5.Belop[0].Kr += tc.delta
		r := Run(site)
		var bad []Check
		for _, c := range failed(r, "oversikt_sum") {
			if c.What == "drift_sum" && strings.HasPrefix(c.Detalj, "drift 5 ") {
				bad = append(bad, c)
			}
		}
		if tc.fail != (len(bad) == 1) || tc.fail && bad[0].Kolonne.Kode != "regnskap" {
			t.Errorf("line 5 regnskap moved by %d kr: failed checks %+v, want failure %v", tc.delta, bad, tc.fail)
		}
	}
}

// Line 6 against the frames, part B against line 6, and the projects
// against § 5-5 line 1: each fails when a figure moves beyond the
// tolerance.
func TestOversiktCrossChecks(t *testing.T) {
	site := example(t)
	o := oversikt25(t, site)
	line(o.Drift, 6).Belop[2].Kr += 3_000 // opprinnelig: the frames and part B
	line(o.Investering, 1).Belop[0].Kr = 0
	line(o.Investering, 1).Belop[1].Kr = 1_000_000 // regulert: below the projects' bevilgninger
	r := Run(site)
	if f := failed(r, "oversikt_rammer"); len(f) != 1 || f[0].What != "frames_vedtatt" {
		t.Errorf("frames: failed %+v, want the adopted column", f)
	}
	if f := failed(r, "oversikt_omrader"); len(f) != 1 || f[0].Kolonne.Kode != "opprinnelig" {
		t.Errorf("part B: failed %+v, want opprinnelig", f)
	}
	if f := failed(r, "oversikt_prosjekter"); len(f) != 1 || f[0].Kolonne.Kode != "regulert" || !f[0].Hoyst {
		t.Errorf("projects: failed %+v, want line 1 regulert (at most)", f)
	}
	// A shown "beregnet" that is not the sum of the lines is a bug the
	// build must stop at.
	site = example(t)
	line(oversikt25(t, site).Investering, 6).Beregnet[0].Kr++
	if f := failed(Run(site), "oversikt_sum"); len(f) != 1 || f[0].What != "computed_shown" {
		t.Errorf("beregnet off by one: failed %+v", f)
	}
}

// An extra line printed as a part of a sum line is counted in it: the
// example's "Bruk av tidligere års mindreforbruk" in line 24 of 2025.
func TestOversiktExtraLine(t *testing.T) {
	site := example(t)
	o := oversikt25(t, site)
	var extra *model.Oversiktslinje
	for i := range o.Drift.Linjer {
		if o.Drift.Linjer[i].Ekstra {
			extra = &o.Drift.Linjer[i]
		}
	}
	if extra == nil || extra.InngarI != 24 {
		t.Fatalf("the example's 2025 § 5-4 has no extra line in line 24: %+v", extra)
	}
	extra.Belop[0].Kr -= 3_000 // beyond the tolerance of 2 000 kr
	var f []Check
	for _, c := range failed(Run(site), "oversikt_sum") {
		if c.What == "drift_sum" { // the page's beregnet is now stale too
			f = append(f, c)
		}
	}
	if len(f) != 1 || !strings.HasPrefix(f[0].Detalj, "drift 24 ") || f[0].Kolonne == nil || f[0].Kolonne.Kode != "regnskap" {
		t.Errorf("the extra line moved by 3 000 kr: failed %+v, want line 24 regnskap", f)
	}
}

// The example's forslag oversikt for 2026 is compared with the forslag
// stage of økonomiplan 2026–2029, year by year.
func TestOversiktForslagFrames(t *testing.T) {
	site := example(t)
	var o *model.Oversikt
	for _, x := range site.Oversikter {
		if x.ID == "2026-okonomiplan-forslag" {
			o = x
		}
	}
	if o == nil {
		t.Fatal("the example has no oversikt 2026-okonomiplan-forslag")
	}
	n := 0
	for _, c := range Run(site).Checks {
		if c.Kind == "oversikt_rammer" && c.Subject.ID == o.ID {
			n++
			if c.What != "frames_forslag" || c.Stadium != "forslag" || !c.OK {
				t.Errorf("forslag frames check %+v", c)
			}
		}
	}
	if n != 4 {
		t.Errorf("%d frames checks for the forslag, want one per plan year (4)", n)
	}
	line(o.Drift, 6).Belop[1].Kr += 300_000
	if f := failed(Run(site), "oversikt_rammer"); len(f) != 1 || f[0].Ar != 2027 || f[0].Stadium != "forslag" {
		t.Errorf("line 6 of 2027 moved: failed %+v, want the forslag's 2027", f)
	}
}
