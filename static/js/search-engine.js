/* The search reader: answers searches in the browser over the static index
   that tools/searchindex builds (head, manifest pages, chunks of bleve
   upsidedown rows, doc values, result blocks), in JavaScript, with bleve's
   query semantics and TF-IDF scoring. It reads the query syntax most
   visitors type (words, "quoted words", +must, -not, field:value, number
   and year ranges, dates, case numbers, word* alone or after + or -)
   plus facet filters, ranges, sorting and paging. For anything else
   (other patterns, word~, word^2, /regexp/,
   backslash escapes, field:>"date", characters outside Latin-1) it
   answers {unsupported: true} and the worker hands the request to the
   larger WebAssembly engine (tools/cmd/searchwasm), loaded on demand.

   bleve is the reference: tools/searchindex/jsreader_test.go runs this
   file in Node over the same index as bleve's own upsidedown index and
   wants the same hits in the same order, the same scores (relative
   difference ≤ 1e-9), totals, facet counts, terms and messages.

   Usable from a Web Worker (importScripts, sets self.PortalReader) and
   from Node (module.exports). */
(function (root) {
  'use strict';

  // ---- bytes ----------------------------------------------------------
  // Index keys are handled as "byte strings": one char per byte (0-255),
  // so that < and > order them as bytes.
  function bstr(u8) {
    var s = '';
    for (var i = 0; i < u8.length; i += 8192) s += String.fromCharCode.apply(null, u8.subarray(i, i + 8192));
    return s;
  }
  var utf8enc = new TextEncoder();
  var utf8dec = new TextDecoder();
  function utf8(s) { return bstr(utf8enc.encode(s)); }
  function unutf8(b) {
    var u = new Uint8Array(b.length);
    for (var i = 0; i < b.length; i++) u[i] = b.charCodeAt(i);
    return utf8dec.decode(u);
  }
  function b64(s) { return s ? atob(s) : ''; }

  var CRC = (function () {
    var t = new Int32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      t[n] = c;
    }
    return t;
  }());
  function crc32(u8) {
    var c = -1;
    for (var i = 0; i < u8.length; i++) c = CRC[(c ^ u8[i]) & 0xff] ^ (c >>> 8);
    return (c ^ -1) >>> 0;
  }

  function Rd(u8) { this.b = u8; this.p = 0; }
  Rd.prototype.uv = function () {
    var v = 0, m = 1, b;
    do {
      if (this.p >= this.b.length || m > 0x100000000000000) throw new Error('truncated');
      b = this.b[this.p++];
      v += (b & 0x7f) * m;
      m *= 128;
    } while (b & 0x80);
    return v;
  };
  Rd.prototype.v = function () { var u = this.uv(); return u % 2 ? -(u + 1) / 2 : u / 2; };
  Rd.prototype.bytes = function (n) {
    if (n > this.b.length - this.p) throw new Error('truncated');
    var out = this.b.subarray(this.p, this.p + n);
    this.p += n;
    return out;
  };
  Rd.prototype.str = function () { return utf8dec.decode(this.bytes(this.uv())); };
  function uvarints(u8) { var r = new Rd(u8); return [r.uv(), r.uv()]; }

  function magic(u8, m) {
    for (var i = 0; i < 4; i++) if (u8[i] !== m.charCodeAt(i)) return false;
    return true;
  }

  function decodeChunk(u8) {
    if (!magic(u8, 'PKC1')) throw new Error('not an index chunk');
    var r = new Rd(u8);
    r.p = 4;
    var n = r.uv();
    if (n > u8.length) throw new Error('chunk: bad row count');
    var keys = new Array(n), vals = new Array(n), prev = '';
    for (var i = 0; i < n; i++) {
      var shared = r.uv();
      if (shared > prev.length) throw new Error('chunk: bad key prefix');
      var k = prev.slice(0, shared) + bstr(r.bytes(r.uv()));
      vals[i] = r.bytes(r.uv());
      if (i > 0 && prev >= k) throw new Error('chunk: keys out of order');
      keys[i] = prev = k;
    }
    if (r.p !== u8.length) throw new Error('chunk: trailing bytes');
    return { keys: keys, vals: vals };
  }

  function decodeDocValues(u8, docs) {
    if (!magic(u8, 'PKD1')) throw new Error('not a doc values file');
    var r = new Rd(u8);
    r.p = 4;
    var dv = { tuples: [], runs: [], numbers: {} };
    var nt = r.uv(), i, j;
    for (i = 0; i < nt; i++) {
      var t = [], m = r.uv();
      for (j = 0; j < m; j++) t.push([r.str(), r.str()]);
      dv.tuples.push(t);
    }
    var nr = r.uv(), start = 0;
    dv.runStart = new Int32Array(nr);
    dv.runTuple = new Int32Array(nr);
    for (i = 0; i < nr; i++) {
      start += r.uv();
      var tu = r.uv();
      if (tu >= nt || start >= docs || (i > 0 && start <= dv.runStart[i - 1]) || (i === 0 && start !== 0)) throw new Error('doc values: bad run');
      dv.runStart[i] = start;
      dv.runTuple[i] = tu;
    }
    var nf = r.uv();
    for (i = 0; i < nf; i++) {
      var name = r.str(), cnt = r.uv(), ord = 0, val = 0, col = new Map();
      for (j = 0; j < cnt; j++) {
        ord += r.uv();
        val += r.v();
        if (ord >= docs) throw new Error('doc values: bad ordinal');
        col.set(ord, val);
      }
      dv.numbers[name] = col;
    }
    // Parents (tools/search/group.go): each part's record, and whether its
    // matches are grouped under it.
    var np = r.uv(), po = 0, of = 0;
    dv.parent = new Int32Array(docs).fill(-1);
    dv.group = new Uint8Array(docs);
    for (i = 0; i < np; i++) {
      var v = r.uv(), d = Math.floor(v / 2);
      of += r.v();
      if ((i > 0 && d === 0) || po + d >= docs || of < 0 || of >= docs || of === po + d) throw new Error('doc values: bad parent');
      po += d;
      dv.parent[po] = of;
      dv.group[po] = v % 2;
    }
    for (i = 0; i < docs; i++) {
      if (dv.parent[i] >= 0 && dv.parent[dv.parent[i]] >= 0) throw new Error('doc values: a part\'s record is itself a part');
    }
    if (docs > 0 && nr === 0) throw new Error('doc values: no runs');
    return dv;
  }

  // goJSON writes a value as Go's encoding/json does for the head and the
  // result blocks (struct fields in order, HTML characters escaped), so
  // that their own checksums can be checked.
  function goString(s) {
    return '"' + s.replace(/[\u0000-\u001f"\\<>&\u2028\u2029]/g, function (c) {
      switch (c) {
        case '"': return '\\"';
        case '\\': return '\\\\';
        case '\n': return '\\n';
        case '\r': return '\\r';
        case '\t': return '\\t';
        case '\b': return '\\b';
        case '\f': return '\\f';
      }
      return '\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4);
    }) + '"';
  }
  function goJSON(v) {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'string') return goString(v);
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    if (Array.isArray(v)) return '[' + v.map(goJSON).join(',') + ']';
    return '{' + Object.keys(v).filter(function (k) { return v[k] !== undefined; }).map(function (k) { return goString(k) + ':' + goJSON(v[k]); }).join(',') + '}';
  }
  // The fields of the head, result blocks and result documents in Go's
  // order; omitempty fields are left out when empty.
  function headJSON(h, sum) {
    return goJSON({
      version: h.version, docs: h.docs, id_width: h.id_width, fields: h.fields,
      schema: h.schema && h.schema.map(function (f) {
        return {
          name: f.name, kind: f.kind, boost: f.boost || undefined, facet: f.facet || undefined, sort: f.sort || undefined, hidden: f.hidden || undefined,
          ranges: f.ranges && f.ranges.length ? f.ranges.map(function (r) { return { value: r.value, min: r.min, max: r.max }; }) : undefined
        };
      }),
      pages: h.pages && h.pages.map(function (p) { return { first: p.first, file: p.file, sum: p.sum }; }),
      page_size: h.page_size, chunks: h.chunks, docvalues: h.docvalues, docvalues_sum: h.docvalues_sum,
      results: { dir: h.results.dir, block: h.results.block, blocks: h.results.blocks, hit_pack_min: h.results.hit_pack_min || undefined, hit_pack_docs: h.results.hit_pack_docs || undefined },
      synonyms: h.synonyms && h.synonyms.length ? h.synonyms.map(function (y) { return { words: y.words, must: y.must }; }) : undefined,
      inflections: h.inflections && h.inflections.length ? h.inflections : undefined,
      sum: sum
    });
  }
  function docJSON(d) {
    var o = { type: d.type, title: d.title, url: d.url };
    ['date', 'label', 'text'].forEach(function (k) { if (d[k]) o[k] = d[k]; });
    return o;
  }
  function blockJSON(n, sum, docs) {
    return goJSON({ n: n, sum: sum, docs: docs ? docs.map(docJSON) : null });
  }

  // ---- fields (tools/search/schema.go, described by the head's schema) ---
  var TEXT = 0, KEYWORD = 1, NUMBER = 2, DATE = 3;
  var KINDS = { text: TEXT, keyword: KEYWORD, number: NUMBER, date: DATE };
  var FIELDS = [], BY_NAME = {}, FACETS = [], TEXT_FIELDS = [];
  // The number fields' preset ranges (search.RangeFacets), from the head.
  var RANGE_FACETS = {}, RANGE_ORDER = [];
  // useSchema takes the fields from the head (Head.Schema, in the order of
  // head.fields), as package search defines them.
  function useSchema(h) {
    if (!Array.isArray(h.schema) || !Array.isArray(h.fields) || h.schema.length !== h.fields.length) throw new Error('search head: bad schema');
    FIELDS = h.schema.map(function (f, i) {
      if (!f || f.name !== h.fields[i] || !(f.kind in KINDS)) throw new Error('search head: bad schema');
      return { name: f.name, kind: KINDS[f.kind], boost: f.boost || 0, facet: !!f.facet, sort: !!f.sort, hidden: !!f.hidden };
    });
    BY_NAME = {};
    FIELDS.forEach(function (f) { BY_NAME[f.name] = f; });
    FACETS = FIELDS.filter(function (f) { return f.facet; }).map(function (f) { return f.name; });
    TEXT_FIELDS = FIELDS.filter(function (f) { return f.kind === TEXT; });
    RANGE_FACETS = {};
    RANGE_ORDER = [];
    h.schema.forEach(function (f) {
      if (!Array.isArray(f.ranges) || !f.ranges.length) return;
      RANGE_FACETS[f.name] = f.ranges.map(function (r) { return { value: r.value, min: r.min, max: r.max }; });
      RANGE_ORDER.push(f.name);
    });
  }
  var MAX_RUNES = 256, MAX_WORDS = 32, FACET_SIZE = 100, DEFAULT_SIZE = 20, CASE_BOOST = 5;

  // ---- Norwegian analysis (bleve's "no" analyzer) ------------------------
  // The characters this reader analyses exactly as bleve does: Latin-1
  // letters, digits, and ASCII punctuation. A query with any other
  // character goes to the WebAssembly engine.
  var SAFE = /^[\x20-\x7e\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]*$/;
  var LETTER = /[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]/;
  var STOP = new Set(('alle at av bare begge ble blei bli blir blitt både båe da de deg dei deim deira deires dem den denne der dere deres det dette di din disse ditt du dykk dykkar då eg ein eit eitt eller elles en enn er et ett etter for fordi fra før ha hadde han hans har hennar henne hennes her hjå ho hoe honom hoss hossen hun hva hvem hver hvilke hvilken hvis hvor hvordan hvorfor i ikke ikkje ingen ingi inkje inn inni ja jeg kan kom korleis korso kun kunne kva kvar kvarhelst kven kvi kvifor man mange me med medan meg meget mellom men mi min mine mitt mot mykje ned no noe noen noka noko nokon nokor nokre nå når og også om opp oss over på samme seg selv si sia sidan siden sin sine sitt sjøl skal skulle slik so som somme somt så sånn til um upp ut uten var vart varte ved vere verte vi vil ville vore vors vort vår være vært å').split(' '));

  // cls is a character's Unicode word-break class, as far as this reader
  // needs it: L letter, N digit, M mid-letter (:), B mid-number-or-letter
  // (. '), U mid-number (, ;), X extend-num-let (_), or '' (a break).
  function cls(c) {
    if (c >= '0' && c <= '9') return 'N';
    if (LETTER.test(c)) return 'L';
    switch (c) {
      case ':': return 'M';
      case '.': case '\'': return 'B';
      case ',': case ';': return 'U';
      case '_': return 'X';
    }
    return '';
  }

  // words splits text into words by Unicode's word boundaries (UAX #29)
  // (runs of letters, digits and underscores), with their offsets.
  function words(text) {
    var out = [], cs = Array.from(text), k = cs.map(cls), i = 0, off = 0, offs = [];
    for (var j = 0; j < cs.length; j++) { offs.push(off); off += cs[j].length; }
    offs.push(off);
    while (i < cs.length) {
      if (!k[i] || k[i] === 'M' || k[i] === 'B' || k[i] === 'U') { i++; continue; }
      var s = i;
      i++;
      while (i < cs.length) {
        var a = k[i - 1], b = k[i];
        if ((a === 'L' || a === 'N' || a === 'X') && (b === 'L' || b === 'N' || b === 'X')) {
          i++;
          continue;
        }
        if (i + 1 < cs.length && ((a === 'L' && k[i + 1] === 'L' && (b === 'M' || b === 'B')) ||
          (a === 'N' && k[i + 1] === 'N' && (b === 'U' || b === 'B')))) {
          i += 2;
          continue;
        }
        break;
      }
      out.push({ text: cs.slice(s, i).join(''), start: offs[s], end: offs[i] });
    }
    return out;
  }

  var VOWEL = new Set(Array.from('aeiouyæåø'));
  var S_ENDING = new Set(Array.from('bcdfghjlmnoprtvyz'));
  function sortLong(list) { return list.sort(function (a, b) { return b[0].length - a[0].length; }); }
  var MAIN = sortLong([['a', 1], ['e', 1], ['ede', 1], ['ande', 1], ['ende', 1], ['ane', 1], ['ene', 1], ['hetene', 1], ['erte', 3],
    ['en', 1], ['heten', 1], ['ar', 1], ['er', 1], ['heter', 1], ['s', 2], ['as', 1], ['es', 1], ['edes', 1], ['endes', 1],
    ['enes', 1], ['hetenes', 1], ['ens', 1], ['hetens', 1], ['ers', 1], ['ets', 1], ['et', 1], ['het', 1], ['ert', 3], ['ast', 1]]);
  var OTHER = sortLong([['leg'], ['eleg'], ['ig'], ['eig'], ['lig'], ['elig'], ['els'], ['lov'], ['elov'], ['slov'], ['hetslov']]);

  // longest is the longest of list that c ends with, starting at p1 or later.
  function longest(c, list, p1) {
    var tail = c.join('');
    for (var i = 0; i < list.length; i++) {
      var s = list[i][0], n = Array.from(s).length;
      if (c.length - n >= p1 && tail.endsWith(s)) return { n: n, op: list[i][1] };
    }
    return null;
  }

  // stem is the Snowball Norwegian stemmer (snowballstem.org), as bleve's
  // generated Go code runs it.
  function stem(w) {
    var c = Array.from(w), n = c.length, p1 = n, i, j;
    if (n >= 3) {
      for (i = 0; i < n && !VOWEL.has(c[i]); i++);
      for (j = i; j < n && VOWEL.has(c[j]); j++);
      if (i < n && j < n) p1 = Math.max(j + 1, 3);
    }
    var m = longest(c, MAIN, p1);
    if (m) {
      var at = c.length - m.n;
      if (m.op === 1) c.length = at;
      else if (m.op === 3) c.splice(at, m.n, 'e', 'r');
      else if (at > 0 && (S_ENDING.has(c[at - 1]) || (c[at - 1] === 'k' && at > 1 && !VOWEL.has(c[at - 2])))) c.length = at;
    }
    n = c.length;
    if (n >= 2 && n - 2 >= p1 && (c[n - 2] === 'd' || c[n - 2] === 'v') && c[n - 1] === 't') c.length = n - 1;
    m = longest(c, OTHER, p1);
    if (m) c.length -= m.n;
    return c.join('');
  }

  // analyze runs the query analyzer of a field over text.
  function analyze(field, text) {
    if (field.kind === KEYWORD) return [text.toLowerCase()];
    var out = [];
    words(text).forEach(function (w) {
      var t = w.text.toLowerCase();
      if (!STOP.has(t)) out.push(stem(t));
    });
    return out;
  }

  // ---- numbers as bleve indexes them --------------------------------------
  var dvf = new DataView(new ArrayBuffer(8));
  function float64ToInt64(f) {
    dvf.setFloat64(0, f);
    var i = dvf.getBigInt64(0);
    return i < 0n ? i ^ 0x7fffffffffffffffn : i;
  }
  function prefixCoded(i64, shift) {
    var n = Math.floor((63 - shift) / 7) + 1, bits = (BigInt.asUintN(64, i64) ^ 0x8000000000000000n) >> BigInt(shift);
    var out = new Array(n + 1);
    out[0] = String.fromCharCode(0x20 + shift);
    for (; n > 0; n--) { out[n] = String.fromCharCode(Number(bits & 0x7fn)); bits >>= 7n; }
    return out.join('');
  }
  function i64(x) { return BigInt.asIntN(64, x); }
  // splitRange is bleve's splitInt64Range with a precision step of 4: the
  // byte ranges of prefix-coded terms that cover [lo, hi].
  function splitRange(lo, hi) {
    var out = [];
    if (lo > hi) return out;
    for (var shift = 0; ; shift += 4) {
      var diff = i64(1n << BigInt(shift + 4)), mask = i64(15n << BigInt(shift));
      var hasLower = (lo & mask) !== 0n, hasUpper = (hi & mask) !== mask;
      var nlo = hasLower ? i64(i64(lo + diff) & ~mask) : lo & ~mask;
      var nhi = hasUpper ? i64(i64(hi - diff) & ~mask) : hi & ~mask;
      if (shift + 4 >= 64 || nlo > nhi || nlo < lo || nhi > hi) {
        out.push(codedRange(lo, hi, shift));
        break;
      }
      if (hasLower) out.push(codedRange(lo, lo | mask, shift));
      if (hasUpper) out.push(codedRange(hi & ~mask, hi, shift));
      lo = nlo;
      hi = nhi;
    }
    return out;
  }
  function codedRange(lo, hi, shift) {
    hi = i64(hi | i64((1n << BigInt(shift)) - 1n));
    return [prefixCoded(lo, shift), prefixCoded(hi, shift)];
  }
  var NS_PER_DAY = 86400000000000n;
  function dayNanos(days) { return BigInt(days) * NS_PER_DAY; }

  // ---- query parsing (tools/search/query.go over bleve's syntax) --------
  function Msg(code, args) { this.code = code; this.args = args || []; }
  function Unsupported(why) { this.why = why; }
  function unsupported(why) { throw new Unsupported(why); }

  // PREFIX_WORD is a prefix word: after the start, a space, + or - (which
  // follow the start or a space), letters and digits beginning with a
  // letter, then *, then the end or a space.
  var PREFIX_WORD = /(?:^|(?<= )|(?<=^[+-])|(?<= [+-]))[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff][0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]*\*(?= |$)/g;
  var MAX_PATTERNS = 4;

  function isWordChar(c) { return LETTER.test(c) || (c >= '0' && c <= '9'); }

  // lex is bleve's query string lexer for the characters this reader
  // takes; it returns tokens or throws 'syntax'.
  function lex(q) {
    var toks = [], cs = Array.from(q), i = 0;
    while (i < cs.length) {
      var c = cs[i];
      if (c === ' ') { i++; continue; }
      if ('+-:><='.indexOf(c) >= 0) { toks.push({ t: c }); i++; continue; }
      if (c === '"') {
        var j = i + 1;
        while (j < cs.length && cs[j] !== '"') j++;
        if (j >= cs.length) throw new Msg('syntax');
        toks.push({ t: 'P', s: cs.slice(i + 1, j).join('') });
        i = j + 1;
        continue;
      }
      var s = i, num = c >= '0' && c <= '9', dot = false;
      i++;
      while (i < cs.length && cs[i] !== ' ' && cs[i] !== ':') {
        if (num && !(cs[i] >= '0' && cs[i] <= '9')) {
          if (cs[i] === '.' && !dot) dot = true;
          else num = false;
        }
        i++;
      }
      toks.push({ t: num ? 'N' : 'S', s: cs.slice(s, i).join('') });
    }
    return toks;
  }

  function parseNumber(s) {
    var v = Number(s);
    if (s === '' || isNaN(v)) throw new Msg('syntax');
    return v;
  }

  // grammar is bleve's query string grammar for those tokens: a list of
  // [prefix, query] or throws 'syntax'.
  function grammar(toks) {
    var parts = [], i = 0;
    function peek(k) { return toks[i + (k || 0)] || { t: '' }; }
    function num() {
      if (peek().t === 'N') return toks[i++].s;
      if (peek().t === '-' && peek(1).t === 'N') { i += 2; return '-' + toks[i - 1].s; }
      return null;
    }
    while (i < toks.length) {
      var pre = '';
      if (peek().t === '+' || peek().t === '-') pre = toks[i++].t;
      var tk = peek(), q;
      if ((tk.t === 'S' || tk.t === 'P') && peek(1).t === ':') {
        var field = tk.s;
        i += 2;
        var v = peek();
        if (v.t === 'S') {
          i++;
          q = { t: 'match', field: field, text: v.s };
          if (v.s.charAt(0) === '/' && v.s.charAt(v.s.length - 1) === '/') unsupported('regexp');
        } else if (v.t === 'P') {
          i++;
          q = { t: 'match', field: field, text: v.s, and: true };
        } else if (v.t === '>' || v.t === '<') {
          i++;
          var incl = false;
          if (peek().t === '=') { i++; incl = true; }
          if (peek().t === 'P') unsupported('date range');
          var n = num();
          if (n === null) throw new Msg('syntax');
          var val = parseNumber(n);
          q = v.t === '>' ? { t: 'nrange', field: field, min: val, incMin: incl } : { t: 'nrange', field: field, max: val, incMax: incl };
        } else {
          var nn = num();
          if (nn === null) throw new Msg('syntax');
          var fv = parseNumber(nn);
          q = { t: 'disj', qsm: true, qs: [{ t: 'match', field: field, text: nn }, { t: 'nrange', field: field, min: fv, max: fv, incMin: true, incMax: true, exact: true }] };
        }
      } else if (tk.t === 'S' && tk.s.charAt(tk.s.length - 1) === '*') {
        i++;
        q = { t: 'prefix', text: tk.s.slice(0, -1) };
      } else if (tk.t === 'S') {
        i++;
        if (tk.s.charAt(0) === '/' && tk.s.charAt(tk.s.length - 1) === '/') unsupported('regexp');
        q = { t: 'match', field: '', text: tk.s };
      } else if (tk.t === 'N') {
        i++;
        var x = parseNumber(tk.s);
        q = { t: 'disj', qsm: true, qs: [{ t: 'match', field: '', text: tk.s }, { t: 'nrange', field: '', min: x, max: x, incMin: true, incMax: true, exact: true }] };
      } else if (tk.t === 'P') {
        i++;
        q = { t: 'match', field: '', text: tk.s, and: true };
      } else {
        throw new Msg('syntax');
      }
      parts.push([pre, q]);
    }
    return parts;
  }

  // boolean makes the query string's boolean query from its parts.
  function boolean(parts) {
    var b = { t: 'bool', must: null, should: null, not: null };
    parts.forEach(function (p) {
      if (p[0] === '+') (b.must = b.must || { t: 'conj', qsm: true, qs: [] }).qs.push(p[1]);
      else if (p[0] === '-') (b.not = b.not || { t: 'disj', qsm: true, min: 0, qs: [] }).qs.push(p[1]);
      else (b.should = b.should || { t: 'disj', qsm: true, min: 0, qs: [] }).qs.push(p[1]);
    });
    return b;
  }

  var NOTICES = { syntax: true, unknown_field: true };

  // parse is search.Parse: the query tree, a notice, or throws a Msg.
  function parse(q) {
    if (!SAFE.test(q)) {
      if (Array.from(q.trim()).length > MAX_RUNES) throw new Msg('too_long', [String(MAX_RUNES)]);
      unsupported('characters');
    }
    q = q.replace(/^ +| +$/g, '');
    if (q === '') return { q: { t: 'all' } };
    if (q.length > MAX_RUNES) throw new Msg('too_long', [String(MAX_RUNES)]);
    if (q.split(/[^0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]+/).filter(Boolean).length > MAX_WORDS) {
      throw new Msg('too_many_words', [String(MAX_WORDS)]);
    }
    // A word of letters and digits that ends in * and stands alone (or
    // after + or -) is a prefix, as bleve's wildcard reads it; other
    // patterns go to the WebAssembly engine.
    var prefixes = 0;
    var rest = q.replace(/"[^"]*"/g, '').replace(PREFIX_WORD, function () { prefixes++; return ' '; });
    if (/[*?~^\\]/.test(rest) || prefixes > MAX_PATTERNS) unsupported('pattern syntax');
    if (/[\\]/.test(q)) unsupported('escape');
    var notice = new Msg('syntax'), parsed = null;
    try {
      parsed = boolean(grammar(lex(q)));
    } catch (e) {
      if (!(e instanceof Msg)) throw e;
    }
    if (parsed) {
      try {
        return { q: rewrite(parsed) };
      } catch (e) {
        if (!(e instanceof Msg) || !NOTICES[e.code]) throw e;
        notice = e;
      }
    }
    var pw = plainWords(q);
    if (!pw) return { q: { t: 'none' } };
    return { q: pw, notice: notice };
  }

  function plainWords(q) {
    var ds = [];
    q.split(/[\s+=&|><!(){}[\]^"~*?:\\]+/).forEach(function (w) {
      if (Array.from(w).some(isWordChar)) ds.push(plainWord({ t: 'match', field: '', text: w }));
    });
    return ds.length ? { t: 'disj', qs: ds } : null;
  }

  function boostOf(q) { return q.boost === undefined ? 1 : q.boost; }

  function trimWord(w) {
    var cs = Array.from(w), a = 0, b = cs.length;
    while (a < b && !isWordChar(cs[a])) a++;
    while (b > a && !isWordChar(cs[b - 1])) b--;
    return cs.slice(a, b).join('');
  }

  // plainDate reads 2026-03-12, 12.03.2026 or 12.3.2026 as days since 1970,
  // in the years a date field holds (search.minDateYear to maxDateYear:
  // bleve's nanoseconds since 1970); another year is no date.
  function plainDate(w) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(w), y, mo, d;
    if (m) { y = +m[1]; mo = +m[2]; d = +m[3]; } else {
      m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(w);
      if (!m) return null;
      d = +m[1]; mo = +m[2]; y = +m[3];
    }
    if (!dateYear(y) || mo < 1 || mo > 12 || d < 1 || d > monthDays(y, mo)) return null;
    return civil(y, mo, d);
  }

  // dateYear says if a date field holds the year y (search.dateYear).
  function dateYear(y) { return y >= 1678 && y <= 2261; }

  function monthDays(y, m) {
    return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  }

  // civil is the day number (since 1970-01-01) of a date, for any year.
  function civil(y, m, d) {
    y -= m <= 2 ? 1 : 0;
    var era = Math.floor(y / 400), yoe = y - era * 400;
    var doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
  }

  function plainWord(q) {
    var ds = TEXT_FIELDS.map(function (f) {
      return { t: 'match', field: f.name, text: q.text, and: q.and, boost: boostOf(q) * f.boost };
    });
    var w = trimWord(q.text);
    if (w === '' || /\s/.test(w) || !/[0-9]/.test(w)) return { t: 'disj', qs: ds };
    var lw = w.toLowerCase();
    if (/^[0-9]{4}$/.test(w) && +w >= 1000) ds.push({ t: 'term', field: 'aar', term: lw, boost: boostOf(q) });
    var d = plainDate(w);
    if (d !== null) ds.push(dateRange('dato', d, d + 1, boostOf(q) * CASE_BOOST));
    if (w.indexOf('/') >= 0) {
      ds.push({ t: 'term', field: 'sak', term: lw, boost: boostOf(q) * CASE_BOOST });
      ds.push({ t: 'term', field: 'arkivsak', term: lw, boost: boostOf(q) * CASE_BOOST });
    } else {
      ds.push({ t: 'term', field: 'nummer', term: lw, boost: boostOf(q) * CASE_BOOST });
    }
    return { t: 'disj', qs: ds };
  }

  // dateRange is a range over days [from, to) as nanoseconds; null is open.
  function dateRange(field, from, to, boost) {
    // Beyond what nanoseconds since 1970 hold, bleve fails the search.
    if ((from !== null && Math.abs(from) > 106000) || (to !== null && Math.abs(to) > 106000)) unsupported('date out of range');
    return {
      t: 'irange', field: field, boost: boost,
      lo: from === null ? float64ToInt64(-Infinity) : dayNanos(from),
      hi: (to === null ? float64ToInt64(Infinity) : dayNanos(to)) - 1n
    };
  }

  function rewrite(q) {
    switch (q.t) {
      case 'bool':
        ['must', 'should', 'not'].forEach(function (k) { if (q[k]) q[k] = rewrite(q[k]); });
        return q;
      case 'conj': case 'disj':
        q.qs = q.qs.map(rewrite);
        return q;
      case 'prefix':
        // search.rewrite's overText: the prefix in each text field.
        return {
          t: 'disj', qs: TEXT_FIELDS.map(function (f) {
            return { t: 'prefix', field: f.name, text: q.text.toLowerCase(), boost: f.boost };
          })
        };
      case 'match':
        if (q.field === '') return plainWord(q);
        var f = BY_NAME[q.field];
        if (!f) throw new Msg('unknown_field', [q.field + ':']);
        if (f.kind === DATE) return dateQuery(f.name, q.text);
        if (f.kind === NUMBER) {
          var s = q.text.replace(/,/g, '.');
          if (!/^[+-]?[0-9]+(\.[0-9]+)?$/.test(s)) {
            if (/^[+-]?([0-9.]|inf|nan)/i.test(s)) unsupported('number syntax');
            throw new Msg('not_number', [f.name, q.text]);
          }
          var v = Number(s);
          return { t: 'nrange', field: f.name, min: v, max: v, incMin: true, incMax: true };
        }
        return q;
      case 'nrange':
        var g = BY_NAME[q.field];
        if (q.exact && (q.field === '' || (g && (g.kind === TEXT || g.kind === KEYWORD)))) return { t: 'none' };
        if (g && g.kind === DATE) {
          if (q.min !== undefined && q.max !== undefined && q.min === q.max) {
            if (!Number.isInteger(q.min) || Math.abs(q.min) >= 1e15) unsupported('number syntax');
            return dateQuery(q.field, String(q.min));
          }
          return yearRange(q);
        }
        if (!g) throw new Msg('unknown_field', [q.field + ':']);
        if (g.kind !== NUMBER) throw new Msg('not_number_field', [q.field]);
        return q;
    }
    return q;
  }

  function dateQuery(field, v) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    if (m) {
      var d = plainDate(v);
      if (d === null) throw new Msg('bad_date', [field, v]);
      return dateRange(field, d, d + 1, 1);
    }
    if (/^\d{4}$/.test(v)) {
      var yf = BY_NAME[field + '_aar'];
      if (yf && yf.hidden) return { t: 'term', field: yf.name, term: v };
      var y = +v;
      if (!dateYear(y)) throw new Msg('bad_date', [field, v]);
      return dateRange(field, civil(y, 1, 1), civil(y + 1, 1, 1), 1);
    }
    if (/^[0-9]/.test(v)) unsupported('date syntax');
    throw new Msg('bad_date', [field, v]);
  }

  function yearRange(q) {
    function year(v, incl, upper) {
      if (v === undefined) return null;
      if (Math.floor(v) !== v || !dateYear(v)) return false;
      var y = v;
      if (upper === (incl === undefined || incl)) y++;
      return civil(y, 1, 1);
    }
    var lo = year(q.min, q.incMin === false ? false : undefined, false);
    var hi = year(q.max, q.incMax === false ? false : undefined, true);
    if (lo === false || hi === false) {
      var bad = [q.min, q.max].filter(function (v) { return v !== undefined && (Math.floor(v) !== v || !dateYear(v)); })[0];
      throw new Msg('bad_date', [q.field, String(bad)]);
    }
    return dateRange(q.field, lo, hi, 1);
  }

  // ---- the store: manifest pages and chunks as they are fetched ----------
  function Store(head, get) {
    this.head = head;
    this.get = get;
    this.pageFirst = head.pages.map(function (p) { return b64(p.first); });
    this.pages = new Array(head.pages.length);
    this.firsts = new Array(head.chunks);
    this.refs = new Array(head.chunks);
    this.chunks = new Array(head.chunks);
  }
  // span is the index range [a, b) of the entries of firsts (sorted) that
  // can hold keys in [lo, hi).
  function span(firsts, n, lo, hi) {
    var a = 0, b = n;
    while (a < b) { var m = (a + b) >> 1; if (firsts(m) <= lo) a = m + 1; else b = m; }
    var start = Math.max(a - 1, 0), end = start;
    while (end < n && (hi === null || firsts(end) < hi)) end++;
    return [start, Math.max(end, start + (n > 0 ? 1 : 0))];
  }
  Store.prototype.pagesFor = function (lo, hi) {
    var pf = this.pageFirst;
    return span(function (i) { return pf[i]; }, pf.length, lo, hi);
  };
  Store.prototype.loadPage = async function (p) {
    if (this.pages[p]) return;
    var data = await this.get(this.head.pages[p].file);
    if (crc32(data) !== this.head.pages[p].sum) throw new Error('manifest page ' + p + ': damaged (checksum)');
    var refs = JSON.parse(utf8dec.decode(data)), lo = p * this.head.page_size;
    var hi = Math.min(lo + this.head.page_size, this.head.chunks);
    if (!Array.isArray(refs) || refs.length !== hi - lo || b64(refs[0].first) !== this.pageFirst[p]) throw new Error('manifest page ' + p + ' does not match the head');
    for (var i = 0; i < refs.length; i++) {
      var f = b64(refs[i].first);
      if (i > 0 && this.firsts[lo + i - 1] >= f) throw new Error('manifest page ' + p + ': chunks out of order');
      this.firsts[lo + i] = f;
      this.refs[lo + i] = refs[i];
    }
    if (p + 1 < this.pageFirst.length && this.firsts[hi - 1] >= this.pageFirst[p + 1]) throw new Error('manifest page ' + p + ': chunks beyond the page');
    this.pages[p] = true;
  };
  Store.prototype.chunkEnd = function (i) {
    if (i + 1 >= this.firsts.length) return null;
    return (i + 1) % this.head.page_size === 0 ? this.pageFirst[(i + 1) / this.head.page_size] : this.firsts[i + 1];
  };
  Store.prototype.loadChunk = async function (i) {
    if (this.chunks[i]) return;
    var data = await this.get(this.refs[i].file);
    if (crc32(data) !== this.refs[i].sum) throw new Error('chunk ' + i + ': damaged (checksum)');
    var c = decodeChunk(data), end = this.chunkEnd(i);
    if (c.keys.length && (c.keys[0] < this.firsts[i] || (end !== null && c.keys[c.keys.length - 1] >= end))) throw new Error('chunk ' + i + ': rows outside its key range');
    this.chunks[i] = c;
  };
  // load fetches what holds the key ranges [[lo, hi], ...]: pages first,
  // then chunks, each in parallel.
  Store.prototype.load = async function (ranges) {
    var self = this, want = new Set();
    ranges.forEach(function (r) {
      var s = self.pagesFor(r[0], r[1]);
      for (var p = s[0]; p < s[1]; p++) want.add(p);
    });
    await Promise.all(Array.from(want).map(function (p) { return self.loadPage(p); }));
    var chunks = new Set();
    ranges.forEach(function (r) { self.chunksFor(r[0], r[1]).forEach(function (i) { chunks.add(i); }); });
    await Promise.all(Array.from(chunks).map(function (i) { return self.loadChunk(i); }));
  };
  // chunksFor lists the chunks that hold keys in [lo, hi); their pages
  // must be loaded.
  Store.prototype.chunksFor = function (lo, hi) {
    var ps = this.head.page_size, p = this.pagesFor(lo, hi), base = p[0] * ps;
    var n = Math.min(p[1] * ps, this.firsts.length) - base, f = this.firsts, out = [];
    var s = span(function (i) { return f[base + i]; }, n, lo, hi);
    for (var i = s[0]; i < s[1]; i++) out.push(base + i);
    return out;
  };
  // scan calls fn(key, value) for the rows in [lo, hi), which must be loaded.
  Store.prototype.scan = function (lo, hi, fn) {
    var self = this;
    this.chunksFor(lo, hi).forEach(function (i) {
      var c = self.chunks[i];
      if (!c) throw new Error('chunk ' + i + ' not loaded');
      var a = 0, b = c.keys.length;
      while (a < b) { var m = (a + b) >> 1; if (c.keys[m] < lo) a = m + 1; else b = m; }
      for (; a < c.keys.length && (hi === null || c.keys[a] < hi); a++) fn(c.keys[a], c.vals[a]);
    });
  };

  function prefixEnd(k) {
    for (var i = k.length - 1; i >= 0; i--) {
      if (k.charCodeAt(i) < 255) return k.slice(0, i) + String.fromCharCode(k.charCodeAt(i) + 1);
    }
    return null;
  }
  function fieldKey(kind, fid) { return kind + String.fromCharCode(fid & 255, fid >> 8); }

  // ---- searchers (bleve's searcher tree, evaluated set at a time) --------
  // Each node has weight(), setNorm(n), count() and, after the index is
  // loaded, docs(): a Map from ordinal to score.

  function Engine(head, dv, get) {
    this.head = head;
    this.dv = dv;
    this.get = get;
    this.inflections = inflectionTable(head.inflections);
    this.store = new Store(head, get);
    this.fid = {};
    var self = this;
    head.fields.forEach(function (name, i) { self.fid[name] = i; });
    this.blocks = {};
    this.hitDocs = new Map(); // ordinal → result document, from hit packs
    this.postings = new Map(); // field id + term → {count, ords, scores...}
  }

  Engine.prototype.termPrefix = function (field, term) {
    var fid = this.fid[field];
    return fid === undefined ? null : fieldKey('t', fid) + term + '\xff';
  };

  // plan lists the key ranges a query tree needs: the postings of every
  // term, the dictionary of every number range.
  Engine.prototype.plan = function (q, out) {
    var self = this;
    (function walk(n) {
      if (!n) return;
      switch (n.t) {
        case 'term':
          var p = self.termPrefix(n.field, n.termBytes);
          if (p !== null && !self.postings.has(p)) out.push([p, prefixEnd(p)]);
          break;
        case 'irange':
          var fid = self.fid[n.field];
          if (fid !== undefined && n.prefix !== undefined) {
            var tp = fieldKey('t', fid) + n.prefix;
            out.push([tp, prefixEnd(tp)]);
            (n.terms || []).forEach(function (t) { walk({ t: 'term', field: n.field, termBytes: t }); });
          } else if (fid !== undefined && n.ranges.length) {
            var d = fieldKey('d', fid);
            out.push([d + n.ranges[0][0], d + n.ranges[n.ranges.length - 1][1] + '\x00']);
            (n.terms || []).forEach(function (t) { walk({ t: 'term', field: n.field, termBytes: t }); });
          }
          break;
        case 'bool':
          walk(n.must); walk(n.should); walk(n.not);
          break;
        case 'conj': case 'disj':
          n.qs.forEach(walk);
      }
    }(q));
  };

  // expand turns matches into terms and ranges into their prefix-coded
  // term ranges, as bleve's query objects make their searchers.
  function expand(q) {
    switch (q.t) {
      case 'match':
        var f = BY_NAME[q.field];
        var toks = f ? analyze(f, q.text) : [];
        if (!toks.length) return { t: 'none' };
        var b = boostOf(q), terms = toks.map(function (t) { return { t: 'term', field: q.field, termBytes: utf8(t), boost: b }; });
        return q.and ? { t: 'conj', qs: terms } : { t: 'disj', min: 1, qs: terms };
      case 'term':
        return { t: 'term', field: q.field, termBytes: utf8(q.term), boost: boostOf(q) };
      case 'nrange':
        var lo = float64ToInt64(q.min === undefined ? -Infinity : q.min);
        var incMin = q.incMin === undefined ? true : q.incMin;
        var incMax = q.incMax === undefined ? false : q.incMax;
        if (!incMin && lo !== 0x7fffffffffffffffn) lo++;
        var hi = float64ToInt64(q.max === undefined ? Infinity : q.max);
        if (!incMax && hi !== -0x8000000000000000n) hi--;
        return { t: 'irange', field: q.field, boost: boostOf(q), ranges: splitRange(lo, hi) };
      case 'irange':
        return { t: 'irange', field: q.field, boost: boostOf(q), ranges: splitRange(q.lo, q.hi) };
      case 'fuzzy':
        // bleve's fuzzy query, fuzziness 1, prefix FUZZY_PREFIX bytes: the
        // terms of the prefix's range within one edit (rangeTerms).
        var fb = utf8(q.text), fp = fuzzyPrefix(fb);
        return { t: 'irange', field: q.field, boost: boostOf(q), ranges: [[fp, fp + '\xff']], fuzzy: fb };
      case 'prefix':
        // bleve's wildcard w* is the dictionary terms that begin with w,
        // each a term searcher, in one disjunction: a term range. UTF-8
        // has no byte 0xff, so [w, w+0xff] holds every term w begins.
        // The terms are read from the term frequency rows the query
        // needs anyway (prefixTerms), not from the dictionary: one
        // round, and no dictionary chunk.
        var pb = utf8(q.text);
        return { t: 'irange', field: q.field, boost: boostOf(q), ranges: [[pb, pb + '\xff']], prefix: pb };
      case 'bool':
        return { t: 'bool', must: q.must && expand(q.must), should: q.should && expand(q.should), not: q.not && expand(q.not) };
      case 'conj': case 'disj':
        return { t: q.t, qsm: q.qsm, min: q.min || 0, qs: q.qs.map(expand) };
    }
    return q;
  }

  // rangeTerms finds the dictionary terms of each range node.
  Engine.prototype.rangeTerms = function (q) {
    var self = this;
    (function walk(n) {
      if (!n) return;
      if (n.t === 'irange') {
        n.terms = [];
        var fid = self.fid[n.field];
        if (fid === undefined || !n.ranges.length) return;
        if (n.prefix !== undefined) {
          n.terms = self.prefixTerms(fid, n.prefix);
          return;
        }
        var d = fieldKey('d', fid), found = [];
        self.store.scan(d + n.ranges[0][0], d + n.ranges[n.ranges.length - 1][1] + '\x00', function (k) { found.push(k.slice(3)); });
        n.ranges.forEach(function (r) {
          found.forEach(function (t) { if (t >= r[0] && t <= r[1]) n.terms.push(t); });
        });
        if (n.fuzzy !== undefined) {
          var near = [];
          n.boosts = [];
          n.terms.forEach(function (t) {
            var ed = byteEdits(n.fuzzy, t);
            if (ed <= 1) { near.push(t); n.boosts.push(n.boost * (1 / (ed + 1))); }
          });
          // With no term within one edit, bleve searches the word itself
          // (found nowhere, but weighed in the query norm).
          if (!near.length) { near.push(n.fuzzy); n.boosts.push(n.boost); }
          n.terms = near;
        }
      } else if (n.t === 'bool') {
        walk(n.must); walk(n.should); walk(n.not);
      } else if (n.t === 'conj' || n.t === 'disj') n.qs.forEach(walk);
    }(q));
  };

  // prefixTerms are the terms of field id fid that begin with the bytes
  // pb, in byte order (the dictionary's), read from their term frequency
  // rows ('t', field, term, 0xff, id; UTF-8 has no byte 0xff), which must
  // be loaded.
  Engine.prototype.prefixTerms = function (fid, pb) {
    var tp = fieldKey('t', fid) + pb, seen = new Set();
    this.store.scan(tp, prefixEnd(tp), function (k) { seen.add(k.slice(3, k.indexOf('\xff', 3))); });
    return Array.from(seen).sort();
  };

  Engine.prototype.readPostings = function (field, term) {
    var p = this.termPrefix(field, term);
    if (p === null) return { count: 0, ords: [], tf: [] };
    var hit = this.postings.get(p);
    if (hit) return hit;
    var ords = [], tf = [], plen = p.length;
    this.store.scan(p, prefixEnd(p), function (k, v) {
      var id = k.slice(plen), ord = parseInt(id, 36);
      var fv = uvarints(v), freq = fv[0], bits = fv[1];
      dvf.setUint32(0, bits);
      var norm = dvf.getFloat32(0);
      if (!(norm > 0 && norm <= 1) || bits > 0xffffffff) throw new Error('index: bad term frequency row');
      ords.push(ord);
      tf.push(Math.sqrt(freq) * norm);
    });
    hit = { count: ords.length, ords: ords, tf: tf };
    this.postings.set(p, hit);
    return hit;
  };

  // searcher builds bleve's searcher for an expanded query node.
  Engine.prototype.searcher = function (q) {
    var self = this, docs = this.head.docs;
    switch (q.t) {
      case 'none':
        return { none: true, weight: function () { return 0; }, setNorm: function () {}, count: function () { return 0; }, docs: function () { return new Map(); } };
      case 'all':
        var qw = 1;
        return {
          weight: function () { return 1; }, setNorm: function (n) { qw = n; }, count: function () { return docs; },
          docs: function () { var m = new Map(); for (var i = 0; i < docs; i++) m.set(i, qw !== 1 ? qw : 1); return m; }
        };
      case 'term':
        var pl = this.readPostings(q.field, q.termBytes);
        var idf = 1 + Math.log(docs / (pl.count + 1)), w = 1, boost = q.boost;
        return {
          weight: function () { var s = boost * idf; return s * s; },
          setNorm: function (n) { w = boost * idf * n; },
          count: function () { return pl.count; },
          docs: function () {
            var m = new Map();
            for (var i = 0; i < pl.ords.length; i++) {
              var s = pl.tf[i] * idf;
              m.set(pl.ords[i], w !== 1 ? s * w : s);
            }
            return m;
          }
        };
      case 'irange':
        return this.composite('disj', (q.terms || []).map(function (t, i) {
          return self.searcher({ t: 'term', field: q.field, termBytes: t, boost: q.boosts ? q.boosts[i] : q.boost });
        }), 0);
      case 'conj': case 'disj':
        var subs = [];
        q.qs.forEach(function (c) {
          var s = self.searcher(c);
          if (!(s.none && q.qsm)) subs.push(s);
        });
        if (!subs.length) return this.searcher({ t: 'none' });
        return this.composite(q.t, subs, q.min || 0);
      case 'bool':
        var not = q.not && this.searcher(q.not), must = q.must && this.searcher(q.must), should = q.should && this.searcher(q.should);
        if (not && not.none) not = null;
        if (must && must.none) must = null;
        if (should && should.none) should = null;
        if (!must && !should && !not) return this.searcher({ t: 'none' });
        if (must && !should && !not) return must;
        if (!must && should && !not) return should;
        if (!must && !should) must = this.searcher({ t: 'all' });
        return this.booleanSearcher(must, should, not);
    }
    throw new Error('unknown query node ' + q.t);
  };

  function byCount(list) {
    return list.map(function (s, i) { return [s, i]; }).sort(function (a, b) {
      return a[0].count() - b[0].count() || a[1] - b[1];
    }).map(function (x) { return x[0]; });
  }

  Engine.prototype.composite = function (kind, subs, min) {
    subs = byCount(subs);
    var weight = function () { var w = 0; subs.forEach(function (s) { w += s.weight(); }); return w; };
    var setNorm = function (n) { subs.forEach(function (s) { s.setNorm(n); }); };
    var norm = 1 / Math.sqrt(weight());
    setNorm(norm);
    var count = function () { var c = 0; subs.forEach(function (s) { c += s.count(); }); return c; };
    return {
      weight: weight, setNorm: setNorm, count: count, min: min,
      docs: function () {
        var maps = subs.map(function (s) { return s.docs(); }), out = new Map();
        if (kind === 'conj') {
          var first = maps.reduce(function (a, b) { return b.size < a.size ? b : a; });
          first.forEach(function (_, ord) {
            var sum = 0;
            for (var i = 0; i < maps.length; i++) {
              var v = maps[i].get(ord);
              if (v === undefined) return;
              sum += v;
            }
            out.set(ord, sum);
          });
          return out;
        }
        var need = Math.max(min, 1), seen = new Map();
        maps.forEach(function (m) { m.forEach(function (_, ord) { seen.set(ord, (seen.get(ord) || 0) + 1); }); });
        seen.forEach(function (n, ord) {
          if (n < need) return;
          var sum = 0;
          for (var i = 0; i < maps.length; i++) {
            var v = maps[i].get(ord);
            if (v !== undefined) sum += v;
          }
          out.set(ord, sum * (n / maps.length));
        });
        return out;
      }
    };
  };

  Engine.prototype.booleanSearcher = function (must, should, not) {
    var weight = function () { return (must ? must.weight() : 0) + (should ? should.weight() : 0); };
    var setNorm = function (n) { if (must) must.setNorm(n); if (should) should.setNorm(n); };
    setNorm(1 / Math.sqrt(weight()));
    return {
      weight: weight, setNorm: setNorm,
      count: function () { return (must ? must.count() : 0) + (should ? should.count() : 0); },
      docs: function () {
        var mm = must && must.docs(), sm = should && should.docs(), nm = not ? not.docs() : new Map(), out = new Map();
        var optional = !should || !should.min;
        if (mm) {
          mm.forEach(function (s, ord) {
            if (nm.has(ord)) return;
            var v = sm && sm.get(ord);
            if (v !== undefined) out.set(ord, s + v);
            else if (optional) out.set(ord, s);
          });
        } else {
          sm.forEach(function (s, ord) { if (!nm.has(ord)) out.set(ord, s); });
        }
        return out;
      }
    };
  };

  // ---- requests ----------------------------------------------------------

  // filtered is the query with the request's filters and ranges, leaving
  // out the field except.
  function filtered(q, req, except) {
    var conj = [q];
    FACETS.forEach(function (name) {
      var vals = (req.filters || {})[name];
      if (name === except || !vals || !vals.length) return;
      conj.push({ t: 'disj', qs: vals.map(function (v) { return { t: 'term', field: name, term: v }; }) });
    });
    Object.keys(req.filters || {}).forEach(function (name) {
      var f = BY_NAME[name];
      if (!f || !f.facet) throw new Msg('bad_filter', [name]);
    });
    Object.keys(req.ranges || {}).sort().forEach(function (name) {
      if (name === except) return;
      var f = BY_NAME[name];
      if (!f || f.kind !== NUMBER) throw new Msg('bad_range', [name]);
      var r = req.ranges[name];
      conj.push({ t: 'nrange', field: name, min: r.min === null ? undefined : r.min, max: r.max === null ? undefined : r.max, incMin: true, incMax: false });
    });
    return conj.length === 1 ? q : { t: 'conj', qs: conj };
  }

  // terms are the analysed words of the text matches, which hits mark.
  function highlightTerms(q) {
    var seen = new Set();
    (function walk(n) {
      if (!n) return;
      if (n.t === 'bool') { walk(n.must); walk(n.should); } else if (n.t === 'conj' || n.t === 'disj') n.qs.forEach(walk);
      else if (n.t === 'match') {
        var f = BY_NAME[n.field];
        if (f && f.kind === TEXT) analyze(f, n.text).forEach(function (t) { seen.add(t); });
      }
    }(q));
    return Array.from(seen).sort(function (a, b) { var x = utf8(a), y = utf8(b); return x < y ? -1 : x > y ? 1 : 0; });
  }

  function failed(e) {
    var r = { error: 'search: ' + e.code, hits: [], facets: [], terms: [], total: 0, code: e.code };
    if (e.args && e.args.length) { r.args = e.args; r.error += ' ' + JSON.stringify(e.args.join(' ')); }
    return r;
  }

  // search answers a request, fetching what it needs. It resolves to a
  // response as package search's engine writes it, or to
  // {unsupported: reason} for a query only the WebAssembly engine reads.
  // ---- recall while typing (tools/search/recall.go) -----------------------
  var RECALL_MIN = 3, RECALL_MAX = 40, FUZZY_PREFIX = 2;

  function recallWord(w) {
    var cs = Array.from(w);
    return cs.length >= RECALL_MIN && cs.length <= RECALL_MAX && cs.every(function (c) { return LETTER.test(c); });
  }

  // recallPrefix is [q with its last word also as a prefix, the word];
  // search drops the prefix when the index has the word (known).
  function recallPrefix(q) {
    if (q.indexOf('"') >= 0) return [q, ''];
    var w = q.slice(q.lastIndexOf(' ') + 1);
    return recallWord(w) ? [q + ' ' + w + '*', w] : [q, ''];
  }

  function recallCandidates(q, syns) {
    if (q.indexOf('"') >= 0) return [];
    var out = [];
    q.split(' ').forEach(function (w) { if (recallWord(w) && out.indexOf(w) < 0 && !synonymOf(syns, w)) out.push(w); });
    return out;
  }

  // ---- synonyms (tools/search/synonyms.go, carried in the head) ----------
  function synonymOf(syns, w) {
    w = w.toLowerCase();
    for (var i = 0; i < syns.length; i++) if (syns[i].words.indexOf(w) >= 0) return syns[i];
    return null;
  }

  // plainWordText is the word of plainWord's disjunction, or null.
  function plainWordText(n) {
    if (n.qs.length !== TEXT_FIELDS.length) return null;
    var w = null;
    for (var i = 0; i < n.qs.length; i++) {
      var c = n.qs[i];
      if (c.t !== 'match' || c.field !== TEXT_FIELDS[i].name || (w !== null && c.text !== w)) return null;
      w = c.text;
    }
    return w;
  }

  // synonymize adds to each bare word's disjunction its synonym's terms.
  function synonymize(n, syns) {
    if (!n) return;
    if (n.t === 'bool') { synonymize(n.must, syns); synonymize(n.should, syns); synonymize(n.not, syns); return; }
    if (n.t === 'conj') { n.qs.forEach(function (c) { synonymize(c, syns); }); return; }
    if (n.t !== 'disj') return;
    var w = plainWordText(n);
    if (w === null) { n.qs.forEach(function (c) { synonymize(c, syns); }); return; }
    var y = synonymOf(syns, w);
    if (y && recallWord(w)) {
      n.qs.push({ t: 'conj', qs: y.must.map(function (fv) { var i = fv.indexOf(':'); return { t: 'term', field: fv.slice(0, i), term: fv.slice(i + 1) }; }) });
    }
  }

  // ---- inflections of short words (tools/search/inflect.go) -------------
  var INFLECTION_ENDINGS = ['ane', 'ene', 'ens', 'ers', 'ets', 'ar', 'as', 'en', 'er', 'es', 'et', 'a', 'e'];

  function inflectionTable(list) {
    var m = new Map();
    (list || []).forEach(function (e) { var f = e.split(' ').filter(Boolean); if (f.length) m.set(f[0], f.slice(1)); });
    return m;
  }

  // family is the base and its forms for a term, or null.
  function family(m, t) {
    var b = t, ends = m.get(t);
    for (var i = 0; ends === undefined && i < INFLECTION_ENDINGS.length; i++) {
      var e = INFLECTION_ENDINGS[i];
      if (t.length > e.length && t.slice(-e.length) === e) { b = t.slice(0, -e.length); ends = m.get(b); }
      else if (t === e) { b = ''; ends = m.get(b); }
    }
    if (ends === undefined) return null;
    return [b].concat(ends.map(function (e) { return b + e; }));
  }

  // inflect adds to each bare word's disjunction the matches of the other
  // members of its term's family.
  function inflect(n, m) {
    if (!n) return;
    if (n.t === 'bool') { inflect(n.must, m); inflect(n.should, m); inflect(n.not, m); return; }
    if (n.t === 'conj') { n.qs.forEach(function (c) { inflect(c, m); }); return; }
    if (n.t !== 'disj') return;
    var w = plainWordText(n);
    if (w === null) { n.qs.forEach(function (c) { inflect(c, m); }); return; }
    var toks = analyze(TEXT_FIELDS[0], w);
    if (toks.length !== 1) return;
    var matches = n.qs.slice(0, TEXT_FIELDS.length);
    (family(m, toks[0]) || []).forEach(function (u) {
      if (u === toks[0]) return;
      matches.forEach(function (c) { n.qs.push({ t: 'match', field: c.field, text: u, and: c.and, boost: c.boost }); });
    });
  }

  // fuzzify replaces the text-field matches of the words by fuzzy nodes.
  function fuzzify(n, words) {
    if (!n) return;
    if (n.t === 'bool') { fuzzify(n.must, words); fuzzify(n.should, words); fuzzify(n.not, words); return; }
    if (n.t !== 'conj' && n.t !== 'disj') return;
    n.qs = n.qs.map(function (c) {
      var f = c.t === 'match' && BY_NAME[c.field];
      if (f && f.kind === TEXT && words.has(c.text)) return { t: 'fuzzy', field: c.field, text: c.text.toLowerCase(), boost: boostOf(c) };
      fuzzify(c, words);
      return c;
    });
  }

  // fuzzyPrefix is bleve's fuzzy prefix: the runes that start before
  // byte FUZZY_PREFIX, as bytes.
  function fuzzyPrefix(b) {
    var i = 0;
    while (i < b.length && i < FUZZY_PREFIX) {
      var c = b.charCodeAt(i);
      i += c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    }
    return b.slice(0, i);
  }

  // byteEdits is the Levenshtein distance of two byte strings, as bleve
  // counts it for a fuzzy query (bytes, no transpositions).
  function byteEdits(a, b) {
    var d = [], i, j;
    for (j = 0; j <= a.length; j++) d[j] = j;
    for (i = 1; i <= b.length; i++) {
      var diag = d[0];
      d[0] = i;
      for (j = 1; j <= a.length; j++) {
        var old = d[j];
        d[j] = Math.min(d[j] + 1, d[j - 1] + 1, diag + (a[j - 1] === b[i - 1] ? 0 : 1));
        diag = old;
      }
    }
    return d[a.length];
  }

  // known says if a word has a dictionary entry in a text field (or, as
  // a prefix, a term it begins), loading what that needs.
  Engine.prototype.known = async function (w, asPrefix) {
    var self = this, want = [], texts = TEXT_FIELDS;
    var toks = analyze(texts[0], w);
    if (!toks.length) return true;
    if (toks.length === 1 && family(this.inflections, toks[0])) return true;
    var pb = utf8(w.toLowerCase());
    texts.forEach(function (f) {
      toks.forEach(function (t) { self.plan({ t: 'term', field: f.name, termBytes: utf8(t) }, want); });
      if (asPrefix) self.plan({ t: 'irange', field: f.name, ranges: [[pb, pb + '\xff']], prefix: pb }, want);
    });
    await this.store.load(want);
    return texts.some(function (f) {
      if (toks.some(function (t) { return self.readPostings(f.name, utf8(t)).count > 0; })) return true;
      var fid = self.fid[f.name];
      return asPrefix && fid !== undefined && self.prefixTerms(fid, pb).length > 0;
    });
  };

  Engine.prototype.search = async function (req) {
    if (!req.recall) return this.run(req, req.q || '', null, null);
    var syns = this.head.synonyms || [];
    var text = req.q || '', rp = recallPrefix(text), q = rp[0], prefix = rp[1];
    try {
      parse(q);
    } catch (e) {
      if (!(e instanceof Msg) && !(e instanceof Unsupported)) throw e;
      q = text; prefix = '';
    }
    // A last word the index has is searched as that word, not as a prefix.
    if (prefix && await this.known(prefix, false)) { q = text; prefix = ''; }
    var res = await this.run(req, q, syns, null);
    if (res.unsupported || res.error || res.notice) return res;
    var unknown = [], cands = recallCandidates(text, syns);
    for (var i = 0; i < cands.length; i++) {
      if (!(await this.known(cands[i], cands[i] === prefix))) unknown.push(cands[i]);
    }
    if (!unknown.length) return res;
    var retry = await this.run(req, q, syns, new Set(unknown));
    if (!retry.unsupported && !retry.error) retry.recall = { fuzzy: unknown };
    return retry;
  };

  Engine.prototype.run = async function (req, text, syns, fuzzy) {
    var parsed;
    try {
      parsed = parse(text);
      if (syns) synonymize(parsed.q, syns);
      if (syns) inflect(parsed.q, this.inflections);
      if (fuzzy) fuzzify(parsed.q, fuzzy);
    } catch (e) {
      if (e instanceof Unsupported) return { unsupported: e.why };
      if (e instanceof Msg) return failed(e);
      throw e;
    }
    var size = req.size > 0 && req.size <= 100 ? req.size : DEFAULT_SIZE;
    var from = Math.max(0, Math.min(req.from || 0, this.head.docs));
    var self = this, filters = req.filters || {}, ranges = req.ranges || {};
    // The searches to run: the main one, and one without each filter.
    var runs = [];
    try {
      runs.push({ q: expand(filtered(parsed.q, req, '')), own: true });
      FACETS.concat(RANGE_ORDER).forEach(function (name) {
        var ranged = name in ranges;
        if (!(filters[name] && filters[name].length) && !ranged) return;
        runs.push({ q: expand(filtered(parsed.q, req, name)), field: name, ranged: ranged });
      });
    } catch (e) {
      if (e instanceof Msg) return failed(e);
      throw e;
    }
    var want = [];
    runs.forEach(function (r) { self.plan(r.q, want); });
    await this.store.load(want);
    runs.forEach(function (r) { self.rangeTerms(r.q); });
    want = [];
    runs.forEach(function (r) { self.plan(r.q, want); });
    await this.store.load(want);

    var facets = {}, main = null;
    runs.forEach(function (r) {
      var s = self.searcher(r.q);
      var docs = s.none ? new Map() : s.docs();
      if (r.own) {
        main = docs;
        FACETS.forEach(function (name) { if (!(filters[name] && filters[name].length)) facets[name] = null; });
        RANGE_ORDER.forEach(function (name) { if (!(name in ranges)) facets[name] = null; });
        self.countFacets(docs, facets);
      } else {
        var one = {};
        one[r.field] = null;
        self.countFacets(docs, one);
        facets[r.field] = one[r.field];
      }
    });

    var total = main.size, hits;
    var sf = BY_NAME[req.sort];
    if (sf && sf.sort) {
      hits = this.top(main, req.sort, from, size);
    } else {
      hits = this.rank(main);
      total = hits.length;
      hits = hits.slice(from, from + size);
    }
    await this.loadHits(hits.map(function (h) { return h[0]; }));

    var terms = highlightTerms(parsed.q);
    var res = { total: total, hits: [], facets: [], terms: terms };
    if (parsed.notice) res.notice = parsed.notice.args.length ? { code: parsed.notice.code, args: parsed.notice.args } : { code: parsed.notice.code };
    var termSet = new Set(terms);
    hits.forEach(function (h) {
      var d = self.hitDoc(h[0]);
      var hit = { ord: h[0], score: h[1], type: d.type, title: mark(d.title, termSet, 0), url: d.url };
      if (d.date) hit.date = d.date;
      if (d.label) hit.label = d.label;
      hit.snippet = mark(d.text || '', termSet, SNIPPET);
      if (h[2]) hit.points = h[2];
      res.hits.push(hit);
    });
    FACETS.concat(RANGE_ORDER).forEach(function (name) {
      if (facets[name] !== undefined && facets[name] !== null) res.facets.push(facets[name]);
    });
    return res;
  };

  // top sorts the hits as bleve's collector does and cuts the page.
  Engine.prototype.top = function (docs, sortBy, from, size) {
    var f = BY_NAME[sortBy], col = f && f.sort ? this.dv.numbers[sortBy] || new Map() : null;
    var dates = this.dv.numbers.dato || new Map();
    // A column descending, missing values last.
    function desc(c, a, b) {
      var va = c.get(a), vb = c.get(b);
      if (va === vb) return 0;
      if (va === undefined) return 1;
      if (vb === undefined) return -1;
      return vb > va ? 1 : -1;
    }
    var all = Array.from(docs);
    all.sort(function (a, b) {
      // Equal scores: the newest first, then the document order.
      return (col && desc(col, a[0], b[0])) || b[1] - a[1] || desc(dates, a[0], b[0]) || a[0] - b[0];
    });
    return all.slice(from, from + size);
  };

  // rank weighs, groups and orders the hits by relevance as package search
  // does (tools/search/group.go): parts score PART_WEIGHT times theirs, a
  // vedtak's matching points are one result (the vedtak if it matches,
  // else its best point) with the number of its points, equal scores list
  // the newest first, then in document order. Each result is
  // [ord, score, points].
  var PART_WEIGHT = 0.5;
  Engine.prototype.rank = function (docs) {
    var dv = this.dv, dates = dv.numbers.dato || new Map();
    function before(a, as, b, bs) {
      if (as !== bs) return bs - as;
      var va = dates.get(a), vb = dates.get(b);
      if (va !== vb) {
        if (va === undefined) return 1;
        if (vb === undefined) return -1;
        return vb > va ? 1 : -1;
      }
      return a - b;
    }
    var groups = new Map();
    docs.forEach(function (score, ord) {
      if (dv.parent[ord] >= 0) score *= PART_WEIGHT;
      var key = dv.group[ord] ? dv.parent[ord] : ord, g = groups.get(key);
      if (!g) groups.set(key, g = { ord: ord, score: score, members: 0, points: 0 });
      else if (before(ord, score, g.ord, g.score) < 0) { g.ord = ord; g.score = score; }
      g.members++;
      if (dv.group[ord]) g.points++;
    });
    var out = [];
    groups.forEach(function (g, key) {
      out.push([docs.has(key) ? key : g.ord, g.score, g.members > 1 ? g.points : 0]);
    });
    return out.sort(function (a, b) { return before(a[0], a[1], b[0], b[1]); });
  };

  // countFacets fills the facets named in out from the hits: term facets
  // through the run table, range facets from the doc values.
  Engine.prototype.countFacets = function (docs, out) {
    var dv = this.dv, names = Object.keys(out), termNames = names.filter(function (n) { return FACETS.indexOf(n) >= 0; });
    var perTuple = new Float64Array(dv.tuples.length);
    var starts = dv.runStart;
    if (termNames.length) {
      docs.forEach(function (_, ord) {
        var a = 0, b = starts.length;
        while (a < b) { var m = (a + b) >> 1; if (starts[m] <= ord) a = m + 1; else b = m; }
        if (a > 0) perTuple[dv.runTuple[a - 1]]++;
      });
    }
    termNames.forEach(function (name) {
      var counts = new Map();
      perTuple.forEach(function (n, t) {
        if (!n) return;
        dv.tuples[t].forEach(function (fv) { if (fv[0] === name) counts.set(fv[1], (counts.get(fv[1]) || 0) + n); });
      });
      var vals = Array.from(counts).sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0); }).slice(0, FACET_SIZE);
      out[name] = { field: name, values: vals.map(function (v) { return { value: v[0], count: v[1] }; }) };
    });
    names.filter(function (n) { return RANGE_FACETS[n]; }).forEach(function (name) {
      var col = dv.numbers[name] || new Map(), presets = RANGE_FACETS[name], counts = presets.map(function () { return 0; });
      docs.forEach(function (_, ord) {
        var v = col.get(ord);
        if (v === undefined) return;
        v = v / 100;
        presets.forEach(function (p, i) {
          if ((p.min === undefined || v >= p.min) && (p.max === undefined || v < p.max)) counts[i]++;
        });
      });
      out[name] = {
        field: name, values: presets.map(function (p, i) {
          var o = { value: p.value };
          if (p.min !== undefined) o.min = p.min;
          if (p.max !== undefined) o.max = p.max;
          o.count = counts[i];
          return o;
        })
      };
    });
  };

  // ---- the hits' result documents ----------------------------------------
  // hitDoc is a loaded hit's result document, from a hit pack or its block.
  Engine.prototype.hitDoc = function (ord) {
    var b = this.head.results.block, blk = this.blocks[Math.floor(ord / b)];
    return blk ? blk[ord % b] : this.hitDocs.get(ord);
  };
  Engine.prototype.hasHit = function (ord) {
    return this.hitDocs.has(ord) || !!this.blocks[Math.floor(ord / this.head.results.block)];
  };

  // loadHits loads the result documents of the hits ords: from the hit
  // packs (tools/search/format.go, HitPack) of the query's common terms
  // that hold two or more of them, and the rest from their result
  // blocks, all at once. A pack's documents are known before it is
  // fetched (hitPacks); a hit a pack does not hold after all (the
  // scores' last bits) is fetched from its block after.
  Engine.prototype.loadHits = async function (ords) {
    var self = this, r = this.head.results;
    var left = new Set(ords.filter(function (o) { return !self.hasHit(o); })), jobs = [];
    var packs = r.hit_pack_min > 0 && left.size > 1 ? this.hitPacks() : [];
    for (;;) {
      var best = null, most = 1;
      packs.forEach(function (p) {
        var n = 0;
        left.forEach(function (o) { if (p.ords.has(o)) n++; });
        if (n > most) { best = p; most = n; }
      });
      if (!best) break;
      jobs.push(this.loadHitPack(best.term));
      best.ords.forEach(function (o) { left.delete(o); });
    }
    var blocks = function (os) {
      var need = new Set();
      os.forEach(function (o) { if (!self.hasHit(o)) need.add(Math.floor(o / r.block)); });
      return Array.from(need).map(function (b) { return self.loadBlock(b); });
    };
    await Promise.all(jobs.concat(blocks(left)));
    await Promise.all(blocks(ords));
  };

  // hitPacks are the hit packs of the terms whose postings the query read
  // in every text field, each with the ordinals it holds: the build's
  // choice (tools/searchindex/hitpacks.go), made again from the postings.
  // rank sorts every document of a common term: a few milliseconds at
  // 100 000 vedtak, for the few terms of a query.
  Engine.prototype.hitPacks = function () {
    var self = this, r = this.head.results, docs = this.head.docs, out = [];
    var keys = TEXT_FIELDS.map(function (f) { return self.fid[f.name]; });
    if (keys.some(function (k) { return k === undefined; })) return out;
    this.postings.forEach(function (pl0, key) {
      if (key.slice(0, 3) !== fieldKey('t', keys[0])) return;
      var term = key.slice(3, -1), lists = [], n = 0;
      for (var i = 0; i < keys.length; i++) {
        var pl = self.postings.get(fieldKey('t', keys[i]) + term + '\xff');
        if (!pl) return;
        lists.push(pl);
        n += pl.count;
      }
      if (n < r.hit_pack_min) return;
      var score = new Map(), matched = new Map();
      lists.forEach(function (pl, i) {
        var idf = 1 + Math.log(docs / (pl.count + 1)), boost = TEXT_FIELDS[i].boost;
        pl.ords.forEach(function (o, j) {
          score.set(o, (score.get(o) || 0) + boost * idf * idf * pl.tf[j]);
          matched.set(o, (matched.get(o) || 0) + 1);
        });
      });
      if (score.size < r.hit_pack_min) return;
      // bleve's coordination: a word in one text field of two scores half.
      score.forEach(function (v, o) { score.set(o, v * (matched.get(o) / keys.length)); });
      // The documents the term's first results show, ranked as a search
      // ranks (search.PackRanking).
      var top = self.rank(score).slice(0, r.hit_pack_docs);
      out.push({ term: term, ords: new Set(top.map(function (x) { return x[0]; })) });
    });
    return out;
  };

  Engine.prototype.loadHitPack = async function (term) {
    var r = this.head.results, hex = '';
    for (var i = 0; i < term.length; i++) hex += ('0' + term.charCodeAt(i).toString(16)).slice(-2);
    var data = await this.get(r.dir + '/p-' + hex + '.gz');
    var p = JSON.parse(utf8dec.decode(data));
    var sum = crc32(utf8enc.encode(goJSON({ term: p.term, sum: 0, ords: p.ords, docs: p.docs ? p.docs.map(docJSON) : null })));
    if (sum !== p.sum) throw new Error('hit pack ' + hex + ': damaged (checksum)');
    if (p.term !== unutf8(term)) throw new Error('hit pack ' + hex + ': the file holds another term');
    if (!Array.isArray(p.ords) || !Array.isArray(p.docs) || p.ords.length !== p.docs.length) throw new Error('hit pack ' + hex + ': wrong number of documents');
    for (i = 0; i < p.ords.length; i++) {
      if (!(p.ords[i] >= 0 && p.ords[i] < this.head.docs && p.ords[i] % 1 === 0)) throw new Error('hit pack ' + hex + ': bad ordinal');
    }
    for (i = 0; i < p.ords.length; i++) this.hitDocs.set(p.ords[i], p.docs[i]);
  };

  Engine.prototype.loadBlock = async function (n) {
    if (this.blocks[n]) return;
    var r = this.head.results;
    var data = await this.get(r.dir + '/' + n + '.gz');
    var b = JSON.parse(utf8dec.decode(data));
    if (crc32(utf8enc.encode(blockJSON(b.n, 0, b.docs))) !== b.sum) throw new Error('result block ' + n + ': damaged (checksum)');
    if (b.n !== n) throw new Error('result block ' + n + ': the file holds block ' + b.n);
    var want = Math.min(r.block, this.head.docs - n * r.block);
    if (!b.docs || b.docs.length !== want) throw new Error('result block ' + n + ': wrong number of documents');
    this.blocks[n] = b.docs;
  };

  // ---- marking matched words (approximate: see docs/search.md) ----------
  var SNIPPET = 220;
  function esc(s) {
    return s.replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', '\'': '&#39;' }[c]; });
  }
  // matches says whether a word of a text is one of the query's terms: its
  // stem is a term, or, for a compound, it ends with a term's word.
  function matches(word, terms) {
    var w = word.toLowerCase(), s = stem(w);
    if (terms.has(s)) return true;
    var hit = false;
    terms.forEach(function (t) {
      if (!hit && t.length >= 3 && s.length > t.length + 2 && s.endsWith(t)) hit = true;
    });
    return hit;
  }
  function mark(text, terms, max) {
    var spans = [];
    if (terms.size) words(text).forEach(function (w) { if (matches(w.text, terms)) spans.push(w); });
    var from = 0, to = text.length;
    if (max > 0 && text.length > max) {
      if (spans.length && spans[0].start > max / 3) {
        var s = text.lastIndexOf(' ', spans[0].start - Math.floor(max / 3));
        from = s < 0 ? 0 : s + 1;
        if (from > spans[0].start) from = spans[0].start;
      }
      var e = text.lastIndexOf(' ', from + max);
      to = e > from + max / 2 ? e : Math.min(text.length, from + max);
    }
    var out = from > 0 ? '… ' : '', pos = from;
    spans.forEach(function (sp) {
      if (sp.start < pos || sp.end > to) return;
      out += esc(text.slice(pos, sp.start)) + '<mark>' + esc(text.slice(sp.start, sp.end)) + '</mark>';
      pos = sp.end;
    });
    out += esc(text.slice(pos, to));
    if (to < text.length) out += ' …';
    return out;
  }

  // ---- opening -----------------------------------------------------------

  // open reads the head and the doc values; get(name) resolves to the
  // decoded bytes of a file named relative to the head.
  async function open(headBytes, get) {
    var h = JSON.parse(utf8dec.decode(headBytes));
    if (h.version !== 3) throw new Error('search head: format ' + h.version + ', want 3');
    if (crc32(utf8enc.encode(headJSON(h, 0))) !== h.sum) throw new Error('search head: damaged (checksum)');
    if (!h.results || h.results.block <= 0 || h.docs < 0 || h.id_width <= 0 || h.page_size <= 0 ||
      (h.pages || []).length !== Math.ceil(h.chunks / h.page_size)) throw new Error('search head: bad sizes');
    useSchema(h);
    h.pages = h.pages || [];
    var dvb = await get(h.docvalues);
    if (crc32(dvb) !== h.docvalues_sum) throw new Error('doc values: damaged (checksum)');
    return new Engine(h, decodeDocValues(dvb, h.docs), get);
  }

  var api = {
    open: open,
    // for tests
    stem: stem, words: words, analyze: function (kind, text) { return analyze({ kind: kind === 'keyword' ? KEYWORD : TEXT }, text); },
    get fields() { return FIELDS; }, stopWords: Array.from(STOP), parse: function (q) {
      try { return parse(q); } catch (e) { return { error: e }; }
    }
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.PortalReader = api;
}(typeof self !== 'undefined' ? self : globalThis));
