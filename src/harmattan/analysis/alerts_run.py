"""Incremental alerts over the store: only events no run has checked are tested against history.

History is the ``novelty_keys`` table (every key seen, with its first event),
so a batch of 1,000 new events costs one anti-join to find them, their rows,
and a few indexed look-ups, whatever the size of the store. The first run on
a database sees everything as new: keys first seen during its ``warmup_days``
fill the memory without raising alerts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from harmattan.analysis import alerts as rules_mod
from harmattan.analysis.alerts import Alert
from harmattan.analysis.frame import date_span, from_store
from harmattan.store import analysis as store
from harmattan.store.database import Database


@dataclass
class AlertRun:
    run_id: int
    new_events: int
    alerts: list[Alert] = field(default_factory=list)
    stored: int = 0


def run_alerts(
    database: Database,
    warmup_days: int | None = None,
    resolve: Callable[[str, dt.date], str | None] | None = None,
) -> AlertRun:
    """Check events added since the last run; store and return the alerts they raise."""
    warmup = rules_mod.rules()["warmup_days"] if warmup_days is None else warmup_days
    with database.engine.begin() as conn:
        first_run = store.novelty_key_count(conn) == 0
        version = store.data_version(conn)
        # Same events as the last run saw: nothing to look for (skips the anti-join over all keys).
        unchanged = not first_run and store.last_alert_version(conn) == version
        keys = [] if unchanged else store.unseen_event_keys(conn)
        run_id = store.start_alert_run(conn)
    if not keys:
        with database.engine.begin() as conn:
            store.finish_alert_run(conn, run_id, 0, 0, version)
        return AlertRun(run_id, 0)
    frame = from_store(database) if first_run else from_store(database, keys=keys)
    alert_from = date_span(frame)[0] + dt.timedelta(days=warmup) if first_run else None
    with database.engine.begin() as conn:
        result = rules_mod.novelties(
            frame,
            known=None if first_run else lambda kind, ks: store.known_novelty_keys(conn, kind, ks),
            alert_from=alert_from,
            resolve=resolve,
        )
        found = result.alerts + _spikes(database, frame, alert_from, first_run)
        store.add_novelty_keys(conn, result.new_keys)
        stored = store.add_alerts(conn, run_id, [alert_row(a) for a in found])
        store.mark_seen(conn, run_id, keys)
        store.finish_alert_run(conn, run_id, len(keys), stored, version)
    return AlertRun(run_id, len(keys), found, stored)


def _spikes(
    database: Database, new: pl.DataFrame, alert_from: dt.date | None, first_run: bool
) -> list[Alert]:
    """Spikes in the weeks the new events fall in, counted over all events of those weeks and the window."""
    if first_run:
        return rules_mod.spikes(new, alert_from)
    window = int(rules_mod.rules()["spike"]["window"])
    start, end = date_span(new)
    context = from_store(
        database, since=start - dt.timedelta(weeks=window + 1), until=end + dt.timedelta(days=7)
    )
    weeks = set(new["event_date"].dt.truncate("1w").to_list())
    return [a for a in rules_mod.spikes(context, start) if a.event_date in weeks]


def alert_row(alert: Alert) -> dict[str, Any]:
    row = alert.to_dict()
    row["event_date"] = alert.event_date
    row.pop("key")
    return row


def stored_alerts(
    database: Database, since: dt.date | None = None, kinds: tuple[str, ...] = (), limit: int | None = None
) -> list[dict[str, Any]]:
    """Stored alerts, newest first, JSON-ready."""
    with database.engine.connect() as conn:
        rows = store.list_alerts(conn, since, kinds, limit)
    for row in rows:
        for name in ("event_date", "created_at"):
            row[name] = row[name].isoformat() if row[name] else None
        row.pop("id", None)
    return rows
