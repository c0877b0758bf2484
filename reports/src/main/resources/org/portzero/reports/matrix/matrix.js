(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("matrix-data").textContent);
  var onlyDisagree = document.getElementById("only-disagree");
  var onlyFailing = document.getElementById("only-failing");
  var onlyChanged = document.getElementById("only-changed");   // present only with a baseline diff
  var text = document.getElementById("text");
  var shown = document.getElementById("shown");

  function apply() {
    var needle = text.value.trim().toLowerCase();
    var count = 0;
    document.querySelectorAll("tbody.family").forEach(function (body) {
      var visible = 0;
      body.querySelectorAll("tr.check").forEach(function (row) {
        var show = (!onlyDisagree.checked || row.dataset.disagree === "true")
          && (!onlyFailing.checked || row.dataset.failing === "true")
          && (!onlyChanged || !onlyChanged.checked || row.dataset.changed === "true")
          && (needle === "" || row.dataset.id.toLowerCase().indexOf(needle) >= 0);
        row.classList.toggle("hidden", !show);
        if (show) { visible++; }
      });
      body.classList.toggle("hidden", visible === 0);
      count += visible;
    });
    shown.textContent = count + " rows shown";
  }

  function el(tag, textContent) {
    var e = document.createElement(tag);
    if (textContent !== undefined && textContent !== null) { e.textContent = String(textContent); }
    return e;
  }

  function endpoint(ep) {
    if (!ep) { return ""; }
    return ep.address + ":" + ep.port + (ep.v4Mapped ? " (v4-mapped)" : "") + (ep.anyLocal ? " (wildcard)" : "");
  }

  function failure(f) {
    if (!f) { return ""; }
    return [f.errno, f.exception, f.message ? "\"" + f.message + "\"" : null].filter(Boolean).join(" ");
  }

  function open(platform, id) {
    var r = (data.results[platform] || {})[id];
    var body = document.getElementById("cell-body");
    body.textContent = "";
    body.appendChild(el("h2", id + " on " + platform));
    if (!r) { body.appendChild(el("p", "no result recorded")); }
    else {
      var facts = el("table");
      [["verdict", r.verdict], ["observed", r.observed], ["figures", r.figures], ["expected", r.expected], ["message", r.message],
       ["reason", r.reason], ["link", r.link], ["seed", r.seed], ["layer", r.layer],
       ["duration", r.durationMillis + " ms"], ["parameters", JSON.stringify(r.parameters || {})]]
        .forEach(function (kv) {
          if (kv[1] === null || kv[1] === undefined) { return; }
          var tr = el("tr"); tr.appendChild(el("th", kv[0])); tr.appendChild(el("td", kv[1])); facts.appendChild(tr);
        });
      body.appendChild(facts);
      (r.specs || []).forEach(function (s) {
        var a = el("a", s.name); a.href = s.url; body.appendChild(a); body.appendChild(document.createTextNode(" "));
      });
      body.appendChild(el("h3", "socket calls (" + (r.observations || []).length + (r.elided ? ", " + r.elided + " elided" : "") + ")"));
      var calls = el("table");
      var head = el("tr");
      ["layer", "socket", "operation", "arguments", "endpoint", "detail", "failure"].forEach(function (h) { head.appendChild(el("th", h)); });
      calls.appendChild(head);
      (r.observations || []).forEach(function (o) {
        var tr = el("tr");
        [o.layer, o.socket, o.operation, o.arguments, endpoint(o.endpoint), o.detail, failure(o.failure)]
          .forEach(function (v) { tr.appendChild(el("td", v)); });
        calls.appendChild(tr);
      });
      body.appendChild(calls);
      body.appendChild(el("pre", JSON.stringify(r, null, 2)));
    }
    document.getElementById("cell").showModal();
  }

  document.getElementById("matrix").addEventListener("click", function (e) {
    var td = e.target.closest("td[data-platform]");
    if (td) { open(td.dataset.platform, td.parentElement.dataset.id); }
  });
  [onlyDisagree, onlyFailing, onlyChanged].forEach(function (c) { if (c) { c.addEventListener("change", apply); } });
  text.addEventListener("input", apply);
  var params = new URLSearchParams(location.search);
  if (params.get("disagree") === "1") { onlyDisagree.checked = true; }
  if (params.get("failing") === "1") { onlyFailing.checked = true; }
  if (params.get("changed") === "1" && onlyChanged) { onlyChanged.checked = true; }
  if (params.get("q")) { text.value = params.get("q"); }
  apply();
  if (params.get("open")) { var p = params.get("open").split("/"); open(p[0], p[1]); }
}());
