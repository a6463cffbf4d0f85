package einnsyn

import (
	"os"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/caldate"
)

func read(t *testing.T, name string) *Export {
	t.Helper()
	src, err := os.ReadFile("../../testdata/einnsyn/" + name)
	if err != nil {
		t.Fatal(err)
	}
	ex, d := Read(name, src)
	if d.Len() > 0 {
		var b strings.Builder
		d.Print(&b)
		t.Fatalf("diagnostics:\n%s", b.String())
	}
	return ex
}

// TestFixtures reads the published-format fixtures into the møtesaker
// they describe.
func TestFixtures(t *testing.T) {
	type row struct {
		utvalg, dato, saksnr, arkivsak, tittel, vedtakStart string
	}
	for _, tc := range []struct {
		file, format string
		want         []row
	}{{
		file: "kst-2026-09-17.jsonld", format: "JSON-LD",
		want: []row{
			{"KST", "2026-09-17", "068/26", "23/1760", "Sørvika avløpsrenseanlegg – orientering om kostnadsøkning", "Prognosen for Sørvika"},
			{"KST", "2026-09-17", "069/26", "26/1301", "Kommunal planstrategi 2027–2030 – oppstart og planprogram", "Kommunestyret vedtar å starte arbeidet med kommunal planstrategi 2027–2030.\n\n1. Forslag til planprogram legges ut til offentlig ettersyn i seks uker.\n2. Formannskapet"},
			{"KST", "2026-09-17", "071/26", "", "Referatsaker 17.09.2026", ""},
		},
	}, {
		file: "fsk-2026-10-15.xml", format: "Noark 5 XML",
		want: []row{
			{"Formannskapet", "2026-10-15", "045/26", "26/702", "Tilskudd til lag og foreninger 2027 – retningslinjer", "Formannskapet vedtar retningslinjer for tilskudd til lag og foreninger 2027 slik de er lagt fram.\n\nSøknadsfristen"},
			{"Formannskapet", "2026-10-15", "046/26", "", "Salg av kommunal tomt, gnr. 12 bnr. 345", "1. Formannskapet godkjenner salg av tomten gnr. 12 bnr. 345 til høystbydende for 2 150 000 kr.\n2. Kommunedirektøren"},
			{"Formannskapet", "2026-10-15", "047/26", "", "Orientering om sykefravær 2. kvartal", ""},
			{"Eldrerådet", "2026-10-13", "012/26", "", "Uttalelse til budsjett 2027", "Eldrerådet ber om"},
		},
	}} {
		t.Run(tc.file, func(t *testing.T) {
			ex := read(t, tc.file)
			if ex.Format != tc.format {
				t.Errorf("format %q, want %q", ex.Format, tc.format)
			}
			if len(ex.Saker) != len(tc.want) {
				t.Fatalf("%d møtesaker, want %d: %+v", len(ex.Saker), len(tc.want), ex.Saker)
			}
			for i, w := range tc.want {
				m := ex.Saker[i]
				got := row{m.Utvalg, m.Motedato.String(), m.Saksnummer(), m.Arkivsak, m.Tittel, m.Vedtak}
				if w.vedtakStart == "" && m.Vedtak != "" || !strings.HasPrefix(m.Vedtak, w.vedtakStart) {
					t.Errorf("sak %d vedtak %q, want it to start %q", i, m.Vedtak, w.vedtakStart)
				}
				got.vedtakStart = w.vedtakStart
				if got != w {
					t.Errorf("sak %d\n got %+v\nwant %+v", i, got, w)
				}
			}
		})
	}
}

// TestExpandedJSONLD reads the expanded form (full IRIs, every value in a
// list of value objects) as eInnsyn's example files write it.
func TestExpandedJSONLD(t *testing.T) {
	const A = "http://www.arkivverket.no/standarder/noark5/arkivstruktur/"
	src := `[
 {"@id": "http://x/m", "@type": ["` + A + `Moetemappe"],
  "` + A + `utvalg": [{"@value": "KST"}],
  "` + A + `moetedato": [{"@type": "http://www.w3.org/2001/XMLSchema#dateTime", "@value": "2026-03-04T22:30:00Z"}]},
 {"@id": "http://x/s", "@type": ["` + A + `Møtesaksregistrering"],
  "` + A + `parent": [{"@id": "http://x/m"}],
  "` + A + `møtesaksår": [{"@value": "2026"}],
  "` + A + `møtesakssekvensnummer": [{"@value": 7}],
  "` + A + `offentligTittel": [{"@value": "Sak  med\n mellomrom"}],
  "` + A + `merknad": [{"` + A + `merknadstype": [{"@value": "Vedtak"}], "` + A + `merknadstekst": [{"@value": "Vedtatt.\r\n"}]}]}
]`
	ex, d := Read("x.json", []byte(src))
	if d.Len() > 0 {
		t.Fatalf("diagnostics: %v", d.Sorted())
	}
	m := ex.Saker[0]
	// 22:30 UTC on 4 March is 23:30 in Norway: still the 4th; the title's
	// blanks are made single.
	if m.Motedato != caldate.New(2026, 3, 4) || m.Saksnummer() != "007/26" || m.Tittel != "Sak med mellomrom" || m.Vedtak != "Vedtatt." {
		t.Errorf("got %+v", m)
	}
}

// TestBad: every problem of a bad file is reported at its line and
// column, with what to do, and no export is returned.
func TestBad(t *testing.T) {
	const ctx = `"@context": {"arkiv": "http://www.arkivverket.no/standarder/noark5/arkivstruktur/"}`
	for _, tc := range []struct {
		name, src string
		want      []string
	}{{
		name: "a møtesak without saksnummer, and one without møte",
		src: `{` + ctx + `, "@graph": [
 {"@id": "m", "@type": "arkiv:Moetemappe", "arkiv:utvalg": "KST", "arkiv:moetedato": "2026-03-05"},
 {"@id": "s1", "@type": "arkiv:Møtesaksregistrering", "arkiv:parent": {"@id": "m"}, "arkiv:offentligTittel": "A"},
 {"@id": "s2", "@type": "arkiv:Møtesaksregistrering", "arkiv:parent": {"@id": "nowhere"}, "arkiv:møtesaksår": 2026, "arkiv:møtesakssekvensnummer": "x", "arkiv:offentligTittel": "B"}
]}`,
		want: []string{
			"f:3:2: error: a møtesak without saksnummer (møtesaksår and møtesakssekvensnummer): export the møtesak with its number in the utvalg, e.g. 68 in 2026 for sak 068/26",
			"f:4:2: error: a møtesak whose møte is not in the file (no enclosing or referenced Moetemappe): export the møte with its møtesaker",
			`f:4:148: error: moetesakssekvensnummer "x" is not a whole number from 1 to 99999: correct it in the sak/arkiv system and export again`,
		},
	}, {
		name: "not JSON",
		src:  "{\n  \"@graph\": [\n    {\"a\": 1,}\n  ]\n}",
		want: []string{`f:3:13: error: not valid JSON: invalid character '}' looking for beginning of object key string: export the file again, or fix it at this place`},
	}, {
		name: "cut off",
		src:  "{\"@graph\": [\n",
		want: []string{"f:2:1: error: the JSON document ends too early (a missing } or ]): the file may be cut off; export it again"},
	}, {
		name: "a context by address",
		src:  `{"@context": "https://example.org/ctx.jsonld", "@graph": []}`,
		want: []string{`f:1:14: error: the @context "https://example.org/ctx.jsonld" is given by address, which is not fetched: write the context in the file, e.g. "@context": {"arkiv": "http://www.arkivverket.no/standarder/noark5/arkivstruktur/"}`},
	}, {
		name: "hidden characters, a screened title and a bad date",
		src: `{` + ctx + `, "@graph": [
 {"@id": "m", "@type": "arkiv:Moetemappe", "arkiv:utvalg": "KST", "arkiv:moetedato": "05.03.2026"},
 {"@id": "s1", "@type": "arkiv:Møtesaksregistrering", "arkiv:parent": {"@id": "m"}, "arkiv:møtesaksår": 2026, "arkiv:møtesakssekvensnummer": 1,
  "arkiv:offentligTittel": "Bad\u202etitle", "arkiv:merknad": {"arkiv:merknadstype": "Vedtak", "arkiv:merknadstekst": "ok\u0007"}},
 {"@id": "s2", "@type": "arkiv:Møtesaksregistrering", "arkiv:parent": {"@id": "m"}, "arkiv:møtesaksår": 2026, "arkiv:møtesakssekvensnummer": 2,
  "arkiv:tittel": "Navn Navnesen", "arkiv:skjerming": {"@id": "skj"}}
]}`,
		want: []string{
			`f:2:86: error: moetedato "05.03.2026" is not a date (2026-09-17 or 2026-09-17T18:00:00+02:00): correct it and export again`,
			"f:4:28: error: the title: the text has the invisible character U+202E (a bidirectional override) at character 4 (written as an escape such as \\u202e, or pasted with the text): delete it",
			"f:4:119: error: the vedtak text: the text has the invisible character U+0007 (BEL) at character 3 (written as an escape such as \\u0007, or pasted with the text): delete it",
			"f:5:2: error: a screened møtesak (skjerming) without offentligTittel: its tittel may not be published; export the offentlig tittel",
		},
	}, {
		name: "XML: a møtesak without saksnummer, a møte without utvalg",
		src: `<?xml version="1.0" encoding="utf-8"?>
<arkiv xmlns="http://www.arkivverket.no/standarder/noark5/arkivstruktur" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <mappe xsi:type="moetemappe">
    <systemID>m</systemID>
    <registrering xsi:type="moetesaksregistrering">
      <systemID>s</systemID>
      <offentligTittel>A</offentligTittel>
    </registrering>
    <moetedato>2026-03-05</moetedato>
  </mappe>
</arkiv>`,
		want: []string{
			"f:3:3: error: a møte without utvalg: give the utvalg's code or name in <utvalg> / arkiv:utvalg",
			"f:5:5: error: a møtesak without saksnummer (møtesaksår and møtesakssekvensnummer): export the møtesak with its number in the utvalg, e.g. 68 in 2026 for sak 068/26",
		},
	}, {
		name: "XML not well-formed",
		src:  "<arkiv xmlns=\"http://www.arkivverket.no/standarder/noark5/arkivstruktur\">\n  <mappe>\n  </mape>\n</arkiv>",
		want: []string{"f:3:10: error: not well-formed XML: XML syntax error on line 3: element <mappe> closed by </mape>: export the file again, or fix it at this place"},
	}, {
		name: "XML with a DOCTYPE",
		src:  "<?xml version=\"1.0\"?>\n<!DOCTYPE arkiv [<!ENTITY x \"y\">]>\n<arkiv/>",
		want: []string{"f:2:1: error: a <!DOCTYPE> or other declaration: a Noark 5 export has none; remove it"},
	}, {
		name: "XML of another kind",
		src:  "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
		want: []string{`f:1:1: error: the root element is <svg> in namespace "http://www.w3.org/2000/svg"; a Noark 5 export is <arkiv xmlns="http://www.arkivverket.no/standarder/noark5/arkivstruktur">: export the møter as Noark 5 arkivstruktur`},
	}, {
		name: "XML not in UTF-8",
		src:  "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<arkiv/>",
		want: []string{"f:1:44: error: the file is in ISO-8859-1, not UTF-8: export it from the sak/arkiv system as UTF-8"},
	}, {
		name: "JSON not in UTF-8",
		src:  "{\"@graph\": [\n {\"a\": \"bl\xe5\"}]}",
		want: []string{"f:2:11: error: the file is not UTF-8 text (a byte that is not UTF-8 here): export it from the sak/arkiv system as UTF-8"},
	}, {
		name: "neither",
		src:  "utvalg;dato\n",
		want: []string{"f:1:1: error: not an eInnsyn export: the file is neither JSON-LD (starting with { or [) nor Noark 5 XML (starting with <): export the møter from eInnsyn or the sak/arkiv system as JSON-LD or Noark 5 XML"},
	}, {
		name: "no møtesaker",
		src:  `{"@graph": []}`,
		want: []string{"f:1:1: error: the file has no møtesaker (Møtesaksregistrering): export the møter with their saker"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			ex, d := Read("f", []byte(tc.src))
			var got []string
			for _, x := range d.Sorted() {
				got = append(got, x.String())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if ex != nil {
				t.Errorf("an export was returned despite errors")
			}
		})
	}
}
