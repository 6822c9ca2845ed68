// Batch index: sortable columns, a filter box and paging. The rows are in the HTML (readable
// without script); the script keeps them in an array and puts one page at a time into the table,
// so 10,000 articles stay responsive.
(function () {
  "use strict";
  var table = document.getElementById("articles");
  if (!table) { return; }
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var view = rows, page = 0;
  var size = parseInt(table.dataset.pageSize, 10) || 100;
  var status = document.getElementById("status");
  var prev = document.getElementById("prev"), next = document.getElementById("next");
  var pager = document.getElementById("pager");
  var texts = null, keys = {};
  function render() {
    var pages = Math.max(1, Math.ceil(view.length / size));
    page = Math.min(page, pages - 1);
    var a = page * size, b = Math.min(view.length, a + size);
    var frag = document.createDocumentFragment();
    for (var i = a; i < b; i++) { frag.appendChild(view[i]); }
    tbody.textContent = "";
    tbody.appendChild(frag);
    status.textContent = view.length ? ("Articles " + (a + 1).toLocaleString() + "–" + b.toLocaleString() + " of " + view.length.toLocaleString() +
      (view.length !== rows.length ? " (filtered from " + rows.length.toLocaleString() + ")" : "")) : "No article matches.";
    prev.disabled = page === 0; next.disabled = page >= pages - 1;
    pager.hidden = view.length <= size;
  }
  function key(col, type) {
    if (!keys[col]) {
      keys[col] = rows.map(function (r) {
        var c = r.cells[col], v = c.getAttribute("data-v");
        if (v === null) { v = c.textContent.trim().toLowerCase(); }
        return type === "num" ? (v === "" ? -1 : parseFloat(v)) : v;
      });
      rows.forEach(function (r, i) { r._i = i; });
    }
    return keys[col];
  }
  table.querySelectorAll("th button").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var th = btn.parentElement, col = th.cellIndex, type = btn.dataset.type;
      var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" :
                th.getAttribute("aria-sort") === "descending" ? "ascending" : (type === "num" ? "descending" : "ascending");
      table.querySelectorAll("th").forEach(function (h) { h.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", dir);
      var k = key(col, type), s = dir === "ascending" ? 1 : -1;
      view = view.slice().sort(function (x, y) {
        var a = k[x._i], b = k[y._i];
        return a < b ? -s : a > b ? s : x._i - y._i;
      });
      page = 0; render();
    });
  });
  var filter = document.getElementById("filter");
  filter.addEventListener("input", function () {
    var q = filter.value.trim().toLowerCase();
    if (!texts) { texts = rows.map(function (r) { return r.textContent.toLowerCase(); }); rows.forEach(function (r, i) { r._i = i; }); }
    view = q ? rows.filter(function (r) { return texts[r._i].indexOf(q) !== -1; }) : rows.slice();
    var th = table.querySelector('th[aria-sort="ascending"], th[aria-sort="descending"]');
    if (th) { th.setAttribute("aria-sort", th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending");
              th.querySelector("button").click(); }
    page = 0; render();
  });
  prev.addEventListener("click", function () { page--; render(); });
  next.addEventListener("click", function () { page++; render(); });
  window.addEventListener("beforeprint", function () {
    var frag = document.createDocumentFragment();
    view.forEach(function (r) { frag.appendChild(r); });
    tbody.textContent = ""; tbody.appendChild(frag);
  });
  window.addEventListener("afterprint", render);
  document.getElementById("toolbar").hidden = false;
  render();
  document.documentElement.classList.add("js");
})();
