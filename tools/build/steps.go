package build

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/history"
	"github.com/openkommune/portal/tools/hugo"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/reconcile"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/searchindex"
	"github.com/openkommune/portal/tools/sitedata"
)

// step is one stage of the build; detail is what portal build prints after
// its time.
type step struct {
	name string
	run  func(*run) (detail string, err error)
}

// steps are the build's stages in order (see the package comment). The
// scale benchmarks run and measure the same steps one by one.
var steps = []step{
	{"check", (*run).check},
	{"compile", (*run).compile},
	{"reconcile", (*run).reconcile},
	{"export", (*run).export},
	{"search", (*run).search},
	{"hugo", (*run).hugo},
	{"publish", (*run).publish},
}

// run is one build going through the steps: each step reads what the steps
// before it left here.
type run struct {
	ctx context.Context
	o   Options
	// dir is the staging directory, made by compile unless set
	// beforehand (then it is kept).
	dir    string
	ownDir bool
	set    *record.Set
	hist   *history.Log // the data's git history (check reads it)
	site   *model.Site
	// kommune is the set's kommune, kept for the overlay after search
	// has let go of the set and the site model.
	kommune *record.Kommune
	out     *sitedata.Writer // the files Hugo reads, in dir
	extra   extras
	dest    string // the site in dir, made by hugo
	// runHugo runs Hugo (hugo.Run unless set).
	runHugo func(context.Context, hugo.Options) error
}

// cleanup removes the staging directory the run made.
func (r *run) cleanup() {
	if r.ownDir {
		os.RemoveAll(r.dir)
	}
}

func (r *run) check() (string, error) {
	set, diags := Check(os.DirFS(r.o.DataDir), relTo(r.o.Root, r.o.DataDir))
	diags.Print(r.o.Diags)
	if diags.Errors() > 0 {
		return "", ErrInvalidData
	}
	r.set, r.kommune = set, set.Kommune
	r.hist = readHistory(r.o.DataDir, r.o.Diags)
	return fmt.Sprintf("%d vedtak, %d planer, %d prosjekter", len(set.Vedtak), len(set.Planer), len(set.Prosjekter)), nil
}

func (r *run) compile() (string, error) {
	if r.dir == "" {
		removeStaleStages(filepath.Dir(r.o.Out))
		dir, err := os.MkdirTemp(filepath.Dir(r.o.Out), fmt.Sprintf("%s%d-", stagePrefix, os.Getpid()))
		if err != nil {
			return "", err
		}
		r.dir, r.ownDir = dir, true
	}
	r.site = compile.CompileWith(r.set, compile.Options{AsOf: r.o.AsOf, History: r.hist})
	r.out = sitedata.NewWriter(r.dir)
	if err := r.out.Site(r.site); err != nil {
		return "", fmt.Errorf("writing the compiled data: %w", err)
	}
	return "", nil
}

func (r *run) reconcile() (string, error) {
	report := reconcile.Run(r.site)
	if report.Failed > 0 {
		return "", fmt.Errorf("%s\n(the numbers on the site would not add up; nothing was published)", report.Error())
	}
	if err := r.out.Kontroll(report); err != nil {
		return "", err
	}
	return fmt.Sprintf("%d kontroller", len(report.Checks)), nil
}

func (r *run) export() (string, error) {
	extra, err := exportFiles(r.site, r.set.Kommune.LogoData, r.o.BaseURL, r.out)
	if err != nil {
		return "", err
	}
	charts, err := writeCharts(r.site, r.out)
	if err != nil {
		return "", err
	}
	r.extra = extra
	return fmt.Sprintf("%d filer, %d diagrammer", len(extra), charts), nil
}

func (r *run) search() (string, error) {
	docs := searchindex.Docs(r.site)
	// Nothing after this reads the data or the site model: Hugo reads the
	// files written from them. Letting them go before the index, the
	// build's largest step, is made keeps them out of its peak (about
	// 1 GB at 100 000 vedtak; docs/scale.md).
	r.set, r.site = nil, nil
	sf, err := buildSearch(r.ctx, r.o.Root, docs)
	if err != nil {
		return "", err
	}
	if err := r.out.Sok(sf.info); err != nil {
		return "", err
	}
	// The index's files are written now, beside the staging site, and
	// moved into it in one rename once Hugo has made it: the tens of
	// thousands of files are not held in memory while Hugo runs, nor
	// written in Hugo's step.
	dir := filepath.Join(r.dir, searchDir)
	os.RemoveAll(dir) // left by an earlier run in a kept directory
	if err := sf.write(dir); err != nil {
		return "", fmt.Errorf("writing the search index: %w", err)
	}
	return fmt.Sprintf("%d dokumenter, %d filer", sf.info.Dokumenter, len(sf.files)), nil
}

// searchDir is the directory in the staging directory the search stage
// writes the index to; the Hugo stage moves it to the site's search/.
const searchDir = "search-index"

// hugo writes the overlay, runs Hugo into the staging directory, then moves
// the search index (written by search) into what it made, writes the
// download and feed files beside it, and the marker that says the site is
// the build's (see checkOut).
func (r *run) hugo() (string, error) {
	overlay := filepath.Join(r.dir, "portal.toml")
	if err := writeOverlay(overlay, r.kommune, r.out.Mounts(), r.o.BaseURL); err != nil {
		return "", err
	}
	bin, err := hugo.Binary(r.ctx, r.o.Root)
	if err != nil {
		return "", err
	}
	r.dest = filepath.Join(r.dir, "public")
	os.RemoveAll(r.dest) // left by an earlier run in a kept directory
	// Hugo runs beside this process: give back to the system what the
	// search index needed, so that the two need not both be at their peak.
	debug.FreeOSMemory()
	runHugo := r.runHugo
	if runHugo == nil {
		runHugo = hugo.Run
	}
	err = runHugo(r.ctx, hugo.Options{
		Bin:         bin,
		Source:      r.o.Root,
		Configs:     []string{filepath.Join(r.o.Root, "config.toml"), overlay},
		Destination: r.dest,
		BaseURL:     r.o.BaseURL,
		CacheDir:    filepath.Join(r.dir, "cache"),
		MemoryLimit: memoryLimit,
	})
	if err != nil {
		return "", err
	}
	if err := os.Rename(filepath.Join(r.dir, searchDir), filepath.Join(r.dest, "search")); err != nil {
		return "", fmt.Errorf("moving the search index into the site: %w", err)
	}
	if err := r.extra.write(r.dest); err != nil {
		return "", fmt.Errorf("writing the downloads and feeds: %w", err)
	}
	if err := writeMarker(r.dest); err != nil {
		return "", err
	}
	return "", nil
}

func (r *run) publish() (string, error) {
	if err := publish(r.dest, r.o.Out, r.dir); err != nil {
		if k := (*keptError)(nil); errors.As(err, &k) {
			r.ownDir = false
			keepStage(r.dir, k)
		}
		return "", err
	}
	return relTo(r.o.Root, r.o.Out), nil
}

// readHistory reads the data's git history for the record pages' dates
// and the build's version. A repository go-git cannot read is a warning:
// the site is built without dates, as from a folder outside git.
func readHistory(dataDir string, diags io.Writer) *history.Log {
	l, err := history.Read(dataDir)
	if err != nil {
		fmt.Fprintf(diags, "warning: %v: the pages show no dates of change and the build no version\n", err)
		return &history.Log{}
	}
	return l
}
