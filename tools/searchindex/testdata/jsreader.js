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

async function get(name) {
  const b = fs.readFileSync(path.join(dir, name));
  fetched += b.length;
  requests++;
  return new Uint8Array(zlib.gunzipSync(b));
}

(async () => {
  const engine = await R.open(await get(head), get);
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
          out = await engine.search(m.req);
          out.fetched = fetched;
          out.requests = requests;
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
