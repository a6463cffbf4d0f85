package load

import (
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"gang vei", "gang-vei"},
		{"Nordbyen skole – nybygg", "nordbyen-skole-nybygg"},
		{"Økonomiplan 2025/2028", "okonomiplan-2025-2028"},
		{"Bærum, Sørå", "baerum-sora"},
		{"ÆØÅ æøå", "aeoa-aeoa"},
		{"Kafé på Tromsø", "kafe-pa-tromso"},
		{"Göteborg Ärla", "goteborg-arla"},
		{"Kárášjohka Đuoddar Čáhppes Ŋuolggu", "karasjohka-duoddar-cahppes-nuolggu"},
		{"İstanbul", "istanbul"},
		{"Straße", "strasse"},
		{"../x", "x"},
		{"  --a__b!!c??  ", "a-b-c"},
		{"«Skole» (ny) & idrettshall: 2. byggetrinn", "skole-ny-idrettshall-2-byggetrinn"},
		{"tab\tand\nnewline", "tab-and-newline"},
		{"kst-2025-014", "kst-2025-014"},
		{"--", ""},
		{"", ""},
		{"€ – ✓", ""},
		{"日本", ""},
		{strings.Repeat("a", 79) + " b", strings.Repeat("a", 79)},
		{strings.Repeat("a", 81), strings.Repeat("a", 80)},
		{strings.Repeat("æ", 50), strings.Repeat("ae", 40)},
		{strings.Repeat("ab ", 40), strings.TrimSuffix(strings.Repeat("ab-", 27), "-")},
	} {
		got := Slug(tc.in)
		if got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got != "" && !ValidID(got) {
			t.Errorf("Slug(%q) = %q, not a valid id", tc.in, got)
		}
	}
}

// FuzzSlug checks that every slug that is not empty is a valid id.
func FuzzSlug(f *testing.F) {
	f.Add("Nordbyen skole – nybygg")
	f.Add("æøå ÆØÅ é ŋ")
	f.Fuzz(func(t *testing.T, s string) {
		if got := Slug(s); got != "" && !ValidID(got) {
			t.Errorf("Slug(%q) = %q, not a valid id", s, got)
		}
	})
}
