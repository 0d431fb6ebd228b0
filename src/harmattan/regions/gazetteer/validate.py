"""Checks on a loaded gazetteer index, phrased for the analyst who edits the pack.

Curated entries are checked one by one (source, id, coordinates, feature,
admin names); GeoNames rows are checked in bulk, and their problems grouped,
so a run prints a readable list rather than thousands of lines.
"""

from __future__ import annotations

from collections import Counter

from harmattan.regions.gazetteer import features
from harmattan.regions.gazetteer.admin import AdminChanges
from harmattan.regions.gazetteer.index import Index, RowTuple
from harmattan.regions.text import fold

#: How far (degrees) a curated place may sit outside its country's GeoNames extent.
EXTENT_MARGIN = 0.75
_KINDS = {"populated", "admin1", "admin2", "country", "area", "other"}


def _extents(index: Index, rows: list[RowTuple]) -> dict[str, tuple[float, float, float, float]]:
    """Bounding box of each country's GeoNames places (countries with at least 5 rows)."""
    boxes: dict[str, list[float]] = {}
    counts: Counter[str] = Counter()
    for row in rows:
        if row[0] in index.curated_ids or row[0] in index.supplement_ids:
            continue
        counts[row[2]] += 1
        box = boxes.setdefault(row[2], [row[5], row[5], row[6], row[6]])
        box[0], box[1] = min(box[0], row[5]), max(box[1], row[5])
        box[2], box[3] = min(box[2], row[6]), max(box[3], row[6])
    return {c: (b[0], b[1], b[2], b[3]) for c, b in boxes.items() if counts[c] >= 5}


def _admin_names(rows: list[RowTuple]) -> dict[tuple[str, int], set[str]]:
    names: dict[tuple[str, int], set[str]] = {}
    for row in rows:
        if row[9] in ("admin1", "admin2"):
            level = 1 if row[9] == "admin1" else 2
            names.setdefault((row[2], level), set()).update(fold(n) for n in row[10])
    return names


def _check_row(row: RowTuple, extents: dict[str, tuple[float, float, float, float]]) -> list[str]:
    pid, lat, lon = row[0], row[5], row[6]
    problems = []
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        problems.append(f"{pid}: coordinates ({lat}, {lon}) are not on Earth")
    box = extents.get(row[2])
    if box and not (box[0] - EXTENT_MARGIN <= lat <= box[1] + EXTENT_MARGIN
                    and box[2] - EXTENT_MARGIN <= lon <= box[3] + EXTENT_MARGIN):  # fmt: skip
        problems.append(f"{pid}: ({lat}, {lon}) lies outside {row[2]} (swapped latitude/longitude?)")
    if row[9] not in _KINDS or row[9] != features.kind_of(row[7]):
        problems.append(f"{pid}: kind {row[9]!r} does not fit feature {row[7]}")
    return problems


def validate_index(index: Index, changes: AdminChanges) -> list[str]:
    """Every problem found, curated entries first; empty when the gazetteer is sound."""
    problems = list(index.problems)
    rows = list(index.rows())
    extents = _extents(index, rows)
    admin = _admin_names(rows)
    dangling: Counter[tuple[str, str, str]] = Counter()
    # Entries made for the pack (curated, or taken from UCDP) are checked one by one.
    own = index.curated_ids | index.supplement_ids
    for row in rows:
        pid = row[0]
        if pid in own:
            problems.extend(_check_row(row, extents))
        for level, value in ((1, row[3]), (2, row[4])):
            if value and (row[2], level) in admin and fold(value) not in admin[(row[2], level)]:
                if pid in own:
                    problems.append(f"{pid}: admin{level} {value!r} is no admin{level} area of {row[2]}")
                else:
                    dangling[(row[2], f"admin{level}", value)] += 1
    for (country, field, value), n in sorted(dangling.items()):
        problems.append(f"geonames.tsv: {n} {country} place(s) name {field} {value!r}, which no area has")
    problems.extend(_stale_admin1(rows, changes))
    return problems


def _stale_admin1(rows: list[RowTuple], changes: AdminChanges) -> list[str]:
    """Places still filed under a region name the change table retired: geonames.tsv needs a rebuild."""
    retired = {
        (c.country, fold(old)): c.name for c in changes.regions if c.admin2 is None for old in c.from_admin1
    }
    stale: Counter[tuple[str, str, str]] = Counter()
    for row in rows:
        new = retired.get((row[2], fold(row[3] or "")))
        if new is not None and row[9] != "admin1":
            stale[(row[2], row[3] or "", new)] += 1
    return [
        f"geonames.tsv: {n} {country} place(s) still under admin1 {old!r}, now {new!r}: rerun the build"
        for (country, old, new), n in sorted(stale.items())
    ]
