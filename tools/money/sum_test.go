package money

import (
	"math"
	"math/big"
	"testing"
)

func TestAddSub(t *testing.T) {
	for _, tc := range []struct {
		a, b   int64
		add    int64
		addOK  bool
		subOK  bool
		reason string
	}{
		{1, 2, 3, true, true, "small"},
		{MaxSum, 0, MaxSum, true, true, "at the edge"},
		{MaxSum, 1, MaxSum + 1, false, true, "one over"},
		{-MaxSum, -1, -MaxSum - 1, false, true, "one under"},
		{MaxSum, -MaxSum, 0, true, false, "difference of two extremes is 2·MaxSum"},
		{math.MaxInt64, 1, math.MaxInt64, false, false, "an operand out of range"},
		{math.MinInt64, math.MinInt64, math.MinInt64, false, false, "would wrap to 0"},
		{1, math.MinInt64, math.MinInt64, false, false, "MinInt64 as b"},
	} {
		got, ok := Add(tc.a, tc.b)
		if ok != tc.addOK || (ok && got != tc.add) {
			t.Errorf("%s: Add(%d, %d) = %d, %v", tc.reason, tc.a, tc.b, got, ok)
		}
		if !ok && InRange(got) {
			t.Errorf("%s: Add(%d, %d) failed but returned %d, in range", tc.reason, tc.a, tc.b, got)
		}
		// Compare with exact arithmetic.
		exact := new(big.Int).Add(big.NewInt(tc.a), big.NewInt(tc.b))
		if ok && exact.Cmp(big.NewInt(got)) != 0 {
			t.Errorf("%s: Add(%d, %d) = %d, exact %s", tc.reason, tc.a, tc.b, got, exact)
		}
		d, ok := Sub(tc.a, tc.b)
		if ok != tc.subOK {
			t.Errorf("%s: Sub(%d, %d) = %d, %v", tc.reason, tc.a, tc.b, d, ok)
		}
		if ok && new(big.Int).Sub(big.NewInt(tc.a), big.NewInt(tc.b)).Cmp(big.NewInt(d)) != 0 {
			t.Errorf("%s: Sub(%d, %d) = %d, wrong", tc.reason, tc.a, tc.b, d)
		}
		if !ok && InRange(d) {
			t.Errorf("%s: Sub(%d, %d) failed but returned %d, in range", tc.reason, tc.a, tc.b, d)
		}
	}
}

// TestRunningSumStaysOut: once a running sum has left the range, adding
// more (even what would bring it back) does not make it valid again.
func TestRunningSumStaysOut(t *testing.T) {
	s, ok := int64(0), true
	for range 101 {
		var k bool
		s, k = Add(s, Max)
		ok = ok && k
	}
	if ok {
		t.Fatal("101 × Max accepted")
	}
	back, k := Add(s, -Max)
	if k || InRange(back) {
		t.Errorf("a sum out of range came back into range: %d", back)
	}
}

func TestMustPanics(t *testing.T) {
	for _, f := range []func(){
		func() { MustAdd(MaxSum, 1) },
		func() { MustSub(-MaxSum, 1) },
		func() { MustAdd(math.MaxInt64, math.MaxInt64) },
	} {
		func() {
			defer func() {
				if _, ok := recover().(OutOfRange); !ok {
					t.Error("no OutOfRange panic")
				}
			}()
			f()
		}()
	}
	if MustAdd(Max, Max) != 2*Max || MustSub(Max, -Max) != 2*Max {
		t.Error("MustAdd/MustSub wrong in range")
	}
}

func TestAbs(t *testing.T) {
	for in, want := range map[int64]int64{0: 0, -5: 5, 5: 5, math.MinInt64: math.MaxInt64, math.MaxInt64: math.MaxInt64} {
		if got := Abs(in); got != want {
			t.Errorf("Abs(%d) = %d, want %d", in, got, want)
		}
	}
}

func TestTerms(t *testing.T) {
	var tm Terms
	for i := range 100 {
		if !tm.Add(Max) || !tm.Add(0) {
			t.Fatalf("term %d refused", i)
		}
	}
	if !tm.OK() {
		t.Fatal("100 × Max is exactly MaxSum and within it")
	}
	if tm.Add(-1) {
		t.Fatal("a negative term is counted by its size: MaxSum+1 accepted")
	}
	if tm.Add(0) || tm.OK() {
		t.Error("Terms went back in range")
	}
	var huge Terms
	if huge.Add(math.MinInt64) {
		t.Error("MinInt64 accepted")
	}
	var two Terms
	if !two.Add(MaxSum) || two.Add(math.MaxInt64) {
		t.Error("an overflowing pair accepted")
	}
}

// FuzzTerms: if the terms are accepted, every prefix sum computed with
// Add is in range and exact.
func FuzzTerms(f *testing.F) {
	f.Add(int64(Max), int64(-Max), int64(MaxSum), int64(1))
	f.Add(int64(math.MinInt64), int64(math.MaxInt64), int64(0), int64(-1))
	f.Fuzz(func(t *testing.T, a, b, c, d int64) {
		var tm Terms
		ok := tm.Add(a) && tm.Add(b) && tm.Add(c) && tm.Add(d)
		exact := new(big.Int)
		s := int64(0)
		for _, n := range []int64{a, b, c, d} {
			exact.Add(exact, big.NewInt(n))
			var k bool
			s, k = Add(s, n)
			if ok && (!k || exact.Cmp(big.NewInt(s)) != 0) {
				t.Fatalf("terms %d %d %d %d accepted but the running sum is %d (%v), exact %s", a, b, c, d, s, k, exact)
			}
			if !k && InRange(s) {
				t.Fatalf("Add failed but returned %d, in range", s)
			}
		}
	})
}
