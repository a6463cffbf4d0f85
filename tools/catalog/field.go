package catalog

// # Keys of declared fields
//
// A record's declared fields (record.DeclaredFields) have no Key
// constants: their keys follow from the field's name by the rules below,
// the only keys made at run time. The test of this package adds the keys
// of every declared field to the keys used, by the same rules.

// FieldLabel is the key of a declared field's label: the field's name
// ("entreprise").
func FieldLabel(field string) Key { return Key(field) }

// FieldCode is the key of the label of one code of a declared enum field:
// <field>_<code> ("entreprise_totalentreprise"), the pattern a layout
// writes as printf "%s_%s".
func FieldCode(field, code string) Key { return Key(field + "_" + code) }

// ColumnTitle is the key of a declared field's column title in a list:
// export_<list>_<field>.
func ColumnTitle(list, field string) Key { return Key("export_" + list + "_" + field) }

// ColumnDesc is the key of a declared field's column description in a
// list: export_<list>_<field>_desc.
func ColumnDesc(list, field string) Key { return Key("export_" + list + "_" + field + "_desc") }
