"""SQL for the analysis stage: reading events in bulk, incremental alert state, the result cache.

Bulk reads return plain column lists (not row dicts) because a million-row
frame is built from them: one tuple per row and one list per column is the
cheapest shape SQLAlchemy can hand to polars.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from harmattan.store.database import utcnow
from harmattan.store.schema_analysis import alert_runs, alert_seen, alerts, analysis_cache, novelty_keys
from harmattan.store.schema_events import events, fusion_runs

#: The event columns the analyses read (``event_key`` comes out as ``event_id``).
FRAME_COLUMNS: tuple[str, ...] = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor1_id",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "actor2_id",
    "assoc_actor_2",
    "inter2",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "tactics",
    "plover_type",
)
_BATCH = 900  # stays under SQLite's bound-parameter limit


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), _BATCH):
        yield items[start : start + _BATCH]


def load_events(
    conn: Connection,
    since: dt.date | None = None,
    until: dt.date | None = None,
    keys: Sequence[str] | None = None,
) -> dict[str, list[Any]]:
    """Active events as ``{column: values}`` with ``event_id`` first (the event key)."""
    cols = [events.c.event_key, *(events.c[name] for name in FRAME_COLUMNS)]
    base = select(*cols).where(events.c.status == "active")
    if since:
        base = base.where(events.c.event_date >= since)
    if until:
        base = base.where(events.c.event_date <= until)
    statements = [base.where(events.c.event_key.in_(chunk)) for chunk in _chunks(keys)] if keys else [base]
    rows: list[Any] = []
    for stmt in statements:
        rows.extend(conn.execute(stmt).all())
    names = ("event_id", *FRAME_COLUMNS)
    if not rows:
        return {name: [] for name in names}
    return {name: list(values) for name, values in zip(names, zip(*rows, strict=True), strict=True)}


def data_version(conn: Connection) -> str:
    """Changes whenever the fused events change (a new fusion run) — the cache key's data part."""
    run = conn.execute(select(func.max(fusion_runs.c.id)).where(fusion_runs.c.status == "completed")).scalar()
    count, newest = conn.execute(select(func.count(), func.max(events.c.id))).one()
    return f"fusion={run};events={count}/{newest}"


# -- incremental alerts ------------------------------------------------------------------
def unseen_event_keys(conn: Connection) -> list[str]:
    """Keys of active events no alert run has checked yet (an anti-join on the unique key)."""
    stmt = (
        select(events.c.event_key)
        .outerjoin(alert_seen, alert_seen.c.event_key == events.c.event_key)
        .where(alert_seen.c.event_key.is_(None), events.c.status == "active")
    )
    return [str(r[0]) for r in conn.execute(stmt)]


def start_alert_run(conn: Connection) -> int:
    result = conn.execute(insert(alert_runs).values(started_at=utcnow()))
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def finish_alert_run(
    conn: Connection, run_id: int, new_events: int, n_alerts: int, version: str | None = None
) -> None:
    conn.execute(
        update(alert_runs)
        .where(alert_runs.c.id == run_id)
        .values(finished_at=utcnow(), new_events=new_events, alerts=n_alerts, data_version=version)
    )


def last_alert_version(conn: Connection) -> str | None:
    """The data version the latest finished alerts run saw."""
    row = conn.execute(
        select(alert_runs.c.data_version)
        .where(alert_runs.c.finished_at.is_not(None))
        .order_by(alert_runs.c.id.desc())
        .limit(1)
    ).first()
    return str(row[0]) if row and row[0] else None


def mark_seen(conn: Connection, run_id: int, keys: Sequence[str]) -> None:
    rows = [{"event_key": k, "run_id": run_id} for k in keys]
    for start in range(0, len(rows), 50_000):
        conn.execute(insert(alert_seen), rows[start : start + 50_000])


def known_novelty_keys(conn: Connection, kind: str, keys: Sequence[str]) -> set[str]:
    """Which of ``keys`` (of one kind) history already holds."""
    found: set[str] = set()
    for chunk in _chunks(sorted(set(keys))):
        stmt = select(novelty_keys.c.key).where(novelty_keys.c.kind == kind, novelty_keys.c.key.in_(chunk))
        found.update(str(r[0]) for r in conn.execute(stmt))
    return found


def add_novelty_keys(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``{kind, key, first_date, first_event}`` rows (keys must be new)."""
    for start in range(0, len(rows), 50_000):
        conn.execute(insert(novelty_keys), list(rows[start : start + 50_000]))


def novelty_key_count(conn: Connection) -> int:
    return int(conn.scalar(select(func.count()).select_from(novelty_keys)) or 0)


def add_alerts(conn: Connection, run_id: int, rows: Sequence[dict[str, Any]]) -> int:
    """Insert alerts not stored yet (by ``alert_key``); returns how many were new."""
    if not rows:
        return 0
    existing: set[str] = set()
    for chunk in _chunks([r["alert_key"] for r in rows]):
        existing.update(
            str(r[0]) for r in conn.execute(select(alerts.c.alert_key).where(alerts.c.alert_key.in_(chunk)))
        )
    now = utcnow()
    new = [{**r, "run_id": run_id, "created_at": now} for r in rows if r["alert_key"] not in existing]
    if new:
        conn.execute(insert(alerts), new)
    return len(new)


def list_alerts(
    conn: Connection, since: dt.date | None = None, kinds: Sequence[str] = (), limit: int | None = None
) -> list[dict[str, Any]]:
    stmt = select(alerts).order_by(alerts.c.event_date.desc(), alerts.c.id.desc())
    if since:
        stmt = stmt.where(alerts.c.event_date >= since)
    if kinds:
        stmt = stmt.where(alerts.c.kind.in_(list(kinds)))
    if limit:
        stmt = stmt.limit(limit)
    return [dict(r._mapping) for r in conn.execute(stmt)]


def reset_alerts(conn: Connection) -> None:
    """Forget every alert and the novelty memory (the next run rebuilds them from all events)."""
    for table in (alerts, novelty_keys, alert_seen, alert_runs):
        conn.execute(delete(table))


# -- cache -------------------------------------------------------------------------------------
def cache_get(conn: Connection, analysis: str, params_hash: str, version: str) -> Any | None:
    row = conn.execute(
        select(analysis_cache.c.result, analysis_cache.c.data_version).where(
            analysis_cache.c.analysis == analysis, analysis_cache.c.params_hash == params_hash
        )
    ).first()
    return row[0] if row is not None and row[1] == version else None


def cache_put(
    conn: Connection, analysis: str, params_hash: str, version: str, params: dict[str, Any], result: Any
) -> None:
    conn.execute(
        delete(analysis_cache).where(
            analysis_cache.c.analysis == analysis, analysis_cache.c.params_hash == params_hash
        )
    )
    conn.execute(
        insert(analysis_cache).values(
            analysis=analysis,
            params_hash=params_hash,
            data_version=version,
            params=params,
            result=result,
            created_at=utcnow(),
        )
    )
