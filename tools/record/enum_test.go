package record_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/openkommune/portal/tools/record"
)

// TestEnumTags checks every `enum` tag of every record type reachable from
// record.Set: on an enum type, naming only codes of that type, each once.
func TestEnumTags(t *testing.T) {
	seen := map[reflect.Type]bool{}
	found := 0
	var walk func(reflect.Type)
	walk = func(ty reflect.Type) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice || ty.Kind() == reflect.Map {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] {
			return
		}
		seen[ty] = true
		for i := range ty.NumField() {
			sf := ty.Field(i)
			if codes := record.EnumTag(sf); codes != nil {
				found++
				v, ok := reflect.Zero(sf.Type).Interface().(interface{ Values() []string })
				if !ok {
					t.Errorf("%s.%s: an enum tag on %s, which has no Values", ty.Name(), sf.Name, sf.Type)
					continue
				}
				for j, c := range codes {
					if !slices.Contains(v.Values(), c) || slices.Contains(codes[:j], c) {
						t.Errorf("%s.%s: enum tag code %q is not a code of %s (%v) or is named twice", ty.Name(), sf.Name, c, sf.Type, v.Values())
					}
				}
			}
			walk(sf.Type)
		}
	}
	walk(reflect.TypeFor[record.Set]())
	if found == 0 {
		t.Fatal("no enum tag found: the oversikt's stadium has one")
	}
}

func TestEnumTagProblem(t *testing.T) {
	codes := []string{"forslag", "innstilling", "vedtatt"}
	if got := record.EnumTagProblem("stadium", "vedtatt", codes); got != "" {
		t.Errorf("vedtatt: got %q, want no problem", got)
	}
	want := `stadium "alternativ" is not one of: forslag, innstilling, vedtatt`
	if got := record.EnumTagProblem("stadium", "alternativ", codes); got != want {
		t.Errorf("alternativ: got %q, want %q", got, want)
	}
}
