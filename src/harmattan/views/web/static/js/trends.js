/* Trends: one small bar chart per series, with its escalation sentence and change points. */
"use strict";
(function () {
  const NS = "http://www.w3.org/2000/svg";
  const form = document.getElementById("trends-form");
  const box = document.getElementById("trends");
  function chart(points) {
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 300 60");
    svg.setAttribute("class", "bars");
    const peak = Math.max(1, ...points.map((p) => p.events));
    const w = 300 / Math.max(points.length, 1);
    points.forEach((p, i) => {
      const h = Math.max(1, (55 * p.events) / peak);
      const rect = document.createElementNS(NS, "rect");
      rect.setAttribute("x", String(i * w));
      rect.setAttribute("y", String(58 - h));
      rect.setAttribute("width", String(Math.max(1, w - 1)));
      rect.setAttribute("height", String(h));
      const title = document.createElementNS(NS, "title");
      title.textContent = p.period + ": " + p.events;
      rect.append(title);
      svg.append(rect);
    });
    return svg;
  }
  async function load() {
    const dimension = form.elements.dimension.value;
    const data = await HM.api("GET", "/api/trends?dimension=" + encodeURIComponent(dimension));
    box.replaceChildren();
    for (const tr of data.trends) {
      const section = HM.el("section", { class: "trend" }, [HM.el("h3", { text: tr.key })]);
      section.append(chart(tr.points));
      if (tr.escalation) section.append(HM.el("p", { class: "warn", text: HM.t("escalation") + ": " + tr.escalation.sentence }));
      if (tr.change_points.length) {
        section.append(HM.el("p", { text: HM.t("change_points") + ": " + tr.change_points.map((c) => c.period + " (" + c.before.toFixed(1) + " → " + c.after.toFixed(1) + ")").join(", ") }));
      }
      box.append(section);
    }
  }
  form.elements.dimension.addEventListener("change", load);
  load();
})();
