package export

import (
	"github.com/openkommune/portal/tools/model"
)

// Popolo (https://www.popoloproject.com/specs/) is the common shape of
// open data about legislatures' votes: a vote event on a motion, its
// counts per option (and per group: a party), and the votes of named
// voters. The portal writes every vote as a VoteEvent, every proposal as
// a Motion, and the utvalg and parties as Organizations. Keys the
// specification lacks are under "extras": an alternative vote's second
// motion and whether the vote was unanimous.

type popolo struct {
	Organizations []popoloOrganization `json:"organizations"`
	Motions       []popoloMotion       `json:"motions"`
	VoteEvents    []popoloVoteEvent    `json:"vote_events"`
}

type popoloOrganization struct {
	ID             string `json:"id"`
	Name           string `json:"name"`
	Classification string `json:"classification"` // "utvalg" or "party"
}

type popoloMotion struct {
	ID             string       `json:"id"`
	OrganizationID string       `json:"organization_id"`
	Text           string       `json:"text"`
	Classification string       `json:"classification"` // the proposal's type: innstilling, alternativ, endring, tillegg, or vedtak
	Date           string       `json:"date"`
	Creator        string       `json:"creator,omitempty"`   // fremmet_av as written
	GroupIDs       []string     `json:"group_ids,omitempty"` // the parties behind it
	Sources        []popoloLink `json:"sources"`
}

type popoloVoteEvent struct {
	ID             string        `json:"id"`
	Identifier     string        `json:"identifier"` // the case label, "KST 098/24"
	MotionID       string        `json:"motion_id"`
	OrganizationID string        `json:"organization_id"`
	StartDate      string        `json:"start_date"`
	Result         string        `json:"result"` // "pass" or "fail"
	Counts         []popoloCount `json:"counts"`
	Votes          []popoloVote  `json:"votes"`
	Sources        []popoloLink  `json:"sources"`
	Extras         popoloExtras  `json:"extras"`
}

type popoloExtras struct {
	Enstemmig bool `json:"enstemmig"`
	// AlternativMotionID is, in an alternative vote, the motion the "no"
	// votes were cast for.
	AlternativMotionID string `json:"alternativ_motion_id,omitempty"`
	Punkt              int    `json:"punkt,omitempty"` // the point voted on, 0 for the whole vedtak
}

type popoloCount struct {
	Option  string `json:"option"` // "yes", "no" or "absent"
	Value   int    `json:"value"`
	GroupID string `json:"group_id,omitempty"`
}

type popoloVote struct {
	Voter   popoloPerson `json:"voter"`
	Option  string       `json:"option"`
	GroupID string       `json:"group_id"`
}

type popoloPerson struct {
	Name string `json:"name"`
}

type popoloLink struct {
	URL string `json:"url"` // site-relative page
}

func popoloResult(r string) string {
	if r == "vedtatt" {
		return "pass"
	}
	return "fail"
}

func partyID(kode string) string  { return "parti/" + kode }
func utvalgID(kode string) string { return "utvalg/" + kode }
func motionID(v *model.Vedtak, f *model.ForslagRef) string {
	if f == nil {
		return v.ID
	}
	return v.ID + "/" + f.ID
}

// popoloOf is every vote of the site as Popolo.
func popoloOf(site *model.Site) popolo {
	out := popolo{Organizations: []popoloOrganization{}, Motions: []popoloMotion{}, VoteEvents: []popoloVoteEvent{}}
	for _, u := range site.Kommune.Utvalg {
		out.Organizations = append(out.Organizations, popoloOrganization{ID: utvalgID(u.Kode), Name: u.Navn, Classification: "utvalg"})
	}
	for _, p := range site.Kommune.Partier {
		out.Organizations = append(out.Organizations, popoloOrganization{ID: partyID(p.Kode), Name: p.Navn, Classification: "party"})
	}
	adopted := map[string]bool{} // vedtak whose own motion is written
	for _, v := range site.Vedtak {
		for _, f := range v.Forslag {
			m := popoloMotion{ID: v.ID + "/" + f.ID, OrganizationID: utvalgID(v.Utvalg.Kode), Text: f.Tittel, Classification: f.Type,
				Date: v.Dato.ISO, Creator: f.FremmetAv, Sources: []popoloLink{{URL: v.Path + "#" + f.Anchor}}}
			for _, p := range f.Partier {
				m.GroupIDs = append(m.GroupIDs, partyID(p.Kode))
			}
			out.Motions = append(out.Motions, m)
		}
	}
	allVoteringer(site, func(v *model.Vedtak, vo *model.Votering) {
		if vo.Forslag == nil && !adopted[v.ID] {
			adopted[v.ID] = true
			out.Motions = append(out.Motions, popoloMotion{ID: v.ID, OrganizationID: utvalgID(v.Utvalg.Kode), Text: v.Tittel,
				Classification: "vedtak", Date: v.Dato.ISO, Sources: []popoloLink{{URL: v.Path}}})
		}
		out.VoteEvents = append(out.VoteEvents, voteEvent(v, vo))
	})
	return out
}

func voteEvent(v *model.Vedtak, vo *model.Votering) popoloVoteEvent {
	e := popoloVoteEvent{
		ID: v.ID + "/" + vo.ID, Identifier: v.Merke, MotionID: motionID(v, vo.Forslag),
		OrganizationID: utvalgID(v.Utvalg.Kode), StartDate: v.Dato.ISO, Result: popoloResult(vo.Resultat),
		Counts: []popoloCount{}, Votes: []popoloVote{}, Sources: []popoloLink{{URL: v.Path + "#" + vo.ID}},
		Extras: popoloExtras{Enstemmig: vo.Enstemmig, Punkt: vo.Punkt},
	}
	if vo.Alternativ != nil {
		e.Extras.AlternativMotionID = motionID(v, vo.Alternativ)
	}
	if !vo.HarTall {
		return e
	}
	e.Counts = append(e.Counts, popoloCount{Option: "yes", Value: vo.For}, popoloCount{Option: "no", Value: vo.Mot})
	if vo.Fravarende > 0 {
		e.Counts = append(e.Counts, popoloCount{Option: "absent", Value: vo.Fravarende})
	}
	for _, p := range vo.Parti {
		e.Counts = append(e.Counts, popoloCount{Option: "yes", Value: p.For, GroupID: partyID(p.Kode)}, popoloCount{Option: "no", Value: p.Mot, GroupID: partyID(p.Kode)})
		for _, n := range p.ForNavn {
			e.Votes = append(e.Votes, popoloVote{Voter: popoloPerson{Name: n}, Option: "yes", GroupID: partyID(p.Kode)})
		}
		for _, n := range p.MotNavn {
			e.Votes = append(e.Votes, popoloVote{Voter: popoloPerson{Name: n}, Option: "no", GroupID: partyID(p.Kode)})
		}
	}
	return e
}
