package searchindex

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/openkommune/portal/tools/search"
)

// Client does natively what the browser's search does: fetch the head and
// doc values, then for each search fetch the chunks and result blocks the
// engine asks for, until it answers. It counts the bytes it fetches, which
// is what the size benchmarks report.
type Client struct {
	Engine   *search.Engine
	Fetched  int // bytes fetched, as served (compressed)
	Requests int
	get      func(name string) ([]byte, error)
	have     map[string]bool
}

// MaxRounds bounds the fetch rounds of one search.
const MaxRounds = 8

// NewClient opens the index whose head is named head; get returns a file
// under search/ as served.
func NewClient(get func(name string) ([]byte, error), head string) (*Client, error) {
	c := &Client{get: get, have: map[string]bool{}}
	hb, err := c.fetch(head)
	if err != nil {
		return nil, err
	}
	var h struct {
		DocValues string `json:"docvalues"`
	}
	if err := json.Unmarshal(hb, &h); err != nil {
		return nil, err
	}
	dv, err := c.fetch(h.DocValues)
	if err != nil {
		return nil, err
	}
	c.Engine, err = search.Open(hb, dv)
	return c, err
}

func (c *Client) fetch(name string) ([]byte, error) {
	z, err := c.get(name)
	if err != nil {
		return nil, err
	}
	c.Fetched += len(z)
	c.Requests++
	c.have[name] = true
	r, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return io.ReadAll(r)
}

// Search runs req, fetching what it needs.
func (c *Client) Search(req search.Request) (*search.Response, error) {
	for round := 0; round < MaxRounds; round++ {
		resp := c.Engine.Search(req)
		if resp.Need == nil {
			if resp.Error != "" {
				return resp, errors.New(resp.Error)
			}
			return resp, nil
		}
		for _, set := range []struct {
			files []search.File
			add   func(int, []byte) error
		}{
			{resp.Need.Pages, c.Engine.AddPage},
			{resp.Need.Chunks, c.Engine.AddChunk},
			{resp.Need.Blocks, c.Engine.AddBlock},
		} {
			for _, f := range set.files {
				b, err := c.fetch(f.Name)
				if err != nil {
					return nil, err
				}
				if err := set.add(f.Index, b); err != nil {
					return nil, err
				}
			}
		}
	}
	return nil, fmt.Errorf("search did not settle in %d rounds", MaxRounds)
}

// Names lists the files fetched so far, sorted.
func (c *Client) Names() []string {
	var out []string
	for n := range c.have {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
