package build_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/openkommune/portal/tools/hostile"
	"github.com/openkommune/portal/tools/search"
	"github.com/openkommune/portal/tools/searchindex"
)

// badScheme is a link to script or to a document made up in the link.
var badScheme = regexp.MustCompile(`(?i)^\s*(javascript|vbscript|data)\s*:`)

// injectedMarkup returns the first element or attribute in an HTML page
// that the site's templates never write and the payload would: a script
// that is not one of the site's own files or JSON data, an event handler,
// an embedded document, or a link to javascript:, vbscript: or data:.
func injectedMarkup(page, prefix string) string {
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			attrs := map[string]string{}
			for _, a := range tok.Attr {
				attrs[a.Key] = a.Val
				if strings.HasPrefix(a.Key, "on") {
					return tok.String()
				}
				switch a.Key {
				case "href", "src", "action", "formaction", "xlink:href":
					v := strings.Map(func(r rune) rune {
						if r <= ' ' {
							return -1
						}
						return r
					}, a.Val)
					if badScheme.MatchString(v) {
						return tok.String()
					}
				}
			}
			switch tok.Data {
			case "script":
				if !strings.HasPrefix(attrs["src"], prefix) && attrs["type"] != "application/json" {
					return tok.String()
				}
			case "iframe", "object", "embed", "foreignobject", "base", "form":
				if tok.Data != "form" || !strings.HasPrefix(attrs["action"], prefix) {
					return tok.String()
				}
			}
		}
	}
}

// TestInjection writes script, event-handler and javascript: payloads into
// every free-text field of the example (package hostile), builds the site,
// and asserts that none reaches a page, a feed, a chart or a search result
// as markup, while the text itself is there, escaped.
func TestInjection(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	fields, err := hostile.Inject(filepath.Join(root, "data"), data)
	if err != nil {
		t.Fatal(err)
	}
	// A follow-up's report is shown by its tittel (data/rapporter/), which
	// "tittel" covers; rapportert_i is free text from before reports.
	for _, k := range []string{"tittel", "tekst", "navn", "beskrivelse", "kommentar", "ansvarlig"} {
		if fields[k] == 0 {
			t.Errorf("no %s field got the payload (fields: %v)", k, fields)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	if err := buildSite(t, data, out, "/portal/"); err != nil {
		t.Fatal(err)
	}
	escaped := 0
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b := read(t, p)
		switch filepath.Ext(p) {
		case ".html":
			if m := injectedMarkup(b, "/portal/"); m != "" {
				t.Errorf("%s: markup from the data got through: %s", p, m)
			}
		case ".xml":
			// Feeds hold the text as XML text; a feed reader shows it.
			if i := strings.Index(strings.ToLower(b), "<script"); i >= 0 {
				t.Errorf("%s: a script element: …%s…", p, b[max(0, i-80):min(len(b), i+80)])
			}
		}
		if filepath.Ext(p) == ".html" && strings.Contains(b, "&lt;script&gt;alert(&#34;xss-1&#34;)&lt;/script&gt;") {
			escaped++
		}
		return nil
	})
	if escaped < 50 {
		t.Errorf("only %d pages show the payload as escaped text; the test is not seeing the data", escaped)
	}
	// A Markdown link to javascript: is shown as its text, not a link.
	assertContains(t, out, "vedtak/kst-2026-068/index.html", "lenke", "&lt;img src=x onerror=alert(&#34;xss-2&#34;)&gt;")

	// Search results: titles are text the page inserts with textContent;
	// snippets are HTML, and must hold no markup but <mark>.
	get := func(name string) ([]byte, error) {
		return os.ReadFile(filepath.Join(out, "search", filepath.FromSlash(name)))
	}
	heads, _ := filepath.Glob(filepath.Join(out, "search", "head-*"))
	if len(heads) != 1 {
		t.Fatalf("search heads: %q", heads)
	}
	c, err := searchindex.NewClient(get, filepath.Base(heads[0]))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{hostile.Marker, "alert", "script", "lenke", "onerror"} {
		res, err := c.Search(search.Request{Query: q, Size: 50})
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		if len(res.Hits) == 0 {
			t.Errorf("search %q found nothing: the payload should be findable", q)
		}
		for _, h := range res.Hits {
			rest := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(h.Snippet)
			if strings.ContainsAny(rest, "<>") {
				t.Errorf("search %q: snippet of %s has markup: %q", q, h.URL, h.Snippet)
			}
		}
	}
}

// TestInjectedMarkup: the scanner sees what it must see, and not text.
func TestInjectedMarkup(t *testing.T) {
	for _, tc := range []struct {
		page string
		bad  bool
	}{
		{`<p>&lt;script&gt;alert(1)&lt;/script&gt; onerror=alert(2)</p>`, false},
		{`<script src="/portal/js/search.js" defer></script><script type="application/json">{"a":"\u003cscript\u003e"}</script>`, false},
		{`<a href="/portal/vedtak/">v</a><a href="https://example.no/" rel="noopener">e</a>`, false},
		{`<p><script>alert(1)</script></p>`, true},
		{`<img src=x onerror=alert(2)>`, true},
		{`<a href="javascript:alert(3)">x</a>`, true},
		{"<a href=\"Java\tScript:alert(6)\">x</a>", true},
		{`<a href=" data:text/html;base64,AAAA">x</a>`, true},
		{`<svg onload=alert(8)></svg>`, true},
		{`<iframe src="/portal/"></iframe>`, true},
		{`<form action="https://evil.example/"></form>`, true},
	} {
		if got := injectedMarkup(tc.page, "/portal/"); (got != "") != tc.bad {
			t.Errorf("injectedMarkup(%q) = %q, want bad %v", tc.page, got, tc.bad)
		}
	}
}
