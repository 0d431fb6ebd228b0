"""The analyses as JSON-ready reports over a database, cached: what the CLI, API and dashboard call.

Each function loads the frame it needs from the store, runs the pure analysis
and returns plain dicts and lists; results are cached in ``analysis_cache``
until the events change (see :mod:`harmattan.analysis.cache`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict
from typing import Any

from harmattan.analysis import attribution, footprints, presence, relations, trends
from harmattan.analysis.cache import cached
from harmattan.analysis.frame import date_span, from_store
from harmattan.regions.text import fold
from harmattan.store.database import Database

_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """``2024`` / ``2024-03`` / ``2024-01-01:2024-06-30`` -> (first day, last day)."""
    if ":" in text:
        start, end = text.split(":", 1)
        return dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    match = _PERIOD.match(text)
    if not match:
        raise ValueError(f"{text!r} is not a period (YYYY, YYYY-MM or YYYY-MM-DD:YYYY-MM-DD)")
    year, month = int(match.group(1)), match.group(2)
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    first = dt.date(year, int(month), 1)
    nxt = dt.date(year + (first.month == 12), first.month % 12 + 1, 1)
    return first, nxt - dt.timedelta(days=1)


def resolve_actor(name: str, pack_name: str = "sahel", day: dt.date | None = None) -> str:
    """A pack id for an actor name, alias or id (else the folded name, as the frame stores it)."""
    from harmattan import regions

    registry = regions.load(pack_name).actors
    if name in registry:
        return name
    actor = registry.resolve(name, day)
    return str(actor.id) if actor else fold(name)


def resolver(pack_name: str = "sahel") -> Any:
    """``(name, date) -> id | None`` through the pack (for assoc_actor names)."""
    from harmattan import regions

    registry = regions.load(pack_name).actors

    def resolve(name: str, day: dt.date) -> str | None:
        actor = registry.resolve(name, day)
        return actor.id if actor else None

    return resolve


def _iso(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _iso(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_iso(v) for v in value]
    return value


def trends_report(
    db: Database, dimensions: tuple[str, ...], freq: str, metric: str, top: int, refresh: bool = False
) -> list[dict[str, Any]]:
    params = {"dimensions": dimensions, "freq": freq, "metric": metric, "top": top}

    def compute() -> list[dict[str, Any]]:
        found = trends.trends(from_store(db), dimensions, freq, metric, top)
        return [_iso(asdict(t)) for t in found]

    result: list[dict[str, Any]] = cached(db, "trends", params, compute, refresh)
    return result


def compare_report(
    db: Database, dimension: str, a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]
) -> list[dict[str, Any]]:
    params = {"dimension": dimension, "a": a, "b": b}

    def compute() -> list[dict[str, Any]]:
        return [_iso(asdict(c)) for c in trends.compare_periods(from_store(db), dimension, a, b)]

    result: list[dict[str, Any]] = cached(db, "compare-periods", params, compute)
    return result


def footprint_report(
    db: Database, actor: str, since: dt.date | None, until: dt.date | None,
    compare_to: tuple[dt.date, dt.date] | None = None, pack_name: str = "sahel",
) -> dict[str, Any]:  # fmt: skip
    actor_id = resolve_actor(actor, pack_name, until)
    params = {"actor": actor_id, "since": since, "until": until, "compare_to": compare_to}

    def compute() -> dict[str, Any]:
        frame = from_store(db)
        caps = footprints.capitals_from_pack(pack_name)
        if compare_to is None:
            found: dict[str, Any] = _iso(asdict(footprints.footprint(frame, actor_id, since, until, caps)))
            return found
        lo, hi = footprints.date_bounds(frame, since, until)
        change: dict[str, Any] = _iso(asdict(footprints.compare(frame, actor_id, compare_to, (lo, hi), caps)))
        return change

    result: dict[str, Any] = cached(db, "footprint", params, compute)
    return result


def relations_report(
    db: Database, actor: str | None, at: dt.date | None, window_days: int | None,
    pack_name: str = "sahel", rollup: bool = True,
) -> tuple[dict[str, Any], Any]:  # fmt: skip
    """(JSON report with graph, shifts and the actor's pair timelines; the networkx graph)."""
    frame = from_store(db)
    actor_id = resolve_actor(actor, pack_name, at) if actor else None
    roll = relations.state_rollup(pack_name) if rollup else {}
    node = roll.get(actor_id, actor_id) if actor_id else None
    edges = relations.edge_events(frame, roll, resolver(pack_name))
    if at is None and window_days and not edges.is_empty():
        at = date_span(edges)[1]  # a rolling window ends at the latest event unless told otherwise
    from harmattan.analysis.alerts import actor_names

    graph = relations.graph(edges, at, window_days, node, names=actor_names(frame))
    found = [s for s in relations.shifts(edges) if node is None or node in (s.a, s.b)]
    if at:
        found = [s for s in found if s.date <= at]
    report: dict[str, Any] = {"graph": relations.to_json(graph), "shifts": [_iso(asdict(s)) for s in found]}
    if node:
        report["timelines"] = {
            other: relations.steps_json(relations.timeline(edges, node, other, window_days or 365))
            for other in graph.neighbors(node)
        }
    return report, graph


def presence_report(
    db: Database, country: str | None, at: dt.date | None = None, pack_name: str = "sahel"
) -> list[dict[str, Any]]:
    params = {"country": country, "at": at, "pack": pack_name}

    def compute() -> list[dict[str, Any]]:
        found = presence.timelines(
            from_store(db), presence.pack_facts(pack_name), presence.pack_foreign(pack_name), country, at
        )
        return [presence.to_dict(t) for t in found]

    result: list[dict[str, Any]] = cached(db, "presence", params, compute)
    return result


def attribution_report(db: Database, event_ids: list[str] | None) -> list[dict[str, Any]]:
    frame = from_store(db)
    return [a.to_dict() for a in attribution.attribute(frame, event_ids)]


def calibration_report(db: Database, cutoff: dt.date | None = None) -> dict[str, Any]:
    params = {"cutoff": cutoff}

    def compute() -> dict[str, Any]:
        return attribution.evaluate(from_store(db), cutoff).to_dict()

    result: dict[str, Any] = cached(db, "attribution-calibration", params, compute)
    return result
