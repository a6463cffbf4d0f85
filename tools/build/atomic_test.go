package build_test

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// portalBinary builds the portal command once per test binary.
func portalBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "portal")
	cmd := exec.Command("go", "build", "-o", bin, "./tools/cmd/portal")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestInterruptedBuild kills `portal build` at several stages and checks
// that the previous site is still there, byte for byte, and that the next
// build cleans up after the killed one and publishes.
func TestInterruptedBuild(t *testing.T) {
	bin := portalBinary(t)
	data := filepath.Join(root, "data")
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	run := func(stop string) {
		cmd := exec.Command(bin, "build", "-root", root, "-data", data, "-out", out)
		stderr, err := cmd.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		killed := false
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if stop != "" && strings.HasPrefix(sc.Text(), stop) {
				cmd.Process.Signal(syscall.SIGKILL)
				killed = true
				break
			}
		}
		err = cmd.Wait()
		if stop == "" && err != nil {
			t.Fatalf("build: %v", err)
		}
		if stop != "" && !killed {
			t.Fatalf("the build ended before stage %q", stop)
		}
	}
	run("")
	before := snapshot(t, out)
	// After each of these stages is reported done, the build is killed:
	// after search the next stage is Hugo writing the site.
	for _, stage := range []string{"check", "export", "search"} {
		run(stage)
		if now := snapshot(t, out); now != before {
			t.Fatalf("killed after %s: public/ changed:\n%s", stage, firstDiff(before, now))
		}
	}
	stale, _ := filepath.Glob(filepath.Join(dir, ".portal-build-*"))
	if len(stale) == 0 {
		t.Fatal("the killed builds left no staging directory: was the build killed at all?")
	}
	run("")
	if now := snapshot(t, out); now != before {
		t.Errorf("the build after the killed ones differs:\n%s", firstDiff(before, now))
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".portal-build-*")); len(left) > 0 {
		t.Errorf("staging directories of killed builds were not removed: %q", left)
	}
}

// TestTimeZones builds the example in processes with different time zones
// (and locales) and expects byte-identical sites: nothing depends on the
// machine's clock, zone or language.
func TestTimeZones(t *testing.T) {
	bin := portalBinary(t)
	var sites []string
	for _, env := range [][]string{
		{"TZ=UTC", "LANG=C"},
		{"TZ=Pacific/Kiritimati", "LANG=nb_NO.UTF-8"},
		{"TZ=America/Los_Angeles", "LANG=en_US.UTF-8", "LC_ALL=en_US.UTF-8"},
	} {
		out := filepath.Join(t.TempDir(), "public")
		cmd := exec.Command(bin, "build", "-q", "-root", root, "-out", out, "-baseurl", "https://eksempelvik.github.io/portal/")
		cmd.Env = append(os.Environ(), env...)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", env, err, b)
		}
		sites = append(sites, snapshot(t, out))
	}
	for i := 1; i < len(sites); i++ {
		if sites[i] != sites[0] {
			t.Errorf("the site built in another time zone differs:\n%s", firstDiff(sites[0], sites[i]))
		}
	}
}
