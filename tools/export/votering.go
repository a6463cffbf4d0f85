package export

import (
	"strings"

	"github.com/openkommune/portal/tools/catalog"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/record"
)

// The votes (docs/data-format.md, "Votes") as a list, voteringer.csv with
// one row per vote and party, and as Popolo vote events
// (https://www.popoloproject.com/specs/vote-event.html) in
// voteringer-popolo.json.

const listVoteringer = "voteringer"

// popoloFile is the Popolo export's file name under data/.
const popoloFile = "voteringer-popolo.json"

// voteringRow is one party's votes in one vote, or a vote without counts
// (p nil).
type voteringRow struct {
	v  *model.Vedtak
	vo *model.Votering
	p  *model.PartiTall
}

// allVoteringer calls fn for every vote of every vedtak: the vedtak's own,
// then each point's, in the site model's order.
func allVoteringer(site *model.Site, fn func(v *model.Vedtak, vo *model.Votering)) {
	for _, v := range site.Vedtak {
		for i := range v.Voteringer {
			fn(v, &v.Voteringer[i])
		}
		for _, p := range v.Punkter {
			for i := range p.Voteringer {
				fn(v, &p.Voteringer[i])
			}
		}
	}
}

func voteringRows(site *model.Site) []voteringRow {
	var rows []voteringRow
	allVoteringer(site, func(v *model.Vedtak, vo *model.Votering) {
		if len(vo.Parti) == 0 {
			rows = append(rows, voteringRow{v, vo, nil})
		}
		for i := range vo.Parti {
			rows = append(rows, voteringRow{v, vo, &vo.Parti[i]})
		}
	})
	return rows
}

func forslagID(r *model.ForslagRef) cell {
	if r == nil {
		return null()
	}
	return str(r.ID)
}

func forslagTittel(r *model.ForslagRef) cell {
	if r == nil {
		return null()
	}
	return str(r.Tittel)
}

// partiCount is a party's count, null for a vote without counts.
func partiCount(r voteringRow, n func(*model.PartiTall) int) cell {
	if r.p == nil {
		return null()
	}
	return intOf(n(r.p))
}

func names(r voteringRow, n func(*model.PartiTall) []string) cell {
	if r.p == nil || len(n(r.p)) == 0 {
		return null()
	}
	return str(strings.Join(n(r.p), "; "))
}

func voteringTable(site *model.Site) *table {
	var partier []string
	for _, p := range site.Kommune.Partier {
		partier = append(partier, p.Kode)
	}
	f := func(name string, typ string, required bool, title, desc catalog.Key) field {
		return field{name: name, typ: typ, required: required, title: title, desc: desc}
	}
	partiField := f("parti", tString, false, "export_voteringer_parti", "export_voteringer_parti_desc")
	partiField.enum = partier
	forField, motField := f("for", tInteger, false, "export_voteringer_for", "export_voteringer_for_desc"), f("mot", tInteger, false, "export_voteringer_mot", "export_voteringer_mot_desc")
	forField.minimum, motField.minimum = minimum(0), minimum(0)
	resultat := f("resultat", tString, true, "export_voteringer_resultat", "export_voteringer_resultat_desc")
	resultat.enum = record.ResultatValues
	punkt := f("punkt", tInteger, false, "export_voteringer_punkt", "export_voteringer_punkt_desc")
	punkt.minimum = minimum(1)
	id := f("id", tString, true, "export_voteringer_id", "export_voteringer_id_desc")
	id.unique = true
	cols := []column[voteringRow]{
		{id, func(r voteringRow) cell {
			if r.p == nil {
				return str(r.v.ID + "/" + r.vo.ID)
			}
			return str(r.v.ID + "/" + r.vo.ID + "/" + r.p.Kode)
		}},
		{f("vedtak", tString, true, "export_voteringer_vedtak", "export_voteringer_vedtak_desc"), func(r voteringRow) cell { return str(r.v.ID) }},
		{punkt, func(r voteringRow) cell {
			if r.vo.Punkt == 0 {
				return null()
			}
			return intOf(r.vo.Punkt)
		}},
		{f("votering", tString, true, "export_voteringer_votering", "export_voteringer_votering_desc"), func(r voteringRow) cell { return str(r.vo.ID) }},
		{f("dato", tDate, true, "export_voteringer_dato", "export_voteringer_dato_desc"), func(r voteringRow) cell { return date(r.v.Dato.ISO) }},
		{f("forslag", tString, false, "export_voteringer_forslag", "export_voteringer_forslag_desc"), func(r voteringRow) cell { return forslagID(r.vo.Forslag) }},
		{f("forslag_tittel", tString, false, "export_voteringer_forslag_tittel", "export_voteringer_forslag_tittel_desc"), func(r voteringRow) cell { return forslagTittel(r.vo.Forslag) }},
		{f("alternativ", tString, false, "export_voteringer_alternativ", "export_voteringer_alternativ_desc"), func(r voteringRow) cell { return forslagID(r.vo.Alternativ) }},
		{f("alternativ_tittel", tString, false, "export_voteringer_alternativ_tittel", "export_voteringer_alternativ_tittel_desc"), func(r voteringRow) cell { return forslagTittel(r.vo.Alternativ) }},
		{f("enstemmig", tBoolean, true, "export_voteringer_enstemmig", "export_voteringer_enstemmig_desc"), func(r voteringRow) cell { return boolean(r.vo.Enstemmig) }},
		{resultat, func(r voteringRow) cell { return str(r.vo.Resultat) }},
		{partiField, func(r voteringRow) cell {
			if r.p == nil {
				return null()
			}
			return str(r.p.Kode)
		}},
		{f("parti_navn", tString, false, "export_voteringer_parti_navn", "export_voteringer_parti_navn_desc"), func(r voteringRow) cell {
			if r.p == nil {
				return null()
			}
			return str(r.p.Navn)
		}},
		{forField, func(r voteringRow) cell { return partiCount(r, func(p *model.PartiTall) int { return p.For }) }},
		{motField, func(r voteringRow) cell { return partiCount(r, func(p *model.PartiTall) int { return p.Mot }) }},
		{f("for_navn", tString, false, "export_voteringer_for_navn", "export_voteringer_for_navn_desc"), func(r voteringRow) cell { return names(r, func(p *model.PartiTall) []string { return p.ForNavn }) }},
		{f("mot_navn", tString, false, "export_voteringer_mot_navn", "export_voteringer_mot_navn_desc"), func(r voteringRow) cell { return names(r, func(p *model.PartiTall) []string { return p.MotNavn }) }},
		{fSide, func(r voteringRow) cell { return str(r.v.Path + "#" + r.vo.ID) }},
	}
	t := newTable(listVoteringer, "export_voteringer", "export_voteringer_desc", cols, voteringRows(site))
	t.primaryKey = []string{"id"}
	t.foreignKeys = []foreignKey{{fields: []string{"vedtak"}, resource: listVedtak, refFields: []string{"id"}}}
	return t
}
