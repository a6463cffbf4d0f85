// Package e2e holds the portal's end-to-end tests and browser benchmarks:
// a site built by the real pipeline (check, compile, search index, Hugo),
// served under a sub-path the way GitHub Pages serves a project site, and
// driven in headless Chromium through the DevTools protocol.
//
// The tests need Chromium (Debian's chromium package; .ci/run installs it).
// Without it they fail, unless PORTAL_SKIP_BROWSER=1 says to skip them.
package e2e
