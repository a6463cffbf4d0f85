/* The search service worker: keeps the search's files in the browser's
   cache, so that a returning visitor downloads nothing already seen.
   It handles only files whose URL names their content: everything under
   search/ (head-<hash>.gz, c-<hash>.gz, r-<hash>/n.gz, engine-<hash>.wasm,
   …) and js/search-*.js?v=<hash>. Those never change under their name, so
   a cached copy is never stale: a rebuild that changes a piece gives it a
   new name, which is fetched. Every other request (pages, images, styles)
   goes to the network untouched.

   Old pieces are dropped when they have not been used for 30 days. To
   remove the worker, see docs/search.md ("Service worker"). */
'use strict';

var CACHE = 'portal-search-1';
var KEEP_MS = 30 * 24 * 3600 * 1000;
var scope = new URL(self.registration.scope);

self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (e) {
  e.waitUntil(Promise.all([self.clients.claim(), prune()]));
});

// named says whether a URL names its content.
function named(u) {
  if (u.origin !== scope.origin || !u.pathname.startsWith(scope.pathname)) return false;
  var path = u.pathname.slice(scope.pathname.length);
  if (/^search\/[^?]+$/.test(path) && !u.search) return true;
  return /^js\/search-[a-z-]+\.js$/.test(path) && /^\?v=[0-9a-f]{12}$/.test(u.search);
}

// A page asks the worker to keep files it fetched before the worker
// controlled it (the first visit): {keep: [url, ...]}.
self.addEventListener('message', function (e) {
  var urls = (e.data && e.data.keep) || [];
  e.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(urls.map(function (s) {
      var u = new URL(s, scope);
      if (!named(u)) return null;
      return cache.match(u.href).then(function (hit) {
        if (hit) return null;
        return fetch(u.href, { credentials: 'same-origin' }).then(function (resp) {
          if (resp.ok && resp.status === 200) return stamp(resp).then(function (r) { return cache.put(u.href, r); });
        });
      }).catch(function () {});
    }));
  }));
});

self.addEventListener('fetch', function (e) {
  if (e.request.method !== 'GET') return;
  var u = new URL(e.request.url);
  if (!named(u)) return;
  e.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(e.request).then(function (hit) {
      if (hit) {
        touch(cache, e.request, hit);
        return hit;
      }
      return fetch(e.request).then(function (resp) {
        if (resp.ok && resp.status === 200) {
          var copy = resp.clone();
          e.waitUntil(stamp(copy).then(function (r) { return cache.put(e.request, r); }).catch(function () {}));
        }
        return resp;
      });
    });
  }));
});

// stamp copies a response with the time it was last used.
function stamp(resp) {
  var h = new Headers(resp.headers);
  h.set('x-portal-used', String(Date.now()));
  return resp.blob().then(function (b) { return new Response(b, { status: resp.status, statusText: resp.statusText, headers: h }); });
}

// touch renews a cached piece's time of use, at most once a day.
function touch(cache, req, hit) {
  var used = Number(hit.headers.get('x-portal-used')) || 0;
  if (Date.now() - used > 24 * 3600 * 1000) stamp(hit.clone()).then(function (r) { return cache.put(req, r); }).catch(function () {});
}

function prune() {
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n.startsWith('portal-search-') && n !== CACHE; }).map(function (n) { return caches.delete(n); }));
  }).then(function () {
    return caches.open(CACHE);
  }).then(function (cache) {
    return cache.keys().then(function (reqs) {
      return Promise.all(reqs.map(function (r) {
        return cache.match(r).then(function (resp) {
          var used = resp && Number(resp.headers.get('x-portal-used'));
          if (!used || Date.now() - used > KEEP_MS) return cache.delete(r);
        });
      }));
    });
  });
}
