"""Footprints and spread: where an actor is active per period, what it gained and lost, how close it gets.

A footprint is the set of admin1 and admin2 areas and H3 cells (resolution 5,
about 250 km² each) of an actor's events in a period, each with the events that
put it there. :func:`compare` answers "where is JNIM active now that it was not a
year ago?"; :func:`spread` gives one footprint per year; the frontier is the
actor's closest event to each capital (capitals are the pack's ``P.PPLC`` places).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import polars as pl
import yaml

from harmattan.analysis.frame import actors_long

H3_RESOLUTION = 5
MAX_GEO_PRECISION = 2
CAPITALS_PATH = Path(__file__).with_name("data") / "capitals.yaml"


@dataclass(frozen=True)
class Capital:
    country: str
    name: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Frontier:
    """The actor's event nearest to a capital in the period."""

    capital: str
    country: str
    distance_km: float
    event_id: str
    location: str | None


@dataclass
class Footprint:
    actor: str
    since: dt.date | None
    until: dt.date | None
    events: int
    countries: dict[str, list[str]] = field(default_factory=dict)
    admin1: dict[str, list[str]] = field(default_factory=dict)
    admin2: dict[str, list[str]] = field(default_factory=dict)
    cells: dict[str, list[str]] = field(default_factory=dict)
    frontier: list[Frontier] = field(default_factory=list)


@dataclass
class FootprintChange:
    """Areas in ``after`` and not in ``before`` (added, with the events) and the reverse (lost)."""

    actor: str
    before: Footprint
    after: Footprint
    added_admin1: dict[str, list[str]]
    lost_admin1: dict[str, list[str]]
    added_admin2: dict[str, list[str]]
    lost_admin2: dict[str, list[str]]
    added_cells: dict[str, list[str]]
    lost_cells: dict[str, list[str]]


def with_cells(frame: pl.DataFrame, resolution: int = H3_RESOLUTION) -> pl.DataFrame:
    """``frame`` plus an ``h3`` column (null where the event has no coordinates); kept if already there."""
    import h3

    if "h3" in frame.columns:
        return frame
    # Events repeat places: index each distinct coordinate pair once. Region-level points (geo precision 3:
    # the region's main town) say nothing about where in the region, so they get no cell.
    precise = pl.col("geo_precision").is_null() | (pl.col("geo_precision") <= MAX_GEO_PRECISION)
    coords = frame.filter(precise).select("latitude", "longitude").drop_nulls().unique()
    cells = [
        h3.latlng_to_cell(lat, lon, resolution)
        for lat, lon in zip(coords["latitude"].to_list(), coords["longitude"].to_list(), strict=True)
    ]
    lookup = coords.with_columns(pl.Series("h3", cells, dtype=pl.Utf8))
    joined = frame.join(lookup, on=["latitude", "longitude"], how="left", maintain_order="left")
    return joined.with_columns(pl.when(precise).then(pl.col("h3")).alias("h3"))


def _sets(rows: pl.DataFrame, column: str, limit: int) -> dict[str, list[str]]:
    grouped = rows.filter(pl.col(column).is_not_null()).group_by(column).agg(pl.col("event_id").head(limit))
    return {str(k): list(v) for k, v in sorted(grouped.iter_rows())}


def footprint(
    frame: pl.DataFrame,
    actor: str,
    since: dt.date | None = None,
    until: dt.date | None = None,
    capitals: Sequence[Capital] | None = None,
    resolution: int = H3_RESOLUTION,
    max_evidence: int = 20,
) -> Footprint:
    """Where ``actor`` (an id, either side of an event) was active between ``since`` and ``until``."""
    mine = frame.filter((pl.col("actor1_id") == actor) | (pl.col("actor2_id") == actor))
    rows = actors_long(mine).filter(pl.col("actor") == actor)
    if since:
        rows = rows.filter(pl.col("event_date") >= since)
    if until:
        rows = rows.filter(pl.col("event_date") <= until)
    rows = with_cells(rows, resolution)
    rows = rows.with_columns(
        pl.concat_str(["country", "admin1"], separator="/").alias("a1"),
        pl.concat_str(["country", "admin1", "admin2"], separator="/").alias("a2"),
    )
    fp = Footprint(actor, since, until, rows.height)
    fp.countries = _sets(rows, "country", max_evidence)
    fp.admin1 = _sets(rows, "a1", max_evidence)
    fp.admin2 = _sets(rows, "a2", max_evidence)
    fp.cells = _sets(rows, "h3", max_evidence)
    fp.frontier = frontier(rows, capitals or [])
    return fp


def frontier(rows: pl.DataFrame, capitals: Sequence[Capital]) -> list[Frontier]:
    """Per capital, the closest located event of ``rows``."""
    located = rows.filter(pl.col("h3").is_not_null()).unique("event_id", maintain_order=True)
    if located.is_empty():
        return []
    lats, lons = located["latitude"].to_numpy(), located["longitude"].to_numpy()
    out = []
    import numpy as np

    for cap in capitals:
        # Vectorised haversine over the actor's events.
        p1, p2 = np.radians(lats), math.radians(cap.latitude)
        a = (
            np.sin((p2 - p1) / 2) ** 2
            + np.cos(p1) * math.cos(p2) * np.sin(np.radians(cap.longitude - lons) / 2) ** 2
        )
        dist = 2 * 6371.0088 * np.arcsin(np.sqrt(a))
        i = int(dist.argmin())
        out.append(
            Frontier(
                cap.name,
                cap.country,
                round(float(dist[i]), 1),
                located["event_id"][i],
                located["location"][i],
            )
        )
    return sorted(out, key=lambda f: f.distance_km)


def _diff(a: dict[str, list[str]], b: dict[str, list[str]]) -> dict[str, list[str]]:
    return {k: v for k, v in a.items() if k not in b}


def compare(
    frame: pl.DataFrame,
    actor: str,
    before: tuple[dt.date, dt.date],
    after: tuple[dt.date, dt.date],
    capitals: Sequence[Capital] | None = None,
) -> FootprintChange:
    """What ``actor``'s footprint gained and lost from period ``before`` to period ``after``."""
    located = with_cells(frame)
    fa = footprint(located, actor, *before, capitals=capitals)
    fb = footprint(located, actor, *after, capitals=capitals)
    return FootprintChange(
        actor,
        fa,
        fb,
        _diff(fb.admin1, fa.admin1),
        _diff(fa.admin1, fb.admin1),
        _diff(fb.admin2, fa.admin2),
        _diff(fa.admin2, fb.admin2),
        _diff(fb.cells, fa.cells),
        _diff(fa.cells, fb.cells),
    )


def spread(
    frame: pl.DataFrame, actor: str, country: str | None = None, capitals: Sequence[Capital] | None = None
) -> list[Footprint]:
    """One footprint per calendar year of ``actor``'s events (in ``country`` when given)."""
    rows = frame.filter((pl.col("actor1_id") == actor) | (pl.col("actor2_id") == actor))
    rows = rows if country is None else rows.filter(pl.col("country") == country)
    located = with_cells(rows)
    years = sorted(set(located["event_date"].dt.year().to_list()))
    caps = [c for c in capitals or [] if country is None or c.country == country]
    out = []
    for year in years:
        fp = footprint(located, actor, dt.date(year, 1, 1), dt.date(year, 12, 31), capitals=caps)
        if fp.events:
            out.append(fp)
    return out


@lru_cache(maxsize=4)
def capitals_from_pack(pack_name: str = "sahel") -> tuple[Capital, ...]:
    """National capitals: the gazetteer's ``P.PPLC`` places, plus ``data/capitals.yaml`` looked up by name."""
    from harmattan import regions

    places = regions.load(pack_name).places
    found: dict[str, Capital] = {}
    for place in places:
        if place.feature == "P.PPLC" and place.country not in found:
            found[place.country] = Capital(place.country, place.name, place.latitude, place.longitude)
    extra = yaml.safe_load(CAPITALS_PATH.read_text(encoding="utf-8"))["capitals"]
    for country, name in extra.items():
        hits = [p for p in places.search(name, country=country, limit=3) if p.feature.startswith("P.")]
        if country not in found and hits:
            found[country] = Capital(country, name, hits[0].latitude, hits[0].longitude)
    return tuple(sorted(found.values(), key=lambda c: c.country))


def date_bounds(frame: pl.DataFrame, since: dt.date | None, until: dt.date | None) -> tuple[dt.date, dt.date]:
    """``since``/``until`` with the frame's own first and last dates filling what is not given."""
    from harmattan.analysis.frame import date_span

    lo, hi = date_span(frame)
    return since or lo, until or hi
