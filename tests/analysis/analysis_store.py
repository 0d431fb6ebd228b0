"""Writing hand-made events straight into the fused-events table (the analyses read only that table)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert

from harmattan.analysis import frame
from harmattan.store.database import Database
from harmattan.store.schema_events import events


def insert_events(db: Database, rows: list[dict[str, Any]]) -> None:
    fr = frame.from_records(rows)
    out = fr.rename({"event_id": "event_key"}).with_columns(fr["tactics"].list.join("; ").alias("tactics"))
    with db.engine.begin() as conn:
        conn.execute(insert(events), [{**r, "status": "active"} for r in out.to_dicts()])
