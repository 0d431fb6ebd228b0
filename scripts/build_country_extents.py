"""Print the `extents` block of extraction/taxonomies/countries.yaml from the shared GeoNames extracts.

    python scripts/build_country_extents.py [SHARED_GAZETTEER_DIR]

Each extent is the 0.5th-99.5th percentile box of the country's populated places (feature class P in the
GeoNames country dumps; cities1000 rows where there is no dump): where people live, which is what a
report means by "the north of the country".
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

DUMPS = ("ML", "SN", "BF", "NE", "MR", "CI", "GN")
CITIES_ONLY = ("BJ", "TG", "TD", "NG", "GH", "DZ", "CM")


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[int(q * (len(ordered) - 1))]


def main(root: Path) -> None:
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for cc in DUMPS:
        for line in (root / "geonames" / f"{cc}.txt").read_text(encoding="utf-8").splitlines():
            f = line.split("\t")
            if f[6] == "P":
                points[cc].append((float(f[4]), float(f[5])))
    with (root / "cities1000_west_africa.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["cc"] in CITIES_ONLY:
                points[row["cc"]].append((float(row["lat"]), float(row["lon"])))
    print("extents:")
    for cc, pts in sorted(points.items()):
        lat, lon = [p[0] for p in pts], [p[1] for p in pts]
        box = [_quantile(v, q) for v in (lat,) for q in (0.005, 0.995)]
        box += [_quantile(v, q) for v in (lon,) for q in (0.005, 0.995)]
        print(f"  {cc}: [{', '.join(str(round(x, 2)) for x in box)}]")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[2] / "shared/data/gazetteer")
