package build

// preflight reports, before any stage runs, every reason the build cannot
// run with o: an output directory the build may not replace (checkOut). o
// has its defaults.
func (o Options) preflight() error {
	return checkOut(o)
}
