"""Read queries behind the REST API and the dashboard: keyset pages, aggregates, review queue, documents.

Everything filters through :func:`harmattan.store.events.event_select`, so the API and
``harmattan events`` agree on what a filter means; this module only adds paging and
grouping on top. Aggregates group by day in SQL (index-friendly on both backends) and
roll days up to months in Python.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, and_, case, delete, distinct, func, insert, or_, select

from harmattan.store.events import EventQuery, event_select
from harmattan.store.schema import documents, sources
from harmattan.store.schema_events import (
    claims,
    corrections,
    event_actors,
    event_members,
    event_reports,
    event_tactics,
    events,
    merge_log,
    report_evidence,
)
from harmattan.store.schema_users import event_reviews

Cursor = tuple[dt.date | None, str]


def _filtered(q: EventQuery) -> Any:
    """The filtered events as a subquery (no order, no limit)."""
    return event_select(q).order_by(None).limit(None).subquery("f")


def _date_column(q: EventQuery) -> Any:
    """The date column :func:`event_select` orders ``q`` by (the driving index's own date)."""
    if q.actor_keys:
        return event_actors.c.event_date
    if q.tactics:
        return event_tactics.c.event_date
    return events.c.event_date


def event_page(
    conn: Connection, q: EventQuery, limit: int, after: Cursor | None = None
) -> list[dict[str, Any]]:
    """Up to ``limit`` events after ``after``: dated ones newest first, then undated ones, ties by key.

    Keyset paging on the order of :func:`event_select` (which reads its driving index in date
    order), so a page costs about ``limit`` index entries however deep it is; undated events
    come last on every backend.
    """
    base = event_select(replace(q, limit=None))
    date, key = _date_column(q), events.c.event_key
    rows: list[dict[str, Any]] = []
    if after is None or after[0] is not None:
        stmt = base.where(date.is_not(None))
        if after is not None:
            stmt = stmt.where(or_(date < after[0], and_(date == after[0], key > after[1])))
        rows = _unique(conn, stmt, limit)
        if len(rows) >= limit:
            return rows
        after = None
    stmt = base.where(date.is_(None)).order_by(None).order_by(key)
    if after is not None:
        stmt = stmt.where(key > after[1])
    return rows + _unique(conn, stmt, limit - len(rows))


def _unique(conn: Connection, stmt: Any, limit: int) -> list[dict[str, Any]]:
    # An actor filter joins event_actors: an event naming the actor twice (two roles) comes twice.
    out: dict[str, dict[str, Any]] = {}
    result = conn.execute(stmt.limit(limit + 4))
    names = list(result.keys())
    for row in result:  # zip over the row tuple: a third cheaper than Row._mapping for a page
        out.setdefault(row.event_key, dict(zip(names, row, strict=True)))
    return list(out.values())[:limit]


def count_events(conn: Connection, q: EventQuery) -> int:
    sub = _filtered(q)
    return int(conn.scalar(select(func.count()).select_from(sub)) or 0)


def summary(conn: Connection, q: EventQuery, top: int = 15) -> dict[str, Any]:
    """Counts of the filtered events by month (with fatalities), type, region and country.

    One grouped scan of the filtered events, rolled up in Python: four separate GROUP BYs read
    every matching event four times (a whole country is hundreds of thousands of rows).
    """
    sub = _filtered(q)
    keys = (sub.c.event_date, sub.c.event_type, sub.c.admin1, sub.c.country)
    deaths = func.coalesce(func.sum(sub.c.fatalities), 0)
    months: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    facets: dict[str, Counter[str]] = {name: Counter() for name in ("event_type", "admin1", "country")}
    total = 0
    for day, event_type, admin1, country, n, dead in conn.execute(
        select(*keys, func.count(), deaths).group_by(*keys)
    ):
        total += int(n)
        if day is not None:
            month = months[day.isoformat()[:7]]
            month[0] += int(n)
            month[1] += int(dead or 0)
        for name, value in (("event_type", event_type), ("admin1", admin1), ("country", country)):
            if value is not None:
                facets[name][value] += int(n)
    out: dict[str, Any] = {
        "total": total,
        "months": [{"month": m, "events": v[0], "fatalities": v[1]} for m, v in sorted(months.items())],
    }
    for name, counts in facets.items():
        busiest = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        out[name] = [{"value": value, "events": n} for value, n in busiest]
    return out


# -- documents ------------------------------------------------------------------------------------
def document(conn: Connection, document_id: int) -> dict[str, Any] | None:
    names = ("id", "content_hash", "url", "title", "published_at", "language", "text")
    cols = [documents.c[n] for n in names]
    row = conn.execute(
        select(*cols, documents.c.near_dup_of, sources.c.name.label("source_name"))
        .outerjoin(sources, sources.c.id == documents.c.source_id)
        .where(documents.c.id == document_id)
    ).first()
    return dict(row._mapping) if row else None


def near_misses(conn: Connection, report_ids: Sequence[int]) -> list[dict[str, Any]]:
    """Candidate merges the latest fusion refused for these reports, with its reason."""
    if not report_ids:
        return []
    ids = list(report_ids)
    stmt = select(merge_log).where(or_(merge_log.c.report_id.in_(ids), merge_log.c.other_report_id.in_(ids)))
    return [dict(r._mapping) for r in conn.execute(stmt.order_by(merge_log.c.id))]


def corrections_about(conn: Connection, event_keys: Sequence[str]) -> list[dict[str, Any]]:
    keys = list(event_keys)
    stmt = select(corrections).where(
        or_(corrections.c.event_key.in_(keys), corrections.c.applied_event_key.in_(keys))
    )
    return [dict(r._mapping) for r in conn.execute(stmt.order_by(corrections.c.id))]


# -- review queue -----------------------------------------------------------------------------------
def review_queue(conn: Connection, limit: int = 50, max_confidence: float = 0.6) -> list[dict[str, Any]]:
    """Active events not yet accepted: those whose sources disagree first, then the least confident."""
    conflicted = (
        select(claims.c.event_id)
        .group_by(claims.c.event_id, claims.c.field)
        .having(func.count(distinct(claims.c.value)) > 1)
    )
    reviewed = select(event_reviews.c.event_key)
    base = select(events).where(events.c.status == "active", events.c.event_key.not_in(reviewed))
    order = (events.c.confidence, events.c.event_key)
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for stmt, reason in (
        (base.where(events.c.id.in_(conflicted)).order_by(*order), "conflict"),
        (base.where(events.c.confidence < max_confidence).order_by(*order), "low confidence"),
    ):
        for row in conn.execute(stmt.limit(limit)):
            item = dict(row._mapping)
            if item["event_key"] not in seen and len(out) < limit:
                seen.add(item["event_key"])
                out.append({**item, "review_reason": reason})
    return out


def conflicting_fields(conn: Connection, event_id: int) -> list[str]:
    stmt = (
        select(claims.c.field)
        .where(claims.c.event_id == event_id)
        .group_by(claims.c.field)
        .having(func.count(distinct(claims.c.value)) > 1)
    )
    return sorted(str(r[0]) for r in conn.execute(stmt))


def accept(conn: Connection, event_key: str, user_id: int | None, note: str) -> None:
    conn.execute(delete(event_reviews).where(event_reviews.c.event_key == event_key))
    conn.execute(
        insert(event_reviews).values(
            event_key=event_key, user_id=user_id, verdict="accepted", note=note,
            created_at=dt.datetime.now(dt.UTC),
        )
    )  # fmt: skip


# -- actors -------------------------------------------------------------------------------------------
def actors(conn: Connection, q: EventQuery, limit: int = 200) -> list[dict[str, Any]]:
    """Actors of the filtered events with their event counts and date span, busiest first."""
    sub = _filtered(q)
    name = func.min(event_actors.c.actor)
    stmt = (
        select(
            event_actors.c.actor_id, event_actors.c.actor_key, name.label("name"),
            func.count(distinct(event_actors.c.event_id)).label("events"),
            func.min(event_actors.c.event_date).label("first"),
            func.max(event_actors.c.event_date).label("last"),
        )
        .where(event_actors.c.event_id.in_(select(sub.c.id)))
        .group_by(event_actors.c.actor_id, event_actors.c.actor_key)
        .order_by(func.count(distinct(event_actors.c.event_id)).desc(), event_actors.c.actor_key)
        .limit(limit)
    )  # fmt: skip
    return [dict(r._mapping) for r in conn.execute(stmt)]


def actor_profile(conn: Connection, q: EventQuery, period: EventQuery | None = None) -> dict[str, Any]:
    """Timeline (by month) of ``q``'s events; footprint and tactics of ``period``'s (default ``q``).

    The timeline always spans every event so a page can offer the whole range as a time control
    while the footprint shows one period of it.
    """
    sub = _filtered(q)
    months: Counter[str] = Counter()
    for (day,) in conn.execute(select(sub.c.event_date).where(sub.c.event_date.is_not(None))):
        months[day.isoformat()[:7]] += 1
    scope = period or q
    tactics = conn.execute(
        select(event_tactics.c.tactic, func.count())
        .where(event_tactics.c.event_id.in_(select(_filtered(scope).c.id)))
        .group_by(event_tactics.c.tactic).order_by(func.count().desc(), event_tactics.c.tactic)
    ).all()  # fmt: skip
    return {
        "months": [{"month": m, "events": n} for m, n in sorted(months.items())],
        "footprint": footprint(conn, scope),
        "tactics": [{"tactic": t, "events": int(n)} for t, n in tactics],
    }


def footprint(conn: Connection, q: EventQuery) -> list[dict[str, Any]]:
    """``q``'s events by (country, admin1): how many, and their mean position (located events only)."""
    sub = _filtered(q)
    located = sub.c.latitude.is_not(None) & sub.c.longitude.is_not(None)
    stmt = select(
        sub.c.country, sub.c.admin1, func.count(),
        func.sum(case((located, sub.c.latitude), else_=0.0)),
        func.sum(case((located, sub.c.longitude), else_=0.0)),
        func.sum(case((located, 1), else_=0)),
    ).group_by(sub.c.country, sub.c.admin1)  # fmt: skip
    places = [
        {"country": c, "admin1": a, "events": int(n),
         "latitude": float(lat) / k if k else None, "longitude": float(lon) / k if k else None}
        for c, a, n, lat, lon, k in conn.execute(stmt)
    ]  # fmt: skip
    return sorted(places, key=lambda p: (-p["events"], str((p["country"], p["admin1"]))))


def co_actors(conn: Connection, q: EventQuery, limit: int = 30) -> list[dict[str, Any]]:
    """The other actors of ``q``'s events (all but ``q``'s own actors), with how often and in which role."""
    sub = _filtered(q)
    ea = event_actors.c
    own = ea.actor_key.in_(q.actor_keys)
    stmt = (
        select(ea.actor_id, ea.actor_key, func.min(ea.actor).label("name"), ea.role,
               func.count().label("events"))
        .where(ea.event_id.in_(select(sub.c.id)), ~own)
        .group_by(ea.actor_id, ea.actor_key, ea.role)
        .order_by(func.count().desc(), ea.actor_key)
        .limit(limit)
    )  # fmt: skip
    return [dict(r._mapping) for r in conn.execute(stmt)]


def document_evidence(conn: Connection, document_id: int) -> list[dict[str, Any]]:
    """Every evidence span in one document, with its report and (current) fused event."""
    ev = report_evidence.c
    stmt = (
        select(ev.field, ev.start_char, ev.end_char, ev.text, event_reports.c.report_key, events.c.event_key)
        .join(event_reports, event_reports.c.id == ev.report_id)
        .outerjoin(event_members, event_members.c.report_id == event_reports.c.id)
        .outerjoin(events, events.c.id == event_members.c.event_id)
        .where(ev.document_id == document_id)
        .order_by(ev.start_char, ev.end_char, ev.field)
    )
    return [dict(r._mapping) for r in conn.execute(stmt)]
