package markdown

import (
	"strings"
	"testing"
)

func TestSentence(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Kommunestyret vedtar planen. Den gjelder fra 2026.", "Kommunestyret vedtar planen."},
		{"Vi vil ha **fritidskortet** og *samarbeid for å nå målene*. Mer her.", "Vi vil ha fritidskortet og samarbeid for å nå målene."},
		{"# Innstilling\n\nTekst.", "Innstilling"},
		{"Se [planen](https://example.org/p) og `kode`! Neste.", "Se planen og kode!"},
		{"Rammen er 12 mill. kr jf. vedtak nr. 14. Deretter.", "Rammen er 12 mill. kr jf. vedtak nr. 14."},
		{"Kostnaden øker med 5 prosent. 3 av 4 er enige.", "Kostnaden øker med 5 prosent."},
		{"Vedtatt 1. januar 2026 og\nsenere endret", "Vedtatt 1. januar 2026 og senere endret"},
		{"Tekst med <script>alert(1)</script> inni. Neste.", "Tekst med <script>alert(1)</script> inni."},
		{"«Sitat» og -- strek. Neste.", "«Sitat» og – strek."},
		{"- punkt én\n- punkt to", "punkt én"},
		{"", ""},
		{"```\nkode\n```", ""},
		{"```\nkode\n```\n\nTekst etter. Mer.", "Tekst etter."},
		{"> sitat\n\nTekst.", "sitat"},
	} {
		if got := Sentence(c.in, 160); got != c.want {
			t.Errorf("Sentence(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSentenceClips(t *testing.T) {
	long := strings.Repeat("ordene ", 60)
	got := Sentence(long, 50)
	if n := len([]rune(got)); n > 50 || !strings.HasSuffix(got, "ordene…") {
		t.Errorf("Sentence(long, 50) = %q (%d runes)", got, n)
	}
}
