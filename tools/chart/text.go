package chart

import "strconv"

// words is every word the charts write, in one målform. The summaries are
// sentences with %s (and %d) verbs filled in order.
type words struct {
	// The area chart.
	omradeTitle string // "Netto driftsramme per år – %s"
	vedtatt     string
	regulert    string

	// The waterfall.
	waterfallTitle string // "Reguleringer av netto driftsrammer i %d"
	startBar       string // "Vedtatt sum %d"
	endBar         string // "Regulert sum %d"
	increase       string
	decrease       string
	axisNotZero    string

	// The project chart.
	prosjektTitle string // "Kostnadsramme, prognose og regnskap – %s"
	ramme         string // the frame line's legend
	rammeShort    string // the frame line's direct label
	prognose      string
	sluttregnskap string
	regnskapAkk   string

	// The portfolio.
	portefoljeTitle string
	avvikAxis       string
	threshold       string // "Varslingsgrense %s"
	overMarker      string // "▲ over ramme"
	overLegend      string
	withinLegend    string

	// Summaries.
	sumOmrade          string // navn, first amount, first year, last amount, last year
	sumOmradeOne       string // navn, amount, year
	sumOmradeRegulert  string // "; reguleringer endret rammen i %d av %d år, mest i %d (%s)."
	sumOmradeUregulert string
	sumWaterfall       string // year, start, end, reguleringer, vedtak
	reguleringer       [2]string
	vedtakN            [2]string
	prosjekterN        [2]string
	sumRammeOkt        string // from, to, vedtak
	sumRammeRedusert   string // from, to, vedtak
	sumRammeEndret     string // vedtak, amount (changed back and forth to where it began)
	sumRammeUendret    string // amount
	sumIngenRamme      string
	sumPrognose        string // amount, when there is no frame to compare with
	sumSlutt           string
	sumPrognoseOver    string // amount, pct
	sumPrognoseUnder   string
	sumPrognoseLik     string
	sumSluttOver       string
	sumSluttUnder      string
	sumSluttLik        string
	sumIngenPrognose   string
	sumBrukt           string // ", og %s er brukt."
	sumIkkeBrukt       string
	sumPortefolje      string // over n, with forecast m, over threshold k, threshold, largest name, pct
	sumPortefoljeIngen string // m
}

var nb = words{
	omradeTitle: "Netto driftsramme per år – %s",
	vedtatt:     "Vedtatt",
	regulert:    "Regulert",

	waterfallTitle: "Reguleringer av netto driftsrammer i %d",
	startBar:       "Vedtatt sum %d",
	endBar:         "Regulert sum %d",
	increase:       "Økning",
	decrease:       "Reduksjon",
	axisNotZero:    "Aksen starter ikke på null.",

	prosjektTitle: "Kostnadsramme, prognose og regnskap – %s",
	ramme:         "Kostnadsramme",
	rammeShort:    "Ramme",
	prognose:      "Prognose",
	sluttregnskap: "Sluttregnskap",
	regnskapAkk:   "Regnskap, akkumulert",

	portefoljeTitle: "Avvik mot justert kostnadsramme per prosjekt",
	avvikAxis:       "Avvik mot justert kostnadsramme (%)",
	threshold:       "Varslingsgrense %s",
	overMarker:      "▲ over ramme",
	overLegend:      "Prognose over rammen",
	withinLegend:    "Innenfor rammen",

	sumOmrade:          "Vedtatt netto driftsramme for %s er %s i %d og %s i %d",
	sumOmradeOne:       "Vedtatt netto driftsramme for %s er %s i %d",
	sumOmradeRegulert:  "; reguleringer endret rammen i %d av %d år, mest i %d (%s).",
	sumOmradeUregulert: "; rammen er ikke regulert.",
	sumWaterfall:       "Sum netto driftsrammer for %d gikk fra %s vedtatt til %s regulert gjennom %s i %s.",
	reguleringer:       [2]string{"regulering", "reguleringer"},
	vedtakN:            [2]string{"vedtak", "vedtak"},
	prosjekterN:        [2]string{"prosjekt", "prosjekter"},
	sumRammeOkt:        "Kostnadsrammen økte fra %s til %s i %s",
	sumRammeRedusert:   "Kostnadsrammen ble redusert fra %s til %s i %s",
	sumRammeEndret:     "Kostnadsrammen ble endret i %s og er %s",
	sumRammeUendret:    "Kostnadsrammen er %s og er ikke endret",
	sumIngenRamme:      "Prosjektet har ingen kostnadsramme ennå",
	sumPrognose:        "; prognosen er %s",
	sumSlutt:           "; sluttregnskapet er %s",
	sumPrognoseOver:    "; prognosen er %s, %s over rammen",
	sumPrognoseUnder:   "; prognosen er %s, %s under rammen",
	sumPrognoseLik:     "; prognosen er %s, lik rammen",
	sumSluttOver:       "; sluttregnskapet er %s, %s over rammen",
	sumSluttUnder:      "; sluttregnskapet er %s, %s under rammen",
	sumSluttLik:        "; sluttregnskapet er %s, lik rammen",
	sumIngenPrognose:   "; det er ikke rapportert noen prognose",
	sumBrukt:           ", og %s er brukt.",
	sumIkkeBrukt:       ", og ingenting er regnskapsført.",
	sumPortefolje:      "%d av %s med prognose ligger over justert kostnadsramme, %d av dem mer enn varslingsgrensen på %s; størst avvik har %s med %s.",
	sumPortefoljeIngen: "Ingen av %s med prognose ligger over justert kostnadsramme.",
}

var nn = words{
	omradeTitle: "Netto driftsramme per år – %s",
	vedtatt:     "Vedteke",
	regulert:    "Regulert",

	waterfallTitle: "Reguleringar av netto driftsrammer i %d",
	startBar:       "Vedteken sum %d",
	endBar:         "Regulert sum %d",
	increase:       "Auke",
	decrease:       "Reduksjon",
	axisNotZero:    "Aksen startar ikkje på null.",

	prosjektTitle: "Kostnadsramme, prognose og rekneskap – %s",
	ramme:         "Kostnadsramme",
	rammeShort:    "Ramme",
	prognose:      "Prognose",
	sluttregnskap: "Sluttrekneskap",
	regnskapAkk:   "Rekneskap, akkumulert",

	portefoljeTitle: "Avvik mot justert kostnadsramme per prosjekt",
	avvikAxis:       "Avvik mot justert kostnadsramme (%)",
	threshold:       "Varslingsgrense %s",
	overMarker:      "▲ over ramma",
	overLegend:      "Prognose over ramma",
	withinLegend:    "Innanfor ramma",

	sumOmrade:          "Vedteken netto driftsramme for %s er %s i %d og %s i %d",
	sumOmradeOne:       "Vedteken netto driftsramme for %s er %s i %d",
	sumOmradeRegulert:  "; reguleringar endra ramma i %d av %d år, mest i %d (%s).",
	sumOmradeUregulert: "; ramma er ikkje regulert.",
	sumWaterfall:       "Sum netto driftsrammer for %d gjekk frå %s vedteke til %s regulert gjennom %s i %s.",
	reguleringer:       [2]string{"regulering", "reguleringar"},
	vedtakN:            [2]string{"vedtak", "vedtak"},
	prosjekterN:        [2]string{"prosjekt", "prosjekt"},
	sumRammeOkt:        "Kostnadsramma auka frå %s til %s i %s",
	sumRammeRedusert:   "Kostnadsramma vart redusert frå %s til %s i %s",
	sumRammeEndret:     "Kostnadsramma vart endra i %s og er %s",
	sumRammeUendret:    "Kostnadsramma er %s og er ikkje endra",
	sumIngenRamme:      "Prosjektet har inga kostnadsramme enno",
	sumPrognose:        "; prognosen er %s",
	sumSlutt:           "; sluttrekneskapen er %s",
	sumPrognoseOver:    "; prognosen er %s, %s over ramma",
	sumPrognoseUnder:   "; prognosen er %s, %s under ramma",
	sumPrognoseLik:     "; prognosen er %s, lik ramma",
	sumSluttOver:       "; sluttrekneskapen er %s, %s over ramma",
	sumSluttUnder:      "; sluttrekneskapen er %s, %s under ramma",
	sumSluttLik:        "; sluttrekneskapen er %s, lik ramma",
	sumIngenPrognose:   "; det er ikkje rapportert nokon prognose",
	sumBrukt:           ", og %s er brukt.",
	sumIkkeBrukt:       ", og ingenting er rekneskapsført.",
	sumPortefolje:      "%d av %s med prognose ligg over justert kostnadsramme, %d av dei meir enn varslingsgrensa på %s; størst avvik har %s med %s.",
	sumPortefoljeIngen: "Ingen av %s med prognose ligg over justert kostnadsramme.",
}

// wordsFor returns the words of a målform: nynorsk for "nn", else bokmål.
func wordsFor(malform string) *words {
	if malform == "nn" {
		return &nn
	}
	return &nb
}

// count writes n with the singular or plural noun: "1 regulering",
// "17 reguleringer".
func count(n int, forms [2]string) string {
	if n == 1 {
		return "1 " + forms[0]
	}
	return formatKr(int64(n)) + " " + forms[1]
}

func itoa(n int) string { return strconv.Itoa(n) }
