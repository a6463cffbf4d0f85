package markdown

import (
	"strings"
	"testing"
)

// hostile are texts in which a line-by-line escaper misses raw HTML: the
// fence, code span and container rules of Markdown decide what is HTML.
var hostile = []string{
	"<script>alert(1)</script>",
	"<!-- kommentar -->",
	"<?php echo 1 ?>",
	"<!DOCTYPE html>",
	"<![CDATA[ x ]]>",
	"<img src=x onerror=alert(1)>",
	"```a`b\n<script>alert(1)</script>",                 // not a fence: a backtick in the info string
	"    ```\n<b>x</b>",                                 // indented code, then HTML
	"````\n```\n<b>x</b>\n````\n<i>y</i>",               // a shorter fence does not close
	"- ```\n\n<div>x</div>",                             // a fence ends with its list item
	"> ```\n<b>x</b>",                                   // a fence ends with its block quote
	"`a\n<b>`x` <i>y</i>",                               // a code span over a line break
	"\\\\<b>x</b>",                                      // an escaped backslash, then a tag
	"<div>\n<span onclick=x>y</span>\n</div>",           // an HTML block that dissolves into inline HTML
	"<table><tr><td>\n\n<b>x</b>\n\n</td></tr></table>", // blocks around a paragraph
	"| a | b |\n|---|---|\n| <b>x</b> | <i>y</i> |",     // HTML in a table cell
	"[lenke](<https://example.no>) <b>x</b>",
	"Term\n: <b>definisjon</b>",
	"Tekst[^1]\n\n[^1]: <b>fotnote</b>",
	"- [ ] <b>oppgave</b>",
	"<a href=\"x<y\">z</a>",
	"<style>@import url(x)</style>",
	"<textarea>\n<b>x</b>\n</textarea>",
}

func TestEscapeLeavesNoRawHTML(t *testing.T) {
	for _, in := range hostile {
		if !HasRawHTML(in) {
			t.Errorf("%q: the test expects raw HTML in the input", in)
		}
		out := Escape(in)
		if HasRawHTML(out) {
			t.Errorf("Escape(%q) = %q still has raw HTML", in, out)
		}
		if strings.Contains(out, "&lt;") && !strings.Contains(in, "&lt;") {
			t.Errorf("Escape(%q) = %q needed the entity fallback", in, out)
		}
	}
}

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Vedtatt.", "Vedtatt."},
		{"a < b og c > d", "a < b og c > d"},
		{"<script>alert(1)</script>", `\<script>alert(1)\</script>`},
		{"Se <https://example.no/sak?id=1> og <mailto:post@example.no>.", "Se <https://example.no/sak?id=1> og <mailto:post@example.no>."},
		{"<!-- kommentar -->", `\<!-- kommentar -->`},
		{"`<b>` i kode", "`<b>` i kode"},
		{"``a ` <b>`` og <i>", "``a ` <b>`` og \\<i>"},
		{"uavsluttet ` <b>", "uavsluttet ` \\<b>"},
		{`allerede \<b>`, `allerede \<b>`},
		{`\\<b>`, `\\\<b>`},
		{"```\n<b>\n```\n<b>", "```\n<b>\n```\n\\<b>"},
		{"    <b>kode</b>", "    <b>kode</b>"},
		{"```a`b\n<b>x</b>", "```a`b\n\\<b>x\\</b>"},
	} {
		if got := Escape(tc.in); got != tc.want {
			t.Errorf("Escape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzEscape(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Add("Vanlig **tekst** med [lenke](https://example.no).")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 {
			return
		}
		out := Escape(s)
		if HasRawHTML(out) {
			t.Fatalf("Escape(%q) = %q still has raw HTML", s, out)
		}
		if !HasRawHTML(s) && out != s {
			t.Fatalf("Escape(%q) = %q changed a text without raw HTML", s, out)
		}
	})
}
