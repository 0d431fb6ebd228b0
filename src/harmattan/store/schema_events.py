"""Event tables: per-document reports with field evidence, fused events, claims, corrections, snapshots.

Same ``metadata`` as :mod:`harmattan.store.schema`, mirrored by migration
``0003``. Plain tables and SQL views only, so the SQLite file reads in any
SQLite tool; ``docs/events.md`` is the reference for analysts.

Identities that survive re-processing are strings built from content, not row
ids: a report is ``<document content_hash[:16]>:<ordinal>/<pipeline_version>``
and an event's ``event_key`` derives from its earliest member report, so a
re-run after a crash (or on another database) names the same things the same way.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from harmattan.store.schema import PK, metadata

TS = DateTime(timezone=True)


def event_columns() -> list[Column[Any]]:
    """The ACLED-shaped event fields shared by reports and fused events (fresh objects per table)."""
    return [
        Column("event_date", Date),
        Column("date_precision", Integer, nullable=False, server_default="1"),
        Column("event_type", String(64)),
        Column("sub_event_type", String(64)),
        Column("actor1", String(200)),
        Column("actor1_id", String(100)),
        Column("assoc_actor_1", String(400)),
        Column("inter1", Integer),
        Column("actor2", String(200)),
        Column("actor2_id", String(100)),
        Column("assoc_actor_2", String(400)),
        Column("inter2", Integer),
        Column("country", String(2)),
        Column("admin1", String(100)),
        Column("admin2", String(100)),
        Column("location", String(200)),
        Column("latitude", Float),
        Column("longitude", Float),
        Column("geo_precision", Integer),
        Column("fatalities", Integer),
        # "; "-separated like ACLED's multi-valued columns (readable in any tool); see event_tactics.
        Column("tactics", String(400)),
        Column("plover_type", String(32)),
        Column("historical", Boolean, nullable=False, server_default="0"),
        Column("confidence", Float, nullable=False, server_default="0"),
    ]


extraction_runs = Table(
    "extraction_runs",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("pipeline_version", String(64), nullable=False),
    Column("started_at", TS, nullable=False),
    Column("finished_at", TS),
    Column("status", String(32), nullable=False, server_default="running"),
    Column("workers", Integer, nullable=False, server_default="1"),
    Column("documents", Integer, nullable=False, server_default="0"),
    Column("reports", Integer, nullable=False, server_default="0"),
    Column("errors", Integer, nullable=False, server_default="0"),
)

extraction_errors = Table(
    "extraction_errors",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("run_id", PK, ForeignKey("extraction_runs.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("document_id", PK, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("message", Text, nullable=False),
    Column("created_at", TS, nullable=False),
)

# One row per document and pipeline version that processed it (even with no events), written in the
# same transaction as its reports: "processed" and "reports stored" can never disagree after a crash.
processed_documents = Table(
    "processed_documents",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("document_id", PK, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("pipeline_version", String(64), nullable=False),
    Column("is_current", Boolean, nullable=False, server_default="1"),
    Column("reports", Integer, nullable=False, server_default="0"),
    Column("processed_at", TS, nullable=False),
    UniqueConstraint("document_id", "pipeline_version", name="uq_processed_documents_doc_version"),
    Index("ix_processed_documents_version", "pipeline_version", "document_id"),
    Index("ix_processed_documents_current", "is_current", "document_id"),
)

event_reports = Table(
    "event_reports",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    # the portable id of a report (content-hash prefix, ordinal, version); unique because the (document,
    # version, ordinal) below is, and left unindexed: an index on it made bulk inserts random (0006)
    Column("report_key", String(120), nullable=False),
    Column("document_id", PK, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("pipeline_version", String(64), nullable=False),
    Column("ordinal", Integer, nullable=False),
    *event_columns(),
    Column("extras", JSON),
    UniqueConstraint(
        "document_id", "pipeline_version", "ordinal", name="uq_event_reports_doc_version_ordinal"
    ),
)

report_evidence = Table(
    "report_evidence",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("report_id", PK, ForeignKey("event_reports.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("field", String(40), nullable=False),
    Column("document_id", PK, ForeignKey("documents.id", ondelete="CASCADE")),
    Column("sentence", Integer, nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("rule", String(120), nullable=False, server_default=""),
)

fusion_runs = Table(
    "fusion_runs",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("started_at", TS, nullable=False),
    Column("finished_at", TS),
    Column("status", String(32), nullable=False, server_default="running"),
    # What the fusion saw (reports, corrections): fusion is skipped when nothing changed since.
    Column("state_token", String(200)),
    Column("reports", Integer, nullable=False, server_default="0"),
    Column("events", Integer, nullable=False, server_default="0"),
    Column("merges", Integer, nullable=False, server_default="0"),
    Column("corrections_applied", Integer, nullable=False, server_default="0"),
    Column("corrections_unresolved", Integer, nullable=False, server_default="0"),
)

events = Table(
    "events",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("event_key", String(24), nullable=False, unique=True),
    Column("status", String(16), nullable=False, server_default="active"),
    *event_columns(),
    Column("n_reports", Integer, nullable=False, server_default="1"),
    Column("n_sources", Integer, nullable=False, server_default="1"),
    Column("sources", Text),
    Column("notes", Text),
    Column("corrected", Boolean, nullable=False, server_default="0"),
    Column("fusion_run_id", PK),
    Index("ix_events_date", "event_date"),
    Index("ix_events_country_date", "country", "event_date"),
    Index("ix_events_admin1_date", "admin1", "event_date"),
    Index("ix_events_type_date", "event_type", "event_date"),
    Index("ix_events_sub_type_date", "sub_event_type", "event_date"),
    Index("ix_events_lat_lon", "latitude", "longitude"),
)

event_members = Table(
    "event_members",
    metadata,
    Column("event_id", PK, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("report_id", PK, ForeignKey("event_reports.id", ondelete="CASCADE"), primary_key=True),
    Column("source_unit", PK),
    # seed | auto | analyst: how the report joined; the score and reason of an automatic merge.
    Column("how", String(16), nullable=False),
    Column("score", Float),
    Column("reason", Text),
    Column("matched_report_id", PK),
    Index("ix_event_members_report", "report_id"),
)

# Near misses of the latest fusion: candidate pairs inside the window that a rule kept apart, with why.
merge_log = Table(
    "merge_log",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("fusion_run_id", PK, nullable=False),
    Column("action", String(24), nullable=False),
    Column("report_id", PK, nullable=False, index=True),
    Column("other_report_id", PK, nullable=False),
    Column("score", Float),
    Column("reason", Text, nullable=False),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", PK, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("role", String(8), nullable=False),
    Column("actor", String(200), nullable=False),
    # The region-pack id when the actor has one, else the folded name: what --actor filters on.
    Column("actor_key", String(200), nullable=False),
    Column("actor_id", String(100)),
    Column("event_date", Date),
    Index("ix_event_actors_key_date", "actor_key", "event_date"),
    Index("ix_event_actors_event", "event_id"),
)

event_tactics = Table(
    "event_tactics",
    metadata,
    Column("event_id", PK, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("tactic", String(40), nullable=False),
    Column("event_date", Date),
    Index("ix_event_tactics_tactic_date", "tactic", "event_date"),
    Index("ix_event_tactics_event", "event_id"),
)

# The distinct admin1 names, types, sub-types, tactics and actor keys of the fused events, by folded
# spelling: filters resolve what people type ("menaka", "attack", "jnim") here, not by scanning events.
event_vocab = Table(
    "event_vocab",
    metadata,
    Column("kind", String(16), primary_key=True),
    Column("value_fold", String(200), primary_key=True),
    Column("value", String(200), primary_key=True),
)

claims = Table(
    "claims",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("event_id", PK, ForeignKey("events.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("field", String(40), nullable=False),
    Column("value", Text, nullable=False),
    Column("value_num", Float),
    # No foreign key to event_reports: claims are rebuilt by every fusion, and a cascade from reports
    # would make SQLite scan this (large) table for each report a re-processing replaces.
    Column("report_id", PK, nullable=False),
    Column("document_id", PK, nullable=False),
    Column("source_name", String(200)),
    Column("claimant", String(200)),
    Column("chosen", Boolean, nullable=False, server_default="0"),
)

corrections = Table(
    "corrections",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("created_at", TS, nullable=False),
    Column("author", String(120), nullable=False),
    Column("reason", Text, nullable=False),
    # override | reject | restore | merge | split
    Column("action", String(16), nullable=False),
    Column("field", String(40)),
    Column("value", JSON),
    # Which reports the correction is about, by content (document hash + fields), not by row id.
    Column("anchors", JSON, nullable=False),
    Column("event_key", String(24)),
    Column("state", String(16), nullable=False, server_default="pending"),
    Column("applied_event_key", String(24)),
    Column("applied_at", TS),
)

snapshots = Table(
    "snapshots",
    metadata,
    Column("id", PK, primary_key=True, autoincrement=True),
    Column("name", String(120), nullable=False, unique=True),
    Column("created_at", TS, nullable=False),
    Column("path", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("pipeline_version", String(64)),
    Column("counts", JSON),
)

#: Plain SQL views for SQLite tools and analysts (same text on PostgreSQL); see docs/events.md.
VIEWS: dict[str, str] = {
    "v_events": (
        "SELECT e.event_key, e.event_date, e.date_precision, e.event_type, e.sub_event_type, "
        "e.actor1, e.assoc_actor_1, e.inter1, e.actor2, e.assoc_actor_2, e.inter2, e.country, "
        "e.admin1, e.admin2, e.location, e.latitude, e.longitude, e.geo_precision, e.fatalities, "
        "e.tactics, e.plover_type, e.confidence, e.n_reports, e.n_sources, e.sources, e.corrected "
        "FROM events e WHERE e.status = 'active'"
    ),
    "v_event_sources": (
        "SELECT e.event_key, m.how, m.score, m.reason, r.report_key, r.pipeline_version, "
        "d.id AS document_id, d.title, d.url, d.published_at, s.name AS source_name, "
        "COALESCE(d.near_dup_of, d.id) AS source_unit "
        "FROM events e JOIN event_members m ON m.event_id = e.id "
        "JOIN event_reports r ON r.id = m.report_id JOIN documents d ON d.id = r.document_id "
        "LEFT JOIN sources s ON s.id = d.source_id"
    ),
    "v_claims": (
        "SELECT e.event_key, c.field, c.value, c.value_num, c.chosen, c.claimant, c.source_name, "
        "c.document_id, r.report_key FROM claims c JOIN events e ON e.id = c.event_id "
        "JOIN event_reports r ON r.id = c.report_id"
    ),
    "v_report_evidence": (
        "SELECT r.report_key, r.document_id, v.field, v.sentence, v.start_char, v.end_char, v.text, v.rule "
        "FROM report_evidence v JOIN event_reports r ON r.id = v.report_id"
    ),
}
