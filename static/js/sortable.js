// Sortable tables: a progressive enhancement. Every table.sortable gets a
// button in each column header (styled by Designsystemet's ds-table through
// aria-sort); the table reads fine without JavaScript.
// A cell's data-sort attribute (if any) is the value sorted on.
(function () {
  "use strict";
  function value(row, i, numeric) {
    var cell = row.cells[i];
    if (!cell) return numeric ? -Infinity : "";
    var v = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    if (!numeric) return v.toLocaleLowerCase("nb");
    var n = parseFloat(v);
    return isNaN(n) ? -Infinity : n;
  }
  function sort(table, th, i) {
    var numeric = th.getAttribute("data-sort-type") === "number";
    var asc = th.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = value(a, i, numeric), y = value(b, i, numeric);
      var c = numeric ? x - y : x.localeCompare(y, "nb");
      return asc ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.setAttribute("aria-sort", "none"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    if (!table.tHead || !table.tBodies[0]) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "sort";
      th.setAttribute("aria-sort", "none");
      while (th.firstChild) b.appendChild(th.firstChild);
      th.appendChild(b);
      b.addEventListener("click", function () { sort(table, th, i); });
    });
  });
})();
