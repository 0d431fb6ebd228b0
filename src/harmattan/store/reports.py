"""SQL of extraction runs and event reports: the writing side of ``harmattan process``.

Reports go through the bulk path (:mod:`harmattan.store.bulk`); each batch of
documents is one transaction with its ``processed_documents`` markers, so a crash
leaves all of a batch or none of it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, and_, exists, func, insert, select, update

from harmattan.store import bulk
from harmattan.store.database import utcnow
from harmattan.store.schema import documents
from harmattan.store.schema_events import (
    event_reports,
    extraction_errors,
    extraction_runs,
    fusion_runs,
    processed_documents,
    report_evidence,
)

REPORT_FIELDS: tuple[str, ...] = tuple(
    c.name for c in event_reports.columns if c.name not in ("id", "report_key", "document_id", "ordinal")
)


# -- extraction runs and reports ------------------------------------------------
def start_extraction_run(conn: Connection, pipeline_version: str, workers: int) -> int:
    result = conn.execute(
        insert(extraction_runs).values(
            pipeline_version=pipeline_version, started_at=utcnow(), workers=workers
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def finish_extraction_run(
    conn: Connection, run_id: int, status: str, documents_done: int, reports: int, errors: int
) -> None:
    conn.execute(
        update(extraction_runs)
        .where(extraction_runs.c.id == run_id)
        .values(finished_at=utcnow(), status=status, documents=documents_done, reports=reports, errors=errors)
    )


def close_stale_runs(conn: Connection) -> int:
    """Mark runs left 'running' by a killed process as interrupted."""
    result = conn.execute(
        update(extraction_runs).where(extraction_runs.c.status == "running").values(status="interrupted")
    )
    conn.execute(update(fusion_runs).where(fusion_runs.c.status == "running").values(status="interrupted"))
    return int(result.rowcount or 0)


def record_extraction_error(conn: Connection, run_id: int, document_id: int, message: str) -> None:
    conn.execute(
        insert(extraction_errors).values(
            run_id=run_id, document_id=document_id, message=message, created_at=utcnow()
        )
    )


def pending_documents(
    conn: Connection, pipeline_version: str, limit: int | None = None, after_id: int = 0
) -> list[dict[str, Any]]:
    """Documents not yet processed by ``pipeline_version``, in id order."""
    done = exists().where(
        and_(
            processed_documents.c.document_id == documents.c.id,
            processed_documents.c.pipeline_version == pipeline_version,
        )
    )
    stmt = (
        select(
            documents.c.id,
            documents.c.content_hash,
            documents.c.text,
            documents.c.published_at,
            documents.c.language,
        )
        .where(~done, documents.c.id > after_id)
        .order_by(documents.c.id)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return [dict(row._mapping) for row in conn.execute(stmt)]


def count_pending(conn: Connection, pipeline_version: str) -> int:
    done = exists().where(
        and_(
            processed_documents.c.document_id == documents.c.id,
            processed_documents.c.pipeline_version == pipeline_version,
        )
    )
    return int(conn.scalar(select(func.count()).select_from(documents).where(~done)) or 0)


def content_hashes(conn: Connection, document_ids: Sequence[int]) -> dict[int, str]:
    rows = conn.execute(
        select(documents.c.id, documents.c.content_hash).where(documents.c.id.in_(list(document_ids)))
    )
    return {int(r[0]): str(r[1]) for r in rows}


#: Column order of the tuples :func:`harmattan.events.process.report_rows` builds (``id`` is added here).
REPORT_COLUMNS: tuple[str, ...] = ("report_key", "document_id", "pipeline_version", "ordinal",
                                   *(f for f in REPORT_FIELDS if f not in ("pipeline_version", "extras")),
                                   "extras")  # fmt: skip
EVIDENCE_COLUMNS: tuple[str, ...] = (
    "field", "document_id", "sentence", "start_char", "end_char", "text", "rule",
)  # fmt: skip
#: One document's reports: ``(document_id, pipeline_version, report tuples, evidence tuples per report)``.
ReportBatch = Sequence[tuple[int, str, Sequence[tuple[Any, ...]], Sequence[Sequence[tuple[Any, ...]]]]]


def _in_ids(conn: Connection, column: str) -> str:
    """``column IN (the ids of one parameter)``: one prepared statement whatever the number of ids."""
    if bulk.is_sqlite(conn):
        return f"{column} IN (SELECT value FROM json_each(?))"
    return f"{column} = ANY(%s)"


def _ids_param(conn: Connection, ids: Sequence[int]) -> Any:
    return json.dumps(list(ids)) if bulk.is_sqlite(conn) else list(ids)


def replace_reports(conn: Connection, batch: ReportBatch) -> int:
    """Store reports of several documents through the bulk path; returns how many reports.

    Idempotent: a document's earlier reports for that version are deleted first,
    and the ``processed_documents`` marker is written in the same transaction.
    """
    if not batch:
        return 0
    bulk.prepare_sqlite(conn)
    mark = "?" if bulk.is_sqlite(conn) else "%s"
    doc_ids = [b[0] for b in batch]
    # Reports exist only beside their document's marker (written together, here): retiring the
    # markers finds the documents processed before, and only those have old rows to delete.
    # A write first, so that the transaction holds SQLite's write lock before it reads anything.
    retire = (
        f"UPDATE processed_documents SET is_current = {mark} "
        f"WHERE {_in_ids(conn, 'document_id')} RETURNING document_id"
    )
    seen = {int(r[0]) for r in conn.exec_driver_sql(retire, (False, _ids_param(conn, doc_ids)))}
    by_version: dict[str, list[int]] = {}
    for document_id, version, _, _ in batch:
        if document_id in seen:
            by_version.setdefault(version, []).append(document_id)
    for version, ids in by_version.items():  # one statement per version, not per document
        for table in ("event_reports", "processed_documents"):
            sql = f"DELETE FROM {table} WHERE pipeline_version = {mark} AND {_in_ids(conn, 'document_id')}"
            conn.exec_driver_sql(sql, (version, _ids_param(conn, ids)))
    now = bulk.timestamp(conn, utcnow())
    bulk.insert_tuples(
        conn,
        processed_documents,
        ("document_id", "pipeline_version", "is_current", "reports", "processed_at"),
        [(d, v, True, len(r), now) for d, v, r, _ in batch],
    )
    n = sum(len(r) for _, _, r, _ in batch)
    if not n:
        return 0
    new_ids = bulk.reserve_ids(conn, event_reports, n)
    with bulk.paused_gc():
        # Comprehensions over flat lists: a million reports is a million of each step.
        rows = [row for _, _, per_doc, _ in batch for row in per_doc]
        per_report_evidence = [e for _, _, _, per_doc in batch for e in per_doc]
        reports = [(i, *row) for i, row in zip(new_ids, rows, strict=True)]
        evidence = [(i, *ev) for i, evs in zip(new_ids, per_report_evidence, strict=True) for ev in evs]
        bulk.insert_tuples(conn, event_reports, ("id", *REPORT_COLUMNS), reports)
        bulk.insert_tuples(conn, report_evidence, ("report_id", *EVIDENCE_COLUMNS), evidence)
        del rows, per_report_evidence, reports, evidence
    return n
