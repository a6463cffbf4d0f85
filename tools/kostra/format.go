package kostra

import (
	"fmt"
	"strings"

	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/tomledit"
)

// header opens every file the import writes.
const header = `# KOSTRA-tall fra Statistisk sentralbyrå (SSB), skrevet av "portal import kostra".
# Ikke rediger for hånd: hent tabellen på nytt fra SSB og kjør importen igjen
# (docs/import.md). Tallene er SSBs, med lisens CC BY 4.0.
`

// Format writes k as the data file's TOML: the table's facts, its fixed
// dimensions, regions and functions as tables, and one figure per line,
// so that a refreshed table changes only the lines of the figures that
// changed. The same record always gives the same bytes.
func Format(k *record.Kostra) []byte {
	var b strings.Builder
	b.WriteString(header)
	b.WriteByte('\n')
	kv(&b, "id", q(k.ID))
	kv(&b, "tittel", q(k.Tittel))
	kv(&b, "kilde", q(k.Kilde))
	kv(&b, "url", q(k.URL))
	kv(&b, "lisens", q(k.Lisens))
	kv(&b, "lisens_url", q(k.LisensURL))
	kv(&b, "hentet", k.Hentet.String())
	if k.Oppdatert != "" {
		kv(&b, "oppdatert", q(k.Oppdatert))
	}
	kv(&b, "enhet", q(k.Enhet))
	b.WriteString("tall = [\n")
	for _, t := range k.Tall {
		fmt.Fprintf(&b, "  { region = %s, funksjon = %s, ar = %d", q(t.Region), q(t.Funksjon), t.Ar)
		if t.Verdi.Set {
			fmt.Fprintf(&b, ", verdi = %d", t.Verdi.Kr)
		}
		if t.Status != "" {
			fmt.Fprintf(&b, ", status = %s", q(t.Status))
		}
		b.WriteString(" },\n")
	}
	b.WriteString("]\n")
	for _, f := range k.Fast {
		b.WriteString("\n[[fast]]\n")
		kv(&b, "dimensjon", q(f.Dimensjon))
		kv(&b, "kode", q(f.Kode))
		kv(&b, "navn", q(f.Navn))
	}
	for _, r := range k.Region {
		b.WriteString("\n[[region]]\n")
		kv(&b, "kode", q(r.Kode))
		kv(&b, "navn", q(r.Navn))
		kv(&b, "rolle", q(r.Rolle))
	}
	for _, f := range k.Funksjon {
		b.WriteString("\n[[funksjon]]\n")
		kv(&b, "kode", q(f.Kode))
		kv(&b, "navn", q(f.Navn))
	}
	return []byte(b.String())
}

func kv(b *strings.Builder, key, value string) { b.WriteString(key + " = " + value + "\n") }

// q writes a TOML basic string, as every tool that writes data files does.
func q(s string) string { return tomledit.Quote(s) }
