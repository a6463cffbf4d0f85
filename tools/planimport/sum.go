package planimport

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/sheet"
	"github.com/openkommune/portal/tools/tomlpos"
)

// The printed total of a sheet (the mapping's sumrad, sheet.Table.Sum) is
// written as the stage's sum_driftsrammer, as printed, after it is checked
// against its rows: within the plan file's toleranse (or, for a new file,
// the mapping's, which is then written to the file), as check will.

// printedSums reads the sum row's figures for the plan's columns, in the
// sheet's unit, and checks each against the sum of the area rows.
func printedSums(in Input, cur *record.Okonomiplan, cols []int, rows []row) ([]int64, []sheet.Problem) {
	t, m := in.Table, in.Mapping
	if t.Sum == nil {
		return nil, nil
	}
	unit := int64(m.UnitOf())
	tol, where, probs := tolerance(in, cur)
	var sums []int64
	for k, c := range cols[:min(len(cols), Years)] {
		a := t.Sum.Amounts[c]
		switch {
		case a.Dash:
			sums = append(sums, 0)
		case !a.Set:
			probs = append(probs, sheet.Problem{Pos: a.Pos, Message: fmt.Sprintf("the printed total (sumrad) has no figure for %d: every plan year needs one", t.Years[c].Year)})
			continue
		case a.Kr%unit != 0:
			probs = append(probs, sheet.Problem{Pos: a.Pos, Message: fmt.Sprintf("the printed total has a fraction of %s (%d kr): the plan file holds whole %s as the sheet shows them", m.UnitOf(), a.Kr, m.UnitOf())})
			continue
		default:
			sums = append(sums, a.Kr/unit)
		}
		var rowSum int64
		ok := true
		for _, r := range rows {
			if k < len(r.belop) {
				if rowSum, ok = money.Add(rowSum, r.belop[k]); !ok {
					break
				}
			}
		}
		if !ok {
			continue // out of range: check reports it
		}
		printed := sums[len(sums)-1]
		if d, ok := money.Sub(printed, rowSum); ok && money.Abs(d) > tol {
			probs = append(probs, sheet.Problem{Pos: a.Pos, Message: fmt.Sprintf("the printed total for %d is %s but the area rows add up to %s (difference %s, in %s): more than the toleranse of %s (%s); check the rows against the printed table, or, if the table rounds each row, raise toleranse",
				t.Years[c].Year, money.Format(printed), money.Format(rowSum), money.Format(d), m.UnitOf(), money.Format(tol), where)})
		}
	}
	return sums, probs
}

// tolerance is the toleranse the printed total is checked against: the
// plan file's, else the mapping's; a mapping that says another one than
// the file is a problem.
func tolerance(in Input, cur *record.Okonomiplan) (int64, string, []sheet.Problem) {
	m := in.Mapping
	if cur != nil && cur.Toleranse.Set {
		if m.Tolerance != 0 && m.Tolerance != cur.Toleranse.Kr {
			return cur.Toleranse.Kr, "toleranse of " + in.File, []sheet.Problem{{Pos: m.At("toleranse"), Message: fmt.Sprintf("toleranse = %d, but %s says toleranse = %d: the plan file's is used; remove toleranse from the mapping or change the file", m.Tolerance, in.File, cur.Toleranse.Kr)}}
		}
		return cur.Toleranse.Kr, "toleranse of " + in.File, nil
	}
	if cur != nil && m.Tolerance != 0 {
		return m.Tolerance, m.At("toleranse"), []sheet.Problem{{Pos: m.At("toleranse"), Message: fmt.Sprintf("%s has no toleranse: the import does not add one to an existing file; add toleranse = %d at its top, and import again", in.File, m.Tolerance)}}
	}
	return m.Tolerance, m.At("toleranse"), nil
}

// sumLine is "sum_driftsrammer = [ … ]".
func sumLine(sums []int64) string {
	nums := make([]string, len(sums))
	for i, n := range sums {
		nums[i] = underscored(n)
	}
	return "sum_driftsrammer = [" + strings.Join(nums, ", ") + "]"
}

// writeSum gives the stage in src its printed sums: the value of its
// sum_driftsrammer is replaced, or the key is added before its ramme. A
// stage whose sums are already the sheet's is left as it is.
func writeSum(src []byte, m *sheet.Mapping, stage record.StadiumType, sums []int64) ([]byte, error) {
	if sums == nil {
		return src, nil
	}
	cur := &record.Okonomiplan{}
	if _, err := toml.Decode(string(src), cur); err != nil {
		return nil, err
	}
	path, _, found := findStage(cur, stage, m.Name)
	if !found {
		return nil, fmt.Errorf("the %s stage was not written", stage)
	}
	var have []int64
	for _, st := range cur.Stages() {
		if st.Path == path {
			for _, a := range st.SumDriftsrammer {
				have = append(have, a.Kr)
			}
		}
	}
	if slices.Equal(have, sums) {
		return src, nil
	}
	nl := "\n"
	if bytes.Contains(src, []byte("\r\n")) {
		nl = "\r\n"
	}
	ix := tomlpos.Parse(src)
	key := tomlpos.Join(path, "sum_driftsrammer")
	if ix.Has(key) {
		off := offset(src, ix.Lookup(key))
		end, ok := arrayEnd(src, off+bytes.IndexByte(src[off:], '[')) // the key's value, an array
		if !ok {
			return nil, fmt.Errorf("the value of %s is not an array", key)
		}
		return splice(src, off, end, sumLine(sums)), nil
	}
	ramme := tomlpos.Join(path, "ramme")
	if !ix.Has(ramme) {
		return nil, fmt.Errorf("the stage has no ramme to write sum_driftsrammer beside")
	}
	at := offset(src, ix.Lookup(ramme))
	at -= len(lineStart(src, at))
	return splice(src, at, at, sumLine(sums)+nl), nil
}

// lineStart is the text of the line holding off, before off.
func lineStart(src []byte, off int) []byte {
	i := bytes.LastIndexByte(src[:off], '\n')
	return src[i+1 : off]
}
