"""Sources at scale: catalogue fields, fetch state and log, feed items, near-duplicates,
reference events (UCDP) and leads (GDELT).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

PK = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)


def _source_fk(name: str) -> "sa.Column[int]":
    return sa.Column(name, PK, sa.ForeignKey("sources.id", ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.add_column(sa.Column("homepage", sa.Text))
        batch.add_column(sa.Column("source_type", sa.String(40)))
        batch.add_column(sa.Column("enabled", sa.Boolean, nullable=False, server_default=sa.true()))
        batch.add_column(sa.Column("verified", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("interval_s", sa.Integer))
        batch.add_column(sa.Column("meta", sa.JSON))
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("http_status", sa.Integer))
        batch.add_column(sa.Column("near_dup_of", PK))
        batch.add_column(sa.Column("near_dup_similarity", sa.Float))
        batch.create_foreign_key(
            "fk_documents_near_dup_of_documents", "documents", ["near_dup_of"], ["id"], ondelete="SET NULL"
        )
        batch.create_index("ix_documents_near_dup_of", ["near_dup_of"])
    op.create_table(
        "document_minhashes",
        sa.Column("document_id", PK, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("num_perm", sa.Integer, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "fetch_state",
        sa.Column("id", PK, primary_key=True, autoincrement=True),
        _source_fk("source_id"),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_fetch_at", TS),
        sa.Column("last_success_at", TS),
        sa.Column("last_status", sa.Integer),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_due_at", TS),
        sa.Column("last_error", sa.Text),
        sa.UniqueConstraint("source_id", "url", name="uq_fetch_state_source_url"),
    )
    op.create_table(
        "source_fetches",
        sa.Column("id", PK, primary_key=True, autoincrement=True),
        _source_fk("source_id"),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("finished_at", TS),
        sa.Column("http_status", sa.Integer),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("items_seen", sa.Integer, nullable=False, server_default="0"),
        sa.Column("documents_new", sa.Integer, nullable=False, server_default="0"),
        sa.Column("bytes", sa.BigInteger, nullable=False, server_default="0"),
        sa.Column("error", sa.Text),
    )
    op.create_index("ix_source_fetches_source_id", "source_fetches", ["source_id"])
    op.create_table(
        "feed_items",
        sa.Column("id", PK, primary_key=True, autoincrement=True),
        _source_fk("source_id"),
        sa.Column("guid", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("first_seen_at", TS, nullable=False),
        sa.Column("content_hash", sa.String(64)),
        sa.UniqueConstraint("source_id", "guid", name="uq_feed_items_source_guid"),
    )
    op.create_table(
        "reference_events",
        sa.Column("id", PK, primary_key=True, autoincrement=True),
        sa.Column("dataset", sa.String(40), nullable=False),
        sa.Column("dataset_id", sa.String(64), nullable=False),
        sa.Column("release", sa.Text),
        sa.Column("event_date", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("date_precision", sa.Integer),
        sa.Column("violence_type", sa.Integer),
        sa.Column("side_a", sa.Text),
        sa.Column("side_b", sa.Text),
        sa.Column("dyad", sa.Text),
        sa.Column("country", sa.String(2)),
        sa.Column("country_name", sa.Text),
        sa.Column("admin1", sa.Text),
        sa.Column("admin2", sa.Text),
        sa.Column("location", sa.Text),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("geo_precision", sa.Integer),
        sa.Column("fatalities", sa.Integer),
        sa.Column("fatalities_low", sa.Integer),
        sa.Column("fatalities_high", sa.Integer),
        sa.Column("headline", sa.Text),
        sa.Column("source_article", sa.Text),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("raw", sa.JSON),
        sa.Column("imported_at", TS, nullable=False),
        sa.UniqueConstraint("dataset", "dataset_id", name="uq_reference_events_dataset_id"),
    )
    op.create_index("ix_reference_events_event_date", "reference_events", ["event_date"])
    op.create_table(
        "leads",
        sa.Column("id", PK, primary_key=True, autoincrement=True),
        sa.Column("dataset", sa.String(40), nullable=False),
        sa.Column("dataset_id", sa.String(64), nullable=False),
        sa.Column("event_date", sa.Date),
        sa.Column("event_code", sa.String(8)),
        sa.Column("event_root_code", sa.String(4)),
        sa.Column("quad_class", sa.Integer),
        sa.Column("goldstein", sa.Float),
        sa.Column("actor1", sa.Text),
        sa.Column("actor1_country", sa.String(8)),
        sa.Column("actor2", sa.Text),
        sa.Column("actor2_country", sa.String(8)),
        sa.Column("country", sa.String(2)),
        sa.Column("location", sa.Text),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("geo_type", sa.Integer),
        sa.Column("num_mentions", sa.Integer),
        sa.Column("num_sources", sa.Integer),
        sa.Column("num_articles", sa.Integer),
        sa.Column("avg_tone", sa.Float),
        sa.Column("source_url", sa.Text),
        sa.Column("status", sa.String(20), nullable=False, server_default="new"),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("raw", sa.JSON),
        sa.Column("imported_at", TS, nullable=False),
        sa.UniqueConstraint("dataset", "dataset_id", name="uq_leads_dataset_id"),
    )
    op.create_index("ix_leads_event_date", "leads", ["event_date"])
    op.create_table(
        "lead_mentions",
        sa.Column("id", PK, primary_key=True, autoincrement=True),
        sa.Column("lead_id", PK, sa.ForeignKey("leads.id", ondelete="CASCADE"), nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("source_name", sa.Text),
        sa.Column("mention_time", TS),
        sa.Column("confidence", sa.Integer),
        sa.UniqueConstraint("lead_id", "url", name="uq_lead_mentions_lead_url"),
    )


def downgrade() -> None:
    op.drop_table("lead_mentions")
    op.drop_table("leads")
    op.drop_table("reference_events")
    op.drop_table("feed_items")
    op.drop_table("source_fetches")
    op.drop_table("fetch_state")
    op.drop_table("document_minhashes")
    with op.batch_alter_table("documents") as batch:
        batch.drop_index("ix_documents_near_dup_of")
        batch.drop_constraint("fk_documents_near_dup_of_documents", type_="foreignkey")
        batch.drop_column("near_dup_similarity")
        batch.drop_column("near_dup_of")
        batch.drop_column("http_status")
    with op.batch_alter_table("sources") as batch:
        for name in ("meta", "interval_s", "verified", "enabled", "source_type", "homepage"):
            batch.drop_column(name)
