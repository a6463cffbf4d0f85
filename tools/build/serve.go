package build

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"time"
)

// Serve builds the site, serves Out on addr under the base URL's path, and
// rebuilds whenever a source file changes. A failed rebuild prints its
// problems and keeps serving the last good site.
func Serve(ctx context.Context, o Options, addr string) error {
	o = o.withDefaults()
	if err := Build(ctx, o); err != nil && !errors.Is(err, ErrInvalidData) {
		return err
	}
	prefix := "/"
	if u, err := url.Parse(o.BaseURL); err == nil && u.Path != "" {
		prefix = "/" + strings.Trim(u.Path, "/") + "/"
		prefix = strings.ReplaceAll(prefix, "//", "/")
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(o.Out)))}
	go srv.Serve(ln)
	defer srv.Close()
	fmt.Fprintf(o.Diags, "serving http://%s%s (Ctrl+C to stop); rebuilding on changes\n", ln.Addr(), prefix)

	last := sourceStamp(o)
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
			if s := sourceStamp(o); s != last {
				last = s
				if err := Build(ctx, o); err != nil && !errors.Is(err, ErrInvalidData) {
					fmt.Fprintln(o.Diags, "rebuild failed:", err)
				}
			}
		}
	}
}

// sourceStamp summarises the names, sizes and times of every source file.
func sourceStamp(o Options) string {
	var b strings.Builder
	for _, dir := range []string{o.DataDir, filepath.Join(o.Root, "content"), filepath.Join(o.Root, "layouts"), filepath.Join(o.Root, "static"), filepath.Join(o.Root, "i18n"), filepath.Join(o.Root, "config.toml")} {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := d.Info(); err == nil {
				fmt.Fprintf(&b, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
			}
			return nil
		})
	}
	return b.String()
}
