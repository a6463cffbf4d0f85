package export

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestPopolo reads the example's votes back from voteringer-popolo.json:
// the budget's alternative vote with its counts in total and per party and
// the named votes, and a unanimous vote over the vedtak as adopted.
func TestPopolo(t *testing.T) {
	f, idx := files(t, example(t))
	var p struct {
		Organizations []struct{ ID, Name, Classification string }
		Motions       []struct {
			ID, Text, Classification, Creator string
			GroupIDs                          []string `json:"group_ids"`
		}
		VoteEvents []struct {
			ID, Identifier, Result string
			MotionID               string `json:"motion_id"`
			OrganizationID         string `json:"organization_id"`
			StartDate              string `json:"start_date"`
			Counts                 []struct {
				Option  string
				Value   int
				GroupID string `json:"group_id"`
			}
			Votes []struct {
				Voter   struct{ Name string }
				Option  string
				GroupID string `json:"group_id"`
			}
			Extras struct {
				Enstemmig          bool
				AlternativMotionID string `json:"alternativ_motion_id"`
			}
		} `json:"vote_events"`
	}
	if err := json.Unmarshal(f[idx.Popolo], &p); err != nil {
		t.Fatal(err)
	}
	orgs := map[string]string{}
	for _, o := range p.Organizations {
		orgs[o.ID] = o.Classification
	}
	if orgs["utvalg/KST"] != "utvalg" || orgs["parti/H"] != "party" {
		t.Errorf("organizations %v", orgs)
	}
	found := 0
	for _, m := range p.Motions {
		if m.ID == "kst-2024-098/h-frp-krf-budsjett" {
			found++
			if m.Classification != "alternativ" || !slices.Equal(m.GroupIDs, []string{"parti/H", "parti/FrP", "parti/KrF"}) || !strings.Contains(m.Creator, "Ingrid Berg") {
				t.Errorf("the alternative budget's motion: %+v", m)
			}
		}
		if m.ID == "kst-2025-011" && m.Classification == "vedtak" {
			found++
		}
	}
	if found != 2 {
		t.Errorf("found %d of the 2 motions looked for", found)
	}
	seen := 0
	for _, e := range p.VoteEvents {
		switch e.ID {
		case "kst-2024-098/votering-1":
			seen++
			count := func(option, group string) int {
				for _, c := range e.Counts {
					if c.Option == option && c.GroupID == group {
						return c.Value
					}
				}
				return -1
			}
			if e.MotionID != "kst-2024-098/innstilling" || e.Result != "pass" || e.Identifier != "KST 098/24" || e.StartDate != "2024-12-12" ||
				e.Extras.AlternativMotionID != "kst-2024-098/h-frp-krf-budsjett" {
				t.Errorf("budget vote: %+v", e)
			}
			if count("yes", "") != 20 || count("no", "") != 15 || count("no", "parti/H") != 9 || count("yes", "parti/Ap") != 11 {
				t.Errorf("budget vote counts: %+v", e.Counts)
			}
			if len(e.Votes) != 5 || e.Votes[0].Voter.Name != "Hanne Lie" || e.Votes[0].Option != "yes" || e.Votes[0].GroupID != "parti/SV" || e.Votes[4].Option != "no" {
				t.Errorf("budget vote's named votes: %+v", e.Votes)
			}
		case "kst-2024-098/punkt-10-votering-1":
			seen++
			if e.Result != "fail" || e.MotionID != "kst-2024-098/frp-naringsfond" {
				t.Errorf("point 10's vote: %+v", e)
			}
		case "kst-2025-011/votering-1":
			seen++
			if !e.Extras.Enstemmig || e.Result != "pass" || e.MotionID != "kst-2025-011" || len(e.Counts) != 0 {
				t.Errorf("unanimous vote: %+v", e)
			}
		}
	}
	if seen != 3 {
		t.Errorf("found %d of the 3 vote events looked for", seen)
	}
}

// TestVoteringerCSV checks the list's rows for the budget's alternative
// vote and a unanimous vote without counts.
func TestVoteringerCSV(t *testing.T) {
	f, _ := files(t, example(t))
	rows := readCSV(t, f["data/voteringer.csv"])
	head := rows[0]
	col := func(row []string, name string) string { return row[slices.Index(head, name)] }
	var sv, unanimous []string
	for _, r := range rows[1:] {
		switch col(r, "id") {
		case "kst-2024-098/votering-1/SV":
			sv = r
		case "kst-2025-011/votering-1":
			unanimous = r
		}
	}
	if sv == nil || col(sv, "for") != "3" || col(sv, "mot") != "0" || col(sv, "for_navn") != "Hanne Lie; Jon Moe; Siri Vik" ||
		col(sv, "alternativ") != "h-frp-krf-budsjett" || col(sv, "resultat") != "vedtatt" || col(sv, "punkt") != "" || col(sv, "side") != "vedtak/kst-2024-098/#votering-1" {
		t.Errorf("SV's row of the budget vote: %q", sv)
	}
	if unanimous == nil || col(unanimous, "enstemmig") != "true" || col(unanimous, "parti") != "" || col(unanimous, "for") != "" {
		t.Errorf("the unanimous vote's row: %q", unanimous)
	}
}
