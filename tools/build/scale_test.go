//go:build linux

package build

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/openkommune/portal/tools/hugo"
	"github.com/openkommune/portal/tools/synth"
)

// The scale benchmarks build a synthetic kommune (package synth) stage by
// stage and report each stage's time and peak memory (peak-MB: the
// process's peak resident set, VmHWM, reset before the stage; for Hugo and
// the whole build, which run as child processes, their maximum resident
// set including their own children); for Hugo also its CPU time
// (hugo-cpu-s) and how many times its garbage collector ran
// (hugo-gc-cycles), which other load on the machine disturbs less than
// the wall clock.
//
//	PORTAL_SCALE=1 go test ./tools/build -run '^$' -bench '^BenchmarkScale$' -benchtime 1x -timeout 3h
//
// runs the sizes "5000" (5 000 vedtak, 500 projects, 20 plans) and
// "100000" (100 000 vedtak over 20 years, 2 000 projects, 50 plans);
// PORTAL_SCALE=100000 runs only that size, and -bench 'Scale/100000/hugo'
// only one stage (the stages before it run first, unmeasured). Without
// PORTAL_SCALE only the size "tiny" runs, as TestScale does in every
// go test run, so that the benchmarks keep working. Set
// PORTAL_SCALE_HUGO_ARGS="--templateMetrics --templateMetricsHints" to
// print Hugo's template metrics in the hugo stage, and PORTAL_SCALE_KEEP=DIR
// to keep the data, the staging directory (compiled data and Hugo overlay,
// to run Hugo by hand) and the site under DIR; a later run uses the data
// found there (remove it after changing package synth). docs/scale.md has
// the measured figures.

// scaleSizes are the synthetic kommuner measured.
var scaleSizes = []struct {
	name string
	size synth.Size
}{
	{"tiny", synth.Size{Vedtak: 300, Prosjekter: 30, Planer: 5, Seed: 1}},
	{"5000", synth.Size{Vedtak: 5000, Prosjekter: 500, Planer: 20, Seed: 1}},
	{"100000", synth.Size{Vedtak: 100_000, Prosjekter: 2000, Planer: 50, Seed: 1, Years: 20}},
}

// scaleStages are the stages measured, in build order: the build's steps
// but publish, with check and compile together as their target is, then
// the whole build.
var scaleStages = func() []string {
	out := []string{"check+compile"}
	for _, s := range steps {
		if s.name != "check" && s.name != "compile" && s.name != "publish" {
			out = append(out, s.name)
		}
	}
	return append(out, "build")
}()

// scaleSteps are the build steps a measured stage runs.
func scaleSteps(stage string) []string {
	if stage == "check+compile" {
		return []string{"check", "compile"}
	}
	return []string{stage}
}

func BenchmarkScale(b *testing.B) {
	want := os.Getenv("PORTAL_SCALE")
	for _, sz := range scaleSizes {
		if sz.name != "tiny" && want != "1" && want != sz.name {
			continue
		}
		b.Run(sz.name, func(b *testing.B) {
			r := newScaleRun(b, sz.size)
			for _, stage := range scaleStages {
				b.Run(stage, func(b *testing.B) {
					var m scaleMeasure
					for range b.N {
						b.StopTimer()
						r.before(stage)
						b.StartTimer()
						m = r.measure(stage)
					}
					b.StopTimer()
					b.ReportMetric(m.peakMB, "peak-MB")
					for _, d := range m.detail {
						b.ReportMetric(d.seconds, d.name+"-s")
					}
					if stage == "hugo" {
						b.ReportMetric(float64(m.gcs), "hugo-gc-cycles")
					}
					if m.log != "" {
						b.Log("\n" + m.log)
					}
				})
			}
		})
	}
}

// TestScale runs the scale benchmarks' stages once on a tiny kommune, so
// that they keep working between the runs that measure.
func TestScale(t *testing.T) {
	r := newScaleRun(t, scaleSizes[0].size)
	for _, stage := range scaleStages {
		if testing.Short() && (stage == "hugo" || stage == "build") {
			continue
		}
		r.before(stage)
		m := r.measure(stage)
		if m.peakMB <= 0 || m.took <= 0 {
			t.Errorf("%s: took %v, peak %.0f MB", stage, m.took, m.peakMB)
		}
		t.Logf("%-14s %8.2f s %7.0f MB", stage, m.took.Seconds(), m.peakMB)
	}
	if !testing.Short() {
		if _, err := os.Stat(filepath.Join(r.out, "vedtak", "index.html")); err != nil {
			t.Error(err)
		}
	}
}

// TestScaleBuildChild is the whole build run as a child process by the
// stage "build", so that its peak memory is its own and Hugo's.
func TestScaleBuildChild(t *testing.T) {
	args := os.Getenv("PORTAL_SCALE_CHILD")
	if args == "" {
		t.Skip("run by the scale benchmarks")
	}
	data, out, _ := strings.Cut(args, string(os.PathListSeparator))
	root, _ := filepath.Abs("../..")
	err := Build(context.Background(), Options{Root: root, DataDir: data, Out: out, Log: os.Stdout, Diags: os.Stderr})
	if err != nil {
		t.Fatal(err)
	}
}

type scaleMeasure struct {
	took   time.Duration
	peakMB float64
	gcs    int // for Hugo: how many times its collector ran
	detail []struct {
		name    string
		seconds float64
	}
	log string
}

// scaleRun is one synthetic kommune going through the build's steps one
// by one, each step's input made by the steps before it.
type scaleRun struct {
	tb   testing.TB
	root string
	data string // the synthetic data directory
	out  string // the site built by the stage "build"
	dir  string // the staging directory, kept
	run  *run
	done map[string]bool
	// hugoPeakMB and hugoLog are Hugo's own peak and output in the
	// step hugo.
	hugoPeakMB float64
	hugoOnly   time.Duration
	hugoLog    string
	// hugoCPU is Hugo's user and system CPU time, hugoGC how many times
	// its garbage collector ran.
	hugoCPU time.Duration
	hugoGC  int
}

func newScaleRun(tb testing.TB, size synth.Size) *scaleRun {
	tb.Helper()
	root, _ := filepath.Abs("../..")
	dir := tb.TempDir()
	// The stages run under the memory limit Build sets.
	if os.Getenv("GOMEMLIMIT") == "" {
		old := debug.SetMemoryLimit(memoryLimit)
		tb.Cleanup(func() { debug.SetMemoryLimit(old) })
	}
	keep := os.Getenv("PORTAL_SCALE_KEEP")
	if keep != "" {
		dir = filepath.Join(keep, fmt.Sprintf("%d-%d-%d-%d", size.Vedtak, size.Prosjekter, size.Planer, size.Seed))
	}
	r := &scaleRun{tb: tb, root: root, data: filepath.Join(dir, "data"), dir: filepath.Join(dir, "stage"), out: filepath.Join(dir, "public"), done: map[string]bool{}}
	if _, err := os.Stat(filepath.Join(r.data, "kommune.toml")); err == nil && keep != "" {
		tb.Logf("using the data already in %s", r.data)
	} else if err := synth.WriteDir(r.data, size); err != nil {
		tb.Fatal(err)
	}
	os.RemoveAll(r.dir)
	if err := os.MkdirAll(r.dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	// The search engine is compiled once per process; not part of a stage.
	if _, err := engine(context.Background(), root); err != nil {
		tb.Fatal(err)
	}
	r.reset()
	return r
}

// reset starts a new run of the steps in the kept staging directory.
func (r *scaleRun) reset() {
	o := Options{Root: r.root, DataDir: r.data, Out: r.out, Diags: os.Stderr}.withDefaults()
	r.run = &run{ctx: context.Background(), o: o, dir: r.dir, runHugo: r.hugo}
	clear(r.done)
}

// before runs, unmeasured, the steps a stage needs that have not run (the
// whole build needs none).
func (r *scaleRun) before(stage string) {
	if stage == "build" {
		return
	}
	first := scaleSteps(stage)[0]
	for _, s := range steps {
		if s.name == first {
			return
		}
		if !r.done[s.name] {
			r.step(s.name)
		}
	}
}

// step runs one build step.
func (r *scaleRun) step(name string) {
	r.tb.Helper()
	for _, s := range steps {
		if s.name == name {
			if _, err := s.run(r.run); err != nil {
				r.tb.Fatalf("%s: %v", name, err)
			}
			r.done[name] = true
			return
		}
	}
	r.tb.Fatalf("no build step %q", name)
}

// measure measures one stage: its steps run in this process (the time, and
// the peak resident set with what the process holds already, as in a
// build, where the data and the site model stay in memory), but for Hugo,
// whose own peak is measured, and the whole build, run in a child.
func (r *scaleRun) measure(stage string) scaleMeasure {
	r.tb.Helper()
	if stage == "build" {
		m, err := r.build()
		if err != nil {
			r.tb.Fatalf("build: %v", err)
		}
		return m
	}
	var m scaleMeasure
	runtime.GC()
	debug.FreeOSMemory()
	resetPeak()
	t := time.Now()
	for _, name := range scaleSteps(stage) {
		ts := time.Now()
		r.step(name)
		if stage != name {
			m.add(name, time.Since(ts))
		}
	}
	m.took = time.Since(t)
	m.peakMB = peakMB()
	if stage == "hugo" {
		m.peakMB, m.log = r.hugoPeakMB, r.hugoLog
		m.add("hugo-only", r.hugoOnly)
		m.add("hugo-cpu", r.hugoCPU)
		m.gcs = r.hugoGC
	}
	return m
}

func (m *scaleMeasure) add(name string, d time.Duration) {
	m.detail = append(m.detail, struct {
		name    string
		seconds float64
	}{name, d.Seconds()})
}

// resetPeak resets the process's peak resident set to its current size
// (Linux: clear_refs 5), so that VmHWM is the peak of what follows.
func resetPeak() bool {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// peakMB is the process's peak resident set (VmHWM) in MB.
func peakMB() float64 { return vmHWM("/proc/self/status") }

// vmHWM reads VmHWM in MB from a /proc/PID/status file (0 if it cannot).
func vmHWM(path string) float64 {
	status, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 64)
			return kb / 1024
		}
	}
	return 0
}

// childPeakMB is a finished child's maximum resident set in MB, including
// the children it waited for. The kernel counts in it the resident set this
// process had when it started the child (Go starts children with vfork), so
// call it for a child started when this process was small.
func childPeakMB(cmd *exec.Cmd) float64 {
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		return float64(ru.Maxrss) / 1024 // kB on Linux
	}
	return 0
}

// runPolled runs cmd and returns its own peak resident set (VmHWM) in MB,
// read from /proc while it runs: unlike childPeakMB, it does not count
// this process's memory.
func runPolled(cmd *exec.Cmd) (float64, error) {
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	done := make(chan struct{})
	peak := make(chan float64)
	go func() {
		status := fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)
		var mb float64
		for {
			if v := vmHWM(status); v > mb {
				mb = v
			}
			select {
			case <-done:
				peak <- mb
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	err := cmd.Wait()
	close(done)
	return <-peak, err
}

// hugo runs Hugo for the step hugo, measuring its own peak resident set.
func (r *scaleRun) hugo(ctx context.Context, o hugo.Options) error {
	var stdout, stderr bytes.Buffer
	o.Stdout, o.Stderr = &stdout, &stderr
	o.Args = strings.Fields(os.Getenv("PORTAL_SCALE_HUGO_ARGS"))
	cmd := hugo.Command(ctx, o)
	// The collector's trace, to count its cycles: with the CPU time, a
	// measure of Hugo's work that other load on the machine disturbs less
	// than the wall clock.
	cmd.Env = append(cmd.Env, "GODEBUG=gctrace=1")
	t := time.Now()
	peak, err := runPolled(cmd)
	if err != nil {
		return fmt.Errorf("%v\n%s", err, stderr.String())
	}
	r.hugoOnly, r.hugoPeakMB, r.hugoLog = time.Since(t), peak, ""
	r.hugoCPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	r.hugoGC = 0
	for _, line := range strings.Split(stderr.String(), "\n") {
		if strings.HasPrefix(line, "gc ") {
			r.hugoGC++
		}
	}
	if len(o.Args) > 0 {
		r.hugoLog = stdout.String()
	}
	return nil
}

// build runs the whole build (Build, as portal build does) in a child
// process: this test binary running TestScaleBuildChild.
func (r *scaleRun) build() (scaleMeasure, error) {
	var m scaleMeasure
	os.RemoveAll(r.out)
	// The child's peak counts this process's resident set when it starts
	// (childPeakMB): let go of the stages' results first.
	r.reset()
	runtime.GC()
	debug.FreeOSMemory()
	resetPeak()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(os.Args[0], "-test.run=^TestScaleBuildChild$", "-test.count=1", "-test.timeout=0")
	cmd.Env = append(os.Environ(), "PORTAL_SCALE_CHILD="+r.data+string(os.PathListSeparator)+r.out)
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	t := time.Now()
	if err := cmd.Run(); err != nil {
		return m, fmt.Errorf("%v\n%s%s", err, stdout.String(), stderr.String())
	}
	m.took = time.Since(t)
	m.peakMB = childPeakMB(cmd)
	// Build's own stage timings, as portal build prints them.
	var lines []string
	for _, line := range strings.Split(stdout.String(), "\n") {
		if f := strings.Fields(line); len(f) >= 3 && f[2] == "ms" {
			lines = append(lines, line)
		}
	}
	m.log = strings.Join(lines, "\n")
	return m, nil
}
