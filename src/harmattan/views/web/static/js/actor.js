/* The actor page's footprint map: one circle per region, sized by its number of events, for a
   period chosen with a month slider and a length (kept in the URL as since/until, like the map's
   filters). The timeline above doubles as a control: clicking a month shows that month. */
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("footprint-data").textContent);
  const months = data.months;
  const mapEl = document.getElementById("footprint-map");
  const end = document.getElementById("period-end");
  const length = document.getElementById("period-window");
  const label = document.getElementById("period-label");
  const tbody = document.querySelector("#footprint-table tbody");
  const map = L.map("footprint-map", { minZoom: 3, maxZoom: 12 }).setView([15, 0], 4);
  fetch("/static/basemap/sahel-countries.geojson").then((r) => r.json()).then((geo) => {
    L.geoJSON(geo, { style: { color: "#8a7f6a", weight: 1, fillColor: "#f3ede0", fillOpacity: 1 } }).addTo(map).bringToBack();
  });
  const layer = L.featureGroup().addTo(map);
  let latest = 0; // answers to an older request are dropped when the slider moved on

  function iso(y, m, d) { return new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10); }
  /* [since, until] of the `size` calendar months ending with months[i] (size 0: everything up to it). */
  function period(i, size) {
    const [y, m] = months[i].split("-").map(Number);
    return [size > 0 ? iso(y, m - size, 1) : null, iso(y, m, 0)];
  }
  function fromUrl() {
    const url = new URLSearchParams(window.location.search);
    return [url.get("since"), url.get("until")];
  }
  function setControls(since, until) {
    if (!end) return;
    const last = months.length - 1;
    const i = until ? months.filter((m) => m <= until.slice(0, 7)).length - 1 : last;
    end.value = String(Math.max(0, Math.min(last, i)));
    if (!since) { length.value = until ? "0" : length.value; return; }
    const [y0, m0] = since.split("-").map(Number);
    const [y1, m1] = months[Number(end.value)].split("-").map(Number);
    const size = String((y1 - y0) * 12 + (m1 - m0) + 1);
    length.value = [...length.options].some((o) => o.value === size) ? size : "1";
  }
  function link(p, since, until) {
    const q = new URLSearchParams({ actor: data.id });
    if (p.admin1) q.set("admin1", p.admin1);
    if (since) q.set("since", since);
    if (until) q.set("until", until);
    return "/?" + q.toString();
  }
  function draw(places, since, until, fit) {
    const located = places.filter((p) => p.latitude != null);
    const peak = Math.max(1, ...located.map((p) => p.events));
    layer.clearLayers();
    for (const p of located) {
      L.circleMarker([p.latitude, p.longitude], { radius: 4 + (14 * p.events) / peak, color: "#b03a2e", weight: 1, fillOpacity: 0.5, className: "footprint-place" })
        .bindTooltip([p.admin1, p.country].filter(Boolean).join(", ") + ": " + p.events).addTo(layer);
    }
    if (fit && located.length) map.fitBounds(layer.getBounds(), { maxZoom: 7, padding: [20, 20] });
    tbody.replaceChildren(...places.map((p) => HM.el("tr", {}, [
      HM.el("td", { text: p.country || "" }),
      HM.el("td", {}, [HM.el("a", { href: link(p, since, until), text: p.admin1 || "" })]),
      HM.el("td", { text: String(p.events) }),
    ])));
    mapEl.dataset.places = String(located.length);
    mapEl.dataset.period = since || until ? (since || "") + "/" + (until || "") : "all";
    if (label) label.textContent = since || until ? (since || "…") + " – " + (until || "…") : HM.t("all_time");
    for (const rect of document.querySelectorAll("#actor-timeline rect")) {
      const m = rect.dataset.month;
      const inside = (!since || m >= since.slice(0, 7)) && (!until || m <= until.slice(0, 7));
      rect.classList.toggle("out-of-period", !inside);
    }
  }
  async function show(since, until) {
    const ticket = ++latest;
    document.body.dataset.state = "loading";
    const q = new URLSearchParams();
    if (since) q.set("since", since);
    if (until) q.set("until", until);
    const url = "/api/actors/" + encodeURIComponent(data.id) + "/footprint" + (q.toString() ? "?" + q : "");
    try {
      const answer = await HM.api("GET", url);
      if (ticket !== latest) return;
      draw(answer.footprint, since, until, false);
    } catch (err) {
      label.textContent = HM.t("error") + ": " + err.message;
    }
    if (ticket === latest) document.body.dataset.state = "ready";
  }
  function choose(since, until) {
    const q = new URLSearchParams(window.location.search);
    for (const [name, value] of [["since", since], ["until", until]]) {
      if (value) q.set(name, value); else q.delete(name);
    }
    const target = q.toString() ? "?" + q : window.location.pathname;
    if (target !== window.location.search && !(target === window.location.pathname && !window.location.search)) {
      window.history.pushState(null, "", target); /* one history entry per period, not per event */
    }
    show(since, until);
  }
  function fromControls() {
    const [since, until] = period(Number(end.value), Number(length.value));
    choose(since, until);
  }

  draw(data.footprint, data.since, data.until, true);
  setControls(data.since, data.until);
  if (end) {
    end.addEventListener("input", () => { label.textContent = period(Number(end.value), Number(length.value)).map((d) => d || "…").join(" – "); });
    end.addEventListener("change", fromControls);
    length.addEventListener("change", fromControls);
    document.getElementById("period-all").addEventListener("click", () => choose(null, null));
    for (const rect of document.querySelectorAll("#actor-timeline rect")) {
      rect.addEventListener("click", () => {
        end.value = String(months.indexOf(rect.dataset.month));
        length.value = "1";
        fromControls();
      });
    }
  }
  window.addEventListener("popstate", () => {
    const [since, until] = fromUrl();
    setControls(since, until);
    show(since, until);
  });
  document.body.dataset.state = "ready";
})();
