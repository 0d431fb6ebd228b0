/* The map page: filters kept in the URL, clustered markers over the offline basemap, a timeline,
   facets and the paged event list. Everything from the API; text goes in with textContent only. */
"use strict";
(function () {
  const FILTERS = ["country", "admin1", "actor", "type", "tactic", "since", "until"];
  const MAP_LIMIT = 5000;
  const PAGE = 100;
  const form = document.getElementById("filters");
  const tbody = document.querySelector("#events tbody");
  const moreButton = document.getElementById("more");
  let nextCursor = null;

  const map = L.map("map", { preferCanvas: true, minZoom: 3, maxZoom: 13 }).setView([15, 0], 5);
  map.attributionControl.addAttribution("Natural Earth (public domain)");
  fetch("/static/basemap/sahel-countries.geojson").then((r) => r.json()).then((geo) => {
    L.geoJSON(geo, { style: { color: "#8a7f6a", weight: 1, fillColor: "#f3ede0", fillOpacity: 1 } }).addTo(map).bringToBack();
  });
  const cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40 });
  map.addLayer(cluster);

  function params() {
    const out = new URLSearchParams();
    const url = new URLSearchParams(window.location.search);
    for (const name of FILTERS) for (const v of url.getAll(name)) if (v) out.append(name, v);
    return out;
  }
  function fillForm() {
    const p = params();
    for (const name of FILTERS) form.elements[name].value = p.getAll(name).join(", ");
    const colour = new URLSearchParams(window.location.search).get("colour");
    if (colour) form.elements.colour.value = colour;
  }
  function formParams() {
    const out = new URLSearchParams();
    for (const name of FILTERS) {
      const raw = form.elements[name].value.trim();
      if (!raw) continue;
      const values = name === "since" || name === "until" ? [raw] : raw.split(/\s*,\s*/);
      for (const v of values) if (v) out.append(name, v);
    }
    if (form.elements.colour.value !== "type") out.set("colour", form.elements.colour.value);
    const lang = new URLSearchParams(window.location.search).get("lang");
    if (lang) out.set("lang", lang);
    return out;
  }
  function colourClass(props) {
    const by = form.elements.colour.value;
    const key = by === "actor" ? (props.actor1_id || props.actor1 || "") : (props.event_type || props.plover_type || "");
    let h = 0;
    for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return "mk mk-" + (key ? h % 10 : "none");
  }
  function place(e) { return [e.location, e.admin1, e.country].filter(Boolean).join(", "); }

  function popup(props) {
    return HM.el("div", {}, [
      HM.el("strong", { text: (props.sub_event_type || props.event_type || props.plover_type || "?") + " — " + (props.event_date || "") }),
      HM.el("div", { text: [props.actor1, props.actor2].filter(Boolean).join(" / ") }),
      HM.el("div", { text: place(props) }),
      HM.el("a", { href: "/events/" + encodeURIComponent(props.event_key), text: props.event_key }),
    ]);
  }
  async function loadMap(p) {
    const q = new URLSearchParams(p);
    q.set("format", "geojson");
    q.set("limit", String(MAP_LIMIT));
    const geo = await fetch("/api/events?" + q.toString()).then((r) => r.json());
    cluster.clearLayers();
    const markers = [];
    for (const f of geo.features || []) {
      if (!f.geometry) continue;
      const [lon, lat] = f.geometry.coordinates;
      const icon = L.divIcon({ className: colourClass(f.properties), iconSize: [14, 14] });
      markers.push(L.marker([lat, lon], { icon: icon, title: f.properties.event_key, keyboard: false }).bindPopup(popup(f.properties)));
    }
    cluster.addLayers(markers);
    document.getElementById("map").dataset.markers = String(markers.length);
    if (markers.length) map.fitBounds(cluster.getBounds(), { maxZoom: 8, padding: [20, 20] });
  }
  function row(e) {
    const link = HM.el("a", { href: "/events/" + encodeURIComponent(e.event_key), text: e.sub_event_type || e.event_type || e.plover_type || "?" });
    const actors = HM.el("td");
    [["actor1", "actor1_id"], ["actor2", "actor2_id"]].forEach(([name, id], i) => {
      if (!e[name]) return;
      if (i && actors.childNodes.length) actors.append(" / ");
      actors.append(e[id] ? HM.el("a", { href: "/actors/" + encodeURIComponent(e[id]), text: e[name] }) : e[name]);
    });
    return HM.el("tr", { "data-key": e.event_key }, [
      HM.el("td", { text: e.event_date || "" }), HM.el("td", {}, [link]), actors,
      HM.el("td", { text: place(e) }), HM.el("td", { text: e.fatalities == null ? "" : String(e.fatalities) }),
      HM.el("td", { text: (e.sources || "") + " (" + e.n_sources + ")" }),
    ]);
  }
  async function loadPage(p, cursor) {
    const q = new URLSearchParams(p);
    q.set("limit", String(PAGE));
    if (cursor) q.set("cursor", cursor);
    const page = await HM.api("GET", "/api/events?" + q.toString());
    if (!cursor) tbody.replaceChildren();
    for (const e of page.events) tbody.append(row(e));
    nextCursor = page.next_cursor;
    moreButton.hidden = !nextCursor;
    document.getElementById("empty").hidden = tbody.childElementCount > 0;
  }
  function facet(listId, items, name) {
    const list = document.getElementById(listId);
    list.replaceChildren();
    for (const item of items) {
      const a = HM.el("a", { href: "#", text: item.value + " (" + item.events + ")" });
      a.addEventListener("click", (ev) => { ev.preventDefault(); form.elements[name].value = item.value; apply(); });
      list.append(HM.el("li", {}, [a]));
    }
  }
  function timeline(months) {
    const svg = document.getElementById("timeline");
    svg.replaceChildren();
    const NS = "http://www.w3.org/2000/svg";
    const peak = Math.max(1, ...months.map((m) => m.events));
    const width = 400 / Math.max(months.length, 1);
    months.forEach((m, i) => {
      const h = Math.max(1, (70 * m.events) / peak);
      const rect = document.createElementNS(NS, "rect");
      rect.setAttribute("x", String(i * width));
      rect.setAttribute("y", String(75 - h));
      rect.setAttribute("width", String(Math.max(1, width - 1)));
      rect.setAttribute("height", String(h));
      rect.setAttribute("class", "bar");
      const title = document.createElementNS(NS, "title");
      title.textContent = m.month + ": " + m.events + " (" + m.fatalities + " †)";
      rect.append(title);
      rect.addEventListener("click", () => {
        const [y, mo] = m.month.split("-").map(Number);
        form.elements.since.value = m.month + "-01";
        form.elements.until.value = new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
        apply();
      });
      svg.append(rect);
    });
    if (months.length) {
      for (const [x, text, anchor] of [[0, months[0].month, "start"], [400, months[months.length - 1].month, "end"]]) {
        const label = document.createElementNS(NS, "text");
        label.setAttribute("x", String(x));
        label.setAttribute("y", "88");
        label.setAttribute("text-anchor", anchor);
        label.textContent = text;
        svg.append(label);
      }
    }
  }
  async function loadSummary(p) {
    const s = await HM.api("GET", "/api/events/summary?" + p.toString());
    document.getElementById("count").textContent = String(s.total);
    timeline(s.months);
    facet("facet-admin1", s.admin1, "admin1");
    facet("facet-type", s.event_type, "type");
  }
  async function load() {
    fillForm();
    const p = params();
    document.getElementById("export-csv").href = "/api/events?" + p.toString() + (p.toString() ? "&" : "") + "format=csv&limit=200000";
    document.getElementById("export-geojson").href = "/api/events?" + p.toString() + (p.toString() ? "&" : "") + "format=geojson&limit=200000";
    document.body.dataset.state = "loading";
    try {
      await Promise.all([loadMap(p), loadPage(p, null), loadSummary(p)]);
    } catch (err) {
      document.getElementById("empty").hidden = false;
      document.getElementById("empty").textContent = HM.t("error") + ": " + err.message;
    }
    document.body.dataset.state = "ready";
  }
  function apply() {
    const q = formParams().toString();
    window.history.pushState(null, "", q ? "?" + q : window.location.pathname);
    load();
  }
  form.addEventListener("submit", (ev) => { ev.preventDefault(); apply(); });
  form.elements.colour.addEventListener("change", apply);
  document.getElementById("reset").addEventListener("click", () => { form.reset(); apply(); });
  /* The latest month with events under the other filters (the sample's "this month" may be empty). */
  document.getElementById("latest-month").addEventListener("click", async () => {
    const p = params();
    p.delete("since");
    p.delete("until");
    const s = await HM.api("GET", "/api/events/summary?" + p.toString());
    const last = s.months.length ? s.months[s.months.length - 1].month : new Date().toISOString().slice(0, 7);
    const [y, m] = last.split("-").map(Number);
    form.elements.since.value = last + "-01";
    form.elements.until.value = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    apply();
  });
  moreButton.addEventListener("click", () => loadPage(params(), nextCursor));
  window.addEventListener("popstate", load);
  load();
})();
