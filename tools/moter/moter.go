// Package moter owns merging imported møtesaker into vedtak files: which
// file a møtesak belongs in, which keys the import writes there, and
// leaving everything staff added by hand exactly as written.
//
// The import writes only the keys it can take from the export: id (new
// files only), utvalg, motedato, saksnummer, arkivsak, tittel, tekst and
// innsyn_url. Each is set in place with package tomledit, so points and
// their follow-up, links to plans, areas and projects, comments and the
// layout of the file are never touched; a key the export does not give is
// left as it is, never removed. A møtesak is matched to an existing vedtak
// by utvalg, year and saksnummer (as portal check counts them), else by the
// id the import would give it (kst-2026-068). Nothing is written until every
// file is made and the whole data directory, with the new files, passes
// portal check; then each file is written to a temporary file and renamed.
package moter

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing/fstest"

	"github.com/openkommune/portal/tools/atomicfile"
	"github.com/openkommune/portal/tools/check"
	"github.com/openkommune/portal/tools/diag"
	"github.com/openkommune/portal/tools/einnsyn"
	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/saksnummer"
	"github.com/openkommune/portal/tools/tomledit"
)

// Options say where the data is and how to link to the kommune's innsyn.
type Options struct {
	Data   string // the data directory on disk
	Prefix string // how its paths are shown: "data"
	// Innsyn is the address of a case in the kommune's innsyn, with
	// {saksaar}, {saksaar2}, {sakssekvensnummer}, {moetesaksaar},
	// {moetesakssekvensnummer} or {systemid} for the møtesak's values; ""
	// leaves innsyn_url as it is.
	Innsyn string
}

// Change is one file to write.
type Change struct {
	Path string // as shown: data/vedtak/2026/kst-2026-068.toml
	File string // on disk
	Src  []byte
	New  bool
}

// Unknown is an utvalg the export names that kommune.toml does not list.
type Unknown struct {
	Utvalg string      // as the export writes it
	Kode   string      // a suggested code
	At     einnsyn.Pos // its first møte
	Saker  []string    // the møtesaker left out, "012/26"
}

// Suggestion is the [[utvalg]] entry to add to kommune.toml.
func (u Unknown) Suggestion() string {
	return fmt.Sprintf("[[utvalg]]\nkode = %q\nnavn = %q\n", u.Kode, u.Utvalg)
}

// Result is what an import will do.
type Result struct {
	Changes   []Change
	Unchanged []string           // files already as imported
	NoVedtak  []einnsyn.Moetesak // møtesaker the export gives no vedtak text for
	Unknown   []Unknown
}

// entry names what a vedtak file says about which sak it holds.
type entry struct {
	path, file string
}

// planner holds one import's state.
type planner struct {
	opt     Options
	src     string // the export's name
	set     *record.Set
	diags   *diag.List
	codes   map[string]string // upper-case code or name → code
	bySak   map[string]entry  // "KST 2026 068/26" → file
	byID    map[string]entry
	seen    map[string]einnsyn.Moetesak
	unknown map[string]*Unknown
	res     *Result
	writes  map[string][]byte // by shown path
}

// Plan works out the files an export gives; name is the export's name in
// diagnostics. The result is usable only if the list has no errors.
func Plan(ex *einnsyn.Export, name string, opt Options) (*Result, *diag.List) {
	if opt.Prefix == "" {
		opt.Prefix = "data"
	}
	p := &planner{opt: opt, src: name, diags: &diag.List{}, codes: map[string]string{}, bySak: map[string]entry{}, byID: map[string]entry{}, seen: map[string]einnsyn.Moetesak{}, unknown: map[string]*Unknown{}, res: &Result{}, writes: map[string][]byte{}}
	if err := checkTemplate(opt.Innsyn); err != nil {
		p.diags.Errorf(name, 1, 1, "-innsyn: %v", err)
		return nil, p.diags
	}
	p.set, _ = load.Load(os.DirFS(opt.Data), opt.Prefix)
	if p.set.Kommune == nil {
		p.diags.Errorf(path.Join(opt.Prefix, "kommune.toml"), 1, 1, "no kommune.toml in %s: run the import from the repository root, or give -data", opt.Data)
		return nil, p.diags
	}
	p.index()
	for _, m := range ex.Saker {
		p.sak(m)
	}
	if p.diags.Errors() > 0 {
		return nil, p.diags
	}
	p.finish()
	if p.diags.Errors() > 0 {
		return nil, p.diags
	}
	return p.res, p.diags
}

func (p *planner) index() {
	for _, u := range p.set.Kommune.Utvalg {
		p.codes[key(u.Kode)] = u.Kode
	}
	for _, u := range p.set.Kommune.Utvalg {
		if k := key(u.Navn); p.codes[k] == "" {
			p.codes[k] = u.Kode
		}
	}
	for _, v := range p.set.Vedtak {
		e := entry{v.Src.Path, p.disk(v.Src.Path)}
		if v.Saksnummer != "" && !v.Motedato.IsZero() {
			k := fmt.Sprintf("%s %d %s", v.Utvalg, v.Motedato.Y, v.Saksnummer)
			if _, ok := p.bySak[k]; !ok {
				p.bySak[k] = e
			}
		}
		if v.ID != "" {
			p.byID[v.ID] = e
		}
	}
}

// key compares codes and names without regard to case and spacing.
func key(s string) string { return strings.ToUpper(strings.Join(strings.Fields(s), " ")) }

// disk is the file on disk of a shown path.
func (p *planner) disk(shown string) string {
	rel := strings.TrimPrefix(strings.TrimPrefix(shown, p.opt.Prefix), "/")
	return filepath.Join(p.opt.Data, filepath.FromSlash(rel))
}

func (p *planner) errorf(at einnsyn.Pos, format string, args ...any) {
	p.diags.Errorf(p.src, at.Line, at.Col, format, args...)
}

// sak plans one møtesak.
func (p *planner) sak(m einnsyn.Moetesak) {
	code := p.codes[key(m.Utvalg)]
	if code == "" {
		p.unknownUtvalg(m)
		return
	}
	sak := fmt.Sprintf("%s %d %s", code, m.Motedato.Y, m.Saksnummer())
	if first, ok := p.seen[sak]; ok {
		p.errorf(m.At, "møtesak %s %s is in the file twice (also at line %d): export each møtesak once", code, m.Saksnummer(), first.At.Line)
		return
	}
	p.seen[sak] = m
	if m.Vedtak == "" {
		p.res.NoVedtak = append(p.res.NoVedtak, m)
		return
	}
	id := saksnummer.VedtakID(code, m.Aar, m.Nr)
	if !load.ValidID(id) {
		p.errorf(m.MoteAt, "the utvalg code %q does not make a valid id (%s): give the utvalg a code of letters a–z and digits in kommune.toml", code, id)
		return
	}
	kvs := p.values(code, m)
	e, ok := p.bySak[sak]
	if !ok {
		e, ok = p.byID[id]
	}
	if !ok {
		shown := path.Join(p.opt.Prefix, "vedtak", strconv.Itoa(m.Aar), id+".toml")
		if _, dup := p.writes[shown]; dup {
			p.errorf(m.At, "møtesak %s %s gives the file %s, as another møtesak in the export does: export each møtesak once", code, m.Saksnummer(), shown)
			return
		}
		src, err := tomledit.Set([]byte(header), append([]tomledit.KV{{Key: "id", Value: tomledit.Text(id)}}, kvs...))
		if err != nil {
			p.errorf(m.At, "%v", err)
			return
		}
		p.writes[shown] = src
		p.res.Changes = append(p.res.Changes, Change{Path: shown, File: p.disk(shown), Src: src, New: true})
		return
	}
	old, err := os.ReadFile(e.file)
	if err != nil {
		p.diags.Errorf(e.path, 1, 1, "%v", err)
		return
	}
	src, err := tomledit.Set(old, kvs)
	if err != nil {
		p.diags.Errorf(e.path, 1, 1, "the file is not valid TOML, so the import cannot update it (%v): run portal check and fix it first", err)
		return
	}
	if string(src) == string(old) {
		p.res.Unchanged = append(p.res.Unchanged, e.path)
		return
	}
	p.writes[e.path] = src
	p.res.Changes = append(p.res.Changes, Change{Path: e.path, File: e.file, Src: src})
}

// header opens a new vedtak file.
const header = `# Importert fra eInnsyn med «portal import moter». En ny import oppdaterer
# utvalg, motedato, saksnummer, arkivsak, tittel, tekst og innsyn_url; alt
# annet du legger til (punkt, oppfølging, planer, rammeomrader, prosjekter,
# kommentarer) blir stående som det er.
`

// values are the imported keys in the order they are written.
func (p *planner) values(code string, m einnsyn.Moetesak) []tomledit.KV {
	kvs := []tomledit.KV{
		{Key: "utvalg", Value: tomledit.Text(code)},
		{Key: "motedato", Value: m.Motedato},
		{Key: "saksnummer", Value: tomledit.Text(m.Saksnummer())},
	}
	if m.Arkivsak != "" {
		kvs = append(kvs, tomledit.KV{Key: "arkivsak", Value: tomledit.Text(m.Arkivsak)})
	}
	kvs = append(kvs,
		tomledit.KV{Key: "tittel", Value: tomledit.Text(m.Tittel)},
		tomledit.KV{Key: "tekst", Value: tomledit.Block(m.Vedtak)},
	)
	if u := innsynURL(p.opt.Innsyn, m); u != "" {
		kvs = append(kvs, tomledit.KV{Key: "innsyn_url", Value: tomledit.Text(u)})
	}
	return kvs
}

func (p *planner) unknownUtvalg(m einnsyn.Moetesak) {
	k := key(m.Utvalg)
	u := p.unknown[k]
	if u == nil {
		u = &Unknown{Utvalg: strings.Join(strings.Fields(m.Utvalg), " "), Kode: suggestCode(m.Utvalg, p.codes), At: m.MoteAt}
		p.unknown[k] = u
	}
	u.Saker = append(u.Saker, m.Saksnummer())
}

// suggestCode makes a code for an utvalg: the name itself if it is
// written as a code (KST, BR2), else the initials of its words ("Eldrerådet"
// → "ELD", "Råd for personer med funksjonsnedsettelse" → "RPF"), made
// unique among the codes in use.
func suggestCode(name string, taken map[string]string) string {
	words := strings.Fields(name)
	var code string
	if len(words) == 1 && len([]rune(name)) <= 6 && strings.ToUpper(name) == name {
		code = name
	} else if len(words) == 1 {
		code = string([]rune(strings.ToUpper(ascii(name)))[:min(3, len([]rune(ascii(name))))])
	} else {
		for _, w := range words {
			switch strings.ToLower(w) {
			case "for", "og", "i", "med", "av", "til", "om", "på":
				continue
			}
			code += string([]rune(strings.ToUpper(ascii(w)))[:1])
		}
	}
	if code == "" {
		code = "UTV"
	}
	base := code
	for n := 2; taken[key(code)] != ""; n++ {
		code = base + strconv.Itoa(n)
	}
	return code
}

// ascii spells æøå as ids need them.
func ascii(s string) string {
	s = strings.NewReplacer("æ", "ae", "ø", "o", "å", "a", "Æ", "AE", "Ø", "O", "Å", "A").Replace(s)
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// finish sorts the result and checks the data as it will be.
func (p *planner) finish() {
	for _, u := range p.unknown {
		p.res.Unknown = append(p.res.Unknown, *u)
	}
	sort.Slice(p.res.Unknown, func(i, j int) bool { return p.res.Unknown[i].Utvalg < p.res.Unknown[j].Utvalg })
	sort.Slice(p.res.Changes, func(i, j int) bool { return p.res.Changes[i].Path < p.res.Changes[j].Path })
	sort.Strings(p.res.Unchanged)
	if len(p.res.Changes) == 0 {
		return
	}
	fsys, err := overlay(p.opt.Data, p.opt.Prefix, p.writes)
	if err != nil {
		p.diags.Errorf(p.opt.Prefix, 1, 1, "%v", err)
		return
	}
	set, diags := load.Load(fsys, p.opt.Prefix)
	check.Check(set, diags)
	for _, d := range diags.Sorted() {
		if d.Severity == diag.Error {
			p.diags.Add(d)
		}
	}
	if n := diags.Errors(); n > 0 {
		p.diags.Errorf(p.src, 1, 1, "with the imported files the data has %d error(s) (listed above), so nothing is written: fix them (portal check shows those already there) and import again", n)
	}
}

// overlay is the data directory as it will be after the writes.
func overlay(dir, prefix string, writes map[string][]byte) (fs.FS, error) {
	m := fstest.MapFS{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		m[filepath.ToSlash(rel)] = &fstest.MapFile{Data: b, Mode: 0o644}
		return nil
	})
	for shown, b := range writes {
		m[strings.TrimPrefix(strings.TrimPrefix(shown, prefix), "/")] = &fstest.MapFile{Data: b, Mode: 0o644}
	}
	return m, err
}

// Apply writes the changes, each to a temporary file beside it that is
// then renamed over it, so that no program ever sees a file half-written.
// Files are not synced to disk one by one (2 000 syncs take seconds): after
// a power cut right after an import, run it again.
func (r *Result) Apply() error {
	for _, c := range r.Changes {
		if err := atomicfile.Write(c.File, c.Src); err != nil {
			return fmt.Errorf("%s: %w", c.Path, err)
		}
	}
	return nil
}
