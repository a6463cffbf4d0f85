package compile

import (
	"math"
	"strconv"
	"strings"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/money"
)

func kr(n int64) model.Kr {
	return model.Kr{Kr: n, Tekst: money.FormatKr(n), Mill: money.FormatMill(n)}
}

func krPtr(n int64) *model.Kr {
	k := kr(n)
	return &k
}

// signedKr is an amount with its sign written: "+30 000 000 kr",
// "−2 000 000 kr", "0 kr" (a change, not a level).
func signedKr(n int64) *model.Kr {
	k := kr(n)
	if n > 0 {
		k.Tekst = "+" + k.Tekst
		k.Mill = "+" + k.Mill
	}
	return &k
}

// signedPercent is percent with its sign written: "+30,0 %", "−3,0 %",
// "0,0 %"; nil when whole is 0.
func signedPercent(part, whole int64) *model.Pct {
	p := percent(part, whole)
	if p != nil && p.Verdi > 0 {
		p.Tekst = "+" + p.Tekst
	}
	return p
}

// percent returns part/whole as a percentage rounded to one decimal, or nil
// when whole is 0 (no frame, no percentage).
func percent(part, whole int64) *model.Pct {
	if whole == 0 {
		return nil
	}
	v := math.Round(float64(part)*1000/float64(whole)) / 10
	if v == 0 {
		v = 0 // no "−0,0 %"
	}
	return &model.Pct{Verdi: v, Tekst: FormatPct(v)}
}

// FormatPct writes a percentage the Norwegian way: "12,5 %", "−3,0 %".
func FormatPct(v float64) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', 1, 64)
	s = strings.Replace(s, ".", ",", 1) + "\u00a0%"
	if v < 0 {
		s = "−" + s
	}
	return s
}

func dato(d caldate.Date) model.Dato { return model.Dato{ISO: d.String(), Tekst: d.Norwegian()} }

func datoPtr(d caldate.Date) *model.Dato {
	if d.IsZero() {
		return nil
	}
	x := dato(d)
	return &x
}
