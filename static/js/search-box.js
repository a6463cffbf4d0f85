/* The search box in the header: when a visitor first puts the cursor in it,
   ask the browser to fetch the index head and the search worker with its
   reader in the background (by the URL the search page loads it by:
   layouts/_partials/search-scripts.html), so the search page starts
   faster. Nothing loads before that. */
(function () {
  'use strict';
  var form = document.querySelector('form.header-search');
  if (!form) return;
  var input = form.querySelector('input');
  input.maxLength = 256; // search.MaxQueryRunes, as on the search page
  input.addEventListener('focus', function () {
    // The reader needs the head; the WebAssembly engine is for rare
    // syntax only and is not fetched ahead.
    (form.dataset.prefetch || '').split(' ').filter(function (href) {
      return href && !/\.wasm$|wasm_exec-/.test(href);
    }).forEach(function (href) {
      var l = document.createElement('link');
      l.rel = 'prefetch';
      l.href = href;
      document.head.appendChild(l);
    });
  }, { once: true });
}());
