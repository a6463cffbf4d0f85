package search

import (
	"github.com/blevesearch/bleve/v2/analysis"
	_ "github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/no"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Analyzer names in the mapping.
const (
	// IndexAnalyzer is Norwegian with decompounding, for indexing text.
	IndexAnalyzer = "portal_no_index"
	// QueryAnalyzer is bleve's Norwegian analyzer, for queries: a query
	// word is not split, so "barneskole" asks for that word, not for
	// "barn" or "skole".
	QueryAnalyzer = no.AnalyzerName
	// KeywordAnalyzer keeps the whole value, lower-cased.
	KeywordAnalyzer = "portal_keyword"
)

// Mapping is the index mapping the query engine uses: which analyzer reads
// a field's query text, and which fields are numbers or dates.
func Mapping() *mapping.IndexMappingImpl {
	m := mapping.NewIndexMapping()
	must(m.AddCustomAnalyzer(IndexAnalyzer, map[string]interface{}{
		"type":          "custom",
		"tokenizer":     unicode.Name,
		"token_filters": []interface{}{lowercase.Name, CompoundName, no.StopName, no.SnowballStemmerName},
	}))
	must(m.AddCustomAnalyzer(KeywordAnalyzer, map[string]interface{}{
		"type":          "custom",
		"tokenizer":     single.Name,
		"token_filters": []interface{}{lowercase.Name},
	}))
	m.DefaultAnalyzer = QueryAnalyzer
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false
	doc := mapping.NewDocumentStaticMapping()
	for _, f := range Fields {
		var fm *mapping.FieldMapping
		switch f.Kind {
		case Text:
			fm = mapping.NewTextFieldMapping()
			fm.Analyzer = QueryAnalyzer
		case Keyword:
			fm = mapping.NewTextFieldMapping()
			fm.Analyzer = KeywordAnalyzer
		case Number:
			fm = mapping.NewNumericFieldMapping()
		case Date:
			fm = mapping.NewDateTimeFieldMapping()
		}
		fm.Store = false
		fm.IncludeTermVectors = false
		fm.IncludeInAll = false
		doc.AddFieldMappingsAt(f.Name, fm)
	}
	m.DefaultMapping = doc
	return m
}

// Analyzers holds the analyzers a mapping built.
type Analyzers struct {
	Index, Query, Keyword analysis.Analyzer
}

// NewAnalyzers returns the analyzers of m.
func NewAnalyzers(m *mapping.IndexMappingImpl) Analyzers {
	return Analyzers{
		Index:   m.AnalyzerNamed(IndexAnalyzer),
		Query:   m.AnalyzerNamed(QueryAnalyzer),
		Keyword: m.AnalyzerNamed(KeywordAnalyzer),
	}
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}
