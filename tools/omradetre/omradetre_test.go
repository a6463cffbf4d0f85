package omradetre

import (
	"math"
	"reflect"
	"testing"
)

func add(a, b int64) (int64, bool) {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		return 0, false
	}
	return s, true
}

func TestBuild(t *testing.T) {
	tr := Build([]Node{{"a", ""}, {"a1", "a"}, {"a2", "a"}, {"a11", "a1"}, {"b", ""}, {"x", "nowhere"}})
	if got := tr.Top(); !reflect.DeepEqual(got, []string{"a", "b", "x"}) {
		t.Errorf("Top = %v", got)
	}
	if got := tr.Children("a"); !reflect.DeepEqual(got, []string{"a1", "a2"}) {
		t.Errorf("Children(a) = %v", got)
	}
	if d := tr.Depth("a11"); d != 2 {
		t.Errorf("Depth(a11) = %d", d)
	}
	if !tr.Under("a11", "a") || tr.Under("a", "a11") || tr.Under("b", "a") {
		t.Error("Under is wrong")
	}
}

func TestCycles(t *testing.T) {
	for _, tc := range []struct {
		name  string
		nodes []Node
		want  []Cycle
	}{
		{"none", []Node{{"a", ""}, {"b", "a"}}, nil},
		{"self", []Node{{"a", "a"}}, []Cycle{{"a", "a"}}},
		{"two", []Node{{"a", "b"}, {"b", "a"}}, []Cycle{{"a", "b", "a"}}},
		{"tail into cycle", []Node{{"t", "a"}, {"a", "b"}, {"b", "c"}, {"c", "a"}}, []Cycle{{"a", "b", "c", "a"}}},
		{"two cycles", []Node{{"a", "b"}, {"b", "a"}, {"c", "c"}}, []Cycle{{"a", "b", "a"}, {"c", "c"}}},
		{"unknown parent", []Node{{"a", "zz"}}, nil},
	} {
		if got := Cycles(tc.nodes); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Cycles = %v, want %v", tc.name, got, tc.want)
		}
		tr := Build(tc.nodes) // must terminate, with cycle members at the top
		for _, c := range tc.want {
			if tr.Parent(c[0]) != "" {
				t.Errorf("%s: %s keeps a parent on a cycle", tc.name, c[0])
			}
			_ = tr.Depth(c[0])
		}
	}
}

func TestSums(t *testing.T) {
	tr := Build([]Node{{"a", ""}, {"a1", "a"}, {"a2", "a"}, {"a21", "a2"}, {"a22", "a2"}, {"b", ""}, {"c", ""}})
	s := tr.Sums(map[string]int64{"a1": 10, "a21": 5, "a22": 7, "a": 23, "b": 4}, add)
	if got := s["a2"]; got.HasStated || !got.HasComputed || got.Computed != 12 {
		t.Errorf("a2 = %+v, want computed 12", got)
	}
	if got := s["a"]; !got.HasStated || got.Stated != 23 || got.Computed != 22 {
		t.Errorf("a = %+v, want stated 23 computed 22", got)
	}
	if _, has := s["c"].Value(); has {
		t.Error("c has no figure but has a value")
	}
	if tot, ok := tr.Total(s, add); !ok || tot != 27 {
		t.Errorf("Total = %d %v, want 27 (the stated 23 for a, not 22, plus 4)", tot, ok)
	}
	over := Build([]Node{{"p", ""}, {"c1", "p"}, {"c2", "p"}}).Sums(map[string]int64{"c1": math.MaxInt64, "c2": 1}, add)
	if !over["p"].Overflow {
		t.Error("overflow not reported")
	}
}
