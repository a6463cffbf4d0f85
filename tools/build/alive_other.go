//go:build !unix

package build

// alive cannot tell here, so every other build's staging directory is
// kept.
func alive(pid int) bool { return true }
