package search

import (
	"reflect"
	"testing"
)

// Four documents: 0 a vedtak, 1 and 2 its points, 3 a plan, 4 its tiltak,
// 5 a project with no date.
func testRanking() *ranking {
	return newRanking(&DocValues{
		Parents: []Parent{{Ord: 1, Of: 0, Group: true}, {Ord: 2, Of: 0, Group: true}, {Ord: 4, Of: 3}},
		Numbers: map[string][]NumberValue{"dato": {{0, 100}, {1, 100}, {2, 100}, {3, 200}, {4, 200}}},
	}, 6)
}

func TestRankRecordsFirst(t *testing.T) {
	r := testRanking()
	// The tiltak matches better than its plan, but not twice as well.
	got := r.rank([]scored{{3, 1.0}, {4, 1.5}})
	want := []result{{scored{3, 1.0}, 0}, {scored{4, 0.75}, 0}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("plan and tiltak: %+v, want %+v", got, want)
	}
}

func TestRankGroupsPoints(t *testing.T) {
	r := testRanking()
	// The vedtak and both points match: one result, the vedtak, scored
	// as its best document.
	got := r.rank([]scored{{0, 0.5}, {1, 2.0}, {2, 0.2}, {5, 0.9}})
	want := []result{{scored{0, 1.0}, 2}, {scored{5, 0.9}, 0}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("vedtak and points: %+v, want %+v", got, want)
	}
	// Only the points match (a type filter): the best point stands for
	// them.
	got = r.rank([]scored{{1, 0.4}, {2, 0.6}})
	want = []result{{scored{2, 0.3}, 2}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("points alone: %+v, want %+v", got, want)
	}
	// One point alone is not a group.
	got = r.rank([]scored{{1, 0.4}})
	want = []result{{scored{1, 0.2}, 0}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("one point: %+v, want %+v", got, want)
	}
}

func TestRankTiesByDate(t *testing.T) {
	r := testRanking()
	// Equal scores: the newest first, undated last, then by ordinal.
	got := r.rank([]scored{{5, 1}, {0, 1}, {3, 1}})
	want := []result{{scored{3, 1}, 0}, {scored{0, 1}, 0}, {scored{5, 1}, 0}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ties: %+v, want %+v", got, want)
	}
}

func TestDocValuesParents(t *testing.T) {
	dv := &DocValues{Runs: []Run{{0, 0}}, Tuples: [][]FieldValue{{}}, Numbers: map[string][]NumberValue{},
		Parents: []Parent{{Ord: 1, Of: 0, Group: true}, {Ord: 3, Of: 2}}}
	got, err := DecodeDocValues(EncodeDocValues(dv), 4)
	if err != nil || !reflect.DeepEqual(got.Parents, dv.Parents) {
		t.Fatalf("round trip: %+v, %v", got, err)
	}
	for name, ps := range map[string][]Parent{
		"a part of a part": {{Ord: 1, Of: 0}, {Ord: 2, Of: 1}},
		"its own part":     {{Ord: 1, Of: 1}},
		"no such record":   {{Ord: 1, Of: 9}},
		"no such part":     {{Ord: 9, Of: 1}},
	} {
		bad := *dv
		bad.Parents = ps
		if _, err := DecodeDocValues(EncodeDocValues(&bad), 4); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	// An ordinal step that would overflow.
	b0 := EncodeDocValues(&DocValues{Runs: dv.Runs, Tuples: dv.Tuples, Numbers: dv.Numbers})
	huge := append(append(b0[:len(b0)-1:len(b0)-1], 1), 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x02)
	if _, err := DecodeDocValues(huge, 4); err == nil {
		t.Error("a parent at a huge ordinal: no error")
	}
	// A record before the first document.
	neg := append(append(b0[:len(b0)-1:len(b0)-1], 1), 0x02, 0x01)
	if _, err := DecodeDocValues(neg, 4); err == nil {
		t.Error("a parent at ordinal -1: no error")
	}
	// A file without the section (the format before parents) is refused.
	b := EncodeDocValues(&DocValues{Runs: dv.Runs, Tuples: dv.Tuples, Numbers: dv.Numbers})
	if _, err := DecodeDocValues(b[:len(b)-1], 4); err == nil {
		t.Error("no parents section: no error")
	}
}
