/* Relations graph: actors on a circle, edges green (allied) or red (hostile), a slider for the date. */
"use strict";
(function () {
  const NS = "http://www.w3.org/2000/svg";
  const svg = document.getElementById("graph");
  const slider = document.getElementById("at");
  const label = document.getElementById("at-label");
  let months = [];

  function svgEl(tag, attrs, text) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text) node.textContent = text;
    return node;
  }
  function draw(graph) {
    svg.replaceChildren();
    const nodes = graph.nodes.slice(0, 40);
    const pos = new Map();
    nodes.forEach((n, i) => {
      const a = (2 * Math.PI * i) / Math.max(nodes.length, 1);
      pos.set(n.id, [230 * Math.cos(a), 230 * Math.sin(a)]);
    });
    const tbody = document.querySelector("#edges tbody");
    tbody.replaceChildren();
    for (const e of graph.edges) {
      const tr = HM.el("tr", {}, [HM.el("td", { text: e.source }), HM.el("td", { text: e.target }),
        HM.el("td", { text: String(e.weight) }), HM.el("td", { text: String(e.events) })]);
      const ev = HM.el("td");
      for (const key of e.evidence.slice(-5)) { ev.append(HM.el("a", { href: "/events/" + encodeURIComponent(key), text: key }), " "); }
      tr.append(ev);
      tbody.append(tr);
      if (!pos.has(e.source) || !pos.has(e.target)) continue;
      const [x1, y1] = pos.get(e.source);
      const [x2, y2] = pos.get(e.target);
      const line = svgEl("line", { x1: x1, y1: y1, x2: x2, y2: y2, class: e.sign > 0 ? "edge allied" : e.sign < 0 ? "edge hostile" : "edge",
        "stroke-width": Math.min(8, 1 + Math.log2(1 + Math.abs(e.weight))) });
      line.append(svgEl("title", {}, e.source + " — " + e.target + ": " + e.weight + " (" + e.events + ")"));
      svg.append(line);
    }
    for (const n of nodes) {
      const [x, y] = pos.get(n.id);
      const link = svgEl("a", { href: "/actors/" + encodeURIComponent(n.id) });
      link.append(svgEl("circle", { cx: x, cy: y, r: 5, class: "node" }));
      link.append(svgEl("text", { x: x + 7, y: y + 4, class: "node-label" }, n.name || n.id));
      svg.append(link);
    }
  }
  async function load() {
    const i = Number(slider.value);
    let url = "/api/relations";
    if (months.length && i < months.length) {
      const [y, m] = months[i].split("-").map(Number);
      const at = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
      url += "?at=" + at;
      label.textContent = at;
    } else {
      label.textContent = HM.t("all_time");
    }
    draw(await HM.api("GET", url));
  }
  HM.api("GET", "/api/events/summary").then((s) => {
    months = s.months.map((m) => m.month);
    slider.max = String(months.length);
    slider.value = String(months.length);
    load();
  });
  slider.addEventListener("change", load);
})();
