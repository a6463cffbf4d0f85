//go:build unix

package build

import (
	"errors"
	"syscall"
)

// alive tells whether a process with this id exists.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
