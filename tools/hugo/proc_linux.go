package hugo

import (
	"os/exec"
	"syscall"
)

// dieWithParent makes Hugo stop when the build that started it is killed,
// so that no orphan keeps writing into a staging directory.
func dieWithParent(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
