package saksnummer

import "testing"

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		year int
		want int
		err  string
	}{
		{"85", 2026, 85, ""},
		{"085", 2026, 85, ""},
		{"085/26", 2026, 85, ""},
		{"0085/26", 2026, 85, ""},
		{"9999", 2026, 9999, ""},
		{"1/05", 2005, 1, ""},
		{"085/25", 2026, 0, `"085/25" is from another year than the meeting (2026)`},
		{"0", 2026, 0, `"0": write the number, e.g. 85 or 085/26`},
		{"000/26", 2026, 0, `"000/26": write the number, e.g. 85 or 085/26`},
		{"", 2026, 0, `"": write the number, e.g. 85 or 085/26`},
		{"10000", 2026, 0, `"10000": write the number, e.g. 85 or 085/26`},
		{"85/2026", 2026, 0, `"85/2026": write the number, e.g. 85 or 085/26`},
		{" 85", 2026, 0, `" 85": write the number, e.g. 85 or 085/26`},
		{"-85", 2026, 0, `"-85": write the number, e.g. 85 or 085/26`},
		{"8a", 2005, 0, `"8a": write the number, e.g. 85 or 085/05`},
		{"٨٥", 2026, 0, `"٨٥": write the number, e.g. 85 or 085/26`},
	} {
		got, err := Parse(tc.in, tc.year)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if got != tc.want || msg != tc.err {
			t.Errorf("Parse(%q, %d) = %d, %q; want %d, %q", tc.in, tc.year, got, msg, tc.want, tc.err)
		}
	}
}

func TestFormat(t *testing.T) {
	for _, tc := range []struct {
		n, year int
		want    string
	}{
		{14, 2025, "014/25"},
		{1, 2005, "001/05"},
		{1234, 2100, "1234/00"},
	} {
		if got := Format(tc.n, tc.year); got != tc.want {
			t.Errorf("Format(%d, %d) = %q, want %q", tc.n, tc.year, got, tc.want)
		}
		if n, err := Parse(tc.want, tc.year); n != tc.n || err != nil {
			t.Errorf("Parse(Format(%d, %d)) = %d, %v", tc.n, tc.year, n, err)
		}
	}
}

func TestNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"014/25", 14, true},
		{"85", 85, true},
		{"1234/00", 1234, true},
		{"000/25", 0, false},
		{"", 0, false},
		{"PS 14/25", 0, false},
		{"14a/25", 0, false},
		{"-14/25", 0, false},
	} {
		if got, ok := Number(tc.in); got != tc.want || ok != tc.ok {
			t.Errorf("Number(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestVedtakID(t *testing.T) {
	if got := VedtakID("KST", 2025, 14); got != "kst-2025-014" {
		t.Errorf("VedtakID = %q", got)
	}
	if got := VedtakID("fsk", 2026, 1234); got != "fsk-2026-1234" {
		t.Errorf("VedtakID = %q", got)
	}
	for _, tc := range []struct {
		id, kode string
		year     int
		want     int
		ok       bool
	}{
		{"kst-2025-014", "KST", 2025, 14, true},
		{"kst-2025-14", "kst", 2025, 14, true},
		{"kst-2025-1234", "KST", 2025, 1234, true},
		{"kst-2024-014", "KST", 2025, 0, false},
		{"fsk-2025-014", "KST", 2025, 0, false},
		{"kst-2025-", "KST", 2025, 0, false},
		{"kst-2025-014a", "KST", 2025, 0, false},
		{"kst-2025-014-b", "KST", 2025, 0, false},
		{"kst-2025-+14", "KST", 2025, 0, false},
		{"kst-2025-99999999999999999999", "KST", 2025, 0, false},
	} {
		if got, ok := FromVedtakID(tc.id, tc.kode, tc.year); got != tc.want || ok != tc.ok {
			t.Errorf("FromVedtakID(%q, %q, %d) = %d, %v; want %d, %v", tc.id, tc.kode, tc.year, got, ok, tc.want, tc.ok)
		}
	}
}
