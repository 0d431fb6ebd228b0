"""The database schema (SQLAlchemy Core), identical on SQLite and PostgreSQL.

Migrations under ``migrations/versions`` are the source of truth for the
database; this module mirrors the head revision for queries. Tables are
plain (no SQLite-only types) so the file stays readable by any SQLite tool.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

# Stable constraint names let Alembic alter tables the same way on both backends.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# Integer primary keys: BIGINT on PostgreSQL, INTEGER (rowid alias) on SQLite.
PK = BigInteger().with_variant(Integer(), "sqlite")

sources = Table(
    "sources",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("kind", String(20), nullable=False, server_default="file"),
    Column("url", Text),
    Column("language", String(8)),
    Column("country", String(2)),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

ingest_runs = Table(
    "ingest_runs",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("status", String(32), nullable=False, server_default="running"),
    Column("paths", JSON),
    Column("files_seen", Integer, nullable=False, server_default="0"),
    Column("files_skipped", Integer, nullable=False, server_default="0"),
    Column("documents_new", Integer, nullable=False, server_default="0"),
    Column("documents_duplicate", Integer, nullable=False, server_default="0"),
    Column("errors", Integer, nullable=False, server_default="0"),
)

ingest_errors = Table(
    "ingest_errors",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("run_id", PK, ForeignKey("ingest_runs.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("path", Text, nullable=False),
    Column("line", Integer),
    Column("message", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

ingested_files = Table(
    "ingested_files",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("path", Text, nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("documents", Integer, nullable=False),
    Column("run_id", PK, ForeignKey("ingest_runs.id", ondelete="SET NULL")),
    Column("completed_at", DateTime(timezone=True), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("source_id", PK, ForeignKey("sources.id", ondelete="SET NULL"), index=True),
    Column("url", Text),
    Column("title", Text),
    Column("published_at", Date, index=True),
    Column("fetched_at", DateTime(timezone=True), nullable=False),
    Column("language", String(8)),
    Column("text", Text, nullable=False),
    Column("original_sha256", String(64)),
    Column("original_path", Text),
    Column("origin", Text, nullable=False),
    Column("meta", JSON),
    Column("ingest_run_id", PK, ForeignKey("ingest_runs.id", ondelete="SET NULL")),
)
