package jsonstat

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// TestKostra reads the saved KOSTRA table and looks up figures by SSB's
// category ids.
func TestKostra(t *testing.T) {
	ds, err := Parse("kostra-12362.json", readFixture(t, "kostra-12362.json"))
	if err != nil {
		t.Fatal(err)
	}
	if ds.Source != "Statistisk sentralbyrå" || !strings.HasPrefix(ds.Label, "12362:") || ds.Updated != "2025-06-15T06:00:00Z" || len(ds.Note) != 1 {
		t.Errorf("metadata %q %q %q %q", ds.Source, ds.Label, ds.Updated, ds.Note)
	}
	if ds.TableID != "12362" {
		t.Errorf("table id %q, want 12362 from extension.px.tableid", ds.TableID)
	}
	src := readFixture(t, "kostra-12362.json")
	if l, c := LineCol(src, ds.Dimension("Tid").Categories[2].Off); l != 121 || c != 11 {
		t.Errorf("category 2024 at %d:%d, want 121:11", l, c)
	}
	if l, c := LineCol(src, ds.Values[5].Off); l != 162 || c != 5 || !ds.Values[5].Null {
		t.Errorf("the null value at %d:%d (%+v), want 162:5", l, c, ds.Values[5])
	}
	if got := ds.Role["geo"]; len(got) != 1 || got[0] != "KOKkommuneregion0000" {
		t.Errorf("geo role %v", got)
	}
	if len(ds.Values) != 36 {
		t.Fatalf("%d values", len(ds.Values))
	}
	at := func(region, fn, year string) Value {
		v, err := ds.Lookup(map[string]string{"KOKkommuneregion0000": region, "KOKfunksjon0000": fn, "KOKart0000": "AGD2", "ContentsCode": "KOSbelopinnbygge0000", "Tid": year})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if v := at("3999", "201", "2022"); v.Null || v.Text != "18512" || v.Number != 18512 {
		t.Errorf("Eksempelvik barnehage 2022 = %+v", v)
	}
	if v := at("3999", "202", "2024"); !v.Null || v.Status != ".." {
		t.Errorf("Eksempelvik grunnskole 2024 = %+v, want null with status ..", v)
	}
	if v := at("EAK", "254", "2024"); v.Text != "12076" {
		t.Errorf("Landet hjemmetjenester 2024 = %+v", v)
	}
	fn := ds.Dimension("KOKfunksjon0000")
	if fn == nil || fn.Categories[1].ID != "202" || fn.Categories[1].Label != "Grunnskole" {
		t.Errorf("funksjon %+v", fn)
	}
	if u := ds.Dimension("ContentsCode").Categories[0].Unit; u == nil || u.Label != "kr" || u.Decimals != 0 {
		t.Errorf("unit %+v", u)
	}
	if _, err := ds.Lookup(map[string]string{"KOKkommuneregion0000": "0301"}); err == nil {
		t.Error("a lookup of a missing category succeeded")
	}
}

// TestBad wants a positioned message for each bad file and no dataset.
func TestBad(t *testing.T) {
	for _, tc := range []struct {
		file string
		want []string
	}{
		{"bad-missing-dimension.json", []string{`bad-missing-dimension.json:35:16: dimension "KOKart0000" is listed in id but missing from dimension: the file is incomplete; fetch it again`}},
		{"bad-size.json", []string{`bad-size.json:117:19: dimension "Tid" has 3 categories but size says 2`}},
		{"bad-index.json", []string{
			`bad-index.json:121:19: category "2024" has index 3: indexes run from 0 to 2, one per category`,
		}},
	} {
		ds, err := Parse(tc.file, readFixture(t, tc.file))
		if ds != nil || err == nil {
			t.Errorf("%s: no error", tc.file)
			continue
		}
		got := err.Error()
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: got\n%s\nwant\n%s", tc.file, got, w)
			}
		}
	}
}

func TestStrict(t *testing.T) {
	const ok = `{"version":"2.0","class":"dataset","id":["a","b"],"size":[2,2],
"dimension":{"a":{"category":{"index":["x","y"]}},"b":{"category":{"index":{"p":0,"q":1},"label":{"p":"P","q":"Q"}}}},`
	for _, tc := range []struct {
		name, src, want string
	}{
		{"count", ok + `"value":[1,2,3]}`, "t.json:2:127: value has 3 entries but the sizes give 4"},
		{"sparse", ok + `"value":{"0":1,"4":2}}`, `t.json:2:134: value key "4" is not a cell index: indexes run from 0 to 3`},
		{"status", ok + `"value":[1,null,3,4],"status":{"7":".."}}`, `t.json:2:150: status key "7" is not a cell index`},
		{"text value", ok + `"value":[1,"x",3,4]}`, `t.json:2:130: a value is "x", want a number or null`},
		{"duplicate key", ok + `"value":[1,2,3,4],"value":[1,2,3,4]}`, `t.json:2:137: key "value" is given twice`},
		{"version", strings.Replace(ok, `"2.0"`, `"1.0"`, 1) + `"value":[1,2,3,4]}`, `t.json:1:12: version must be "2.0"`},
		{"extra dimension", strings.Replace(ok, `"dimension":{`, `"dimension":{"c":{"category":{"index":["z"]}},`, 1) + `"value":[1,2,3,4]}`, `t.json:2:14: dimension "c" is not listed in id`},
		{"role", ok + `"value":[1,2,3,4],"role":{"time":["t"]}}`, `t.json:2:153: role time names "t", which is not a dimension in id`},
		{"cut off", ok + `"value":[1,2`, `t.json:2:131: the JSON ends too early`},
		{"label", strings.Replace(ok, `"label":{"p":"P"`, `"label":{"r":"P"`, 1) + `"value":[1,2,3,4]}`, `label for category "r", which is not in dimension "b"'s index`},
	} {
		_, err := Parse("t.json", []byte(tc.src))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.want)
		}
	}
	ds, err := Parse("t.json", []byte(ok+`"value":{"3":7.5},"status":"e"}`))
	if err != nil {
		t.Fatal(err)
	}
	if v := ds.Values[3]; v.Null || v.Text != "7.5" || v.Status != "e" || !ds.Values[0].Null {
		t.Errorf("sparse values %+v", ds.Values)
	}
}

func FuzzParse(f *testing.F) {
	for _, n := range []string{"kostra-12362.json", "bad-size.json", "bad-index.json"} {
		src, err := os.ReadFile(filepath.Join("testdata", n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		ds, err := Parse("f.json", src)
		if (ds == nil) == (err == nil) {
			t.Fatalf("dataset %v and error %v", ds != nil, err)
		}
		if ds == nil {
			return
		}
		n := 1
		for _, d := range ds.Dimensions {
			n *= len(d.Categories)
		}
		if n != len(ds.Values) {
			t.Fatalf("%d values for a cube of %d", len(ds.Values), n)
		}
	})
}
