package money

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// ParseKroner reads whole kroner as staff write them outside a data file,
// on the command line for one: digits with "_" or spaces of any kind
// between the groups (130_000_000, 130 000 000), optionally followed by
// "kr", with "-" or "−" before a negative amount; what Format and FormatKr
// write reads back as the same number. An amount beyond ±Max, a decimal
// or anything else is an error that says what to write.
func ParseKroner(s string) (int64, error) {
	clean := strings.TrimSuffix(strings.TrimSpace(s), "kr")
	clean = strings.Map(func(r rune) rune {
		if r == '_' || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, clean)
	neg := false
	if rest, ok := strings.CutPrefix(clean, "−"); ok {
		clean, neg = rest, true
	} else if rest, ok := strings.CutPrefix(clean, "-"); ok {
		clean, neg = rest, true
	}
	n, err := parseDigits(clean)
	if err != nil {
		return 0, fmt.Errorf("%q: write whole kroner, e.g. 130_000_000", s)
	}
	if neg {
		n = -n
	}
	return n, nil
}

// parseDigits reads ASCII digits, at most Max.
func parseDigits(s string) (int64, error) {
	if s == "" || strings.Trim(s, "0123456789") != "" {
		return 0, errors.New("not digits")
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n > Max {
		return 0, errors.New("out of range")
	}
	return n, nil
}
