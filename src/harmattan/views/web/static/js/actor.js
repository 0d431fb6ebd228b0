/* The actor page's footprint map: one circle per region, sized by its number of events. */
"use strict";
(function () {
  const places = JSON.parse(document.getElementById("footprint-data").textContent).filter((p) => p.latitude != null);
  const map = L.map("footprint-map", { minZoom: 3, maxZoom: 12 }).setView([15, 0], 4);
  fetch("/static/basemap/sahel-countries.geojson").then((r) => r.json()).then((geo) => {
    L.geoJSON(geo, { style: { color: "#8a7f6a", weight: 1, fillColor: "#f3ede0", fillOpacity: 1 } }).addTo(map).bringToBack();
  });
  const peak = Math.max(1, ...places.map((p) => p.events));
  const layer = L.featureGroup(places.map((p) =>
    L.circleMarker([p.latitude, p.longitude], { radius: 4 + (14 * p.events) / peak, color: "#b03a2e", weight: 1, fillOpacity: 0.5 })
      .bindTooltip([p.admin1, p.country].filter(Boolean).join(", ") + ": " + p.events))).addTo(map);
  if (places.length) map.fitBounds(layer.getBounds(), { maxZoom: 7, padding: [20, 20] });
})();
