package search

import (
	"strconv"
	"strings"
)

// Message is what the visitor is told about a query: that it cannot be
// run as written (an error) or how it was read instead (a notice). The
// search page shows it in the visitor's language: Code names the i18n
// text search_msg_<code> (in i18n/nb.toml and nn.toml), in which {0},
// {1}, … stand for Args. Text is the bokmål, for Go callers and logs.
// TestMessagesTranslated keeps the codes, the i18n files and the page in
// step.
type Message struct {
	Code string   `json:"code"`
	Args []string `json:"args,omitempty"`
	Text string   `json:"text"`
}

func (m *Message) Error() string { return m.Text }

// MessageTexts are the bokmål texts of the message codes. Notices (the
// query was read as plain words) are syntax and unknown_field; the others
// are errors.
var MessageTexts = map[string]string{
	"too_long":          "Søket er for langt. Skriv høyst {0} tegn.",
	"too_many_words":    "Søket har for mange ord. Bruk høyst {0} ord.",
	"too_many_patterns": "Søket har for mange ord med *, ?, ~ eller /…/. Bruk høyst {0} slike ord.",
	"syntax":            "Søket har tegn som brukes i avansert søk, men som ikke passet sammen (for eksempel et anførselstegn eller en parentes uten motpart). Derfor ble det søkt etter ordene alene.",
	"unknown_field":     "«{0}» er ikke et felt du kan søke i, så det ble søkt etter ordene alene. Feltene står under «Søketips og avansert søk».",
	"not_number":        "{0} må være et tall, ikke «{1}».",
	"not_number_field":  "{0} er ikke et tallfelt. Tallfelt er avvik_prosent, avvik_kr, kostnadsramme og belop.",
	"not_date_field":    "{0} er ikke et datofelt. Datofelt er dato og frist.",
	"bad_date":          "Skriv datoen i {0} som 2025-03-14, eller året som 2025, ikke «{1}».",
	"bad_filter":        "Det går ikke an å avgrense på «{0}».",
	"bad_range":         "«{0}» er ikke et tallfelt.",
}

// notices are the codes of messages that come with hits.
var notices = map[string]bool{"syntax": true, "unknown_field": true}

// msg makes the message with code and args.
func msg(code string, args ...string) *Message {
	text, ok := MessageTexts[code]
	if !ok {
		panic("search: no message " + code)
	}
	return &Message{Code: code, Args: args, Text: fill(text, args)}
}

// fill replaces {0}, {1}, … in text by args, in one pass (an arg may hold
// braces); search.js does the same.
func fill(text string, args []string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(text, '{')
		j := strings.IndexByte(text[i+1:], '}') + i + 1
		if i < 0 || j <= i {
			b.WriteString(text)
			return b.String()
		}
		b.WriteString(text[:i])
		if n, err := strconv.Atoi(text[i+1 : j]); err == nil && n >= 0 && n < len(args) {
			b.WriteString(args[n])
		} else {
			b.WriteString(text[i : j+1])
		}
		text = text[j+1:]
	}
}
