package search

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// CompoundName is the registered name of the decompounding token filter.
const CompoundName = "portal_compound"

// CompoundFilter splits Norwegian compounds into known word parts at index
// time, so that "skole" finds "barneskolen" and "ungdomsskole". The original
// token is kept; each part found is added at the same position with the
// offsets of the part, so highlighting marks it.
//
// Norwegian compounds put the head last and inflect only the head:
// barne|skolen, ungdoms|skole. So a token is split only where its tail is a
// known part plus an inflectional ending, and what is left in front (at
// least three letters) is either unknown (kept whole) or is itself a known
// part, with an optional linking -s- or -e-, or splits the same way. Word
// parts that are common word beginnings or endings on their own ("vei" in
// "veiledning", "ledning") are left out of the list; see words.go.
//
// Its work per word is bounded: words longer than MaxCompoundRunes are
// kept whole, and a split looks at no more tail lengths than the longest
// part plus the longest ending, so the work grows linearly with a word's
// length (TestCompoundWorkLinear).
type CompoundFilter struct {
	parts   map[string]bool
	eStems  map[string]bool // parts ending in -e, without it: skol, skul
	maxPart int             // bytes of the longest part
	maxHead int             // bytes of the longest part plus the longest ending
}

// MaxCompoundRunes is the longest word the filter tries to split; a longer
// "word" (a run of letters with no space, pasted or malformed text) is
// indexed whole. No real Norwegian compound comes near it.
const MaxCompoundRunes = 64

// NewCompoundFilter makes a filter over the given word parts (lower case).
func NewCompoundFilter(parts []string) *CompoundFilter {
	f := &CompoundFilter{parts: map[string]bool{}, eStems: map[string]bool{}}
	for _, p := range parts {
		f.parts[p] = true
		f.maxPart = max(f.maxPart, len(p))
		if len(p) > 1 && p[len(p)-1] == 'e' {
			f.eStems[p[:len(p)-1]] = true
		}
	}
	maxEnding := 0
	for _, e := range endings {
		maxEnding = max(maxEnding, len(e))
	}
	f.maxHead = f.maxPart + maxEnding
	return f
}

// endings are the inflectional endings a compound's head may carry, in
// bokmål and nynorsk.
// A part ending in -e drops it before an ending: skole → skolen, skular.
var endings = []string{"", "e", "en", "et", "a", "er", "ar", "ene", "ane", "ne", "s", "ens", "ets", "as", "es", "ers", "enes"}

const minModifier = 3 // letters in front of a head

// Filter implements analysis.TokenFilter.
func (f *CompoundFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(input))
	for _, tok := range input {
		out = append(out, tok)
		if n := utf8.RuneCount(tok.Term); n < minModifier+3 || n > MaxCompoundRunes {
			continue
		}
		var work int
		for _, p := range f.split(string(tok.Term), &work) {
			out = append(out, &analysis.Token{
				Term:     []byte(string(tok.Term)[p.start:p.end]),
				Start:    tok.Start + p.start,
				End:      tok.Start + p.end,
				Position: tok.Position,
				Type:     tok.Type,
				KeyWord:  tok.KeyWord,
			})
		}
	}
	return out
}

type span struct{ start, end int }

// split returns the parts of word (byte offsets), or nil if it is not a
// compound of known parts. It takes the longest head; the modifier in
// front is then a known part (perhaps with a linking letter), emitted and
// split again, or a compound split the same way, or else kept whole and not
// emitted. It adds the number of lookups it makes to *work: at most
// maxHead+1 per part found, and it works in one loop and one slice, so
// its work is linear in the word's length.
func (f *CompoundFilter) split(word string, work *int) []span {
	var parts []span
	for {
		i := f.head(word, work)
		if i < 0 {
			return parts
		}
		parts = append(parts, span{i, len(word)})
		mod := word[:i]
		*work++
		if base, ok := f.modifier(mod); ok {
			parts = append(parts, span{0, len(base)})
			word = base
		} else {
			word = mod
		}
	}
}

// head is the start of the longest head of word (a known part with an
// ending) after at least minModifier runes, or -1.
func (f *CompoundFilter) head(word string, work *int) int {
	from := modifierEnd(word)
	if from < 0 {
		return -1
	}
	// A head longer than maxHead bytes cannot be a part with an ending.
	if lo := len(word) - f.maxHead; lo > from {
		from = lo
	}
	for i := from; i < len(word); i++ {
		if !utf8.RuneStart(word[i]) {
			continue
		}
		*work++
		if f.isPart(word[i:], true) {
			return i
		}
	}
	return -1
}

// modifierEnd is the byte offset after the first minModifier runes of
// word, where a head may start, or -1 if the word is shorter.
func modifierEnd(word string) int {
	n := 0
	for i := range word {
		if n == minModifier {
			return i
		}
		n++
	}
	return -1
}

// isPart says whether s is a known part, with an inflectional ending if
// inflected is true.
func (f *CompoundFilter) isPart(s string, inflected bool) bool {
	if f.parts[s] {
		return true
	}
	if !inflected {
		return false
	}
	for _, e := range endings[1:] {
		if len(s) <= len(e) || s[len(s)-len(e):] != e {
			continue
		}
		base := s[:len(s)-len(e)]
		if f.parts[base] || f.eStems[base] {
			return true
		}
	}
	return false
}

// modifier strips a linking letter from a compound's front part and says
// whether what remains is a known part.
func (f *CompoundFilter) modifier(s string) (string, bool) {
	if len(s) > f.maxPart+1 { // a part and a linking letter at most
		return "", false
	}
	if f.parts[s] {
		return s, true
	}
	for _, link := range []string{"s", "e"} {
		if len(s) > len(link) && s[len(s)-len(link):] == link && f.parts[s[:len(s)-len(link)]] {
			return s[:len(s)-len(link)], true
		}
	}
	return "", false
}

func compoundConstructor(config map[string]interface{}, cache *registry.Cache) (analysis.TokenFilter, error) {
	return NewCompoundFilter(WordParts), nil
}

func init() {
	if err := registry.RegisterTokenFilter(CompoundName, compoundConstructor); err != nil {
		panic(err)
	}
}
