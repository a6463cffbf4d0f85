package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Europe/Oslo wherever the command runs

	"github.com/openkommune/portal"
	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/load"
	"github.com/openkommune/portal/tools/money"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/saksnummer"
	"github.com/openkommune/portal/tools/schema"
)

const newUsage = `usage: portal new vedtak -utvalg KODE [-dato YYYY-MM-DD] [-tittel TEKST] [-saksnummer NR] [flags]
       portal new prosjekt -navn NAVN [-id ID] [-nummer NR] [-omrade ID] [-ansvarlig TEKST] [-fase FASE] [-ramme KRONER -vedtak ID] [flags]`

// runNew writes a new data file of a kind, with every key of its record
// type: what the flags give, the required keys to be filled in by hand
// (marked "# Fyll inn:"), and the optional keys commented out.
func runNew(args []string) int {
	if len(args) < 1 {
		fmt.Fprintln(os.Stderr, newUsage)
		return 2
	}
	var err error
	switch args[0] {
	case "vedtak":
		err = newVedtak(args[1:])
	case "prosjekt":
		err = newProsjekt(args[1:])
	default:
		fmt.Fprintln(os.Stderr, newUsage)
		return 2
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "portal new:", err)
		return 1
	}
	return 0
}

// newEnv is what both kinds need: the flags for where things are, the
// document and the data as it is.
type newEnv struct {
	root, data string
	docs       *schema.Docs
	set        *record.Set
	ix         *record.Index
}

func newFlags(name string) (*flag.FlagSet, *newEnv) {
	fs := flag.NewFlagSet("new "+name, flag.ExitOnError)
	e := &newEnv{}
	fs.StringVar(&e.root, "root", ".", "project root (holds data/)")
	fs.StringVar(&e.data, "data", "", "data directory (default ROOT/data)")
	return fs, e
}

func (e *newEnv) load() error {
	if e.data == "" {
		e.data = filepath.Join(e.root, "data")
	}
	doc, err := portal.Sources.ReadFile(schema.DocPath)
	if err != nil {
		return err
	}
	if e.docs, err = schema.ParseDocs(doc); err != nil {
		return err
	}
	// The data need not be right to add to it; only what is read is used.
	e.set, _ = load.Load(os.DirFS(e.data), "data")
	if e.set.Kommune == nil {
		return fmt.Errorf("no kommune.toml in %s: give -data or -root", e.data)
	}
	e.ix = e.set.Index()
	return nil
}

// write scaffolds a file of kind at path and refuses to overwrite one.
func (e *newEnv) write(kind, path, header string, vals schema.Values) error {
	k, _ := schema.KindNamed(kind)
	b, err := e.docs.Scaffold(k, header, vals)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists: it is not overwritten", path)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Println(path)
	fmt.Fprintf(os.Stderr, "Fill in the lines marked %q, then run: go run ./tools/cmd/portal check\n", strings.TrimSpace(schema.FillIn))
	return nil
}

const vedtakHeader = `Nytt vedtak. Fyll inn linjene merket «Fyll inn», ta med det du trenger av
linjene som er kommentert ut (fjern «# »), og slett resten. Hver nøkkel er
forklart i docs/data-format.md. Sjekk med: go run ./tools/cmd/portal check`

func newVedtak(args []string) error {
	fs, e := newFlags("vedtak")
	utvalg := fs.String("utvalg", "", "the utvalg's code as listed in kommune.toml, e.g. KST (required)")
	dato := fs.String("dato", "", "the meeting date, YYYY-MM-DD (default: today in Norway)")
	tittel := fs.String("tittel", "", "the case title (default: to be filled in)")
	saksnr := fs.String("saksnummer", "", "the utvalgssaksnummer, e.g. 85 or 085/26 (default: the utvalg's next free number in the year)")
	fs.Parse(args)
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected %q: give the values as flags, e.g. -tittel %q", fs.Arg(0), strings.Join(fs.Args(), " "))
	}
	if err := e.load(); err != nil {
		return err
	}
	var codes []string
	var u *record.Utvalg
	for i := range e.set.Kommune.Utvalg {
		c := &e.set.Kommune.Utvalg[i]
		codes = append(codes, c.Kode)
		if strings.EqualFold(c.Kode, *utvalg) && *utvalg != "" {
			u = c
		}
	}
	switch {
	case *utvalg == "":
		return fmt.Errorf("-utvalg is required: one of %s", strings.Join(codes, ", "))
	case u == nil:
		return fmt.Errorf("utvalg %q is not listed in data/kommune.toml: use one of %s, or add it there as [[utvalg]]", *utvalg, strings.Join(codes, ", "))
	}

	d := caldate.InNorway(time.Now())
	if *dato != "" {
		var err error
		if d, err = caldate.Parse(*dato); err != nil {
			return fmt.Errorf("-dato: %v", err)
		}
	}
	nr := 0
	if *saksnr != "" {
		var err error
		if nr, err = saksnummer.Parse(*saksnr, d.Y); err != nil {
			return fmt.Errorf("-saksnummer %w", err)
		}
	}
	given := nr > 0
	if !given {
		nr = e.nextSak(u.Kode, d.Y)
	}
	for {
		id := saksnummer.VedtakID(u.Kode, d.Y, nr)
		if !load.ValidID(id) {
			return fmt.Errorf("utvalg code %q does not make a valid id (%s): ids are lower-case letters a–z, digits and hyphens", u.Kode, id)
		}
		path := filepath.Join(e.data, "vedtak", strconv.Itoa(d.Y), id+".toml")
		if v := e.ix.Vedtak[id]; v != nil && given {
			return fmt.Errorf("vedtak %s already exists: %s", id, v.Src.Path)
		} else if v != nil {
			nr++
			continue
		}
		vals := schema.Values{
			"id":         id,
			"utvalg":     u.Kode,
			"motedato":   d,
			"saksnummer": saksnummer.Format(nr, d.Y),
		}
		if *tittel != "" {
			vals["tittel"] = *tittel
		}
		if err := e.write("vedtak", path, vedtakHeader, vals); err != nil {
			return err
		}
		if ref := e.set.Kommune.Referansedato; !ref.IsZero() && d.After(ref) {
			fmt.Fprintf(os.Stderr, "note: the meeting (%s) is after referansedato (%s) in kommune.toml: move it forward when you publish\n", d, ref)
		}
		return nil
	}
}

// nextSak is one more than the highest case number of the utvalg in the
// year, from the vedtak's saksnummer and from file names of the form
// kode-year-nnn.toml (which count even if the file does not load).
func (e *newEnv) nextSak(kode string, year int) int {
	high := 0
	for _, v := range e.set.Vedtak {
		if strings.EqualFold(v.Utvalg, kode) && v.Motedato.Y == year {
			if n, ok := saksnummer.Number(v.Saksnummer); ok {
				high = max(high, n)
			}
		}
	}
	filepath.WalkDir(filepath.Join(e.data, "vedtak"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		if stem, ok := strings.CutSuffix(d.Name(), ".toml"); ok {
			if n, ok := saksnummer.FromVedtakID(stem, kode, year); ok {
				high = max(high, n)
			}
		}
		return nil
	})
	return high + 1
}

const prosjektHeader = `Nytt investeringsprosjekt. Fyll inn linjene merket «Fyll inn», ta med det du
trenger av linjene som er kommentert ut (fjern «# »), og slett resten. Hver
nøkkel er forklart i docs/data-format.md. Sjekk med:
go run ./tools/cmd/portal check`

func newProsjekt(args []string) error {
	fs, e := newFlags("prosjekt")
	id := fs.String("id", "", "the project's id and file name (default: made from -navn)")
	navn := fs.String("navn", "", "the project's name")
	nummer := fs.String("nummer", "", "the prosjektnummer in the accounts")
	omrade := fs.String("omrade", "", "the rammeområde's id, as in rammeomrader.toml")
	ansvarlig := fs.String("ansvarlig", "", "who is responsible, e.g. Eiendom")
	fase := fs.String("fase", "behovsutredning", "the stage: "+strings.Join(record.ProsjektFaseValues, ", "))
	ramme := fs.String("ramme", "", "the original kostnadsramme in kroner, e.g. 130_000_000")
	vedtak := fs.String("vedtak", "", "the vedtak that set the kostnadsramme, e.g. kst-2025-014")
	fs.Parse(args)
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected %q: give the values as flags, e.g. -navn %q", fs.Arg(0), strings.Join(fs.Args(), " "))
	}
	if *id == "" && *navn == "" {
		return errors.New("-navn or -id is required")
	}
	if *id == "" {
		if *id = load.Slug(*navn); *id == "" {
			return fmt.Errorf("-navn %q has no letter or digit to make an id from: give -id, e.g. -id nordbyen-skole", *navn)
		}
	}
	if !load.ValidID(*id) {
		return fmt.Errorf("-id %q is not a valid id: use lower-case letters a–z, digits and hyphens, e.g. nordbyen-skole", *id)
	}
	if record.ProsjektFase(*fase).Index() < 0 {
		return fmt.Errorf("-fase %q is not one of %s", *fase, strings.Join(record.ProsjektFaseValues, ", "))
	}
	if err := e.load(); err != nil {
		return err
	}
	if p := e.ix.Prosjekter[*id]; p != nil {
		return fmt.Errorf("prosjekt %s already exists: %s", *id, p.Src.Path)
	}
	if *omrade != "" && e.ix.Omrader[*omrade] == nil {
		var ids []string
		for _, o := range e.set.Omrader.Omrade {
			ids = append(ids, o.ID)
		}
		return fmt.Errorf("rammeområde %q is not in data/rammeomrader.toml: use one of %s", *omrade, strings.Join(ids, ", "))
	}
	if *nummer != "" {
		for _, p := range e.set.Prosjekter {
			if p.Nummer == *nummer {
				return fmt.Errorf("prosjektnummer %s is already used by %s", *nummer, p.Src.Path)
			}
		}
	}
	if *vedtak != "" && e.ix.Vedtak[*vedtak] == nil {
		return fmt.Errorf("vedtak %q does not exist in %s", *vedtak, e.data)
	}
	vals := schema.Values{"id": *id, "fase": *fase}
	for key, v := range map[string]string{"navn": *navn, "nummer": *nummer, "omrade": *omrade, "ansvarlig": *ansvarlig} {
		if v != "" {
			vals[key] = v
		}
	}
	if *ramme != "" || *vedtak != "" || record.ProsjektFase(*fase).Index() >= record.Forprosjekt.Index() {
		// From forprosjekt on a project has its original frame.
		step := schema.Values{"type": string(record.Opprinnelig)}
		if *ramme != "" {
			kr, err := money.ParseKroner(*ramme)
			if err == nil && kr <= 0 {
				err = fmt.Errorf("%q: the original frame is above 0 kr, e.g. 130_000_000", *ramme)
			}
			if err != nil {
				return fmt.Errorf("-ramme %w", err)
			}
			step["belop"] = money.Kroner(kr)
		}
		if *vedtak != "" {
			step["vedtak"] = *vedtak
		}
		vals["kostnadsramme"] = []schema.Values{step}
	}
	return e.write("prosjekt", filepath.Join(e.data, "prosjekter", *id+".toml"), prosjektHeader, vals)
}
