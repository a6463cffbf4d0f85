package planimport

import (
	"fmt"
	"sort"
	"strings"

	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/sheet"
	"github.com/openkommune/portal/tools/tomlpos"
)

// figures turns the table's rows into the plan's rows: each row's area
// found among the rammeområder, each plan year's figure in the sheet's
// unit. Every row's problems are reported.
func figures(in Input, cols []int, unit sheet.Unit) ([]row, []sheet.Problem) {
	var (
		rows  []row
		probs []sheet.Problem
		seen  = map[string]string{} // area id → the row's position
	)
	for _, r := range in.Table.Rows {
		id, msg := areaID(r, in.Areas, in.Mapping)
		if msg != "" {
			probs = append(probs, sheet.Problem{Pos: r.Pos, Message: msg})
			continue
		}
		if prev, dup := seen[id]; dup {
			probs = append(probs, sheet.Problem{Pos: r.Pos, Message: fmt.Sprintf("this row is rammeområde %q, and so is %s: give each area one row, or skip sum rows with hopp_over", id, prev)})
			continue
		}
		seen[id] = r.Pos
		out := row{id: id}
		for _, c := range cols[:min(len(cols), Years)] {
			a := r.Amounts[c]
			switch {
			case a.Dash:
				out.belop = append(out.belop, 0) // a printed nil
			case !a.Set:
				probs = append(probs, sheet.Problem{Pos: a.Pos, Message: fmt.Sprintf("no figure for %d: every plan year of an area needs one; write 0 (or a dash, -) if the frame is zero", in.Table.Years[c].Year)})
			case a.Kr%int64(unit) != 0:
				probs = append(probs, sheet.Problem{Pos: a.Pos, Message: fmt.Sprintf("the figure has a fraction of %s (%d kr): the plan file holds whole %s as the sheet shows them; round the figure in the sheet", unit, a.Kr, unit)})
			default:
				out.belop = append(out.belop, a.Kr/int64(unit))
			}
		}
		rows = append(rows, out)
	}
	if len(rows) == 0 && len(probs) == 0 {
		probs = append(probs, sheet.Problem{Pos: in.Mapping.At("overskriftsrad"), Message: "no area rows under the header row: check overskriftsrad and hopp_over"})
	}
	return rows, probs
}

// areaID finds a row's rammeområde: by the mapping's [omrader] (code, then
// name), else a code or name equal to an area's id or navn (case and
// spacing ignored). Otherwise the message lists the known areas.
func areaID(r sheet.Row, areas []record.Omrade, m *sheet.Mapping) (string, string) {
	known := map[string]bool{}
	for _, a := range areas {
		known[a.ID] = true
	}
	for _, l := range []string{r.Code, r.Name} {
		if key, id, ok := lookupFold(m.Areas, l); ok && l != "" {
			if !known[id] {
				return "", fmt.Sprintf("[omrader] (%s) says %q is %q, which is not an id in data/rammeomrader.toml: the ids are %s", m.At(tomlpos.Join("omrader", key)), l, id, idList(areas))
			}
			return id, ""
		}
	}
	for _, a := range areas {
		for _, l := range []string{r.Code, r.Name} {
			if l != "" && (fold(l) == fold(a.ID) || fold(l) == fold(a.Navn)) {
				return a.ID, ""
			}
		}
	}
	label := strings.TrimSpace(strings.Join([]string{r.Code, r.Name}, " "))
	hint, eg := "", firstID(areas)
	if s := closest(r, areas); s != "" {
		hint, eg = fmt.Sprintf(" Did you mean %q?", s), s
	}
	return "", fmt.Sprintf("area %q is not a rammeområde: the known areas are %s.%s Name the area as data/rammeomrader.toml does, or map it in the mapping's [omrader], e.g. %q = \"%s\"",
		label, areaList(areas), hint, firstNonEmpty(r.Code, r.Name), eg)
}

// fold makes a label comparable: lower case, one space between words,
// hyphens and dashes as spaces (a sheet writes "LEIING - STAB" where
// rammeomrader.toml writes "leiing – stab").
func fold(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(dashes.Replace(s))), " ")
}

// dashes are the hyphen, the hyphen and figure dashes, the en and em dash and
// the minus sign.
var dashes = strings.NewReplacer("-", " ", "\u2010", " ", "\u2011", " ", "\u2012", " ", "\u2013", " ", "\u2014", " ", "\u2212", " ")

// lookupFold finds a label in [omrader]: its key as written and its id.
func lookupFold(m map[string]string, l string) (string, string, bool) {
	if v, ok := m[l]; ok {
		return l, v, true
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if fold(k) == fold(l) {
			return k, m[k], true
		}
	}
	return "", "", false
}

// closest is the area whose id or navn is nearest the row's labels, if it
// is near enough to be a likely slip.
func closest(r sheet.Row, areas []record.Omrade) string {
	best, bestD := "", 1<<30
	for _, a := range areas {
		for _, l := range []string{r.Code, r.Name} {
			if l == "" {
				continue
			}
			for _, cand := range []string{a.ID, a.Navn} {
				f, c := fold(l), fold(cand)
				d := distance(f, c)
				if strings.Contains(c, f) || strings.Contains(f, c) {
					d = min(d, 1+abs(len([]rune(c))-len([]rune(f)))/4)
				}
				if d < bestD && d <= max(2, len([]rune(c))/3) {
					best, bestD = a.ID, d
				}
			}
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// distance is the Levenshtein distance between a and b, in characters.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

func areaList(areas []record.Omrade) string {
	if len(areas) == 0 {
		return "none (data/rammeomrader.toml lists no [[omrade]]; add the areas there first)"
	}
	parts := make([]string, len(areas))
	for i, a := range areas {
		parts[i] = fmt.Sprintf("%q (%s)", a.ID, a.Navn)
	}
	return strings.Join(parts, ", ")
}

func idList(areas []record.Omrade) string {
	parts := make([]string, len(areas))
	for i, a := range areas {
		parts[i] = fmt.Sprintf("%q", a.ID)
	}
	return strings.Join(parts, ", ")
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

func firstID(areas []record.Omrade) string {
	if len(areas) == 0 {
		return "id"
	}
	return areas[0].ID
}
