// The follow-up overview's filters (layouts/oppfolging/section.html): a
// progressive enhancement. Without JavaScript the page lists every open
// point. Here the form shows, and the rows that do not match the chosen
// status (or "forsinket"), utvalg, ansvarlig and last due date are hidden.
// The choice is read from and written to the address (?status=forsinket),
// so a filtered list can be linked to, and the count is announced.
(function () {
  "use strict";
  var form = document.getElementById("oppfolging-filter");
  var table = document.getElementById("oppfolging-tabell");
  if (!form || !table) return;
  var count = document.getElementById("oppfolging-antall");
  var none = document.getElementById("oppfolging-ingen");
  // The filters' panel: closed on a narrow screen so the list comes
  // first (as on the search page); its summary counts the filters chosen.
  var panel = document.getElementById("oppfolging-filterpanel");
  var chosenEl = document.getElementById("oppfolging-valgt");
  var narrow = window.matchMedia("(max-width: 48rem)");
  panel.open = !narrow.matches;
  if (narrow.addEventListener) narrow.addEventListener("change", function () { panel.open = !narrow.matches; });
  var names = ["status", "utvalg", "ansvarlig", "frist"];
  function field(name) { return form.elements.namedItem(name); }
  function matches(row, f) {
    var d = row.dataset;
    if (f.status === "forsinket" && d.forsinket !== "1") return false;
    if (f.status && f.status !== "forsinket" && d.status !== f.status) return false;
    if (f.utvalg && d.utvalg !== f.utvalg) return false;
    if (f.ansvarlig && d.ansvarlig !== f.ansvarlig) return false;
    if (f.frist && (!d.frist || d.frist > f.frist)) return false;
    return true;
  }
  function apply(write) {
    var f = {}, params = new URLSearchParams();
    names.forEach(function (n) {
      f[n] = field(n).value;
      if (f[n]) params.set(n, f[n]);
    });
    var chosen = names.filter(function (n) { return f[n]; }).length;
    chosenEl.textContent = "(" + form.getAttribute("data-valgt").replace("{0}", chosen) + ")";
    chosenEl.hidden = chosen === 0;
    var shown = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var ok = matches(row, f);
      row.hidden = !ok;
      if (ok) shown++;
    });
    table.parentNode.hidden = shown === 0;
    none.hidden = shown !== 0;
    count.textContent = shown + " " + form.getAttribute(shown === 1 ? "data-entall" : "data-flertall");
    if (write) {
      var q = params.toString();
      history.replaceState(null, "", location.pathname + (q ? "?" + q : ""));
    }
  }
  // The address's choice, where the form offers it.
  var given = new URLSearchParams(location.search);
  names.forEach(function (n) {
    var v = given.get(n), el = field(n);
    if (v === null) return;
    if (el.tagName === "SELECT") {
      var ok = Array.prototype.some.call(el.options, function (o) { return o.value === v; });
      if (ok) el.value = v;
    } else if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      el.value = v;
    }
  });
  form.hidden = false;
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(true); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  apply(false);
})();
