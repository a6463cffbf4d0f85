package search

import (
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/catalog"
)

// TestMessagesTranslated keeps the message codes, the text catalogue and
// the search page in step: every code has its text search_msg_<code> in
// bokmål and nynorsk, with the same {n} places, and the page hands it to
// search.js.
func TestMessagesTranslated(t *testing.T) {
	page, err := os.ReadFile("../../layouts/sok/section.html")
	if err != nil {
		t.Fatal(err)
	}
	nb, nn := catalog.Must("nb"), catalog.Must("nn")
	for _, code := range MessageCodes {
		key := catalog.Key("search_msg_" + code)
		if !nb.Has(key) || !nn.Has(key) {
			t.Errorf("the catalogue lacks %s in bokmål or nynorsk", key)
			continue
		}
		if a, b := places(nb.T(key, nil)), places(nn.T(key, nil)); !slices.Equal(a, b) {
			t.Errorf("%s: bokmål has %q, nynorsk %q", key, a, b)
		}
		if !strings.Contains(string(page), `"msg_`+code+`" (i18n "`+string(key)+`")`) {
			t.Errorf("the search page does not hand %s to search.js", key)
		}
	}
}

// places are the {n} of a message text, sorted.
func places(text string) []string {
	p := regexp.MustCompile(`\{\d+\}`).FindAllString(text, -1)
	slices.Sort(p)
	return p
}

// fill replaces {0}, {1}, … in text by args, in one pass (an arg may hold
// braces), as search.js does.
func fill(text string, args []string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(text, '{')
		j := strings.IndexByte(text[i+1:], '}') + i + 1
		if i < 0 || j <= i {
			b.WriteString(text)
			return b.String()
		}
		b.WriteString(text[:i])
		if n, err := strconv.Atoi(text[i+1 : j]); err == nil && n >= 0 && n < len(args) {
			b.WriteString(args[n])
		} else {
			b.WriteString(text[i : j+1])
		}
		text = text[j+1:]
	}
}

// TestBrowserLimits checks that the search page and the header box accept
// no longer query than the engine, and that search.js cuts one from the
// URL to the same length.
func TestBrowserLimits(t *testing.T) {
	max := strconv.Itoa(MaxQueryRunes)
	for file, want := range map[string]string{
		"../../static/js/search.js":      "var MAX_QUERY = " + max + ";",
		"../../static/js/search-box.js":  "input.maxLength = " + max + ";",
		"../../layouts/sok/section.html": `maxlength="` + max + `"`,
	} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %s", file, want)
		}
	}
}

func TestFill(t *testing.T) {
	for _, c := range []struct {
		text string
		args []string
		want string
	}{
		{"{0} og {1}", []string{"a{1}", "b"}, "a{1} og b"},
		{"{0} {2} {x} {", []string{"a"}, "a {2} {x} {"},
		{"ingen", nil, "ingen"},
	} {
		if got := fill(c.text, c.args); got != c.want {
			t.Errorf("fill(%q, %q) = %q, want %q", c.text, c.args, got, c.want)
		}
	}
}
