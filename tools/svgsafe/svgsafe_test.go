package svgsafe

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/hostile.golden and testdata/golden/*.svg")

func format(name string, problems []Problem) string {
	var b strings.Builder
	for _, p := range problems {
		fmt.Fprintf(&b, "%s:%d:%d: %s\n", name, p.Line, p.Col, p.Msg)
	}
	return b.String()
}

// TestHostile runs the corpus of hostile SVGs: each must be refused, with
// the problems (and their positions) in testdata/hostile.golden. Run with
// -update to rewrite it, then review it.
func TestHostile(t *testing.T) {
	files, _ := filepath.Glob("testdata/hostile/*.svg")
	if len(files) < 30 {
		t.Fatalf("only %d hostile SVGs", len(files))
	}
	var all strings.Builder
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out, problems := Clean(src)
		name := filepath.Base(f)
		if len(problems) == 0 || out != nil {
			t.Errorf("%s was accepted:\n%s", name, out)
		}
		all.WriteString(format(name, problems))
	}
	checkGolden(t, "testdata/hostile.golden", []byte(all.String()))
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (re-run with -update and review):\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

// TestGood runs the corpus of legitimate logos (and the example's logo):
// each is accepted; its canonical output is the golden file, is stable
// (cleaning it again gives the same bytes) and has the same elements,
// attributes, style declarations and text as the input.
func TestGood(t *testing.T) {
	files, _ := filepath.Glob("testdata/good/*.svg")
	files = append(files, "../../data/logo.svg")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out, problems := Clean(src)
			if len(problems) > 0 {
				t.Fatalf("refused:\n%s", format(f, problems))
			}
			golden := filepath.Join("testdata/golden", filepath.Base(f))
			if f == "../../data/logo.svg" {
				golden = f // already canonical
			}
			checkGolden(t, golden, out)
			again, problems := Clean(out)
			if len(problems) > 0 || !bytes.Equal(again, out) {
				t.Errorf("cleaning the output again gives %q\n%s", again, format("out", problems))
			}
			want, got := drawn(t, src), drawn(t, out)
			if !slices.Equal(want, got) {
				t.Errorf("the output draws something else:\ninput:\n%s\noutput:\n%s", strings.Join(want, "\n"), strings.Join(got, "\n"))
			}
		})
	}
}

// drawn lists what an SVG draws, as read by encoding/xml's namespace-aware
// Token: each SVG element with its attributes (the style attribute split
// into declarations, xlink:href as href) sorted, and the text of text
// elements. Namespace declarations, comments, and white space between
// elements are left out: they draw nothing.
func drawn(t *testing.T, src []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(bytes.TrimPrefix(src, []byte("\uFEFF"))))
	var out []string
	var stack []string
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Space != svgNS {
				t.Fatalf("element %v is not SVG", tok.Name)
			}
			var attrs []string
			for _, a := range tok.Attr {
				switch {
				case a.Name.Space == "xmlns" || a.Name.Local == "xmlns" && a.Name.Space == "":
				case a.Name.Local == "style":
					for _, decl := range strings.Split(a.Value, ";") {
						if p, v, ok := strings.Cut(decl, ":"); ok {
							attrs = append(attrs, strings.TrimSpace(p)+"="+strings.TrimSpace(v))
						}
					}
				case a.Name.Space == xlinkNS || a.Name.Space == "":
					attrs = append(attrs, a.Name.Local+"="+strings.Join(strings.Fields(a.Value), " "))
				default:
					attrs = append(attrs, a.Name.Space+" "+a.Name.Local+"="+a.Value)
				}
			}
			slices.Sort(attrs)
			out = append(out, "<"+tok.Name.Local+" "+strings.Join(attrs, " "))
			stack = append(stack, tok.Name.Local)
		case xml.EndElement:
			out = append(out, "</"+tok.Name.Local)
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 && slices.Contains([]string{"title", "desc", "text", "tspan"}, stack[len(stack)-1]) {
				out = append(out, "text "+string(tok))
			}
		}
	}
}

// TestPosition shows that a problem points at the element or attribute,
// counting characters (not bytes) in the column.
func TestPosition(t *testing.T) {
	src := "<svg xmlns=\"http://www.w3.org/2000/svg\">\n" +
		"  <title>Ærø</title><g>\n" +
		"    <path d=\"M0 0\"/><g xmlns=\"http://www.w3.org/1999/xhtml\"/>\n" +
		"  <text>Å</text><rect width=\"1\"\n" +
		"     fill=\"url(https://x/)\"/></g>\n" +
		"</svg>\n"
	_, problems := Clean([]byte(src))
	var got []string
	for _, p := range problems {
		got = append(got, fmt.Sprintf("%d:%d", p.Line, p.Col))
	}
	want := []string{"3:24", "3:21", "5:6"} // the xmlns attribute, its element, the fill
	if !slices.Equal(got, want) {
		t.Errorf("positions %v, want %v\n%s", got, want, format("in", problems))
	}
}

// TestManyProblems shows that all problems of a file are reported, up to
// MaxProblems and a count of the rest.
func TestManyProblems(t *testing.T) {
	src := "<svg xmlns=\"http://www.w3.org/2000/svg\">" + strings.Repeat("<rect onclick=\"x\"/>", 30) + "</svg>"
	_, problems := Clean([]byte(src))
	if len(problems) != MaxProblems+1 || !strings.Contains(problems[MaxProblems].Msg, "10 more") {
		t.Errorf("got %d problems, last %v", len(problems), problems[len(problems)-1])
	}
}

// FuzzClean checks the guarantees on any input: what is accepted cleans to
// itself again, and holds no element or attribute outside the allow-list.
func FuzzClean(f *testing.F) {
	for _, dir := range []string{"testdata/good", "testdata/hostile"} {
		files, _ := filepath.Glob(dir + "/*.svg")
		for _, file := range files {
			b, _ := os.ReadFile(file)
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		out, problems := Clean(src)
		if len(problems) > 0 {
			return
		}
		again, problems := Clean(out)
		if len(problems) > 0 || !bytes.Equal(again, out) {
			t.Fatalf("output %q cleans to %q %v", out, again, problems)
		}
		d := xml.NewDecoder(bytes.NewReader(out))
		for {
			tok, err := d.Token()
			if err != nil {
				break
			}
			if se, ok := tok.(xml.StartElement); ok {
				if _, ok := elements[se.Name.Local]; !ok || se.Name.Space != svgNS {
					t.Fatalf("output has <%v>", se.Name)
				}
			}
		}
	})
}

// BenchmarkWorst cleans a file of the largest size a logo may have that is
// full of problems.
func BenchmarkWorst(b *testing.B) {
	src := []byte("<svg xmlns=\"http://www.w3.org/2000/svg\">\n" + strings.Repeat("<rect onclick=\"x\"/>\n", 256<<10/20) + "</svg>")
	for b.Loop() {
		Clean(src)
	}
}

// BenchmarkLogo cleans the example's logo.
func BenchmarkLogo(b *testing.B) {
	src, err := os.ReadFile("testdata/good/coat-of-arms.svg")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		Clean(src)
	}
}
