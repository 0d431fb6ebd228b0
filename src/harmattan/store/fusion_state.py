"""SQL of incremental fusion: what changed since the last fusion, and the reports of a date window.

What changed is found from the tables themselves, not from a log, so nothing a
crash can lose: *new* reports are current reports that no event holds; *stale*
events hold a report that is no longer current (its document was re-processed
by another pipeline version) or lost one (re-processed by the same version,
which deletes the old rows and, by cascade, their memberships).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, and_, case, delete, func, or_, select

from harmattan.store import bulk
from harmattan.store.events import REPORT_RUN, current_reports_select
from harmattan.store.schema import documents
from harmattan.store.schema_events import event_members, event_reports, events, merge_log, processed_documents

_CHUNK = 5000  # ids per IN list (SQLite's bound-parameter limit is far above; PostgreSQL's too)


def _chunks(ids: Sequence[int]) -> list[list[int]]:
    return [list(ids[i : i + _CHUNK]) for i in range(0, len(ids), _CHUNK)]


def new_reports(conn: Connection) -> tuple[int, dt.date | None, int]:
    """Current reports no event holds: how many, the earliest date, how many undated."""
    stmt = (
        current_reports_select()
        .outerjoin(event_members, event_members.c.report_id == event_reports.c.id)
        .where(event_members.c.report_id.is_(None))
        .with_only_columns(
            func.count(),
            func.min(event_reports.c.event_date),
            func.sum(case((event_reports.c.event_date.is_(None), 1), else_=0)),
        )
    )
    count, earliest, undated = conn.execute(stmt).one()
    return int(count or 0), earliest, int(undated or 0)


def stale_events(conn: Connection) -> dict[int, dt.date | None]:
    """Events that hold a report no longer current or lost one -> the earliest date they still span."""
    stale: set[int] = set()
    # Driven by the (is_current, document_id) index: proportional to the superseded documents.
    superseded = (
        select(event_members.c.event_id)
        .join(event_reports, event_reports.c.id == event_members.c.report_id)
        .join(
            processed_documents,
            REPORT_RUN,
        )
        .where(processed_documents.c.is_current.is_(False))
        .distinct()
    )
    stale.update(int(r[0]) for r in conn.execute(superseded))
    members = conn.scalar(select(func.count()).select_from(event_members)) or 0
    expected = conn.scalar(select(func.sum(events.c.n_reports))) or 0
    if members != expected:  # some lost a member: find which (a scan, only when it happened)
        counts = (
            select(events.c.id)
            .outerjoin(event_members, event_members.c.event_id == events.c.id)
            .group_by(events.c.id, events.c.n_reports)
            .having(func.count(event_members.c.report_id) != events.c.n_reports)
        )
        stale.update(int(r[0]) for r in conn.execute(counts))
    out: dict[int, dt.date | None] = {}
    for chunk in _chunks(sorted(stale)):
        stmt = (
            select(events.c.id, events.c.event_date, func.min(event_reports.c.event_date))
            .outerjoin(event_members, event_members.c.event_id == events.c.id)
            .outerjoin(event_reports, event_reports.c.id == event_members.c.report_id)
            .where(events.c.id.in_(chunk))
            .group_by(events.c.id, events.c.event_date)
        )
        for event_id, event_date, earliest in conn.execute(stmt):
            dates = [d for d in (event_date, earliest) if d is not None]
            out[int(event_id)] = min(dates) if dates else None
    return out


def units_changed(conn: Connection) -> bool:
    """Whether a fused report's document was linked to (or unlinked from) another since it was fused."""
    unit = func.coalesce(documents.c.near_dup_of, documents.c.id)
    stmt = (
        select(event_members.c.report_id)
        .join(event_reports, event_reports.c.id == event_members.c.report_id)
        .join(documents, documents.c.id == event_reports.c.document_id)
        .where(event_members.c.source_unit != unit)
        .limit(1)
    )
    return conn.execute(stmt).first() is not None


def _with_membership() -> Any:
    return (
        current_reports_select()
        .outerjoin(event_members, event_members.c.report_id == event_reports.c.id)
        .add_columns(
            event_members.c.event_id.label("stored_event_id"),
            event_members.c.how.label("stored_how"),
            event_members.c.score.label("stored_score"),
            event_members.c.reason.label("stored_reason"),
            event_members.c.matched_report_id.label("stored_matched"),
        )
    )


def reports_from(conn: Connection, since: dt.date) -> list[dict[str, Any]]:
    """Current reports dated ``since`` or later, and the undated, with the event that holds each."""
    date = event_reports.c.event_date
    stmt = _with_membership().where(or_(date >= since, date.is_(None)))
    return [dict(r._mapping) for r in conn.execute(stmt)]


def reports_of_units(conn: Connection, units: Sequence[int]) -> list[dict[str, Any]]:
    """Current reports of these source units (a document and its syndicated copies)."""
    out: list[dict[str, Any]] = []
    for chunk in _chunks(sorted(units)):
        stmt = _with_membership().where(or_(documents.c.id.in_(chunk), documents.c.near_dup_of.in_(chunk)))
        out.extend(dict(r._mapping) for r in conn.execute(stmt))
    return out


def reports_of_events(conn: Connection, event_ids: Sequence[int]) -> list[dict[str, Any]]:
    """The current member reports of these events."""
    out: list[dict[str, Any]] = []
    for chunk in _chunks(sorted(event_ids)):
        stmt = _with_membership().where(event_members.c.event_id.in_(chunk))
        out.extend(dict(r._mapping) for r in conn.execute(stmt))
    return out


def totals(conn: Connection) -> tuple[int, int, int]:
    """Member reports, events, and members that joined by a merge: the counts of a fusion run."""
    members = conn.scalar(select(func.count()).select_from(event_members)) or 0
    n_events = conn.scalar(select(func.count()).select_from(events)) or 0
    merges = conn.scalar(select(func.count()).where(event_members.c.how != "seed")) or 0
    return int(members), int(n_events), int(merges)


def membership(conn: Connection, event_ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    """Event id -> (members, members that joined by a merge) as stored."""
    out: dict[int, tuple[int, int]] = {}
    for chunk in _chunks(sorted(event_ids)):
        stmt = (
            select(
                event_members.c.event_id,
                func.count(),
                func.sum(case((event_members.c.how != "seed", 1), else_=0)),
            )
            .where(event_members.c.event_id.in_(chunk))
            .group_by(event_members.c.event_id)
        )
        out.update((int(e), (int(n), int(m or 0))) for e, n, m in conn.execute(stmt))
    return out


def delete_events(conn: Connection, event_ids: Sequence[int], report_ids: Sequence[int]) -> None:
    """Remove events (their members, claims, actors, tactics go by cascade) and these reports' near misses."""
    for chunk in _chunks(sorted(event_ids)):
        conn.execute(delete(events).where(events.c.id.in_(chunk)))
    for chunk in _chunks(sorted(report_ids)):
        conn.execute(delete(merge_log).where(merge_log.c.report_id.in_(chunk)))


def delete_orphan_misses(conn: Connection) -> None:
    """Near misses of reports that no longer exist (deleted by a same-version re-processing)."""
    gone = ~select(event_reports.c.id).where(event_reports.c.id == merge_log.c.report_id).exists()
    conn.execute(delete(merge_log).where(gone))


def stored_vocabulary(conn: Connection) -> set[tuple[str, str, str]]:
    from harmattan.store.schema_events import event_vocab

    rows = conn.execute(select(event_vocab.c.kind, event_vocab.c.value_fold, event_vocab.c.value))
    return {(str(k), str(f), str(v)) for k, f, v in rows}


def reserve_event_ids(conn: Connection, n: int) -> list[int]:
    return list(bulk.reserve_ids(conn, events, n))


def delete_unused_vocabulary(conn: Connection) -> None:
    """Spellings no stored event uses any more (its events were replaced by an incremental fusion).

    A full fusion rebuilds the vocabulary; an incremental one only adds to it, so this removes what
    the replaced events alone used: admin1, types and tactics by value, actors by key.
    """
    from harmattan.store.schema_events import event_actors, event_tactics, event_vocab

    v = event_vocab.c
    used = {
        kind: select(events.c.id).where(events.c[kind] == v.value).exists()
        for kind in ("admin1", "event_type", "sub_event_type")
    }
    used["tactic"] = select(event_tactics.c.event_id).where(event_tactics.c.tactic == v.value).exists()
    used["actor"] = select(event_actors.c.event_id).where(event_actors.c.actor_key == v.value).exists()
    for kind, exists in used.items():
        conn.execute(delete(event_vocab).where(and_(v.kind == kind, ~exists)))
