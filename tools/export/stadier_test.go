package export

import (
	"strconv"
	"testing"
)

// TestStadierSums: budsjettstadier.csv carries each stage's totals beside
// its area rows: the computed sum of every stage and year, and where the
// source prints a sum, the printed sum and the rounding, which is printed
// minus computed. The example has a printed sum that rounds.
func TestStadierSums(t *testing.T) {
	f, _ := files(t, example(t))
	type key struct{ plan, stage, ar string }
	sums := map[key]map[string]int64{}
	for _, r := range records(t, f["data/budsjettstadier.csv"]) {
		if r["linje"] == "ramme" {
			if r["omrade"] == "" || r["rad"] != r["omrade"] {
				t.Errorf("area row without its area: %v", r)
			}
			continue
		}
		if r["omrade"] != "" || r["rad"] != r["linje"] {
			t.Errorf("sum row with an area: %v", r)
		}
		n, err := strconv.ParseInt(r["belop"], 10, 64)
		if err != nil {
			t.Fatalf("belop %q: %v", r["belop"], err)
		}
		k := key{r["okonomiplan"], r["stadium_id"], r["ar"]}
		if sums[k] == nil {
			sums[k] = map[string]int64{}
		}
		sums[k][r["linje"]] = n
	}
	printed, rounded := 0, 0
	for k, s := range sums {
		if _, ok := s["sum_utregnet"]; !ok {
			t.Errorf("%v: no computed sum", k)
		}
		p, ok := s["sum_trykt"]
		if !ok {
			continue
		}
		printed++
		if d := s["avrunding"]; d != p-s["sum_utregnet"] {
			t.Errorf("%v: avrunding %d, want printed %d − computed %d", k, d, p, s["sum_utregnet"])
		} else if d != 0 {
			rounded++
		}
	}
	if printed == 0 || rounded == 0 {
		t.Errorf("%d printed sums, %d with rounding: the example has both", printed, rounded)
	}
}
