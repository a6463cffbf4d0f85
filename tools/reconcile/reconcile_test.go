package reconcile

import (
	"os"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/load"
)

func example(t *testing.T) *compile.Site {
	t.Helper()
	set, diags := load.Load(os.DirFS("../../data"), "data")
	check.Check(set, diags)
	if diags.Errors() > 0 {
		t.Fatal("the example data has errors")
	}
	return compile.Compile(set)
}

// TestExampleReconciles: every sum of the example adds up, and every kind
// of check is exercised.
func TestExampleReconciles(t *testing.T) {
	r := Run(example(t))
	if r.Failed > 0 {
		t.Fatal(r.Error())
	}
	kinds := map[string]int{}
	whats := map[string]int{}
	for _, c := range r.Checks {
		kinds[c.Kind]++
		whats[c.What]++
	}
	for _, w := range []string{"stated_total", "adopted_total", "regulated_total", "regulated_minus_adopted", "area_regulated_minus_adopted", "adjusted_frame", "frame_changes", "spend_total", "deviation"} {
		if whats[w] == 0 {
			t.Errorf("no %s check in the example (%v)", w, whats)
		}
	}
}

// TestTamperedFiguresFail: a figure changed after compile is caught, with
// the figures in the message.
func TestTamperedFiguresFail(t *testing.T) {
	for _, tc := range []struct {
		name   string
		tamper func(s *compile.Site)
		want   string
	}{
		{"adopted total", func(s *compile.Site) { s.Okonomiplaner[0].SumVedtatt[1].Kr += 1000 }, "adopted_total"},
		{"stated total", func(s *compile.Site) { s.Okonomiplaner[0].SumOppgitt[0].Kr -= 1 }, "stated_total"},
		{"regulated frame of an area", func(s *compile.Site) { s.Okonomiplaner[0].Rammer[2].Regulert[0].Kr += 500 }, "area_regulated_minus_adopted"},
		{"a regulering", func(s *compile.Site) { s.Okonomiplaner[0].Reguleringer[0].Belop.Kr += 1 }, "regulated_minus_adopted"},
		{"adjusted frame", func(s *compile.Site) { s.Prosjekter[0].Justert.Kr += 1 }, "adjusted_frame"},
		{"a frame step", func(s *compile.Site) { s.Prosjekter[0].Rammehistorikk[1].Ramme.Kr -= 7 }, "step_frame"},
		{"spend", func(s *compile.Site) { s.Prosjekter[0].Regnskap[0].Belop.Kr += 3 }, "spend_total"},
		{"deviation", func(s *compile.Site) {
			v := *s.Prosjekter[0].AvvikJustert
			v.Kr += 9
			s.Prosjekter[0].AvvikJustert = &v
		}, "deviation"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := example(t)
			tc.tamper(s)
			r := Run(s)
			if r.Failed == 0 {
				t.Fatal("not caught")
			}
			if msg := r.Error(); !strings.Contains(msg, tc.want) || !strings.Contains(msg, "difference") {
				t.Errorf("message %q lacks %q and the difference", msg, tc.want)
			}
		})
	}
}
