package build

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// stagePrefix names the staging directories beside public/:
// .portal-build-<pid>-<random>.
const stagePrefix = ".portal-build-"

// removeStaleStages removes staging directories left by builds that were
// killed (their process is gone), so that they do not pile up. A build
// that is still running keeps its own.
func removeStaleStages(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), stagePrefix)
		if !ok || !e.IsDir() {
			continue
		}
		pidText, _, _ := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if err != nil || pid <= 0 || alive(pid) {
			continue
		}
		if _, err := os.Lstat(filepath.Join(dir, e.Name(), keepName)); err == nil {
			continue // holds a tree a failed publish could not move back
		}
		os.RemoveAll(filepath.Join(dir, e.Name()))
	}
}
