//go:build js && wasm

// Command searchwasm is the search engine the visitor's browser runs: package
// search compiled to WebAssembly, driven from a Web Worker
// (static/js/search-worker.js). It exposes one object, portalSearch:
//
//	open(head, docValues)     -> "" or an error message
//	addPage(p, bytes)         -> "" or an error message
//	addChunk(i, bytes)        -> "" or an error message
//	addBlock(n, bytes)        -> "" or an error message
//	search(requestJSON)       -> responseJSON
//
// Byte arguments are Uint8Arrays, already decompressed. A response with
// "need" lists the chunks and result blocks to fetch before asking again;
// the engine never waits on the network itself.
package main

import (
	"encoding/json"
	"fmt"
	"syscall/js"

	"github.com/openkommune/portal/tools/search"
)

var engine *search.Engine

func bytesOf(v js.Value) []byte {
	b := make([]byte, v.Get("length").Int())
	js.CopyBytesToGo(b, v)
	return b
}

func errString(err error) any {
	if err != nil {
		return err.Error()
	}
	return ""
}

// add wraps an engine's add method: the piece number and its bytes in, an
// error message or "" out.
func add(method func(e *search.Engine) func(int, []byte) error) js.Func {
	return guarded(func(args []js.Value) any {
		if engine == nil {
			return "search engine not open"
		}
		if len(args) < 2 {
			return "want a number and bytes"
		}
		return errString(method(engine)(args[0].Int(), bytesOf(args[1])))
	}, func(msg string) any { return msg })
}

// guarded turns a panic into an answer, so that one bad call does not end
// the Go program (and with it search on the page).
func guarded(f func(args []js.Value) any, onPanic func(msg string) any) js.Func {
	return js.FuncOf(func(this js.Value, args []js.Value) (out any) {
		defer func() {
			if r := recover(); r != nil {
				out = onPanic(fmt.Sprint("search engine: ", r))
			}
		}()
		return f(args)
	})
}

// errorJSON is a response with only an error message.
func errorJSON(msg string) any {
	out, _ := json.Marshal(&search.Response{Error: msg, Hits: []search.Hit{}, Facets: []search.Facet{}, Terms: []string{}})
	return string(out)
}

func main() {
	api := js.Global().Get("Object").New()
	api.Set("open", guarded(func(args []js.Value) any {
		if len(args) < 2 {
			return "want the head and the doc values"
		}
		e, err := search.Open(bytesOf(args[0]), bytesOf(args[1]))
		if err == nil {
			engine = e
		}
		return errString(err)
	}, func(msg string) any { return msg }))
	api.Set("addPage", add(func(e *search.Engine) func(int, []byte) error { return e.AddPage }))
	api.Set("addChunk", add(func(e *search.Engine) func(int, []byte) error { return e.AddChunk }))
	api.Set("addBlock", add(func(e *search.Engine) func(int, []byte) error { return e.AddBlock }))
	api.Set("search", guarded(func(args []js.Value) any {
		if engine == nil {
			return errorJSON("search engine not open")
		}
		if len(args) < 1 {
			return errorJSON("want a request")
		}
		var req search.Request
		if err := json.Unmarshal([]byte(args[0].String()), &req); err != nil {
			return errorJSON(err.Error())
		}
		out, err := json.Marshal(engine.Search(req))
		if err != nil {
			return errorJSON(err.Error())
		}
		return string(out)
	}, errorJSON))
	js.Global().Set("portalSearch", api)
	select {}
}
