package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/model"
)

var (
	update = flag.Bool("update", false, "rewrite the golden files in testdata/")
	dump   = flag.String("dump", "", "write every chart of the example as an SVG file into this directory")
)

// example compiles the bundled example kommune in data/, the same way as
// build.Check followed by compile.Compile.
func example(t testing.TB) *model.Site {
	t.Helper()
	set, diags := load.Load(os.DirFS(filepath.Join("..", "..", "data")), "data")
	check.Check(set, diags)
	if diags.Errors() > 0 {
		var b strings.Builder
		diags.Print(&b)
		t.Fatalf("the example data has problems:\n%s", b.String())
	}
	return compile.Compile(set)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// TestExampleKeys asserts that every chart the example needs is there and
// nothing else.
var sentenceEnd = regexp.MustCompile(`[^0-9]\. \p{Lu}`)

func TestExampleKeys(t *testing.T) {
	site := example(t)
	charts := All(site)
	sums := Summaries(site)
	var want []string
	for _, o := range site.Omrader {
		want = append(want, "omrade/"+o.ID)
		if len(o.Underomrader) > 0 {
			want = append(want, "underomrader/"+o.ID) // the example's underområder have frames
		}
		if len(o.Kostra) > 0 {
			want = append(want, "kostra/"+o.ID) // the example has a KOSTRA table with every area's functions
		}
	}
	for _, p := range site.Prosjekter {
		want = append(want, "prosjekt/"+p.ID)
		if len(p.Prognosehistorikk) > 0 {
			want = append(want, "prognose/"+p.ID)
		}
	}
	want = append(want, "portefolje")
	waterfalls := 0
	for _, o := range site.Okonomiplaner {
		if o.Vedtatt != nil {
			want = append(want, "okonomiplan/"+o.ID+"/rammer") // an adopted plan has frames
		}
		years := map[int]bool{}
		for _, r := range o.Reguleringer {
			years[r.Ar] = true
		}
		for y := range years {
			want = append(want, "okonomiplan/"+o.ID+"/reguleringer/"+itoa(y))
			waterfalls++
		}
	}
	if waterfalls == 0 {
		t.Fatal("the example has no reguleringer to draw")
	}
	slices.Sort(want)
	if got := sortedKeys(charts); !slices.Equal(got, want) {
		t.Errorf("keys:\n got %q\nwant %q", got, want)
	}
	if got := sortedKeys(sums); !slices.Equal(got, want) {
		t.Errorf("summary keys:\n got %q\nwant %q", got, want)
	}
	for k, s := range sums {
		// A full stop inside a sentence follows an ordinal ("2. tertialrapport")
		// or an abbreviation ("mill. kr"); one before a capital letter ends it.
		if s == "" || !strings.HasSuffix(s, ".") || sentenceEnd.MatchString(s) {
			t.Errorf("%s: summary %q is not one sentence", k, s)
		}
		if strings.Contains(s, "%!") {
			t.Errorf("%s: summary %q has a formatting mistake", k, s)
		}
	}
	if *dump != "" {
		os.MkdirAll(*dump, 0o755)
		for k, s := range charts {
			os.WriteFile(filepath.Join(*dump, slug(k)+".svg"), []byte(s), 0o644)
		}
		for k, s := range Narrow(site) {
			os.WriteFile(filepath.Join(*dump, slug(k)+"-smal.svg"), []byte(s), 0o644)
		}
	}
}

// svgInfo is what checkSVG learns from one chart.
type svgInfo struct {
	ids   []string
	texts []string // character data of every <text>, in order
}

// checkSVG parses s as XML and checks the root, its accessible name and
// that every url(#id) reference resolves inside it.
func checkSVG(t *testing.T, key, s string) svgInfo {
	t.Helper()
	var info svgInfo
	d := xml.NewDecoder(strings.NewReader(s))
	depth, roots := 0, 0
	var labelledBy string
	var refs []string
	var inText int
	var text strings.Builder
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Errorf("%s: not well-formed XML: %v", key, err)
			return info
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			attrs := map[string]string{}
			for _, at := range tok.Attr {
				attrs[at.Name.Local] = at.Value
				if strings.HasPrefix(at.Value, "url(#") {
					refs = append(refs, strings.TrimSuffix(strings.TrimPrefix(at.Value, "url(#"), ")"))
				}
			}
			if id, ok := attrs["id"]; ok {
				info.ids = append(info.ids, id)
			}
			if depth == 0 {
				roots++
				if tok.Name.Local != "svg" || tok.Name.Space != "http://www.w3.org/2000/svg" {
					t.Errorf("%s: root is %v", key, tok.Name)
				}
				if attrs["role"] != "img" {
					t.Errorf("%s: role=%q", key, attrs["role"])
				}
				if attrs["width"] != "100%" || attrs["height"] != "" || attrs["viewBox"] == "" {
					t.Errorf("%s: width=%q height=%q viewBox=%q", key, attrs["width"], attrs["height"], attrs["viewBox"])
				}
				labelledBy = attrs["aria-labelledby"]
				if v, err := strconv.ParseFloat(attrs["font-size"], 64); err != nil || v < 12 {
					t.Errorf("%s: root font-size %q", key, attrs["font-size"])
				}
			}
			if tok.Name.Local == "text" {
				inText++
				text.Reset()
				if fs, ok := attrs["font-size"]; ok {
					if v, err := strconv.ParseFloat(fs, 64); err != nil || v < 12 {
						t.Errorf("%s: font-size %q is under 12 at the viewBox width", key, fs)
					}
				}
			}
			if tok.Name.Local == "title" && inText > 0 {
				inText++ // a truncated label's full text: not shown
			}
			depth++
		case xml.EndElement:
			depth--
			if tok.Name.Local == "title" && inText > 1 {
				inText--
			} else if tok.Name.Local == "text" {
				inText--
				info.texts = append(info.texts, text.String())
			}
		case xml.CharData:
			if inText == 1 {
				text.Write(tok)
			}
		}
	}
	if roots != 1 {
		t.Errorf("%s: %d root elements", key, roots)
	}
	if labelledBy == "" || !slices.Contains(info.ids, labelledBy) {
		t.Errorf("%s: aria-labelledby=%q does not resolve (ids %q)", key, labelledBy, info.ids)
	} else if !strings.Contains(s, `<title id="`+labelledBy+`">`) {
		t.Errorf("%s: aria-labelledby=%q is not the <title>", key, labelledBy)
	}
	for _, r := range refs {
		if !slices.Contains(info.ids, r) {
			t.Errorf("%s: url(#%s) does not resolve", key, r)
		}
	}
	return info
}

// TestExampleSVG checks every chart of the example: well-formed, labelled,
// ids unique across all charts, nothing coloured by hand but greys.
func TestExampleSVG(t *testing.T) {
	site := example(t)
	charts := All(site)
	owner := map[string]string{}
	for _, k := range sortedKeys(charts) {
		s := charts[k]
		info := checkSVG(t, k, s)
		forwardLines(t, k, s)
		for _, id := range info.ids {
			if o, ok := owner[id]; ok {
				t.Errorf("id %q is in both %s and %s", id, o, k)
			}
			owner[id] = k
			if !strings.HasPrefix(id, "chart-"+slug(k)+"-") {
				t.Errorf("%s: id %q is not derived from the key", k, id)
			}
		}
		if strings.Contains(s, `="#`) || strings.Contains(s, "rgb(") {
			t.Errorf("%s: a colour is written in hex; use classes and currentColor", k)
		}
		if strings.Contains(s, "NaN") || strings.Contains(s, "Inf") {
			t.Errorf("%s: a coordinate is not a number", k)
		}
	}
}

// TestPortfolioMarksOverruns asserts that every overrun in the example is
// marked by text and hatching in the portfolio, and nothing else is.
func TestPortfolioMarksOverruns(t *testing.T) {
	site := example(t)
	s := All(site)["portefolje"]
	rows := strings.Split(s, `<g class="chart-row`)[1:]
	over := 0
	var withForecast []*model.Prosjekt
	for _, p := range site.Prosjekter {
		if p.AvvikJustertPct != nil {
			withForecast = append(withForecast, p)
		}
		if p.OverRamme {
			over++
		}
	}
	if over < 3 {
		t.Fatalf("the example has %d overruns, want at least 3", over)
	}
	if len(rows) != len(withForecast) {
		t.Fatalf("%d rows for %d projects with a forecast", len(rows), len(withForecast))
	}
	marked := 0
	prev := 1e9
	for _, row := range rows {
		row = row[:strings.Index(row, "</g>")]
		var p *model.Prosjekt
		for _, q := range withForecast {
			if strings.Contains(row, ">"+esc(truncate(q.Navn, charsFor(226, fontSize)))+"</text>") {
				p = q
			}
		}
		if p == nil {
			t.Fatalf("row names no project: %s", row)
		}
		if v := p.AvvikJustertPct.Verdi; v > prev {
			t.Errorf("%s (%v) comes after a smaller deviation %v", p.ID, v, prev)
		} else {
			prev = v
		}
		if !strings.Contains(row, ">"+formatPct(p.AvvikJustertPct.Verdi)+"</text>") {
			t.Errorf("%s: row lacks its value %s", p.ID, formatPct(p.AvvikJustertPct.Verdi))
		}
		hasMarker := strings.Contains(row, "▲ over ramme")
		hasHatch := strings.Contains(row, `fill="url(#chart-portefolje-hatch)"`)
		if hasMarker != p.OverRamme || hasHatch != p.OverRamme && p.AvvikJustertPct.Verdi != 0 {
			t.Errorf("%s: over_ramme=%v but text marker %v, hatching %v", p.ID, p.OverRamme, hasMarker, hasHatch)
		}
		if hasMarker {
			marked++
		}
	}
	if marked != over {
		t.Errorf("%d rows marked over the frame, want %d", marked, over)
	}
}

// TestDeterministic compiles and draws the example twice.
func TestDeterministic(t *testing.T) {
	a, b := All(example(t)), All(example(t))
	for _, k := range sortedKeys(a) {
		if a[k] != b[k] {
			t.Errorf("%s differs between two runs", k)
		}
	}
	if !slices.Equal(sortedKeys(a), sortedKeys(b)) {
		t.Error("the keys differ between two runs")
	}
	sa, sb := Summaries(example(t)), Summaries(example(t))
	for k := range sa {
		if sa[k] != sb[k] {
			t.Errorf("summary %s differs between two runs", k)
		}
	}
}

// TestGolden compares a few charts and every summary with the files in
// testdata/; run with -update to rewrite them and review the diff.
func TestGolden(t *testing.T) {
	site := example(t)
	charts := All(site)
	for _, k := range []string{"prosjekt/nordbyen-skole", "okonomiplan/2025-2028/reguleringer/2025", "portefolje", "omrade/oppvekst", "underomrader/helse-og-omsorg", "okonomiplan/2026-2029/rammer"} {
		golden(t, filepath.Join("testdata", slug(k)+".svg"), []byte(charts[k]))
	}
	// The phone's drawing of a chart whose layout differs most from the wide one.
	golden(t, filepath.Join("testdata", "underomrader-helse-og-omsorg-smal.svg"), []byte(Narrow(site)["underomrader/helse-og-omsorg"]))
	var b bytes.Buffer
	sums := Summaries(site)
	for _, k := range sortedKeys(sums) {
		b.WriteString(k + "\n\t" + sums[k] + "\n")
	}
	golden(t, filepath.Join("testdata", "summaries.txt"), b.Bytes())
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./tools/chart -update)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Errorf("%s differs at line %d (run go test ./tools/chart -update and review):\n got %s\nwant %s", path, i+1, g, w)
				break
			}
		}
	}
}
