"""Sources, documents and ingest runs.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

PK = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", PK, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False, server_default="file"),
        sa.Column("url", sa.Text),
        sa.Column("language", sa.String(8)),
        sa.Column("country", sa.String(2)),
        sa.Column("created_at", TS, nullable=False),
        sa.UniqueConstraint("name", name="uq_sources_name"),
    )
    op.create_table(
        "ingest_runs",
        sa.Column("id", PK, primary_key=True, autoincrement=True),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("finished_at", TS),
        sa.Column("status", sa.String(32), nullable=False, server_default="running"),
        sa.Column("paths", sa.JSON),
        sa.Column("files_seen", sa.Integer, nullable=False, server_default="0"),
        sa.Column("files_skipped", sa.Integer, nullable=False, server_default="0"),
        sa.Column("documents_new", sa.Integer, nullable=False, server_default="0"),
        sa.Column("documents_duplicate", sa.Integer, nullable=False, server_default="0"),
        sa.Column("errors", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_table(
        "ingest_errors",
        sa.Column("id", PK, primary_key=True, autoincrement=True),
        sa.Column("run_id", PK, sa.ForeignKey("ingest_runs.id", ondelete="CASCADE"), nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("line", sa.Integer),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_index("ix_ingest_errors_run_id", "ingest_errors", ["run_id"])
    op.create_table(
        "ingested_files",
        sa.Column("id", PK, primary_key=True, autoincrement=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("documents", sa.Integer, nullable=False),
        sa.Column("run_id", PK, sa.ForeignKey("ingest_runs.id", ondelete="SET NULL")),
        sa.Column("completed_at", TS, nullable=False),
        sa.UniqueConstraint("sha256", name="uq_ingested_files_sha256"),
    )
    op.create_table(
        "documents",
        sa.Column("id", PK, primary_key=True, autoincrement=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("source_id", PK, sa.ForeignKey("sources.id", ondelete="SET NULL")),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published_at", sa.Date),
        sa.Column("fetched_at", TS, nullable=False),
        sa.Column("language", sa.String(8)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("original_sha256", sa.String(64)),
        sa.Column("original_path", sa.Text),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("meta", sa.JSON),
        sa.Column("ingest_run_id", PK, sa.ForeignKey("ingest_runs.id", ondelete="SET NULL")),
        sa.UniqueConstraint("content_hash", name="uq_documents_content_hash"),
    )
    op.create_index("ix_documents_source_id", "documents", ["source_id"])
    op.create_index("ix_documents_published_at", "documents", ["published_at"])


def downgrade() -> None:
    op.drop_table("documents")
    op.drop_table("ingested_files")
    op.drop_table("ingest_errors")
    op.drop_table("ingest_runs")
    op.drop_table("sources")
