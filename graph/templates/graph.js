/* newsgraph page: legend, filters, search and side panel around vis-network.
 * Every piece of article text is put on screen with textContent or as a
 * plain-text vis-network tooltip: never parsed as HTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var $ = function (id) { return document.getElementById(id); };

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
  var defaults = data.defaults;
  var state = {};
  function resetState(all) {
    state.types = new Set(all ? Object.keys(data.legend.types) : defaults.types);
    state.kinds = new Set(all ? Object.keys(data.legend.kinds) : defaults.kinds);
    state.polarities = new Set(all ? Object.keys(data.legend.polarities) : defaults.polarities);
    state.minWeight = all ? 1 : defaults.min_weight;
    state.minMentions = all ? 1 : defaults.min_mentions;
  }
  resetState(false);
  function nodeShown(n) { return state.types.has(n.ntype) && n.count >= state.minMentions; }
  function edgeShown(e) {
    var p = polarityKey(e);
    return state.kinds.has(e.kind) && (p === null || state.polarities.has(p)) && e.weight >= state.minWeight &&
      nodeShown(byId.get(e.from)) && nodeShown(byId.get(e.to));
  }
  var hiddenNodes = new Set(), hiddenEdges = new Set();
  data.nodes.forEach(function (n) { n.hidden = !nodeShown(n); if (n.hidden) hiddenNodes.add(n.id); });
  data.edges.forEach(function (e) { e.hidden = !edgeShown(e); if (e.hidden) hiddenEdges.add(e.id); });

  var baseColor = new Map();
  data.edges.forEach(function (e) { baseColor.set(e.id, JSON.parse(JSON.stringify(e.color))); });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = $("graph");
  var t0 = performance.now();
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  var api = window.newsgraph = {
    network: network, nodes: nodes, edges: edges, data: data, state: state, ready: false, stabilisedMs: null,
    drawn: function () { return {nodes: network.body.nodeIndices.length, edges: network.body.edgeIndices.length}; }
  };

  function applyFilters() {
    clearHighlight();
    var nu = [], eu = [];
    data.nodes.forEach(function (n) {
      var h = !nodeShown(n);
      if (h !== hiddenNodes.has(n.id)) { nu.push({id: n.id, hidden: h}); if (h) hiddenNodes.add(n.id); else hiddenNodes.delete(n.id); }
    });
    data.edges.forEach(function (e) {
      var h = !edgeShown(e);
      if (h !== hiddenEdges.has(e.id)) { eu.push({id: e.id, hidden: h}); if (h) hiddenEdges.add(e.id); else hiddenEdges.delete(e.id); }
    });
    if (nu.length) nodes.update(nu);
    if (eu.length) edges.update(eu);
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
  $("filters-reset").addEventListener("click", function () { resetState(false); applyFilters(); });
  $("filters-all").addEventListener("click", function () { resetState(true); applyFilters(); });

  function syncControls() {
    ["types", "kinds", "polarities"].forEach(function (g) {
      Object.keys(checkboxes[g]).forEach(function (k) { checkboxes[g][k].checked = state[g].has(k); });
    });
    minWeight.value = state.minWeight;
    minMentions.value = state.minMentions;
  }
  function showCounts() {
    var nShown = data.nodes.length - hiddenNodes.size;
    var eShown = 0;
    data.edges.forEach(function (e) { if (!hiddenEdges.has(e.id)) eShown += 1; });
    var s = $("shown-status");
    s.textContent = "showing " + fmt(nShown) + " of " + fmt(data.nodes.length) + " entities, " +
      fmt(eShown) + " of " + fmt(data.edges.length) + " links";
    if (nShown === 0 && data.nodes.length) s.textContent += " (the filters hide everything: press Show all)";
  }
  var pruned = data.graph && data.graph.pruned_from;
  if (pruned) {
    var note = $("pruned-note");
    note.hidden = false;
    note.textContent = "Drawn: " + fmt(data.nodes.length) + " of " + fmt(pruned[0]) + " entities and " +
      fmt(data.edges.length) + " of " + fmt(pruned[1]) + " links (the most connected; the exports hold them all).";
  }
  syncControls();
  showCounts();

  // ---- highlight and search ---------------------------------------------
  var dimmed = null;  // what highlight() changed, so clearHighlight() undoes only that
  function highlight(id, focus) {
    clearHighlight();
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
    if (focus && data.large) {
      // no animation: every frame redraws thousands of edges. The node and its neighbours
      // fill the view, unless that is too far out to read their names
      network.fit({nodes: Array.from(keep), animation: false});
      if (network.getScale() < 0.6 || network.getScale() > 1.5) network.focus(id, {scale: 1, animation: false});
    } else if (focus) {
      network.focus(id, {scale: Math.max(network.getScale(), 1.1), animation: {duration: 400, easingFunction: "easeInOutQuad"}});
    }
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
  (function fillNames() {
    var seen = new Set(), list = $("search-names"), frag = document.createDocumentFragment();
    index.forEach(function (x) {
      if (seen.has(x.name) || seen.size >= 20000) return;
      seen.add(x.name);
      var o = document.createElement("option");
      o.value = x.name;
      frag.appendChild(o);
    });
    list.appendChild(frag);
  })();

  function find(query) {
    var q = norm(query);
    if (!q) return null;
    var tiers = [[], [], []];
    index.forEach(function (x) {
      if (x.key === q) tiers[0].push(x);
      else if (x.key.indexOf(q) === 0 || x.key.indexOf(" " + q) >= 0) tiers[1].push(x);
      else if (x.key.indexOf(q) >= 0) tiers[2].push(x);
    });
    for (var i = 0; i < tiers.length; i += 1) {
      if (tiers[i].length) {
        tiers[i].sort(function (a, b) {
          return (a.alias - b.alias) || (byId.get(b.id).count - byId.get(a.id).count);
        });
        return tiers[i][0];
      }
    }
    return null;
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
    if (hiddenNodes.has(n.id)) {  // reveal it rather than find nothing
      state.types.add(n.ntype);
      state.minMentions = Math.min(state.minMentions, n.count);
      applyFilters();
    }
    status.className = "";
    status.textContent = "found " + n.label + (hit.alias ? " (as \u201c" + hit.name + "\u201d)" : "") +
      " and " + fmt(network.getConnectedNodes(n.id).length) + " linked";
    highlight(n.id, true);
    showNode(n.id);
    return n.id;
  }
  api.search = search;
  $("search").addEventListener("submit", function (ev) { ev.preventDefault(); search($("search-input").value); });
  $("search-clear").addEventListener("click", function () {
    $("search-input").value = "";
    $("search-status").textContent = "";
    clearHighlight();
    hidePanel();
  });

  // ---- side panel --------------------------------------------------------
  var panel = $("panel"), body = $("panel-body");
  function hidePanel() { panel.hidden = true; }
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
  function evidenceQuote(ev, who) {
    var q = el("blockquote", "evidence");
    q.appendChild(el("span", "doc", ev.doc));
    q.appendChild(markedSentence(ev, who));
    return q;
  }
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
    s.addEventListener("click", function () { highlight(id, true); showNode(id); });
    return s;
  }
  function phrase(e) {
    var p = el("div", "phrase");
    p.appendChild(nameLink(e.from));
    if (e.kind === "cooccurrence" || !e.verb) {
      p.appendChild(document.createTextNode(" \u2014 named with \u2014 "));
    } else {
      var verb = [e.modality, e.negated ? "not" : "", e.verb].filter(Boolean).join(" ");
      p.appendChild(document.createTextNode(" \u2014 " + verb + (e.symmetric ? " \u2014 " : " \u2192 ")));
    }
    p.appendChild(nameLink(e.to));
    var tag = [e.kind === "cooccurrence" ? "co-occurrence" : e.kind];
    if (e.polarity) tag.push(e.polarity + (e.category && e.category !== e.polarity ? " (" + e.category + ")" : ""));
    tag.push("\u00d7" + e.weight);
    p.appendChild(el("span", "tag", tag.join(" \u00b7 ")));
    return p;
  }
  function openPanel() { panel.hidden = false; panel.scrollTop = 0; }
  function dlRow(dl, term, value) {
    dl.appendChild(el("dt", null, term));
    dl.appendChild(el("dd", null, value));
  }
  function showNode(id) {
    var n = byId.get(id);
    if (!n) return;
    body.textContent = "";
    body.dataset.node = n.id;
    delete body.dataset.edge;
    body.appendChild(el("h1", null, n.label));
    var badge = el("span", "badge", n.ntype || "(no type)");
    badge.style.background = (data.legend.types[n.ntype] || {color: "#999"}).color;
    body.appendChild(badge);
    var dl = el("dl");
    dlRow(dl, "type", n.ntype);
    if (n.roles.length) dlRow(dl, "roles", n.roles.join("; "));
    if (n.aliases.length) dlRow(dl, "also called", n.aliases.join("; "));
    dlRow(dl, "mentions", fmt(n.count));
    dlRow(dl, "documents", n.docs.join("; "));
    body.appendChild(dl);
    var rels = incident.get(n.id).slice().sort(function (a, b) {
      return ((a.kind === "cooccurrence") - (b.kind === "cooccurrence")) || (b.weight - a.weight);
    });
    body.appendChild(el("h2", null, "Relations (" + fmt(rels.length) + ")"));
    var list = el("ol", "relations");
    rels.slice(0, 300).forEach(function (e) {
      var li = el("li", "relation");
      li.dataset.edge = e.id;
      li.appendChild(phrase(e));
      evidenceList(e, li, e.kind === "cooccurrence" ? 1 : 3);
      list.appendChild(li);
    });
    body.appendChild(list);
    if (rels.length > 300) body.appendChild(el("p", null, fmt(rels.length - 300) + " weaker relations not listed"));
    quotes.section(n.id);
    openPanel();
  }
  function showEdge(id) {
    var e = edgeById.get(id);
    if (!e) return;
    body.textContent = "";
    body.dataset.edge = e.id;
    delete body.dataset.node;
    var head = el("h1");
    head.appendChild(phrase(e));
    body.appendChild(head);
    var dl = el("dl");
    dlRow(dl, "kind", e.kind === "cooccurrence" ? "co-occurrence: named together" : e.kind);
    if (e.polarity) dlRow(dl, "polarity", e.polarity + (e.category ? " (" + e.category + ")" : ""));
    dlRow(dl, "seen", fmt(e.weight) + " time(s)");
    body.appendChild(dl);
    body.appendChild(el("h2", null, "Evidence"));
    var box = el("div", "evidence-list");
    evidenceList(e, box, 50);
    body.appendChild(box);
    openPanel();
  }
  api.showNode = showNode;
  api.showEdge = showEdge;

  network.on("click", function (p) {
    if (p.nodes.length) { highlight(p.nodes[0], false); showNode(p.nodes[0]); }
    else if (p.edges.length) { clearHighlight(); showEdge(p.edges[0]); }
    else { clearHighlight(); hidePanel(); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { clearHighlight(); hidePanel(); $("search-status").textContent = ""; }
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
          m.addEventListener("click", function () { highlight(r[2], true); showNode(r[2]); });
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
      head.appendChild(el("span", "tag", [q.kind, q.doc].filter(Boolean).join(" \u00b7 ")));
      li.appendChild(head);
      var words = el("blockquote", "words");
      words.appendChild(markedWords(q));
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
    function filtered(items, withSpeaker, title, needle) {
      var box = el("section", "quotes");
      var h = el("h2", null, title + " (" + fmt(items.length) + ")");
      box.appendChild(h);
      var input = el("input", "quote-filter");
      input.type = "search";
      input.placeholder = "filter the quotes' words\u2026";
      input.setAttribute("aria-label", "filter quotes");
      input.value = needle || "";
      box.appendChild(input);
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
    function section(id) {
      var own = bySpeaker.get(id) || [];
      if (own.length) body.appendChild(filtered(own, false, "Said", ""));
    }
    function searchAll(needle) {
      body.textContent = "";
      delete body.dataset.node;
      delete body.dataset.edge;
      body.dataset.quotes = "1";
      body.appendChild(el("h1", null, "Quotes"));
      body.appendChild(filtered(all, true, "Who said what", needle));
      openPanel();
    }
    if (all.length) {  // a search over every quote's words, in the legend
      var form = el("form", "quote-search");
      form.setAttribute("role", "search");
      var input = el("input");
      input.type = "search";
      input.id = "quote-search-input";
      input.placeholder = "Search quotes\u2026";
      input.setAttribute("aria-label", "search the quotes' words");
      var go = el("button", null, "Quotes");
      go.type = "submit";
      form.appendChild(input);
      form.appendChild(go);
      form.addEventListener("submit", function (ev) { ev.preventDefault(); searchAll(input.value.trim()); });
      var sec = el("section", "quote-search-box");
      sec.appendChild(el("h2", null, "Quotes (" + fmt(all.length) + ")"));
      sec.appendChild(form);
      $("legend").appendChild(sec);
    }
    return {section: section, search: searchAll, count: all.length};
  })();
  api.quotes = quotes;

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
})();
