/* Relations graph: actors on a circle, edges green (allied) or red (hostile) and as thick as their
   weight, a slider for the date (kept in the URL as ?at=). With many actors the busiest MAX_NODES
   are drawn, ordered so that close partners sit side by side; labels point outwards. Clicking an
   edge (or its row in the table) shows its evidence: the latest events behind it, with the
   sentences that support them. */
"use strict";
(function () {
  const NS = "http://www.w3.org/2000/svg";
  const MAX_NODES = 40;
  const RADIUS = 185; /* leaves room inside the 680-unit view for a label of LABEL_CHARS at 10px */
  const LABEL_CHARS = 22;
  const EVIDENCE_SHOWN = 8;
  const svg = document.getElementById("graph");
  const slider = document.getElementById("at");
  const label = document.getElementById("at-label");
  const note = document.getElementById("graph-note");
  const detail = document.getElementById("edge-detail");
  let months = [];
  let names = new Map();
  let latest = 0;

  function svgEl(tag, attrs, text) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text) node.textContent = text;
    return node;
  }
  function nameOf(id) { return names.get(id) || id; }
  function short(text) { return text.length > LABEL_CHARS ? text.slice(0, LABEL_CHARS - 1) + "…" : text; }
  function edgeId(e) { return e.source + "|" + e.target; }

  /* The busiest nodes (by events on their edges), placed greedily next to their strongest partner. */
  function layout(graph) {
    const load = new Map(graph.nodes.map((n) => [n.id, 0]));
    const ties = new Map();
    for (const e of graph.edges) {
      for (const [a, b] of [[e.source, e.target], [e.target, e.source]]) {
        load.set(a, (load.get(a) || 0) + e.events);
        if (!ties.has(a)) ties.set(a, new Map());
        ties.get(a).set(b, (ties.get(a).get(b) || 0) + e.events);
      }
    }
    const kept = [...load.keys()].sort((a, b) => load.get(b) - load.get(a) || a.localeCompare(b)).slice(0, MAX_NODES);
    const left = new Set(kept);
    const order = [];
    while (left.size) {
      const last = order[order.length - 1];
      let next = null;
      let best = 0;
      for (const id of left) {
        const tie = last && ties.has(last) ? ties.get(last).get(id) || 0 : 0;
        if (next === null || tie > best || (tie === best && load.get(id) > load.get(next))) { next = id; best = tie; }
      }
      order.push(next);
      left.delete(next);
    }
    return new Map(order.map((id, i) => [id, (2 * Math.PI * i) / Math.max(order.length, 1) - Math.PI / 2]));
  }
  /* Width by weight relative to the heaviest edge drawn (a log scale saturates at a few hundred events). */
  function width(e, heaviest) { return (1 + 8 * Math.sqrt(Math.abs(e.weight) / heaviest)).toFixed(2); }
  function drawEdge(e, angles, heaviest) {
    const [a1, a2] = [angles.get(e.source), angles.get(e.target)];
    const [x1, y1, x2, y2] = [RADIUS * Math.cos(a1), RADIUS * Math.sin(a1), RADIUS * Math.cos(a2), RADIUS * Math.sin(a2)];
    const group = svgEl("g", { class: "edge-g", tabindex: 0, role: "button", "data-edge": edgeId(e) });
    const kind = e.sign > 0 ? "edge allied" : e.sign < 0 ? "edge hostile" : "edge";
    group.append(svgEl("line", { x1, y1, x2, y2, class: kind, "stroke-width": width(e, heaviest) }));
    group.append(svgEl("line", { x1, y1, x2, y2, class: "edge-hit" })); /* a wide, invisible target for the pointer */
    group.append(svgEl("title", {}, nameOf(e.source) + " — " + nameOf(e.target) + ": " + e.weight + " (" + e.events + ")"));
    group.append(svgEl("text", { x: (x1 + x2) / 2, y: (y1 + y2) / 2, class: "edge-weight" }, String(e.weight)));
    group.addEventListener("click", () => select(e));
    group.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(e); } });
    return group;
  }
  function drawNode(id, angle) {
    const [x, y] = [RADIUS * Math.cos(angle), RADIUS * Math.sin(angle)];
    const right = Math.cos(angle) >= 0;
    const degrees = (angle * 180) / Math.PI + (right ? 0 : 180);
    const link = svgEl("a", { href: "/actors/" + encodeURIComponent(id), class: "node-link", "data-node": id });
    link.append(svgEl("circle", { cx: x, cy: y, r: 5, class: "node" }));
    const text = svgEl("text", { x: x + (right ? 9 : -9), y: y + 3.5, class: "node-label", "text-anchor": right ? "start" : "end",
      transform: "rotate(" + degrees.toFixed(1) + " " + x.toFixed(1) + " " + y.toFixed(1) + ")" }, short(nameOf(id)));
    link.append(svgEl("title", {}, nameOf(id)), text);
    link.addEventListener("mouseenter", () => focus(id));
    link.addEventListener("mouseleave", () => focus(null));
    return link;
  }
  function focus(id) {
    svg.classList.toggle("focus", Boolean(id));
    for (const g of svg.querySelectorAll(".edge-g")) g.classList.toggle("hl", Boolean(id) && g.dataset.edge.split("|").includes(id));
  }
  function draw(graph) {
    names = new Map(graph.nodes.map((n) => [n.id, n.name || n.id]));
    const angles = layout(graph);
    const edges = graph.edges.slice().sort((a, b) => b.events - a.events || Math.abs(b.weight) - Math.abs(a.weight));
    svg.replaceChildren();
    const shown = edges.filter((e) => angles.has(e.source) && angles.has(e.target));
    const heaviest = Math.max(1e-9, ...shown.map((e) => Math.abs(e.weight)));
    for (const e of shown.slice().reverse()) svg.append(drawEdge(e, angles, heaviest)); /* heaviest on top */
    for (const [id, angle] of angles) svg.append(drawNode(id, angle));
    svg.dataset.nodes = String(angles.size);
    svg.dataset.edges = String(svg.querySelectorAll(".edge-g").length);
    note.textContent = graph.nodes.length > angles.size ? HM.t("graph_busiest").replace("{n}", angles.size).replace("{total}", graph.nodes.length) : "";
    const tbody = document.querySelector("#edges tbody");
    tbody.replaceChildren(...edges.map((e) => {
      const show = HM.el("button", { type: "button", class: "show-edge", text: HM.t("evidence") });
      show.addEventListener("click", () => select(e));
      return HM.el("tr", { "data-edge": edgeId(e) }, [HM.el("td", { text: nameOf(e.source) }), HM.el("td", { text: nameOf(e.target) }),
        HM.el("td", { text: String(e.weight) }), HM.el("td", { text: String(e.events) }), HM.el("td", {}, [show])]);
    }));
    detail.hidden = true;
  }
  function evidenceItem(event) {
    const what = event.sub_event_type || event.event_type || event.plover_type || "?";
    const where = [event.location, event.admin1, event.country].filter(Boolean).join(", ");
    const item = HM.el("li", { "data-key": event.event_key }, [
      HM.el("a", { href: "/events/" + encodeURIComponent(event.event_key), text: (event.event_date || "") + " · " + what }),
      " " + [event.actor1, event.actor2].filter(Boolean).join(" / ") + (where ? " — " + where : ""),
    ]);
    const span = event.reports.map((r) => [r, r.evidence[0]]).find(([, s]) => s);
    if (span) {
      const [report, s] = span;
      item.append(HM.el("blockquote", { class: "evidence" }, [s.before, HM.el("mark", { text: s.match }), s.after,
        HM.el("cite", { text: " — " + (report.source || report.title || "") })]));
    }
    return item;
  }
  async function select(e) {
    const ticket = ++latest;
    for (const node of document.querySelectorAll("[data-edge]")) node.classList.toggle("selected", node.dataset.edge === edgeId(e));
    detail.hidden = false;
    document.getElementById("edge-title").textContent = nameOf(e.source) + " — " + nameOf(e.target);
    document.getElementById("edge-facts").textContent = HM.t("weight") + " " + e.weight + " · " + HM.t("allied") + " " + e.allied +
      " · " + HM.t("hostile") + " " + e.hostile + " · " + e.events + " " + HM.t("events_title").toLowerCase() + " · " + e.first + " – " + e.last;
    const list = document.getElementById("edge-evidence");
    list.replaceChildren();
    detail.dataset.state = "loading";
    const keys = e.evidence.slice(-EVIDENCE_SHOWN).reverse();
    const events = await Promise.all(keys.map((k) => HM.api("GET", "/api/events/" + encodeURIComponent(k)).catch(() => null)));
    if (ticket !== latest) return;
    list.replaceChildren(...events.filter(Boolean).map(evidenceItem));
    detail.dataset.state = "ready";
  }
  function atOf(i) {
    if (!months.length || i >= months.length) return null;
    const [y, m] = months[i].split("-").map(Number);
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  }
  async function load() {
    const at = atOf(Number(slider.value));
    label.textContent = at || HM.t("all_time");
    document.body.dataset.state = "loading";
    draw(await HM.api("GET", "/api/relations" + (at ? "?at=" + at : "")));
    document.body.dataset.state = "ready";
  }
  function fromUrl() {
    const at = new URLSearchParams(window.location.search).get("at");
    const i = at ? months.indexOf(at.slice(0, 7)) : -1;
    slider.value = String(i >= 0 ? i : months.length);
  }
  HM.api("GET", "/api/events/summary").then((s) => {
    months = s.months.map((m) => m.month);
    slider.max = String(months.length);
    fromUrl();
    load();
  });
  slider.addEventListener("input", () => { label.textContent = atOf(Number(slider.value)) || HM.t("all_time"); });
  slider.addEventListener("change", () => {
    const q = new URLSearchParams(window.location.search);
    const at = atOf(Number(slider.value));
    if (at) q.set("at", at); else q.delete("at");
    window.history.pushState(null, "", q.toString() ? "?" + q : window.location.pathname);
    load();
  });
  window.addEventListener("popstate", () => { fromUrl(); load(); });
})();
