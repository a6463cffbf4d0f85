package build

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Serve builds the site, serves Out on addr under the base URL's path, and
// rebuilds whenever a source file changes, including a change saved while
// the first build runs. A failed rebuild prints its problems and keeps
// serving the last good site.
func Serve(ctx context.Context, o Options, addr string) error {
	return serve(ctx, o, addr, Build, 500*time.Millisecond)
}

// serve is Serve with the build and the polling interval given.
func serve(ctx context.Context, o Options, addr string, build func(context.Context, Options) error, every time.Duration) error {
	o = o.withDefaults()
	// The sources are stamped before the first build reads them, so that a
	// change saved while it runs differs from the stamp.
	last := takeStamp(o, time.Now())
	if err := build(ctx, o); err != nil && !errors.Is(err, ErrInvalidData) {
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

	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
			s := takeStamp(o, time.Now())
			changed := s.differs(last)
			last = s
			if changed {
				if err := build(ctx, o); err != nil && !errors.Is(err, ErrInvalidData) {
					fmt.Fprintln(o.Diags, "rebuild failed:", err)
				}
			}
		}
	}
}

// racyAge is how recently a file must have been modified for its stamp to
// hold its content's hash: a file saved twice within the file system's
// time granularity (up to 2 s on FAT) keeps its size and time.
const racyAge = 3 * time.Second

// fileStamp is what a stamp keeps of one source file.
type fileStamp struct {
	size, mod int64
	hashed    bool
	sum       [sha256.Size]byte
}

// stamp is the state of every source file (data, content, layouts,
// static, i18n, config.toml) by path.
type stamp map[string]fileStamp

// takeStamp stamps the sources at time now: names, sizes and times, and
// the content's hash of those modified within racyAge of now.
func takeStamp(o Options, now time.Time) stamp {
	s := stamp{}
	roots := []string{o.DataDir, filepath.Join(o.Root, "config.toml")}
	for _, d := range hugoSources {
		roots = append(roots, filepath.Join(o.Root, d))
	}
	for _, dir := range roots {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return nil
			}
			f := fileStamp{size: info.Size(), mod: info.ModTime().UnixNano()}
			if now.Sub(info.ModTime()) < racyAge {
				if b, err := os.ReadFile(p); err == nil {
					f.hashed, f.sum = true, sha256.Sum256(b)
				}
			}
			s[p] = f
			return nil
		})
	}
	return s
}

// differs tells whether a file was added, removed or changed between the
// stamps; contents are compared where both stamps hold their hash.
func (s stamp) differs(old stamp) bool {
	if len(s) != len(old) {
		return true
	}
	for p, f := range s {
		g, ok := old[p]
		if !ok || f.size != g.size || f.mod != g.mod || (f.hashed && g.hashed && f.sum != g.sum) {
			return true
		}
	}
	return false
}
