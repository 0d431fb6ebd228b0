"""Build ``sahel/places/geonames.tsv`` from the GeoNames extracts, reproducibly.

    python -m harmattan.regions.gazetteer.build [SHARED_GAZETTEER_DIR] [--out FILE]

Reads the country dumps (every populated place of ML, BF, NE plus admin areas,
parks, massifs, wells, camps...; the P class of MR, SN, CI, GN), the
``cities1000`` rows of the countries without a dump, joins admin codes to
names, fills unknown admin codes from the nearest place that has them, applies
``admin_changes.yaml`` and writes one sorted row per place. Same inputs, same
bytes out.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from harmattan.regions.gazetteer import features
from harmattan.regions.gazetteer.admin import AdminChanges, bare, display_name
from harmattan.regions.gazetteer.areas import admin_areas
from harmattan.regions.gazetteer.geonames import (
    CityRow,
    GeoRow,
    read_admin_codes,
    read_cities1000,
    read_dump,
    spellings,
)
from harmattan.regions.text import fold

PACK_PLACES = Path(__file__).resolve().parents[1] / "sahel" / "places"
DEFAULT_SHARED = Path(__file__).resolve().parents[4] / ".." / "shared" / "data" / "gazetteer"
COLUMNS = (
    "id", "name", "country", "admin1", "admin2", "latitude", "longitude",
    "feature", "population", "kind", "names", "note",
)  # fmt: skip
#: Farthest neighbour (degrees, ~55 km) an unknown admin code may be filled from.
NEAREST_MAX_DEG = 0.5


@dataclass(slots=True)
class Row:
    """A gazetteer row while it is being built (mutable; becomes a TSV line)."""

    id: str
    name: str
    country: str
    admin1: str | None
    admin2: str | None
    latitude: float
    longitude: float
    feature: str
    population: int
    names: tuple[str, ...]
    note: str = ""

    def cells(self) -> list[str]:
        others = [n for n in self.names if fold(n) != fold(self.name)]
        return [
            self.id, self.name, self.country, self.admin1 or "", self.admin2 or "",
            f"{self.latitude:.5f}", f"{self.longitude:.5f}", self.feature, str(self.population),
            features.kind_of(self.feature), "|".join(others), self.note,
        ]  # fmt: skip


def dump_rows(geo: GeoRow, admin1: dict[str, tuple[str, int]], admin2: dict[str, tuple[str, int]]) -> Row:
    a1 = admin1.get(f"{geo.country}.{geo.admin1}")
    a2 = admin2.get(f"{geo.country}.{geo.admin1}.{geo.admin2}") if geo.admin2 else None
    return Row(
        id=f"gn:{geo.geonameid}",
        name=geo.name,
        country=geo.country,
        admin1=a1[0] if a1 else None,
        admin2=display_name(a2[0]) if a2 else None,
        latitude=geo.latitude,
        longitude=geo.longitude,
        feature=geo.feature,
        population=geo.population,
        names=spellings(geo.name, geo.asciiname, *geo.alternates),
    )


def city_rows(
    cities: Iterable[CityRow], admin1: dict[str, tuple[str, int]], admin2: dict[str, tuple[str, int]]
) -> list[Row]:
    """Rows for countries we only know from ``cities1000`` (ids are slugs: no geonameid there)."""
    admin1_names = {(k[:2], bare(v[0])): v[0] for k, v in admin1.items()}
    admin2_names: dict[tuple[str, str], str] = {}
    communes: dict[tuple[str, str], tuple[str, str]] = {}
    for key, (name, _gid) in admin2.items():
        admin2_names[(key[:2], bare(name))] = display_name(name)
        parent = admin1.get(key.rsplit(".", 1)[0])
        if parent:
            communes[(key[:2], bare(name))] = (parent[0], display_name(name))
    rows: list[Row] = []
    seen: dict[str, int] = {}
    for city in cities:
        if city.country in features.DUMP_COUNTRIES or not city.country:
            continue
        # Names the admin tables do not know (renamed since) are left for fill_unknown_admins.
        a1 = admin1_names.get((city.country, bare(city.admin1)))
        a2 = admin2_names.get((city.country, bare(city.admin2))) if city.admin2 else None
        # The file's admin1 is sometimes outdated (Malanville under Atakora); a commune named after
        # the town knows its current department.
        commune = communes.get((city.country, fold(city.name)))
        if commune and a2 is None:
            a1, a2 = commune
        slug = re.sub(r"[^a-z0-9]+", "-", fold(city.name)).strip("-")
        base = f"gn1000:{city.country.lower()}-{slug}"
        seen[base] = seen.get(base, 0) + 1
        rows.append(
            Row(
                id=base if seen[base] == 1 else f"{base}-{seen[base]}",
                name=city.name, country=city.country, admin1=a1, admin2=a2,
                latitude=city.latitude, longitude=city.longitude, feature="P.PPL",
                population=1000, names=spellings(city.name),
                note="cities1000: population >= 1000, exact figure unknown",
            )
        )  # fmt: skip
    return rows


def fill_unknown_admins(rows: list[Row], changes: AdminChanges | None = None) -> int:
    """Give rows without admin names those of the nearest row of the same country that has them.

    Also fills a missing admin2 (and with it the admin1) from the nearest place of the same admin1
    or of a region carved out of it: Mali's new regions are made of cercles, so a place needs its
    cercle to get its current region (Andéramboukane, filed under Gao, is in Ménaka).
    """
    filled = _fill_admin1(rows)
    carved: dict[tuple[str, str], set[str]] = {}
    for change in changes.regions if changes else ():
        for old in change.from_admin1:
            carved.setdefault((change.country, old), set()).add(change.name)
    for country in sorted({r.country for r in rows}):
        known = [r for r in rows if r.country == country and r.admin2 and r.feature.startswith("P")]
        unknown = [r for r in rows if r.country == country and r.admin1 and not r.admin2
                   and features.kind_of(r.feature) not in ("country", "admin1")]  # fmt: skip
        if not known or not unknown:
            continue
        groups: dict[str, list[Row]] = {}
        for row in known:
            groups.setdefault(row.admin1 or "", []).append(row)
        pools = {k: (v, np.array([(r.latitude, r.longitude) for r in v])) for k, v in groups.items()}
        for row in unknown:
            admin1 = row.admin1 or ""
            candidates = [
                best
                for name in (admin1, *sorted(carved.get((country, admin1), ())))
                if name in pools and (best := _nearest(row, *pools[name])) is not None
            ]
            if candidates:
                best = min(
                    candidates,
                    key=lambda r: (r.latitude - row.latitude) ** 2 + (r.longitude - row.longitude) ** 2,
                )
                row.admin1, row.admin2 = best.admin1, best.admin2
                row.note = "; ".join(filter(None, [row.note, f"admin2 from nearest place {best.id}"]))
                filled += 1
    return filled


def _nearest(row: Row, pool: Sequence[Row], pts: np.ndarray) -> Row | None:  # type: ignore[type-arg]
    if not pool:
        return None
    d2 = (pts[:, 0] - row.latitude) ** 2 + (pts[:, 1] - row.longitude) ** 2
    best = int(np.argmin(d2))
    return pool[best] if d2[best] <= NEAREST_MAX_DEG**2 else None


def _fill_admin1(rows: list[Row]) -> int:
    filled = 0
    for country in sorted({r.country for r in rows}):
        known = [r for r in rows if r.country == country and r.admin1 and r.feature.startswith("P")]
        unknown = [r for r in rows if r.country == country and not r.admin1 and features.kind_of(r.feature)
                   not in ("country", "admin1")]  # fmt: skip
        if not known or not unknown:
            continue
        pts = np.array([(r.latitude, r.longitude) for r in known])
        for row in unknown:
            d2 = (pts[:, 0] - row.latitude) ** 2 + (pts[:, 1] - row.longitude) ** 2
            best = int(np.argmin(d2))
            if d2[best] <= NEAREST_MAX_DEG**2:
                row.admin1 = known[best].admin1
                row.admin2 = row.admin2 or known[best].admin2
                row.note = f"admin from nearest place {known[best].id}"
                filled += 1
    return filled


def apply_changes(rows: list[Row], changes: AdminChanges) -> int:
    """Current admin1/admin2 names for every row; returns how many rest on unconfirmed mappings."""
    unconfirmed = 0
    for row in rows:
        new_admin1, confirmed = changes.current_admin1(row.country, row.admin1, row.admin2)
        if not confirmed:
            unconfirmed += 1
            row.note = "; ".join(filter(None, [row.note, "admin1 mapping unconfirmed"]))
        row.admin1 = new_admin1
        row.admin2 = changes.current_admin2(row.country, row.admin2)
    return unconfirmed


def build_rows(shared: Path, pack_places: Path = PACK_PLACES) -> list[Row]:
    """All gazetteer rows from the extracts in ``shared`` (see the module docstring)."""
    geonames_dir = shared / "geonames"
    admin1 = read_admin_codes(geonames_dir / "admin1CodesASCII.txt")
    admin2 = read_admin_codes(geonames_dir / "admin2Codes.txt")
    changes = AdminChanges.load(pack_places / "admin_changes.yaml")
    rows: list[Row] = []
    admin_rows: dict[int, GeoRow] = {}
    for country in features.DUMP_COUNTRIES:
        path = geonames_dir / f"{country}.txt"
        if not path.exists():
            continue
        for geo in read_dump(path):
            if geo.country != country or not features.keep(country, geo.feature_class, geo.feature_code):
                continue
            if geo.feature in ("A.ADM1", "A.ADM2"):
                admin_rows[geo.geonameid] = geo  # merged into the admin areas below
                continue
            rows.append(dump_rows(geo, admin1, admin2))
    cities = shared / "cities1000_west_africa.csv"
    if cities.exists():
        rows.extend(city_rows(read_cities1000(cities), admin1, admin2))
    countries = sorted({r.country for r in rows})
    rows.extend(admin_areas(countries, rows, admin1, admin2, admin_rows, changes, pack_places))
    fill_unknown_admins(rows, changes)
    apply_changes(rows, changes)
    rows.sort(key=sort_key)
    return rows


def sort_key(row: Row) -> tuple[str, str, int, str]:
    prefix, _, rest = row.id.partition(":")
    return (row.country, prefix, int(rest) if rest.isdigit() else 0, rest)


def write_tsv(rows: Sequence[Row], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow(row.cells())


def summary(rows: Sequence[Row]) -> dict[str, int]:
    counts: dict[str, int] = {"places": len(rows), "names": sum(len(r.names) for r in rows)}
    for row in rows:
        counts[f"country:{row.country}"] = counts.get(f"country:{row.country}", 0) + 1
        kind = features.kind_of(row.feature)
        counts[f"kind:{kind}"] = counts.get(f"kind:{kind}", 0) + 1
        if row.note.startswith("admin from nearest"):
            counts["admin_from_nearest"] = counts.get("admin_from_nearest", 0) + 1
        if "unconfirmed" in row.note:
            counts["admin1_unconfirmed"] = counts.get("admin1_unconfirmed", 0) + 1
        if not row.admin1 and features.kind_of(row.feature) not in ("country", "admin1"):
            counts["admin1_unknown"] = counts.get("admin1_unknown", 0) + 1
    return dict(sorted(counts.items()))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shared", nargs="?", type=Path, default=DEFAULT_SHARED,
                        help="the shared gazetteer folder (default: ../shared/data/gazetteer)")  # fmt: skip
    parser.add_argument("--out", type=Path, default=PACK_PLACES / "geonames.tsv")
    args = parser.parse_args(argv)
    if not (args.shared / "geonames").is_dir():
        print(f"error: {args.shared}/geonames not found", file=sys.stderr)
        return 2
    # The admin-change and curated tables are read from the folder the TSV goes to, when it has them.
    pack_places = args.out.parent if (args.out.parent / "admin_changes.yaml").exists() else PACK_PLACES
    rows = build_rows(args.shared.resolve(), pack_places)
    write_tsv(rows, args.out)
    for key, value in summary(rows).items():
        print(f"{key}\t{value}")
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
