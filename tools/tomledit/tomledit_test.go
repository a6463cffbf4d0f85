package tomledit

import (
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/caldate"
)

var day = caldate.New(2026, 9, 17)

func TestSet(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		kvs       []KV
		want      string
	}{{
		name: "equal values are left as written",
		src:  "id = 'a'   # kept\nmotedato = 2026-09-17\ntittel = \"T\\u00f8\"\n",
		kvs:  []KV{{"id", Text("a")}, {"motedato", day}, {"tittel", Text("Tø")}},
		want: "id = 'a'   # kept\nmotedato = 2026-09-17\ntittel = \"T\\u00f8\"\n",
	}, {
		name: "a changed value is replaced in place, its comment kept",
		src:  "id = \"a\"\ntittel = \"Gammel\" # fra møtet\n\n[[punkt]]\nnr = 1\ntittel = \"x\"\n",
		kvs:  []KV{{"id", Text("a")}, {"tittel", Text("Ny \"tittel\"")}},
		want: "id = \"a\"\ntittel = \"Ny \\\"tittel\\\"\" # fra møtet\n\n[[punkt]]\nnr = 1\ntittel = \"x\"\n",
	}, {
		name: "a missing key goes after the key before it in the order",
		src:  "# head\nid = \"a\"\ntittel = \"T\"\nplaner = [\"p\"]\n",
		kvs:  []KV{{"id", Text("a")}, {"motedato", day}, {"tittel", Text("T")}, {"innsyn_url", Text("https://x/")}},
		want: "# head\nid = \"a\"\nmotedato = 2026-09-17\ntittel = \"T\"\ninnsyn_url = \"https://x/\"\nplaner = [\"p\"]\n",
	}, {
		name: "a multi-line text is replaced whole",
		src:  "tekst = \"\"\"\nEn\n\"\"\"\"\nrammeomrader = []\n",
		kvs:  []KV{{"tekst", Block("To \"\"\" tre\\")}},
		want: "tekst = \"\"\"\nTo \\\"\\\"\\\" tre\\\\\n\"\"\"\nrammeomrader = []\n",
	}, {
		name: "a multi-line text equal as read is kept",
		src:  "tekst = '''\nEn\nTo\n'''\n",
		kvs:  []KV{{"tekst", Block("En\nTo")}},
		want: "tekst = '''\nEn\nTo\n'''\n",
	}, {
		name: "CRLF files get CRLF lines",
		src:  "id = \"a\"\r\ntekst = \"\"\"\r\nGammel\r\n\"\"\"\r\n",
		kvs:  []KV{{"id", Text("a")}, {"utvalg", Text("KST")}, {"tekst", Block("Ny\nlinje")}},
		want: "id = \"a\"\r\nutvalg = \"KST\"\r\ntekst = \"\"\"\r\nNy\r\nlinje\r\n\"\"\"\r\n",
	}, {
		name: "a value of another type is replaced",
		src:  "motedato = \"2026-09-17\"\n",
		kvs:  []KV{{"motedato", day}},
		want: "motedato = 2026-09-17\n",
	}, {
		name: "no key before: inserted before the first key, after comments",
		src:  "# c\n\nplaner = []\n",
		kvs:  []KV{{"id", Text("a")}},
		want: "# c\n\nid = \"a\"\nplaner = []\n",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Set([]byte(tc.src), tc.kvs)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
			again, err := Set(got, tc.kvs)
			if err != nil || string(again) != string(got) {
				t.Errorf("a second Set changed the file:\n%s", again)
			}
		})
	}
}

func TestSetRefusesInvalidTOML(t *testing.T) {
	if _, err := Set([]byte("id = \n"), []KV{{"id", Text("a")}}); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("err = %v", err)
	}
}
