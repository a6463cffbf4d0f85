package load

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// MaxID is the longest id, in bytes (an id is ASCII).
const MaxID = 80

var idRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidID reports whether s can be an id: it becomes part of a URL.
func ValidID(s string) bool { return len(s) <= MaxID && idRE.MatchString(s) }

// letters spells the letters that have no decomposition into a base letter
// and accents: the Norwegian æ ø and the Sami đ ŋ ŧ (å, é, ä, ö, á, č …
// decompose and keep their base letter).
var letters = strings.NewReplacer("æ", "ae", "ø", "o", "đ", "d", "ŋ", "n", "ŧ", "t", "ß", "ss")

// Slug makes an id from a name or a file name: lower-case, æ written ae,
// ø o, other letters without their accents (å a, é e, č c), and a hyphen
// for each run of anything else between letters and digits, cut to MaxID
// bytes ("Nordbyen skole – nybygg" → "nordbyen-skole-nybygg"). It returns
// "" if s has no letter or digit to make an id from; otherwise the result
// is a valid id.
func Slug(s string) string {
	s = letters.Replace(strings.ToLower(s))
	var b strings.Builder
	gap := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if gap && b.Len() > 0 {
				b.WriteByte('-')
			}
			gap = false
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
			// An accent of the letter before it.
		default:
			gap = true
		}
	}
	id := b.String()
	if len(id) > MaxID {
		id = strings.TrimRight(id[:MaxID], "-")
	}
	return id
}
