"""Admin areas (regions, cercles, provinces, départements...) as gazetteer rows.

An admin area is placed at its main town (the seat), as geo precision 3
expects: ``PPLA``/``PPLA2`` of the same division first, then a town of the
same name, then the area's GeoNames centroid, then the mean of its places.
Renamed and new divisions come from ``admin_changes.yaml``; their former names
become aliases.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from harmattan.regions.gazetteer.admin import AdminChanges, display_name
from harmattan.regions.gazetteer.geonames import GeoRow, spellings
from harmattan.regions.text import fold

if TYPE_CHECKING:
    from harmattan.regions.gazetteer.build import Row

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_SEAT_CODES = {1: ("P.PPLC", "P.PPLA"), 2: ("P.PPLA2", "P.PPLC", "P.PPLA")}


def _curated_seats(pack_places: Path) -> list[Row]:
    """Curated populated places, as seat candidates for areas GeoNames cannot place."""
    from harmattan.regions.gazetteer.build import Row

    path = pack_places / "curated.yaml"
    if not path.exists():
        return []
    data: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    out: list[Row] = []
    for entry in data.get("places") or []:
        if str(entry.get("feature", "")).startswith("P"):
            out.append(
                Row(
                    id=str(entry["id"]), name=str(entry["name"]), country=str(entry["country"]),
                    admin1=entry.get("admin1"), admin2=entry.get("admin2"),
                    latitude=float(entry["latitude"]), longitude=float(entry["longitude"]),
                    feature=str(entry["feature"]), population=int(entry.get("population", 0)),
                    names=spellings(str(entry["name"]), *map(str, entry.get("names") or ())),
                )
            )  # fmt: skip
    return out


class _Seats:
    """Finds the main town of an area among the built rows."""

    def __init__(self, rows: Sequence[Row]) -> None:
        self.by_name: dict[tuple[str, str], list[Row]] = {}
        self.by_admin: dict[tuple[str, str, str], list[Row]] = {}
        for row in rows:
            if not row.feature.startswith("P"):
                continue
            for name in row.names:
                self.by_name.setdefault((row.country, fold(name)), []).append(row)
            self.by_admin.setdefault((row.country, fold(row.admin1 or ""), ""), []).append(row)
            if row.admin2:
                self.by_admin.setdefault((row.country, fold(row.admin1 or ""), fold(row.admin2)), []).append(
                    row
                )

    def named(self, country: str, name: str, admin1: str | None = None) -> Row | None:
        found = self.by_name.get((country, fold(name)), [])
        if admin1 is not None:
            found = [r for r in found if fold(r.admin1 or "") == fold(admin1)] or found
        return max(found, key=_seatiness, default=None)

    def of_division(self, country: str, level: int, admin1: str, admin2: str = "") -> Row | None:
        members = self.by_admin.get((country, fold(admin1), fold(admin2)), [])
        seats = [r for r in members if r.feature in _SEAT_CODES[level]]
        return max(seats, key=_seatiness, default=None)

    def members(self, country: str, admin1: str, admin2: str = "") -> list[Row]:
        return self.by_admin.get((country, fold(admin1), fold(admin2)), [])


def _seatiness(row: Row) -> tuple[int, int, str]:
    order = {"P.PPLC": 5, "P.PPLA": 4, "P.PPLA2": 3, "P.PPLA3": 2, "P.PPLA4": 1}
    return (order.get(row.feature, 0), row.population, row.id)


def _area(
    *, id: str, name: str, country: str, level: int, admin1: str | None, admin2: str | None,
    seat: Row | None, geo: GeoRow | None, members: Sequence[Row], names: Iterable[str],
) -> Row | None:  # fmt: skip
    from harmattan.regions.gazetteer.build import Row

    if seat is not None:
        lat, lon, note = seat.latitude, seat.longitude, f"seat {seat.id} {seat.name}"
    elif geo is not None:
        lat, lon, note = geo.latitude, geo.longitude, "no seat found: GeoNames area point"
    elif members:
        lat = round(sum(r.latitude for r in members) / len(members), 5)
        lon = round(sum(r.longitude for r in members) / len(members), 5)
        note = f"no seat found: mean of {len(members)} places"
    else:
        return None
    return Row(
        id=id, name=name, country=country, admin1=admin1, admin2=admin2, latitude=lat, longitude=lon,
        feature=f"A.ADM{level}", population=geo.population if geo else 0,
        names=spellings(name, *names, *(geo.alternates if geo else ())), note=note,
    )  # fmt: skip


def admin_areas(
    countries: Sequence[str],
    rows: Sequence[Row],
    admin1: dict[str, tuple[str, int]],
    admin2: dict[str, tuple[str, int]],
    geo_rows: dict[int, GeoRow],
    changes: AdminChanges,
    pack_places: Path,
) -> list[Row]:
    """Admin1 and admin2 areas of ``countries`` (admin names still as GeoNames has them)."""
    seats = _Seats([*rows, *_curated_seats(pack_places)])
    out: list[Row] = []
    for country in countries:
        level2 = _admin2_areas(country, seats, admin1, admin2, geo_rows, changes)
        out.extend(_admin1_areas(country, seats, admin1, geo_rows, changes, level2))
        out.extend(level2)
    return out


def _admin1_areas(
    country: str, seats: _Seats, admin1: dict[str, tuple[str, int]], geo_rows: dict[int, GeoRow],
    changes: AdminChanges, level2: Sequence[Row],
) -> list[Row]:  # fmt: skip
    made: dict[str, Row] = {}
    table = {f"gn:{gid}": name for key, (name, gid) in admin1.items() if key.startswith(f"{country}.")}
    for area_id, name in sorted(table.items()):
        geo = geo_rows.get(int(area_id[3:]))
        listed = changes.seats.get((country, 1, fold(name)))
        seat = (seats.named(country, listed) if listed else None) or seats.of_division(country, 1, name)
        seat = seat or seats.named(country, name)
        # Without towns of its own, an area sits at the mean of its sub-areas' seats.
        members = seats.members(country, name) or [a for a in level2 if a.admin1 == name]
        area = _area(id=area_id, name=name, country=country, level=1, admin1=name, admin2=None, seat=seat,
                     geo=geo, members=members, names=())  # fmt: skip
        if area:
            made[area_id] = area
    for change in changes.region_changes(country):
        old = made.get(change.id)
        former = tuple(dict.fromkeys([*change.former_names, *([old.name] if old else [])]))
        if old and fold(old.name) == fold(change.name):
            continue
        seat = seats.named(country, change.seat)
        base = old.names if old else ()
        area = _area(id=change.id, name=change.name, country=country, level=1, admin1=change.name,
                     admin2=None, seat=seat, geo=None, members=(), names=(*former, *base))  # fmt: skip
        if area is None and old is not None:
            area = old
            area.name, area.admin1 = change.name, change.name
            area.names = spellings(change.name, *former, *old.names)
        if area is not None:
            area.population = old.population if old else 0
            made[change.id] = area
    return list(made.values())


def _admin2_areas(
    country: str, seats: _Seats, admin1: dict[str, tuple[str, int]], admin2: dict[str, tuple[str, int]],
    geo_rows: dict[int, GeoRow], changes: AdminChanges,
) -> list[Row]:  # fmt: skip
    out: list[Row] = []
    for key, (raw, gid) in sorted(admin2.items()):
        if not key.startswith(f"{country}."):
            continue
        parent = admin1.get(key.rsplit(".", 1)[0])
        parent_name = parent[0] if parent else None
        name = display_name(raw)
        listed = changes.seats.get((country, 2, fold(name)))
        seat = (seats.named(country, listed, parent_name) if listed else None) or (
            seats.of_division(country, 2, parent_name or "", name) or seats.named(country, name, parent_name)
        )
        current = changes.current_admin2(country, name) or name
        area = _area(id=f"gn:{gid}", name=current, country=country, level=2, admin1=parent_name,
                     admin2=name, seat=seat, geo=geo_rows.get(gid),
                     members=seats.members(country, parent_name or "", name), names=(name, raw))  # fmt: skip
        if area:
            out.append(area)
    for change in changes.admin2:
        if change.country != country or not change.new or not change.seat:
            continue
        seat = seats.named(country, change.seat)
        slug = fold(change.name).replace(" ", "-")
        area_id = f"cur:{country.lower()}-province-{slug}"
        area = _area(id=area_id, name=change.name, country=country, level=2, admin1=change.admin1,
                     admin2=change.name, seat=seat, geo=None, members=(), names=())  # fmt: skip
        if area:
            out.append(area)
    return out


__all__ = ["admin_areas", "display_name"]
