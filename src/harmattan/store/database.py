"""The store's public face: ``Database`` wraps an engine and the schema's common operations.

Later stages (documents, events, analysis) go through this object or the
query modules beside it; nothing outside ``harmattan.store`` writes SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from harmattan.settings import Settings, get_settings
from harmattan.store import migrate
from harmattan.store.engine import open_engine, redact
from harmattan.store.schema import documents, ingest_errors, ingest_runs, ingested_files, sources


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class RunCounts:
    files_seen: int = 0
    files_skipped: int = 0
    documents_new: int = 0
    documents_duplicate: int = 0
    errors: int = 0


class Database:
    """One database, SQLite or PostgreSQL, addressed by URL."""

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.url = url
        self.engine = engine or open_engine(url)

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Database:
        settings = settings or get_settings()
        return cls(settings.database_url)

    def __repr__(self) -> str:
        return f"Database({redact(self.url)!r})"

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # -- schema -----------------------------------------------------------
    def upgrade(self, revision: str = "head") -> None:
        migrate.upgrade(self.engine, revision)

    def downgrade(self, revision: str = "base") -> None:
        migrate.downgrade(self.engine, revision)

    def status(self) -> migrate.SchemaStatus:
        return migrate.status(self.engine)

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables (for summaries)."""
        with self.engine.connect() as conn:
            return {
                table.name: conn.scalar(select(func.count()).select_from(table)) or 0
                for table in (sources, documents, ingest_runs, ingest_errors)
            }

    def close(self) -> None:
        self.engine.dispose()

    # -- writing helpers ---------------------------------------------------
    def insert_ignoring(
        self, conn: Connection, table: Table, rows: Sequence[dict[str, Any]], key: str
    ) -> None:
        """Insert rows, silently skipping those whose unique ``key`` already exists (both backends)."""
        if not rows:
            return
        dialect_insert = postgresql.insert if self.dialect == "postgresql" else sqlite.insert
        stmt = dialect_insert(table).on_conflict_do_nothing(index_elements=[key])
        conn.execute(stmt, list(rows))

    # -- sources -------------------------------------------------------------
    def ensure_source(self, conn: Connection, name: str, kind: str = "file", **fields: Any) -> int:
        """The id of source ``name``, created on first use."""
        found = conn.scalar(select(sources.c.id).where(sources.c.name == name))
        if found is not None:
            return int(found)
        self.insert_ignoring(
            conn, sources, [{"name": name, "kind": kind, "created_at": utcnow(), **fields}], key="name"
        )
        return int(conn.scalar(select(sources.c.id).where(sources.c.name == name)) or 0)

    # -- ingest runs -----------------------------------------------------------
    def start_run(self, paths: Iterable[str]) -> int:
        with self.engine.begin() as conn:
            result = conn.execute(insert(ingest_runs).values(started_at=utcnow(), paths=list(paths)))
            return int(result.inserted_primary_key[0])  # type: ignore[index]

    def record_error(self, conn: Connection, run_id: int, path: str, message: str, line: int | None) -> None:
        conn.execute(
            insert(ingest_errors).values(
                run_id=run_id, path=path, line=line, message=message, created_at=utcnow()
            )
        )

    def finish_run(self, run_id: int, counts: RunCounts, status: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(ingest_runs)
                .where(ingest_runs.c.id == run_id)
                .values(finished_at=utcnow(), status=status, **counts.__dict__)
            )

    def existing_hashes(self, conn: Connection, hashes: Sequence[str]) -> set[str]:
        if not hashes:
            return set()
        rows = conn.execute(select(documents.c.content_hash).where(documents.c.content_hash.in_(hashes)))
        return {row[0] for row in rows}

    def file_done(self, conn: Connection, sha256: str) -> bool:
        return conn.scalar(select(ingested_files.c.id).where(ingested_files.c.sha256 == sha256)) is not None

    def mark_file_done(
        self, conn: Connection, sha256: str, path: str, size: int, docs: int, run_id: int
    ) -> None:
        row = {
            "sha256": sha256,
            "path": path,
            "size": size,
            "documents": docs,
            "run_id": run_id,
            "completed_at": utcnow(),
        }
        self.insert_ignoring(conn, ingested_files, [row], key="sha256")

    def last_runs(self, limit: int = 5) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(ingest_runs).order_by(ingest_runs.c.id.desc()).limit(limit))
            return [dict(row._mapping) for row in rows]

    def run_errors(self, run_id: int) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(ingest_errors).where(ingest_errors.c.run_id == run_id).order_by(ingest_errors.c.id)
            )
            return [dict(row._mapping) for row in rows]
