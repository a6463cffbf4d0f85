// Tables wider than the screen: a progressive enhancement of the
// .table-wrap around every table. The template makes each wrapper
// keyboard-focusable (tabindex="0"), so a table that must scroll sideways
// can be scrolled without a mouse even without JavaScript. Here, a wrapper
// whose table overflows becomes a named region (its caption) with a
// visible hint above it; one that fits leaves the tab order. Checked again
// when the window is resized or turned.
(function () {
  "use strict";
  var hint = document.body.getAttribute("data-table-hint") || "";
  function update(wrap) {
    var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
    var table = wrap.querySelector("table");
    var caption = table && table.caption ? table.caption.textContent.trim() : "";
    var note = wrap.previousElementSibling;
    if (!note || !note.classList.contains("table-hint")) note = null;
    if (scrolls) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", caption || hint);
      wrap.classList.add("scrolls");
      if (!note && hint) {
        note = document.createElement("p");
        note.className = "table-hint";
        note.setAttribute("aria-hidden", "true");
        note.textContent = hint;
        wrap.parentNode.insertBefore(note, wrap);
      }
    } else {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
      wrap.classList.remove("scrolls");
      if (note) note.remove();
    }
  }
  function all() { document.querySelectorAll(".table-wrap").forEach(update); }
  all();
  var timer = 0;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(all, 100);
  });
})();
