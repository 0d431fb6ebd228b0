"""SQL for event reports, fused events, claims and corrections (the events stage's only way to the database).

Writers work inside a transaction the caller opens (``with db.engine.begin() as conn``),
so a crash never leaves half a document or half a fusion behind. Readers use the
indexes of :mod:`harmattan.store.schema_events`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    delete,
    func,
    insert,
    select,
    update,
)

from harmattan.store import bulk
from harmattan.store.database import utcnow
from harmattan.store.schema import documents, sources
from harmattan.store.schema_events import (
    claims,
    corrections,
    event_actors,
    event_members,
    event_reports,
    event_tactics,
    event_vocab,
    events,
    fusion_runs,
    merge_log,
    processed_documents,
    report_evidence,
    snapshots,
)

#: The fused-event columns, in export order (ACLED-shaped first).
EVENT_COLUMNS: tuple[str, ...] = tuple(
    c.name for c in events.columns if c.name not in ("id", "fusion_run_id")
)


# -- fusion input and output ------------------------------------------------------
# a report joined to its document's extraction run (processed_documents), whose is_current says
# whether the report still stands
REPORT_RUN = and_(
    processed_documents.c.document_id == event_reports.c.document_id,
    processed_documents.c.pipeline_version == event_reports.c.pipeline_version,
)


def current_reports_select() -> Select[Any]:
    """Every report of each document's current pipeline version, with its source unit and outlet."""
    return (
        select(
            event_reports,
            func.coalesce(documents.c.near_dup_of, documents.c.id).label("source_unit"),
            documents.c.content_hash,
            documents.c.published_at,
            sources.c.name.label("source_name"),
        )
        .join(
            processed_documents,
            REPORT_RUN,
        )
        .join(documents, documents.c.id == event_reports.c.document_id)
        .outerjoin(sources, sources.c.id == documents.c.source_id)
        .where(processed_documents.c.is_current.is_(True))
    )


def current_reports(conn: Connection) -> Iterator[dict[str, Any]]:
    """Every current report (see :func:`current_reports_select`), by date and key."""
    stmt = current_reports_select().order_by(event_reports.c.event_date, event_reports.c.report_key)
    for row in conn.execute(stmt):
        yield dict(row._mapping)


def fusion_state_token(conn: Connection) -> str:
    """A cheap fingerprint of everything fusion reads; equal tokens mean nothing to redo."""
    # Times, not ids: SQLite reuses the ids of deleted rows; a new processing time never repeats.
    docs = conn.execute(
        select(func.count(), func.max(processed_documents.c.processed_at)).where(
            processed_documents.c.is_current.is_(True)
        )
    ).one()
    corr = conn.execute(select(func.count(), func.max(corrections.c.created_at))).one()
    dups = conn.execute(
        select(func.count(), func.sum(documents.c.near_dup_of)).where(documents.c.near_dup_of.is_not(None))
    ).one()
    return f"docs={docs[0]}/{docs[1]};corr={corr[0]}/{corr[1]};dups={dups[0]}/{dups[1]}"


def last_fusion(conn: Connection) -> dict[str, Any] | None:
    row = conn.execute(
        select(fusion_runs)
        .where(fusion_runs.c.status == "completed")
        .order_by(fusion_runs.c.id.desc())
        .limit(1)
    ).first()
    return dict(row._mapping) if row else None


def start_fusion_run(conn: Connection, token: str) -> int:
    result = conn.execute(insert(fusion_runs).values(started_at=utcnow(), state_token=token))
    return int(result.inserted_primary_key[0])  # type: ignore[index]


@dataclass
class FusedBatch:
    """Everything one fusion writes; ids of ``events`` rows are assigned by the caller."""

    events: list[dict[str, Any]] = field(default_factory=list)
    members: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    tactics: list[dict[str, Any]] = field(default_factory=list)
    log: list[dict[str, Any]] = field(default_factory=list)
    vocab: list[dict[str, Any]] = field(default_factory=list)


def replace_fused(conn: Connection, run_id: int, batch: FusedBatch, counts: dict[str, int]) -> None:
    """Swap the whole fused layer in one transaction (readers see the old or the new, never a mix)."""
    for table in (claims, event_members, event_actors, event_tactics, merge_log, event_vocab):
        conn.execute(delete(table))
    conn.execute(delete(events))
    insert_fused(conn, batch)
    bulk.refresh_statistics(conn, (events, event_members, claims, event_actors, event_tactics, event_vocab))
    finish_fusion_run(conn, run_id, counts)


def insert_fused(conn: Connection, batch: FusedBatch) -> None:
    """Add a batch's rows (events with their ids set) through the bulk path."""
    bulk.prepare_sqlite(conn)
    for table, rows in (
        (events, batch.events),
        (event_members, batch.members),
        (claims, batch.claims),
        (event_actors, batch.actors),
        (event_tactics, batch.tactics),
        (merge_log, batch.log),
        (event_vocab, batch.vocab),
    ):
        bulk.insert_dicts(conn, table, rows)
    if batch.events:
        bulk.sync_sequence(conn, events)


def finish_fusion_run(conn: Connection, run_id: int, counts: dict[str, int]) -> None:
    conn.execute(
        update(fusion_runs)
        .where(fusion_runs.c.id == run_id)
        .values(finished_at=utcnow(), status="completed", **counts)
    )


# -- corrections ---------------------------------------------------------------------
def add_correction(conn: Connection, row: dict[str, Any]) -> int:
    result = conn.execute(insert(corrections).values(created_at=utcnow(), **row))
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def list_corrections(conn: Connection) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(select(corrections).order_by(corrections.c.id))]


def mark_corrections(conn: Connection, states: dict[int, tuple[str, str | None]]) -> None:
    now = utcnow()
    for cid, (state, key) in states.items():
        conn.execute(
            update(corrections)
            .where(corrections.c.id == cid)
            .values(state=state, applied_event_key=key, applied_at=now)
        )


# -- reading fused events ---------------------------------------------------------------
@dataclass
class EventQuery:
    """Filters of ``harmattan events`` (already resolved to stored spellings by the caller)."""

    countries: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    actor_keys: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    sub_types: list[str] = field(default_factory=list)
    tactics: list[str] = field(default_factory=list)
    since: dt.date | None = None
    until: dt.date | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lat, max_lat, min_lon, max_lon
    keys: list[str] = field(default_factory=list)
    include_rejected: bool = False
    limit: int | None = None
    offset: int = 0
    newest_first: bool = True


def _date_range(column: Any, q: EventQuery) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if q.since:
        out.append(column >= q.since)
    if q.until:
        out.append(column <= q.until)
    return out


def event_select(q: EventQuery) -> Select[Any]:
    """The query of ``q``, newest first.

    An actor or tactic filter drives the query from its own (key, date) index, joined to
    events, so "the latest 100 events of JNIM" reads about 100 index entries, not every
    event of JNIM; other filters use the (column, date) indexes of ``events``.
    """
    cols = [events.c.id, *(events.c[name] for name in EVENT_COLUMNS)]
    where: list[ColumnElement[bool]] = []
    if q.actor_keys:
        date = event_actors.c.event_date
        stmt = select(*cols).select_from(event_actors.join(events, events.c.id == event_actors.c.event_id))
        where.append(event_actors.c.actor_key.in_(q.actor_keys))
        if q.tactics:
            sub = select(event_tactics.c.event_id).where(event_tactics.c.tactic.in_(q.tactics))
            where.append(events.c.id.in_(sub))
    elif q.tactics:
        date = event_tactics.c.event_date
        stmt = select(*cols).select_from(event_tactics.join(events, events.c.id == event_tactics.c.event_id))
        where.append(event_tactics.c.tactic.in_(q.tactics))
    else:
        date = events.c.event_date
        stmt = select(*cols)
    where.extend(_date_range(date, q))
    if not q.include_rejected:
        where.append(events.c.status == "active")
    if q.countries:
        where.append(events.c.country.in_(q.countries))
    if q.admin1:
        where.append(events.c.admin1.in_(q.admin1))
    if q.types:
        where.append(events.c.event_type.in_(q.types))
    if q.sub_types:
        where.append(events.c.sub_event_type.in_(q.sub_types))
    if q.keys:
        where.append(events.c.event_key.in_(q.keys))
    if q.bbox:
        lat0, lat1, lon0, lon1 = q.bbox
        where.append(events.c.latitude.between(lat0, lat1))
        where.append(events.c.longitude.between(lon0, lon1))
    order = date.desc() if q.newest_first else date.asc()
    stmt = stmt.where(*where).order_by(order, events.c.event_key)
    if q.limit is not None:
        stmt = stmt.limit(q.limit)
    if q.offset:
        stmt = stmt.offset(q.offset)
    return stmt


def query_events(conn: Connection, q: EventQuery) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(event_select(q))]


def vocabulary(conn: Connection, kind: str, folds: Sequence[str]) -> list[str]:
    """Stored spellings of ``kind`` (admin1, event_type, sub_event_type, tactic) with these folded forms."""
    vocab = event_vocab.c
    stmt = select(vocab.value).where(vocab.kind == kind, vocab.value_fold.in_(list(folds)))
    return sorted(str(r[0]) for r in conn.execute(stmt))


def event_by_key(conn: Connection, key: str) -> dict[str, Any] | None:
    row = conn.execute(select(events).where(events.c.event_key == key)).first()
    return dict(row._mapping) if row else None


def members_of(conn: Connection, event_ids: Sequence[int]) -> list[dict[str, Any]]:
    """Member reports of events, with their document, outlet and merge reason."""
    stmt = (
        select(
            event_members.c.event_id,
            event_members.c.how,
            event_members.c.score,
            event_members.c.reason,
            event_members.c.source_unit,
            event_reports,
            documents.c.content_hash,
            documents.c.title,
            documents.c.url,
            documents.c.published_at,
            sources.c.name.label("source_name"),
        )
        .join(event_reports, event_reports.c.id == event_members.c.report_id)
        .join(documents, documents.c.id == event_reports.c.document_id)
        .outerjoin(sources, sources.c.id == documents.c.source_id)
        .where(event_members.c.event_id.in_(list(event_ids)))
        .order_by(event_members.c.event_id, event_reports.c.report_key)
    )
    return [dict(r._mapping) for r in conn.execute(stmt)]


def claims_of(conn: Connection, event_ids: Sequence[int]) -> list[dict[str, Any]]:
    stmt = (
        select(claims, event_reports.c.report_key)
        .join(event_reports, event_reports.c.id == claims.c.report_id)
        .where(claims.c.event_id.in_(list(event_ids)))
        .order_by(claims.c.event_id, claims.c.field, claims.c.id)
    )
    return [dict(r._mapping) for r in conn.execute(stmt)]


def evidence_of(conn: Connection, report_ids: Sequence[int]) -> list[dict[str, Any]]:
    stmt = (
        select(report_evidence)
        .where(report_evidence.c.report_id.in_(list(report_ids)))
        .order_by(report_evidence.c.report_id, report_evidence.c.id)
    )
    return [dict(r._mapping) for r in conn.execute(stmt)]


def reports_of_documents(conn: Connection, content_hashes_: Sequence[str]) -> list[dict[str, Any]]:
    """Current reports of the documents with these content hashes (for re-finding corrected events)."""
    stmt = (
        select(event_reports, documents.c.content_hash, event_members.c.event_id)
        .join(documents, documents.c.id == event_reports.c.document_id)
        .join(
            processed_documents,
            REPORT_RUN,
        )
        .outerjoin(event_members, event_members.c.report_id == event_reports.c.id)
        .where(
            documents.c.content_hash.in_(list(content_hashes_)), processed_documents.c.is_current.is_(True)
        )
    )
    return [dict(r._mapping) for r in conn.execute(stmt)]


def table_counts(conn: Connection) -> dict[str, int]:
    out: dict[str, int] = {}
    for table in (event_reports, report_evidence, events, claims, corrections, processed_documents):
        out[table.name] = int(conn.scalar(select(func.count()).select_from(table)) or 0)
    return out


# -- snapshots -------------------------------------------------------------------------------
def snapshot_sources(conn: Connection) -> Iterator[dict[str, Any]]:
    """Every active event's member reports with their documents, in a stable order."""
    stmt = (
        select(
            events.c.event_key,
            event_reports.c.report_key,
            event_reports.c.pipeline_version,
            documents.c.content_hash,
            sources.c.name.label("source_name"),
            documents.c.title,
            documents.c.url,
            documents.c.published_at,
            event_members.c.how,
            event_members.c.score,
            event_members.c.reason,
        )
        .join(event_members, event_members.c.event_id == events.c.id)
        .join(event_reports, event_reports.c.id == event_members.c.report_id)
        .join(documents, documents.c.id == event_reports.c.document_id)
        .outerjoin(sources, sources.c.id == documents.c.source_id)
        .where(events.c.status == "active")
        .order_by(events.c.event_key, event_reports.c.report_key)
    )
    for row in conn.execute(stmt):
        yield dict(row._mapping)


def snapshot_claims(conn: Connection) -> Iterator[dict[str, Any]]:
    stmt = (
        select(
            events.c.event_key,
            claims.c.field,
            claims.c.value,
            claims.c.chosen,
            claims.c.claimant,
            claims.c.source_name,
            documents.c.content_hash,
        )
        .join(claims, claims.c.event_id == events.c.id)
        .join(documents, documents.c.id == claims.c.document_id)
        .where(events.c.status == "active")
        .order_by(events.c.event_key, claims.c.field, documents.c.content_hash, claims.c.value)
    )
    for row in conn.execute(stmt):
        yield dict(row._mapping)


def current_versions(conn: Connection) -> list[str]:
    stmt = select(processed_documents.c.pipeline_version).where(processed_documents.c.is_current.is_(True))
    return sorted({str(r[0]) for r in conn.execute(stmt.distinct())})


def add_snapshot(conn: Connection, row: dict[str, Any]) -> None:
    conn.execute(insert(snapshots).values(created_at=utcnow(), **row))


def list_snapshots(conn: Connection) -> list[dict[str, Any]]:
    return [dict(r._mapping) for r in conn.execute(select(snapshots).order_by(snapshots.c.id))]


def snapshot_by_name(conn: Connection, name: str) -> dict[str, Any] | None:
    row = conn.execute(select(snapshots).where(snapshots.c.name == name)).first()
    return dict(row._mapping) if row else None
