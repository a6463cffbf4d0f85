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

func main() {
	api := js.Global().Get("Object").New()
	api.Set("open", js.FuncOf(func(this js.Value, args []js.Value) any {
		e, err := search.Open(bytesOf(args[0]), bytesOf(args[1]))
		if err == nil {
			engine = e
		}
		return errString(err)
	}))
	api.Set("addPage", js.FuncOf(func(this js.Value, args []js.Value) any {
		return errString(engine.AddPage(args[0].Int(), bytesOf(args[1])))
	}))
	api.Set("addChunk", js.FuncOf(func(this js.Value, args []js.Value) any {
		return errString(engine.AddChunk(args[0].Int(), bytesOf(args[1])))
	}))
	api.Set("addBlock", js.FuncOf(func(this js.Value, args []js.Value) any {
		return errString(engine.AddBlock(args[0].Int(), bytesOf(args[1])))
	}))
	api.Set("search", js.FuncOf(func(this js.Value, args []js.Value) any {
		var req search.Request
		var resp *search.Response
		if err := json.Unmarshal([]byte(args[0].String()), &req); err != nil {
			resp = &search.Response{Error: err.Error()}
		} else {
			resp = engine.Search(req)
		}
		out, _ := json.Marshal(resp)
		return string(out)
	}))
	js.Global().Set("portalSearch", api)
	select {}
}
