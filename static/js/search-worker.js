/* The search worker: loads the engine (bleve compiled to WebAssembly) and
   the index head, then answers searches. The engine never touches the
   network; when it needs manifest pages, index chunks or result blocks
   it says so, this
   worker fetches them (in parallel, each once) and asks again. */
'use strict';

var ready = null;
var head = null;
var dir = '';
var fetched = 0;
var inflight = new Map();

self.onmessage = function (e) {
  var m = e.data;
  if (m.type === 'init') {
    if (!ready) {
      ready = init(m);
      ready.then(function () { self.postMessage({ type: 'ready', bytes: fetched }); },
        function (err) { self.postMessage({ type: 'fatal', message: String(err && err.message || err) }); });
    }
    return;
  }
  if (m.type === 'search') {
    ready.then(function () { return search(m.req); }).then(function (r) {
      self.postMessage({ type: 'result', id: m.id, res: r.res, ms: r.ms, engineMs: r.engineMs, bytes: r.bytes, total: fetched });
    }, function (err) {
      self.postMessage({ type: 'error', id: m.id, message: String(err && err.message || err) });
    });
  }
};

function check(msg) {
  if (msg) throw new Error(msg);
}

async function fetchBytes(url, progress) {
  var resp = await fetch(url, { credentials: 'same-origin' });
  if (!resp.ok) throw new Error(url + ': HTTP ' + resp.status);
  if (!progress || !resp.body) {
    var b = new Uint8Array(await resp.arrayBuffer());
    fetched += b.length;
    return b;
  }
  var total = Number(resp.headers.get('Content-Length')) || 0;
  var reader = resp.body.getReader();
  var parts = [];
  var n = 0;
  for (;;) {
    var r = await reader.read();
    if (r.done) break;
    parts.push(r.value);
    n += r.value.length;
    progress(n, total);
  }
  var out = new Uint8Array(n);
  var off = 0;
  parts.forEach(function (p) { out.set(p, off); off += p.length; });
  fetched += n;
  return out;
}

async function gunzip(b) {
  if (b.length < 2 || b[0] !== 0x1f || b[1] !== 0x8b) return b; // already decoded by the server
  var stream = new Blob([b]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function fetchGz(url) {
  var p = inflight.get(url);
  if (!p) {
    p = fetchBytes(url).then(gunzip);
    inflight.set(url, p);
    p.catch(function () { inflight.delete(url); });
  }
  return p;
}

async function init(m) {
  importScripts(m.wasmExec);
  var go = new Go();
  var wasm = await fetchBytes(m.engine, function (n, total) {
    self.postMessage({ type: 'progress', stage: 'engine', loaded: n, total: total });
  });
  var inst = await WebAssembly.instantiate(wasm, go.importObject);
  go.run(inst.instance);
  self.postMessage({ type: 'progress', stage: 'index' });
  dir = m.head.substring(0, m.head.lastIndexOf('/') + 1);
  var hb = await fetchGz(m.head);
  head = JSON.parse(new TextDecoder().decode(hb));
  var dv = await fetchGz(dir + head.docvalues);
  check(self.portalSearch.open(hb, dv));
}

async function search(req) {
  var t0 = performance.now();
  var bytes0 = fetched;
  var body = JSON.stringify(req);
  for (var round = 0; round < 8; round++) {
    var t1 = performance.now();
    var res = JSON.parse(self.portalSearch.search(body));
    var engineMs = performance.now() - t1;
    if (!res.need) {
      return { res: res, ms: performance.now() - t0, engineMs: engineMs, bytes: fetched - bytes0 };
    }
    var jobs = [];
    [['pages', 'addPage'], ['chunks', 'addChunk'], ['blocks', 'addBlock']].forEach(function (kind) {
      (res.need[kind[0]] || []).forEach(function (f) {
        jobs.push(fetchGz(dir + f.file).then(function (b) { check(self.portalSearch[kind[1]](f.i, b)); }));
      });
    });
    await Promise.all(jobs);
  }
  throw new Error('search did not settle');
}
