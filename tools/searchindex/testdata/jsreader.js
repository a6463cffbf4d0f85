// Runs static/js/search-engine.js in Node for jsreader_test.go: reads one
// JSON request a line on stdin, writes one JSON answer a line on stdout.
//   node jsreader.js ENGINE DIR HEAD
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const readline = require('readline');

const R = require(path.resolve(process.argv[2]));
const dir = process.argv[3];
const head = process.argv[4];
let fetched = 0;
let requests = 0;
let files = [];
let packed = new Map(); // pieces of the pack, by name, as the worker's unpack

// unpack reads a pack (PKP1: count, then name and bytes of each piece) as
// static/js/search-worker.js does; it returns the first piece, the head.
function unpack(b) {
  if (!(b.length >= 4 && b.toString('latin1', 0, 4) === 'PKP1')) return b;
  let p = 4;
  const uv = () => { let v = 0, m = 1; for (;;) { const c = b[p++]; v += (c & 0x7f) * m; if (c < 0x80) return v; m *= 128; } };
  const n = uv();
  let first = null;
  for (let i = 0; i < n; i++) {
    const nl = uv();
    const name = b.toString('utf8', p, p + nl);
    p += nl;
    const len = uv();
    const data = b.subarray(p, p + len);
    p += len;
    if (!first) first = data; else packed.set(name, data);
  }
  return first;
}

async function get(name) {
  if (packed.has(name)) return new Uint8Array(packed.get(name));
  const b = fs.readFileSync(path.join(dir, name));
  files.push(name);
  fetched += b.length;
  requests++;
  return new Uint8Array(zlib.gunzipSync(b));
}

(async () => {
  const hb = await get(head);
  const engine = await R.open(new Uint8Array(unpack(Buffer.from(hb))), get);
  const rl = readline.createInterface({ input: process.stdin });
  for await (const line of rl) {
    const m = JSON.parse(line);
    let out;
    try {
      switch (m.op) {
        case 'analyze':
          out = { tokens: m.texts.map((t) => R.analyze(m.kind, t)) };
          break;
        case 'info':
          out = { stop: R.stopWords, fields: R.fields };
          break;
        default:
          fetched = 0;
          requests = 0;
          files = [];
          out = await engine.search(m.req);
          out.fetched = fetched;
          out.requests = requests;
          out.files = files;
      }
    } catch (err) {
      out = { fatal: String((err && err.stack) || err) };
    }
    process.stdout.write(JSON.stringify(out) + '\n');
  }
})().catch((err) => {
  process.stdout.write(JSON.stringify({ fatal: String((err && err.stack) || err) }) + '\n');
  process.exit(1);
});
