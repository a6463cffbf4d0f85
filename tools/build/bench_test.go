package build_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/openkommune/portal/tools/build"
	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/sitedata"
	"github.com/openkommune/portal/tools/synth"
)

// BenchmarkCheckCompile measures check + compile of a synthetic kommune of
// 5 000 vedtak and 500 projects read from memory (target: ≤ 2 s).
//
//	go test ./tools/build -run '^$' -bench CheckCompile -benchtime 5x
func BenchmarkCheckCompile(b *testing.B) {
	fsys := synth.FS(synth.Size{Vedtak: 5000, Prosjekter: 500, Planer: 20, Seed: 1})
	b.ResetTimer()
	for b.Loop() {
		set, diags := build.Check(fsys, "data")
		if diags.Errors() > 0 {
			diags.Print(os.Stderr)
			b.Fatal("synthetic data does not check")
		}
		compile.Compile(set)
	}
}

// BenchmarkCheckCompileWrite adds writing the compiled JSON to disk.
func BenchmarkCheckCompileWrite(b *testing.B) {
	fsys := synth.FS(synth.Size{Vedtak: 5000, Prosjekter: 500, Planer: 20, Seed: 1})
	dir := b.TempDir()
	b.ResetTimer()
	for b.Loop() {
		set, _ := build.Check(fsys, "data")
		if err := sitedata.NewWriter(dir).Site(compile.Compile(set)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildExample measures the whole build of the bundled example
// kommune (check, compile, Hugo, publish) once the tools are compiled
// (target: ≤ 10 s).
//
//	go test ./tools/build -run '^$' -bench BuildExample -benchtime 3x
func BenchmarkBuildExample(b *testing.B) {
	benchBuild(b, filepath.Join(root, "data"))
}

// BenchmarkBuildSynthetic measures the whole build of the synthetic
// kommune of 5 000 vedtak and 500 projects.
func BenchmarkBuildSynthetic(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "data")
	if err := synth.WriteDir(dir, synth.Size{Vedtak: 5000, Prosjekter: 500, Planer: 20, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	benchBuild(b, dir)
}

func benchBuild(b *testing.B, data string) {
	out := filepath.Join(b.TempDir(), "public")
	o := build.Options{Root: root, DataDir: data, Out: out, Diags: io.Discard}
	// Compile Hugo (if needed) outside the measurement.
	if err := build.Build(context.Background(), o); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if err := build.Build(context.Background(), o); err != nil {
			b.Fatal(err)
		}
	}
}
