package sheet

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/openkommune/portal/tools/tomledit"
)

// TOML writes the mapping as a file for the kommune to keep, with a comment
// on each line saying where a guessed value came from; values Guess could
// not tell are marked CHECK. The output reads back with DecodeMapping to
// the same mapping, and is the same for the same mapping.
func (m *Mapping) TOML() []byte {
	n := m.guessed
	if n == nil {
		n = &guessNotes{years: map[int]string{}}
	}
	var b bytes.Buffer
	b.WriteString("# Where the budget table is in the workbook (portal import budsjett -mapping FILE); add okonomiplan = \"ID\" to write it into data/okonomiplan/ID.toml.\n")
	if n.file != "" {
		fmt.Fprintf(&b, "# Proposed by portal import budsjett -guess from %s, sheet %s: check every line.\n", oneLine(n.file), tomledit.Quote(n.sheet))
	}
	b.WriteString("\n")
	if m.Sheet != "" {
		line(&b, "ark = "+tomledit.Quote(m.Sheet), "the sheet with the table")
	} else {
		b.WriteString("# ark is left out: the file has one sheet.\n")
	}
	line(&b, fmt.Sprintf("overskriftsrad = %d", m.HeaderRow), "the header row (with the years), as Excel numbers rows")
	line(&b, "enhet = "+tomledit.Quote(m.Unit), orDefault(n.unit, `"kr" or "1000 kr"`))
	line(&b, "fase = "+tomledit.Quote(m.Stage), orDefault(n.stage, "one of "+strings.Join(Stages, ", ")))
	if len(m.Skip) > 0 {
		q := make([]string, len(m.Skip))
		for i, p := range m.Skip {
			q[i] = tomledit.Quote(p)
		}
		line(&b, "hopp_over = ["+strings.Join(q, ", ")+"]", "rows whose code or name matches are skipped (regular expressions, case ignored)")
	} else {
		b.WriteString("# hopp_over = [\"^sum\\\\b\"]  # rows whose code or name matches are skipped\n")
	}
	m.planTOML(&b)
	b.WriteString("\n[kolonner]\n")
	for i, c := range []struct{ key, col, what string }{
		{"kode", m.Columns.Code, "the area's code"},
		{"navn", m.Columns.Name, "the area's name"},
		{"underomrade", m.Columns.SubArea, "the sub-area (two-level table)"},
	} {
		if c.col == "" {
			continue
		}
		note := c.what
		if h := n.labels[i]; h != "" {
			note = fmt.Sprintf("%s; header %q", c.what, h)
			if strings.HasPrefix(h, "CHECK") {
				note = h
			}
		}
		line(&b, c.key+" = "+tomledit.Quote(c.col), note)
	}
	for i, y := range m.Years {
		b.WriteString("\n[[arskolonne]]\n")
		note := ""
		if h, ok := n.years[i]; ok {
			note = fmt.Sprintf("header %q", h)
		}
		line(&b, "kolonne = "+tomledit.Quote(y.Column), note)
		line(&b, fmt.Sprintf("ar = %d", y.Year), "")
		if y.Stage != "" {
			line(&b, "fase = "+tomledit.Quote(y.Stage), "this column's own stage")
		}
	}
	for _, d := range n.dropped {
		fmt.Fprintf(&b, "# Not taken: %s\n", oneLine(d))
	}
	return b.Bytes()
}

// planTOML writes the keys that say where the figures are written, if
// the mapping has them.
func (m *Mapping) planTOML(b *bytes.Buffer) {
	if m.Plan == "" {
		return
	}
	line(b, "okonomiplan = "+tomledit.Quote(m.Plan), "the plan file the figures are written into")
	for _, kv := range []struct{ key, val string }{{"navn", m.Name}, {"tittel", m.Title}, {"dokument", m.Document}, {"vedtak", m.Vedtak}} {
		if kv.val != "" {
			line(b, kv.key+" = "+tomledit.Quote(kv.val), "")
		}
	}
	if !m.Date.IsZero() {
		line(b, "dato = "+m.Date.String(), "")
	}
	if len(m.Areas) == 0 {
		return
	}
	keys := make([]string, 0, len(m.Areas))
	for k := range m.Areas {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b.WriteString("\n[omrader]\n")
	for _, k := range keys {
		line(b, tomledit.Quote(k)+" = "+tomledit.Quote(m.Areas[k]), "")
	}
}

// line writes a key line with an optional comment.
func line(b *bytes.Buffer, kv, comment string) {
	b.WriteString(kv)
	if comment != "" {
		b.WriteString("  # " + strings.Join(strings.FieldsFunc(comment, func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
		}), " "))
	}
	b.WriteByte('\n')
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
