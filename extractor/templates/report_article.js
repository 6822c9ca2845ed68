// Tooltip for highlights and map dots: hover or keyboard focus shows the extracted fields of the span and of
// every highlight it sits in (innermost first). textContent only: nothing is parsed as HTML.
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var labels = {quote: "quote", speaker: "speaker", cue: "verb", casualty: "casualty", weapon: "weapon",
                place: "place", date: "date", actor: "actor"};
  var current = null;
  function show(el) {
    var lines = [], n = el;
    tip.textContent = "";
    while (n && n.classList && (n.classList.contains("hl") || n.classList.contains("mapdot"))) {
      var row = document.createElement("div"), b = document.createElement("b");
      b.textContent = labels[n.dataset.k] || n.dataset.k;
      row.appendChild(b);
      row.appendChild(document.createTextNode(" " + n.dataset.tip));
      lines.push(row);
      n = n.parentElement;
    }
    lines.forEach(function (r) { tip.appendChild(r); });
    tip.hidden = false;
    var r = (el.querySelector(".dot") || el).getBoundingClientRect(), w = tip.offsetWidth, h = tip.offsetHeight;
    var x = Math.max(4, Math.min(r.left, window.innerWidth - w - 4));
    var y = r.bottom + 6;
    if (y + h > window.innerHeight - 4) { y = Math.max(4, r.top - h - 6); }
    tip.style.left = x + "px"; tip.style.top = y + "px";
    if (current && current !== el) { current.removeAttribute("aria-describedby"); }
    el.setAttribute("aria-describedby", "tip");
    current = el;
  }
  function hide() {
    tip.hidden = true;
    if (current) { current.removeAttribute("aria-describedby"); current = null; }
  }
  function target(ev) { return ev.target.closest ? ev.target.closest(".hl, .mapdot") : null; }
  document.addEventListener("mouseover", function (ev) { var el = target(ev); if (el) { show(el); } });
  document.addEventListener("mouseout", function (ev) {
    var el = target(ev);
    if (el && !(ev.relatedTarget && el.contains(ev.relatedTarget))) { hide(); }
  });
  document.addEventListener("focusin", function (ev) { var el = target(ev); if (el) { show(el); } else { hide(); } });
  document.addEventListener("focusout", function (ev) { if (target(ev)) { hide(); } });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { hide(); } });
  window.addEventListener("scroll", function () { if (current && document.activeElement !== current) { hide(); } },
                          {passive: true});
  // side panel links: focus and flash the highlight they point to
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest('a[href^="#hl-"]') : null;
    if (!a) { return; }
    var el = document.getElementById(a.getAttribute("href").slice(1));
    if (!el) { return; }
    ev.preventDefault();
    el.scrollIntoView({block: "center"});
    el.focus({preventScroll: true});
    el.classList.add("flash");
    setTimeout(function () { el.classList.remove("flash"); }, 1200);
  });
  // a link to a highlight (page.html#hl-c1, or #focus=hl-c1 to keep the scroll position when it is
  // already in view) opens with that span focused and its fields shown
  var m = /^#(?:focus=)?(hl-[A-Za-z0-9-]+)$/.exec(location.hash);
  var deep = m ? document.getElementById(m[1]) : null;
  if (deep && deep.classList.contains("hl")) {
    var box = deep.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) { deep.scrollIntoView({block: "center"}); }
    deep.focus({preventScroll: true});
    show(deep);
  }
  document.documentElement.classList.add("js");
})();
