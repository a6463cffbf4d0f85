// Package oversikt owns the statutory bevilgningsoversikter of budsjett- og
// regnskapsforskriften (FOR-2019-06-07-714): § 5-4 drift, part A, and § 5-5
// investering, part 1, in the layout in force since 2022 and the one
// before it, as one Go table per layout (layout.go); and the rules a file
// under data/oversikter/ must follow beyond its form (check.go): its
// lines, columns, unit and tolerance, and how its figures agree with the
// computed lines, with the rammeområder's frames and with the investment
// projects' yearly bevilgninger. Package load reads the file's form into a
// record.Oversikt; package compile turns it into the page's model and
// package reconcile recomputes its sums for /kontroll/.
package oversikt

// Term is one part of a computed line: the line it takes and with which
// sign (+1 or −1) in the standard print (Fortegn "standard").
type Term struct {
	Nr   int
	Sign int
}

// Line is one statutory line.
type Line struct {
	Nr int
	Nb string // the name as the forskrift prints it (bokmål)
	Nn string // the name in nynorsk, as nynorsk kommuner print it
	// Parts are the lines this one is the sum of, with their signs in the
	// standard print; nil for a line that is typed, not computed.
	Parts []Term
	// Kind says how the line is signed where a kommune prints income as
	// negative (Fortegn "inntekt_negativ"): +1 for a line printed with
	// the same sign as in the standard print (expenses, uses of money,
	// fund movements, which the forskrift already prints signed), −1 for a
	// line printed negated (income, financing, and results where a
	// positive figure is a surplus). With it every computed line is the
	// plain sum of its parts in that print (see Coefficient).
	Kind int
}

// Computed reports whether the line is computed from other lines.
func (l Line) Computed() bool { return l.Parts != nil }

// Name is the line's name in the målform ("nb" or "nn").
func (l Line) Name(malform string) string {
	if malform == "nn" {
		return l.Nn
	}
	return l.Nb
}

// Part is one half of an oversikt: drift (§ 5-4) or investering (§ 5-5).
type Part string

const (
	Drift       Part = "drift"
	Investering Part = "investering"
)

// Parts lists the parts in the order they are printed.
var Parts = []Part{Drift, Investering}

// Layout is the line structure of one version of the forskrift.
type Layout struct {
	Code string // the value of oppsett: "2022" or "2020"
	// Lines per part, in order; line i has Nr i+1.
	Lines map[Part][]Line
	// SumDrift is the line "Sum bevilgninger drift, netto", which part B
	// (the rammeområder's netto driftsrammer) sums to.
	SumDrift int
	// ProjectLines are the § 5-5 lines an investment project's yearly
	// bevilgning can belong to.
	ProjectLines []int
}

// Line returns line nr of part p, and whether it exists.
func (ly *Layout) Line(p Part, nr int) (Line, bool) {
	lines := ly.Lines[p]
	if nr < 1 || nr > len(lines) {
		return Line{}, false
	}
	return lines[nr-1], true
}

// Layouts are the statutory layouts by their code, the value of oppsett.
var Layouts = map[string]*Layout{"2022": &layout2022, "2020": &layout2020}

// LayoutCodes lists the codes, newest first.
var LayoutCodes = []string{"2022", "2020"}

func t(nrs ...int) []Term {
	out := make([]Term, len(nrs))
	for i, n := range nrs {
		if n < 0 {
			out[i] = Term{Nr: -n, Sign: -1}
		} else {
			out[i] = Term{Nr: n, Sign: 1}
		}
	}
	return out
}

const (
	in  = -1 // income, financing, a result where positive is a surplus
	out = 1  // expense, use of money, a fund movement printed signed
)

// The first 17 lines of § 5-4 are the same in both layouts.
var driftHead = []Line{
	{1, "Rammetilskudd", "Rammetilskot", nil, in},
	{2, "Inntekts- og formuesskatt", "Inntekts- og formuesskatt", nil, in},
	{3, "Eiendomsskatt", "Eigedomsskatt", nil, in},
	{4, "Andre generelle driftsinntekter", "Andre generelle driftsinntekter", nil, in},
	{5, "Sum generelle driftsinntekter", "Sum generelle driftsinntekter", t(1, 2, 3, 4), in},
	{6, "Sum bevilgninger drift, netto", "Sum løyvingar drift, netto", nil, out},
	{7, "Avskrivninger", "Avskrivingar", nil, out},
	{8, "Sum netto driftsutgifter", "Sum netto driftsutgifter", t(6, 7), out},
	{9, "Brutto driftsresultat", "Brutto driftsresultat", t(5, -8), in},
	{10, "Renteinntekter", "Renteinntekter", nil, in},
	{11, "Utbytter", "Utbyttar", nil, in},
	{12, "Gevinster og tap på finansielle omløpsmidler", "Gevinstar og tap på finansielle omløpsmiddel", nil, in},
	{13, "Renteutgifter", "Renteutgifter", nil, out},
	{14, "Avdrag på lån", "Avdrag på lån", nil, out},
	{15, "Netto finansutgifter", "Netto finansutgifter", t(10, 11, 12, -13, -14), in},
	{16, "Motpost avskrivninger", "Motpost avskrivingar", nil, in},
	{17, "Netto driftsresultat", "Netto driftsresultat", t(9, 15, 16), in},
}

// The first 20 lines of § 5-5 are the same in both layouts.
var investeringHead = []Line{
	{1, "Investeringer i varige driftsmidler", "Investeringar i varige driftsmiddel", nil, out},
	{2, "Tilskudd til andres investeringer", "Tilskot til andres investeringar", nil, out},
	{3, "Investeringer i aksjer og andeler i selskaper", "Investeringar i aksjar og delar i selskap", nil, out},
	{4, "Utlån av egne midler", "Utlån av eigne middel", nil, out},
	{5, "Avdrag på lån", "Avdrag på lån", nil, out},
	{6, "Sum investeringsutgifter", "Sum investeringsutgifter", t(1, 2, 3, 4, 5), out},
	{7, "Kompensasjon for merverdiavgift", "Kompensasjon for meirverdiavgift", nil, in},
	{8, "Tilskudd fra andre", "Tilskot frå andre", nil, in},
	{9, "Salg av varige driftsmidler", "Sal av varige driftsmiddel", nil, in},
	{10, "Salg av finansielle anleggsmidler", "Sal av finansielle anleggsmidlar", nil, in},
	{11, "Utdeling fra selskaper", "Utdeling frå selskap", nil, in},
	{12, "Mottatte avdrag på utlån av egne midler", "Mottekne avdrag på utlån av eigne middel", nil, in},
	{13, "Bruk av lån", "Bruk av lån", nil, in},
	{14, "Sum investeringsinntekter", "Sum investeringsinntekter", t(7, 8, 9, 10, 11, 12, 13), in},
	{15, "Videreutlån", "Vidareutlån", nil, out},
	{16, "Bruk av lån til videreutlån", "Bruk av lån til vidareutlån", nil, in},
	{17, "Avdrag på lån til videreutlån", "Avdrag på lån til vidareutlån", nil, out},
	{18, "Mottatte avdrag på videreutlån", "Mottekne avdrag på vidareutlån", nil, in},
	{19, "Netto utgifter videreutlån", "Netto utgifter vidareutlån", t(15, -16, 17, -18), out},
	{20, "Overføring fra drift", "Overføring frå drift", nil, in},
}

func lines(head []Line, tail ...Line) []Line {
	return append(append([]Line{}, head...), tail...)
}

// layout2022 is the forskrift as amended by FOR-2021-12-09-3479, from the
// budget year 2022: the fund lines are split into avsetninger and bruk.
// The § 5-5 split (lines 21–25) has not been checked against a printed
// oversikt (docs/data-format.md, "Where the layouts come from"): it
// follows the 2022 § 5-4 and a 2022 § 5-9 investering table.
var layout2022 = Layout{
	Code:         "2022",
	SumDrift:     6,
	ProjectLines: []int{1, 2, 3, 4},
	Lines: map[Part][]Line{
		Drift: lines(driftHead,
			Line{18, "Overføring til investering", "Overføring til investering", nil, out},
			Line{19, "Avsetninger til bundne driftsfond", "Avsetningar til bundne driftsfond", nil, out},
			Line{20, "Bruk av bundne driftsfond", "Bruk av bundne driftsfond", nil, out},
			Line{21, "Avsetninger til disposisjonsfond", "Avsetningar til disposisjonsfond", nil, out},
			Line{22, "Bruk av disposisjonsfond", "Bruk av disposisjonsfond", nil, out},
			Line{23, "Dekning av tidligere års merforbruk", "Dekning av tidlegare års meirforbruk", nil, out},
			Line{24, "Sum disponeringer eller dekning av netto driftsresultat", "Sum disponeringar eller dekning av netto driftsresultat", t(18, 19, 20, 21, 22, 23), out},
			Line{25, "Fremført til inndekning i senere år (merforbruk)", "Framført til inndekning i seinare år (meirforbruk)", t(17, -24), in},
		),
		Investering: lines(investeringHead,
			Line{21, "Avsetninger til bundne investeringsfond", "Avsetningar til bundne investeringsfond", nil, in},
			Line{22, "Bruk av bundne investeringsfond", "Bruk av bundne investeringsfond", nil, in},
			Line{23, "Avsetninger til ubundet investeringsfond", "Avsetningar til ubunde investeringsfond", nil, in},
			Line{24, "Bruk av ubundet investeringsfond", "Bruk av ubunde investeringsfond", nil, in},
			Line{25, "Dekning av tidligere års udekket beløp", "Dekning av tidlegare års udekte beløp", nil, in},
			Line{26, "Sum overføring fra drift og netto avsetninger", "Sum overføring frå drift og netto avsetningar", t(20, 21, 22, 23, 24, 25), in},
			Line{27, "Fremført til inndekning i senere år (udekket beløp)", "Framført til inndekning i seinare år (udekt beløp)", t(6, -14, 19, -26), out},
		),
	},
}

// layout2020 is the forskrift as first adopted, for the budget years 2020
// and 2021: one line per fund for net avsetning or bruk. Its § 5-5 matches
// Stavanger's printed årsregnskap 2020 line by line, nynorsk names
// included.
var layout2020 = Layout{
	Code:         "2020",
	SumDrift:     6,
	ProjectLines: []int{1, 2, 3, 4},
	Lines: map[Part][]Line{
		Drift: lines(driftHead,
			Line{18, "Overføring til investering", "Overføring til investering", nil, out},
			Line{19, "Netto avsetninger til eller bruk av bundne driftsfond", "Netto avsetningar til eller bruk av bundne driftsfond", nil, out},
			Line{20, "Netto avsetninger til eller bruk av disposisjonsfond", "Netto avsetningar til eller bruk av disposisjonsfond", nil, out},
			Line{21, "Dekning av tidligere års merforbruk", "Dekning av tidlegare års meirforbruk", nil, out},
			Line{22, "Sum disponeringer eller dekning av netto driftsresultat", "Sum disponeringar eller dekning av netto driftsresultat", t(18, 19, 20, 21), out},
			Line{23, "Fremført til inndekning i senere år (merforbruk)", "Framført til inndekning i seinare år (meirforbruk)", t(17, -22), in},
		),
		Investering: lines(investeringHead,
			Line{21, "Netto avsetninger til eller bruk av bundne investeringsfond", "Netto avsetningar til eller bruk av bundne investeringsfond", nil, in},
			Line{22, "Netto avsetninger til eller bruk av ubundet investeringsfond", "Netto avsetningar til eller bruk av ubunde investeringsfond", nil, in},
			Line{23, "Dekning av tidligere års udekket beløp", "Dekning av tidlegare års udekte beløp", nil, in},
			Line{24, "Sum overføring fra drift og netto avsetninger", "Sum overføring frå drift og netto avsetningar", t(20, 21, 22, 23), in},
			Line{25, "Fremført til inndekning i senere år (udekket beløp)", "Framført til inndekning i seinare år (udekt beløp)", t(6, -14, 19, -24), out},
		),
	},
}

// Fortegn is how a kommune signs the printed figures.
type Fortegn string

const (
	// Standard is the forskrift's print: income and expenses as positive
	// figures, fund movements signed (bruk negative), computed lines with
	// the signs of Line.Parts.
	Standard Fortegn = "standard"
	// InntektNegativ prints income (and financing, and a surplus) as
	// negative figures, expenses as positive; every computed line is
	// then the plain sum of its parts.
	InntektNegativ Fortegn = "inntekt_negativ"
	// UtgiftNegativ is InntektNegativ negated: expenses negative, income
	// positive; computed lines are plain sums too.
	UtgiftNegativ Fortegn = "utgift_negativ"
)

// FortegnValues lists the sign conventions.
var FortegnValues = []string{string(Standard), string(InntektNegativ), string(UtgiftNegativ)}

// Coefficient is the factor of part term in computed line l in print f:
// term.Sign in the standard print; in the others the factor that makes
// the printed figures add up, l.Kind·term.Sign·Kind(term), which is +1 for
// every part of every line (TestPlainSums).
func (ly *Layout) Coefficient(p Part, l Line, term Term, f Fortegn) int {
	if f == Standard || f == "" {
		return term.Sign
	}
	part, _ := ly.Line(p, term.Nr)
	return l.Kind * term.Sign * part.Kind
}

// ToStandard is the factor that turns a figure of line l printed in f into
// the standard print's sign: a frame or a project's bevilgning is compared
// with the standard figure.
func ToStandard(l Line, f Fortegn) int {
	switch f {
	case InntektNegativ:
		return l.Kind
	case UtgiftNegativ:
		return -l.Kind
	}
	return 1
}
