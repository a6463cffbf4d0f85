package einnsyn

import (
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // meeting times are turned into dates in Norway on any machine

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/load"
)

// The Noark 5 names the rules below read, normalised by norm.
const (
	tMoetemappe  = "moetemappe"
	tMoetesak    = "moetesaksregistrering"
	tSaksmappe   = "saksmappe"
	tVedtak      = "vedtak"
	pParent      = "parent"
	pUtvalg      = "utvalg"
	pMoetedato   = "moetedato"
	pAar         = "moetesaksaar"
	pNr          = "moetesakssekvensnummer"
	pOffTittel   = "offentligtittel"
	pTittel      = "tittel"
	pSkjerming   = "skjerming"
	pSaksaar     = "saksaar"
	pSakssekvens = "sakssekvensnummer"
	pType        = "moetesakstype"
	pMerknad     = "merknad"
)

var oslo = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Oslo")
	if err != nil {
		panic(err) // time/tzdata is linked in
	}
	return loc
}()

// extract takes the møtesaker from the graph.
func (r *reader) extract(ex *Export) {
	for _, n := range r.g.nodes {
		if n.is(tMoetesak) || n.is("moetesak") {
			if m, ok := r.moetesak(n); ok {
				ex.Saker = append(ex.Saker, m)
			}
		}
	}
	if len(ex.Saker) == 0 && r.diags.Errors() == 0 {
		r.errorf(Pos{1, 1}, "the file has no møtesaker (Møtesaksregistrering): export the møter with their saker")
	}
}

// moetesak reads one møtesak and its møte; every problem is reported.
func (r *reader) moetesak(n *node) (Moetesak, bool) {
	errs := r.diags.Errors()
	m := Moetesak{At: n.at, SystemID: n.id}
	mote := r.moteOf(n)
	if mote == nil {
		r.errorf(n.at, "a møtesak whose møte is not in the file (no enclosing or referenced Moetemappe): export the møte with its møtesaker")
	} else {
		m.MoteAt = mote.at
		m.Utvalg, _ = r.single(mote, pUtvalg)
		if m.Utvalg == "" {
			m.Utvalg, _ = r.single(n, pUtvalg)
		}
		if m.Utvalg == "" {
			r.errorf(mote.at, "a møte without utvalg: give the utvalg's code or name in <utvalg> / arkiv:utvalg")
		} else if p := load.TextProblem(m.Utvalg, false); p != "" {
			r.errorf(mote.at, "utvalg: %s", p)
		}
		m.Motedato = r.date(mote, pMoetedato, "a møte without møtedato: give the date of the meeting in <moetedato> / arkiv:moetedato")
	}
	aar, aarAt, hasAar := r.integer(n, pAar, 1900, 2200)
	nr, nrAt, hasNr := r.integer(n, pNr, 1, 99999)
	switch {
	case !hasAar && !hasNr:
		r.errorf(n.at, "a møtesak without saksnummer (møtesaksår and møtesakssekvensnummer): export the møtesak with its number in the utvalg, e.g. 68 in 2026 for sak 068/26")
	case !hasAar:
		r.errorf(n.at, "a møtesak without møtesaksår: give the year of its saksnummer")
	case !hasNr:
		r.errorf(n.at, "a møtesak without møtesakssekvensnummer: give its number in the utvalg's year")
	}
	_, _ = aarAt, nrAt
	m.Aar, m.Nr = aar, nr
	if !m.Motedato.IsZero() && aar != 0 && (aar < m.Motedato.Y-1 || aar > m.Motedato.Y) {
		r.errorf(aarAt, "the møtesaksår %d does not fit the meeting on %s: a sak is numbered in the year of its meeting", aar, m.Motedato)
	}
	m.Tittel = r.title(n)
	m.Type, _ = r.single(n, pType)
	m.Vedtak = r.vedtak(n)
	m.Arkivsak, m.Saksaar, m.Sekvens = r.arkivsak(n)
	return m, r.diags.Errors() == errs
}

// moteOf is the møtemappe a møtesak belongs to: the element it is written
// in (XML), or the one its parent (or moetemappe) property names.
func (r *reader) moteOf(n *node) *node {
	if n.parent != nil && n.parent.is(tMoetemappe) {
		return n.parent
	}
	for _, p := range []string{pParent, tMoetemappe} {
		for _, v := range n.props[p] {
			if v.node != nil && v.node.is(tMoetemappe) {
				return v.node
			}
			if t := r.g.byID[v.text()]; t != nil && t.is(tMoetemappe) {
				return t
			}
		}
	}
	return nil
}

// single is the one value of a property; values that disagree are an
// error.
func (r *reader) single(n *node, prop string) (string, Pos) {
	vs := n.props[prop]
	if len(vs) == 0 {
		return "", n.at
	}
	for _, v := range vs[1:] {
		if v.text() != vs[0].text() {
			r.errorf(v.at, "%s is given twice with different values (%q and %q): give it once", prop, vs[0].text(), v.text())
		}
	}
	return strings.TrimSpace(vs[0].text()), vs[0].at
}

// integer reads a whole-number property within [lo, hi].
func (r *reader) integer(n *node, prop string, lo, hi int) (int, Pos, bool) {
	s, at := r.single(n, prop)
	if s == "" {
		return 0, at, false
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < lo || v > hi {
		r.errorf(at, "%s %q is not a whole number from %d to %d: correct it in the sak/arkiv system and export again", prop, s, lo, hi)
		return 0, at, true
	}
	return v, at, true
}

// date reads a date or date-time as the date in Norway.
func (r *reader) date(n *node, prop, missing string) caldate.Date {
	s, at := r.single(n, prop)
	if s == "" {
		r.errorf(n.at, "%s", missing)
		return caldate.Date{}
	}
	var d caldate.Date
	if strings.Contains(s, "T") {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t, err = time.ParseInLocation("2006-01-02T15:04:05", s, oslo)
		}
		if err == nil {
			t = t.In(oslo)
			d = caldate.New(t.Year(), t.Month(), t.Day())
		}
	} else if len(s) >= 10 {
		d, _ = caldate.Parse(s[:10])
	}
	if d.IsZero() || d.Y < 1900 || d.Y > 2200 {
		r.errorf(at, "%s %q is not a date (2026-09-17 or 2026-09-17T18:00:00+02:00): correct it and export again", prop, s)
		return caldate.Date{}
	}
	return d
}

// title is the public title: offentligTittel, or tittel where nothing in
// the registration is screened (skjerming).
func (r *reader) title(n *node) string {
	t, at := r.single(n, pOffTittel)
	if t == "" {
		if len(n.props[pSkjerming]) > 0 {
			r.errorf(n.at, "a screened møtesak (skjerming) without offentligTittel: its tittel may not be published; export the offentlig tittel")
			return ""
		}
		t, at = r.single(n, pTittel)
	}
	if t == "" {
		r.errorf(n.at, "a møtesak without title: give offentligTittel")
		return ""
	}
	t = strings.Join(strings.Fields(t), " ")
	if p := load.TextProblem(t, false); p != "" {
		r.errorf(at, "the title: %s", p)
	}
	return t
}

// arkivsak is the case file's number "25/1301" from the saksmappe the
// møtesak refers to (referanseTilMøtesak to a journalpost in it, or to the
// saksmappe itself), or "" when the file does not hold it.
func (r *reader) arkivsak(n *node) (string, int, int) {
	for _, p := range []string{"referansetilmoetesak", "referansetilsak", "saksmappe"} {
		for _, v := range n.props[p] {
			t := v.node
			if t == nil {
				t = r.g.byID[v.text()]
			}
			if sm := r.saksmappeOf(t); sm != nil {
				aar, at, ok1 := r.integer(sm, pSaksaar, 1900, 2200)
				seq, _, ok2 := r.integer(sm, pSakssekvens, 1, 9999999)
				if !ok1 || !ok2 || aar == 0 || seq == 0 {
					r.warnf(at, "the saksmappe has no valid saksår and sakssekvensnummer: arkivsak is left out")
					return "", 0, 0
				}
				return strconv.Itoa(aar%100) + "/" + strconv.Itoa(seq), aar, seq
			}
		}
	}
	return "", 0, 0
}

func (r *reader) saksmappeOf(t *node) *node {
	for range 3 {
		if t == nil || t.is(tSaksmappe) {
			return t
		}
		next := t.parent
		if next == nil {
			for _, v := range t.props[pParent] {
				next = v.node
				if next == nil {
					next = r.g.byID[v.text()]
				}
			}
		}
		t = next
	}
	return nil
}
