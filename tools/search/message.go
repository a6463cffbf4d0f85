package search

import (
	"slices"
	"strconv"
	"strings"
)

// Message is what the visitor is told about a query: that it cannot be
// run as written (an error) or how it was read instead (a notice). The
// search page shows it in the visitor's language: Code names the text
// search_msg_<code> in the text catalogue (i18n/nb.toml and nn.toml), in
// which {0}, {1}, … stand for Args; search.js fills them in. Go holds no
// text of its own; Error is for logs. TestMessagesTranslated keeps the
// codes, the catalogue and the page in step.
type Message struct {
	Code string   `json:"code"`
	Args []string `json:"args,omitempty"`
}

func (m *Message) Error() string {
	if len(m.Args) == 0 {
		return "search: " + m.Code
	}
	return "search: " + m.Code + " " + strconv.Quote(strings.Join(m.Args, " "))
}

// MessageCodes are the codes of the messages. Notices (the query was read
// as plain words) are syntax and unknown_field; the others are errors.
var MessageCodes = []string{
	"too_long", "too_many_words", "too_many_patterns", "syntax", "unknown_field",
	"not_number", "not_number_field", "not_date_field", "bad_date", "bad_filter", "bad_range",
}

// notices are the codes of messages that come with hits.
var notices = map[string]bool{"syntax": true, "unknown_field": true}

// msg makes the message with code and args.
func msg(code string, args ...string) *Message {
	if !slices.Contains(MessageCodes, code) {
		panic("search: no message " + code)
	}
	return &Message{Code: code, Args: args}
}
