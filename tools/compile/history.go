package compile

import (
	"strings"

	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/history"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/record"
)

// History and version (package history): each record's last change, the
// link to its file's history in the kommune's repository, and the version
// of the whole build. All come from git's commits, never from the clock
// or the files' timestamps, so the same commit gives the same site.

// Options are what a build adds to the data.
type Options struct {
	// AsOf, if after the reference date, is the date deadlines are judged
	// at (CompileAsOf).
	AsOf caldate.Date
	// History is the data directory's git history; nil for none.
	History *history.Log
}

// CompileWith builds the site model from s with the build's options.
func CompileWith(s *record.Set, o Options) *model.Site {
	site := compileAsOf(s, o.AsOf)
	omrader := ""
	if s.Omrader != nil {
		omrader = s.Omrader.Src.File
	}
	addHistory(site, s.Kommune.KildeURL, omrader, o.History)
	return site
}

// addHistory dates each record's data file; omrader is the file all
// rammeområder share ("" for none).
func addHistory(site *model.Site, kildeURL, omrader string, l *history.Log) {
	if l != nil && l.Head != nil {
		h := l.Head
		site.Kommune.Versjon = &model.Versjon{ID: h.Date.String() + "-" + h.Short(), Dato: dato(h.Date), Commit: h.Short(), Full: h.Hash}
		if repo := repoURL(kildeURL); repo != "" {
			site.Kommune.Versjon.CommitURL = repo + "/commit/" + h.Hash
		}
	}
	set := func(hi *model.Historikk, file string) {
		hi.HistorikkURL = historyURL(kildeURL, file)
		if c, ok := l.File(file); ok {
			hi.Endret, hi.EndretCommit = datoPtr(c.Date), c.Short()
		}
	}
	for _, v := range site.Vedtak {
		set(&v.Historikk, v.Kilde)
	}
	for _, p := range site.Planer {
		set(&p.Historikk, p.Kilde)
	}
	for _, o := range site.Okonomiplaner {
		set(&o.Historikk, o.Kilde)
	}
	for _, p := range site.Prosjekter {
		set(&p.Historikk, p.Kilde)
	}
	if omrader != "" {
		for _, o := range site.Omrader {
			set(&o.Historikk, omrader)
		}
	}
}

// The kommune's repository, as kilde_url shows a folder of it: GitHub and
// GitLab ("…/blob/main/data/", "…/-/blob/main/data/") and Gitea or
// Forgejo ("…/src/branch/main/data/"). A file's history is the same
// address with commits in place of blob or src.
var folderKinds = []struct{ view, history string }{
	{"/-/blob/", "/-/commits/"},
	{"/blob/", "/commits/"},
	{"/src/", "/commits/"},
}

// historyURL is the address of the history of a data file in the
// kommune's repository, or "" when kilde_url is not a folder of a known
// kind of repository.
func historyURL(kildeURL, file string) string {
	u := kildeURLOf(kildeURL, file)
	for _, k := range folderKinds {
		if i := strings.Index(u, k.view); i >= 0 {
			return u[:i] + k.history + u[i+len(k.view):]
		}
	}
	return ""
}

// repoURL is the repository's own address, the part of kilde_url before
// its folder view, or "".
func repoURL(kildeURL string) string {
	for _, k := range folderKinds {
		if i := strings.Index(kildeURL, k.view); i >= 0 {
			return kildeURL[:i]
		}
	}
	return ""
}
