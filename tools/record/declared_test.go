package record

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/money"
)

// TestDeclaredRecords reads the tags of every record type that may
// declare fields: a bad tag fails here, not in a build.
func TestDeclaredRecords(t *testing.T) {
	for _, r := range DeclaringRecords {
		if _, err := declare(r.Type); err != nil {
			t.Errorf("%s: %v", r.Folder, err)
		}
	}
}

func TestDeclaredValues(t *testing.T) {
	type rec struct {
		A Entreprise   `toml:"a" portal:"page,csv,facet"`
		B int          `toml:"b" portal:"csv,sort"`
		C caldate.Date `toml:"c" portal:"search"`
		D string       `toml:"d"`
		E string       `toml:"e" portal:"page"`
	}
	got := DeclaredValues(&rec{A: Totalentreprise, C: caldate.New(2026, 3, 1), D: "x"})
	var names, values []string
	for _, v := range got {
		names = append(names, v.Field.Name)
		values = append(values, v.Value)
	}
	if want := []string{"a", "b", "c", "e"}; !slices.Equal(names, want) {
		t.Errorf("names: got %q, want %q", names, want)
	}
	if want := []string{"totalentreprise", "", "2026-03-01", ""}; !slices.Equal(values, want) {
		t.Errorf("values: got %q, want %q", values, want)
	}
	if a := got[0].Field; !slices.Equal(a.Codes, EntrepriseValues) || !a.Page || !a.CSV || a.Kind != Keyword || !a.Search || !a.Facet || a.Sort {
		t.Errorf("a: got %+v", a)
	}
	if b, c := got[1].Field, got[2].Field; b.Kind != Number || !b.Search || !b.Sort || c.Kind != Date || !c.Search || c.Sort || c.Page {
		t.Errorf("b, c: got %+v, %+v", b, c)
	}
	if got[3].Field.Codes != nil {
		t.Errorf("e: a plain string has codes %q", got[3].Field.Codes)
	}
}

func TestDeclaredBadTags(t *testing.T) {
	for _, tc := range []struct {
		name string
		typ  any
		want string
	}{
		{"unknown word", struct {
			A string `toml:"a" portal:"page,shown"`
		}{}, `unknown word "shown"`},
		{"empty tag", struct {
			A string `toml:"a" portal:""`
		}{}, `unknown word ""`},
		{"twice", struct {
			A string `toml:"a" portal:"page,page"`
		}{}, `"page" twice`},
		{"no toml key", struct {
			A string `portal:"page"`
		}{}, "needs a toml key"},
		{"bad toml key", struct {
			A string `toml:"A-b" portal:"page"`
		}{}, "not lower-case"},
		{"money", struct {
			A money.Amount `toml:"a" portal:"csv"`
		}{}, "is not a string, an int or a caldate.Date"},
		{"slice", struct {
			A []string `toml:"a" portal:"csv"`
		}{}, "is not a string"},
		{"a kind word", struct {
			A string `toml:"a" portal:"keyword"`
		}{}, `unknown word "keyword"`},
		{"facet on a number", struct {
			A int `toml:"a" portal:"facet"`
		}{}, "facet needs a keyword"},
		{"facet on a date", struct {
			A caldate.Date `toml:"a" portal:"search,facet"`
		}{}, "facet needs a keyword"},
		{"sort on a keyword", struct {
			A Entreprise `toml:"a" portal:"sort"`
		}{}, "sort needs a number or a date"},
		{"int64", struct {
			A int64 `toml:"a" portal:"csv"`
		}{}, "is not a string"},
		{"declared twice", struct {
			A string `toml:"a" portal:"page"`
			B string `toml:"a" portal:"csv"`
		}{}, `field "a" declared twice`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := declare(reflect.TypeOf(tc.typ))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error with %q", err, tc.want)
			}
		})
	}
}

func TestDeclaredFieldsPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("a bad tag did not panic")
		}
	}()
	DeclaredFields(reflect.TypeFor[struct {
		A string `toml:"a" portal:"bogus"`
	}]())
}
