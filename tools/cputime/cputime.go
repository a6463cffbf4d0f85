// Package cputime measures the CPU time the process has used, for
// benchmarks on a shared machine, where CPU time is steadier than the wall
// clock (a benchmark that waits for a busy core is not slower code).
package cputime

import "time"

// Used is the CPU time (user and system) of this process and of its
// children that have been waited for (such as Hugo), or 0 where the system
// does not say.
func Used() time.Duration { return used() }
