package build

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/openkommune/portal/tools/chart"
	"github.com/openkommune/portal/tools/compile"
	"github.com/openkommune/portal/tools/export"
	"github.com/openkommune/portal/tools/feed"
)

// extras are the files the build writes into the site beside Hugo's output
// (downloads, feeds, the logo): site-relative slash path → content. Their
// names reach the templates as data before Hugo runs; the files are written
// after it, and may not replace a file Hugo wrote.
type extras map[string][]byte

// add adds files, refusing a path given twice or one outside the site.
func (e extras) add(files map[string][]byte) error {
	for p, b := range files {
		if !fs.ValidPath(p) || p == "." {
			return fmt.Errorf("extra file %q: not a site-relative path", p)
		}
		if _, dup := e[p]; dup {
			return fmt.Errorf("extra file %q is made twice", p)
		}
		e[p] = b
	}
	return nil
}

// write writes the files into the built site dir, in a fixed order.
func (e extras) write(dir string) error {
	names := make([]string, 0, len(e))
	for p := range e {
		names = append(names, p)
	}
	slices.Sort(names)
	for _, p := range names {
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if _, err := os.Lstat(dst); err == nil {
			return fmt.Errorf("%s: Hugo already wrote this file; rename the page or the download", p)
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, e[p], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// writeData writes v as compiled data for the templates
// (hugo.Data.portal.<name>).
func writeData(dataDir, name string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dataDir, "portal", name+".json"), b, 0o644)
}

// exportFiles makes the downloads, the feeds and the logo file, and writes
// the index of the downloads (hugo.Data.portal.nedlastinger) and of the
// feeds (hugo.Data.portal.feeds) for the templates.
func exportFiles(site *compile.Site, logo []byte, baseURL, dataDir string) (extras, error) {
	e := extras{}
	files, downloads, err := export.Files(site)
	if err != nil {
		return nil, err
	}
	if err := e.add(files); err != nil {
		return nil, err
	}
	feeds, feedIndex, err := feed.Files(site, baseURL)
	if err != nil {
		return nil, err
	}
	if err := e.add(feeds); err != nil {
		return nil, err
	}
	if site.Kommune.Logo != "" {
		if err := e.add(map[string][]byte{site.Kommune.Logo: logo}); err != nil {
			return nil, err
		}
	}
	if err := writeData(dataDir, "nedlastinger", downloads); err != nil {
		return nil, err
	}
	return e, writeData(dataDir, "feeds", feedIndex)
}

// Chart is one chart for the templates: the SVG and its one-sentence text
// summary (hugo.Data.portal.diagram.<key>).
type Chart struct {
	SVG   string `json:"svg"`
	Tekst string `json:"tekst"`
}

// writeCharts draws the charts (package chart) into the compiled data.
func writeCharts(site *compile.Site, dataDir string) (int, error) {
	svgs, texts := chart.All(site), chart.Summaries(site)
	charts := make(map[string]Chart, len(svgs))
	for k, svg := range svgs {
		charts[k] = Chart{SVG: svg, Tekst: texts[k]}
	}
	return len(charts), writeData(dataDir, "diagram", charts)
}
