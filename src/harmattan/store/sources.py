"""Queries for sources: the registry, fetch state and log, feed items, near-duplicate links,
reference events and leads. The same statements run on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from harmattan.store.database import Database, utcnow
from harmattan.store.schema import (
    document_minhashes,
    documents,
    feed_items,
    fetch_state,
    lead_mentions,
    leads,
    reference_events,
    source_fetches,
    sources,
)

FETCHABLE_KINDS = ("rss", "web")


def _insert(conn: Connection, table: Table) -> Any:
    return (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(table)


def upsert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], keys: Sequence[str]) -> None:
    """Insert rows, updating the other given columns of rows whose ``keys`` already exist."""
    if not rows:
        return
    stmt = _insert(conn, table)
    changing = {name: stmt.excluded[name] for name in rows[0] if name not in keys}
    stmt = stmt.on_conflict_do_update(index_elements=list(keys), set_=changing)
    conn.execute(stmt, list(rows))


def insert_new(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], keys: Sequence[str]) -> None:
    """Insert rows, skipping those whose ``keys`` already exist."""
    if rows:
        conn.execute(_insert(conn, table).on_conflict_do_nothing(index_elements=list(keys)), list(rows))


# -- the source registry ------------------------------------------------------


def save_source(db: Database, name: str, **fields: Any) -> int:
    """Create source ``name`` or update the given fields of an existing one; returns its id."""
    with db.engine.begin() as conn:
        found = conn.scalar(select(sources.c.id).where(sources.c.name == name))
        if found is None:
            return db.ensure_source(conn, name, **fields)
        if fields:
            conn.execute(update(sources).where(sources.c.id == found).values(**fields))
        return int(found)


def get_source(db: Database, name: str) -> dict[str, Any] | None:
    with db.engine.connect() as conn:
        row = conn.execute(select(sources).where(sources.c.name == name)).first()
        return dict(row._mapping) if row else None


def list_sources(db: Database) -> list[dict[str, Any]]:
    """Every source with its fetch state (last fetch, status, failures, next due time) when it has one."""
    query = (
        select(
            sources,
            fetch_state.c.last_fetch_at,
            fetch_state.c.last_status,
            fetch_state.c.failures,
            fetch_state.c.next_due_at,
            fetch_state.c.last_error,
        )
        .select_from(sources.outerjoin(fetch_state, fetch_state.c.source_id == sources.c.id))
        .order_by(sources.c.name)
    )
    with db.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def remove_source(db: Database, name: str) -> bool:
    """Delete a source and its fetch state; its documents stay (their source becomes unknown)."""
    with db.engine.begin() as conn:
        return bool(conn.execute(delete(sources).where(sources.c.name == name)).rowcount)


def due_sources(db: Database, now: dt.datetime, names: Iterable[str] = ()) -> list[dict[str, Any]]:
    """Enabled feed and web sources whose next fetch is due (or only the ``names`` given, due or not)."""
    query = select(sources).where(sources.c.kind.in_(FETCHABLE_KINDS), sources.c.url.is_not(None))
    wanted = list(names)
    if wanted:
        query = query.where(sources.c.name.in_(wanted))
    else:
        not_due = select(fetch_state.c.source_id).where(fetch_state.c.next_due_at > now)
        query = query.where(sources.c.enabled.is_(True), sources.c.id.not_in(not_due))
    with db.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query.order_by(sources.c.name))]


# -- fetch state and log ----------------------------------------------------------


def get_fetch_state(db: Database, source_id: int, url: str) -> dict[str, Any]:
    with db.engine.connect() as conn:
        row = conn.execute(
            select(fetch_state).where(fetch_state.c.source_id == source_id, fetch_state.c.url == url)
        ).first()
        return dict(row._mapping) if row else {"failures": 0}


def save_fetch_state(db: Database, source_id: int, url: str, **values: Any) -> None:
    with db.engine.begin() as conn:
        upsert(conn, fetch_state, [{"source_id": source_id, "url": url, **values}], ["source_id", "url"])


def record_fetch(db: Database, **row: Any) -> None:
    with db.engine.begin() as conn:
        conn.execute(insert(source_fetches).values(**row))


def recent_fetches(db: Database, limit: int = 20) -> list[dict[str, Any]]:
    query = (
        select(source_fetches, sources.c.name)
        .join(sources, sources.c.id == source_fetches.c.source_id)
        .order_by(source_fetches.c.id.desc())
        .limit(limit)
    )
    with db.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


# -- feed items -----------------------------------------------------------------


def unseen_guids(db: Database, source_id: int, guids: Sequence[str]) -> set[str]:
    if not guids:
        return set()
    with db.engine.connect() as conn:
        seen = conn.execute(
            select(feed_items.c.guid).where(feed_items.c.source_id == source_id, feed_items.c.guid.in_(guids))
        )
        return set(guids) - {row[0] for row in seen}


def mark_items_seen(db: Database, source_id: int, items: Sequence[dict[str, Any]]) -> None:
    rows = [{"source_id": source_id, "first_seen_at": utcnow(), **item} for item in items]
    with db.engine.begin() as conn:
        insert_new(conn, feed_items, rows, ["source_id", "guid"])


# -- near-duplicates ------------------------------------------------------------------


def document_ids(conn: Connection, hashes: Sequence[str]) -> dict[str, int]:
    if not hashes:
        return {}
    rows = conn.execute(
        select(documents.c.content_hash, documents.c.id).where(documents.c.content_hash.in_(hashes))
    )
    return {row[0]: int(row[1]) for row in rows}


def load_signatures(conn: Connection, num_perm: int, limit: int) -> list[tuple[int, int | None, bytes]]:
    """The newest ``limit`` stored MinHash signatures: (document id, canonical id or None, bytes)."""
    query = (
        select(document_minhashes.c.document_id, documents.c.near_dup_of, document_minhashes.c.signature)
        .join(documents, documents.c.id == document_minhashes.c.document_id)
        .where(document_minhashes.c.num_perm == num_perm)
        .order_by(document_minhashes.c.document_id.desc())
        .limit(limit)
    )
    return [(int(r[0]), r[1], bytes(r[2])) for r in conn.execute(query)]


def save_signatures(conn: Connection, rows: Sequence[tuple[int, int, bytes]]) -> None:
    data = [{"document_id": d, "num_perm": n, "signature": s} for d, n, s in rows]
    insert_new(conn, document_minhashes, data, ["document_id"])


def link_near_duplicate(conn: Connection, document_id: int, canonical_id: int, similarity: float) -> None:
    conn.execute(
        update(documents)
        .where(documents.c.id == document_id)
        .values(near_dup_of=canonical_id, near_dup_similarity=round(similarity, 4))
    )


def near_duplicate_groups(db: Database) -> dict[int, list[int]]:
    """Canonical document id -> its linked copies (for reports and fusion)."""
    groups: dict[int, list[int]] = {}
    with db.engine.connect() as conn:
        query = select(documents.c.id, documents.c.near_dup_of).where(documents.c.near_dup_of.is_not(None))
        for doc_id, canonical in conn.execute(query.order_by(documents.c.id)):
            groups.setdefault(int(canonical), []).append(int(doc_id))
    return groups


# -- reference events and leads ----------------------------------------------------------


def existing_dataset_ids(conn: Connection, table: Table, dataset: str, ids: Sequence[str]) -> set[str]:
    if not ids:
        return set()
    query = select(table.c.dataset_id).where(table.c.dataset == dataset, table.c.dataset_id.in_(ids))
    return {row[0] for row in conn.execute(query)}


def save_reference_events(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Insert or refresh reference events (a newer release of a dataset updates its rows)."""
    upsert(conn, reference_events, rows, ["dataset", "dataset_id"])


def save_leads(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    insert_new(conn, leads, rows, ["dataset", "dataset_id"])


def lead_ids(conn: Connection, dataset: str, ids: Sequence[str]) -> dict[str, int]:
    if not ids:
        return {}
    query = select(leads.c.dataset_id, leads.c.id).where(
        leads.c.dataset == dataset, leads.c.dataset_id.in_(ids)
    )
    return {row[0]: int(row[1]) for row in conn.execute(query)}


def save_lead_mentions(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    insert_new(conn, lead_mentions, rows, ["lead_id", "url"])


def count_rows(db: Database, table: Table, dataset: str | None = None) -> int:
    query = select(func.count()).select_from(table)
    if dataset is not None:
        query = query.where(table.c.dataset == dataset)
    with db.engine.connect() as conn:
        return int(conn.scalar(query) or 0)


def leads_to_fetch(db: Database, limit: int = 100) -> list[dict[str, Any]]:
    """New leads with a source URL, most-mentioned first (for a fetcher that reads what GDELT points at)."""
    query = (
        select(leads)
        .where(leads.c.status == "new", leads.c.source_url.is_not(None))
        .order_by(leads.c.num_mentions.desc().nulls_last(), leads.c.id)
        .limit(limit)
    )
    with db.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def set_lead_status(db: Database, lead_id: int, status: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(update(leads).where(leads.c.id == lead_id).values(status=status))
