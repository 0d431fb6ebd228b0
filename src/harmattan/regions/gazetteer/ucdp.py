"""Build ``sahel/places/ucdp_places.yaml``: conflict villages UCDP GED places exactly and GeoNames lacks.

    python scripts/build_ucdp_places.py [--csv UCDP_CSV] [--gold GOLD_DIR] [--out FILE]

Reads the UCDP GED rows with ``where_prec`` 1 (the exact place), cleans the place name of its
type word ("Tiemboulo village" -> "Tiemboulo", the original text is kept), groups rows by name,
and writes one entry per place at the median position of its rows. A name whose rows do not all
lie within 10 km of that median is dropped (two villages, or a coding error) and reported.
Admin names are the gazetteer's own: those of the nearest GeoNames place in UCDP's province
(UCDP writes "Kompienga province"), else of the nearest place. A place the gazetteer already has
(same name or loose spelling within 10 km) is skipped.

Honesty rule: the held-out gold was written partly from UCDP rows, so every UCDP id a gold test
passage references (or SOURCES.md lists without a dev passage) and every place named like a gold
*test* event's location are left out
(:mod:`harmattan.regions.gazetteer.ucdp_exclusions`); the build fails if the gold folder cannot
be read. Same inputs, same bytes out.
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import statistics
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from harmattan.regions.gazetteer import supplement
from harmattan.regions.gazetteer.admin import AdminChanges, bare
from harmattan.regions.gazetteer.ucdp_exclusions import ExclusionError, Exclusions, read_exclusions
from harmattan.regions.geo import haversine_km as km
from harmattan.regions.places import Gazetteer, Place
from harmattan.regions.text import fold

REPO = Path(__file__).resolve().parents[4]
PACK = REPO / "src" / "harmattan" / "regions" / "sahel"
DEFAULT_CSV = REPO / ".." / "shared" / "data" / "gold" / "ucdp_ged_sahel_train.csv"
#: Rows of one name must lie this close (km) to their median; a known place this close is the same.
AGREE_KM = 10.0
#: Farthest GeoNames place (km) whose admin names a UCDP place may take.
ADMIN_MAX_KM = 55.0
#: Type words UCDP appends to a place name, and the GeoNames feature each implies.
TYPE_WORDS = {
    "village": "P.PPL", "town": "P.PPL", "city": "P.PPL", "locality": "P.PPL", "hamlet": "P.PPL",
    "area": "P.PPL", "commune": "P.PPL", "camp": "S.CMP", "mine": "S.MN", "gold mine": "S.MN",
    "military base": "S.INSTM", "base": "S.INSTM",
}  # fmt: skip
_TYPE = re.compile(r"\s+(" + "|".join(sorted(TYPE_WORDS, key=len, reverse=True)) + r")$", re.I)
_ASIDE = re.compile(r"^(.*?)\s*\(([^)]*)\)\s*(.*)$")


@dataclass(frozen=True, slots=True)
class UcdpRow:
    id: int
    country: str
    original: str
    adm_2: str
    latitude: float
    longitude: float


@dataclass(slots=True)
class Counts:
    rows_read: int = 0
    rows_exact: int = 0
    rows_excluded_by_id: int = 0
    places: int = 0
    dropped_inconsistent: list[str] = field(default_factory=list)
    excluded_test_names: int = 0
    skipped_known: int = 0
    written: int = 0


def clean(original: str) -> tuple[str, tuple[str, ...], str]:
    """``(name, other names, feature)`` of a UCDP ``where_coordinates`` text."""
    text, feature = original.strip(), "P.PPL"
    while match := _TYPE.search(text):
        feature = TYPE_WORDS[match.group(1).lower()] if feature == "P.PPL" else feature
        text = text[: match.start()].strip()
    aside = _ASIDE.match(text)
    if aside:  # "Bouro (Liki)": the part in brackets is another name
        main = " ".join(p for p in (aside.group(1), aside.group(3)) if p)
        return main, (aside.group(2).strip(),), feature
    return text, (), feature


def read_rows(path: Path, countries: dict[str, str], counts: Counts) -> list[UcdpRow]:
    """The exact-place rows (``where_prec`` 1) of a UCDP GED CSV."""
    out: list[UcdpRow] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            counts.rows_read += 1
            if rec["where_prec"].strip() != "1" or not rec["where_coordinates"].strip():
                continue
            counts.rows_exact += 1
            country = countries[rec["country"].strip()]
            where, adm_2 = rec["where_coordinates"].strip(), rec["adm_2"].strip()
            lat, lon = float(rec["latitude"]), float(rec["longitude"])
            out.append(UcdpRow(int(rec["id"]), country, where, adm_2, lat, lon))
    return out


class AdminFinder:
    """Admin names of a point, from the nearest GeoNames populated place (preferring UCDP's province)."""

    def __init__(self, gazetteer: Gazetteer, changes: AdminChanges) -> None:
        self._changes = changes
        self._places = [p for p in gazetteer if p.kind == "populated" and p.admin1 and p.id.startswith("gn")]
        self._pts = np.radians(np.array([(p.latitude, p.longitude) for p in self._places]))

    def find(self, country: str, lat: float, lon: float, ucdp_adm2: str) -> tuple[Place | None, float, bool]:
        """``(place, km, in UCDP's province)`` or ``(None, 0, False)`` when nothing is near."""
        la, lo = math.radians(lat), math.radians(lon)
        a = (
            np.sin((self._pts[:, 0] - la) / 2) ** 2
            + np.cos(la) * np.cos(self._pts[:, 0]) * np.sin((self._pts[:, 1] - lo) / 2) ** 2
        )
        dist = 6371.0 * 2 * np.arcsin(np.sqrt(np.minimum(1.0, a)))
        wanted = bare(self._changes.current_admin2(country, ucdp_adm2) or "") if ucdp_adm2 else ""
        best: tuple[Place | None, float, bool] = (None, 0.0, False)
        for i in np.argsort(dist, kind="stable"):
            place, d = self._places[int(i)], float(dist[int(i)])
            if d > ADMIN_MAX_KM:
                break
            if place.country != country:
                continue
            inside = bool(wanted) and bare(place.admin2 or "") == wanted
            if inside:
                return place, d, True
            if best[0] is None:
                best = (place, d, False)
        return best


def _known(gazetteer: Gazetteer, names: Iterable[str], lat: float, lon: float) -> str | None:
    for name in names:
        for place in gazetteer.named(name):
            if km(lat, lon, place.latitude, place.longitude) <= AGREE_KM:
                return place.id
    return None


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def _entry(group: list[UcdpRow], lat: float, lon: float, spread: float, admin: AdminFinder) -> dict[str, Any]:
    first = group[0]
    name, others, feature = clean(first.original)
    originals = sorted({r.original for r in group})
    place, dist, inside = admin.find(first.country, lat, lon, first.adm_2)
    entry: dict[str, Any] = {
        "id": f"ucdp:{first.country.lower()}-{_slug(name)}",
        "name": name,
        "original": "; ".join(originals),
        "country": first.country,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "latitude": round(lat, 5),
        "longitude": round(lon, 5),
        "feature": feature,
        "precision": 1,
        "rows": len(group),
        "spread_km": round(spread, 1),
    }
    extra = sorted({n for r in group for n in (clean(r.original)[0], *clean(r.original)[1])} - {name})
    if extra or others:
        entry["names"] = sorted({*extra, *others})
    if place is not None:
        where = f"in UCDP's {first.adm_2}" if inside else f"UCDP says {first.adm_2 or 'no province'}"
        entry["admin_from"] = f"{place.id} {place.name}, nearest place {where}, {dist:.1f} km"
    entry["source"] = ("UCDP GED ids " if len(group) > 1 else "UCDP GED id ") + ", ".join(
        str(r.id) for r in sorted(group, key=lambda r: r.id)
    )
    return entry


def build_entries(
    rows: Sequence[UcdpRow], gazetteer: Gazetteer, admin: AdminFinder, exclusions: Exclusions,
    loose: Callable[[str], str], counts: Counts,
) -> list[dict[str, Any]]:  # fmt: skip
    """The supplement's entries, sorted by id, with ``counts`` filled in (see the module docstring)."""
    groups: dict[tuple[str, str], list[UcdpRow]] = {}
    for row in rows:
        if row.id in exclusions.ucdp_ids:
            counts.rows_excluded_by_id += 1
            continue
        groups.setdefault((row.country, fold(clean(row.original)[0])), []).append(row)
    counts.places = len(groups)
    entries: dict[str, dict[str, Any]] = {}
    for (_country, _key), group in sorted(groups.items()):
        lat = statistics.median(r.latitude for r in group)
        lon = statistics.median(r.longitude for r in group)
        spread = max(km(lat, lon, r.latitude, r.longitude) for r in group)
        name, others, _ = clean(group[0].original)
        if spread > AGREE_KM:
            counts.dropped_inconsistent.append(
                f"{name} ({len(group)} rows, up to {spread:.0f} km from their median)"
            )
            continue
        if any(exclusions.names_test_location(n, loose) for n in (name, *others)):
            counts.excluded_test_names += 1
            continue
        if _known(gazetteer, (name, *others), lat, lon):
            counts.skipped_known += 1
            continue
        entry = _entry(sorted(group, key=lambda r: r.id), lat, lon, spread, admin)
        while entry["id"] in entries:  # two names with one slug ("Ka I-n", "Ka-In"): number the second
            entry["id"] += "-2"
        entries[entry["id"]] = entry
    counts.written = len(entries)
    return [entries[k] for k in sorted(entries)]


HEADER = """\
# Places taken from UCDP GED that the GeoNames extracts lack. GENERATED by scripts/build_ucdp_places.py
# from shared/data/gold/ucdp_ged_sahel_train.csv: do not edit by hand, rebuild (see docs/region-pack.md).
# One entry per distinct exact place (where_prec 1): name without UCDP's type word, the original text,
# median position of its rows (all within 10 km), admin names of the nearest GeoNames place (admin_from),
# and the UCDP GED ids it comes from. Rows referenced by the project's gold test passages and places named
# like a gold test event's location are left out (honesty rule, see the script's docstring).
"""


def render(entries: Sequence[dict[str, Any]]) -> str:
    body = {"attribution": supplement.ATTRIBUTION, "licence": "CC BY 4.0", "places": list(entries)}
    return HEADER + yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=10_000)


def _countries(pack: Path) -> dict[str, str]:
    data = yaml.safe_load((pack / "actors" / "countries.yaml").read_text(encoding="utf-8"))
    return {str(c["name"]): str(c["code"]) for c in data["countries"]}


def build(csv_path: Path, gold_dir: Path, pack: Path = PACK) -> tuple[str, Counts]:
    """The supplement's text and the build's counts. Raises :class:`ExclusionError` (see above)."""
    gazetteer = Gazetteer.load(pack, supplements=False)  # never compare against our own output
    loose = gazetteer.loose_key
    exclusions = read_exclusions(gold_dir, loose)
    changes = AdminChanges.load(pack / "places" / "admin_changes.yaml")
    counts = Counts()
    rows = read_rows(csv_path, _countries(pack), counts)
    entries = build_entries(rows, gazetteer, AdminFinder(gazetteer, changes), exclusions, loose, counts)
    return render(entries), counts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV, help="UCDP GED CSV (shared data)")
    parser.add_argument("--gold", type=Path, default=REPO / "gold", help="the project's gold folder")
    parser.add_argument("--pack", type=Path, default=PACK, help="the region pack folder")
    parser.add_argument("--out", type=Path, default=None, help="default: PACK/places/ucdp_places.yaml")
    args = parser.parse_args(argv)
    try:
        text, counts = build(args.csv, args.gold, args.pack)
    except ExclusionError as exc:
        print(f"error: the honesty exclusion set cannot be read, refusing to build: {exc}", file=sys.stderr)
        return 2
    out = args.out or args.pack / "places" / supplement.FILE
    out.write_text(text, encoding="utf-8")
    print(f"rows read\t{counts.rows_read}\nrows with where_prec 1\t{counts.rows_exact}")
    print(f"rows excluded (UCDP id referenced by gold)\t{counts.rows_excluded_by_id}")
    print(f"distinct places\t{counts.places}\ndropped as inconsistent (> {AGREE_KM:.0f} km)\t"
          f"{len(counts.dropped_inconsistent)}")  # fmt: skip
    for item in counts.dropped_inconsistent:
        print(f"  dropped: {item}")
    print(f"excluded (named like a gold test location)\t{counts.excluded_test_names}")
    print(f"skipped as known to the gazetteer\t{counts.skipped_known}\nplaces written\t{counts.written}")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
