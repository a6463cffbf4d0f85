package oversikt_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/oversikt"
	"github.com/openkommune/portal/tools/record"
)

func ekstra(navn string, inngarI, etter int, trekkes bool, v ...int64) record.OversiktEkstra {
	e := record.OversiktEkstra{Navn: navn, InngarI: inngarI, Etter: etter, TrekkesFra: trekkes}
	for _, n := range v {
		e.Belop = append(e.Belop, money.Kroner(n))
	}
	return e
}

// figuresWith completes typed with the computed lines of drift, the extra
// lines counted, in print f.
func figuresWith(typed map[int][3]int64, ex []record.OversiktEkstra, f oversikt.Fortegn) map[int][3]int64 {
	ly := oversikt.Layouts["2022"]
	out := map[int][3]int64{}
	for nr, v := range typed {
		out[nr] = v
	}
	for _, l := range ly.Lines[oversikt.Drift] {
		if !l.Computed() {
			continue
		}
		ops := oversikt.Operands(ly, oversikt.Drift, l, f, ex)
		var v [3]int64
		for i := range v {
			v[i], _ = oversikt.SumOf(ops, func(op oversikt.Operand) (int64, bool) {
				if op.Extra >= 0 {
					return ex[op.Extra].Belop[i].Kr, true
				}
				return out[op.Nr][i], true
			})
		}
		out[l.Nr] = v
	}
	return out
}

// ekstraTOML writes extra lines as the file does.
func ekstraTOML(ex []record.OversiktEkstra) string {
	var b strings.Builder
	b.WriteString("ekstra = [\n")
	for _, e := range ex {
		fmt.Fprintf(&b, "  { navn = %q, inngar_i = %d", e.Navn, e.InngarI)
		if e.Etter != 0 {
			fmt.Fprintf(&b, ", etter = %d", e.Etter)
		}
		if e.TrekkesFra {
			b.WriteString(", trekkes_fra = true")
		}
		fmt.Fprintf(&b, ", belop = [%d, %d, %d] },\n", e.Belop[0].Kr, e.Belop[1].Kr, e.Belop[2].Kr)
	}
	b.WriteString("]\n")
	return b.String()
}

// withExtras is the good file with drift's extra lines: an added part of
// line 24 after line 22, a subtracted part of line 15, and line 18
// detailed in two lines.
func withExtras() (string, []record.OversiktEkstra) {
	ex := []record.OversiktEkstra{
		ekstra("Bruk av tidligere års mindreforbruk", 24, 22, false, -300, -300, -300),
		ekstra("Renteutgifter på startlån", 15, 0, true, 400, 400, 400),
		ekstra("Overføring til investering, egenkapitalinnskudd KLP", 18, 0, false, 600, 600, 600),
		ekstra("Overføring til investering, øvrig", 18, 0, false, 400, 400, 400),
	}
	text := header + part("drift", figuresWith(typedDrift, ex, oversikt.Standard), 25) + ekstraTOML(ex) +
		part("investering", figures(oversikt.Investering, typedInv), 27)
	return text, ex
}

func TestExtraLines(t *testing.T) {
	g, _ := withExtras()
	if errs := run(t, g, nil); len(errs) > 0 {
		t.Fatalf("errors on a good file with extra lines:\n%s", strings.Join(errs, "\n"))
	}
	cases := []struct {
		name, text, at, want string
	}{
		{"an added part off", strings.Replace(g, `belop = [-300, -300, -300]`, `belop = [-300, -303, -300]`, 1), "{ nr = 24,",
			`line 24 "Sum disponeringer eller dekning av netto driftsresultat", column regulert: the lines 18 + 19 + 20 + 21 + 22 + 23 + «Bruk av tidligere års mindreforbruk» sum to`},
		{"a subtracted part", strings.Replace(g, `trekkes_fra = true, belop = [400,`, `trekkes_fra = true, belop = [404,`, 1), "{ nr = 15,",
			`the lines 10 + 11 + 12 − 13 − 14 − «Renteutgifter på startlån» sum to`},
		{"a detail off", strings.Replace(g, `øvrig", inngar_i = 18, belop = [400,`, `øvrig", inngar_i = 18, belop = [410,`, 1), "{ nr = 18,",
			`line 18 "Overføring til investering", column regnskap: the lines «Overføring til investering, egenkapitalinnskudd KLP» + «Overføring til investering, øvrig» sum to`},
		{"unknown line", strings.Replace(g, `inngar_i = 24,`, `inngar_i = 26,`, 1), `inngar_i = 26`, `inngar_i = 26 is not a line of § 5-4 drift in the 2022 layout (lines 1–25)`},
		{"no line", strings.Replace(g, `, inngar_i = 24`, ``, 1), `{ navn = "Bruk av tidligere`, `missing inngar_i`},
		{"twice", strings.Replace(g, `"Renteutgifter på startlån"`, `"bruk av  tidligere års mindreforbruk"`, 1), `{ navn = "bruk av  tidligere`, `extra line "bruk av  tidligere års mindreforbruk" is written twice (also as drift.ekstra[0])`},
		{"a statutory line", strings.Replace(g, `"Renteutgifter på startlån"`, `"Renteutgifter"`, 1), `{ navn = "Renteutgifter"`, `"Renteutgifter" is line 13 of § 5-4 drift, not an extra line`},
		{"no name", strings.Replace(g, `"Renteutgifter på startlån"`, `" "`, 1), `{ navn = " "`, `missing navn`},
		{"subtracted detail", strings.Replace(g, `øvrig", inngar_i = 18,`, `øvrig", inngar_i = 18, trekkes_fra = true,`, 1), `øvrig", inngar_i = 18, trekkes_fra`, `trekkes_fra: line 18 "Overføring til investering" is not a sum line`},
		{"placed nowhere", strings.Replace(g, `etter = 22`, `etter = 40`, 1), `etter = 40`, `etter = 40 is not a line of § 5-4 drift`},
		{"one figure short", strings.Replace(g, `belop = [-300, -300, -300]`, `belop = [-300, -300]`, 1), `belop = [-300, -300]`, `2 figures, but kolonner names 3 columns`},
		{"name not text", strings.Replace(g, `"Renteutgifter på startlån"`, `15`, 1), `{ navn = 15`, `navn`},
		{"line as text", strings.Replace(g, `inngar_i = 24,`, `inngar_i = "24",`, 1), `inngar_i = "24"`, `inngar_i`},
		{"unknown key", strings.Replace(g, `etter = 22,`, `etter = 22, nr = 23,`, 1), `etter = 22, nr = 23`, `unknown key "drift.ekstra[0].nr"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			errs := run(t, tc.text, nil)
			want := fmt.Sprintf("data/oversikter/2025-arsregnskap.toml:%d:", lineOf(tc.text, tc.at))
			for _, e := range errs {
				if strings.HasPrefix(e, want) && strings.Contains(e, tc.want) {
					return
				}
			}
			t.Errorf("want an error at %s… containing %q; got:\n%s", want, tc.want, strings.Join(errs, "\n"))
		})
	}
}

// A part may have at most MaxExtra extra lines: the one after is an
// error at its table, and huge figures in them cannot wrap a sum.
func TestTooManyExtraLines(t *testing.T) {
	var b strings.Builder
	b.WriteString("ekstra = [\n")
	for i := range oversikt.MaxExtra + 1 {
		fmt.Fprintf(&b, "  { navn = \"Linje %d\", inngar_i = 24, belop = [9000000000, 9000000000, 9000000000] },\n", i)
	}
	b.WriteString("]\n")
	text := header + part("drift", figures(oversikt.Drift, typedDrift), 25) + b.String()
	errs := strings.Join(run(t, text, nil), "\n")
	at := fmt.Sprintf("2025-arsregnskap.toml:%d:", lineOf(text, fmt.Sprintf(`"Linje %d"`, oversikt.MaxExtra)))
	if !strings.Contains(errs, at) || !strings.Contains(errs, fmt.Sprintf("more than %d extra lines in § 5-4 drift", oversikt.MaxExtra)) {
		t.Errorf("want the extra line after %d refused at %s; got:\n%s", oversikt.MaxExtra, at, errs)
	}
}

// With fortegn inntekt_negativ every sum is plain: an extra line is added,
// and trekkes_fra is an error.
func TestExtraLinesPlainPrint(t *testing.T) {
	ly := oversikt.Layouts["2022"]
	flip := func(p oversikt.Part, f map[int][3]int64) map[int][3]int64 {
		out := map[int][3]int64{}
		for nr, v := range f {
			l, _ := ly.Line(p, nr)
			k := int64(l.Kind)
			out[nr] = [3]int64{v[0] * k, v[1] * k, v[2] * k}
		}
		return out
	}
	// "Premieavvik" is an expense part of line 8 (printed as expenses are).
	ex := []record.OversiktEkstra{ekstra("Premieavvik", 8, 0, false, 700, 700, 700)}
	std := figuresWith(typedDrift, ex, oversikt.Standard)
	text := strings.Replace(header, `enhet =`, `fortegn = "inntekt_negativ"`+"\nenhet =", 1) + part("drift", flip(oversikt.Drift, std), 25) + ekstraTOML(ex)
	if errs := run(t, text, nil); len(errs) > 0 {
		t.Fatalf("errors with an extra line in the plain print:\n%s", strings.Join(errs, "\n"))
	}
	bad := strings.Replace(text, `inngar_i = 8,`, `inngar_i = 8, trekkes_fra = true,`, 1)
	errs := strings.Join(run(t, bad, nil), "\n")
	if !strings.Contains(errs, fmt.Sprintf("2025-arsregnskap.toml:%d:", lineOf(bad, "trekkes_fra"))) || !strings.Contains(errs, `with fortegn = "inntekt_negativ" every sum line is the plain sum`) {
		t.Errorf("want trekkes_fra refused in the plain print; got:\n%s", errs)
	}
}

// Rows places each extra line after its etter, by default after the line
// it details or before the sum line it is a part of, in file order.
func TestRows(t *testing.T) {
	ly := oversikt.Layouts["2022"]
	ex := []record.OversiktEkstra{
		{Navn: "a", InngarI: 24, Etter: 22},
		{Navn: "b", InngarI: 18},
		{Navn: "c", InngarI: 24},
		{Navn: "d", InngarI: 18},
		{Navn: "e", InngarI: 18, Etter: 99},
	}
	var got []string
	for _, r := range oversikt.Rows(ly, oversikt.Drift, ex) {
		if r.Extra >= 0 {
			got = append(got, ex[r.Extra].Navn)
		} else if r.Nr >= 17 {
			got = append(got, fmt.Sprint(r.Nr))
		}
	}
	want := "17 18 b d 19 20 21 22 a 23 c 24 25 e"
	if strings.Join(got, " ") != want {
		t.Errorf("rows %q, want %q", strings.Join(got, " "), want)
	}
}
