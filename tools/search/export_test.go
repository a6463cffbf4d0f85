package search

// OpenUnchecked is Open without checking the sums of the pieces, for the
// fuzz tests to reach the decoders with damaged bytes.
func OpenUnchecked(head, docValues []byte) (*Engine, error) { return open(head, docValues, false) }

// Mark is the engine's highlighting for the fuzz tests.
func (e *Engine) Mark(text string, terms map[string]bool, max int) string {
	return e.mark(text, terms, max)
}

// SnippetLen is how long a snippet is.
const SnippetLen = snippetLen

// Fill is the messages' {0} replacement.
var Fill = fill

// IsNotice says whether a message code is a notice (comes with hits).
func IsNotice(code string) bool { return notices[code] }
