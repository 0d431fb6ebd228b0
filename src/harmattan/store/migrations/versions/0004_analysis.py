"""Analysis tables: alert runs, seen events, novelty keys, alerts, analysis cache.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

PK = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "alert_runs",
        sa.Column("id", PK, autoincrement=True, nullable=False),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("finished_at", TS, nullable=True),
        sa.Column("new_events", sa.Integer(), server_default="0", nullable=False),
        sa.Column("alerts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("data_version", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alert_runs")),
    )
    op.create_table(
        "alert_seen",
        sa.Column("event_key", sa.String(length=24), nullable=False),
        sa.Column("run_id", PK, nullable=False),
        sa.PrimaryKeyConstraint("event_key", name=op.f("pk_alert_seen")),
    )
    op.create_table(
        "novelty_keys",
        sa.Column("id", PK, autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("key", sa.String(length=400), nullable=False),
        sa.Column("first_date", sa.Date(), nullable=False),
        sa.Column("first_event", sa.String(length=24), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_novelty_keys")),
        sa.UniqueConstraint("kind", "key", name="uq_novelty_keys_kind_key"),
    )
    op.create_table(
        "alerts",
        sa.Column("id", PK, autoincrement=True, nullable=False),
        sa.Column("alert_key", sa.String(length=64), nullable=False),
        sa.Column("run_id", PK, nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("severity", sa.String(length=8), nullable=False),
        sa.Column("score", sa.Float(), server_default="0", nullable=False),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("actors", sa.JSON(), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("admin1", sa.String(length=100), nullable=True),
        sa.Column("admin2", sa.String(length=100), nullable=True),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts")),
        sa.UniqueConstraint("alert_key", name=op.f("uq_alerts_alert_key")),
    )
    op.create_index("ix_alerts_date", "alerts", ["event_date"], unique=False)
    op.create_index("ix_alerts_kind_date", "alerts", ["kind", "event_date"], unique=False)
    op.create_table(
        "analysis_cache",
        sa.Column("id", PK, autoincrement=True, nullable=False),
        sa.Column("analysis", sa.String(length=40), nullable=False),
        sa.Column("params_hash", sa.String(length=64), nullable=False),
        sa.Column("data_version", sa.String(length=200), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_analysis_cache")),
        sa.UniqueConstraint("analysis", "params_hash", name="uq_analysis_cache_analysis_params"),
    )


def downgrade() -> None:
    for name in ("analysis_cache", "alerts", "novelty_keys", "alert_seen", "alert_runs"):
        op.drop_table(name)
