package export

import (
	"strings"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/model"
)

// tableSchema is a Frictionless Table Schema.
type tableSchema struct {
	Fields        []schemaField      `json:"fields"`
	MissingValues []string           `json:"missingValues"`
	PrimaryKey    []string           `json:"primaryKey"`
	ForeignKeys   []schemaForeignKey `json:"foreignKeys,omitempty"`
}

type schemaField struct {
	Name        string       `json:"name"`
	Type        string       `json:"type"`
	Format      string       `json:"format,omitempty"`
	DecimalChar string       `json:"decimalChar,omitempty"`
	Title       string       `json:"title"`
	Description string       `json:"description"`
	TrueValues  []string     `json:"trueValues,omitempty"`
	FalseValues []string     `json:"falseValues,omitempty"`
	Constraints *constraints `json:"constraints,omitempty"`
}

type constraints struct {
	Required bool     `json:"required,omitempty"`
	Unique   bool     `json:"unique,omitempty"`
	Enum     []string `json:"enum,omitempty"`
	Minimum  *int64   `json:"minimum,omitempty"`
}

type schemaForeignKey struct {
	Fields    []string  `json:"fields"`
	Reference reference `json:"reference"`
}

type reference struct {
	Resource string   `json:"resource"` // "" refers to the same table
	Fields   []string `json:"fields"`
}

func (t *table) schema(w *catalog.Text) tableSchema {
	s := tableSchema{MissingValues: []string{""}, PrimaryKey: t.primaryKey}
	for _, f := range t.fields {
		sf := schemaField{Name: f.name, Type: f.typ, Title: w.T(f.title, nil), Description: w.T(f.desc, nil)}
		switch f.typ {
		case tDate:
			sf.Format = "default" // YYYY-MM-DD
		case tBoolean:
			sf.TrueValues, sf.FalseValues = []string{"true"}, []string{"false"}
		}
		if f.required || f.unique || len(f.enum) > 0 || f.minimum != nil {
			sf.Constraints = &constraints{Required: f.required, Unique: f.unique, Enum: f.enum, Minimum: f.minimum}
		}
		s.Fields = append(s.Fields, sf)
	}
	for _, fk := range t.foreignKeys {
		s.ForeignKeys = append(s.ForeignKeys, schemaForeignKey{Fields: fk.fields, Reference: reference{Resource: fk.resource, Fields: fk.refFields}})
	}
	return s
}

// pkg is a Frictionless Data Package descriptor.
type pkg struct {
	Profile     string     `json:"profile"`
	Name        string     `json:"name"`
	Title       string     `json:"title"`
	Description string     `json:"description"`
	Homepage    string     `json:"homepage,omitempty"`
	Version     string     `json:"version,omitempty"` // the build's version, "2026-12-07-97fedb8" (model.Versjon)
	Licenses    []license  `json:"licenses,omitempty"`
	Resources   []resource `json:"resources"`
}

type license struct {
	Name  string `json:"name,omitempty"` // an Open Definition / SPDX id, when known
	Title string `json:"title,omitempty"`
	Path  string `json:"path,omitempty"`
}

type resource struct {
	Name        string   `json:"name"`
	Path        string   `json:"path"`
	Profile     string   `json:"profile,omitempty"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Format      string   `json:"format"`
	Mediatype   string   `json:"mediatype"`
	Encoding    string   `json:"encoding"`
	Dialect     *dialect `json:"dialect,omitempty"`
	Bytes       int      `json:"bytes"`
	Hash        string   `json:"hash"`
	Schema      string   `json:"schema,omitempty"` // none for a file that is not a table (Popolo)
}

// dialect is a Frictionless CSV Dialect
// (https://specs.frictionlessdata.io/csv-dialect/).
type dialect struct {
	Delimiter      string `json:"delimiter"`
	LineTerminator string `json:"lineTerminator"`
	QuoteChar      string `json:"quoteChar"`
	DoubleQuote    bool   `json:"doubleQuote"`
	Header         bool   `json:"header"`
}

// licenseIDs maps licence names as kommuner write them to their
// Open Definition / SPDX identifiers.
var licenseIDs = map[string]string{
	"nlod 1.0":  "NLOD-1.0",
	"nlod 2.0":  "NLOD-2.0",
	"cc by 4.0": "CC-BY-4.0",
	"cc0 1.0":   "CC0-1.0",
	"cc0":       "CC0-1.0",
	"pddl 1.0":  "PDDL-1.0",
	"odc-by":    "ODC-BY-1.0",
}

func dataPackage(site *model.Site, w *catalog.Text, resources []resource) pkg {
	k := site.Kommune
	desc := w.T("export_datapakke_desc", catalog.Args{"Referansedato": k.Referansedato.ISO})
	if k.Fiktiv {
		desc += " " + w.T("export_datapakke_fiktiv", nil)
	}
	p := pkg{
		Profile:     "data-package",
		Name:        packageName(k.Navn, k.Kommunenummer),
		Title:       w.T("export_datapakke", catalog.Args{"Kommune": k.Navn}),
		Description: desc,
		Homepage:    k.Nettsted,
		Resources:   resources,
	}
	if k.Versjon != nil {
		p.Version = k.Versjon.ID
	}
	if k.Lisens != "" || k.LisensURL != "" {
		p.Licenses = []license{{Name: licenseIDs[strings.ToLower(strings.TrimSpace(k.Lisens))], Title: k.Lisens, Path: k.LisensURL}}
	}
	return p
}

// packageName derives the data package's name from the kommune's name:
// lower-case ASCII letters, digits and hyphens ("eksempelvik-kommune").
func packageName(navn, nummer string) string {
	r := strings.NewReplacer("æ", "ae", "ø", "o", "å", "a", "é", "e", "á", "a", "ä", "a", "ö", "o", "ü", "u")
	s := r.Replace(strings.ToLower(navn))
	var b strings.Builder
	dash := false
	for _, c := range s {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "kommune-" + strings.ToLower(nummer)
	}
	return b.String()
}
