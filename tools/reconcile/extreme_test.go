package reconcile

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/money"
	"golang.org/x/tools/txtar"
)

// extremeSet is a data set with amounts at and near ±money.Max and many
// tilleggsbevilgninger and reguleringer, and the exact figures it should
// give, in big integers.
type extremeSet struct {
	files map[string]string
	// frames are the generated projects' adjusted frames by id.
	frames map[string]*big.Int
	// totalFrames and totalForecasts are the home page's totals (every
	// project is active), year2026 the regulated driftsrammer of 2026.
	totalFrames, totalForecasts, year2026 *big.Int
	// over is true if some group's amounts, by size, exceed MaxSum.
	over bool
}

var maxSum = big.NewInt(money.MaxSum)

func bigAbs(n int64) *big.Int { return new(big.Int).Abs(big.NewInt(n)) }

// extreme draws a data set over the base.
func extreme(r *rand.Rand) extremeSet {
	e := extremeSet{files: map[string]string{}, frames: map[string]*big.Int{},
		totalFrames: big.NewInt(142_000_000), totalForecasts: big.NewInt(150_500_000)}
	framesAbs := big.NewInt(142_000_000)
	forecastsAbs := big.NewInt(150_500_000)
	amounts := []int64{money.Max, money.Max, money.Max, money.Max, money.Max - 1, money.Max / 2, 1, 999_999_999_999}
	for i := range 1 + r.IntN(3) {
		id := fmt.Sprintf("x%d", i)
		var b strings.Builder
		fmt.Fprintf(&b, "id = %q\nnummer = \"70%d\"\nnavn = \"Prosjekt %d\"\nomrade = \"oppvekst\"\nansvarlig = \"Eiendom\"\nfase = \"bygging\"\n", id, i, i)
		frame, abs := new(big.Int), new(big.Int)
		steps := []int{1, 2, 50, 99, 100, 101, 140}[r.IntN(7)]
		for s := range steps {
			typ, kr := "tillegg", amounts[r.IntN(len(amounts))]
			switch {
			case s == 0:
				typ = "opprinnelig"
			case r.IntN(4) == 0 && frame.Cmp(big.NewInt(kr)) > 0:
				typ, kr = "reduksjon", -kr
			}
			fmt.Fprintf(&b, "\n[[kostnadsramme]]\ntype = %q\nbelop = %d\nvedtak = \"kst-2024-090\"\n", typ, kr)
			frame.Add(frame, big.NewInt(kr))
			abs.Add(abs, bigAbs(kr))
		}
		forecast := new(big.Int).Set(frame)
		if r.IntN(2) == 0 {
			p := amounts[r.IntN(len(amounts))]
			fmt.Fprintf(&b, "\n[[statusrapport]]\nar = 2026\nperiode = \"t1\"\nprognose = %d\nrisiko = \"gul\"\n", p)
			forecast = big.NewInt(p)
			abs.Add(abs, bigAbs(p))
		}
		e.files["prosjekter/"+id+".toml"] = b.String()
		e.frames[id] = frame
		e.totalFrames.Add(e.totalFrames, frame)
		e.totalForecasts.Add(e.totalForecasts, forecast)
		framesAbs.Add(framesAbs, new(big.Int).Abs(frame))
		forecastsAbs.Add(forecastsAbs, new(big.Int).Abs(forecast))
		e.over = e.over || abs.Cmp(maxSum) > 0
	}
	e.over = e.over || framesAbs.Cmp(maxSum) > 0 || forecastsAbs.Cmp(maxSum) > 0

	// The økonomiplan: reguleringer of 2026 at ±Max, many of them.
	var b strings.Builder
	b.WriteString("id = \"2025-2028\"\nvedtatt_i = \"kst-2024-090\"\nforste_ar = 2025\n")
	b.WriteString("\n[[ramme]]\nomrade = \"oppvekst\"\nbelop = [200_000_000, 202_000_000, 204_000_000, 206_000_000]\n")
	b.WriteString("\n[[ramme]]\nomrade = \"helse\"\nbelop = [100_000_000, 101_000_000, 102_000_000, 103_000_000]\n")
	year := big.NewInt(303_000_000)
	abs := big.NewInt(303_000_000)
	for range []int{0, 1, 60, 99, 100, 101, 130}[r.IntN(7)] {
		kr := amounts[r.IntN(len(amounts))]
		if r.IntN(2) == 0 {
			kr = -kr
		}
		area := []string{"oppvekst", "helse"}[r.IntN(2)]
		fmt.Fprintf(&b, "\n[[regulering]]\nomrade = %q\nar = 2026\nbelop = %d\nvedtak = \"kst-2025-030\"\n", area, kr)
		year.Add(year, big.NewInt(kr))
		abs.Add(abs, bigAbs(kr))
	}
	e.files["okonomiplan/2025-2028.toml"] = b.String()
	e.year2026 = year
	e.over = e.over || abs.Cmp(maxSum) > 0
	return e
}

// TestExtremeAmounts: data with amounts at ±money.Max and many tillegg and
// reguleringer is either refused by check (exactly when some group of
// amounts would leave money.MaxSum) or compiles to exact sums (compared
// with big integers) that reconcile.
func TestExtremeAmounts(t *testing.T) {
	a, err := txtar.ParseFile("../../testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(11, 8))
	refused, accepted := 0, 0
	for i := range 60 {
		e := extreme(r)
		fsys := fstest.MapFS{}
		for _, f := range a.Files {
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
		for name, data := range e.files {
			fsys[name] = &fstest.MapFile{Data: []byte(data)}
		}
		set, diags := load.Load(fsys, "data")
		check.Check(set, diags)
		var msgs strings.Builder
		diags.Print(&msgs)
		if diags.Errors() > 0 {
			refused++
			if !e.over {
				t.Errorf("set %d is within range but refused:\n%s", i, msgs.String())
			}
			continue
		}
		accepted++
		if e.over {
			t.Errorf("set %d has a group over MaxSum but was accepted", i)
			continue
		}
		site := compile.Compile(set)
		if rep := Run(site); rep.Failed > 0 {
			t.Errorf("set %d: %s", i, rep.Error())
		}
		for _, p := range site.Prosjekter {
			if want := e.frames[p.ID]; want != nil && big.NewInt(p.Justert.Kr).Cmp(want) != 0 {
				t.Errorf("set %d: %s justert %d, exact %s", i, p.ID, p.Justert.Kr, want)
			}
		}
		n := site.Nokkeltall
		if big.NewInt(n.SumJustertRamme.Kr).Cmp(e.totalFrames) != 0 || big.NewInt(n.SumPrognose.Kr).Cmp(e.totalForecasts) != 0 {
			t.Errorf("set %d: totals %d, %d; exact %s, %s", i, n.SumJustertRamme.Kr, n.SumPrognose.Kr, e.totalFrames, e.totalForecasts)
		}
		if got := site.Okonomiplaner[0].SumRegulert[1].Kr; big.NewInt(got).Cmp(e.year2026) != 0 {
			t.Errorf("set %d: regulated 2026 %d, exact %s", i, got, e.year2026)
		}
	}
	t.Logf("%d sets refused, %d accepted", refused, accepted)
	if refused < 5 || accepted < 5 {
		t.Errorf("%d sets refused, %d accepted: the generator does not reach both sides", refused, accepted)
	}
}
