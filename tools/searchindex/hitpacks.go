package searchindex

import (
	"encoding/binary"
	"encoding/hex"
	"math"
	"sort"

	"github.com/openkommune/portal/tools/search"
)

// hitPack is a common term of the text fields and its best documents
// (search.HitPack).
type hitPack struct {
	term string
	ords []int
}

// hitPackName is the file of term's hit pack in the result directory.
func hitPackName(dir, term string) string {
	return dir + "/p-" + hex.EncodeToString([]byte(term)) + ".gz"
}

// hitPackMin is how many documents a term of the text fields must be in
// to have a hit pack: one in 50 documents, and at least 24, so that only
// words whose hits spread over many result blocks have one (at 5 000
// vedtak, 106 packs of 10 documents, 215 KB).
func hitPackMin(docs int) int { return max(24, docs/50) }

// hitPacks are the hit packs of the terms of the text fields in least
// documents or more, each with the documents its first k results show,
// sorted by term.
func (p *postings) hitPacks(docs int, rank search.PackRanking, least, k int) []hitPack {
	type fieldList struct {
		boost float64
		field uint16
		l     *termList
	}
	boost := make([]float64, len(search.Fields)) // by field id; 0 for other fields
	for _, f := range search.Fields {
		if f.Kind == search.Text {
			boost[fieldID[f.Name]] = f.Boost
		}
	}
	byTerm := map[string][]fieldList{}
	for key, l := range p.terms {
		fid := binary.LittleEndian.Uint16([]byte(key[:2]))
		if int(fid) < len(boost) && boost[fid] > 0 {
			byTerm[key[2:]] = append(byTerm[key[2:]], fieldList{boost[fid], fid, l})
		}
	}
	nText := 0
	for _, b := range boost {
		if b > 0 {
			nText++
		}
	}
	var out []hitPack
	score := make([]float64, docs)
	matched := make([]int, docs) // text fields with the term, per document
	for term, lists := range byTerm {
		n := 0
		for _, fl := range lists {
			n += fl.l.n
		}
		if n < least {
			continue
		}
		// In field order, as the reader adds them.
		sort.Slice(lists, func(i, j int) bool { return lists[i].field < lists[j].field })
		var ords []int
		for _, fl := range lists {
			enc, ord := fl.l.enc, 0
			for range fl.l.n {
				delta, a := binary.Uvarint(enc)
				freq, b := binary.Uvarint(enc[a:])
				enc = enc[a+b:]
				ord += int(delta)
				if score[ord] == 0 {
					ords = append(ords, ord)
				}
				tf := math.Sqrt(float64(freq)) * float64(p.norm(ord, fl.field))
				score[ord] += search.HitPackScore(fl.boost, docs, fl.l.n, tf)
				matched[ord]++
			}
		}
		if len(ords) >= least {
			scores := make([]float64, len(ords))
			for i, o := range ords {
				scores[i] = score[o] * search.Coord(matched[o], nText)
			}
			out = append(out, hitPack{term, rank.Top(ords, scores, k)})
		}
		for _, o := range ords {
			score[o], matched[o] = 0, 0
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].term < out[j].term })
	return out
}
