package compile

import "testing"

func TestEscapeHTML(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Vedtatt.", "Vedtatt."},
		{"a < b og c > d", `a \< b og c > d`},
		{"<script>alert(1)</script>", `\<script>alert(1)\</script>`},
		{"Se <https://example.no/sak?id=1> og <mailto:post@example.no>.", "Se <https://example.no/sak?id=1> og <mailto:post@example.no>."},
		{"<javascript:alert(1)>", `\<javascript:alert(1)>`},
		{"<!-- kommentar -->", `\<!-- kommentar -->`},
		{"`<b>` i kode", "`<b>` i kode"},
		{"``a ` <b>`` og <i>", "``a ` <b>`` og \\<i>"},
		{"uavsluttet ` <b>", "uavsluttet ` \\<b>"},
		{`allerede \<b>`, `allerede \<b>`},
		{"```\n<b>\n```\n<b>", "```\n<b>\n```\n\\<b>"},
		{"<img src=x onerror=alert(1)>", `\<img src=x onerror=alert(1)>`},
	} {
		if got := EscapeHTML(tc.in); got != tc.want {
			t.Errorf("EscapeHTML(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
