// Package build owns the portal's build: the stages from data/ to public/
// (check, compile, reconcile, export, search, Hugo, publish), their timings, and the rule that a failed
// build leaves the previous public/ exactly as it was.
//
// # Stages
//
//  1. check: load and validate data/ (packages load and check); any error
//     stops the build before anything is written.
//  2. compile: derive the site model (package compile) and write it as JSON
//     into a staging directory beside public/.
//  3. reconcile: recompute every sum the site shows (package reconcile);
//     a disagreement fails the build with the figures, and the checks are
//     published on /kontroll/.
//  4. export: the downloads (CSV, JSON, Table Schemas, datapackage.json;
//     package export), the Atom feeds (package feed) and the logo, whose
//     names go to the templates as data and the files into the site after
//     Hugo; and the charts (package chart), as data for the templates.
//  5. search: index the site for search (package searchindex) and compile
//     the search engine to WebAssembly; the file names go to the templates
//     as data, the files into the site after Hugo.
//  6. hugo: run the pinned Hugo with config.toml plus a generated overlay
//     that mounts the compiled JSON as Hugo's data and sets the kommune's
//     name and language, writing the site into the staging directory.
//  7. publish: swap the staged site into place of public/ in one atomic
//     exchange where the OS allows it (see publish).
//
// Nothing reads public/ back, and the staging directory is removed whether
// the build succeeds or fails. The output directory is the user's: the
// build replaces it only if it is missing, empty or a site the build made,
// marked by the file .portal-site, and never if it is or holds the data or
// the sources (checkOut, checked before any stage).
package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/openkommune/portal/tools/caldate"
	"github.com/openkommune/portal/tools/record"
	"github.com/openkommune/portal/tools/sitedata"
)

// Options say what to build.
type Options struct {
	Root    string // project root: config.toml, content/, layouts/, static/
	DataDir string // default Root/data
	Out     string // default Root/public
	BaseURL string // default "/" (a site that works at any root)
	// AsOf, if after the data's referansedato, is the date deadlines are
	// judged at (the Pages workflow passes today's date in Europe/Oslo).
	AsOf  caldate.Date
	Log   io.Writer // progress and timings; nil for quiet
	Diags io.Writer // diagnostics about the data; default os.Stderr
}

// memoryLimit is the soft memory limit of the build and of Hugo, each on
// its own, unless GOMEMLIMIT is set: the garbage collector works harder
// near it rather than let the heap grow to twice what is live. It is a
// target, not a cap: a build that needs more goes on, and slower. At
// 100 000 vedtak it keeps each under 3 GB (docs/scale.md); a kommune of
// ordinary size never comes near it.
const memoryLimit = 2560 << 20

// ErrInvalidData is returned when the data has errors (already printed).
var ErrInvalidData = errors.New("the data has errors; nothing was built")

// Build runs every stage. On any failure the previous Out is untouched.
// Before any stage runs, a root that is not the portal's, a missing data
// directory or an Out the build may not replace (checkOut) is an error.
func Build(ctx context.Context, o Options) error {
	o = o.withDefaults()
	if err := o.preflight(); err != nil {
		return err
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(memoryLimit))
	}
	t := &timer{w: o.Log}
	r := &run{ctx: ctx, o: o}
	defer r.cleanup()
	for _, s := range steps {
		t.start(s.name)
		detail, err := s.run(r)
		if err != nil {
			return err
		}
		t.done(detail)
	}
	t.total()
	return nil
}

func (o Options) withDefaults() Options {
	if o.Root == "" {
		o.Root = "."
	}
	o.Root, _ = filepath.Abs(o.Root)
	if o.DataDir == "" {
		o.DataDir = filepath.Join(o.Root, "data")
	}
	if o.Out == "" {
		o.Out = filepath.Join(o.Root, "public")
	}
	o.DataDir, _ = filepath.Abs(o.DataDir)
	o.Out, _ = filepath.Abs(o.Out)
	if o.BaseURL == "" {
		o.BaseURL = "/"
	}
	if o.Diags == nil {
		o.Diags = os.Stderr
	}
	return o
}

func relTo(root, p string) string {
	if r, err := filepath.Rel(root, p); err == nil && filepath.IsLocal(r) {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(p)
}

// writeOverlay writes the Hugo configuration that depends on the data: the
// kommune's name and language, and the mounts of the files package
// sitedata wrote.
func writeOverlay(path string, k *record.Kommune, data []sitedata.Mount, baseURL string) error {
	lang := string(k.Malform)
	var mounts []map[string]any
	for _, m := range data {
		mounts = append(mounts, map[string]any{"source": m.Source, "target": m.Target})
	}
	for _, d := range []string{"content", "layouts", "static", "i18n"} {
		mounts = append(mounts, map[string]any{"source": d, "target": d})
	}
	overlay := map[string]any{
		"title":                  k.Navn,
		"defaultContentLanguage": lang,
		"locale":                 lang + "-NO",
		"module":                 map[string]any{"mounts": mounts},
	}
	if !absoluteBase(baseURL) {
		// A sitemap lists absolute URLs only; without a host there is none.
		overlay["disableKinds"] = []string{"taxonomy", "term", "rss", "sitemap"}
	}
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(overlay); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// absoluteBase reports whether the base URL names a scheme and a host, as
// the URLs in sitemap.xml and the canonical and Open Graph tags must.
func absoluteBase(baseURL string) bool {
	u, err := url.Parse(baseURL)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// timer prints each stage's duration.
type timer struct {
	w     io.Writer
	first time.Time
	began time.Time
	name  string
}

func (t *timer) start(name string) {
	t.began = time.Now()
	if t.first.IsZero() {
		t.first = t.began
	}
	t.name = name
}

func (t *timer) done(detail string) {
	if t.w == nil {
		return
	}
	if detail != "" {
		detail = " (" + detail + ")"
	}
	fmt.Fprintf(t.w, "%-9s %6.0f ms%s\n", t.name, float64(time.Since(t.began).Microseconds())/1000, detail)
}

func (t *timer) total() {
	if t.w != nil {
		fmt.Fprintf(t.w, "%-9s %6.0f ms\n", "total", float64(time.Since(t.first).Microseconds())/1000)
	}
}
