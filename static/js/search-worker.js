/* The search worker: runs the reader (static/js/search-engine.js, a few
   kilobytes of JavaScript, served in one file with this one) over the
   index head, and answers searches.
   The reader fetches what a query needs itself. A query in syntax only
   the larger engine reads (bleve compiled to WebAssembly: word*, word~,
   /regexp/, …) loads that engine once, on demand: it never touches the
   network; when it needs manifest pages, index chunks or result blocks
   it says so, this worker fetches them (in parallel, each once) and asks
   again. */
'use strict';

var ready = null;
var wasmReady = null;
var reader = null;
var config = null;
var head = null;
var headBytes = null;
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

// CACHE is the service worker's cache (static/search-sw.js). The worker
// reads and fills it too, so that a first visit is kept even before the
// service worker controls the page.
var CACHE = 'portal-search-1';

// cached fetches a file whose name is its content (everything under
// search/) through the cache.
async function cached(url) {
  var c = null;
  try {
    c = await caches.open(CACHE);
    var hit = await c.match(url);
    if (hit) return hit;
  } catch (e) {
    c = null; // no Cache Storage (private mode): go to the network
  }
  var resp = await fetch(url, { credentials: 'same-origin' });
  if (c && resp.ok && resp.status === 200) {
    var h = new Headers(resp.headers);
    h.set('x-portal-used', String(Date.now()));
    var copy = new Response(await resp.clone().blob(), { status: 200, headers: h });
    c.put(url, copy).catch(function () {});
  }
  return resp;
}

async function fetchBytes(url, progress) {
  var resp = await cached(url);
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

// unpack reads a pack (tools/search/format.go, EncodePack): the head and
// the small pieces every query reads first (doc values, manifest pages),
// each with its own name and sum. The pieces are taken as if fetched by
// name; the reader checks each as it would a fetched one. It returns the
// head; a plain head is returned as it is.
function unpack(b) {
  if (!(b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x50 && b[3] === 0x31)) return b;
  var p = 4;
  function uv() {
    var v = 0, mul = 1;
    for (;;) {
      check(p >= b.length ? 'search pack: truncated' : '');
      var c = b[p++];
      v += (c & 0x7f) * mul;
      if (c < 0x80) return v;
      mul *= 128;
      check(mul > 2 ** 49 ? 'search pack: bad number' : '');
    }
  }
  function take(n) {
    check(p + n > b.length ? 'search pack: truncated' : '');
    p += n;
    return b.subarray(p - n, p);
  }
  var n = uv(), first = null;
  for (var i = 0; i < n; i++) {
    var name = new TextDecoder().decode(take(uv()));
    var data = take(uv());
    if (!first) first = data;
    inflight.set(dir + name, Promise.resolve(data));
  }
  check(p !== b.length || !first ? 'search pack: bad size' : '');
  return first;
}

async function init(m) {
  config = m;
  dir = m.head.substring(0, m.head.lastIndexOf('/') + 1);
  // The reader comes in the same file (layouts/_partials/search-scripts.html).
  if (!self.PortalReader) importScripts(m.reader);
  self.postMessage({ type: 'progress', stage: 'index' });
  var hb = headBytes = unpack(await fetchGz(m.head));
  head = JSON.parse(new TextDecoder().decode(hb));
  reader = await self.PortalReader.open(hb, function (name) { return fetchGz(dir + name); });
}

// initWasm loads the WebAssembly engine, for the syntax the reader leaves
// to it.
async function initWasm() {
  var m = config;
  importScripts(m.wasmExec);
  self.postMessage({ type: 'keep', urls: [m.wasmExec] });
  var go = new Go();
  var wasm = await fetchBytes(m.engine, function (n, total) {
    self.postMessage({ type: 'progress', stage: 'engine', loaded: n, total: total });
  });
  var inst = await WebAssembly.instantiate(wasm, go.importObject);
  go.run(inst.instance);
  var dv = await fetchGz(dir + head.docvalues);
  check(self.portalSearch.open(headBytes, dv));
}

async function search(req) {
  var t0 = performance.now();
  var bytes0 = fetched;
  var res = await reader.search(req);
  if (!res.unsupported) {
    var ms = performance.now() - t0;
    return { res: res, ms: ms, engineMs: ms, bytes: fetched - bytes0 };
  }
  if (!wasmReady) {
    wasmReady = initWasm();
    wasmReady.catch(function () { wasmReady = null; });
  }
  await wasmReady;
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
