// Keyboard shortcuts for the review page; everything also works without this file (plain forms and links).
(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("article.row"));
  var cur = 0;
  function pick(i, scroll) {
    if (!rows.length) return;
    cur = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (r, j) { r.classList.toggle("current", j === cur); });
    if (scroll) rows[cur].scrollIntoView({block: "nearest"});
  }
  var m = /^#r(\d+)$/.exec(location.hash);
  if (m) {  // the row asked for, or the first one after it (it may have left the filter)
    var want = +m[1], found = rows.findIndex(function (r) { return +r.dataset.pos >= want; });
    pick(found < 0 ? rows.length - 1 : found, true);
  } else { pick(0, false); }
  rows.forEach(function (r, j) { r.addEventListener("click", function () { pick(j, false); }); });
  function submit(cls) {
    var f = rows[cur] && rows[cur].querySelector("form." + cls);
    if (f) f.requestSubmit();
  }
  function go(id) { var a = document.getElementById(id); if (a) location.href = a.href; }
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (t.tagName === "TEXTAREA") {
      if (e.key === "Escape") { t.closest("details").open = false; t.blur(); e.preventDefault(); }
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { t.form.requestSubmit(); e.preventDefault(); }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || t.tagName === "INPUT" || t.tagName === "SELECT") return;
    var one = !!document.querySelector("nav.pager");
    switch (e.key) {
      case "j": if (one) go("next"); else pick(cur + 1, true); break;
      case "k": if (one) go("prev"); else pick(cur - 1, true); break;
      case "a": submit("approve"); break;
      case "x": submit("reject"); break;
      case "d": submit("reopen"); break;
      case "g": submit("regenerate"); break;
      case "e":
        var d = rows[cur] && rows[cur].querySelector("details.edit");
        if (d) { d.open = true; d.querySelector("textarea").focus(); }
        break;
      case "f": go(document.querySelector("#filter-findings.on") ? "filter-all" : "filter-findings"); break;
      case "v": go(document.querySelector("#view-one.on") ? "view-list" : "view-one"); break;
      case "p": document.getElementById("publish-form").requestSubmit(); break;
      default: return;
    }
    e.preventDefault();
  });
})();
