package export

import (
	"reflect"
	"strconv"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/record"
)

// declaredColumns are the columns of the fields that record type rec
// declares for the CSV (record's `portal` tag csv), in its field order,
// for the list named as rec's folder in data/. Each column is named as
// the field, titled and described by the catalogue's keys for the field in
// that list (catalog.ColumnTitle, ColumnDesc), typed by the field's kind,
// and constrained to an enum's codes; its cells are the values the site
// model hands over in felter (model.Felt), missing where not given.
func declaredColumns[T any](rec reflect.Type, felter func(T) []model.Felt) []column[T] {
	list := folderOf(rec)
	var out []column[T]
	for _, d := range record.DeclaredFields(rec) {
		if !d.CSV {
			continue
		}
		f := field{name: d.Name, typ: columnTypes[d.Kind], enum: d.Codes,
			title: catalog.ColumnTitle(list, d.Name), desc: catalog.ColumnDesc(list, d.Name)}
		out = append(out, column[T]{f, func(it T) cell { return declaredCell(d.Kind, compile.Verdi(felter(it), d.Name)) }})
	}
	return out
}

// columnTypes are the Table Schema types of the declared fields' kinds.
var columnTypes = map[string]string{record.Keyword: tString, record.Number: tInteger, record.Date: tDate}

func declaredCell(kind, v string) cell {
	switch kind {
	case record.Number:
		n, err := strconv.Atoi(v)
		if err != nil { // "" (not given): record.DeclaredValues writes ints in decimal
			return null()
		}
		return intOf(n)
	case record.Date:
		return date(v)
	}
	return str(v)
}

// folderOf is the folder in data/ of record type rec (record.DeclaringRecords).
func folderOf(rec reflect.Type) string {
	for _, r := range record.DeclaringRecords {
		if r.Type == rec {
			return r.Folder
		}
	}
	panic("export: " + rec.String() + " is not in record.DeclaringRecords")
}
