"""Build the offline basemap: Natural Earth country outlines around the Sahel, as a small GeoJSON.

Source: the npm package ``world-atlas@2.0.2`` (ISC licence, Mike Bostock), which ships
Natural Earth 1:50m admin-0 countries (public domain) as TopoJSON. Run once when
upgrading the data::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m harmattan.views.web.basemap package/countries-50m.json

The output lives in ``static/basemap/`` and ships with the package; nothing is
fetched at run time.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).parent / "static" / "basemap" / "sahel-countries.geojson"
#: min_lon, min_lat, max_lon, max_lat: West Africa and the Sahel with their northern neighbours.
BBOX = (-26.0, -2.0, 32.0, 38.0)

Ring = list[list[float]]


def _arcs(topo: dict[str, Any]) -> list[Ring]:
    """Absolute lon/lat arcs from quantised, delta-encoded TopoJSON arcs."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([round(x * sx + tx, 3), round(y * sy + ty, 3)])
        out.append(points)
    return out


def _ring(indexes: list[int], arcs: list[Ring]) -> Ring:
    ring: Ring = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def _polygons(geometry: dict[str, Any], arcs: list[Ring]) -> list[list[Ring]]:
    if geometry["type"] == "Polygon":
        return [[_ring(r, arcs) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[_ring(r, arcs) for r in poly] for poly in geometry["arcs"]]
    return []


def _inside(polygons: list[list[Ring]]) -> bool:
    x0, y0, x1, y1 = BBOX
    return any(x0 <= x <= x1 and y0 <= y <= y1 for poly in polygons for ring in poly for x, y in ring)


def build(topojson_path: Path, out: Path = OUT) -> int:
    """Write the countries that touch :data:`BBOX` as a GeoJSON FeatureCollection; returns their count."""
    topo = json.loads(topojson_path.read_text(encoding="utf-8"))
    arcs = _arcs(topo)
    features = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        polygons = _polygons(geometry, arcs)
        if not polygons or not _inside(polygons):
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "name": geometry.get("properties", {}).get("name"),
                    "iso_n3": geometry.get("id"),
                },
                "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            }
        )
    collection = {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:50m admin-0 countries (public domain) via npm world-atlas@2.0.2 (ISC)",
        "features": features,
    }
    out.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    return len(features)


if __name__ == "__main__":
    print(build(Path(sys.argv[1])), "countries written to", OUT)
