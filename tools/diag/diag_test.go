package diag

import (
	"strings"
	"testing"
)

func TestSortedAndPrinted(t *testing.T) {
	var l List
	l.Errorf("data/b.toml", 2, 1, "second file")
	l.Warnf("data/a.toml", 10, 3, "late in first")
	l.Errorf("data/a.toml", 2, 5, "early in first")
	l.Errorf("data/a.toml", 2, 5, "early in first") // duplicate
	var b strings.Builder
	l.Print(&b)
	want := `data/a.toml:2:5: error: early in first
data/a.toml:10:3: warning: late in first
data/b.toml:2:1: error: second file
2 error(s), 1 warning(s)
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestInfoIsNotCountedAsProblem(t *testing.T) {
	var l List
	l.Infof("data/a.toml", 3, 1, "nummer: stated unknown")
	l.Warnf("data/a.toml", 4, 1, "probably not meant")
	var b strings.Builder
	l.Print(&b)
	want := `data/a.toml:3:1: info: nummer: stated unknown
data/a.toml:4:1: warning: probably not meant
0 error(s), 1 warning(s), 1 info
`
	if b.String() != want || l.Errors() != 0 {
		t.Errorf("got\n%s\nwant\n%s (errors %d)", b.String(), want, l.Errors())
	}
}
