"""The database schema (SQLAlchemy Core), identical on SQLite and PostgreSQL.

Migrations under ``migrations/versions`` are the source of truth for the
database; this module mirrors the head revision for queries. Tables are
plain (no SQLite-only types) so the file stays readable by any SQLite tool.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    true,
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
    # Catalogue fields (0002): type is wire, national_press, radio, think_tank, government,
    # armed_group_claims...; feed URLs stay unverified until a live fetch confirms them.
    Column("homepage", Text),
    Column("source_type", String(40)),
    Column("enabled", Boolean, nullable=False, server_default=true()),
    Column("verified", Boolean, nullable=False, server_default=false()),
    Column("interval_s", Integer),
    Column("meta", JSON),
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
    Column("http_status", Integer),
    # Syndicated or lightly edited copy of an earlier document: kept, linked, counted as one source.
    Column(
        "near_dup_of",
        PK,
        ForeignKey("documents.id", ondelete="SET NULL", name="fk_documents_near_dup_of_documents"),
        index=True,
    ),
    Column("near_dup_similarity", Float),
)

document_minhashes = Table(
    "document_minhashes",
    metadata,
    Column("document_id", PK, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("num_perm", Integer, nullable=False),
    Column("signature", LargeBinary, nullable=False),
)

fetch_state = Table(
    "fetch_state",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("source_id", PK, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("url", Text, nullable=False),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_fetch_at", DateTime(timezone=True)),
    Column("last_success_at", DateTime(timezone=True)),
    Column("last_status", Integer),
    Column("failures", Integer, nullable=False, server_default="0"),
    Column("next_due_at", DateTime(timezone=True)),
    Column("last_error", Text),
    UniqueConstraint("source_id", "url", name="uq_fetch_state_source_url"),
)

source_fetches = Table(
    "source_fetches",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("source_id", PK, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("url", Text, nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("http_status", Integer),
    Column("outcome", String(32), nullable=False),
    Column("items_seen", Integer, nullable=False, server_default="0"),
    Column("documents_new", Integer, nullable=False, server_default="0"),
    Column("bytes", BigInteger, nullable=False, server_default="0"),
    Column("error", Text),
)

feed_items = Table(
    "feed_items",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("source_id", PK, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("guid", Text, nullable=False),
    Column("url", Text),
    Column("first_seen_at", DateTime(timezone=True), nullable=False),
    Column("content_hash", String(64)),
    UniqueConstraint("source_id", "guid", name="uq_feed_items_source_guid"),
)

# Events coded by others (UCDP GED): kept apart from ours, with their own provenance, for comparison.
reference_events = Table(
    "reference_events",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("dataset", String(40), nullable=False),
    Column("dataset_id", String(64), nullable=False),
    Column("release", Text),
    Column("event_date", Date, index=True),
    Column("date_end", Date),
    Column("date_precision", Integer),
    Column("violence_type", Integer),
    Column("side_a", Text),
    Column("side_b", Text),
    Column("dyad", Text),
    Column("country", String(2)),
    Column("country_name", Text),
    Column("admin1", Text),
    Column("admin2", Text),
    Column("location", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("fatalities", Integer),
    Column("fatalities_low", Integer),
    Column("fatalities_high", Integer),
    Column("headline", Text),
    Column("source_article", Text),
    Column("origin", Text, nullable=False),
    Column("raw", JSON),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("dataset", "dataset_id", name="uq_reference_events_dataset_id"),
)

# Machine-coded candidate events (GDELT): pointers to reports worth reading, never facts.
leads = Table(
    "leads",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("dataset", String(40), nullable=False),
    Column("dataset_id", String(64), nullable=False),
    Column("event_date", Date, index=True),
    Column("event_code", String(8)),
    Column("event_root_code", String(4)),
    Column("quad_class", Integer),
    Column("goldstein", Float),
    Column("actor1", Text),
    Column("actor1_country", String(8)),
    Column("actor2", Text),
    Column("actor2_country", String(8)),
    Column("country", String(2)),
    Column("location", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_type", Integer),
    Column("num_mentions", Integer),
    Column("num_sources", Integer),
    Column("num_articles", Integer),
    Column("avg_tone", Float),
    Column("source_url", Text),
    Column("status", String(20), nullable=False, server_default="new"),
    Column("origin", Text, nullable=False),
    Column("raw", JSON),
    Column("imported_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("dataset", "dataset_id", name="uq_leads_dataset_id"),
)

lead_mentions = Table(
    "lead_mentions",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("lead_id", PK, ForeignKey("leads.id", ondelete="CASCADE"), nullable=False),
    Column("url", Text, nullable=False),
    Column("source_name", Text),
    Column("mention_time", DateTime(timezone=True)),
    Column("confidence", Integer),
    UniqueConstraint("lead_id", "url", name="uq_lead_mentions_lead_url"),
)
