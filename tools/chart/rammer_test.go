package chart

import (
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/model"
)

// TestRammerForslagOnly: a plan at the forslag or innstilling stage has no
// adopted frames; its overview draws the latest stage's top-level frames,
// names that stage in its title and summary, and never calls them adopted
// (vedtatt, vedteke) in bokmål or nynorsk.
func TestRammerForslagOnly(t *testing.T) {
	stage := func(typ string, helse int64) model.Stadium {
		line := func(id, navn string, niva int, parent string, v int64) model.StadieRamme {
			return model.StadieRamme{Omrade: model.Ref{ID: id, Tittel: navn}, Belop: []model.Kr{kr(v)}, Niva: model.Niva{Niva: niva, Overordnet: parent}}
		}
		return model.Stadium{Type: typ, SumVist: []model.Kr{kr(helse + 70_000_000)}, Rammer: []model.StadieRamme{
			line("helse", "Helse", 0, "", helse),
			line("sykehjem", "Sykehjem", 1, "helse", helse-40_000_000),
			line("hjemme", "Hjemme", 1, "helse", 40_000_000),
			line("kultur", "Kultur", 0, "", 70_000_000),
		}}
	}
	cases := []struct {
		malform, stadium string
		stadier          []model.Stadium
		title, summary   string
	}{
		{"nb", "forslag", []model.Stadium{stage("forslag", 100_000_000)},
			"Netto driftsrammer per rammeområde i 2027 i kommunedirektørens forslag",
			"Netto driftsrammene for 2027 i kommunedirektørens forslag er 170,0 mill. kr fordelt på 2 rammeområder, og kommunestyret har ennå ikke behandlet dem; størst er Helse med 100,0 mill. kr; et område som er delt i underområder, har én søyle med summen av dem."},
		{"nn", "forslag", []model.Stadium{stage("forslag", 100_000_000)},
			"Netto driftsrammer per rammeområde i 2027 i framlegget frå kommunedirektøren",
			"Dei netto driftsrammene for 2027 i framlegget frå kommunedirektøren er 170,0 mill. kr fordelt på 2 rammeområde, og kommunestyret har enno ikkje handsama dei; størst er Helse med 100,0 mill. kr; eit område som er delt i underområde, har éi søyle med summen av dei."},
		// The innstilling is drawn, not the forslag before it.
		{"nb", "innstilling", []model.Stadium{stage("forslag", 100_000_000), stage("alternativ", 300_000_000), stage("innstilling", 110_000_000)},
			"Netto driftsrammer per rammeområde i 2027 i formannskapets innstilling",
			"Netto driftsrammene for 2027 i formannskapets innstilling er 180,0 mill. kr fordelt på 2 rammeområder, og kommunestyret har ennå ikke behandlet dem; størst er Helse med 110,0 mill. kr; et område som er delt i underområder, har én søyle med summen av dem."},
	}
	for _, tc := range cases {
		plan := &model.Okonomiplan{ID: "f", Ar: []int{2027}, Stadium: tc.stadium, Stadier: tc.stadier}
		site := &model.Site{Kommune: model.Kommune{Malform: tc.malform}, Okonomiplaner: []*model.Okonomiplan{plan}}
		const key = "okonomiplan/f/rammer"
		wide, ok := All(site)[key]
		if !ok {
			t.Errorf("%s %s: a plan not adopted has no overview", tc.malform, tc.stadium)
			continue
		}
		sum := strings.ReplaceAll(Summaries(site)[key], "\u00a0", " ")
		if sum != tc.summary {
			t.Errorf("%s %s summary:\n got %s\nwant %s", tc.malform, tc.stadium, sum, tc.summary)
		}
		for _, s := range []string{wide, Narrow(site)[key]} {
			checkSVG(t, key, s)
			if !strings.Contains(s, tc.title) {
				t.Errorf("%s %s: the title is not %q:\n%s", tc.malform, tc.stadium, tc.title, s)
			}
			if n := strings.Count(s, `<g class="chart-row`); n != 2 {
				t.Errorf("%s %s: %d rows, want the 2 top-level areas", tc.malform, tc.stadium, n)
			}
		}
		for _, s := range []string{wide, Narrow(site)[key], sum} {
			low := strings.ToLower(s)
			for _, word := range []string{"vedtatt", "vedteke", "vedtek", "regulert", "regulerte"} {
				if strings.Contains(low, word) {
					t.Errorf("%s %s: the overview of a plan not adopted says %q:\n%s", tc.malform, tc.stadium, word, s)
				}
			}
		}
	}
}
