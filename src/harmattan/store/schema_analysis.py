"""Analysis tables: persisted alerts, the novelty memory behind incremental alerts, and a result cache.

Same ``metadata`` as :mod:`harmattan.store.schema`, mirrored by migration ``0004``.

- ``alert_runs``: one row per alerts run (how many new events it checked, how many alerts it raised).
- ``alert_seen``: the event keys already checked, so a run only looks at events newer than the last one
  (fusion rewrites the events table wholesale, so row ids are no watermark; event keys are stable).
- ``novelty_keys``: every (kind, key) seen so far with its first date and event: the history a new
  event is checked against without re-reading a million events.
- ``alerts``: what the runs raised, with their sentence, severity and evidence event keys.
- ``analysis_cache``: JSON results keyed by analysis, parameters and data version.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from harmattan.store.schema import PK, metadata

TS = DateTime(timezone=True)

alert_runs = Table(
    "alert_runs",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("started_at", TS, nullable=False),
    Column("finished_at", TS),
    Column("new_events", Integer, nullable=False, server_default="0"),
    Column("alerts", Integer, nullable=False, server_default="0"),
    # The events' data version the run saw: an equal version later means no new events to check.
    Column("data_version", String(200)),
)

alert_seen = Table(
    "alert_seen",
    metadata,
    Column("event_key", String(24), primary_key=True),
    Column("run_id", PK, nullable=False),
)

novelty_keys = Table(
    "novelty_keys",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("kind", String(32), nullable=False),
    Column("key", String(400), nullable=False),
    Column("first_date", Date, nullable=False),
    Column("first_event", String(24), nullable=False),
    UniqueConstraint("kind", "key", name="uq_novelty_keys_kind_key"),
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("alert_key", String(64), nullable=False, unique=True),
    Column("run_id", PK, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("severity", String(8), nullable=False),
    Column("score", Float, nullable=False, server_default="0"),
    Column("event_date", Date, nullable=False),
    Column("actors", JSON, nullable=False),
    Column("country", String(2)),
    Column("admin1", String(100)),
    Column("admin2", String(100)),
    Column("sentence", Text, nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("created_at", TS, nullable=False),
    Index("ix_alerts_date", "event_date"),
    Index("ix_alerts_kind_date", "kind", "event_date"),
)

analysis_cache = Table(
    "analysis_cache",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("analysis", String(40), nullable=False),
    Column("params_hash", String(64), nullable=False),
    Column("data_version", String(200), nullable=False),
    Column("params", JSON, nullable=False),
    Column("result", JSON, nullable=False),
    Column("created_at", TS, nullable=False),
    UniqueConstraint("analysis", "params_hash", name="uq_analysis_cache_analysis_params"),
)
