/* newsgraph page: legend, filters, search and side panel around vis-network.
 * Every piece of article text is put on screen with textContent or as a
 * plain-text vis-network tooltip: never parsed as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var $ = function (id) { return document.getElementById(id); };
  // evidence sentences are stored once (data.sentences) and referred to by index
  var sentences = data.sentences || [];
  data.edges.forEach(function (e) {
    (e.evidence || []).forEach(function (ev) { if (typeof ev.s === "number") ev.sentence = sentences[ev.s]; });
  });
  var documents = data.documents || [];
  var docById = new Map();
  documents.forEach(function (d) { docById.set(d.id, d); });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fmt(n) { return Number(n).toLocaleString("en"); }
  function norm(s) {
    return String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  // ---- indexes ---------------------------------------------------------
  var byId = new Map(), edgeById = new Map(), incident = new Map();
  data.nodes.forEach(function (n) { byId.set(n.id, n); incident.set(n.id, []); });
  data.edges.forEach(function (e) {
    edgeById.set(e.id, e);
    incident.get(e.from).push(e);
    if (e.to !== e.from) incident.get(e.to).push(e);
  });
  function label(id) { var n = byId.get(id); return n ? n.label : String(id); }
  function polarityKey(e) {
    if (e.kind === "cooccurrence") return null;
    return Object.prototype.hasOwnProperty.call(data.legend.polarities, e.polarity) ? e.polarity : "neutral";
  }

  // ---- filters ---------------------------------------------------------
  // What is drawn: the entities that pass the legend's filters and are in
  // scope (the first look, a community, chosen documents or dates, or
  // everything), at most state.limit of them in the first look's order
  // (n.rank), without those linked with nothing drawn unless state.unlinked;
  // entities a search or a name in the panel brought in (state.pinned) stay.
  var defaults = data.defaults;
  var LOOK = defaults.view ? defaults.view.length : 150;  // a scoped view is a first look of its own
  var FONT_PX = (data.options.nodes && data.options.nodes.font && data.options.nodes.font.size) || 14;
  var DRAW_THRESHOLD = (((data.options.nodes || {}).scaling || {}).label || {}).drawThreshold || 6;
  var state = {};
  function resetState(all) {
    state.types = new Set(all ? Object.keys(data.legend.types) : defaults.types);
    state.kinds = new Set(all ? Object.keys(data.legend.kinds) : defaults.kinds);
    state.polarities = new Set(all ? Object.keys(data.legend.polarities) : defaults.polarities);
    state.minWeight = all ? 1 : defaults.min_weight;
    state.minMentions = all ? 1 : defaults.min_mentions;
    // claims (actions, quotes) less sure than this are hidden; the graph's confidence_threshold at first
    state.minConfidence = all ? 0 : (defaults.min_confidence || 0);
    // the entities in view: the first look (and what search and "show neighbours" add), or all (null)
    state.view = all || !defaults.view ? null : new Set(defaults.view);
    state.docs = null;       // a Set of document ids, or null for every document
    state.dateFrom = "";     // inclusive bounds over the sorted distinct dates; "" is open
    state.dateTo = "";
    state.limit = null;      // at most this many entities (a scoped view), or null
    state.unlinked = !all;   // draw entities linked with nothing drawn
    state.pinned = new Set();
    state.what = all ? "all" : "first";  // for the status line: first, all, community, documents, view
    state.community = null;
  }
  resetState(false);
  // a scope of its own (a community, documents, dates): at most a first look's worth, linked ones only
  function scopeView(what) {
    state.limit = LOOK;
    state.unlinked = false;
    state.pinned = new Set();
    state.what = what;
  }
  function datesIn(list) {
    if (!state.dateFrom && !state.dateTo) return true;
    for (var i = 0; i < list.length; i += 1) {
      if ((!state.dateFrom || list[i] >= state.dateFrom) && (!state.dateTo || list[i] <= state.dateTo)) return true;
    }
    return false;
  }
  function docsIn(list) {
    if (!state.docs) return true;
    for (var i = 0; i < list.length; i += 1) if (state.docs.has(list[i])) return true;
    return false;
  }
  function scoped() { return state.docs !== null || Boolean(state.dateFrom || state.dateTo); }
  // chosen documents or dates replace the first look
  function inScope(n) {
    if (scoped()) return docsIn(n.docs || []) && datesIn(n.dates || []);
    return !state.view || state.view.has(n.id);
  }
  function candidate(n) {
    return state.types.has(n.ntype) && n.count >= state.minMentions && (state.pinned.has(n.id) || inScope(n));
  }
  // a claim (an action or quote link, a quote) less sure than the reader asks for; one with
  // no confidence (a co-occurrence, an older graph) never is (graph/confidence.py hidden)
  function unsure(x) { return typeof x.confidence === "number" && x.confidence < state.minConfidence; }
  // "confidence 0.72", as graph/confidence.py confidence_text writes it ("" for none)
  function confidenceText(x) { return typeof x.confidence === "number" ? "confidence " + x.confidence.toFixed(2) : ""; }
  function edgePasses(e) {
    var p = polarityKey(e);
    return state.kinds.has(e.kind) && (p === null || state.polarities.has(p)) && e.weight >= state.minWeight &&
      !unsure(e) && (!scoped() || (docsIn(e.docs || []) && datesIn(e.dates || [])));
  }
  var shownSet = new Set(), counted = {inScope: 0, unlinked: 0, beyond: 0};
  // each entity of `ids` linked (by a link that passes the filters) with another: its partners
  function partners(ids) {
    var adj = new Map();
    data.edges.forEach(function (e) {
      if (e.from === e.to || !ids.has(e.from) || !ids.has(e.to) || !edgePasses(e)) return;
      if (!adj.has(e.from)) adj.set(e.from, []);
      if (!adj.has(e.to)) adj.set(e.to, []);
      adj.get(e.from).push(e.to);
      adj.get(e.to).push(e.from);
    });
    return adj;
  }
  function decide() {
    var ids = new Set();
    data.nodes.forEach(function (n) { if (candidate(n)) ids.add(n.id); });
    counted = {inScope: ids.size, unlinked: 0, beyond: 0};
    var adj = state.unlinked && !state.limit ? null : partners(ids);
    if (!state.unlinked) {
      ids.forEach(function (id) { if (!adj.has(id) && !state.pinned.has(id)) { ids.delete(id); counted.unlinked += 1; } });
    }
    if (state.limit && ids.size > state.limit) {
      // in the first look's order, each with a partner: the best-ranked one joins it if none is in yet
      var rank = function (id) { return byId.get(id).rank; };
      var order = Array.from(ids).sort(function (a, b) { return rank(a) - rank(b); });
      var kept = new Set();
      state.pinned.forEach(function (id) { if (ids.has(id)) kept.add(id); });
      for (var i = 0; i < order.length && kept.size < state.limit; i += 1) {
        var id = order[i], mine = (adj.get(id) || []);
        if (kept.has(id)) continue;
        if (state.unlinked || mine.some(function (x) { return kept.has(x); })) { kept.add(id); continue; }
        if (kept.size + 2 > state.limit) continue;
        var best = mine.reduce(function (m, x) { return m === null || rank(x) < rank(m) ? x : m; }, null);
        kept.add(id);
        if (best !== null) kept.add(best);
      }
      counted.beyond = ids.size - kept.size;
      ids = kept;
    }
    shownSet = ids;
  }
  function nodeShown(n) { return shownSet.has(n.id); }
  function edgeShown(e) { return edgePasses(e) && shownSet.has(e.from) && shownSet.has(e.to); }
  // each edge's phrase ("A \u2014 verb \u2192 B") comes from Python
  // (graph/style.py relation_phrase); tooltips are written here, only for
  // what is drawn, in the lines graph/style.py node_tooltip and edge_tooltip
  // write for pyvis (tests/browser/test_graph_page_style.py holds them
  // equal): plain text, shown by vis-network as text
  function nodeTitle(n) {
    var lines = [n.label + " (" + n.ntype + ")"];
    if (n.roles.length) lines.push("roles: " + n.roles.slice(0, 5).join("; "));
    if (n.aliases.length) lines.push("also: " + n.aliases.slice(0, 8).join("; "));
    lines.push(n.count + " mention(s) in " + n.docs.length + " document(s)");
    lines.push("click for relations and evidence");
    return lines.join("\n");
  }
  function edgeTitle(e) {
    var sure = confidenceText(e);
    var lines = [e.phrase + "  [" + e.kind + (e.polarity ? ", " + e.polarity : "") + ", \u00d7" + e.weight +
                 (sure ? ", " + sure : "") + "]"];
    (e.evidence || []).slice(0, 2).forEach(function (ev) {
      lines.push("[" + ev.doc + "] " + String(ev.sentence || "").split(/\s+/).join(" ").trim().slice(0, 240));
    });
    return lines.join("\n");
  }
  function visNode(n) { if (n.title === undefined) n.title = nodeTitle(n); return n; }
  function visEdge(e) { if (e.title === undefined) e.title = edgeTitle(e); return e; }

  // only what is shown is in vis-network's data sets: a first look at 150
  // of 5,000 entities costs 150 entities, not 5,000 hidden ones
  var hiddenNodes = new Set(), hiddenEdges = new Set(), first = {nodes: [], edges: []};
  decide();
  data.nodes.forEach(function (n) { if (nodeShown(n)) first.nodes.push(visNode(n)); else hiddenNodes.add(n.id); });
  data.edges.forEach(function (e) { if (edgeShown(e)) first.edges.push(visEdge(e)); else hiddenEdges.add(e.id); });

  var baseColor = new Map();
  data.edges.forEach(function (e) { baseColor.set(e.id, e.color); });
  var nodes = new vis.DataSet(first.nodes);
  var edges = new vis.DataSet(first.edges);
  var container = $("graph");
  var t0 = performance.now();
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  var api = window.newsgraph = {
    network: network, nodes: nodes, edges: edges, data: data, state: state, ready: false, stabilisedMs: null,
    drawn: function () { return {nodes: network.body.nodeIndices.length, edges: network.body.edgeIndices.length}; }
  };

  function applyFilters() {
    hideTooltip();
    clearHighlight();
    decide();
    var addN = [], dropN = [], addE = [], dropE = [];
    data.nodes.forEach(function (n) {
      var h = !nodeShown(n);
      if (h === hiddenNodes.has(n.id)) return;
      if (h) { dropN.push(n.id); hiddenNodes.add(n.id); } else { addN.push(visNode(n)); hiddenNodes.delete(n.id); }
    });
    data.edges.forEach(function (e) {
      var h = !edgeShown(e);
      if (h === hiddenEdges.has(e.id)) return;
      if (h) { dropE.push(e.id); hiddenEdges.add(e.id); } else { addE.push(visEdge(e)); hiddenEdges.delete(e.id); }
    });
    if (dropN.length) {  // an entity shown again comes back where it was
      var at = network.getPositions(dropN);
      dropN.forEach(function (id) { var n = byId.get(id); if (at[id]) { n.x = at[id].x; n.y = at[id].y; } });
    }
    if (dropE.length) edges.remove(dropE);
    if (dropN.length) nodes.remove(dropN);
    if (addN.length) nodes.add(addN);
    if (addE.length) edges.add(addE);
    if (colouring === "community") colourBy("community");
    syncControls();
    showCounts();
  }
  api.applyFilters = applyFilters;

  // ---- legend, which is also the filter ----------------------------------
  var checkboxes = {types: {}, kinds: {}, polarities: {}};
  function countBy(items, key) {
    var c = {};
    items.forEach(function (x) { var k = key(x); if (k !== null) c[k] = (c[k] || 0) + 1; });
    return c;
  }
  var typeCounts = countBy(data.nodes, function (n) { return n.ntype; });
  var kindCounts = countBy(data.edges, function (e) { return e.kind; });
  var polCounts = countBy(data.edges, polarityKey);

  function legendRow(group, key, marker, text, count, note) {
    var row = el("label", "row");
    var box = el("input");
    box.type = "checkbox";
    box.dataset.group = group;
    box.value = key;
    box.addEventListener("change", function () {
      if (box.checked) state[group].add(key); else state[group].delete(key);
      applyFilters();
    });
    checkboxes[group][key] = box;
    row.appendChild(box);
    row.appendChild(marker);
    var t = el("span", "name", text);
    if (note) { t.appendChild(document.createElement("br")); t.appendChild(el("span", "meaning", note)); }
    row.appendChild(t);
    row.appendChild(el("span", "n", fmt(count || 0)));
    return row;
  }
  Object.keys(data.legend.types).forEach(function (t) {
    var s = data.legend.types[t];
    var sym = el("span", "sym", s.symbol);
    sym.style.color = s.color;
    $("legend-types").appendChild(legendRow("types", t, sym, t || "(no type)", typeCounts[t]));
  });
  Object.keys(data.legend.kinds).forEach(function (k) {
    var s = data.legend.kinds[k];
    var line = el("span", "line");
    line.style.borderTopStyle = s.line;
    line.style.borderTopColor = k === "cooccurrence" ? "#999" : "#444";
    $("legend-kinds").appendChild(legendRow("kinds", k, line, k === "cooccurrence" ? "co-occurrence" : k,
                                            kindCounts[k], s.meaning + (k === "cooccurrence" ? "" : ", arrow to the one it reaches")));
  });
  Object.keys(data.legend.polarities).forEach(function (p) {
    var line = el("span", "line");
    line.style.borderTopStyle = "solid";
    line.style.borderTopWidth = "3px";
    line.style.borderTopColor = data.legend.polarities[p];
    $("legend-polarities").appendChild(legendRow("polarities", p, line, p, polCounts[p]));
  });

  var minWeight = $("min-weight"), minMentions = $("min-mentions");
  minWeight.addEventListener("input", function () { state.minWeight = Math.max(1, Number(minWeight.value) || 1); applyFilters(); });
  minMentions.addEventListener("input", function () { state.minMentions = Math.max(1, Number(minMentions.value) || 1); applyFilters(); });
  // the confidence slider: shown when some claim has a confidence; moving it hides or shows the
  // claims below it (a data-set update, as every filter) and lists in the panel follow
  var minConfidence = $("min-confidence");
  var claimsWithConfidence = data.edges.filter(function (e) { return typeof e.confidence === "number"; })
    .concat((data.quotes || []).filter(function (q) { return typeof q.confidence === "number"; }));
  $("confidence").hidden = !claimsWithConfidence.length;
  minConfidence.addEventListener("input", function () {
    state.minConfidence = Math.min(1, Math.max(0, Number(minConfidence.value) || 0));
    applyFilters();
    refreshPanel();
  });
  // how many claims the slider hides now: links and quotes
  function unsureCounts() {
    var c = {links: 0, quotes: 0};
    claimsWithConfidence.forEach(function (x) { if (unsure(x)) { if (x.from === undefined) c.quotes += 1; else c.links += 1; } });
    return c;
  }
  function confidenceStatus() {
    var c = unsureCounts(), n = c.links + c.quotes, at = state.minConfidence.toFixed(2);
    if (!n) return state.minConfidence > 0 ? "no claim below confidence " + at : "every claim shown, however unsure";
    return fmt(n) + (n === 1 ? " claim" : " claims") + " below confidence " + at + " hidden (" +
      fmt(c.links) + (c.links === 1 ? " link, " : " links, ") + fmt(c.quotes) + (c.quotes === 1 ? " quote)" : " quotes)");
  }
  api.confidenceStatus = confidenceStatus;
  // the whole drawing in view, a little inside the edges (the search bar covers the top)
  function fitView(ids) {
    network.fit({nodes: ids || [], animation: false});
    var h = container.clientHeight || 1, top = $("bar").getBoundingClientRect().bottom - container.getBoundingClientRect().top;
    var pad = Math.max(30, Math.min(h / 3, top + 6));
    var scale = network.getScale() * Math.min(0.92, (h - pad - 8) / h), at = network.getViewPosition();
    network.moveTo({position: {x: at.x, y: at.y - pad / 2 / scale}, scale: scale, animation: false});
  }
  api.fitView = fitView;
  // positions from Python, to go back to after a date range or a document laid its entities out anew
  var placed = Boolean(defaults.view);
  data.nodes.forEach(function (n) { if (n.x !== undefined) { n.x0 = n.x; n.y0 = n.y; } });
  function restorePositions() {
    if (!placed) return;
    var moved = [];
    data.nodes.forEach(function (n) {
      if (n.x0 === undefined) return;
      n.x = n.x0; n.y = n.y0;
      if (!hiddenNodes.has(n.id)) moved.push({id: n.id, x: n.x, y: n.y});
    });
    network.setOptions({physics: false});
    nodes.update(moved);
  }
  // the nearest free spot to (x0, y0) for a box {l, r, u, d} (distances from
  // its centre) on a sunflower spiral, wider than high as labels are: no
  // overlap with the boxes placed (graph/layout.py remove_overlaps, in the page)
  function freeSpot(x0, y0, box, placedBoxes) {
    var gap = 6, x = x0, y = y0;
    function clash(b) {
      return x - box.l < b.right + gap && b.left - gap < x + box.r && y - box.u < b.bottom + gap && b.top - gap < y + box.d;
    }
    for (var k = 0; k < 40000; k += 1) {
      var rr = 9 * Math.sqrt(k), aa = k * 2.39996;
      x = x0 + 1.5 * rr * Math.cos(aa);
      y = y0 + rr * Math.sin(aa);
      if (!placedBoxes.some(clash)) break;
    }
    return {x: x, y: y, box: {left: x - box.l, right: x + box.r, top: y - box.u, bottom: y + box.d}};
  }
  // every drawn entity where its shape and label cover no other's, most important first;
  // with `compact`, the drawing is first scaled to about three times the room its
  // labels take, in a 3:2 landscape, as graph/layout.py story_layout sizes the first look
  function separate(ids, compact) {
    network.redraw();  // labels are measured as they are drawn
    var order = ids.slice().sort(function (a, b) { return byId.get(a).rank - byId.get(b).rank; });
    var at = network.getPositions(order), boxes = [], moved = [], own = {};
    order.forEach(function (id) {
      var p = at[id], bb = network.getBoundingBox(id), n = byId.get(id);
      own[id] = bb ? {l: p.x - bb.left, r: bb.right - p.x, u: p.y - bb.top, d: bb.bottom - p.y}
        : {l: 4 * String(n.label).length + 4, r: 4 * String(n.label).length + 4, u: n.size, d: n.size + 21};
    });
    if (compact && order.length > 1) {
      var area = 0, x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
      order.forEach(function (id) {
        var b = own[id], p = at[id];
        area += (b.l + b.r) * (b.u + b.d);
        x0 = Math.min(x0, p.x); x1 = Math.max(x1, p.x); y0 = Math.min(y0, p.y); y1 = Math.max(y1, p.y);
      });
      var width = Math.sqrt(area * 2 * 1.5), height = width / 1.5;
      var sx = width / Math.max(x1 - x0, 1), sy = height / Math.max(y1 - y0, 1), cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
      order.forEach(function (id) { at[id] = {x: (at[id].x - cx) * sx, y: (at[id].y - cy) * sy, moved: true}; });
    }
    order.forEach(function (id) {
      var p = at[id], box = own[id], n = byId.get(id);
      var spot = freeSpot(p.x, p.y, box, boxes);
      boxes.push(spot.box);
      n.x = spot.x; n.y = spot.y;
      if (p.moved || spot.x !== p.x || spot.y !== p.y) moved.push({id: id, x: spot.x, y: spot.y});
    });
    if (moved.length) nodes.update(moved);
  }
  api.separate = separate;
  // entities brought together by a date range, documents or a community are
  // laid out anew by a short run of physics (the Python layout only placed
  // the first look well), then physics stops, labels are moved apart and the
  // view fits them; body[data-settled] says the layout is done
  var afterLayout = null, layoutRun = 0;
  network.on("stabilizationIterationsDone", function () { if (afterLayout) { var f = afterLayout; afterLayout = null; f(); } });
  function settled(yes) {
    if (yes) document.body.dataset.settled = "1"; else delete document.body.dataset.settled;
    api.settled = Boolean(yes);
  }
  function relayout() {
    var ids = network.body.nodeIndices.slice(), run = layoutRun += 1;
    settled(false);
    function finish() {
      if (run !== layoutRun) return;
      network.setOptions({physics: false});
      if (ids.length <= 600) separate(ids, true);
      fitView();
      // never so far out that vis-network stops drawing the labels: then the middle of the view, labelled
      var floor = (DRAW_THRESHOLD + 1) / FONT_PX;
      if (network.getScale() < floor) network.moveTo({scale: floor, animation: false});
      settled(true);
    }
    if (ids.length < 2 || ids.length > 600) { finish(); return; }
    nodes.update(ids.map(function (id, i) {
      var r = 45 * Math.sqrt(i), a = i * 2.39996;
      return {id: id, x: r * Math.cos(a), y: r * Math.sin(a)};
    }));
    network.setOptions({physics: {enabled: true, solver: "barnesHut", minVelocity: 1, adaptiveTimestep: true,
      barnesHut: {gravitationalConstant: -2500, centralGravity: 0.35, springLength: 110, springConstant: 0.04, avoidOverlap: 0.6},
      stabilization: {enabled: false}}});
    afterLayout = finish;
    network.stabilize(Math.max(60, Math.min(300, 30000 / ids.length)));
  }
  // a new scope (dates, documents, a community): co-occurrence comes back
  // when it would not bury the rest (three links an entity at most, as the first look decides)
  function rescoped() {
    if (!state.kinds.has("cooccurrence")) {
      state.kinds.add("cooccurrence");
      decide();
      var cooc = 0;
      data.edges.forEach(function (e) { if (e.kind === "cooccurrence" && edgeShown(e)) cooc += 1; });
      if (cooc > 3 * shownSet.size) state.kinds.delete("cooccurrence");
    }
    applyFilters();
    relayout();
  }
  api.rescoped = rescoped;
  function backTo(all) {
    layoutRun += 1;
    resetState(all);
    applyFilters();
    restorePositions();
    fitView();
    settled(true);
  }
  $("filters-reset").addEventListener("click", function () { backTo(false); });
  $("filters-all").addEventListener("click", function () { backTo(true); });

  // ---- colour by type or by community ------------------------------------
  var typeColor = new Map();
  data.nodes.forEach(function (n) { typeColor.set(n.id, n.color); });
  function communityColor(c) {
    var palette = data.legend.communities || [];
    return c >= 0 && c < palette.length ? palette[c] : "#bbbbbb";
  }
  // communities get the palette's colours in the order of how many of their
  // members are drawn, so that the view at hand (one document, a date
  // range) is coloured, not grey; the legend lists them, a click shows one
  var members = new Map();
  data.nodes.forEach(function (n) {
    if (!members.has(n.community)) members.set(n.community, []);
    members.get(n.community).push(n);
  });
  members.forEach(function (list) { list.sort(function (a, b) { return a.rank - b.rank; }); });
  var colouring = "type";
  function showCommunity(c) {
    var list = members.get(c) || [];
    resetState(false);
    scopeView("community");
    state.view = new Set(list.map(function (n) { return n.id; }));
    state.community = list.slice(0, 2).map(function (n) { return n.label; }).join(", ") + (list.length > 2 ? ", \u2026" : "");
    rescoped();
  }
  api.showCommunity = showCommunity;
  function colourBy(how) {
    colouring = how;
    var inView = new Map(), palette = data.legend.communities || [], colour = new Map();
    data.nodes.forEach(function (n) { if (!hiddenNodes.has(n.id)) inView.set(n.community, (inView.get(n.community) || 0) + 1); });
    var order = Array.from(inView.keys()).sort(function (a, b) { return (inView.get(b) - inView.get(a)) || (a - b); });
    order.slice(0, palette.length).forEach(function (c, i) { colour.set(c, palette[i]); });
    var drawn = [];
    data.nodes.forEach(function (n) {
      n.color = how === "community" ? (colour.get(n.community) || "#bbbbbb") : typeColor.get(n.id);
      if (!hiddenNodes.has(n.id)) drawn.push({id: n.id, color: n.color});
    });
    nodes.update(drawn);
    var box = $("legend-communities");
    box.hidden = how !== "community";
    box.textContent = "";
    if (how !== "community") return;
    order.slice(0, palette.length).forEach(function (c) {
      var list = members.get(c), row = el("div", "row");
      var sym = el("span", "sym", "\u25cf");
      sym.style.color = colour.get(c);
      row.appendChild(sym);
      var top = list.filter(function (n) { return !hiddenNodes.has(n.id); }).slice(0, 2);
      var name = el("span", "name", top.map(function (n) { return n.label; }).join(", ") + (list.length > top.length ? ", \u2026" : ""));
      name.title = "show this community: " + fmt(list.length) + " entities";
      name.addEventListener("click", function () { showCommunity(c); });
      row.appendChild(name);
      row.appendChild(el("span", "n", inView.get(c) < list.length ? fmt(inView.get(c)) + "/" + fmt(list.length) : fmt(list.length)));
      box.appendChild(row);
    });
    if (order.length > palette.length) box.appendChild(el("div", "more", fmt(order.length - palette.length) + " smaller communities in grey"));
  }
  api.colourBy = colourBy;
  $("colour-by").addEventListener("change", function () { colourBy($("colour-by").value); });

  // ---- dates ----------------------------------------------------------------
  // chosen dates or documents are a view of their own; none chosen: back to the first look
  function datesChanged() {
    if (!scoped()) { backTo(false); return; }
    scopeView(state.docs ? "documents" : "dates");
    rescoped();
  }
  var dateFrom = $("date-from"), dateTo = $("date-to");
  if (data.dates && data.dates.length) {
    $("dates").hidden = false;
    [dateFrom, dateTo].forEach(function (sel, which) {
      var any = el("option", null, which ? "(last)" : "(first)");
      any.value = "";
      sel.appendChild(any);
      data.dates.forEach(function (d) { var o = el("option", null, d); o.value = d; sel.appendChild(o); });
    });
    dateFrom.addEventListener("change", function () { state.dateFrom = dateFrom.value; datesChanged(); });
    dateTo.addEventListener("change", function () { state.dateTo = dateTo.value; datesChanged(); });
  }

  // ---- documents ------------------------------------------------------------
  var docBoxes = new Map(), docList = $("documents-list");
  $("documents-count").textContent = "(" + fmt(documents.length) + ")";
  function docRow(d) {
    var li = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.value = d.id;
    box.checked = Boolean(state.docs && state.docs.has(d.id));
    box.addEventListener("change", function () {
      if (!state.docs) state.docs = new Set();
      if (box.checked) state.docs.add(d.id); else state.docs.delete(d.id);
      if (!state.docs.size) state.docs = null;
      datesChanged();
    });
    docBoxes.set(d.id, box);
    label.appendChild(box);
    var text = el("span", "title", d.title || d.id);
    text.appendChild(el("span", "meta", [d.date, d.source, d.title ? d.id : ""].filter(Boolean).join(" \u00b7 ")));
    label.appendChild(text);
    li.appendChild(label);
    // a link only to an http(s) address (checked in Python too); never another scheme
    if (d.url && /^https?:\/\//i.test(d.url)) {
      var a = el("a", null, "\u2197");
      a.href = d.url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      a.title = "open the article";
      li.appendChild(a);
    }
    return li;
  }
  function fillDocuments() {
    var q = norm($("documents-filter").value), frag = document.createDocumentFragment(), shown = 0;
    docList.textContent = "";
    docBoxes.clear();
    documents.forEach(function (d) {
      if (shown >= 300) return;
      if (q && norm([d.title, d.id, d.source, d.date].join(" ")).indexOf(q) < 0) return;
      shown += 1;
      frag.appendChild(docRow(d));
    });
    docList.appendChild(frag);
  }
  fillDocuments();
  $("documents-filter").addEventListener("input", fillDocuments);
  $("documents-clear").addEventListener("click", function () {
    state.docs = null;
    datesChanged();
  });
  function showDocuments(ids) {
    hideTooltip();
    state.docs = new Set(ids);
    datesChanged();
  }
  api.showDocuments = showDocuments;

  function syncControls() {
    ["types", "kinds", "polarities"].forEach(function (g) {
      Object.keys(checkboxes[g]).forEach(function (k) { checkboxes[g][k].checked = state[g].has(k); });
    });
    minWeight.value = state.minWeight;
    minMentions.value = state.minMentions;
    minConfidence.value = state.minConfidence;
    $("min-confidence-value").textContent = state.minConfidence.toFixed(2);
    if (data.dates && data.dates.length) { dateFrom.value = state.dateFrom; dateTo.value = state.dateTo; }
    docBoxes.forEach(function (box, id) { box.checked = Boolean(state.docs && state.docs.has(id)); });
  }
  function showCounts() {
    var nShown = data.nodes.length - hiddenNodes.size;
    var eShown = 0;
    data.edges.forEach(function (e) { if (!hiddenEdges.has(e.id)) eShown += 1; });
    var s = $("shown-status");
    s.textContent = "showing " + fmt(nShown) + " of " + fmt(data.nodes.length) + " entities, " +
      fmt(eShown) + " of " + fmt(data.edges.length) + " links";
    var how = "", nPinned = 0;
    state.pinned.forEach(function (id) { if (!hiddenNodes.has(id)) nPinned += 1; });
    if (scoped() || state.what === "community") {
      var what = [];
      if (!scoped()) what.push("the community of " + state.community);
      if (state.docs) {
        var one = state.docs.size === 1 ? Array.from(state.docs)[0] : null, meta = one && docById.get(one);
        what.push(one ? "document " + one + (meta && meta.title ? " \u201c" + meta.title + "\u201d" : "") : fmt(state.docs.size) + " documents");
      }
      if (state.dateFrom || state.dateTo) what.push("dates " + (state.dateFrom || "\u2026") + " to " + (state.dateTo || "\u2026"));
      how = " \u00b7 " + what.join(", ") + (counted.beyond ? ": the " + fmt(nShown - nPinned) + " of its " + fmt(counted.inScope) +
        " entities that did, said or were reported most" : "") + (nPinned ? ", and " + fmt(nPinned) + " you added" : "") +
        " \u00b7 " + (state.docs ? "All documents or " : "") + "First look to go back";
    } else if (state.what === "first" && state.view && nShown < data.nodes.length) {
      var added = defaults.view ? state.view.size - defaults.view.length : 0;
      how = " \u00b7 first look: the entities that did, said or were reported most" +
        (added > 0 ? ", and " + fmt(added) + " you added" : "") + " \u00b7 " +
        "search a name, or click one and press Show neighbours; Show all draws everything";
    } else if (state.what === "all") {
      how = " \u00b7 everything linked \u00b7 First look to go back";
    } else if (state.what === "view") {
      how = " \u00b7 the view you built (what was shown, and the names you brought in) \u00b7 First look to go back";
    }
    if (how) s.appendChild(el("span", "how", how));
    if (counted.unlinked && !state.unlinked) {
      var more = el("span", "how unlinked", " · " + fmt(counted.unlinked) + " with no link left out: ");
      var b = el("button", "show-unlinked", "show them");
      b.type = "button";
      b.addEventListener("click", function () { state.unlinked = true; state.limit = state.limit && state.limit + counted.unlinked; applyFilters(); if (state.what !== "all") relayout(); });
      more.appendChild(b);
      s.appendChild(more);
    }
    if (nShown === 0 && data.nodes.length) s.appendChild(el("span", "how", " (the filters hide everything: press Show all)"));
    var unsureNow = unsureCounts();
    $("confidence-status").textContent = claimsWithConfidence.length ? confidenceStatus() : "";
    if (unsureNow.links + unsureNow.quotes) s.appendChild(el("span", "how unsure", " \u00b7 " + confidenceStatus()));
  }
  var pruned = data.graph && data.graph.pruned_from;
  if (pruned) {
    var note = $("pruned-note");
    note.hidden = false;
    note.textContent = "Drawn: " + fmt(data.nodes.length) + " of " + fmt(pruned[0]) + " entities and " +
      fmt(data.edges.length) + " of " + fmt(pruned[1]) + " links (those that did, said or were reported most; the exports hold them all).";
  }
  syncControls();
  showCounts();

  // ---- highlight and search ---------------------------------------------
  var dimmed = null;  // what highlight() changed, so clearHighlight() undoes only that
  // the entity and its links stand out, the rest is dimmed; moving the view is keepVisible's
  function highlight(id) {
    clearHighlight();
    if (!network.body.nodes[id] || hiddenNodes.has(id)) return;
    var keep = new Set(network.getConnectedNodes(id));
    keep.add(id);
    var nu = [], eu = [];
    data.nodes.forEach(function (n) {
      if (!hiddenNodes.has(n.id) && !keep.has(n.id)) nu.push({id: n.id, opacity: 0.15, font: {color: "rgba(52,52,52,0.25)"}});
    });
    data.edges.forEach(function (e) {
      if (hiddenEdges.has(e.id) || e.from === id || e.to === id) return;
      var c = Object.assign({}, baseColor.get(e.id));
      c.opacity = 0.05;
      eu.push({id: e.id, color: c});
    });
    nodes.update(nu);
    edges.update(eu);
    dimmed = {nodes: nu.map(function (x) { return x.id; }), edges: eu.map(function (x) { return x.id; })};
    network.selectNodes([id]);
  }
  function clearHighlight() {
    if (!dimmed) return;
    nodes.update(dimmed.nodes.map(function (id) { return {id: id, opacity: 1, font: {color: "#343434"}}; }));
    edges.update(dimmed.edges.map(function (id) { return {id: id, color: Object.assign({}, baseColor.get(id))}; }));
    dimmed = null;
    network.unselectAll();
  }

  var index = [];
  data.nodes.forEach(function (n) {
    index.push({key: norm(n.label), id: n.id, name: n.label, alias: false});
    n.aliases.forEach(function (a) { index.push({key: norm(a), id: n.id, name: a, alias: true}); });
  });
  // completions: the names that match what is typed, best first, at most
  // 30 (a datalist of every name of a 5,000-entity graph makes typing slow)
  function matches(query, limit) {
    var q = norm(query);
    if (!q) return [];
    var tiers = [[], [], []];
    index.forEach(function (x) {
      if (x.key === q) tiers[0].push(x);
      else if (x.key.indexOf(q) === 0 || x.key.indexOf(" " + q) >= 0) tiers[1].push(x);
      else if (x.key.indexOf(q) >= 0) tiers[2].push(x);
    });
    var out = [];
    tiers.forEach(function (t) {
      t.sort(function (a, b) { return (a.alias - b.alias) || (byId.get(b.id).count - byId.get(a.id).count); });
      out = out.concat(t);
    });
    return limit ? out.slice(0, limit) : out;
  }
  var completionTimer = null;
  $("search-input").addEventListener("input", function () {
    clearTimeout(completionTimer);
    completionTimer = setTimeout(function () {
      var list = $("search-names"), seen = new Set();
      list.textContent = "";
      matches($("search-input").value, 60).forEach(function (x) {
        if (seen.has(x.name) || seen.size >= 30) return;
        seen.add(x.name);
        var o = document.createElement("option");
        o.value = x.name;
        list.appendChild(o);
      });
    }, 120);
  });

  function find(query) {
    var best = matches(query, 1);
    return best.length ? best[0] : null;
  }
  function search(query) {
    var status = $("search-status");
    var hit = find(query);
    if (!hit) {
      status.textContent = "no entity named \u201c" + query + "\u201d";
      status.className = "miss";
      return null;
    }
    var n = byId.get(hit.id);
    reveal(n.id);  // rather than find nothing
    status.className = "";
    var linked = neighboursOf(n.id).length, drawnLinked = drawnNeighbours(n.id).length;
    status.textContent = "found " + n.label + (hit.alias ? " (as \u201c" + hit.name + "\u201d)" : "") +
      " and " + fmt(linked) + " linked" + (drawnLinked < linked ? " (" + fmt(drawnLinked) + " shown: Show neighbours adds the others)" : "");
    highlight(n.id, false);
    showNode(n.id, true);
    return n.id;
  }
  api.search = search;
  // no <form>: a notebook's sandboxed frame blocks form submission, and Enter or a click is all search needs
  function onEnter(input, go) {
    input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); go(); } });
  }
  onEnter($("search-input"), function () { search($("search-input").value); });
  $("search-go").addEventListener("click", function () { search($("search-input").value); });
  // the scope becomes exactly what is drawn now, so that more can join it
  function freeze() {
    state.view = new Set(shownSet);
    state.docs = null;
    state.dateFrom = state.dateTo = "";
    state.limit = null;
    state.unlinked = true;
    state.what = state.what === "first" ? "first" : "view";
  }
  // an entity not drawn joins the view, placed beside a drawn neighbour where its label covers nothing
  function reveal(id) {
    var n = byId.get(id);
    if (!n || !hiddenNodes.has(id)) return false;
    state.types.add(n.ntype);
    state.minMentions = Math.min(state.minMentions, n.count);
    if (scoped() && !inScope(n)) freeze();
    state.pinned.add(id);
    if (state.view && !scoped()) state.view.add(id);
    var near = neighboursOf(id).filter(function (x) { return !hiddenNodes.has(x); });
    placeAround(near.length ? network.getPosition(near[0]) : network.getViewPosition(), [id]);
    applyFilters();
    return true;
  }
  api.reveal = reveal;
  // a name anywhere in the panel: the entity, drawn if it was not, selected and in view
  function goTo(id) {
    if (!byId.has(id)) return;
    reveal(id);
    highlight(id, false);
    showNode(id, true);
  }
  api.goTo = goTo;
  $("search-clear").addEventListener("click", function () {
    $("search-input").value = "";
    $("search-status").textContent = "";
    clearHighlight();
    hidePanel();
  });

  // ---- side panel --------------------------------------------------------
  var panel = $("panel"), body = $("panel-body");
  function hidePanel() {
    if (panel.hidden) return;
    panel.hidden = true;
    document.body.classList.remove("panel-open");
    network.redraw();
  }
  $("panel-close").addEventListener("click", function () { hidePanel(); clearHighlight(); });

  function namesOf(n) {
    return [n.label].concat(n.aliases).filter(function (s) { return s && s.length > 1; })
      .sort(function (a, b) { return b.length - a.length; });
  }
  function mentionRanges(ev, n) {
    var out = [], sentence = String(ev.sentence || "");
    if (typeof ev.start === "number" && typeof ev.end === "number") {
      var names = namesOf(n).map(norm);
      (n.mentions || []).forEach(function (m) {
        if (m[0] !== ev.doc || m[1] < ev.start || m[2] > ev.end) return;
        var a = m[1] - ev.start, b = m[2] - ev.start, piece = norm(sentence.slice(a, b));
        if (piece && names.some(function (x) { return piece.indexOf(x) >= 0; })) out.push([a, b]);
      });
    }
    if (out.length) return out;
    namesOf(n).forEach(function (name) {  // no offsets to trust: find the names themselves
      var from = 0, at;
      while ((at = sentence.indexOf(name, from)) >= 0) {
        var before = sentence.charAt(at - 1), after = sentence.charAt(at + name.length);
        if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) out.push([at, at + name.length]);
        from = at + name.length;
      }
    });
    return out;
  }
  function markedSentence(ev, who) {
    var sentence = String(ev.sentence || "").trim(), lead = String(ev.sentence || "").search(/\S|$/);
    var ranges = [];
    who.forEach(function (n) { if (n) ranges = ranges.concat(mentionRanges(ev, n)); });
    ranges = ranges.map(function (r) { return [r[0] - lead, r[1] - lead]; })
      .filter(function (r) { return r[0] >= 0 && r[1] <= sentence.length && r[1] > r[0]; })
      .sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var frag = document.createDocumentFragment(), pos = 0;
    ranges.forEach(function (r) {
      if (r[0] < pos) return;  // overlaps the previous mark
      frag.appendChild(document.createTextNode(sentence.slice(pos, r[0])));
      frag.appendChild(el("mark", null, sentence.slice(r[0], r[1])));
      pos = r[1];
    });
    frag.appendChild(document.createTextNode(sentence.slice(pos)));
    return frag;
  }
  function docLink(doc) {
    var d = el("span", "doc-link", doc);
    d.title = "read this story and show its graph";
    d.addEventListener("click", function () { showDocuments([doc]); showArticle(doc); });
    return d;
  }
  function evidenceQuote(ev, who) {
    var q = el("blockquote", "evidence");
    var head = el("span", "doc");
    head.appendChild(docLink(ev.doc));
    var meta = docById.get(ev.doc);
    if (meta && (meta.date || meta.title)) head.appendChild(document.createTextNode(" \u00b7 " + [meta.date, meta.title].filter(Boolean).join(" \u00b7 ")));
    q.appendChild(head);
    var words = el("span", "sentence");
    words.title = "read the story";
    words.appendChild(markedSentence(ev, who));
    words.addEventListener("click", function () { showArticle(ev.doc, ev); });
    q.appendChild(words);
    return q;
  }

  // ---- the article: the story's text, its names marked, a sentence in view ----
  // data.texts = {texts: {doc: text}, limit_mb, left_out, asked}; each text is stored once
  var texts = (data.texts && data.texts.texts) || {};
  var mentionsByDoc = null;  // doc -> [[start, end, entity id]], made on the first article opened
  function docMentions(doc) {
    if (!mentionsByDoc) {
      mentionsByDoc = new Map();
      data.nodes.forEach(function (n) {
        (n.mentions || []).forEach(function (m) {
          if (!mentionsByDoc.has(m[0])) mentionsByDoc.set(m[0], []);
          mentionsByDoc.get(m[0]).push([Number(m[1]), Number(m[2]), n.id]);
        });
      });
      mentionsByDoc.forEach(function (list) { list.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; }); });
    }
    return mentionsByDoc.get(doc) || [];
  }
  // text[a:b] into `into`, each mention in it a mark that goes to its entity
  function markedText(text, a, b, marks, into) {
    var pos = a;
    marks.forEach(function (m) {
      if (m[0] < pos || m[1] > b || m[0] >= m[1]) return;  // outside, or overlaps the previous mark
      into.appendChild(document.createTextNode(text.slice(pos, m[0])));
      var mark = el("mark", "mention", text.slice(m[0], m[1]));
      mark.title = "show " + label(m[2]);
      mark.dataset.entity = m[2];
      mark.addEventListener("click", function () { goTo(m[2]); });
      into.appendChild(mark);
      pos = m[1];
    });
    into.appendChild(document.createTextNode(text.slice(pos, b)));
  }
  function showArticle(doc, ev) {
    hideTooltip();
    var d = docById.get(doc) || {id: doc, title: "", date: "", source: "", url: ""};
    body.textContent = "";
    delete body.dataset.node;
    delete body.dataset.edge;
    delete body.dataset.quotes;
    body.dataset.article = doc;
    body.appendChild(el("h1", "article-title", d.title || doc));
    var meta = el("div", "article-meta", [d.date, d.source, doc].filter(Boolean).join(" \u00b7 "));
    if (d.url && /^https?:\/\//i.test(d.url)) {
      var a = el("a", null, " \u2197 original");
      a.href = d.url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      meta.appendChild(a);
    }
    body.appendChild(meta);
    var actions = el("div", "actions");
    var graphOf = el("button", "story-graph", "Show this story's graph");
    graphOf.type = "button";
    graphOf.addEventListener("click", function () { showDocuments([doc]); });
    actions.appendChild(graphOf);
    body.appendChild(actions);
    var text = texts[doc], here = null;
    if (typeof text !== "string") {
      var t = data.texts || {};
      body.appendChild(el("p", "article-missing", t.asked
        ? "This story's text is not in the page: the page carries at most " + fmt(t.limit_mb) + " MB of text (" +
          fmt(Object.keys(texts).length) + " of " + fmt(documents.length) + " stories); newsgraph build --texts-mb sets the size."
        : "The page was built without the stories' texts (newsgraph build --texts, or show(G, texts=...))."));
      if (ev && ev.sentence) body.appendChild(el("blockquote", "here", String(ev.sentence).trim()));
      openPanel();
      return;
    }
    var box = el("div", "article"), marks = docMentions(doc);
    var s0 = ev && typeof ev.start === "number" ? ev.start : -1, s1 = ev && typeof ev.end === "number" ? ev.end : -1;
    if (s0 >= 0 && s1 > s0 && s1 <= text.length) {
      markedText(text, 0, s0, marks, box);
      here = el("span", "here");
      markedText(text, s0, s1, marks, here);
      box.appendChild(here);
      markedText(text, s1, text.length, marks, box);
    } else {
      markedText(text, 0, text.length, marks, box);
    }
    body.appendChild(box);
    openPanel();
    if (here) {  // the sentence in the middle of the panel (scrollIntoView could scroll a notebook around the frame)
      var r = here.getBoundingClientRect(), top = r.top - panel.getBoundingClientRect().top + panel.scrollTop;
      if (top + r.height > panel.clientHeight - 16) panel.scrollTop = Math.max(0, top - panel.clientHeight / 3);
    }
  }
  api.showArticle = showArticle;
  function evidenceList(e, into, shown) {
    var who = [byId.get(e.from), byId.get(e.to)];
    var ev = e.evidence || [];
    ev.slice(0, shown).forEach(function (x) { into.appendChild(evidenceQuote(x, who)); });
    if (ev.length > shown) {
      var more = el("details");
      more.appendChild(el("summary", null, fmt(ev.length - shown) + " more sentence(s)"));
      more.addEventListener("toggle", function () {
        if (more.open && more.childNodes.length === 1) {
          ev.slice(shown, shown + 500).forEach(function (x) { more.appendChild(evidenceQuote(x, who)); });
        }
      }, {once: false});
      into.appendChild(more);
    }
    var total = e.evidence_total || ev.length;
    if (total > ev.length) {
      into.appendChild(el("div", "evidence-more", fmt(total - ev.length) +
        " more sentence(s) in the JSON, GraphML or CSV export"));
    }
  }
  function nameLink(id) {
    var s = el("span", "name", label(id));
    s.title = "show " + label(id);
    s.addEventListener("click", function () { goTo(id); });
    return s;
  }
  // the edge's phrase with its two names clickable: the phrase starts with
  // the source's label and ends with the target's (graph/style.py)
  function phrase(e) {
    var p = el("div", "phrase"), text = String(e.phrase), head = label(e.from), tail = label(e.to);
    if (text.length >= head.length + tail.length && text.slice(0, head.length) === head &&
        text.slice(text.length - tail.length) === tail) {
      p.appendChild(nameLink(e.from));
      p.appendChild(document.createTextNode(text.slice(head.length, text.length - tail.length)));
      p.appendChild(nameLink(e.to));
    } else {
      p.appendChild(document.createTextNode(text));
    }
    var tag = [e.kind === "cooccurrence" ? "co-occurrence" : e.kind];
    if (e.polarity) tag.push(e.polarity + (e.category && e.category !== e.polarity ? " (" + e.category + ")" : ""));
    tag.push("\u00d7" + e.weight);
    if (confidenceText(e)) tag.push(confidenceText(e));
    p.appendChild(el("span", "tag", tag.join(" \u00b7 ")));
    return p;
  }
  // the panel docks beside the canvas, which narrows; the view then moves,
  // never zooms out: labels stay at least READABLE_PX on screen, and the
  // entity (with what it is linked with, when they fit) is brought into view
  var READABLE_PX = 12;
  var READABLE = READABLE_PX / FONT_PX;
  function openPanel(focusIds, centre) {
    var was = panel.hidden;
    panel.hidden = false;
    panel.scrollTop = 0;
    document.body.classList.add("panel-open");
    if (was) network.redraw();
    if (focusIds && focusIds.length) keepVisible(focusIds, centre);
  }
  function keepVisible(ids, centre) {
    ids = ids.filter(function (id) { return network.body.nodes[id] && !hiddenNodes.has(id); });
    if (!ids.length) return;
    var box = container.getBoundingClientRect(), margin = 40, scale = network.getScale();
    var zoom = scale < READABLE;
    var p = network.canvasToDOM(network.getPosition(ids[0]));
    var out = p.x < margin || p.y < margin || p.x > box.width - margin || p.y > box.height - margin;
    if (!zoom && !out && !centre) return;
    scale = Math.max(scale, READABLE);
    // the entity and its neighbours together when they fit at this scale, else the entity in the middle
    var at = network.getPosition(ids[0]), xs = [], ys = [];
    ids.slice(0, 200).forEach(function (id) { var q = network.getPosition(id); xs.push(q.x); ys.push(q.y); });
    var w = (Math.max.apply(null, xs) - Math.min.apply(null, xs)) * scale, h = (Math.max.apply(null, ys) - Math.min.apply(null, ys)) * scale;
    if (ids.length > 1 && w < box.width - 2 * margin && h < box.height - 2 * margin - 40) {
      at = {x: (Math.max.apply(null, xs) + Math.min.apply(null, xs)) / 2, y: (Math.max.apply(null, ys) + Math.min.apply(null, ys)) / 2};
    }
    network.moveTo({position: at, scale: scale, animation: false});
  }
  api.readableScale = READABLE;
  function drawnNeighbours(id) {
    return network.getConnectedNodes(id).filter(function (x) { return !hiddenNodes.has(x); });
  }
  function neighboursOf(id) {
    var out = new Set();
    incident.get(id).forEach(function (e) { out.add(e.from === id ? e.to : e.from); });
    out.delete(id);
    return Array.from(out);
  }
  // "show neighbours": exactly the entity's neighbours join the view; those
  // not yet drawn are placed on a ring around it
  function showNeighbours(id) {
    var around = neighboursOf(id), fresh = [];
    if (!state.view || scoped() || state.limit) freeze();
    state.view.add(id);
    around.forEach(function (x) { if (hiddenNodes.has(x)) fresh.push(x); state.view.add(x); });
    around.forEach(function (x) { var n = byId.get(x); state.types.add(n.ntype); state.minMentions = Math.min(state.minMentions, n.count); });
    state.kinds.add("cooccurrence");
    state.minWeight = 1;
    placeAround(network.getPosition(id), fresh);
    applyFilters();
    highlight(id, false);
    network.fit({nodes: [id].concat(around), animation: false});
    showNode(id);
    return around;
  }
  api.showNeighbours = showNeighbours;
  // new entities around one, each at the nearest spot of a spiral from its
  // place on a ring where its label covers no drawn entity or label (as
  // the Python layout places the first look); past 300 a plain ring
  function placeAround(at, fresh) {
    var r = Math.max(160, fresh.length * 70 / (2 * Math.PI)), gap = 6;
    var boxes = fresh.length > 300 ? null : network.body.nodeIndices.map(function (x) { return network.getBoundingBox(x); });
    fresh.forEach(function (x, i) {
      var a = 2 * Math.PI * i / Math.max(fresh.length, 1) + 0.3, n = byId.get(x);
      var x0 = at.x + r * Math.cos(a), y0 = at.y + r * Math.sin(a), px = x0, py = y0;
      if (boxes) {
        var half = Math.max(n.size, 8 * String(n.label).length / 2 + 4), up = n.size, down = n.size + 21;
        for (var k = 0; k < 6000; k += 1) {
          var rr = 9 * Math.sqrt(k), aa = k * 2.39996;
          px = x0 + 1.5 * rr * Math.cos(aa);
          py = y0 + rr * Math.sin(aa);
          var clash = boxes.some(function (b) {
            return px - half < b.right + gap && b.left - gap < px + half && py - up < b.bottom + gap && b.top - gap < py + down;
          });
          if (!clash) break;
        }
        boxes.push({left: px - half, right: px + half, top: py - up, bottom: py + down});
      }
      n.x = px;
      n.y = py;
    });
  }
  api.neighboursOf = neighboursOf;
  function dlRow(dl, term, value) {
    dl.appendChild(el("dt", null, term));
    dl.appendChild(el("dd", null, value));
  }
  // the entity panel is a list of sections, each a function (node, body);
  // more can be added with newsgraph.addNodeSection(fn, position)
  function factsSection(n, into) {
    into.appendChild(el("h1", null, n.label));
    var badge = el("span", "badge", n.ntype || "(no type)");
    badge.style.background = (data.legend.types[n.ntype] || {color: "#999"}).color;
    into.appendChild(badge);
    var dl = el("dl");
    dlRow(dl, "type", n.ntype);
    if (n.roles.length) dlRow(dl, "roles", n.roles.join("; "));
    if (n.aliases.length) dlRow(dl, "also called", n.aliases.join("; "));
    dlRow(dl, "mentions", fmt(n.count));
    dl.appendChild(el("dt", null, "documents"));
    var dd = el("dd", "docs");
    n.docs.slice(0, 200).forEach(function (d, i) {
      if (i) dd.appendChild(document.createTextNode("; "));
      dd.appendChild(docLink(d));
    });
    if (n.docs.length > 200) dd.appendChild(document.createTextNode(" and " + fmt(n.docs.length - 200) + " more"));
    dl.appendChild(dd);
    if (n.dates && n.dates.length) dlRow(dl, "dates", n.dates.length > 1 ? n.dates[0] + " to " + n.dates[n.dates.length - 1] : n.dates[0]);
    into.appendChild(dl);
  }
  function neighboursSection(n, into) {
    var all = neighboursOf(n.id), hidden = all.filter(function (x) { return hiddenNodes.has(x); });
    var box = el("div", "actions");
    var b = el("button", "show-neighbours", hidden.length ? "Show neighbours (" + fmt(hidden.length) + " more)" : "Neighbours all shown (" + fmt(all.length) + ")");
    b.type = "button";
    b.disabled = !hidden.length;
    b.addEventListener("click", function () { showNeighbours(n.id); });
    box.appendChild(b);
    into.appendChild(box);
  }
  function relationsSection(n, into) {
    var mine = incident.get(n.id), rels = mine.filter(function (e) { return !unsure(e); }).sort(function (a, b) {
      return ((a.kind === "cooccurrence") - (b.kind === "cooccurrence")) || (b.weight - a.weight);
    });
    into.appendChild(el("h2", null, "Relations (" + fmt(rels.length) + ")"));
    if (rels.length < mine.length) {
      into.appendChild(el("p", "unsure-note", fmt(mine.length - rels.length) + " below confidence " +
        state.minConfidence.toFixed(2) + " not listed (the confidence slider shows them)"));
    }
    var list = el("ol", "relations");
    rels.slice(0, 300).forEach(function (e) {
      var li = el("li", "relation");
      li.dataset.edge = e.id;
      li.appendChild(phrase(e));
      evidenceList(e, li, e.kind === "cooccurrence" ? 1 : 3);
      list.appendChild(li);
    });
    into.appendChild(list);
    if (rels.length > 300) into.appendChild(el("p", null, fmt(rels.length - 300) + " weaker relations not listed"));
  }
  var nodeSections = [factsSection, neighboursSection, relationsSection];
  api.addNodeSection = function (fn, position) {
    nodeSections.splice(position === undefined ? nodeSections.length : position, 0, fn);
  };
  function showNode(id, centre) {
    var n = byId.get(id);
    if (!n) return;
    hideTooltip();
    body.textContent = "";
    body.dataset.node = n.id;
    delete body.dataset.edge;
    delete body.dataset.article;
    delete body.dataset.quotes;
    nodeSections.forEach(function (section) { section(n, body); });
    openPanel([n.id].concat(drawnNeighbours(n.id)), centre);
  }
  function showEdge(id) {
    var e = edgeById.get(id);
    if (!e) return;
    body.textContent = "";
    body.dataset.edge = e.id;
    delete body.dataset.node;
    delete body.dataset.article;
    delete body.dataset.quotes;
    var head = el("h1");
    head.appendChild(phrase(e));
    body.appendChild(head);
    var dl = el("dl");
    dlRow(dl, "kind", e.kind === "cooccurrence" ? "co-occurrence: named together" : e.kind);
    if (e.polarity) dlRow(dl, "polarity", e.polarity + (e.category ? " (" + e.category + ")" : ""));
    dlRow(dl, "seen", fmt(e.weight) + " time(s)");
    if (confidenceText(e)) {
      dlRow(dl, "confidence", e.confidence.toFixed(2) + (unsure(e) ? " (below " + state.minConfidence.toFixed(2) + ": hidden from the graph)" : ""));
    }
    body.appendChild(dl);
    body.appendChild(el("h2", null, "Evidence"));
    var box = el("div", "evidence-list");
    evidenceList(e, box, 50);
    body.appendChild(box);
    openPanel([e.from, e.to]);
  }
  api.showNode = showNode;
  api.showEdge = showEdge;
  // what the panel shows, shown again (after the confidence slider moved)
  function refreshPanel() {
    if (panel.hidden) return;
    if (body.dataset.node) showNode(body.dataset.node);
    else if (body.dataset.edge) showEdge(Number(body.dataset.edge));
    else if (body.dataset.quotes) quotes.again();
  }

  // a click picks the link drawn on top under the pointer: vis-network's own
  // choice is the nearest centre line, the first drawn on a tie, which is
  // the grey co-occurrence line under an arrow of the same pair
  var selection = network.selectionHandler, nearestEdge = selection.getEdgeAt.bind(selection);
  selection.getEdgeAt = function (pointer, object) {
    var c = network.canvas.DOMtoCanvas(pointer), idx = network.body.edgeIndices;
    for (var i = idx.length - 1; i >= 0; i -= 1) {
      var e = network.body.edges[idx[i]];
      if (!e.connected) continue;
      var d = e.edgeType.getDistanceToEdge(e.from.x, e.from.y, e.to.x, e.to.y, c.x, c.y);
      if (d <= Math.max(e.options.width / 2 + 2, 3 / network.getScale())) return object === false ? idx[i] : e;
    }
    return nearestEdge(pointer, object);
  };
  function hideTooltip() {
    var ih = network.interactionHandler;
    if (ih && ih.popup) { ih.popup.hide(); ih.popupObj = undefined; }
    if (ih && ih.popupTimer) { clearTimeout(ih.popupTimer); ih.popupTimer = undefined; }
    document.querySelectorAll("div.vis-tooltip").forEach(function (t) { t.style.visibility = "hidden"; });
  }
  api.hideTooltip = hideTooltip;
  network.on("click", function (p) {
    hideTooltip();
    if (p.nodes.length) { highlight(p.nodes[0], false); showNode(p.nodes[0]); }
    else if (p.edges.length) { clearHighlight(); showEdge(p.edges[0]); }
    else { clearHighlight(); hidePanel(); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { hideTooltip(); clearHighlight(); hidePanel(); $("search-status").textContent = ""; }
  });

  // ---- quotes: who said what (data.quotes; self-contained) ------------
  // Each quote is {doc, text, speaker, said, kind, to, names: [[start, end, id]]}; its
  // words are article text, so they are only ever put on screen as text nodes.
  var quotes = (function () {
    var all = Array.isArray(data.quotes) ? data.quotes : [], bySpeaker = new Map();
    all.forEach(function (q) {
      if (!bySpeaker.has(q.speaker)) bySpeaker.set(q.speaker, []);
      bySpeaker.get(q.speaker).push(q);
    });
    function markedWords(q) {
      var text = String(q.text || ""), frag = document.createDocumentFragment(), pos = 0;
      (q.names || []).forEach(function (r) {
        var a = Number(r[0]), b = Number(r[1]);
        if (!(a >= pos && b > a && b <= text.length)) return;  // overlaps the previous mark
        frag.appendChild(document.createTextNode(text.slice(pos, a)));
        var m = el("mark", "name", text.slice(a, b));
        if (byId.has(r[2])) {
          m.title = "show " + label(r[2]);
          m.addEventListener("click", function () { goTo(r[2]); });
        }
        frag.appendChild(m);
        pos = b;
      });
      frag.appendChild(document.createTextNode(text.slice(pos)));
      return frag;
    }
    function item(q, withSpeaker) {
      var li = el("li", "quote");
      var head = el("div", "said");
      if (withSpeaker) { head.appendChild(nameLink(q.speaker)); head.appendChild(document.createTextNode(" ")); }
      head.appendChild(el("span", "cue", q.said || "(no cue)"));
      head.appendChild(el("span", "tag", [q.kind, q.doc, confidenceText(q)].filter(Boolean).join(" \u00b7 ")));
      li.appendChild(head);
      var words = el("blockquote", "words");
      words.appendChild(markedWords(q));
      words.title = "read the story";
      words.addEventListener("click", function (ev) {
        if (!(ev.target instanceof HTMLElement && ev.target.classList.contains("name"))) showArticle(q.doc, q);
      });
      li.appendChild(words);
      return li;
    }
    function matches(q, needle) { return !needle || norm(q.text).indexOf(needle) >= 0; }
    function list(items, withSpeaker, needle, into) {
      into.textContent = "";
      var shown = items.filter(function (q) { return matches(q, needle); });
      shown.slice(0, 300).forEach(function (q) { into.appendChild(item(q, withSpeaker)); });
      if (shown.length > 300) into.appendChild(el("li", "more", fmt(shown.length - 300) + " more quote(s)"));
      return shown.length;
    }
    function filtered(every, withSpeaker, title, needle) {
      var items = every.filter(function (q) { return !unsure(q); });
      var box = el("section", "quotes");
      var h = el("h2", null, title + " (" + fmt(items.length) + ")");
      box.appendChild(h);
      var input = el("input", "quote-filter");
      input.type = "search";
      input.placeholder = "filter the quotes' words\u2026";
      input.setAttribute("aria-label", "filter quotes");
      input.value = needle || "";
      box.appendChild(input);
      if (items.length < every.length) {
        box.appendChild(el("p", "unsure-note", fmt(every.length - items.length) + " below confidence " +
          state.minConfidence.toFixed(2) + " hidden (the confidence slider shows them)"));
      }
      var ol = el("ol", "quotes");
      box.appendChild(ol);
      function refresh() {
        var n = list(items, withSpeaker, norm(input.value.trim()), ol);
        h.textContent = title + " (" + (input.value.trim() ? fmt(n) + " of " : "") + fmt(items.length) + ")";
      }
      input.addEventListener("input", refresh);
      refresh();
      return box;
    }
    var lastNeedle = "";
    function section(id) {
      var own = bySpeaker.get(id) || [];
      if (own.length) body.appendChild(filtered(own, false, "Said", ""));
    }
    function searchAll(needle) {
      lastNeedle = needle || "";
      body.textContent = "";
      delete body.dataset.node;
      delete body.dataset.edge;
      delete body.dataset.article;
      body.dataset.quotes = "1";
      body.appendChild(el("h1", null, "Quotes"));
      body.appendChild(filtered(all, true, "Who said what", needle));
      openPanel();
    }
    if (all.length) {  // a search over every quote's words, in the legend
      var form = el("div", "quote-search");  // no <form>: a sandboxed notebook frame blocks submission
      form.setAttribute("role", "search");
      var input = el("input");
      input.type = "search";
      input.id = "quote-search-input";
      input.placeholder = "Search quotes\u2026";
      input.setAttribute("aria-label", "search the quotes' words");
      var go = el("button", null, "Quotes");
      go.type = "button";
      form.appendChild(input);
      form.appendChild(go);
      onEnter(input, function () { searchAll(input.value.trim()); });
      go.addEventListener("click", function () { searchAll(input.value.trim()); });
      // in the top bar beside the name search: in view while the panel shows the answers
      input.placeholder = "Search " + fmt(all.length) + " quotes\u2026";
      $("search").parentNode.insertBefore(form, $("search").nextSibling);
    }
    return {section: section, search: searchAll, count: all.length, again: function () { searchAll(lastNeedle); }};
  })();
  api.quotes = quotes;
  // who said what comes before the relations, where a reader sees it
  api.addNodeSection(function (n) { quotes.section(n.id); }, 2);

  // ---- layout: stabilise, then stop -----------------------------------
  var loading = $("loading");
  function done() {
    if (api.ready) return;
    network.setOptions({physics: false});
    loading.hidden = true;
    api.stabilisedMs = Math.round(performance.now() - t0);
    api.ready = true;
    document.body.dataset.ready = "1";
  }
  network.on("stabilizationProgress", function (p) {
    $("loading-fill").style.width = Math.round(100 * p.iterations / p.total) + "%";
    $("loading-text").textContent = "Laying out " + fmt(data.nodes.length) + " entities\u2026 " + p.iterations + "/" + p.total;
  });
  network.once("stabilizationIterationsDone", done);
  network.once("stabilized", done);
  if (!data.nodes.length) done();
  if (data.options.physics && data.options.physics.enabled === false) {
    // positions came from Python: fit the first look and it is ready
    fitView();
    done();
  }
})();
