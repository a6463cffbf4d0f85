package build

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/openkommune/portal/tools/chart"
	"github.com/openkommune/portal/tools/export"
	"github.com/openkommune/portal/tools/feed"
	"github.com/openkommune/portal/tools/model"
	"github.com/openkommune/portal/tools/sitedata"
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

// exportFiles makes the downloads, the feeds and the logo file, and writes
// the index of the downloads and of the feeds for the templates.
func exportFiles(site *model.Site, logo []byte, baseURL string, out *sitedata.Writer) (extras, error) {
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
	if err := out.Nedlastinger(downloads); err != nil {
		return nil, err
	}
	return e, out.Feeds(feedIndex)
}

// writeCharts draws the charts (package chart) for the templates.
func writeCharts(site *model.Site, out *sitedata.Writer) (int, error) {
	drawn := chart.Draw(site)
	charts := make(map[string]sitedata.Chart, len(drawn))
	for k, d := range drawn {
		charts[k] = sitedata.Chart{SVG: d.SVG, Smal: d.Narrow, Tekst: d.Summary, Tabell: d.Table}
	}
	return len(charts), out.Diagram(charts)
}
