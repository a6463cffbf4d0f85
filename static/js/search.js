/* The search page: reads the query and filters from the URL, runs them in
   the search worker, and shows hits, facets and ranges. Every change is put
   in the URL, so a search can be shared and the back button works. The
   engine is loaded only when the visitor first focuses or uses search. */
(function () {
  'use strict';

  var app = document.getElementById('search-app');
  if (!app) return;
  if (!('Worker' in window) || typeof WebAssembly !== 'object' || !('DecompressionStream' in window)) {
    document.getElementById('search-unavailable').hidden = false;
    return;
  }
  app.hidden = false;

  var labels = JSON.parse(document.getElementById('search-labels').textContent);
  var text = JSON.parse(document.getElementById('search-text').textContent);
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var statusEl = document.getElementById('search-status');
  var noticeEl = document.createElement('p');
  noticeEl.id = 'search-notice';
  noticeEl.className = 'search-notice';
  noticeEl.hidden = true;
  statusEl.parentNode.insertBefore(noticeEl, statusEl.nextSibling);
  var progressEl = document.getElementById('search-progress');
  var hitsEl = document.getElementById('search-hits');
  var facetsEl = document.getElementById('search-facets');
  var sortEl = document.getElementById('search-sort');
  var moreEl = document.getElementById('search-more');
  // The filters: a panel, closed on a narrow screen so the hits come
  // first; its summary counts the filters chosen.
  var filtersEl = document.getElementById('search-filters');
  var filterCountEl = document.getElementById('search-filter-count');
  var narrow = window.matchMedia('(max-width: 48rem)');
  filtersEl.open = !narrow.matches;
  var onWidth = function () { filtersEl.open = !narrow.matches; };
  if (narrow.addEventListener) narrow.addEventListener('change', onWidth);
  // A search the visitor sent (Enter, the button) moves the focus to the
  // result summary, which is read out; typing keeps it in the box.
  var focusResults = false;
  var rangeInputs = Array.prototype.slice.call(app.querySelectorAll('input[data-range]'));
  var lang = document.documentElement.lang || 'nb';
  var dateFmt = new Intl.DateTimeFormat(lang === 'nn' ? 'nn-NO' : 'nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  var numFmt = new Intl.NumberFormat(lang === 'nn' ? 'nn-NO' : 'nb-NO');
  // The facet and range fields, from the build (tools/sitedata: Sok, from
  // tools/search), in the engine's order.
  var FACETS = app.dataset.facets.split(' ');
  var RANGES = app.dataset.ranges.split(' ');
  var PAGE = 10; // hits per page: each may need a result block fetched
  // The longest query the engine runs: search.MaxQueryRunes (a Go test
  // keeps them equal). A longer ?q= is cut before it reaches the worker.
  var MAX_QUERY = 256;

  input.maxLength = MAX_QUERY;
  // The search service worker keeps the search's files for a returning
  // visitor (static/search-sw.js; docs/search.md says how to remove it).
  // It is registered once the first answer is shown (or the page is idle),
  // so that its script does not compete with the first query's pieces.
  var swRegistered = false;
  function registerSW() {
    if (swRegistered || !('serviceWorker' in navigator) || !app.dataset.sw) return;
    swRegistered = true;
    navigator.serviceWorker.register(app.dataset.sw, { scope: app.dataset.base }).catch(function () {});
  }
  // keep asks the service worker to keep scripts fetched before it ran.
  var pendingKeep = null;
  function keep(urls) {
    if (!('serviceWorker' in navigator) || !app.dataset.sw) return;
    navigator.serviceWorker.ready.then(function (reg) {
      if (reg.active) reg.active.postMessage({ keep: urls.map(function (u) { return new URL(u, location.href).href; }) });
    });
  }
  var truncated = false; // the query from the URL was cut
  var state = fromURL();
  var worker = null;
  var seq = 0;
  var timer = 0;

  // ---- state and URL ----
  function fromURL() {
    var p = new URLSearchParams(location.search);
    var s = { q: cut(p.get('q') || ''), filters: {}, ranges: {}, sort: p.get('sort') || '', size: PAGE };
    FACETS.forEach(function (f) {
      var vs = p.getAll(f).filter(Boolean);
      if (vs.length) s.filters[f] = vs;
    });
    RANGES.forEach(function (f) {
      var min = parseFloat(p.get(f + '_min'));
      var max = parseFloat(p.get(f + '_max'));
      var r = {};
      if (!isNaN(min)) r.min = min;
      if (!isNaN(max)) r.max = max;
      if ('min' in r || 'max' in r) s.ranges[f] = r;
    });
    var n = parseInt(p.get('n'), 10);
    if (n > PAGE && n <= 100) s.size = n;
    return s;
  }

  // cut keeps the first MAX_QUERY characters (code points, as the engine
  // counts) of a query from the URL, and notes that it did.
  function cut(q) {
    truncated = false;
    if (q.length <= MAX_QUERY) return q; // UTF-16 units: no more code points
    var cps = Array.from(q);
    if (cps.length <= MAX_QUERY) return q;
    truncated = true;
    return cps.slice(0, MAX_QUERY).join('');
  }

  // message is the visitor's text for a message from the engine: the
  // page's i18n text for its code with {0}, {1}, … filled in.
  function message(code, args) {
    var t = text['msg_' + code];
    if (!t) return null;
    return t.replace(/\{(\d+)\}/g, function (all, i) {
      return args && i < args.length ? args[i] : all;
    });
  }

  function toURL(s) {
    var p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    FACETS.forEach(function (f) { (s.filters[f] || []).forEach(function (v) { p.append(f, v); }); });
    RANGES.forEach(function (f) {
      var r = s.ranges[f];
      if (!r) return;
      if ('min' in r) p.set(f + '_min', r.min);
      if ('max' in r) p.set(f + '_max', r.max);
    });
    if (s.sort) p.set('sort', s.sort);
    if (s.size > PAGE) p.set('n', s.size);
    var qs = p.toString();
    return location.pathname + (qs ? '?' + qs : '');
  }

  function active(s) {
    return s.q.trim() !== '' || Object.keys(s.filters).length > 0 || Object.keys(s.ranges).length > 0;
  }

  function syncForm() {
    input.value = state.q;
    sortEl.value = state.sort;
    rangeInputs.forEach(function (el) {
      var r = state.ranges[el.dataset.range];
      var scale = Number(el.dataset.scale);
      el.value = r && 'min' in r && !('max' in r) ? String(r.min / scale) : '';
    });
  }

  // ---- worker ----
  // startWorker loads the reader, the head and the doc values; quiet, as
  // the page opens, it says nothing.
  function startWorker(quiet) {
    if (worker) return;
    worker = new Worker(app.dataset.worker);
    worker.onmessage = onMessage;
    worker.onerror = function (e) { fail(e.message || 'worker'); };
    worker.postMessage({ type: 'init', head: app.dataset.head, engine: app.dataset.engine, wasmExec: app.dataset.wasmExec });
    // Once the first answer is shown, not competing with it.
    pendingKeep = [app.dataset.worker];
    if (quiet === true) return;
    setStatus(text.loading_engine);
    progressEl.hidden = false;
    progressEl.removeAttribute('value');
  }

  function run(push) {
    if (push) history.pushState(null, '', toURL(state));
    else history.replaceState(null, '', toURL(state));
    if (!active(state)) {
      hitsEl.innerHTML = '';
      facetsEl.innerHTML = '';
      moreEl.hidden = true;
      setStatus('');
      return;
    }
    startWorker();
    // recall: the last word is also a prefix, unknown words allow one
    // edit, the site's words find what they mean (tools/search/recall.go).
    var req = { q: state.q, filters: state.filters, ranges: state.ranges, sort: state.sort, size: state.size, recall: true };
    app.setAttribute('aria-busy', 'true');
    worker.postMessage({ type: 'search', id: ++seq, req: req });
  }

  function onMessage(e) {
    var m = e.data;
    if (m.type === 'keep') {
      keep(m.urls);
    } else if (m.type === 'progress') {
      if (m.stage === 'engine' && m.total) {
        progressEl.max = m.total;
        progressEl.value = m.loaded;
      } else if (m.stage === 'index' && !progressEl.hidden) {
        setStatus(text.loading_index);
        progressEl.removeAttribute('value');
      }
    } else if (m.type === 'ready') {
      app.dataset.ready = 'true';
      progressEl.hidden = true;
      if (active(state)) setStatus(text.searching);
    } else if (m.type === 'fatal') {
      fail(m.message);
    } else if (m.type === 'result' && m.id === seq) {
      app.removeAttribute('aria-busy');
      app.dataset.lastMs = String(Math.round(m.ms));
      app.dataset.engineMs = String(m.engineMs);
      app.dataset.bytes = String(m.bytes);
      app.dataset.totalBytes = String(m.total);
      render(m.res);
      registerSW();
      if (pendingKeep) {
        setTimeout(keep, 2000, pendingKeep);
        pendingKeep = null;
      }
    } else if (m.type === 'error' && m.id === seq) {
      app.removeAttribute('aria-busy');
      setStatus(text.error + ' ' + m.message);
    }
  }

  function fail(msg) {
    noticeEl.hidden = true;
    progressEl.hidden = true;
    app.removeAttribute('aria-busy');
    setStatus(text.error + ' ' + msg);
    document.getElementById('search-unavailable').hidden = false;
  }

  function setStatus(s) { statusEl.textContent = s; }

  // ---- rendering ----
  function el(tag, cls, txt) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (txt != null) e.textContent = txt;
    return e;
  }

  function label(field, value) {
    var m = labels[field];
    return (m && m[value]) || value;
  }

  function render(res) {
    progressEl.hidden = true;
    app.dataset.renders = String(Number(app.dataset.renders || 0) + 1);
    var notes = [];
    if (truncated) notes.push(message('truncated', [String(MAX_QUERY)]));
    if (res.notice) notes.push(message(res.notice.code, res.notice.args) || res.notice.code);
    if (res.recall && res.recall.fuzzy && res.recall.fuzzy.length) {
      notes.push(text.recall_fuzzy.replace('{0}', res.recall.fuzzy.join(', ')));
    }
    noticeEl.textContent = notes.join(' ');
    noticeEl.hidden = notes.length === 0;
    if (res.error) {
      // A message about the query in the visitor's language; other
      // errors (a damaged file) as the engine words them.
      setStatus((res.code && message(res.code, res.args)) || text.error + ' ' + res.error);
      app.dataset.code = res.code || '';
      hitsEl.innerHTML = '';
      facetsEl.innerHTML = '';
      moreEl.hidden = true;
      return;
    }
    app.dataset.code = '';
    var what = state.q ? ' «' + state.q + '»' : '';
    setStatus(res.total ? numFmt.format(res.total) + ' ' + text.hits + what : text.no_hits);
    if (focusResults) {
      focusResults = false;
      statusEl.focus();
    }
    hitsEl.innerHTML = '';
    res.hits.forEach(function (h) {
      var li = el('li', 'hit');
      li.dataset.type = h.type;
      var meta = el('p', 'hit-meta');
      meta.appendChild(el('span', 'hit-type', label('type', h.type)));
      if (h.date) {
        var t = el('time', null, dateFmt.format(new Date(h.date + 'T00:00:00Z')));
        t.dateTime = h.date;
        meta.appendChild(document.createTextNode(' · '));
        meta.appendChild(t);
      }
      if (h.label) meta.appendChild(document.createTextNode(' · ' + h.label));
      if (h.points) {
        // A vedtak with its matching points as one result (docs/search.md).
        meta.appendChild(document.createTextNode(' · '));
        meta.appendChild(el('span', 'hit-points', h.points === 1 ? text.points_one : text.points.replace('{0}', numFmt.format(h.points))));
      }
      var h3 = el('h3', 'hit-title');
      var a = el('a');
      a.href = app.dataset.base + h.url;
      a.innerHTML = h.title; // escaped by the engine, with <mark>
      h3.appendChild(a);
      li.appendChild(h3);
      li.appendChild(meta);
      if (h.snippet) {
        var p = el('p', 'hit-snippet');
        p.innerHTML = h.snippet; // escaped by the engine, with <mark>
        li.appendChild(p);
      }
      hitsEl.appendChild(li);
    });
    moreEl.hidden = res.hits.length >= res.total;
    renderFacets(res.facets || []);
  }

  function renderFacets(facets) {
    facetsEl.innerHTML = '';
    var any = Object.keys(state.filters).length || Object.keys(state.ranges).length;
    var chosen = Object.keys(state.ranges).length;
    Object.keys(state.filters).forEach(function (f) { chosen += state.filters[f].length; });
    filterCountEl.textContent = text.filters_active.replace('{0}', numFmt.format(chosen));
    filterCountEl.hidden = chosen === 0;
    if (any) {
      var clear = el('button', 'search-clear', text.clear);
      clear.type = 'button';
      clear.addEventListener('click', function () {
        state.filters = {};
        state.ranges = {};
        state.size = PAGE;
        syncForm();
        run(true);
      });
      facetsEl.appendChild(clear);
    }
    facets.forEach(function (f) {
      var isRange = RANGES.indexOf(f.field) >= 0;
      var values = f.values.filter(function (v) { return v.count > 0 || selected(f.field, v, isRange); });
      // Years newest first, not by count.
      if (f.field === 'aar') values.sort(function (a, b) { return a.value < b.value ? 1 : a.value > b.value ? -1 : 0; });
      if (!values.length) return;
      var fs = el('fieldset', 'facet');
      fs.dataset.field = f.field;
      fs.appendChild(el('legend', null, label('facet', f.field)));
      if (isRange) values.unshift({ value: '', all: true });
      values.forEach(function (v, i) {
        var id = 'f-' + f.field + '-' + i;
        var box = el('div', 'facet-value');
        var inp = el('input');
        inp.type = isRange ? 'radio' : 'checkbox';
        inp.name = 'f-' + f.field;
        inp.id = id;
        inp.value = v.value;
        inp.checked = v.all ? !state.ranges[f.field] : selected(f.field, v, isRange);
        inp.addEventListener('change', function () { choose(f.field, v, isRange, inp.checked); });
        var lab = el('label', null, v.all ? text.all : (isRange ? rangeLabel(f.field, v) : label(f.field, v.value)));
        lab.htmlFor = id;
        if (!v.all) lab.appendChild(el('span', 'count', ' (' + numFmt.format(v.count) + ')'));
        box.appendChild(inp);
        box.appendChild(lab);
        fs.appendChild(box);
      });
      facetsEl.appendChild(fs);
    });
  }

  function selected(field, v, isRange) {
    if (isRange) {
      var r = state.ranges[field];
      return !!r && r.min === v.min && r.max === v.max;
    }
    return (state.filters[field] || []).indexOf(v.value) >= 0;
  }

  function rangeLabel(field, v) {
    // The range's unit and scale are on its input (tools/sitedata: Intervall).
    var inp = rangeInputs.filter(function (i) { return i.dataset.range === field; })[0];
    var unit = ' ' + inp.dataset.unit;
    var scale = Number(inp.dataset.scale);
    function n(x) { return numFmt.format(x / scale); }
    if (v.min == null) return text.range_under + ' ' + n(v.max) + unit;
    if (v.max == null) return text.range_over + ' ' + n(v.min) + unit;
    return n(v.min) + '–' + n(v.max) + unit;
  }

  function choose(field, v, isRange, on) {
    if (isRange) {
      if (v.all) delete state.ranges[field];
      else {
        var r = {};
        if (v.min != null) r.min = v.min;
        if (v.max != null) r.max = v.max;
        state.ranges[field] = r;
      }
    } else {
      var vs = (state.filters[field] || []).filter(function (x) { return x !== v.value; });
      if (on) vs.push(v.value);
      if (vs.length) state.filters[field] = vs;
      else delete state.filters[field];
    }
    state.size = PAGE;
    syncForm();
    run(true);
  }

  // ---- events ----
  input.addEventListener('focus', function () { startWorker(); });
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      truncated = false;
      state.q = input.value;
      state.size = PAGE;
      run(false);
    }, 150);
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    truncated = false;
    state.q = input.value;
    state.size = PAGE;
    focusResults = true;
    run(true);
  });
  sortEl.addEventListener('change', function () {
    state.sort = sortEl.value;
    run(true);
  });
  rangeInputs.forEach(function (inp) {
    inp.addEventListener('change', function () {
      var v = parseFloat(inp.value.replace(',', '.'));
      var f = inp.dataset.range;
      if (isNaN(v)) delete state.ranges[f];
      else state.ranges[f] = { min: v * Number(inp.dataset.scale) };
      state.size = PAGE;
      run(true);
    });
  });
  moreEl.addEventListener('click', function () {
    state.size = Math.min(state.size + PAGE, 100);
    run(false);
  });
  window.addEventListener('popstate', function () {
    state = fromURL();
    syncForm();
    run(false);
  });

  syncForm();
  if (active(state)) run(false);
  else (window.requestIdleCallback || setTimeout)(function () { startWorker(true); });
  // Without a search, register the service worker after a while.
  setTimeout(registerSW, 5000);
}());
