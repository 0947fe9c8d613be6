/* dipos report: draws the views of a dipos dataset from the JSON embedded in the page.
 *
 * Plain JavaScript (ES2017), no build step, no network: the page holds the data in
 * <script type="application/json" id="dipos-data"> and the skeleton made by
 * dipos.report.page.views_html(); this script fills #dr-matrix, #dr-evolution, #dr-graph,
 * #dr-timeline, #dr-positions and #dr-findings. The link graph is laid out by dagre
 * (vendor/dagre.min.js, global `dagre`); everything else is drawn here as HTML or SVG.
 *
 * User data is only ever put into the page as text (textContent, setAttribute), never
 * as HTML. Records may be invalid: every property is read defensively.
 *
 * window.diposReport exposes the state and a few functions for tests and for pages that
 * embed the views (see docs/report.md).
 */
(function () {
  "use strict";

  var root = document.getElementById("dipos-report");
  var dataElement = document.getElementById("dipos-data");
  if (!root || !dataElement) return;
  var started = performance.now();
  var D = JSON.parse(dataElement.textContent);
  var parsedMs = performance.now() - started;
  var SVGNS = "http://www.w3.org/2000/svg";
  var DAY_MS = 86400000;

  // ---------------------------------------------------------------- small helpers

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function svg(tag, attrs, children) {
    var node = document.createElementNS(SVGNS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) return;
      if (key === "text") node.textContent = String(value);
      else if (key === "onclick") node.addEventListener("click", value);
      else if (key === "onchange") node.addEventListener("change", value);
      else if (key === "oninput") node.addEventListener("input", value);
      else node.setAttribute(key, value === true ? "" : String(value));
    });
  }

  function append(node, children) {
    if (children === null || children === undefined) return;
    if (!Array.isArray(children)) children = [children];
    children.forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      if (Array.isArray(child)) append(node, child);
      else if (typeof child === "string" || typeof child === "number")
        node.appendChild(document.createTextNode(String(child)));
      else node.appendChild(child);
    });
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function strings(value) {
    return Array.isArray(value) ? value.filter(function (v) { return typeof v === "string"; }) : [];
  }

  function list(value) {
    return Array.isArray(value) ? value : [];
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function str(value) {
    return value === null || value === undefined ? "" : String(value);
  }

  function shorten(text, length) {
    text = str(text);
    return text.length > length ? text.slice(0, length - 1) + "…" : text;
  }

  function dayText(day) {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  // ---------------------------------------------------------------- the data, indexed

  var positions = list(D.positions);
  positions.forEach(function (p) {
    if (!isObject(p._)) p._ = { status: "valid", findings: [], date: null };
    p._.h = strings(p.holders);
    p._.t = strings(p.topics);
  });
  var byId = {};
  [D.actors, D.territories, D.sources, D.proposals, positions].forEach(function (records) {
    list(records).forEach(function (record) {
      if (!(record.id in byId)) byId[record.id] = record;
    });
  });
  var MOVES = {};
  list(D.codes.move).forEach(function (code) { MOVES[code.code] = code; });
  var OTHER_MOVE = D.codes.other_move;
  var MODALITY = {};
  list(D.codes.modality).forEach(function (code) { MODALITY[code.code] = code.title; });
  var RELATION = {};
  list(D.codes.link_relation).forEach(function (code) { RELATION[code.code] = code.title; });
  var RESPONSE = {};
  list(D.codes.response_kind).forEach(function (code) { RESPONSE[code.code] = code.title; });
  var TOPICS = D.codes.topic || {};

  // Who reaffirms or answers a position: shown on its card.
  var reverse = {};
  function addReverse(target, entry) {
    if (typeof target !== "string") return;
    (reverse[target] = reverse[target] || []).push(entry);
  }
  positions.forEach(function (p) {
    strings(p.reaffirms).forEach(function (t) { addReverse(t, { by: p.id, label: "reaffirmed by" }); });
    list(p.responds_to).forEach(function (r) {
      if (isObject(r)) addReverse(r.target, { by: p.id, label: (RESPONSE[r.response] || str(r.response)).toLowerCase() + " by" });
    });
    list(p.links).forEach(function (l) {
      if (isObject(l)) addReverse(l.target, { by: p.id, label: "linked from (" + (RELATION[l.relation] || str(l.relation)).toLowerCase() + ")" });
    });
  });

  // Actors that share a name are told apart by their id.
  var nameCount = {};
  list(D.actors).forEach(function (a) { if (a.name) nameCount[a.name] = (nameCount[a.name] || 0) + 1; });

  function nameOf(id) {
    var record = byId[id];
    if (!record) return str(id);
    if (record.type === "actor" && nameCount[record.name] > 1) return str(record.name) + " (" + id + ")";
    return str(record.name || record.title || record.summary || id);
  }

  function topicTitle(code) {
    return TOPICS[code] || str(code);
  }

  function moveOf(p) {
    return MOVES[p.move] || { code: str(p.move) || "(no move)", title: str(p.move) || "(no move)", colour: OTHER_MOVE.colour, shape: OTHER_MOVE.shape };
  }

  function dateOf(p) {
    return p._ && p._.date ? p._.date : null;
  }

  function firstDay(p) {
    var d = dateOf(p);
    if (!d) return null;
    return d.first !== null ? d.first : d.last;
  }

  function lastDay(p) {
    var d = dateOf(p);
    if (!d) return null;
    return d.last !== null ? d.last : d.first;
  }

  function anchorDay(p) {
    var d = dateOf(p);
    if (!d) return null;
    if (d.first === null) return d.last;
    if (d.last === null) return d.first;
    return Math.floor((d.first + d.last) / 2);
  }

  function byDate(a, b) {
    var fa = firstDay(a), fb = firstDay(b);
    if (fa === null && fb === null) return a.id < b.id ? -1 : 1;
    if (fa === null) return 1;
    if (fb === null) return -1;
    if (fa !== fb) return fa - fb;
    var la = lastDay(a), lb = lastDay(b);
    if (la !== lb) return la - lb;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  }

  // ---------------------------------------------------------------- shapes

  // Each path is centred on 0,0 and fits a circle of radius r.
  var SHAPES = {
    circle: function (r) { return "M" + r + ",0A" + r + "," + r + " 0 1,1 " + -r + ",0A" + r + "," + r + " 0 1,1 " + r + ",0Z"; },
    ring: function (r) { return SHAPES.circle(r) + SHAPES.circle(r * 0.45).replace(/A/g, "A"); },
    square: function (r) { var s = r * 0.82; return "M" + -s + "," + -s + "H" + s + "V" + s + "H" + -s + "Z"; },
    diamond: function (r) { return "M0," + -r + "L" + r + ",0L0," + r + "L" + -r + ",0Z"; },
    triangle: function (r) { return "M0," + -r + "L" + r * 0.95 + "," + r * 0.75 + "L" + -r * 0.95 + "," + r * 0.75 + "Z"; },
    "triangle-down": function (r) { return "M0," + r + "L" + r * 0.95 + "," + -r * 0.75 + "L" + -r * 0.95 + "," + -r * 0.75 + "Z"; },
    star: function (r) { return polygon(10, r, r * 0.45, -Math.PI / 2); },
    pentagon: function (r) { return polygon(5, r, r, -Math.PI / 2); },
    hexagon: function (r) { return polygon(6, r, r, 0); },
    cross: function (r) { var a = r * 0.35, b = r; return "M" + -b + "," + (-b + a) + "L" + (-b + a) + "," + -b + "L0," + -a + "L" + (b - a) + "," + -b + "L" + b + "," + (-b + a) + "L" + a + ",0L" + b + "," + (b - a) + "L" + (b - a) + "," + b + "L0," + a + "L" + (-b + a) + "," + b + "L" + -b + "," + (b - a) + "L" + -a + ",0Z"; },
    "x-square": function (r) { var s = r * 0.85, a = r * 0.3; return "M" + -s + "," + -s + "H" + s + "V" + s + "H" + -s + "Z M" + -a + ",0H" + a; },
    bolt: function (r) { return "M" + r * 0.2 + "," + -r + "L" + -r * 0.7 + "," + r * 0.15 + "H" + -r * 0.05 + "L" + -r * 0.25 + "," + r + "L" + r * 0.7 + "," + -r * 0.15 + "H" + r * 0.05 + "Z"; }
  };

  function polygon(points, outer, inner, start) {
    var d = "";
    for (var i = 0; i < points; i++) {
      var radius = i % 2 === 0 ? outer : inner;
      var angle = start + (i * 2 * Math.PI) / points;
      d += (i === 0 ? "M" : "L") + (radius * Math.cos(angle)).toFixed(2) + "," + (radius * Math.sin(angle)).toFixed(2);
    }
    return d + "Z";
  }

  function shapeNode(move, r, hollow) {
    var path = (SHAPES[move.shape] || SHAPES.circle)(r);
    return svg("path", {
      d: path,
      fill: hollow ? "#fff" : move.colour,
      stroke: move.shape === "x-square" ? "#333" : move.colour,
      "stroke-width": hollow ? 2 : 1,
      "fill-rule": "evenodd",
      class: "dr-shape"
    });
  }

  function moveIcon(p, size) {
    size = size || 14;
    var move = moveOf(p);
    var icon = svg("svg", { width: size, height: size, viewBox: "-8 -8 16 16", "aria-hidden": "true", class: "dr-icon", focusable: "false" }, shapeNode(move, 6.5, false));
    return icon;
  }

  function moveBadge(p) {
    var move = moveOf(p);
    return el("span", { class: "dr-move" }, [moveIcon(p), " ", move.title.toLowerCase()]);
  }

  function statusBadge(record) {
    var status = record._ ? record._.status : "valid";
    var labels = { valid: "✓ valid", warning: "⚠ warnings", invalid: "✖ invalid" };
    return el("span", { class: "dr-status dr-status-" + status, text: labels[status] || status });
  }

  // ---------------------------------------------------------------- state and filters

  var state = { from: null, to: null, actor: "", topic: "", search: "" };

  function inRange(p) {
    if (state.from === null && state.to === null) return true;
    var first = firstDay(p), last = lastDay(p);
    if (first === null) return false;
    var d = dateOf(p);
    var lo = d.first === null ? -Infinity : first;
    var hi = d.last === null ? Infinity : last;
    if (state.from !== null && hi < state.from) return false;
    if (state.to !== null && lo > state.to) return false;
    return true;
  }

  function visible(p) {
    if (!inRange(p)) return false;
    if (state.actor && p._.h.indexOf(state.actor) < 0) return false;
    if (state.topic && p._.t.indexOf(state.topic) < 0) return false;
    return true;
  }

  var holderCount = {};
  var topicCount = {};
  positions.forEach(function (p) {
    strings(p.holders).forEach(function (h) { holderCount[h] = (holderCount[h] || 0) + 1; });
    strings(p.topics).forEach(function (t) { topicCount[t] = (topicCount[t] || 0) + 1; });
  });
  var holdersByCount = Object.keys(holderCount).sort(function (a, b) {
    return holderCount[b] - holderCount[a] || nameOf(a).localeCompare(nameOf(b));
  });
  var topicsByCount = Object.keys(topicCount).sort(function (a, b) {
    return topicCount[b] - topicCount[a] || topicTitle(a).localeCompare(topicTitle(b));
  });

  function parseDay(value) {
    if (!value) return null;
    var ms = Date.parse(value + "T00:00:00Z");
    return isNaN(ms) ? null : Math.round(ms / DAY_MS);
  }

  function drawFilters() {
    var box = clear(document.getElementById("dr-filters"));
    var days = [];
    positions.forEach(function (p) {
      var f = firstDay(p), l = lastDay(p);
      if (f !== null) days.push(f);
      if (l !== null) days.push(l);
    });
    var min = days.length ? Math.min.apply(null, days) : null;
    var max = days.length ? Math.max.apply(null, days) : null;
    function dateInput(id, label, key) {
      return el("label", { for: id }, [label, el("input", {
        type: "date", id: id,
        min: min !== null ? dayText(min) : null, max: max !== null ? dayText(max) : null,
        onchange: function (event) { state[key] = parseDay(event.target.value); update(); }
      })]);
    }
    function select(id, label, key, values, title) {
      var options = [el("option", { value: "", text: "all" })].concat(values.map(function (v) {
        return el("option", { value: v, text: title(v) });
      }));
      return el("label", { for: id }, [label, el("select", { id: id, onchange: function (event) { state[key] = event.target.value; update(); } }, options)]);
    }
    append(box, [
      el("h2", { class: "dr-visually-hidden", text: "Filters" }),
      dateInput("dr-from", "From", "from"),
      dateInput("dr-to", "To", "to"),
      select("dr-actor", "Actor", "actor", holdersByCount, nameOf),
      select("dr-topic", "Topic", "topic", topicsByCount, topicTitle),
      el("button", { type: "button", class: "dr-button", onclick: function () {
        state.from = state.to = null; state.actor = state.topic = "";
        box.querySelectorAll("input,select").forEach(function (i) { i.value = ""; });
        update();
      } }, "Reset filters"),
      el("p", { class: "dr-filter-note", id: "dr-filter-note", "aria-live": "polite" })
    ]);
  }

  // ---------------------------------------------------------------- dialog

  var dialog = document.getElementById("dr-dialog");
  var dialogBody = document.getElementById("dr-dialog-body");
  var dialogTitle = document.getElementById("dr-dialog-title");
  dialog.querySelector(".dr-close").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close(); // a click on the backdrop
  });

  function openDialog(title, content) {
    dialogTitle.textContent = title;
    append(clear(dialogBody), content);
    if (!dialog.open) dialog.showModal();
    dialogBody.scrollTop = 0;
  }

  function openPosition(id) {
    var p = byId[id];
    if (!p) return;
    if (p.type === "position") openDialog("Position", card(p));
    else openDialog(str(p.type || "Record"), recordCard(p));
  }

  function positionLink(id, text) {
    return el("a", { href: "#p=" + encodeURIComponent(id), class: "dr-poslink", "data-id": id }, text || nameOf(id));
  }

  root.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.dr-poslink") : null;
    if (!link) return;
    event.preventDefault();
    openPosition(link.getAttribute("data-id"));
  });

  function positionList(items) {
    return el("ol", { class: "dr-list" }, items.map(function (p) {
      var d = dateOf(p);
      return el("li", null, [moveBadge(p), " ", el("span", { class: "dr-muted", text: (MODALITY[p.modality] || "").toLowerCase() }), " ",
        el("span", { class: "dr-date", text: d ? d.text : "undated" }), " — ", positionLink(p.id, shorten(p.summary || p.id, 160)), " ", statusBadge(p)]);
    }));
  }

  // ---------------------------------------------------------------- matrix

  function drawMatrix() {
    var box = clear(document.getElementById("dr-matrix"));
    var cells = {};
    var rowCount = {}, colCount = {};
    positions.forEach(function (p) {
      if (!visible(p)) return;
      p._.h.forEach(function (h) {
        p._.t.forEach(function (t) {
          if (state.topic && t !== state.topic) return;
          if (state.actor && h !== state.actor) return;
          var key = h + "\u0000" + t;
          (cells[key] = cells[key] || []).push(p);
          rowCount[h] = (rowCount[h] || 0) + 1;
          colCount[t] = (colCount[t] || 0) + 1;
        });
      });
    });
    var rows = holdersByCount.filter(function (h) { return rowCount[h]; });
    var cols = topicsByCount.filter(function (t) { return colCount[t]; });
    if (!rows.length) {
      append(box, el("p", { text: "No position in the chosen filters." }));
      return;
    }
    var head = el("tr", null, [el("th", { scope: "col", class: "dr-corner", text: "Actor \\ topic" })].concat(cols.map(function (t) {
      return el("th", { scope: "col", title: t }, topicTitle(t));
    })));
    var filled = 0;
    var body = rows.map(function (h) {
      return el("tr", null, [el("th", { scope: "row" }, nameOf(h))].concat(cols.map(function (t) {
        var items = cells[h + "\u0000" + t];
        if (!items) return el("td", { class: "dr-empty" });
        filled++;
        items.sort(byDate);
        var dated = items.filter(function (p) { return dateOf(p); });
        var latest = dated.length ? dated[dated.length - 1] : items[items.length - 1];
        var d = dateOf(latest);
        var move = moveOf(latest);
        var label = nameOf(h) + " on " + topicTitle(t) + ": latest " + move.title.toLowerCase() +
          (latest.modality ? ", " + latest.modality : "") + ", " + (d ? d.text : "undated") + "; " + plural(items.length, "position");
        var history = items.map(function (p) {
          var pd = dateOf(p);
          return (pd ? pd.value : "undated") + " " + moveOf(p).title.toLowerCase() + ": " + shorten(p.summary, 90);
        }).slice(-8).join("\n");
        var invalid = items.some(function (p) { return p._ && p._.status === "invalid"; });
        return el("td", null, el("button", {
          type: "button", class: "dr-cell" + (invalid ? " dr-has-invalid" : ""), "data-n": items.length,
          "aria-label": label, title: history + (items.length > 8 ? "\n…" : ""),
          onclick: function () { openDialog(nameOf(h) + " on " + topicTitle(t), [el("p", { class: "dr-muted", text: "All positions in the chosen dates, oldest first." }), positionList(items)]); }
        }, [el("span", { class: "dr-cell-move" }, [moveIcon(latest), " ", move.title.toLowerCase(),
            items.length > 1 ? el("span", { class: "dr-count", text: "×" + items.length }) : null,
            invalid ? el("span", { class: "dr-flag", text: "✖", title: "a position here is invalid" }) : null]),
          el("span", { class: "dr-cell-meta", text: [MODALITY[latest.modality] ? latest.modality : "", d ? d.value : "undated"].filter(Boolean).join(" · ") })]));
      })));
    });
    var table = el("table", { class: "dr-matrix", "data-cells": filled }, [
      el("caption", { class: "dr-visually-hidden", text: "Latest position of each actor (rows) on each topic (columns)" }),
      el("thead", null, head), el("tbody", null, body)]);
    append(box, el("div", { class: "dr-scroll dr-matrix-wrap", tabindex: "0", role: "region", "aria-label": "Position matrix (scrolls both ways)" }, table));
  }

  // ---------------------------------------------------------------- evolution

  var FATES = {
    current: { symbol: "●", text: "current" },
    reaffirmed: { symbol: "↻", text: "reaffirmed" },
    restated: { symbol: "=", text: "restated" },
    changed: { symbol: "→", text: "changed" },
    contradicted: { symbol: "✕", text: "contradicted" },
    dropped: { symbol: "…", text: "no longer reaffirmed" }
  };
  var evolutionActor = "";
  var THREAD_STEPS = 24;
  var EVOLUTION_OPEN = 6;

  function drawEvolution() {
    var box = clear(document.getElementById("dr-evolution"));
    var threads = D.threads || {};
    var actors = holdersByCount.filter(function (h) { return threads[h]; });
    if (!actors.length) {
      append(box, el("p", { text: "No dated position: nothing to show over time." }));
      return;
    }
    var actor = state.actor && threads[state.actor] ? state.actor : (threads[evolutionActor] ? evolutionActor : actors[0]);
    var chooser = el("label", { for: "dr-evolution-actor" }, ["Actor ", el("select", {
      id: "dr-evolution-actor",
      onchange: function (event) { evolutionActor = event.target.value; drawEvolution(); }
    }, actors.map(function (h) {
      var option = el("option", { value: h, text: nameOf(h) + " (" + holderCount[h] + ")" });
      if (h === actor) option.selected = true;
      return option;
    }))]);
    var topics = Object.keys(threads[actor]).filter(function (t) { return !state.topic || t === state.topic; });
    function lastOf(t) {
      var steps = threads[actor][t];
      var p = byId[steps[steps.length - 1][0]];
      return p ? lastDay(p) || 0 : 0;
    }
    topics.sort(function (a, b) { return lastOf(b) - lastOf(a); });
    function stepsOf(t) {
      return threads[actor][t].filter(function (s) { return byId[s[0]] && inRange(byId[s[0]]); });
    }
    function threadList(steps) {
      var shown = steps.length > THREAD_STEPS ? steps.slice(-THREAD_STEPS) : steps;
      var items = shown.map(function (s) {
        var p = byId[s[0]], fate = FATES[s[1]] || { symbol: "?", text: s[1] };
        var d = dateOf(p);
        return el("li", { class: "dr-step dr-fate-" + s[1] }, [
          el("span", { class: "dr-step-date", text: d ? d.value : "" }),
          el("span", { class: "dr-step-move" }, [moveBadge(p), p.modality && p.modality !== "firm" ? el("span", { class: "dr-muted", text: " (" + p.modality + ")" }) : null]),
          el("span", { class: "dr-step-summary" }, positionLink(p.id, shorten(p.summary || p.id, 140))),
          el("span", { class: "dr-fate", title: s[2] ? "by " + shorten(nameOf(s[2]), 120) : null }, [
            el("span", { "aria-hidden": "true", text: fate.symbol + " " }), fate.text,
            s[2] ? [" by ", positionLink(s[2], byId[s[2]] && dateOf(byId[s[2]]) ? dateOf(byId[s[2]]).value : "a later position")] : null])
        ]);
      });
      return [steps.length > shown.length ? el("p", { class: "dr-muted", text: "The latest " + shown.length + " of " + steps.length + "." }) : null,
        el("ol", { class: "dr-steps" }, items)];
    }
    // The most recently active topics are open; the others open on demand (drawn then).
    var sections = topics.map(function (t, n) {
      var steps = stepsOf(t);
      if (!steps.length) return null;
      var details = el("details", { class: "dr-thread", open: n < EVOLUTION_OPEN }, [
        el("summary", null, [el("h3", null, [topicTitle(t), el("span", { class: "dr-muted", text: " — " + plural(steps.length, "position") })])])]);
      var drawn = false;
      function fill() {
        if (drawn || !details.open) return;
        drawn = true;
        append(details, threadList(steps));
      }
      details.addEventListener("toggle", fill);
      fill();
      return details;
    });
    var undated = positions.filter(function (p) { return !dateOf(p) && strings(p.holders).indexOf(actor) >= 0 && (state.from === null && state.to === null); });
    append(box, [chooser, sections,
      undated.length ? el("details", { class: "dr-undated" }, [el("summary", { text: plural(undated.length, "undated position") + " (order unknown)" }), positionList(undated)]) : null]);
  }

  // ---------------------------------------------------------------- link graph

  var graphState = { groupBy: "actor", open: {}, kinds: {}, touched: false };
  var EDGE_KINDS = [
    { key: "precondition", label: "precondition", dash: "" },
    { key: "in_exchange_for", label: "in exchange for", dash: "8 4" },
    { key: "consequence_if_refused", label: "if refused", dash: "2 3" },
    { key: "elaborates", label: "elaborates", dash: "1 5" },
    { key: "same_as", label: "same as", dash: "12 3 2 3" },
    { key: "responds", label: "responds", dash: "6 2 1 2" },
    { key: "reaffirms", label: "reaffirms", dash: "4 4" },
    { key: "proposal_relation", label: "between proposals", dash: "10 3" }
  ];
  EDGE_KINDS.forEach(function (k) { graphState.kinds[k.key] = true; });
  var GRAPH_NODE_LIMIT = 400;
  var GROUP_OPEN_DEFAULT = 30;
  var GROUP_TABLE_LIMIT = 30;

  function graphEdges() {
    var edges = [];
    positions.forEach(function (p) {
      if (!visible(p)) return;
      list(p.links).forEach(function (l) {
        if (isObject(l) && typeof l.target === "string" && byId[l.target])
          edges.push({ from: p.id, to: l.target, kind: RELATION[l.relation] !== undefined ? l.relation : "precondition", label: (RELATION[l.relation] || str(l.relation)).toLowerCase() });
      });
      list(p.responds_to).forEach(function (r) {
        if (isObject(r) && typeof r.target === "string" && byId[r.target])
          edges.push({ from: p.id, to: r.target, kind: "responds", label: (RESPONSE[r.response] || str(r.response)).toLowerCase() });
      });
      strings(p.reaffirms).forEach(function (t) {
        if (byId[t]) edges.push({ from: p.id, to: t, kind: "reaffirms", label: "reaffirms" });
      });
    });
    // Proposals tied to each other (0.2 `relations`: part of a package, annex of, revises...).
    list(D.proposals).forEach(function (proposal) {
      list(proposal.relations).forEach(function (r) {
        if (isObject(r) && typeof r.target === "string" && byId[r.target])
          edges.push({ from: proposal.id, to: r.target, kind: "proposal_relation", label: str(r.relation).replace(/_/g, " ") });
      });
    });
    return edges.filter(function (e) {
      var target = byId[e.to];
      return graphState.kinds[e.kind] && (target.type !== "position" || visible(target));
    });
  }

  function groupOf(id) {
    var record = byId[id];
    if (graphState.groupBy === "proposal") {
      if (record.type === "proposal") return "proposal:" + id;
      var ref = list(record.proposal_points).filter(isObject)[0];
      return ref && typeof ref.proposal === "string" ? "proposal:" + ref.proposal : "proposal:";
    }
    if (record.type === "proposal") return "actor:" + (strings(record.proposed_by)[0] || "");
    return "actor:" + (strings(record.holders)[0] || "");
  }

  function groupName(key) {
    var id = key.slice(key.indexOf(":") + 1);
    if (!id) return key.indexOf("proposal:") === 0 ? "Not part of a proposal" : "No holder";
    return nameOf(id);
  }

  function drawGraph() {
    var box = clear(document.getElementById("dr-graph"));
    var edges = graphEdges();
    var members = {};
    var nodeIds = {};
    edges.forEach(function (e) { nodeIds[e.from] = true; nodeIds[e.to] = true; });
    Object.keys(nodeIds).forEach(function (id) {
      var g = groupOf(id);
      (members[g] = members[g] || []).push(id);
    });
    var groups = Object.keys(members).sort(function (a, b) { return members[b].length - members[a].length || groupName(a).localeCompare(groupName(b)); });
    var total = Object.keys(nodeIds).length;
    if (!graphState.touched) {
      // Small graphs open whole; otherwise the largest group small enough to read.
      graphState.open = {};
      if (total <= 40) groups.forEach(function (g) { graphState.open[g] = true; });
      else {
        var first = groups.filter(function (g) { return members[g].length <= GROUP_OPEN_DEFAULT; })[0];
        if (first) graphState.open[first] = true;
      }
    }
    var controls = el("div", { class: "dr-graph-controls" }, [
      el("label", { for: "dr-group-by" }, ["Group by ", el("select", {
        id: "dr-group-by", onchange: function (event) { graphState.groupBy = event.target.value; graphState.touched = false; drawGraph(); }
      }, [["actor", "actor (first holder)"], ["proposal", "proposal"]].map(function (o) {
        var option = el("option", { value: o[0], text: o[1] });
        if (o[0] === graphState.groupBy) option.selected = true;
        return option;
      }))]),
      el("fieldset", { class: "dr-kinds" }, [el("legend", { text: "Links shown" })].concat(EDGE_KINDS.map(function (k) {
        var id = "dr-kind-" + k.key;
        return el("label", { for: id, class: "dr-kind" }, [el("input", {
          type: "checkbox", id: id, checked: graphState.kinds[k.key],
          onchange: function (event) { graphState.kinds[k.key] = event.target.checked; drawGraph(); }
        }), " ", edgeSample(k), " ", k.label]);
      }))),
      el("div", { class: "dr-group-buttons" }, [
        el("button", { type: "button", class: "dr-button", disabled: total > GRAPH_NODE_LIMIT, onclick: function () {
          graphState.touched = true; groups.forEach(function (g) { graphState.open[g] = true; }); drawGraph();
        } }, "Open all groups"),
        el("button", { type: "button", class: "dr-button", onclick: function () {
          graphState.touched = true; graphState.open = {}; drawGraph();
        } }, "Close all groups")
      ])
    ]);
    append(box, controls);
    if (!edges.length) {
      append(box, el("p", { text: "No links between positions or proposals in the chosen filters." }));
      return;
    }
    var toggles = el("div", { class: "dr-groups", role: "group", "aria-label": "Groups: select to open or close" }, groups.map(function (g) {
      return el("button", {
        type: "button", class: "dr-chip", "aria-pressed": graphState.open[g] ? "true" : "false",
        onclick: function () { toggleGroup(g); }
      }, groupName(g) + " (" + members[g].length + ")");
    }));
    append(box, toggles);
    append(box, groupTable(edges, groups, members));
    var shownNodes = 0;
    groups.forEach(function (g) { if (graphState.open[g]) shownNodes += members[g].length; });
    if (!shownNodes) {
      append(box, el("p", { class: "dr-muted", text: "Open a group (a button above, or a number in the table) to draw its links." }));
      return;
    }
    if (shownNodes > GRAPH_NODE_LIMIT) {
      append(box, el("p", { class: "dr-warning", text: "Too many positions open at once (" + shownNodes + "): close some groups or filter by actor, topic or dates." }));
      return;
    }
    append(box, layoutGraph(edges, groups, members));
  }

  // The links between groups as a table (rows link to columns): readable however many
  // groups and links there are, where a drawing of them all would be a hairball.
  function groupTable(edges, groups, members) {
    var counts = {}, inside = {}, from = {}, to = {};
    edges.forEach(function (e) {
      var a = groupOf(e.from), b = groupOf(e.to);
      if (a === b) { inside[a] = (inside[a] || 0) + 1; return; }
      var key = a + "\u0000" + b;
      counts[key] = (counts[key] || 0) + 1;
      from[a] = true; to[b] = true;
    });
    var shown = groups.slice(0, GROUP_TABLE_LIMIT);
    var rows = shown.filter(function (g) { return from[g] || inside[g]; });
    var cols = shown.filter(function (g) { return to[g] || inside[g]; });
    if (!rows.length || !cols.length) return null;
    function label(g) { return shorten(groupName(g), 28); }
    var table = el("table", { class: "dr-group-matrix" }, [
      el("caption", { class: "dr-visually-hidden", text: "Links from the group of each row to the group of each column" }),
      el("thead", null, el("tr", null, [el("th", { scope: "col", text: "from \\ to" })].concat(cols.map(function (g) { return el("th", { scope: "col", title: groupName(g), text: label(g) }); })))),
      el("tbody", null, rows.map(function (a) {
        return el("tr", null, [el("th", { scope: "row", title: groupName(a), text: label(a) })].concat(cols.map(function (b) {
          var n = a === b ? inside[a] || 0 : counts[a + "\u0000" + b] || 0;
          if (!n) return el("td", { class: "dr-empty" });
          return el("td", null, el("button", {
            type: "button", class: "dr-link-count", "aria-label": plural(n, "link") + " from " + groupName(a) + " to " + groupName(b) + ": open both groups",
            onclick: function () {
              graphState.touched = true; graphState.open[a] = true; graphState.open[b] = true; drawGraph();
              var area = document.querySelector("#dr-graph .dr-graph-area");
              if (area) area.scrollIntoView({ block: "nearest" });
            }
          }, String(n)));
        })));
      }))
    ]);
    return [el("p", { class: "dr-muted dr-table-note", text: "Links from the group of each row to the group of each column; a number opens both groups." +
        (groups.length > shown.length ? " The " + shown.length + " largest of " + groups.length + " groups." : "") }),
      el("div", { class: "dr-scroll dr-group-matrix-wrap", tabindex: "0", role: "region", "aria-label": "Links between groups (scrolls)" }, table)];
  }

  function toggleGroup(g) {
    graphState.touched = true;
    graphState.open[g] = !graphState.open[g];
    drawGraph();
    var again = document.querySelector('#dr-graph [data-group="' + CSS.escape(g) + '"]');
    if (again) again.focus();
  }

  function edgeSample(kind) {
    return svg("svg", { width: 28, height: 8, "aria-hidden": "true", class: "dr-icon" }, svg("line", { x1: 0, y1: 4, x2: 28, y2: 4, stroke: "#333", "stroke-width": 2, "stroke-dasharray": kind.dash || null }));
  }

  // The words of a text in at most `lines` lines of `width` characters; "…" when cut.
  function wrapLines(text, width, lines) {
    var words = str(text).split(/\s+/).filter(Boolean), out = [], line = "", cut = false;
    for (var i = 0; i < words.length; i++) {
      var next = line ? line + " " + words[i] : words[i];
      if (next.length > width && line) {
        out.push(line);
        line = words[i];
        if (out.length === lines) { cut = true; break; }
      } else line = next;
    }
    if (!cut && line) out.push(line);
    out = out.map(function (l) { return l.length > width ? l.slice(0, width - 1) + "…" : l; });
    if (cut) out[lines - 1] = out[lines - 1].replace(/…$/, "").slice(0, width - 1) + "…";
    return out;
  }

  function layoutGraph(edges, groups, members, flat) {
    var narrow = (document.getElementById("dr-graph").clientWidth || 800) < 720;
    var boxWidth = narrow ? 160 : 190;
    // A compound layout (boxes around open groups) costs several times a plain one: only
    // when two groups or more are open (one open group is named above the drawing).
    var openGroups = groups.filter(function (group) { return graphState.open[group]; });
    var compound = !flat && openGroups.length > 1;
    var g = new dagre.graphlib.Graph({ compound: compound, multigraph: true });
    // Left to right on a wide screen; top to bottom on a phone, where height is cheap.
    g.setGraph({ rankdir: narrow ? "TB" : "LR", nodesep: narrow ? 10 : 14, ranksep: narrow ? 40 : 48, edgesep: 8, marginx: 12, marginy: 12 });
    g.setDefaultEdgeLabel(function () { return {}; });
    var nodeOf = {};
    groups.forEach(function (group) {
      if (graphState.open[group]) {
        if (compound) g.setNode(group, { kind: "cluster", group: group, label: groupName(group) });
        members[group].forEach(function (id) {
          nodeOf[id] = id;
          g.setNode(id, { kind: byId[id].type === "proposal" ? "proposal" : "position", id: id, width: boxWidth, height: 50 });
          if (compound) g.setParent(id, group);
        });
      } else {
        members[group].forEach(function (id) { nodeOf[id] = group; });
      }
    });
    // A closed group is drawn only where it meets an open one; links between closed
    // groups are in the table above.
    edges.forEach(function (e) {
      var a = nodeOf[e.from], b = nodeOf[e.to];
      [[a, e.from], [b, e.to]].forEach(function (end) {
        var node = end[0];
        if (node === end[1] || g.hasNode(node)) return;
        var other = node === a ? b : a;
        if (groups.indexOf(other) >= 0) return; // the other end is closed too
        g.setNode(node, { kind: "group", group: node, width: boxWidth, height: 44, count: members[node].length });
      });
    });
    var merged = {};
    var inner = {};
    edges.forEach(function (e) {
      var a = nodeOf[e.from], b = nodeOf[e.to];
      if (a === b) {
        if (!graphState.open[a]) inner[a] = (inner[a] || 0) + 1;
        return;
      }
      if (!g.hasNode(a) || !g.hasNode(b)) return; // between closed groups
      // Links to or from a closed group are one line (the tooltip breaks them down), so
      // that an open group's neighbourhood stays readable however many links there are.
      var between = a !== e.from || b !== e.to; // an end is a closed group
      var key = a + "\u0000" + b + (between ? "" : "\u0000" + e.kind + "\u0000" + e.label);
      var entry = merged[key] || (merged[key] = { a: a, b: b, kind: e.kind, label: e.label, count: 0, kinds: {} });
      entry.count++;
      entry.kinds[e.label] = (entry.kinds[e.label] || 0) + 1;
      if (entry.kind !== e.kind) entry.kind = "mixed";
    });
    var edgeList = Object.keys(merged).map(function (k) { return merged[k]; });
    edgeList.forEach(function (e, n) {
      var kinds = Object.keys(e.kinds);
      var label = kinds.length > 1 ? plural(e.count, "link") : e.count > 1 ? e.label + " ×" + e.count : e.label;
      e.detail = kinds.map(function (k) { return e.kinds[k] + " " + k; }).join(", ");
      g.setEdge(e.a, e.b, { label: label, kind: e.kind, width: Math.min(label.length * 6.5, 150), height: 14, labelpos: "c" }, "e" + n);
    });
    dagre.layout(g);
    // dagre's compound layout places nothing (NaN) for some graphs of several open groups;
    // then the same nodes are laid out without the boxes around groups.
    if (compound && g.nodes().some(function (n) {
      var v = g.node(n);
      return !isFinite(v.x) || !isFinite(v.y) || !isFinite(v.width) || !isFinite(v.height);
    })) return layoutGraph(edges, groups, members, true);
    var info = g.graph();
    var width = Math.ceil(info.width || 200), height = Math.ceil(info.height || 100);
    var dash = {};
    EDGE_KINDS.forEach(function (k) { dash[k.key] = k.dash; });
    var drawing = svg("svg", {
      class: "dr-graph-svg", width: width, height: height, viewBox: "0 0 " + width + " " + height, role: "group",
      "aria-label": "Link graph: " + plural(g.nodeCount(), "node") + ", " + plural(edgeList.length, "link"),
      "data-nodes": g.nodes().filter(function (n) { return g.node(n).kind !== "cluster"; }).length, "data-edges": edgeList.length
    });
    append(drawing, svg("defs", null, svg("marker", { id: "dr-arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, svg("path", { d: "M0,0L10,5L0,10Z", fill: "#444" }))));
    g.nodes().forEach(function (n) {
      var node = g.node(n);
      if (node.kind !== "cluster") return;
      var x = node.x - node.width / 2, y = node.y - node.height / 2;
      var head = svg("g", { class: "dr-cluster-head", tabindex: 0, role: "button", "data-group": node.group, "aria-label": "Close group " + node.label, "aria-expanded": "true" }, [
        svg("text", { x: x + 8, y: y + 14, class: "dr-cluster-label", text: "▾ " + shorten(node.label, 40) })]);
      activate(head, function () { toggleGroup(node.group); });
      append(drawing, [svg("rect", { x: x, y: y, width: node.width, height: node.height, rx: 8, class: "dr-cluster" }), head]);
    });
    edgeList.forEach(function (e, n) {
      var edge = g.edge({ v: e.a, w: e.b, name: "e" + n });
      var pts = edge.points || [];
      if (!pts.length) return;
      var d = "M" + pts[0].x.toFixed(1) + "," + pts[0].y.toFixed(1);
      for (var i = 1; i < pts.length; i++) d += "L" + pts[i].x.toFixed(1) + "," + pts[i].y.toFixed(1);
      var title = groupLabel(e.a) + " → " + groupLabel(e.b) + ": " + e.detail;
      append(drawing, svg("g", { class: "dr-edge dr-edge-" + e.kind }, [
        svg("title", { text: title }),
        svg("path", { d: d, fill: "none", stroke: "#444", "stroke-width": (1.3 + Math.log2(e.count) * 0.6).toFixed(1), "stroke-dasharray": dash[e.kind] || null, "marker-end": "url(#dr-arrow)" }),
        edge.x !== undefined ? svg("text", { x: edge.x, y: edge.y + 4, class: "dr-edge-label", "text-anchor": "middle", text: edge.label }) : null
      ]));
    });
    g.nodes().forEach(function (n) {
      var node = g.node(n);
      if (node.kind === "cluster") return;
      var x = node.x - node.width / 2, y = node.y - node.height / 2;
      var group, label, lines;
      if (node.kind === "group") {
        label = groupName(node.group) + ": " + plural(node.count, "record") + (inner[n] ? ", " + plural(inner[n], "link") + " inside" : "") + " (closed; select to open)";
        group = svg("g", { class: "dr-node dr-node-group", tabindex: 0, role: "button", "data-group": node.group, "aria-label": label, "aria-expanded": "false" }, [
          svg("title", { text: label }),
          svg("rect", { x: x, y: y, width: node.width, height: node.height, rx: 10, class: "dr-group-box" }),
          svg("text", { x: x + 10, y: y + 18, class: "dr-node-title", text: "▸ " + shorten(groupName(node.group), narrow ? 21 : 26) }),
          svg("text", { x: x + 10, y: y + 34, class: "dr-node-text", text: plural(node.count, "record") + (inner[n] ? " · " + inner[n] + " inside" : "") })
        ]);
        activate(group, function () { toggleGroup(node.group); });
      } else {
        var record = byId[node.id];
        var isProposal = node.kind === "proposal";
        label = (isProposal ? "Proposal: " + nameOf(node.id) : moveOf(record).title + " by " + strings(record.holders).map(nameOf).join(", ") + ": " + str(record.summary));
        lines = wrapLines(isProposal ? "Proposal: " + nameOf(node.id) : record.summary || record.id, (isProposal ? 27 : 23) - (narrow ? 4 : 0), 2);
        var invalid = record._ && record._.status === "invalid";
        group = svg("g", { class: "dr-node" + (isProposal ? " dr-node-proposal" : "") + (invalid ? " dr-node-invalid" : ""), tabindex: 0, role: "button", "aria-label": label + (invalid ? " (invalid)" : "") }, [
          svg("title", { text: label }),
          svg("rect", { x: x, y: y, width: node.width, height: node.height, rx: isProposal ? 2 : 6, class: "dr-node-box" }),
          isProposal ? null : svg("g", { transform: "translate(" + (x + 12) + "," + (y + 14) + ")" }, shapeNode(moveOf(record), 6, dateOf(record) && dateOf(record).hedged)),
          lines.map(function (line, i) { return svg("text", { x: x + (isProposal ? 8 : 24), y: y + 18 + i * 15, class: "dr-node-text", text: line }); }),
          invalid ? svg("text", { x: x + node.width - 14, y: y + 14, class: "dr-node-flag", text: "✖" }) : null
        ]);
        activate(group, function () { openPosition(node.id); });
      }
      append(drawing, group);
    });
    var area = el("div", { class: "dr-scroll dr-graph-area", tabindex: "0", role: "region", "aria-label": "Link graph drawing (scrolls)" }, drawing);
    if (compound || openGroups.length !== 1) return area;
    var only = openGroups[0];
    return [el("button", { type: "button", class: "dr-button dr-cluster-head", "data-group": only, "aria-expanded": "true",
      onclick: function () { toggleGroup(only); } }, "▾ " + groupName(only) + ": " + plural(members[only].length, "record") + " (close)"), area];
  }

  function groupLabel(node) {
    return byId[node] ? shorten(nameOf(node), 60) : groupName(node);
  }

  function activate(node, fn) {
    node.addEventListener("click", fn);
    node.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        fn();
      }
    });
  }

  // ---------------------------------------------------------------- timeline

  var timelineState = { allLanes: false, width: 0 };
  var LANES_SHOWN = 15;

  function drawTimeline() {
    var box = clear(document.getElementById("dr-timeline"));
    var width = Math.max(280, Math.floor(box.clientWidth || root.clientWidth || 800));
    timelineState.width = width;
    var lanes = {};
    var lo = Infinity, hi = -Infinity;
    positions.forEach(function (p) {
      if (!visible(p) || !dateOf(p)) return;
      var f = firstDay(p), l = lastDay(p);
      lo = Math.min(lo, f); hi = Math.max(hi, l);
      var holders = strings(p.holders);
      (holders.length ? holders : [""]).forEach(function (h) { (lanes[h] = lanes[h] || []).push(p); });
    });
    var order = Object.keys(lanes).sort(function (a, b) { return lanes[b].length - lanes[a].length || nameOf(a).localeCompare(nameOf(b)); });
    if (!order.length) {
      append(box, el("p", { text: "No dated position in the chosen filters." }));
      return;
    }
    if (state.from !== null) lo = state.from;
    if (state.to !== null) hi = state.to;
    var start = Date.UTC(new Date(lo * DAY_MS).getUTCFullYear(), 0, 1) / DAY_MS;
    var endYear = new Date(hi * DAY_MS).getUTCFullYear() + 1;
    var end = Date.UTC(endYear, 0, 1) / DAY_MS;
    if (state.from !== null || state.to !== null) { start = lo; end = hi + 1; }
    var wide = width >= 720;
    var left = wide ? 170 : 8, right = 14, top = 30;
    var plot = width - left - right;
    var perDay = plot / Math.max(1, end - start);
    var binDays = Math.max(1, Math.ceil(28 / perDay));
    function x(day) { return left + (day - start) * perDay; }
    var shown = timelineState.allLanes ? order : order.slice(0, LANES_SHOWN);
    var laneHeight = wide ? 40 : 52;
    var height = top + shown.length * laneHeight + 8;
    var entries = 0, marks = 0;
    var drawing = svg("svg", { class: "dr-timeline-svg", width: width, height: height, viewBox: "0 0 " + width + " " + height, role: "group" });
    // The axis: years, and months when there is room.
    var axis = svg("g", { class: "dr-axis", "aria-hidden": "true" });
    var startYear = new Date(start * DAY_MS).getUTCFullYear();
    var lastLabel = -Infinity;
    for (var year = startYear; year <= endYear; year++) {
      var yearStart = Date.UTC(year, 0, 1) / DAY_MS;
      if (perDay * 30 >= 26) {
        for (var month = 0; month < 12; month++) {
          var monthDay = Date.UTC(year, month, 1) / DAY_MS;
          if (monthDay <= start || monthDay >= end) continue;
          var mx = x(monthDay);
          append(axis, svg("line", { x1: mx, x2: mx, y1: top - 4, y2: height - 8, class: "dr-grid-minor" }));
          if (perDay * 30 >= 34 && month > 0) append(axis, svg("text", { x: mx + 2, y: top - 6, class: "dr-axis-minor", text: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month] }));
        }
      }
      if (yearStart < start || yearStart > end) continue;
      var yx = x(yearStart);
      append(axis, svg("line", { x1: yx, x2: yx, y1: top - 14, y2: height - 8, class: "dr-grid" }));
      if (yx - lastLabel >= 40 && yx < width - 30) {
        append(axis, svg("text", { x: yx + 3, y: 12, class: "dr-axis-label", text: String(year) }));
        lastLabel = yx;
      }
    }
    append(drawing, axis);
    shown.forEach(function (h, n) {
      var y = top + n * laneHeight;
      var laneTop = y;
      var markY = wide ? y + 13 : y + 25;
      var lane = svg("g", { class: "dr-lane", role: "group", "aria-label": (h ? nameOf(h) : "No holder") + ": " + plural(lanes[h].length, "dated position") });
      if (n % 2 === 0) append(lane, svg("rect", { x: 0, y: laneTop, width: width, height: laneHeight, class: "dr-lane-band" }));
      append(lane, svg("text", { x: wide ? 8 : left, y: wide ? laneTop + 17 : laneTop + 12, class: "dr-lane-label", text: shorten(h ? nameOf(h) : "No holder", wide ? 24 : 48) + (wide ? "" : " (" + lanes[h].length + ")") }, svg("title", { text: (h ? nameOf(h) : "No holder") + ": " + plural(lanes[h].length, "dated position") })));
      var bins = {};
      lanes[h].forEach(function (p) {
        var key = Math.floor((anchorDay(p) - start) / binDays);
        (bins[key] = bins[key] || []).push(p);
      });
      Object.keys(bins).forEach(function (key) {
        var items = bins[key].sort(byDate);
        entries += items.length;
        marks++;
        var counts = {};
        items.forEach(function (p) { counts[moveOf(p).code] = (counts[moveOf(p).code] || 0) + 1; });
        var main = items[items.length - 1];
        items.forEach(function (p) { if (counts[moveOf(p).code] > counts[moveOf(main).code]) main = p; });
        var mid = items.reduce(function (s, p) { return s + anchorDay(p); }, 0) / items.length;
        var cx = Math.min(width - right - 4, Math.max(left + 4, x(mid + 0.5)));
        var hedged = items.every(function (p) { return dateOf(p).hedged; });
        var parts = [];
        var single = items.every(function (p) { return dateOf(p).value === dateOf(items[0]).value; });
        var d0 = dateOf(items[0]);
        if (single && !d0.point) {
          var bx1 = d0.first === null ? Math.max(left, cx - 24) : Math.max(left, x(d0.first));
          var bx2 = d0.last === null ? cx + 24 : Math.min(width - right, x(d0.last + 1));
          parts.push(svg("line", { x1: bx1, x2: Math.max(bx2, bx1 + 2), y1: markY + 9, y2: markY + 9, class: "dr-span" + (d0.first === null || d0.last === null ? " dr-span-open" : "") }));
        }
        var description = (h ? nameOf(h) : "No holder") + ", " + (single ? d0.text : dayText(firstDay(items[0])) + " to " + dayText(lastDay(items[items.length - 1]))) + ": " +
          (items.length === 1 ? moveOf(main).title.toLowerCase() + " — " + str(main.summary) : plural(items.length, "position") + " (" + Object.keys(counts).map(function (c) { return counts[c] + " " + c; }).join(", ") + ")");
        parts.push(svg("title", { text: description }));
        parts.push(svg("g", { transform: "translate(" + cx.toFixed(1) + "," + markY + ")" }, shapeNode(moveOf(main), items.length > 1 ? 7 : 6, hedged)));
        if (items.length > 1) parts.push(svg("text", { x: cx, y: markY + 22, "text-anchor": "middle", class: "dr-mark-count", text: String(items.length) }));
        var mark = svg("g", { class: "dr-mark", tabindex: 0, role: "button", "aria-label": description, "data-n": items.length }, parts);
        activate(mark, function () {
          if (items.length === 1) openPosition(main.id);
          else openDialog(description.split(":")[0], positionList(items));
        });
        append(lane, mark);
      });
      append(drawing, lane);
    });
    drawing.setAttribute("aria-label", "Timeline: " + plural(entries, "dated position") + " in " + plural(marks, "mark") + ", " + plural(shown.length, "lane") + " of " + order.length);
    drawing.setAttribute("data-entries", entries);
    drawing.setAttribute("data-marks", marks);
    append(box, drawing);
    if (order.length > LANES_SHOWN) {
      append(box, el("button", { type: "button", class: "dr-button", onclick: function () { timelineState.allLanes = !timelineState.allLanes; drawTimeline(); } },
        timelineState.allLanes ? "Show the " + LANES_SHOWN + " busiest lanes only" : "Show all " + order.length + " lanes"));
    }
    append(box, timelineLegend());
  }

  function timelineLegend() {
    return el("ul", { class: "dr-legend", "aria-label": "Key to the shapes" }, list(D.codes.move).map(function (code) {
      return el("li", null, [svg("svg", { width: 16, height: 16, viewBox: "-8 -8 16 16", "aria-hidden": "true", class: "dr-icon" }, shapeNode(code, 6.5, false)), " " + code.title.toLowerCase()]);
    }).concat([
      el("li", null, [svg("svg", { width: 16, height: 16, viewBox: "-8 -8 16 16", "aria-hidden": "true", class: "dr-icon" }, shapeNode(list(D.codes.move)[0] || OTHER_MOVE, 6, true)), " hollow: date uncertain or approximate"]),
      el("li", null, [svg("svg", { width: 24, height: 8, "aria-hidden": "true", class: "dr-icon" }, svg("line", { x1: 0, x2: 24, y1: 4, y2: 4, class: "dr-span" })), " date spans a month, a year or an interval"])
    ]));
  }

  // ---------------------------------------------------------------- position cards

  var cardState = { limit: 50, search: "" };

  function dl(rows) {
    var items = [];
    rows.forEach(function (row) {
      if (!row || row[1] === null || row[1] === undefined || row[1] === "" || (Array.isArray(row[1]) && !row[1].length)) return;
      items.push(el("dt", { text: row[0] }), el("dd", null, row[1]));
    });
    return el("dl", { class: "dr-fields" }, items);
  }

  function names(ids) {
    var out = [];
    strings(ids).forEach(function (id, i) {
      if (i) out.push(", ");
      out.push(el("span", { title: id, text: nameOf(id) }));
    });
    return out;
  }

  // A value of a field the report has no special view for, as readable text.
  function generic(value) {
    if (value === null || value === undefined) return "";
    if (Array.isArray(value)) return el("ul", { class: "dr-generic" }, value.map(function (v) { return el("li", null, generic(v)); }));
    if (isObject(value)) {
      return dl(Object.keys(value).map(function (k) {
        var v = value[k];
        if (typeof v === "string" && byId[v] && k !== "id") return [k, refLink(v)];
        return [k, generic(v)];
      }));
    }
    if (typeof value === "string" && byId[value]) return refLink(value);
    return str(value);
  }

  function refLink(id) {
    var record = byId[id];
    if (record && (record.type === "position" || record.type === "proposal")) return positionLink(id, shorten(nameOf(id), 120));
    return el("span", { title: id, text: nameOf(id) });
  }

  function dateWords(value) {
    if (isObject(value)) return str(value.value) + (value.basis ? " (" + value.basis + ")" : "");
    return str(value);
  }

  function numberText(value) {
    // 1,200,000 rather than 1200000; a fraction is kept as written, never rounded.
    if (typeof value !== "number" || !isFinite(value)) return str(value);
    var written = String(value);
    if (/e/i.test(written)) return written;
    var parts = written.split(".");
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return parts.join(".");
  }

  function quantityText(q) {
    if (!isObject(q)) return str(q);
    var parts = [];
    if (q.comparison && q.comparison !== "exact") parts.push(str(q.comparison).replace(/_/g, " "));
    parts.push(numberText(q.value) + " " + str(q.unit));
    if (q.item) parts.push("of " + str(q.item));
    if (q.measure) parts.push("[" + str(q.measure) + "]");
    if (q.measures) parts.push("— " + str(q.measures));
    var text = parts.join(" ");
    var nested = list(q.applies_to).map(quantityText);
    return nested.length ? text + " (applies to: " + nested.join("; ") + ")" : text;
  }

  function relTime(r) {
    if (!isObject(r)) return str(r);
    var from = r.after ? " after " + str(r.after) : "";
    if (isObject(r.counted_from)) {
      var ref = r.counted_from;
      from += " counted from " + (ref.milestone ? str(ref.milestone).replace(/_/g, " ") + " of " : "") + nameOf(ref.target) +
        (list(ref.points).length ? " (points " + list(ref.points).join(", ") + ")" : "");
    }
    var unit = str(r.unit).replace(/_/g, " ");
    if (r.amount !== 1 && unit && !/s$/.test(unit)) unit += "s";
    return str(r.amount) + " " + unit + from;
  }

  function deadlineText(d) {
    if (!isObject(d)) return str(d);
    var parts = [];
    if (d.timing) parts.push(str(d.timing).replace(/_/g, " "));
    if (d.date) parts.push(dateWords(d.date));
    if (d.within) parts.push("within " + relTime(d.within));
    if (d.bounds) parts.push("(bounds " + str(d.bounds).replace(/_/g, " ") + ")");
    if (d.description) parts.push("— " + str(d.description));
    return parts.join(" ");
  }

  var KNOWN = ["type", "id", "_", "holders", "speaker", "addressees", "move", "topics", "summary", "territories", "quantities", "deadlines",
    "modality", "links", "responds_to", "reaffirms", "proposal_points", "stated_on", "venue", "evidence", "notes", "roles", "recognition", "reciprocal", "duration"];

  function card(p) {
    var d = dateOf(p);
    var rows = [
      ["Holders", names(p.holders)],
      ["Speaker", p.speaker ? names([p.speaker]) : null],
      ["Addressees", names(p.addressees)],
      ["Roles", list(p.roles).filter(isObject).map(function (r, i) {
        return el("span", { class: "dr-role" }, [i ? "; " : "", nameOf(r.actor), " — ", str(r.role).replace(/_/g, " "), r.capacity ? " (" + str(r.capacity) + ")" : "", r.note ? ": " + str(r.note) : ""]);
      })],
      ["Topics", strings(p.topics).map(topicTitle).join(", ")],
      ["Stated", d ? d.text + (d.basis ? " (" + d.basis + ")" : "") + (d.text !== d.value ? " [" + d.value + "]" : "") : (p.stated_on ? dateWords(p.stated_on) + " (cannot be placed)" : "not known")],
      ["Venue", str(p.venue)],
      ["Modality", p.modality ? (MODALITY[p.modality] || str(p.modality)) : null],
      ["Reciprocal", p.reciprocal === true ? "yes: binds the parties mutually" : p.reciprocal === false ? "no" : null],
      ["Recognition", isObject(p.recognition) ? [str(p.recognition.status).replace(/_/g, " "),
        p.recognition.as_part_of ? " as part of " + nameOf(p.recognition.as_part_of) : "",
        p.recognition.independent ? " as independent" : "",
        strings(p.recognition.by).length ? " by " + strings(p.recognition.by).map(nameOf).join(", ") : "",
        p.recognition.note ? " — " + str(p.recognition.note) : ""].join("") : null],
      ["Territories", list(p.territories).map(function (t) {
        if (!isObject(t)) return el("div", { text: str(t) });
        var bits = [nameOf(t.territory), " — ", str(t.extent).replace(/_/g, " ")];
        if (t.excluded) bits.push(" (excluded)");
        if (t.as_of) bits.push(" as of " + dateWords(t.as_of));
        if (isObject(t.zone)) bits.push(" zone: " + quantityText(t.zone.distance) + " from " + nameOf(t.zone.from) + (t.zone.sides ? " (" + t.zone.sides + " side" + (t.zone.sides === "both" ? "s" : "") + ")" : ""));
        if (t.note) bits.push(": " + str(t.note));
        return el("div", null, bits);
      })],
      ["Quantities", list(p.quantities).map(function (q) { return el("div", { text: quantityText(q) }); })],
      ["Deadlines", list(p.deadlines).map(function (q) { return el("div", { text: deadlineText(q) }); })],
      ["Duration", isObject(p.duration) ? relTime(p.duration) : null],
      ["Links", list(p.links).filter(isObject).map(function (l) {
        return el("div", null, [(RELATION[l.relation] || str(l.relation)) + (l.order ? " (" + l.order + ")" : "") + ": ", refLink(l.target), l.note ? " — " + str(l.note) : ""]);
      })],
      ["Responds to", list(p.responds_to).filter(isObject).map(function (r) {
        return el("div", null, [(RESPONSE[r.response] || str(r.response)) + ": ", refLink(r.target), list(r.points).length ? " (points " + list(r.points).join(", ") + ")" : ""]);
      })],
      ["Reaffirms", strings(p.reaffirms).map(function (id) { return el("div", null, refLink(id)); })],
      ["Referred to by", list(reverse[p.id]).map(function (r) { return el("div", null, [r.label + ": ", refLink(r.by)]); })],
      ["Part of", list(p.proposal_points).filter(isObject).map(function (r) {
        return el("div", null, [refLink(r.proposal), list(r.points).length ? " — points " + list(r.points).join(", ") : ""]);
      })],
      ["Notes", str(p.notes)]
    ];
    var other = Object.keys(p).filter(function (k) { return KNOWN.indexOf(k) < 0; });
    other.forEach(function (k) { rows.push([k, generic(p[k])]); });
    rows.push(["Id", el("code", { text: p.id })]);
    rows.push(["File", p._ && p._.file ? str(p._.file) : null]);
    return el("article", { class: "dr-card dr-card-" + (p._ ? p._.status : "valid"), "data-id": p.id }, [
      el("div", { class: "dr-card-head" }, [moveBadge(p), p.modality ? el("span", { class: "dr-tag", text: p.modality }) : null,
        el("span", { class: "dr-date", text: d ? d.value : "undated" }), statusBadge(p)]),
      el("h3", { class: "dr-card-title" }, str(p.summary) || "(no summary)"),
      dl(rows),
      evidence(p),
      findingsOf(p)
    ]);
  }

  function recordCard(r) {
    var rows = Object.keys(r).filter(function (k) { return k !== "_"; }).map(function (k) { return [k, generic(r[k])]; });
    return el("article", { class: "dr-card" }, [el("div", { class: "dr-card-head" }, [str(r.type), statusBadge(r)]), el("h3", { class: "dr-card-title", text: nameOf(r.id) }), dl(rows), findingsOf(r)]);
  }

  function evidence(p) {
    var items = list(p.evidence).filter(isObject);
    if (!items.length) return el("p", { class: "dr-warning", text: "No evidence recorded." });
    return el("div", { class: "dr-evidence" }, [el("h4", { text: "Evidence" })].concat(items.map(function (e) {
      var source = byId[e.source];
      var sourceBits = [];
      if (source) {
        // A source without a title (a text that has no headline) is named by its description.
        var title = source.title ? str(source.title) : source.description ? shorten(source.description, 110) : str(source.id);
        sourceBits.push(typeof source.url === "string" && /^https?:\/\//.test(source.url) ? el("a", { href: source.url, rel: "noopener noreferrer external", text: title }) : el("span", { text: title }));
        if (source.kind) sourceBits.push(" (" + str(source.kind).replace(/_/g, " ") + ")");
        if (source.publisher) sourceBits.push(", " + str(source.publisher));
        if (source.published_on) sourceBits.push(", " + dateWords(source.published_on));
      } else sourceBits.push(el("span", { text: "source " + str(e.source) + " (not found)" }));
      return el("figure", { class: "dr-quote" }, [
        el("blockquote", { text: str(e.quote) }),
        el("figcaption", null, [str(e.quote_kind) === "direct" ? "Direct quote" : str(e.quote_kind) === "paraphrase" ? "The source's words" : str(e.quote_kind),
          e.translated ? " (translated)" : "", " — ", sourceBits, e.note ? el("div", { class: "dr-muted", text: str(e.note) }) : null])
      ]);
    })));
  }

  function findingsOf(record) {
    var numbers = record._ ? list(record._.findings) : [];
    if (!numbers.length) return null;
    return el("div", { class: "dr-card-findings" }, [el("h4", { text: "Validation" }), findingList(numbers.map(function (n) { return D.findings[n]; }).filter(Boolean), false)]);
  }

  function findingList(items, withRecord) {
    return el("ul", { class: "dr-findings" }, items.map(function (f) {
      return el("li", { class: "dr-finding dr-sev-" + f.severity }, [
        el("span", { class: "dr-sev", text: f.severity === "error" ? "✖ error" : f.severity === "warning" ? "⚠ warning" : "ℹ info" }), " ",
        el("a", { href: f.docs, rel: "noopener noreferrer external", class: "dr-rule", text: f.rule }), " ",
        el("span", { class: "dr-where", text: [f.file, f.line].filter(function (v) { return v !== null && v !== undefined; }).join(":") + " " + str(f.path) }),
        withRecord && f.record && byId[f.record] ? [" ", refLink(f.record)] : null,
        el("div", { text: f.message }),
        f.hint ? el("div", { class: "dr-muted", text: "How to fix: " + f.hint }) : null
      ]);
    }));
  }

  function matchesSearch(p) {
    if (!cardState.search) return true;
    var needle = cardState.search.toLowerCase();
    if (str(p.summary).toLowerCase().indexOf(needle) >= 0 || str(p.id).toLowerCase().indexOf(needle) >= 0) return true;
    return list(p.evidence).some(function (e) { return isObject(e) && str(e.quote).toLowerCase().indexOf(needle) >= 0; });
  }

  // Dated positions newest first, then the undated ones (their order unknown).
  function newestFirst(items) {
    var dated = items.filter(dateOf).sort(byDate).reverse();
    return dated.concat(items.filter(function (p) { return !dateOf(p); }));
  }

  function drawPositions() {
    var box = clear(document.getElementById("dr-positions"));
    var items = newestFirst(positions.filter(function (p) { return visible(p) && matchesSearch(p); }));
    var search = el("label", { for: "dr-search", class: "dr-search" }, ["Search summaries, quotes and ids ", el("input", {
      type: "search", id: "dr-search", value: cardState.search,
      oninput: debounce(function () { cardState.search = document.getElementById("dr-search").value; cardState.limit = 50; drawPositionList(); }, 200)
    })]);
    append(box, [search, el("div", { id: "dr-position-list" })]);
    drawPositionList(items);
  }

  function drawPositionList(items) {
    items = items || newestFirst(positions.filter(function (p) { return visible(p) && matchesSearch(p); }));
    var box = clear(document.getElementById("dr-position-list"));
    var shown = items.slice(0, cardState.limit);
    append(box, [el("p", { class: "dr-muted", "aria-live": "polite", text: plural(items.length, "position") + ", newest first (undated last)" + (items.length > shown.length ? "; showing " + shown.length : "") + "." }),
      el("div", { class: "dr-cards" }, shown.map(card)),
      items.length > shown.length ? el("button", { type: "button", class: "dr-button", onclick: function () { cardState.limit += 50; drawPositionList(); } }, "Show 50 more") : null]);
  }

  // ---------------------------------------------------------------- findings and summary

  var findingLimit = 100;

  function drawFindings() {
    var box = clear(document.getElementById("dr-findings"));
    var meta = D.meta, counts = meta.counts;
    var parts = [el("p", { class: meta.ok ? "dr-ok" : "dr-warning" }, meta.ok
      ? "✓ Valid: no errors (" + plural(counts.warning, "warning") + ", " + plural(counts.info, "note") + ")."
      : "✖ Invalid: " + plural(counts.error, "error") + ", " + plural(counts.warning, "warning") + ". Records with errors are marked ✖ in every view; they are shown as they are.")];
    if (list(meta.unreadable).length) parts.push(el("p", { class: "dr-warning", text: "Files that could not be read at all (no records from them): " + meta.unreadable.join(", ") }));
    var findings = list(D.findings);
    if (findings.length) {
      parts.push(findingList(findings.slice(0, findingLimit), true));
      if (findings.length > findingLimit) parts.push(el("button", { type: "button", class: "dr-button", onclick: function () { findingLimit += 500; drawFindings(); } }, "Show more findings"));
      var total = counts.error + counts.warning + counts.info;
      if (total > findings.length) parts.push(el("p", { class: "dr-muted", text: "The page lists the first " + findings.length + " of " + total + " findings; dipos validate lists them all." }));
    }
    append(box, parts);
  }

  function drawSummary() {
    var meta = D.meta;
    var days = [];
    positions.forEach(function (p) { var f = firstDay(p), l = lastDay(p); if (f !== null) { days.push(f); days.push(l); } });
    var span = days.length ? dayText(Math.min.apply(null, days)) + " to " + dayText(Math.max.apply(null, days)) : "no dates";
    append(clear(document.getElementById("dr-summary")), el("p", null, [
      plural(positions.length, "position") + " held by " + plural(holdersByCount.length, "actor") + " on " + plural(topicsByCount.length, "topic") + " (" + span + "), from " + plural(list(meta.files).length, "file") + ". ",
      el("a", { href: "#view-findings", class: meta.ok ? "dr-ok" : "dr-warning" }, meta.ok ? "✓ valid" : "✖ invalid: " + plural(meta.counts.error, "error")),
      meta.counts.warning ? ", " + plural(meta.counts.warning, "warning") : ""
    ]));
  }

  // ---------------------------------------------------------------- wiring

  function update() {
    var note = document.getElementById("dr-filter-note");
    var count = positions.filter(visible).length;
    if (note) note.textContent = count === positions.length ? "" : "Showing " + count + " of " + plural(positions.length, "position") + ".";
    cardState.limit = 50;
    // The first view is drawn at once, the others one per task, so that the page answers
    // the reader between them; a newer update cancels the rest of an older one.
    var run = ++generation;
    var steps = [["matrix", drawMatrix], ["evolution", drawEvolution], ["graph", drawGraph], ["timeline", drawTimeline], ["positions", drawPositions]];
    (function next() {
      if (run !== generation) return;
      var step = steps.shift();
      if (!step) {
        ready();
        // How many updates are complete: a test (or an embedding page) can wait for it.
        document.documentElement.setAttribute("data-dipos-drawn", String(run));
        return;
      }
      timed(step[0], step[1]);
      setTimeout(next, 0);
    })();
  }
  var generation = 0;

  // How long each view took to draw, last time (for the benchmark and for curious readers).
  var timings = {};
  function timed(name, fn) {
    var t0 = performance.now();
    fn();
    timings[name] = Math.round(performance.now() - t0);
  }

  function openFromHash() {
    var hash = decodeURIComponent(location.hash || "");
    if (hash.indexOf("#p=") === 0) openPosition(hash.slice(3));
  }

  var isReady = false;
  function ready() {
    if (isReady) return;
    isReady = true;
    window.diposReport.readyMs = performance.now() - started;
    window.diposReport.readyAtMs = performance.now(); // since navigation started
    document.documentElement.setAttribute("data-dipos-report", "ready");
  }

  drawSummary();
  drawFilters();
  drawFindings();
  update();
  openFromHash();
  window.addEventListener("hashchange", openFromHash);
  window.addEventListener("resize", debounce(function () {
    var box = document.getElementById("dr-timeline");
    if (box && Math.floor(box.clientWidth) !== timelineState.width) drawTimeline();
  }, 150));

  window.diposReport = {
    data: D,
    state: state,
    update: update,
    openPosition: openPosition,
    // True when the views are drawn for the latest filters (they are drawn one per task).
    drawn: function () { return document.documentElement.getAttribute("data-dipos-drawn") === String(generation); },
    graph: {
      state: graphState,
      openAll: function () { graphState.touched = true; Object.keys(graphState.open).forEach(function () {}); var all = {}; graphEdges().forEach(function (e) { all[groupOf(e.from)] = true; all[groupOf(e.to)] = true; }); graphState.open = all; drawGraph(); },
      closeAll: function () { graphState.touched = true; graphState.open = {}; drawGraph(); }
    },
    timeline: { showAllLanes: function () { timelineState.allLanes = true; drawTimeline(); } },
    readyMs: null,
    parseMs: parsedMs,
    timings: timings
  };
})();
