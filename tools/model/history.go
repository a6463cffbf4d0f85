package model

// Historikk is where a record's data file stands in the kommune's
// repository.
type Historikk struct {
	Endret       *Dato  `json:"endret"`        // the date of the last commit that changed the file; nil without full history
	EndretCommit string `json:"endret_commit"` // that commit's short id
	HistorikkURL string `json:"historikk_url"` // the file's history in the kommune's repository, or ""
}

// Versjon is the version of a build: the date and short id of the commit
// the data was built from.
type Versjon struct {
	ID        string `json:"id"` // "2026-12-07-97fedb8": datapackage.json's version
	Dato      Dato   `json:"dato"`
	Commit    string `json:"commit"`      // the short id
	Full      string `json:"commit_full"` // the full hash
	CommitURL string `json:"commit_url"`  // the commit in the kommune's repository, or ""
}
