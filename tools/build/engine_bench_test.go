package build

import (
	"bytes"
	"compress/gzip"
	"context"
	"path/filepath"
	"testing"

	"github.com/andybalholm/brotli"
)

// BenchmarkEngineSize compiles the search engine to WebAssembly and reports
// its size raw, gzip -9 and brotli -11: what a visitor downloads once
// (target: ≤ 2.5 MB gzip).
//
//	go test ./tools/build -run '^$' -bench EngineSize -benchtime 1x
func BenchmarkEngineSize(b *testing.B) {
	root, _ := filepath.Abs("../..")
	var e *engineFiles
	for b.Loop() {
		var err error
		if e, err = engine(context.Background(), root); err != nil {
			b.Fatal(err)
		}
	}
	var gz, br bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(e.wasm)
	zw.Close()
	bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
	bw.Write(e.wasm)
	bw.Close()
	b.ReportMetric(float64(len(e.wasm))/1e6, "MB-raw")
	b.ReportMetric(float64(gz.Len())/1e6, "MB-gzip")
	b.ReportMetric(float64(br.Len())/1e6, "MB-brotli")
}
