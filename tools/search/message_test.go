package search

import (
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestMessagesTranslated keeps the message codes, the i18n files and the
// search page in step: every code has its text in bokmål (the same as
// MessageTexts) and nynorsk, with the same {n} places, and the page hands
// it to search.js.
func TestMessagesTranslated(t *testing.T) {
	tr := map[string]map[string]string{}
	for _, lang := range []string{"nb", "nn"} {
		m := map[string]string{}
		if _, err := toml.DecodeFile("../../i18n/"+lang+".toml", &m); err != nil {
			t.Fatal(err)
		}
		tr[lang] = m
	}
	page, err := os.ReadFile("../../layouts/sok/section.html")
	if err != nil {
		t.Fatal(err)
	}
	places := regexp.MustCompile(`\{\d+\}`)
	for code, text := range MessageTexts {
		key := "search_msg_" + code
		if tr["nb"][key] != text {
			t.Errorf("nb.toml %s = %q, want %q as in MessageTexts", key, tr["nb"][key], text)
		}
		nb, nn := places.FindAllString(text, -1), places.FindAllString(tr["nn"][key], -1)
		slices.Sort(nb)
		slices.Sort(nn)
		if tr["nn"][key] == "" || !slices.Equal(nb, nn) {
			t.Errorf("nn.toml %s = %q, want a text with %q", key, tr["nn"][key], nb)
		}
		if !strings.Contains(string(page), `"msg_`+code+`" (i18n "`+key+`")`) {
			t.Errorf("the search page does not hand %s to search.js", key)
		}
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
